/*
 * The slot fillers of the corpus: needs in everyday words, communes, relatives, stories, constraints. Each filler
 * carries its labels (official values of the national standard, kept exactly, and the domains of démarches of the
 * contract), so a generated case is labelled by construction. Fillers are chosen so that their label is not in doubt:
 * a wording whose service or domain could be argued both ways is left out.
 *
 * Person tokens in tasks and nouns: {mon} {ma} {mes} {me} {m'} become "mon ma mes me m'" when the person writes for
 * themself and "son sa ses se s'" when they write for a relative.
 */

export const ADM = 'Aide aux démarches administratives'
export const OUT = 'Maîtrise des outils numériques du quotidien'
export const INS = 'Insertion professionnelle via le numérique'
export const SEC = 'Utilisation sécurisée du numérique'
export const PAR = 'Parentalité et éducation avec le numérique'
export const LOI = 'Loisirs et créations numériques'
export const COM = 'Compréhension du monde numérique'
export const ACC = 'Accès internet et matériel informatique'
export const EQU = 'Acquisition de matériel informatique à prix solidaire'

export type Need = {
  key: string
  service: string
  demarche?: string
  /** Infinitive phrases: "je n'arrive pas à …", "j'ai besoin d'aide pour …". */
  tasks: string[]
  /** Short noun phrases, as people type them in a hurry: "aide …". */
  short: string[]
  /** A procedure someone else can do for you (Aidants Connect, France Services). */
  delegable?: boolean
}

