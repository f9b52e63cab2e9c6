import { AccessMode, Fee, NationalProgramme, Service, SupportMode } from '@aiguillage/lieux'

/*
 * « Pourquoi ce lieu ? » in one short sentence, from the lieu's own data: what kind of help it gives (the national
 * programme first, since it says the most: France Services agents do procedures with you, an Aidants Connect aidant
 * can do them for you under a mandate, a conseiller numérique teaches), then the price and whether one can walk in.
 * Nothing is said that the data do not say.
 */

export type Language = 'fr' | 'en'

/** The fields the sentence is built from (a lieu, or a card made from one). */
export type WhyLieu = {
  dispositif_programmes_nationaux?: readonly string[] | undefined
  services?: readonly string[] | undefined
  modalites_accompagnement?: readonly string[] | undefined
  frais_a_charge?: readonly string[] | undefined
  modalites_acces?: readonly string[] | undefined
  prise_rdv?: string | undefined
}

const kinds: readonly { test: (lieu: WhyLieu) => boolean; fr: string; en: string }[] = [
  {
    test: (l) => has(l.dispositif_programmes_nationaux, NationalProgramme.FranceServices),
    fr: 'France Services : un agent fait les démarches avec vous',
    en: 'France Services: an agent does the procedures with you',
  },
  {
    test: (l) => has(l.dispositif_programmes_nationaux, NationalProgramme.AidantsConnect),
    fr: 'Aidants Connect : un aidant habilité peut faire la démarche à votre place, avec votre accord',
    en: 'Aidants Connect: a trained helper can do the procedure for you, with your consent',
  },
  {
    test: (l) => has(l.dispositif_programmes_nationaux, NationalProgramme.ConseillersNumeriques),
    fr: 'Un conseiller numérique vous apprend à vous servir du numérique',
    en: 'A digital adviser teaches you to use digital tools',
  },
  {
    test: (l) => has(l.modalites_accompagnement, SupportMode.Workshop),
    fr: 'Des ateliers en groupe pour apprendre',
    en: 'Group workshops to learn',
  },
  {
    test: (l) => has(l.modalites_accompagnement, SupportMode.Individual),
    fr: 'Une personne vous aide, seul à seul',
    en: 'Someone helps you one to one',
  },
  {
    test: (l) => has(l.modalites_accompagnement, SupportMode.Autonomous),
    fr: 'Un ordinateur et internet à votre disposition',
    en: 'A computer and internet you can use',
  },
  {
    test: (l) => has(l.services, Service.AffordableEquipment),
    fr: 'Du matériel informatique à petit prix',
    en: 'Low-cost computer equipment',
  },
]

const needReasons: Readonly<Record<string, { fr: string; en: string }>> = {
  [Service.InternetAndEquipmentAccess]: {
    fr: 'Un ordinateur, une imprimante et internet à votre disposition',
    en: 'A computer, a printer and internet you can use',
  },
  [Service.AffordableEquipment]: { fr: 'Du matériel informatique à petit prix', en: 'Low-cost computer equipment' },
  [Service.EmploymentThroughDigital]: {
    fr: 'Une aide pour chercher un emploi et faire un CV',
    en: 'Help to look for a job and write a CV',
  },
  [Service.SafeDigitalUse]: { fr: 'Une aide pour vous protéger en ligne', en: 'Help to stay safe online' },
}

const prices: Readonly<Record<string, { fr: string; en: string }>> = {
  [Fee.Free]: { fr: 'gratuit', en: 'free' },
  [Fee.FreeUnderConditions]: { fr: 'gratuit sous conditions', en: 'free under conditions' },
  [Fee.Paid]: { fr: 'payant', en: 'paid' },
}

function has(list: readonly string[] | undefined, value: string): boolean {
  return list?.includes(value) ?? false
}

/** The price in plain words, from `frais_a_charge` (the cheapest said first); undefined when the data are silent. */
export function priceWords(lieu: Pick<WhyLieu, 'frais_a_charge'>, language: Language = 'fr'): string | undefined {
  const fees = lieu.frais_a_charge ?? []
  const fee = [Fee.Free, Fee.FreeUnderConditions, Fee.Paid].find((f) => fees.includes(f))
  return fee ? prices[fee]?.[language] : undefined
}

/** How to get there: walk in, or book (online or by phone); undefined when the data are silent. */
export function accessWords(lieu: WhyLieu, language: Language = 'fr'): string | undefined {
  const modes = lieu.modalites_acces ?? []
  if (modes.includes(AccessMode.WalkIn)) return language === 'en' ? 'no appointment needed' : 'sans rendez-vous'
  if (modes.includes(AccessMode.OnlineBooking) || lieu.prise_rdv)
    return language === 'en' ? 'by appointment, online' : 'sur rendez-vous, en ligne'
  if (modes.includes(AccessMode.Phone)) return language === 'en' ? 'call first' : 'appelez avant'
  return undefined
}

/**
 * Why this lieu, in one short sentence built from its data.
 * @example whyThisPlace({ dispositif_programmes_nationaux: ['France Services'], frais_a_charge: ['Gratuit'],
 *   modalites_acces: ['Se présenter'] }) // 'France Services : un agent fait les démarches avec vous. Gratuit, sans rendez-vous.'
 */
export function whyThisPlace(lieu: WhyLieu, language: Language = 'fr', need?: string): string {
  // A material need (a computer to use, a cheap one, a CV) is said first when the lieu offers it: the programme says
  // less to someone who wants to print a ticket.
  const forNeed = need && has(lieu.services, need) ? needReasons[need]?.[language] : undefined
  const kind = forNeed ?? kinds.find((k) => k.test(lieu))?.[language]
  const details = [priceWords(lieu, language), accessWords(lieu, language)].filter((d): d is string => d !== undefined)
  const detail = details.length > 0 ? `${capitalise(details.join(', '))}.` : ''
  if (!kind)
    return detail
      ? `${language === 'en' ? 'A place for help with digital tools' : 'Un lieu d’aide au numérique'}. ${detail}`
      : language === 'en'
        ? 'A place for help with digital tools.'
        : 'Un lieu d’aide au numérique.'
  return detail ? `${kind}. ${detail}` : `${kind}.`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
