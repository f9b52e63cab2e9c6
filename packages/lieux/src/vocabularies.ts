/**
 * Official vocabularies of the "schéma des lieux de médiation numérique" v1.0.2
 * (LaMednum/standard-mediation-num, schema.json @ e347ff4). Values are copied exactly:
 * accents, case, apostrophes. Code compares through these constants, never through raw strings.
 * A change here is a change of the standard: it comes with a changeset and updates the snapshot test.
 */

/** `services`: what a lieu helps with (9 values). */
export const Service = {
  AdministrativeProcedures: 'Aide aux démarches administratives',
  EverydayDigitalTools: 'Maîtrise des outils numériques du quotidien',
  EmploymentThroughDigital: 'Insertion professionnelle via le numérique',
  SafeDigitalUse: 'Utilisation sécurisée du numérique',
  ParentingAndEducation: 'Parentalité et éducation avec le numérique',
  LeisureAndCreation: 'Loisirs et créations numériques',
  UnderstandingDigitalWorld: 'Compréhension du monde numérique',
  InternetAndEquipmentAccess: 'Accès internet et matériel informatique',
  AffordableEquipment: 'Acquisition de matériel informatique à prix solidaire',
} as const
export type Service = (typeof Service)[keyof typeof Service]

/** `publics_specifiquement_adresses`: the publics a lieu is turned towards (absent = tout public). */
export const TargetPublic = {
  Youth: 'Jeunes',
  Students: 'Étudiants',
  FamiliesChildren: 'Familles et/ou enfants',
  Seniors: 'Seniors',
  Women: 'Femmes',
} as const
export type TargetPublic = (typeof TargetPublic)[keyof typeof TargetPublic]

/** `prise_en_charge_specifique`: specific needs a lieu can support. */
export const SpecificSupport = {
  Deafness: 'Surdité',
  MotorDisability: 'Handicaps moteurs',
  MentalDisability: 'Handicaps mentaux',
  Illiteracy: 'Illettrisme',
  ForeignLanguagesEnglish: 'Langues étrangères (anglais)',
  ForeignLanguagesOther: 'Langues étrangères (autres)',
  VisualImpairment: 'Déficience visuelle',
} as const
export type SpecificSupport = (typeof SpecificSupport)[keyof typeof SpecificSupport]

/** `frais_a_charge`: what the person pays. */
export const Fee = {
  Free: 'Gratuit',
  FreeUnderConditions: 'Gratuit sous condition',
  Paid: 'Payant',
} as const
export type Fee = (typeof Fee)[keyof typeof Fee]

/** `itinerance`: a fixed place, an itinerant one (bus, cyber-caravane), or both. */
export const Itinerance = {
  Itinerant: 'Itinérant',
  Fixed: 'Fixe',
} as const
export type Itinerance = (typeof Itinerance)[keyof typeof Itinerance]

/** `modalites_acces`: how a person gets the service. */
export const AccessMode = {
  WalkIn: 'Se présenter',
  Phone: 'Téléphoner',
  Email: 'Contacter par mail',
  OnlineBooking: 'Prendre un RDV en ligne',
  NoPublicReception: "Ce lieu n'accueille pas de public",
  EmailWithReferral: 'Envoyer un mail avec une fiche de prescription',
} as const
export type AccessMode = (typeof AccessMode)[keyof typeof AccessMode]

/** `modalites_accompagnement`: how the person is supported. */
export const SupportMode = {
  Autonomous: 'En autonomie',
  Individual: 'Accompagnement individuel',
  Workshop: 'Dans un atelier collectif',
  Remote: 'À distance',
} as const
export type SupportMode = (typeof SupportMode)[keyof typeof SupportMode]

/** `dispositif_programmes_nationaux`: national programmes the lieu belongs to. */
export const NationalProgramme = {
  AidantsConnect: 'Aidants Connect',
  ReferenceDigitalLibraries: 'Bibliothèques numérique de référence',
  PixCertification: 'Certification PIX',
  ConseillersNumeriques: 'Conseillers numériques',
  EmmausConnect: 'Emmaüs Connect',
  FranceServices: 'France Services',
  GrandeEcoleDuNumerique: 'Grande école du numérique',
  CroixRouge: 'La Croix Rouge',
  CafDigitalAccessPoint: "Point d'accès numérique CAF",
  PromeneursDuNet: 'Promeneurs du net',
  EmmausConnectRelay: 'Relais numérique (Emmaüs Connect)',
} as const
export type NationalProgramme = (typeof NationalProgramme)[keyof typeof NationalProgramme]