export const needs: readonly Need[] = [
  {
    key: 'impots',
    service: ADM,
    demarche: 'argent',
    tasks: [
      'déclarer {mes} impôts en ligne',
      'faire {ma} déclaration de revenus sur impots.gouv',
      'payer {ma} taxe foncière sur internet',
      'créer {mon} espace particulier sur le site des impôts',
    ],
    short: ['declaration impots', 'impots en ligne', 'declaration de revenus'],
    delegable: true,
  },
  {
    key: 'carte-grise',
    service: ADM,
    demarche: 'transports',
    tasks: [
      'faire {ma} carte grise',
      'changer l’adresse de {ma} carte grise',
      'payer une amende de stationnement en ligne',
    ],
    short: ['carte grise', 'changement carte grise'],
    delegable: true,
  },
  {
    key: 'permis',
    service: ADM,
    demarche: 'transports',
    tasks: ['refaire {mon} permis de conduire en ligne', 'demander {mon} permis de conduire sur le site de l’ANTS'],
    short: ['permis de conduire', 'demande de permis'],
    delegable: true,
  },
  {
    key: 'passeport',
    service: ADM,
    demarche: 'papiers',
    tasks: ['renouveler {mon} passeport', 'faire la pré-demande de {mon} passeport en ligne'],
    short: ['passeport', 'renouvellement passeport'],
    delegable: true,
  },
  {
    key: 'identite',
    service: ADM,
    demarche: 'papiers',
    tasks: ['refaire {ma} carte d’identité', 'faire une demande de carte d’identité en ligne'],
    short: ['carte d identite', 'renouvellement carte d identité'],
    delegable: true,
  },
  {
    key: 'elections',
    service: ADM,
    demarche: 'papiers',
    tasks: ["{m'}inscrire sur les listes électorales en ligne", 'faire une procuration pour voter'],
    short: ['inscription listes electorales', 'procuration vote'],
    delegable: true,
  },
  {
    key: 'ameli',
    service: ADM,
    demarche: 'social',
    tasks: ['créer {mon} compte Ameli', 'commander {ma} carte Vitale en ligne', 'télécharger une attestation Ameli'],
    short: ['compte ameli', 'carte vitale'],
    delegable: true,
  },
  {
    key: 'rsa',
    service: ADM,
    demarche: 'social',
    tasks: [
      'faire {ma} demande de RSA en ligne',
      'remplir {mon} dossier MDPH',
      'demander la complémentaire santé solidaire',
    ],
    short: ['demande rsa', 'dossier mdph'],
    delegable: true,
  },
  {
    key: 'famille',
    service: ADM,
    demarche: 'famille',
    tasks: [
      'demander les allocations familiales',
      'inscrire {mes} enfants à la cantine sur le site de la mairie',
      'faire la demande de bourse du collège',
    ],
    short: ['allocations familiales', 'inscription cantine'],
    delegable: true,
  },
  {
    key: 'logement',
    service: ADM,
    demarche: 'logement',
    tasks: [
      'faire {ma} demande d’APL',
      'faire une demande de logement social en ligne',
      'demander une aide au logement à la CAF',
    ],
    short: ['demande apl', 'demande de logement social'],
    delegable: true,
  },
  {
    key: 'france-travail',
    service: ADM,
    demarche: 'travail',
    tasks: ["{m'}actualiser sur le site de France Travail", "{m'}inscrire à France Travail"],
    short: ['actualisation france travail', 'inscription france travail'],
    delegable: true,
  },
  {
    key: 'retraite',
    service: ADM,
    demarche: 'travail',
    tasks: ['faire {ma} demande de retraite en ligne', 'demander {ma} retraite complémentaire sur internet'],
    short: ['dossier retraite', 'demande de retraite'],
    delegable: true,
  },
  {
    key: 'sejour',
    service: ADM,
    demarche: 'etranger',
    tasks: ['renouveler {mon} titre de séjour sur le site de l’ANEF', 'faire {ma} demande de naturalisation en ligne'],
    short: ['titre de sejour', 'renouvellement titre de séjour'],
    delegable: true,
  },
  {
    key: 'justice',
    service: ADM,
    demarche: 'justice',
    tasks: ['demander un extrait de casier judiciaire', 'porter plainte en ligne'],
    short: ['casier judiciaire', 'extrait de casier judiciaire'],
    delegable: true,
  },
  {
    key: 'caf',
    service: ADM,
    tasks: [
      'remplir un dossier CAF',
      'faire {mes} démarches administratives sur internet',
      'créer {mon} compte FranceConnect',
    ],
    short: ['dossier caf', 'demarches administratives'],
    delegable: true,
  },
  {
    key: 'outils',
    service: OUT,
    tasks: [
      'apprendre à {me} servir d’une tablette',
      'envoyer des mails',
      'utiliser {mon} smartphone',
      'faire des appels vidéo avec {ma} famille',
      'utiliser WhatsApp',
      'apprendre les bases de l’informatique',
    ],
    short: ['utiliser une tablette', 'apprendre les mails', 'cours d informatique'],
  },
  {
    key: 'acces',
    service: ACC,
    tasks: [
      'imprimer un document',
      'scanner des papiers',
      'trouver un ordinateur en libre accès',
      'imprimer {mon} billet de train',
    ],
    short: ['imprimer un document', 'scanner un document'],
  },
  {
    key: 'equipement',
    service: EQU,
    tasks: [
      'acheter un ordinateur pas cher',
      'trouver un ordinateur reconditionné',
      'avoir un smartphone à petit prix',
    ],
    short: ['ordi pas cher', 'ordinateur reconditionné'],
  },
  {
    key: 'securite',
    service: SEC,
    tasks: [
      'récupérer {mon} compte piraté',
      '{me} protéger des arnaques sur internet',
      'savoir si un SMS est une arnaque',
      'enlever un virus de {mon} ordinateur',
    ],
    short: ['compte pirate', 'arnaque internet'],
  },
  {
    key: 'parentalite',
    service: PAR,
    tasks: [
      'suivre les notes de {mes} enfants sur Pronote',
      'mettre un contrôle parental sur la tablette des enfants',
      '{me} connecter à l’ENT du collège',
    ],
    short: ['pronote', 'controle parental'],
  },
  {
    key: 'loisirs',
    service: LOI,
    tasks: ['faire du montage vidéo', 'utiliser une imprimante 3D', 'retoucher {mes} photos sur l’ordinateur'],
    short: ['montage video', 'impression 3d'],
  },
  {
    key: 'culture',
    service: COM,
    tasks: [
      'comprendre l’intelligence artificielle',
      'repérer les fake news',
      'comprendre comment marchent les réseaux sociaux',
    ],
    short: ['fake news', 'intelligence artificielle'],
  },
  {
    key: 'emploi',
    service: INS,
    tasks: [
      'faire {mon} CV',
      'chercher du travail sur internet',
      'écrire une lettre de motivation',
      'postuler à des offres d’emploi en ligne',
    ],
    short: ['faire un cv', 'recherche emploi'],
  },
]

