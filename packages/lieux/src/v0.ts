import { LIST_SEPARATOR } from './fields.js'
import { closestValue, excerpt } from './text.js'
import {
  Fee,
  NationalProgramme,
  normaliseVocabularyValue,
  Service,
  SpecificSupport,
  SupportMode,
  TargetPublic,
  TrainingLabel,
} from './vocabularies.js'

/*
 * Version 0.1.0 of the standard (2022): `;`-separated lists and older vocabularies.
 * The conversion to v1 follows the ANCT mapping (see docs/glossary.md and the Hinaura provenance notes):
 * it never invents a value, and what v1 cannot hold is said in a warning.
 */

/** The v0.1.0 `services` values and the v1 service each one became. */
export const servicesV0ToV1 = {
  'Devenir autonome dans les démarches administratives': Service.AdministrativeProcedures,
  'Réaliser des démarches administratives avec un accompagnement': Service.AdministrativeProcedures,
  'Accompagner les démarches de santé': Service.AdministrativeProcedures,
  'Prendre en main un smartphone ou une tablette': Service.EverydayDigitalTools,
  'Prendre en main un ordinateur': Service.EverydayDigitalTools,
  'Utiliser le numérique au quotidien': Service.EverydayDigitalTools,
  'Approfondir ma culture numérique': Service.UnderstandingDigitalWorld,
  'Promouvoir la citoyenneté numérique': Service.UnderstandingDigitalWorld,
  'Favoriser mon insertion professionnelle': Service.EmploymentThroughDigital,
  'Créer et développer mon entreprise': Service.EmploymentThroughDigital,
  'Accéder à une connexion internet': Service.InternetAndEquipmentAccess,
  'Accéder à du matériel': Service.InternetAndEquipmentAccess,
  "S'équiper en matériel informatique": Service.AffordableEquipment,
  'Créer avec le numérique': Service.LeisureAndCreation,
  "Soutenir la parentalité et l'éducation avec le numérique": Service.ParentingAndEducation,
} as const

type PublicTarget = { field: 'publics_specifiquement_adresses' | 'prise_en_charge_specifique'; value: string } | null

/**
 * `publics_accueillis` (publics a place *can* receive) → v1. Publics become `publics_specifiquement_adresses`
 * (publics a place *targets*) only when the place does not also receive adults; needs become `prise_en_charge_specifique`.
 */
export const publicsV0ToV1: Readonly<Record<string, PublicTarget>> = {
  'Seniors (+ 65 ans)': { field: 'publics_specifiquement_adresses', value: TargetPublic.Seniors },
  'Familles/enfants': { field: 'publics_specifiquement_adresses', value: TargetPublic.FamiliesChildren },
  Adultes: null,
  'Jeunes (16-26 ans)': { field: 'publics_specifiquement_adresses', value: TargetPublic.Youth },
  'Uniquement femmes': { field: 'publics_specifiquement_adresses', value: TargetPublic.Women },
  'Public langues étrangères': { field: 'prise_en_charge_specifique', value: SpecificSupport.ForeignLanguagesOther },
  'Déficience visuelle': { field: 'prise_en_charge_specifique', value: SpecificSupport.VisualImpairment },
  Surdité: { field: 'prise_en_charge_specifique', value: SpecificSupport.Deafness },
  'Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales': {
    field: 'prise_en_charge_specifique',
    value: SpecificSupport.MentalDisability,
  },
  "Handicaps mentaux : déficiences limitant les activités d'une personne": {
    field: 'prise_en_charge_specifique',
    value: SpecificSupport.MentalDisability,
  },
  "Personnes en situation d'illettrisme": { field: 'prise_en_charge_specifique', value: SpecificSupport.Illiteracy },
}

/** `conditions_acces` ("Label : explication") → `frais_a_charge`, by label. */
export const accessConditionsV0ToV1: Readonly<Record<string, string>> = {
  Gratuit: Fee.Free,
  'Gratuit sous condition': Fee.FreeUnderConditions,
  Payant: Fee.Paid,
  Adhésion: Fee.Paid,
  'Accepte le Pass numérique': Fee.FreeUnderConditions,
}

