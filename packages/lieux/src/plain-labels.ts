import {
  AccessMode,
  Fee,
  NationalProgramme,
  normaliseVocabularyValue,
  Service,
  SpecificSupport,
  SupportMode,
  TargetPublic,
} from './vocabularies.js'

/*
 * The standard's values in plain words, for people: a short label for a list or a card, and a criterion that completes
 * « un lieu … » / "a place …". The official spelling stays for data and filters; it never goes into a sentence.
 * Brands (France Services, Aidants Connect…) stay as they are.
 */

/** The languages a plain label exists in. */
export type PlainLanguage = 'fr' | 'en'

/** The fields whose values have plain labels. */
export const plainLabelFields = [
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'modalites_acces',
  'modalites_accompagnement',
  'dispositif_programmes_nationaux',
] as const
export type PlainLabelField = (typeof plainLabelFields)[number]

/** One value in plain words: [label, criterion] in French, then in English. */
type Plain = { fr: readonly [label: string, criterion: string]; en: readonly [label: string, criterion: string] }

const services: Record<Service, Plain> = {
  [Service.AdministrativeProcedures]: {
    fr: ['Aide pour les démarches en ligne', 'pour les démarches en ligne'],
    en: ['Help with online paperwork', 'for help with online paperwork'],
  },
  [Service.EverydayDigitalTools]: {
    fr: [
      'Apprendre à utiliser un ordinateur ou un téléphone',
      'pour apprendre à utiliser un ordinateur ou un téléphone',
    ],
    en: ['Learning to use a computer or a phone', 'for learning to use a computer or a phone'],
  },
  [Service.EmploymentThroughDigital]: {
    fr: ['Aide pour chercher un emploi en ligne', 'pour chercher un emploi en ligne'],
    en: ['Help to look for a job online', 'for looking for a job online'],
  },
  [Service.SafeDigitalUse]: {
    fr: ['Apprendre à se protéger sur internet', 'pour apprendre à se protéger sur internet'],
    en: ['Learning to stay safe online', 'for learning to stay safe online'],
  },
  [Service.ParentingAndEducation]: {
    fr: ['Aide aux parents : écrans et école en ligne', 'pour aider les parents avec les écrans et l’école en ligne'],
    en: ['Help for parents: screens and school online', 'for helping parents with screens and school online'],
  },
  [Service.LeisureAndCreation]: {
    fr: ['Loisirs et création sur ordinateur', 'pour les loisirs et la création sur ordinateur'],
    en: ['Hobbies and creating on a computer', 'for hobbies and creating on a computer'],
  },
  [Service.UnderstandingDigitalWorld]: {
    fr: ['Comprendre internet et le numérique', 'pour comprendre internet et le numérique'],
    en: ['Understanding the internet and digital life', 'for understanding the internet and digital life'],
  },
  [Service.InternetAndEquipmentAccess]: {
    fr: ['Ordinateurs et internet sur place', 'pour utiliser un ordinateur ou internet sur place'],
    en: ['Computers and internet on site', 'for using a computer or the internet on site'],
  },
  [Service.AffordableEquipment]: {
    fr: ['Ordinateurs à petit prix', 'pour acheter un ordinateur à petit prix'],
    en: ['Low-cost computers', 'for buying a low-cost computer'],
  },
}

const publics: Record<TargetPublic, Plain> = {
  [TargetPublic.Youth]: { fr: ['Pour les jeunes', 'pour les jeunes'], en: ['For young people', 'for young people'] },
  [TargetPublic.Students]: { fr: ['Pour les étudiants', 'pour les étudiants'], en: ['For students', 'for students'] },
  [TargetPublic.FamiliesChildren]: {
    fr: ['Pour les familles et les enfants', 'pour les familles et les enfants'],
    en: ['For families and children', 'for families and children'],
  },
  [TargetPublic.Seniors]: {
    fr: ['Pour les seniors', 'pour les seniors'],
    en: ['For older people', 'for older people'],
  },
  [TargetPublic.Women]: { fr: ['Pour les femmes', 'pour les femmes'], en: ['For women', 'for women'] },
}