/** The same needs as people write them in English (with the English-language support the contract expects). */
export const englishNeeds: readonly { service: string; demarche?: string; tasks: string[] }[] = [
  { service: ADM, demarche: 'argent', tasks: ['file my tax return online', 'do my income tax declaration'] },
  { service: ADM, demarche: 'papiers', tasks: ['renew my passport', 'get a new ID card'] },
  { service: ADM, demarche: 'etranger', tasks: ['renew my residence permit online', 'apply for a residence permit'] },
  { service: ADM, demarche: 'social', tasks: ['get my health insurance card', 'open an Ameli account'] },
  { service: ADM, demarche: 'transports', tasks: ['exchange my driving licence', 'register my car (carte grise)'] },
  { service: OUT, tasks: ['learn how to use my smartphone', 'learn to use a computer', 'send emails'] },
  { service: ACC, tasks: ['print some documents', 'use a printer and scanner'] },
  { service: SEC, tasks: ['recover my hacked account', 'avoid online scams'] },
  { service: INS, tasks: ['write my CV', 'find a job online'] },
  { service: EQU, tasks: ['buy a cheap second hand computer'] },
]

/** Franglais: French frames with English words, as people mix them. No language constraint: they write French. */
export const franglaisNeeds: readonly { service: string; demarche?: string; phrases: string[] }[] = [
  {
    service: ADM,
    demarche: 'argent',
    phrases: ['mon tax return sur impots.gouv', 'ma declaration d’impôts, le site bug'],
  },
  { service: ADM, demarche: 'papiers', phrases: ['mon passport à renouveler', 'le renew de mon passeport'] },
  { service: OUT, phrases: ['mon smartphone, je suis pas du tout tech', 'les emails, je suis complètement lost'] },
  { service: INS, phrases: ['mon CV pour des jobs en ligne', 'mon resume pour postuler, le CV quoi'] },
  { service: SEC, phrases: ['mon compte hacké', 'un scam par SMS, je sais pas quoi faire'] },
  { service: ACC, phrases: ['un print de mes documents', 'scanner des docs, j’ai pas de printer'] },
]

export type Commune = {
  /** The official name (checked against @etalab/decoupage-administratif by the corpus test). */
  name: string
  code: string
  /** Ways people type it, besides the official name. */
  typed?: string[]
  /** A postal code that belongs to this commune only. */
  postcode?: string
}

