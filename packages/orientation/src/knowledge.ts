/**
 * The national programmes people ask about, in plain short French. Every answer says only what its sources say
 * (the project's reference notes on the programmes, the national data standard); nothing is invented.
 */
export const Topic = {
  ConseillerNumerique: 'conseiller_numerique',
  AidantsConnect: 'aidants_connect',
  PassNumerique: 'pass_numerique',
  FranceServices: 'france_services',
  SolidariteNumerique: 'solidarite_numerique',
  MediationNumerique: 'mediation_numerique',
  DevenirMediateur: 'devenir_mediateur',
  AccueillirConseiller: 'accueillir_conseiller',
} as const
export type Topic = (typeof Topic)[keyof typeof Topic]

export type KnowledgeEntry = {
  title: string
  /** Short sentences, to show or read aloud. */
  answer: string[]
  /** Where each fact comes from. */
  sources: string[]
  /** A search the person may want next ("trouver un conseiller numérique près de chez moi"). */
  nextStep?: string
  /** The same, in plain English for English speakers: a faithful translation, nothing added. */
  en: KnowledgeText
}

/** What is shown or read aloud of an entry, in one language. */
export type KnowledgeText = { title: string; answer: string[]; nextStep?: string }

/** The state of the Solidarité Numérique helpline, as data: check it again before saying it has reopened. */
export const helpline = {
  name: 'Solidarité Numérique',
  phone: '01 70 772 372',
  status: 'suspendue',
  since: '2022-01',
  lastChecked: '2026-11-22',
  source: 'Presse (La Gazette des communes, janvier 2022) ; notes de référence du projet, § Solidarité Numérique',
} as const