const specificSupport: Record<SpecificSupport, Plain> = {
  [SpecificSupport.Deafness]: {
    fr: ['Accueil des personnes sourdes ou malentendantes', 'qui accueille les personnes sourdes'],
    en: ['Support for deaf or hard-of-hearing people', 'that welcomes deaf people'],
  },
  [SpecificSupport.MotorDisability]: {
    fr: ['Accueil des personnes avec un handicap moteur', 'qui accueille les personnes avec un handicap moteur'],
    en: ['Support for people with a physical disability', 'that welcomes people with a physical disability'],
  },
  [SpecificSupport.MentalDisability]: {
    fr: ['Accueil des personnes avec un handicap mental', 'qui accueille les personnes avec un handicap mental'],
    en: ['Support for people with an intellectual disability', 'that welcomes people with an intellectual disability'],
  },
  [SpecificSupport.Illiteracy]: {
    fr: ['Aide pour qui a du mal à lire et à écrire', 'qui aide les personnes qui ont du mal à lire et à écrire'],
    en: ['Help for people who find reading and writing hard', 'that helps people who find reading and writing hard'],
  },
  [SpecificSupport.ForeignLanguagesEnglish]: {
    fr: ['Accueil en anglais', 'où l’on parle anglais'],
    en: ['Help in English', 'where English is spoken'],
  },
  [SpecificSupport.ForeignLanguagesOther]: {
    fr: ['Accueil dans d’autres langues', 'où l’on parle d’autres langues'],
    en: ['Help in other languages', 'where other languages are spoken'],
  },
  [SpecificSupport.VisualImpairment]: {
    fr: ['Accueil des personnes aveugles ou malvoyantes', 'qui accueille les personnes aveugles ou malvoyantes'],
    en: ['Support for blind or partially sighted people', 'that welcomes blind or partially sighted people'],
  },
}

const fees: Record<Fee, Plain> = {
  [Fee.Free]: { fr: ['Gratuit', 'gratuit'], en: ['Free', 'that is free'] },
  [Fee.FreeUnderConditions]: {
    fr: ['Gratuit sous conditions', 'gratuit sous conditions'],
    en: ['Free under conditions', 'that is free under conditions'],
  },
  [Fee.Paid]: { fr: ['Payant', 'payant'], en: ['Paid', 'that charges a fee'] },
}

const accessModes: Record<AccessMode, Plain> = {
  [AccessMode.WalkIn]: {
    fr: ['Venir sur place', 'où l’on peut venir directement'],
    en: ['Walk in', 'where you can just walk in'],
  },
  [AccessMode.Phone]: { fr: ['Par téléphone', 'que l’on peut appeler'], en: ['By phone', 'that you can phone'] },
  [AccessMode.Email]: {
    fr: ['Par mail', 'que l’on peut contacter par mail'],
    en: ['By email', 'that you can contact by email'],
  },
  [AccessMode.OnlineBooking]: {
    fr: ['Rendez-vous en ligne', 'où l’on peut prendre rendez-vous en ligne'],
    en: ['Book online', 'where you can book an appointment online'],
  },
  [AccessMode.NoPublicReception]: {
    fr: ['N’accueille pas de public', 'qui n’accueille pas de public'],
    en: ['Not open to the public', 'that is not open to the public'],
  },
  [AccessMode.EmailWithReferral]: {
    fr: [
      'Sur demande d’un professionnel, par mail',
      'qui reçoit les personnes envoyées par un professionnel, comme un travailleur social',
    ],
    en: [
      'Referral by a professional, by email',
      'that sees people referred by a professional, such as a social worker',
    ],
  },
}

const supportModes: Record<SupportMode, Plain> = {
  [SupportMode.Autonomous]: {
    fr: ['Ordinateurs en libre accès', 'où l’on peut se servir seul d’un ordinateur'],
    en: ['Computers to use on your own', 'where you can use a computer on your own'],
  },
  [SupportMode.Individual]: {
    fr: ['Aide individuelle', 'avec une aide individuelle'],
    en: ['One-to-one help', 'with one-to-one help'],
  },
  [SupportMode.Workshop]: {
    fr: ['Ateliers en groupe', 'avec des ateliers en groupe'],
    en: ['Group workshops', 'with group workshops'],
  },
  [SupportMode.Remote]: {
    fr: ['Aide à distance', 'qui aide à distance, sans se déplacer'],
    en: ['Remote help', 'that helps remotely, without you travelling'],
  },
}