/** Communes whose name is unique in France. */
export const communes: readonly Commune[] = [
  { name: 'Tarbes', code: '65440', postcode: '65000' },
  { name: 'Rodez', code: '12202' },
  { name: 'Calais', code: '62193', postcode: '62100' },
  { name: 'Quimper', code: '29232', postcode: '29000' },
  { name: 'Albi', code: '81004', postcode: '81000' },
  { name: 'Bergerac', code: '24037' },
  { name: 'Périgueux', code: '24322', typed: ['perigueux'], postcode: '24000' },
  { name: 'Nancy', code: '54395', postcode: '54000' },
  { name: 'Metz', code: '57463', postcode: '57000' },
  { name: 'Grenoble', code: '38185', postcode: '38000' },
  { name: 'Montauban', code: '82121', postcode: '82000' },
  { name: 'Niort', code: '79191' },
  { name: 'Blois', code: '41018' },
  { name: 'Béziers', code: '34032', typed: ['beziers'] },
  { name: 'Carcassonne', code: '11069', typed: ['carcasonne'] },
  { name: 'Cahors', code: '46042', postcode: '46000' },
  { name: 'Épinal', code: '88160', typed: ['epinal'] },
  { name: 'Toulouse', code: '31555', postcode: '31000' },
  { name: 'Colmar', code: '68066', postcode: '68000' },
  { name: 'Alès', code: '30007', typed: ['ales'] },
  { name: 'Limoges', code: '87085', postcode: '87000' },
  { name: 'Pau', code: '64445', postcode: '64000' },
  { name: 'Millau', code: '12145' },
  { name: 'Auch', code: '32013', postcode: '32000' },
  { name: 'Perpignan', code: '66136', typed: ['perpignan'], postcode: '66000' },
  { name: 'Strasbourg', code: '67482' },
  { name: 'Brest', code: '29019' },
  { name: 'Rennes', code: '35238', postcode: '35000' },
  { name: 'Nantes', code: '44109', postcode: '44000' },
  { name: 'Angers', code: '49007' },
  { name: 'Orléans', code: '45234', typed: ['orleans'] },
  { name: 'Dijon', code: '21231', postcode: '21000' },
  { name: 'Besançon', code: '25056', typed: ['besancon'] },
  { name: 'Reims', code: '51454' },
  { name: 'Amiens', code: '80021', postcode: '80000' },
  { name: 'Rouen', code: '76540' },
  { name: 'Caen', code: '14118', postcode: '14000' },
  { name: 'Le Havre', code: '76351', typed: ['le havre'] },
  { name: 'Lille', code: '59350', postcode: '59000' },
  { name: 'Roubaix', code: '59512' },
  { name: 'Nice', code: '06088' },
  { name: 'Montpellier', code: '34172', typed: ['montpelier'] },
  { name: 'Nîmes', code: '30189', typed: ['nimes'] },
  { name: 'Avignon', code: '84007' },
  { name: 'Bordeaux', code: '33063', postcode: '33000' },
  { name: 'Bayonne', code: '64102' },
  { name: 'Poitiers', code: '86194', postcode: '86000' },
  { name: 'Clermont-Ferrand', code: '63113', typed: ['clermont ferrand'] },
  { name: 'Saint-Étienne', code: '42218', typed: ['saint etienne', 'st etienne'] },
  { name: 'Annecy', code: '74010' },
  { name: 'Chambéry', code: '73065', typed: ['chambery'] },
  { name: 'Mulhouse', code: '68224' },
  { name: 'Troyes', code: '10387' },
  { name: 'Charleville-Mézières', code: '08105', typed: ['charleville mezieres'] },
  { name: 'Le Mans', code: '72181' },
  { name: 'Vannes', code: '56260' },
  { name: 'Lorient', code: '56121' },
  { name: 'Saint-Brieuc', code: '22278', typed: ['st brieuc'] },
  { name: 'Guéret', code: '23096', typed: ['gueret'] },
  { name: 'Aurillac', code: '15014' },
  { name: 'Mende', code: '48095' },
  { name: 'Gap', code: '05061' },
  { name: 'Ajaccio', code: '2A004' },
  { name: 'Bastia', code: '2B033' },
  { name: 'Villeurbanne', code: '69266' },
  { name: 'Vierzon', code: '18279' },
  { name: 'Châteauroux', code: '36044', typed: ['chateauroux'] },
  { name: 'Bourges', code: '18033', postcode: '18000' },
  { name: 'Nevers', code: '58194' },
  { name: 'Auxerre', code: '89024' },
  { name: 'Roanne', code: '42187' },
  { name: 'Tulle', code: '19272' },
  { name: 'Saint-Malo', code: '35288', typed: ['st malo'] },
  { name: 'Valenciennes', code: '59606' },
  { name: 'Arras', code: '62041' },
  { name: 'Dunkerque', code: '59183' },
  { name: 'Argenteuil', code: '95018' },
  { name: 'Créteil', code: '94028', typed: ['creteil'] },
  { name: 'Nanterre', code: '92050' },
  { name: 'Aubervilliers', code: '93001' },
  { name: 'Bobigny', code: '93008' },
  { name: 'Beauvais', code: '60057' },
  { name: 'Chartres', code: '28085', postcode: '28000' },
  { name: 'Évreux', code: '27229', typed: ['evreux'] },
  { name: 'Alençon', code: '61001', typed: ['alencon'] },
  { name: 'Lannion', code: '22113' },
  { name: 'Cholet', code: '49099' },
  { name: 'Angoulême', code: '16015', typed: ['angouleme'] },
  { name: 'Brive-la-Gaillarde', code: '19031', typed: ['brive'] },
  { name: 'Mont-de-Marsan', code: '40192', typed: ['mont de marsan'] },
  { name: 'Narbonne', code: '11262' },
  { name: 'Arles', code: '13004' },
  { name: 'Toulon', code: '83137' },
  { name: 'Cannes', code: '06029' },
  { name: 'Montélimar', code: '26198', typed: ['montelimar'] },
  { name: 'Mâcon', code: '71270', typed: ['macon'] },
  { name: 'Belfort', code: '90010' },
  { name: 'Thionville', code: '57672' },
  { name: 'Haguenau', code: '67180' },
]