type LabelTarget = {
  field: 'dispositif_programmes_nationaux' | 'formations_labels' | 'autres_formations_labels'
  value: string
}
/** `labels_nationaux` → the v1 field that now holds each label; labels v1 does not list are kept as free text. */
export const nationalLabelsV0ToV1: Readonly<Record<string, LabelTarget>> = {
  'France Services': { field: 'dispositif_programmes_nationaux', value: NationalProgramme.FranceServices },
  CNFS: { field: 'dispositif_programmes_nationaux', value: NationalProgramme.ConseillersNumeriques },
  APTIC: { field: 'autres_formations_labels', value: 'APTIC' },
  'Aidants Connect': { field: 'dispositif_programmes_nationaux', value: NationalProgramme.AidantsConnect },
  'Fabriques de Territoire': { field: 'formations_labels', value: TrainingLabel.FabriquesDeTerritoire },
  'Grandes écoles du numérique': {
    field: 'dispositif_programmes_nationaux',
    value: NationalProgramme.GrandeEcoleDuNumerique,
  },
  'Point relais CAF': { field: 'dispositif_programmes_nationaux', value: NationalProgramme.CafDigitalAccessPoint },
  'Point numérique CAF': { field: 'dispositif_programmes_nationaux', value: NationalProgramme.CafDigitalAccessPoint },
  'Relais pôle emploi': { field: 'autres_formations_labels', value: 'Relais pôle emploi' },
  'French Tech': { field: 'autres_formations_labels', value: 'French Tech' },
  'Campus connecté': { field: 'autres_formations_labels', value: 'Campus connecté' },
}

/** `modalites_accompagnement` ("Label : explication") → v1, by label. */
export const supportModesV0ToV1: Readonly<Record<string, string>> = {
  Seul: SupportMode.Autonomous,
  "Avec de l'aide": SupportMode.Individual,
  'Dans un atelier': SupportMode.Workshop,
  'A ma place': SupportMode.Individual,
}

/** Columns that exist only in v0.1.0: their presence identifies a v0 file. */
export const v0OnlyFields = [
  'publics_accueillis',
  'conditions_acces',
  'labels_nationaux',
  'labels_autres',
  'courriel',
  'cle_ban',
  'accessibilite',
] as const
/** Columns that exist only in v1. */
export const v1OnlyFields = [
  'itinerance',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'courriels',
  'fiche_acces_libre',
] as const

/** Every column of v0.1.0, in its official order. */
export const lieuFieldsV0 = [
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
  'cle_ban',
  'typologie',
  'telephone',
  'courriel',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'structure_parente',
  'date_maj',
  'services',
  'publics_accueillis',
  'conditions_acces',
  'labels_nationaux',
  'labels_autres',
  'modalites_accompagnement',
  'accessibilite',
  'prise_rdv',
] as const

/** Free label kept in `autres_formations_labels` for places that accepted the Pass numérique in v0. */
export const PASS_NUMERIQUE_LABEL = 'Pass numérique'

export type ConversionNote = { field: string; code: string; message: string }
export type V0Conversion = { record: Record<string, unknown>; errors: ConversionNote[]; warnings: ConversionNote[] }

const V0_SEPARATOR = ';'