const programmes: Record<NationalProgramme, Plain> = {
  [NationalProgramme.AidantsConnect]: {
    fr: ['Aidants Connect', 'Aidants Connect'],
    en: ['Aidants Connect', 'that is part of Aidants Connect'],
  },
  [NationalProgramme.ReferenceDigitalLibraries]: {
    fr: ['Bibliothèque numérique de référence', 'qui est une bibliothèque numérique de référence'],
    en: ['Reference digital library', 'that is a reference digital library'],
  },
  [NationalProgramme.PixCertification]: {
    fr: ['Certification Pix', 'où l’on peut passer la certification Pix'],
    en: ['Pix certification', 'where you can take the Pix certification'],
  },
  [NationalProgramme.ConseillersNumeriques]: {
    fr: ['Conseillers numériques', 'avec un conseiller numérique'],
    en: ['Digital advisers', 'with a digital adviser'],
  },
  [NationalProgramme.EmmausConnect]: {
    fr: ['Emmaüs Connect', 'Emmaüs Connect'],
    en: ['Emmaüs Connect', 'that is part of Emmaüs Connect'],
  },
  [NationalProgramme.FranceServices]: {
    fr: ['France Services', 'France Services'],
    en: ['France Services', 'that is a France Services centre'],
  },
  [NationalProgramme.GrandeEcoleDuNumerique]: {
    fr: ['Grande école du numérique', 'qui fait partie de la Grande école du numérique'],
    en: ['Grande école du numérique', 'that is part of the Grande école du numérique'],
  },
  [NationalProgramme.CroixRouge]: {
    fr: ['Croix-Rouge', 'de la Croix-Rouge'],
    en: ['Red Cross', 'that is part of the Red Cross'],
  },
  [NationalProgramme.CafDigitalAccessPoint]: {
    fr: ['Point d’accès numérique de la CAF', 'avec un point d’accès numérique de la CAF'],
    en: ['CAF digital access point', 'with a CAF digital access point'],
  },
  [NationalProgramme.PromeneursDuNet]: {
    fr: ['Promeneurs du Net', 'avec un Promeneur du Net, pour les jeunes'],
    en: ['Promeneurs du Net', 'with a Promeneur du Net, for young people'],
  },
  [NationalProgramme.EmmausConnectRelay]: {
    fr: ['Relais numérique Emmaüs Connect', 'qui est un relais numérique d’Emmaüs Connect'],
    en: ['Emmaüs Connect digital relay', 'that is an Emmaüs Connect digital relay'],
  },
}

const plain: Readonly<Record<PlainLabelField, ReadonlyMap<string, Plain>>> = {
  services: new Map(Object.entries(services)),
  publics_specifiquement_adresses: new Map(Object.entries(publics)),
  prise_en_charge_specifique: new Map(Object.entries(specificSupport)),
  frais_a_charge: new Map(Object.entries(fees)),
  modalites_acces: new Map(Object.entries(accessModes)),
  modalites_accompagnement: new Map(Object.entries(supportModes)),
  dispositif_programmes_nationaux: new Map(Object.entries(programmes)),
}

function lookup(field: string, value: string, lang: PlainLanguage): readonly [string, string] | undefined {
  if (!Object.hasOwn(plain, field)) return undefined
  const entry = plain[field as PlainLabelField].get(normaliseVocabularyValue(value))
  return entry?.[lang === 'en' ? 'en' : 'fr']
}

/**
 * A short label for a list or a card: `plainLabel('prise_en_charge_specifique', SpecificSupport.Deafness)` →
 * « Accueil des personnes sourdes ou malentendantes ». An unknown field or value gives the value itself.
 */
export function plainLabel(field: PlainLabelField | (string & {}), value: string, lang: PlainLanguage = 'fr'): string {
  return lookup(field, value, lang)?.[0] ?? value
}

/**
 * Words that complete « un lieu … » / "a place …": `plainCriterion('frais_a_charge', Fee.Free, 'en')` → "that is free".
 * An unknown field or value gives the value itself.
 */
export function plainCriterion(
  field: PlainLabelField | (string & {}),
  value: string,
  lang: PlainLanguage = 'fr',
): string {
  return lookup(field, value, lang)?.[1] ?? value
}