export const knowledge: Readonly<Record<Topic, KnowledgeEntry>> = {
  conseiller_numerique: {
    title: 'Les conseillers numériques France Services',
    answer: [
      'Un conseiller numérique vous apprend à vous servir du numérique : ordinateur, smartphone, mails, démarches en ligne.',
      'C’est gratuit.',
      'Il vous reçoit seul ou en petit groupe, dans une mairie, une médiathèque, une association ou une France Services.',
      'Il vous apprend à faire vous-même. Pour qu’une personne fasse une démarche à votre place, il faut un aidant habilité Aidants Connect.',
      'L’État a financé environ 4 000 postes depuis 2021 (plan de relance), et les a renouvelés en 2023.',
    ],
    sources: [
      'Notes de référence du projet, § Conseiller numérique France Services',
      'Standard des lieux de médiation numérique : dispositif « Conseillers numériques »',
    ],
    nextStep: 'Je peux chercher un conseiller numérique près de chez vous. Dites-moi votre commune.',
    en: {
      title: 'Conseillers numériques France Services (digital advisers)',
      answer: [
        'A conseiller numérique teaches you to use digital tools: computer, smartphone, email, online procedures.',
        'It is free.',
        'They see you on your own or in a small group, in a town hall, a library, an association or a France Services centre.',
        'They teach you to do it yourself. For someone to do a procedure for you, you need an authorised Aidants Connect helper.',
        'The State has funded about 4,000 posts since 2021 (recovery plan), and renewed them in 2023.',
      ],
      nextStep: 'I can look for a conseiller numérique near you. Tell me your town.',
    },
  },
  aidants_connect: {
    title: 'Aidants Connect',
    answer: [
      'Aidants Connect permet à un aidant habilité de faire une démarche en ligne à votre place, en toute sécurité.',
      'Vous signez d’abord un mandat : il dit quelles démarches l’aidant peut faire, et pour combien de temps (1 jour, 1 mois, 6 mois ou 1 an).',
      'Vous vous connectez avec FranceConnect. Vous ne donnez jamais vos mots de passe ni vos identifiants à l’aidant.',
      'Vous pouvez arrêter le mandat quand vous voulez.',
    ],
    sources: ['Notes de référence du projet, § Aidants Connect (mandats, durées, FranceConnect)'],
    nextStep: 'Je peux chercher un lieu avec des aidants Aidants Connect près de chez vous. Dites-moi votre commune.',
    en: {
      title: 'Aidants Connect',
      answer: [
        'Aidants Connect lets an authorised helper do an online procedure for you, safely.',
        'First you sign a mandate: it says which procedures the helper may do, and for how long (1 day, 1 month, 6 months or 1 year).',
        'You log in with FranceConnect. You never give your passwords or login details to the helper.',
        'You can end the mandate whenever you want.',
      ],
      nextStep: 'I can look for a place with Aidants Connect helpers near you. Tell me your town.',
    },
  },
  pass_numerique: {
    title: 'Le Pass numérique',
    answer: [
      'Le Pass numérique est un carnet de chèques de 10 € pour payer des ateliers numériques.',
      'Il est donné par une mairie, un département, la CAF ou un travailleur social, selon les territoires.',
      'Vous l’utilisez dans les lieux qui l’acceptent : espaces publics numériques, médiathèques, associations.',
      'Chaque chèque a une date de fin de validité : elle est écrite dessus.',
    ],
    sources: ['Notes de référence du projet, § Pass numérique (APTIC)'],
    nextStep: 'Pour savoir où l’utiliser, je peux chercher les lieux près de chez vous. Dites-moi votre commune.',
    en: {
      title: 'The Pass numérique',
      answer: [
        'The Pass numérique is a book of €10 vouchers to pay for digital skills workshops.',
        'It is given by a town hall, a département, the CAF or a social worker, depending on the area.',
        'You use it in the places that accept it: public digital spaces, libraries, associations.',
        'Each voucher has an expiry date: it is written on it.',
      ],
      nextStep: 'To find out where to use it, I can look for places near you. Tell me your town.',
    },
  },
  france_services: {
    title: 'France Services',
    answer: [
      'Une France Services est un guichet près de chez vous pour vos démarches : impôts, CAF, retraite, carte grise, Assurance maladie, France Travail.',
      'Des agents vous reçoivent, vous aident, et peuvent faire avec vous.',
      'C’est gratuit.',
      'Il y en a plus de 2 800 en France, dont des bus qui se déplacent.',
    ],
    sources: ['Liste nationale des France Services (ANCT, août 2024 : 2 845 lieux)', 'Notes de référence du projet'],
    nextStep: 'Je peux vous donner la France Services la plus proche. Dites-moi votre commune.',
    en: {
      title: 'France Services',
      answer: [
        'A France Services centre is an office near you for your procedures: taxes, CAF, pension, vehicle registration, Assurance maladie, France Travail.',
        'Staff see you, help you, and can do it with you.',
        'It is free.',
        'There are more than 2,800 in France, including buses that travel around.',
      ],
      nextStep: 'I can give you the nearest France Services centre. Tell me your town.',
    },
  },
  solidarite_numerique: {
    title: 'Solidarité Numérique',
    answer: [
      'La ligne Solidarité Numérique (01 70 772 372) est suspendue depuis début 2022 : elle ne répond plus.',
      'De mars 2020 à 2022, des médiateurs bénévoles y aidaient gratuitement, par téléphone, à faire ses démarches et à utiliser le numérique.',
      'Pour être aidé par téléphone aujourd’hui, le plus simple est d’appeler un lieu près de chez vous.',
    ],
    sources: ['Notes de référence du projet, § Solidarité Numérique (état vérifié le 22 novembre 2026)'],
    nextStep: 'Dites-moi votre commune : je vous donne le lieu le plus proche et son numéro.',
    en: {
      title: 'Solidarité Numérique',
      answer: [
        'The Solidarité Numérique helpline (01 70 772 372) has been suspended since early 2022: nobody answers.',
        'From March 2020 to 2022, volunteer mediators helped people by phone, free of charge, with their procedures and digital tools.',
        'To get help by phone today, the simplest way is to call a place near you.',
      ],
      nextStep: 'Tell me your town: I will give you the nearest place and its number.',
    },
  },
  mediation_numerique: {
    title: 'Les lieux de médiation numérique',
    answer: [
      'Un lieu de médiation numérique vous aide à utiliser le numérique : médiathèque, espace public numérique, association, France Services…',
      'On peut y apprendre, utiliser un ordinateur, être aidé pour une démarche.',
      'Beaucoup sont gratuits.',
      'Ils sont recensés dans un fichier national, publié en données ouvertes.',
    ],
    sources: ['Standard national des lieux de médiation numérique v1.0.2'],
    nextStep: 'Je peux chercher les lieux près de chez vous. Dites-moi votre commune.',
    en: {
      title: 'Digital help places (lieux de médiation numérique)',
      answer: [
        'A lieu de médiation numérique helps you use digital tools: library, public digital space, association, France Services…',
        'You can learn there, use a computer, get help with a procedure.',
        'Many are free.',
        'They are listed in a national file, published as open data.',
      ],
      nextStep: 'I can look for places near you. Tell me your town.',
    },
  },
  devenir_mediateur: {
    title: 'Devenir conseiller numérique ou médiateur numérique',
    answer: [
      'Les conseillers numériques France Services suivent une formation certifiante d’environ 350 heures.',
      'Ils sont recrutés par une structure d’accueil : collectivité, association, France Services.',
      'Les offres de poste sont publiées par ces structures ; renseignez-vous auprès de votre mairie ou de votre département.',
    ],
    sources: ['Notes de référence du projet, § Conseiller numérique (formation, structures d’accueil)'],
    en: {
      title: 'Becoming a conseiller numérique or a digital mediator',
      answer: [
        'Conseillers numériques France Services follow a certified training course of about 350 hours.',
        'They are recruited by a host organisation: local authority, association, France Services.',
        'Job offers are published by these organisations; ask your town hall or your département.',
      ],
    },
  },
  accueillir_conseiller: {
    title: 'Accueillir un conseiller numérique',
    answer: [
      'Une collectivité, un groupement de communes ou une association peut accueillir un conseiller numérique.',
      'L’État a financé les postes : environ 50 000 € par poste et par période, plus 7 500 € dans les territoires prioritaires.',
      'Un premier financement est venu du plan France Relance (2020), un second a renouvelé les postes en 2023.',
      'La structure signe une convention avec l’État ; la préfecture donne son avis.',
    ],
    sources: ['Notes de référence du projet, § Conseiller numérique : structures d’accueil et financement des postes'],
    en: {
      title: 'Hosting a conseiller numérique',
      answer: [
        'A local authority, a group of municipalities or an association can host a conseiller numérique.',
        'The State has funded the posts: about €50,000 per post and per period, plus €7,500 in priority areas.',
        'A first round of funding came from the France Relance plan (2020); a second renewed the posts in 2023.',
        'The organisation signs an agreement with the State; the préfecture gives its opinion.',
      ],
    },
  },
}