/** Overseas communes (unique names), with the ways they are typed. */
export const overseasCommunes: readonly Commune[] = [
  { name: 'Pointe-à-Pitre', code: '97120', typed: ['pointe a pitre', 'Pointe-a-Pitre'] },
  { name: 'Les Abymes', code: '97101', typed: ['les abymes', 'Abymes'] },
  { name: 'Basse-Terre', code: '97105', typed: ['basse terre'] },
  { name: 'Le Gosier', code: '97113', typed: ['le gosier'] },
  { name: 'Fort-de-France', code: '97209', typed: ['fort de france', 'Fort de France'], postcode: '97200' },
  { name: 'Schœlcher', code: '97229', typed: ['schoelcher', 'Schoelcher'] },
  { name: 'Cayenne', code: '97302', typed: ['cayenne'], postcode: '97300' },
  { name: 'Kourou', code: '97304', typed: ['kourou'] },
  { name: 'Matoury', code: '97307' },
  { name: 'Saint-Laurent-du-Maroni', code: '97311', typed: ['st laurent du maroni', 'saint laurent du maroni'] },
  { name: 'Le Tampon', code: '97422', typed: ['le tampon'] },
  { name: 'Mamoudzou', code: '97611', typed: ['mamoudzou'], postcode: '97605' },
  { name: 'Koungou', code: '97610' },
  { name: 'Dzaoudzi', code: '97608' },
]

/** Homonyms: the name alone is ambiguous, a cue (département, region) settles it. */
export const homonyms: readonly { name: string; typed: string[]; cued: { text: string; code: string }[] }[] = [
  {
    name: 'Saint-Denis',
    typed: ['Saint-Denis', 'saint denis', 'St Denis'],
    cued: [
      { text: 'Saint-Denis (93)', code: '93066' },
      { text: 'Saint-Denis en Seine-Saint-Denis', code: '93066' },
      { text: 'Saint-Denis de la Réunion', code: '97411' },
      { text: 'Saint-Denis (974)', code: '97411' },
      { text: 'saint denis à la réunion', code: '97411' },
    ],
  },
  {
    name: 'Saint-Paul',
    typed: ['Saint-Paul', 'st paul'],
    cued: [
      { text: 'Saint-Paul de la Réunion', code: '97415' },
      { text: 'Saint-Paul (974)', code: '97415' },
    ],
  },
  {
    name: 'Saint-Pierre',
    typed: ['Saint-Pierre', 'st pierre'],
    cued: [
      { text: 'Saint-Pierre (974)', code: '97416' },
      { text: 'Saint-Pierre en Martinique', code: '97225' },
      { text: 'Saint-Pierre à la Réunion', code: '97416' },
    ],
  },
  {
    name: 'Saint-Benoît',
    typed: ['Saint-Benoît', 'st benoit'],
    cued: [{ text: 'Saint-Benoît à la Réunion', code: '97410' }],
  },
  {
    name: 'Montreuil',
    typed: ['Montreuil'],
    cued: [
      { text: 'Montreuil (93)', code: '93048' },
      { text: 'Montreuil en Seine-Saint-Denis', code: '93048' },
    ],
  },
]