function splitV0(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '')
  if (typeof value !== 'string') return value === undefined || value === null ? [] : [JSON.stringify(value)]
  return value
    .split(V0_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

/** v0 labels are written "Label : explication"; the label alone identifies the value. */
const labelOf = (value: string): string => normaliseVocabularyValue(value.split(' : ')[0] ?? value)

const pushUnique = (list: string[], value: string): void => {
  if (!list.includes(value)) list.push(value)
}

/** Keys compare without apostrophe or spacing differences, as the v1 vocabularies do. */
function lookup<T>(table: Readonly<Record<string, T>>, value: string): T | undefined {
  const normalised = normaliseVocabularyValue(value)
  if (normalised in table) return table[normalised]
  for (const [key, target] of Object.entries(table)) if (normaliseVocabularyValue(key) === normalised) return target
  return undefined
}

/**
 * Converts one row of the standard v0.1.0 to v1.0.2, field by field. Unknown v0 values are errors
 * (with the closest v0 value when there is one); information v1 cannot hold is a warning.
 */
export function convertV0Row(row: Readonly<Record<string, unknown>>): V0Conversion {
  const errors: ConversionNote[] = []
  const warnings: ConversionNote[] = []
  const record: Record<string, unknown> = {}
  const lists: Record<string, string[]> = {}
  const list = (field: string): string[] => (lists[field] ??= [])

  const unknownValue = (field: string, value: string, allowed: readonly string[]): void => {
    const suggestion = closestValue(value, allowed)
    errors.push({
      field,
      code: 'invalid_value',
      message: `${field} (v0.1.0) : la valeur « ${excerpt(value)} » n'est pas une valeur du standard.${
        suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ` Valeurs admises : ${allowed.join(' ; ')}.`
      }`,
    })
  }

  for (const [field, value] of Object.entries(row)) {
    switch (field) {
      case 'services':
        for (const item of splitV0(value)) {
          const v1 = lookup(servicesV0ToV1, item)
          if (v1) pushUnique(list('services'), v1)
          else unknownValue(field, item, Object.keys(servicesV0ToV1))
        }
        break
      case 'publics_accueillis': {
        const items = splitV0(value)
        const receivesAdults = items.some((item) => normaliseVocabularyValue(item) === 'Adultes')
        for (const item of items) {
          const target = lookup(publicsV0ToV1, item)
          if (target === undefined) unknownValue(field, item, Object.keys(publicsV0ToV1))
          else if (target && !(receivesAdults && target.field === 'publics_specifiquement_adresses'))
            pushUnique(list(target.field), target.value)
        }
        break
      }
      case 'conditions_acces':
        for (const item of splitV0(value)) {
          const fee = lookup(accessConditionsV0ToV1, labelOf(item))
          if (fee) pushUnique(list('frais_a_charge'), fee)
          else unknownValue(field, item, Object.keys(accessConditionsV0ToV1))
          if (labelOf(item) === 'Accepte le Pass numérique') {
            // v1 has no value for it: keep the fact as a free label so orientation can still use it.
            pushUnique(list('autres_formations_labels'), PASS_NUMERIQUE_LABEL)
            warnings.push({
              field,
              code: 'v0_value_approximated',
              message: `« Accepte le Pass numérique » n’existe plus en v1 : converti en « Gratuit sous condition », et « ${PASS_NUMERIQUE_LABEL} » est ajouté aux autres formations et labels.`,
            })
          }
        }
        break
      case 'labels_nationaux':
        for (const item of splitV0(value)) {
          const target = lookup(nationalLabelsV0ToV1, item)
          if (target) pushUnique(list(target.field), target.value)
          else unknownValue(field, item, Object.keys(nationalLabelsV0ToV1))
        }
        break
      case 'labels_autres':
        for (const item of splitV0(value)) pushUnique(list('autres_formations_labels'), item)
        break
      case 'modalites_accompagnement':
        for (const item of splitV0(value)) {
          const mode = lookup(supportModesV0ToV1, labelOf(item))
          if (mode) pushUnique(list('modalites_accompagnement'), mode)
          else unknownValue(field, item, Object.keys(supportModesV0ToV1))
        }
        break
      case 'typologie':
      case 'site_web':
        record[field] = splitV0(value).join(LIST_SEPARATOR)
        break
      case 'courriel':
        record.courriels = splitV0(value).join(LIST_SEPARATOR)
        break
      case 'accessibilite':
        record.fiche_acces_libre = value
        break
      case 'cle_ban':
        if (typeof value === 'string' && value.trim() !== '')
          warnings.push({
            field,
            code: 'v0_field_dropped',
            message: `cle_ban n'existe plus en v1 : la valeur « ${excerpt(value)} » n'est pas reprise.`,
          })
        break
      case 'presentation_resume': {
        const text = typeof value === 'string' ? value.trim() : value
        if (typeof text === 'string' && text.length > 280) {
          // v0 allowed 500 characters, v1 allows 280: keep the whole text in the detail, shorten the summary.
          const detail = typeof row.presentation_detail === 'string' ? row.presentation_detail.trim() : ''
          record.presentation_resume = `${text.slice(0, 279).trimEnd()}…`
          record.presentation_detail = detail === '' ? text : `${text}\n\n${detail}`
          warnings.push({
            field,
            code: 'v0_summary_shortened',
            message: `Le résumé faisait ${text.length} caractères (280 au plus en v1) : il est raccourci, le texte entier est repris dans presentation_detail.`,
          })
        } else record.presentation_resume = value
        break
      }
      case 'presentation_detail':
        record.presentation_detail ??= value
        break
      default:
        record[field] = value
    }
  }
  for (const [field, values] of Object.entries(lists)) record[field] = values.join(LIST_SEPARATOR)
  return { record, errors, warnings }
}
