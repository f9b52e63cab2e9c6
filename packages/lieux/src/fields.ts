/** The 32 columns of the standard v1.0.2, in the official CSV order. */
export const lieuFields = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const
export type LieuField = (typeof lieuFields)[number]

/** Required by the standard (v1.0.2 dropped `services` from this list). */
export const requiredLieuFields = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'] as const

/** Fields holding a `|`-separated list. */
export const listLieuFields = [
  'typologie',
  'courriels',
  'site_web',
  'itinerance',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
] as const
export type ListLieuField = (typeof listLieuFields)[number]

/** The separator of multi-valued fields in v1 (v0.1.0 used `;`). */
export const LIST_SEPARATOR = '|'

const fieldSet: ReadonlySet<string> = new Set(lieuFields)
export function isLieuField(name: string): name is LieuField {
  return fieldSet.has(name)
}

const listFieldSet: ReadonlySet<string> = new Set(listLieuFields)
export function isListLieuField(name: string): name is ListLieuField {
  return listFieldSet.has(name)
}