/**
 * Communes whose name is also an everyday word. Without a cue they are words (no place); with one, the commune.
 * `trap`: sentences where the word is only a word (labelled with their need and no place).
 */
export const wordCommunes: readonly {
  name: string
  code: string
  cued: string[]
  trap: { text: string; service: string; demarche?: string }[]
}[] = [
  {
    name: 'Signes',
    code: '83127',
    cued: ['j’habite à Signes dans le Var', 'je suis à Signes (83)', 'j’habite Signes, 83870'],
    trap: [
      { text: 'mon ordinateur montre des signes bizarres, je crois que c’est un virus', service: SEC },
      {
        text: 'ma tablette me fait des signes que je comprends pas, je voudrais apprendre à m’en servir',
        service: OUT,
      },
    ],
  },
  {
    name: 'Eu',
    code: '76255',
    cued: ['j’habite à Eu en Seine-Maritime', 'je suis à Eu (76)', 'j’habite Eu, 76260'],
    trap: [
      { text: 'j’ai eu un souci avec mon dossier CAF', service: ADM },
      { text: 'j’ai eu un message bizarre, je pense que c’est une arnaque', service: SEC },
    ],
  },
  {
    name: 'La Touche',
    code: '26352',
    cued: ['j’habite à La Touche dans la Drôme', 'je suis à La Touche (26)'],
    trap: [
      {
        text: 'la touche entrée de mon clavier, je sais pas m’en servir, je voudrais un cours d’informatique',
        service: OUT,
      },
      { text: 'je ne trouve pas la touche pour imprimer, il me faudrait une imprimante', service: ACC },
    ],
  },
  {
    name: 'Job',
    code: '63179',
    cued: ['j’habite à Job dans le Puy-de-Dôme', 'je suis à Job (63)'],
    trap: [
      { text: 'je cherche un job, il me faut un CV', service: INS },
      { text: 'pour trouver un job je dois faire mon CV', service: INS },
    ],
  },
  {
    name: 'Orange',
    code: '84087',
    cued: ['j’habite à Orange dans le Vaucluse', 'je suis à Orange (84)'],
    trap: [{ text: 'ma box Orange, je comprends rien, je voudrais apprendre à utiliser internet', service: OUT }],
  },
  {
    name: 'Sens',
    code: '89387',
    cued: ['j’habite à Sens, dans l’Yonne', 'je suis à Sens (89)'],
    trap: [{ text: 'ça n’a aucun sens, je n’arrive pas à envoyer des mails', service: OUT }],
  },
]

export type Relative = { who: string; subject: 'il' | 'elle' }
export const relatives: readonly Relative[] = [
  { who: 'ma mère', subject: 'elle' },
  { who: 'mon père', subject: 'il' },
  { who: 'ma voisine', subject: 'elle' },
  { who: 'mon voisin', subject: 'il' },
  { who: 'mon frère', subject: 'il' },
  { who: 'ma sœur', subject: 'elle' },
  { who: 'mon oncle', subject: 'il' },
  { who: 'ma tante', subject: 'elle' },
  { who: 'mon mari', subject: 'il' },
  { who: 'ma femme', subject: 'elle' },
  { who: 'un ami', subject: 'il' },
  { who: 'une amie', subject: 'elle' },
  { who: 'ma belle-mère', subject: 'elle' },
  { who: 'mon cousin', subject: 'il' },
]

/**
 * Opening stories that carry no label: no need, no place, no constraint, no day. They bury the request.
 * Checked by hand; keep them free of words of needs (papers, phone, computer, work…), of ages and of days.
 */
