/*
 * What to do at once after a scam, a hacked account or online harassment: plain advice first, then where to report.
 * Facts from the services' own descriptions (the project's reference notes on safety resources), dated: numbers and
 * sites of public services change, check them again before a release.
 */

export const SafetySituation = {
  Scam: 'arnaque',
  HackedAccount: 'piratage',
  Harassment: 'harcelement',
} as const
export type SafetySituation = (typeof SafetySituation)[keyof typeof SafetySituation]

export type SafetyResource = {
  name: string
  contact: string
  what: string
  /** `what`, in plain English. */
  whatEn: string
}

export type SafetyEntry = {
  /** Short sentences to say first, before any place. */
  advice: string[]
  /** What to do when a code, a card or one's details were already given (said first when the person says so). */
  ifGiven?: string
  /** One line for what the person adds after the advice (« c'est grave ? », « il rappelle dans 5 minutes »). */
  reminder: string
  /** Where to turn, official services only. */
  resources: SafetyResource[]
  lastChecked: string
  sources: string[]
  /** The advice in plain English, sentence for sentence. */
  en: { advice: string[]; ifGiven?: string; reminder: string }
}

const source = 'Notes de référence du projet, « Official help for scams, hacked accounts and online harassment »'
const cybermalveillance: SafetyResource = {
  name: 'Cybermalveillance.gouv.fr',
  contact: 'cybermalveillance.gouv.fr',
  what: 'un diagnostic et des conseils pour les victimes',
  whatEn: 'a diagnosis and advice for victims',
}

export const safety: Readonly<Record<SafetySituation, SafetyEntry>> = {
  arnaque: {
    advice: [
      'Attention, cela ressemble à une arnaque.',
      'Votre banque, la CAF, Ameli, les impôts ou la police ne vous demandent jamais un code reçu par SMS ni un mot de passe.',
      'Ne donnez rien et ne cliquez pas sur le lien. Au téléphone, raccrochez, et rappelez votre banque au numéro écrit au dos de votre carte.',
    ],
    reminder:
      'Oui, c’est sérieux : ne répondez pas, ne cliquez pas, ne payez rien et ne donnez aucun code. Pour vérifier, appelez vous-même l’organisme ou votre proche, au numéro que vous connaissez.',
    ifGiven:
      'Si vous avez donné un code, votre carte ou votre RIB : appelez tout de suite votre banque pour faire opposition, changez vos mots de passe, et gardez les messages.',
    resources: [
      {
        name: '33700',
        contact: '33700',
        what: 'transférez-y gratuitement un SMS ou un appel suspect',
        whatEn: 'forward a suspicious text or call there, free of charge',
      },
      {
        name: 'Info Escroqueries',
        contact: '0 805 805 817',
        what: 'appel gratuit en semaine, pour un conseil',
        whatEn: 'free call on weekdays, for advice',
      },
      cybermalveillance,
    ],
    en: {
      advice: [
        'Careful, this looks like a scam.',
        'Your bank, the CAF, Ameli, the tax office or the police never ask you for a code received by text message or for a password.',
        'Give nothing and do not click the link. On the phone, hang up, and call your bank back on the number written on the back of your card.',
      ],
      reminder:
        'Yes, take it seriously: do not reply, do not click, do not pay and give no code. To check, call the organisation or your relative yourself, on the number you know.',
      ifGiven:
        'If you gave a code, your card or your bank details: call your bank straight away to block the card, change your passwords, and keep the messages.',
    },
    lastChecked: '2026-11-29',
    sources: [source],
  },
  piratage: {
    advice: [
      'Si votre compte a été piraté : changez tout de suite le mot de passe, depuis un appareil sûr.',
      'Changez-le aussi partout où vous utilisiez le même. Ne cliquez pas sur les liens reçus pour « débloquer » le compte.',
    ],
    resources: [
      cybermalveillance,
      {
        name: '17Cyber',
        contact: '17cyber.gouv.fr',
        what: 'pour parler à un policier ou un gendarme en ligne',
        whatEn: 'to talk to a police officer or gendarme online',
      },
    ],
    reminder:
      'Changez le mot de passe depuis un appareil sûr, puis prévenez vos contacts : ils peuvent recevoir de faux messages en votre nom.',
    en: {
      reminder:
        'Change the password from a safe device, then warn your contacts: they may get fake messages in your name.',
      advice: [
        'If your account has been hacked: change the password straight away, from a safe device.',
        'Also change it everywhere you used the same one. Do not click on links you receive to “unlock” the account.',
      ],
    },
    lastChecked: '2026-11-29',
    sources: [source],
  },
  harcelement: {
    advice: [
      'Personne n’a le droit de vous harceler ou de vous menacer, en ligne non plus.',
      'Ne répondez pas, gardez les messages (faites des captures d’écran), et bloquez la personne.',
      'En cas de danger immédiat, appelez le 17.',
    ],
    resources: [
      {
        name: '3018',
        contact: '3018',
        what: 'gratuit et anonyme, par téléphone, chat ou application (jeunes et parents)',
        whatEn: 'free and anonymous, by phone, chat or app (young people and parents)',
      },
      {
        name: '17Cyber',
        contact: '17cyber.gouv.fr',
        what: 'pour parler à un policier ou un gendarme en ligne',
        whatEn: 'to talk to a police officer or gendarme online',
      },
      {
        name: 'PHAROS',
        contact: 'internet-signalement.gouv.fr',
        what: 'pour signaler un contenu illégal',
        whatEn: 'to report illegal content',
      },
    ],
    reminder: 'Ne répondez pas, gardez les messages, bloquez la personne. En cas de danger immédiat, appelez le 17.',
    en: {
      reminder: 'Do not reply, keep the messages, block the person. If you are in immediate danger, call 17.',
      advice: [
        'Nobody has the right to harass or threaten you, online either.',
        'Do not reply, keep the messages (take screenshots), and block the person.',
        'If you are in immediate danger, call 17.',
      ],
    },
    lastChecked: '2026-11-29',
    sources: [source],
  },
}

/**
 * The advice and where to turn, as short lines to show before anything else, in French (the default) or in English.
 * `gaveData`: the person says she already gave a code or her details: what to do now comes first. `short`: the advice
 * was already given in this conversation: only what to do, without where to turn again.
 */
export function safetyLines(
  situation: SafetySituation,
  lang: 'fr' | 'en' = 'fr',
  options: { gaveData?: boolean; short?: boolean } = {},
): string[] {
  const entry = safety[situation]
  const en = lang === 'en'
  const advice = en ? entry.en.advice : entry.advice
  const ifGiven = en ? entry.en.ifGiven : entry.ifGiven
  const where = entry.resources
    .map((r) => `${r.name === r.contact ? r.name : `${r.name} (${r.contact})`}, ${en ? r.whatEn : r.what}`)
    .join(en ? '; ' : ' ; ')
  const whereLine = en ? `Where to turn: ${where}.` : `Où vous adresser : ${where}.`
  const reminder = en ? entry.en.reminder : entry.reminder
  if (options.gaveData && ifGiven) return options.short ? [ifGiven] : [ifGiven, ...advice, whereLine]
  if (options.short) return [reminder]
  return [...advice, ...(ifGiven ? [ifGiven] : []), whereLine]
}