/**
 * `formations_labels` ("liste évolutive"). The v1.0.2 pattern spells `Étapes numériques\(La Poste\)`
 * without the space that its description and the ANCT library use: we write the spaced form and
 * accept both on input (see {@link normaliseVocabularyValue}).
 */
export const TrainingLabel = {
  MonEspaceSante: 'Formé à « Mon Espace Santé »',
  Duplex: 'Formé à « DUPLEX » (illettrisme)',
  ArniaMedNumBfc: 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  ReemploiNormandie: 'Collectif ressources et acteurs réemploi (Normandie)',
  EtapesNumeriques: 'Étapes numériques (La Poste)',
  FabriquesDeTerritoire: 'Fabriques de Territoire',
  EclaireursDrome: 'Les Éclaireurs du numérique (Drôme)',
  MesPapiersLyon: 'Mes Papiers (Métropole de Lyon)',
  Ordi3: 'ORDI 3.0',
  SudLabs: 'SUD LABS (PACA)',
} as const
export type TrainingLabel = (typeof TrainingLabel)[keyof typeof TrainingLabel]

/**
 * `typologie`: codes of the data·inclusion "typologies de structure" (v0), as used by the ANCT library
 * (93 codes) plus the four codes only data·inclusion lists. The standard sets no pattern on this field,
 * so an unknown code is a warning, never a rejection. Labels are the ANCT cartographie's.
 */