export const stories: readonly string[] = [
  'Bonjour, excusez-moi de vous déranger, je ne sais pas trop si je suis au bon endroit.',
  'Alors voilà, ça fait des semaines que je tourne en rond et je commence à désespérer.',
  'Je vous écris parce que ma fille m’a dit que vous pourriez peut-être me renseigner.',
  'Depuis le décès de mon mari c’est lui qui s’occupait de tout ça et moi je suis perdue.',
  'J’ai déménagé il y a peu, je ne connais encore personne dans le quartier.',
  'Mon fils vit loin et il n’a jamais le temps de m’expliquer, alors je me débrouille comme je peux.',
  'Je suis rentré de l’hôpital il y a un mois et tout s’est accumulé pendant mon absence.',
  'Bonsoir, je suis un peu gênée de demander mais je ne vois pas d’autre solution.',
  'On m’a renvoyé d’un guichet à l’autre et personne ne m’explique rien.',
  'Je ne suis pas très à l’aise avec toutes ces choses modernes, je préfère le dire tout de suite.',
  'Mon chien a été malade toute la semaine, bref, ce n’est pas la question.',
  'Je vous explique ma situation, c’est un peu long, désolé.',
]

export const storyEndings: readonly string[] = [
  'Merci d’avance pour votre réponse.',
  'Je vous remercie, bonne fin de journée.',
  'Voilà, j’espère que c’est clair.',
  'Désolé pour le roman.',
  '',
]

/** Explicit constraints: the words and the one label each carries. */
export type ConstraintFiller = { text: string; key: string; value: string | boolean }
export const constraintFillers: readonly ConstraintFiller[] = [
  { text: 'gratuitement', key: 'frais_a_charge', value: 'Gratuit' },
  { text: 'si possible sans payer', key: 'frais_a_charge', value: 'Gratuit' },
  { text: 'c’est gratuit ?', key: 'frais_a_charge', value: 'Gratuit' },
  { text: 'je suis sourd', key: 'prise_en_charge_specifique', value: 'Surdité' },
  { text: 'je suis malentendante', key: 'prise_en_charge_specifique', value: 'Surdité' },
  { text: 'je suis malvoyant', key: 'prise_en_charge_specifique', value: 'Déficience visuelle' },
  { text: 'je suis aveugle', key: 'prise_en_charge_specifique', value: 'Déficience visuelle' },
  { text: 'je suis en fauteuil roulant', key: 'prise_en_charge_specifique', value: 'Handicaps moteurs' },
  { text: 'j’ai du mal à lire et à écrire', key: 'prise_en_charge_specifique', value: 'Illettrisme' },
  { text: 'je parle seulement arabe', key: 'prise_en_charge_specifique', value: 'Langues étrangères (autres)' },
  { text: 'je ne parle pas bien français', key: 'prise_en_charge_specifique', value: 'Langues étrangères (autres)' },
  { text: 'dans un atelier collectif', key: 'modalites_accompagnement', value: 'Dans un atelier collectif' },
  { text: 'en groupe si possible', key: 'modalites_accompagnement', value: 'Dans un atelier collectif' },
  { text: 'à distance, sans me déplacer', key: 'modalites_accompagnement', value: 'À distance' },
  { text: 'pour les personnes âgées', key: 'publics_specifiquement_adresses', value: 'Seniors' },
  { text: 'pour les seniors', key: 'publics_specifiquement_adresses', value: 'Seniors' },
  { text: 'pour les jeunes', key: 'publics_specifiquement_adresses', value: 'Jeunes' },
  { text: 'dans une France Services', key: 'dispositif_programmes_nationaux', value: 'France Services' },
  { text: 'ouvert le samedi', key: 'ouvert_jour', value: 'Sa' },
  { text: 'ouvert le mercredi', key: 'ouvert_jour', value: 'We' },
  { text: 'ouvert maintenant', key: 'ouvert_maintenant', value: true },
]

/** Constraints said about a relative (third person). */
export const relativeConstraintFillers: readonly ConstraintFiller[] = [
  { text: '{subject} est sourd{e}', key: 'prise_en_charge_specifique', value: 'Surdité' },
  { text: '{subject} est malvoyant{e}', key: 'prise_en_charge_specifique', value: 'Déficience visuelle' },
  { text: '{subject} est en fauteuil', key: 'prise_en_charge_specifique', value: 'Handicaps moteurs' },
  {
    text: '{subject} ne parle pas bien français',
    key: 'prise_en_charge_specifique',
    value: 'Langues étrangères (autres)',
  },
  { text: '{subject} a du mal à lire', key: 'prise_en_charge_specifique', value: 'Illettrisme' },
]