/** The title, the answer and the next step of a topic, in French (the default) or in English. */
export function knowledgeFor(topic: Topic, lang: 'fr' | 'en' = 'fr'): KnowledgeText {
  const entry = knowledge[topic]
  if (lang === 'en') return entry.en
  return entry.nextStep === undefined
    ? { title: entry.title, answer: entry.answer }
    : { title: entry.title, answer: entry.answer, nextStep: entry.nextStep }
}

/**
 * What to bring to a lieu for a procedure: a short generic list for the lieu's printed page. It names no programme and
 * promises nothing; each line follows from how online procedures work (a FranceConnect or service account to log
 * into, codes sent by SMS, the procedure's own papers).
 */
export const whatToBring = {
  title: 'Pour une démarche, pensez à apporter',
  items: [
    'une pièce d’identité ;',
    'vos identifiants (numéro fiscal, numéro d’allocataire, numéro de sécurité sociale…) et, si vous en avez, vos mots de passe : gardez-les pour vous, vous les taperez vous-même ;',
    'votre téléphone portable, s’il reçoit vos codes de connexion ;',
    'les courriers et papiers de la démarche (avis, attestation, facture…) ;',
    'votre carte Vitale, pour une démarche de santé.',
  ],
  sources: [
    'Notes de référence du projet, § Aidants Connect : identification FranceConnect de l’usager, démarches par domaine (CAF, ameli.fr, MSA…)',
    'Règle du projet sur les secrets : un mot de passe ne se donne ni ne s’écrit à personne (masquage de l’assistant, accueil du widget)',
  ],
} as const
