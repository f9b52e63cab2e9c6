/**
 * The ten domains of démarches of Aidants Connect (settings.DEMARCHES): an aidant's mandate names the domains it covers.
 */
export const Demarche = {
  Papiers: 'papiers',
  Famille: 'famille',
  Social: 'social',
  Travail: 'travail',
  Logement: 'logement',
  Transports: 'transports',
  Argent: 'argent',
  Justice: 'justice',
  Etranger: 'etranger',
  Loisirs: 'loisirs',
} as const
export type Demarche = (typeof Demarche)[keyof typeof Demarche]

/** The titles Aidants Connect shows for each domain. */
export const demarcheTitles: Readonly<Record<Demarche, string>> = {
  papiers: 'Papiers - Citoyenneté - Élections',
  famille: 'Famille - Scolarité',
  social: 'Social - Santé',
  travail: 'Travail - Formation',
  logement: 'Logement',
  transports: 'Transports - Mobilité',
  argent: 'Argent - Impôts - Consommation',
  justice: 'Justice',
  etranger: 'Étranger - Europe',
  loisirs: 'Loisirs - Sport - Culture',
}