export const Typologie = {
  ACI: "Structures porteuses d'ateliers et chantiers d'insertion",
  ACIPHC: "SIAE — Atelier chantier d'insertion premières heures en chantier",
  AFPA: 'Agence nationale pour la formation professionnelle des adultes',
  AI: 'Associations intermédiaires',
  ASE: "Aide sociale à l'enfance",
  ASSO: 'Associations',
  ASSO_CHOMEUR: 'Associations de chômeurs',
  Autre: 'Autre',
  AVIP: "Crèche à vocation d'insertion professionnelle",
  BIB: 'Bibliothèque / Médiathèque',
  CAARUD: "Centre d'accueil et d'accompagnement à la réduction de risques pour usagers de drogues",
  CADA: "Centres d'accueil de demandeurs d'asile",
  CAF: "Caisses d'allocation familiale",
  CAP_EMPLOI: 'Cap Emploi',
  CAVA: "Centres d'adaptation à la vie active",
  CC: 'Communautés de communes',
  CCAS: "Centres communaux d'action sociale",
  CCONS: 'Chambres consulaires',
  CD: 'Conseils départementaux',
  CDAS: "Centre départemental d'action sociale",
  CFP: 'Centre des finances publiques',
  CHRS: "Centres d'hébergement et de réinsertion sociale",
  CHU: "Centres d'hébergement d'urgence",
  CIAS: "Centres intercommunaux d'action sociale",
  CIDFF: "Centres d'information sur les droits des femmes et des familles",
  CITMET: 'Cité des métiers',
  CMP: 'Centre médico-psychologique',
  CMS: 'Centre médico-social',
  CPAM: "Caisse primaire d'assurance maladie",
  CPH: "Centres provisoires d'hébergement",
  CS: 'Centre social',
  CSAPA: "Centre de soins, d'accompagnement et de prévention en addictologie",
  CSC: 'Centre socioculturel',
  DEETS: "Directions de l'économie, de l'emploi, du travail et des solidarités",
  DEPT: 'Services sociaux du conseil départemental',
  DIPLP: 'Délégation interministérielle à la prévention et à la lutte contre la pauvreté',
  E2C: 'École de la deuxième chance',
  EA: 'Entreprise adaptée',
  EATT: 'Entreprise adaptée de travail temporaire',
  EI: "Entreprises d'insertion",
  EITI: "Entreprises d'insertion par le travail indépendant",
  ENM: 'Espace numérique mobile',
  EPCI: 'Intercommunalité',
  EPI: 'Espace public internet',
  EPIDE: "Établissement pour l'insertion dans l'emploi",
  EPN: 'Espace public numérique',
  ES: 'Épicerie solidaire',
  ESAT: "Établissements ou services d'aide par le travail",
  ESS: "Entreprise de l'économie sociale et solidaire",
  ETABL_PRI: 'Établissement privé',
  ETABL_PUB: 'Établissement public',
  ETAT: "Services de l'État",
  ETTI: "Entreprises de travail temporaire d'insertion",
  EVS: 'Espace de vie sociale',
  FABLAB: 'Fablab',
  FABRIQUE: 'Fabrique',
  FAIS: "Fédérations d'acteurs de l'insertion et de la solidarité",
  FT: 'France Travail',
  GEIQ: "Groupements d'employeurs pour l'insertion et la qualification",
  HUDA: "Hébergement d'urgence pour demandeurs d'asile",
  LA_POSTE: 'La Poste',
  MDA: 'Maison des adolescents',
  MDE: "Maison de l'emploi",
  MDEF: "Maison de l'emploi et de la formation",
  MDH: 'Maison des habitants',
  MDPH: 'Maison départementale des personnes handicapées',
  MDS: 'Maison départementale des solidarités',
  MJC: 'Maison des jeunes et de la culture',
  ML: 'Mission locale',
  MQ: 'Maison de quartier',
  MSA: 'Mutualité sociale agricole',
  MSAP: 'Maison de services au public',
  MUNI: 'Municipalités',
  OACAS: "Structures agréées organisme d'accueil communautaire et d'activité solidaire",
  ODC: "Organisation délégataire d'un CD",
  OF: 'Organisme de formations',
  OIL: "Opérateur d'intermédiation locative",
  OPCS: 'Organisation porteuse de la clause sociale',
  PAD: "Point d'accès au droit",
  PENSION: 'Pension de famille',
  PI: 'Point info',
  PIJ_BIJ: 'Points et bureaux information jeunesse',
  PIMMS: "Point d'information médiation multi services",
  PJJ: 'Protection judiciaire de la jeunesse',
  PLIE: "Plans locaux pour l'insertion et l'emploi",
  PREF: 'Préfecture, sous-préfecture',
  PREVENTION: 'Service ou club de prévention',
  REG: 'Région',
  RELAIS_LECTURE: 'Relais lecture',
  RESSOURCERIE: 'Ressourcerie',
  RFS: 'Réseau France Services',
  RS_FJT: 'Résidence sociale - Foyer de jeunes travailleurs',
  SCP: 'Services et clubs de prévention',
  SPIP: "Services pénitentiaires d'insertion et de probation",
  TIERS_LIEUX: 'Tiers lieu & coworking',
  UDAF: "Union départementale d'aide aux familles",
} as const
export type TypologieCode = keyof typeof Typologie

/** Fields whose value is a `|`-separated list taken from one of the vocabularies above. */
export const vocabularies = {
  services: Object.values(Service),
  publics_specifiquement_adresses: Object.values(TargetPublic),
  prise_en_charge_specifique: Object.values(SpecificSupport),
  frais_a_charge: Object.values(Fee),
  itinerance: Object.values(Itinerance),
  modalites_acces: Object.values(AccessMode),
  modalites_accompagnement: Object.values(SupportMode),
  dispositif_programmes_nationaux: Object.values(NationalProgramme),
  formations_labels: Object.values(TrainingLabel),
} as const
export type VocabularyField = keyof typeof vocabularies

const officialValues: ReadonlyMap<string, string> = new Map(
  Object.values(vocabularies)
    .flat()
    .map((value) => [value, value]),
)

/** Spellings seen in real files that mean an official value exactly (not guesses: those get a suggestion instead). */
const equivalentSpellings: Readonly<Record<string, string>> = {
  'Étapes numériques(La Poste)': TrainingLabel.EtapesNumeriques,
}

/**
 * Brings an input value to its official spelling when the difference is only typographic:
 * curly apostrophes (’ ‘ ʼ) become the standard's straight one, and the unspaced
 * `Étapes numériques(La Poste)` of the v1.0.2 pattern becomes the spaced official form.
 */
export function normaliseVocabularyValue(value: string): string {
  // The common case: already official. The vocabulary's own string is returned, not the cell (a view on the file).
  const official = officialValues.get(value)
  if (official !== undefined) return official
  const straight = value
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
  return equivalentSpellings[straight] ?? straight
}
