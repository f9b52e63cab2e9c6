/*
 * What templates cannot produce well: questions about the national programmes (each in ten wordings), asking for a
 * person, greetings, thanks and requests out of scope. Written by hand, labelled by hand; the generator spreads each
 * list over several families so that every split has some.
 */

/** Ten wordings of the question about each programme (intent `information`, topic as in the contract). */
export const programmeQuestions: Readonly<Record<string, readonly string[]>> = {
  conseiller_numerique: [
    'C’est quoi un conseiller numérique ?',
    'A quoi sert un conseiller numérique France Services ?',
    'c quoi un conseiller numerique',
    'Un conseiller numérique, ça fait quoi exactement ?',
    'Est-ce que le conseiller numérique est payant ?',
    'what is a conseiller numérique?',
    'Qu’est-ce que fait une conseillère numérique ?',
    'Je voudrais des informations sur les conseillers numériques',
    'le conseiller numerique il peut faire quoi pour moi',
    'Comment ça marche, les conseillers numériques ?',
  ],
  aidants_connect: [
    'C’est quoi Aidants Connect ?',
    'A quoi sert Aidants Connect ?',
    'aidant connect c koi',
    'Aidants Connect, est-ce que je dois donner mes mots de passe ?',
    'Comment fonctionne le mandat Aidants Connect ?',
    'Qu’est-ce qu’un aidant habilité ?',
    'what is Aidants Connect?',
    'Je voudrais des renseignements sur Aidants Connect',
    'Le mandat Aidants Connect dure combien de temps ?',
    'Est-ce qu’Aidants Connect est gratuit ?',
  ],
  pass_numerique: [
    'C’est quoi le pass numérique ?',
    'Je voudrais des infos sur le pass numérique',
    'pass numerique c quoi',
    'Comment obtenir un pass numérique ?',
    'Le pass numérique, ça marche comment ?',
    'Qu’est-ce que les chèques APTIC ?',
    'A quoi servent les pass numériques ?',
    'what is the pass numérique?',
    'Est-ce que le pass numérique existe encore ?',
    'Combien vaut un pass numérique ?',
  ],
  france_services: [
    'Qu’est-ce qu’une maison France Services ?',
    'C’est quoi France Services ?',
    'france service c koi',
    'A quoi sert une France Services ?',
    'Comment fonctionnent les maisons France Services ?',
    'Je voudrais des informations sur France Services',
    'what is France Services?',
    'Quelles démarches peut-on faire dans une France Services ?',
    'Est-ce que France Services c’est payant ?',
    'c est quoi une msap',
  ],
  solidarite_numerique: [
    'Solidarité numérique c’est quoi ?',
    'C’est quoi Solidarité Numérique ?',
    'solidarite numerique c quoi',
    'Le numéro de Solidarité Numérique marche encore ?',
    'A quoi sert Solidarité Numérique ?',
    'Je voudrais des infos sur Solidarité Numérique',
    'what is Solidarité Numérique?',
    'Qu’est-ce que le 01 70 772 372 ?',
    'Comment joindre Solidarité Numérique ?',
    'Solidarité Numérique, c’est gratuit ?',
  ],
  mediation_numerique: [
    'C’est quoi un lieu de médiation numérique ?',
    'Qu’est-ce que la médiation numérique ?',
    'mediation numerique c koi',
    'A quoi sert un médiateur numérique ?',
    'Un médiateur numérique, ça fait quoi ?',
    'Je voudrais des informations sur la médiation numérique',
    'what is médiation numérique?',
    'Qu’est-ce que l’inclusion numérique ?',
    'Comment fonctionnent les lieux de médiation numérique ?',
    'La médiation numérique, c’est payant ?',
  ],
  devenir_mediateur: [
    'Je voudrais devenir conseillère numérique, comment faire ?',
    'Comment devenir médiateur numérique ?',
    'devenir conseiller numerique c possible',
    'Quelle formation pour devenir médiateur numérique ?',
    'Comment devenir conseiller numérique France Services ?',
    'Je voudrais travailler comme médiateur numérique, comment ça marche ?',
    'Est-ce qu’il faut un diplôme pour devenir conseiller numérique ?',
    'how to become a médiateur numérique?',
    'Quelles sont les démarches pour devenir conseiller numérique ?',
    'Je cherche une formation de médiateur numérique, comment faire ?',
  ],
  accueillir_conseiller: [
    'Notre communauté de communes aimerait recruter un conseiller numérique, quel financement ?',
    'Comment recruter un conseiller numérique dans notre mairie ?',
    'recrutement conseiller numerique financement',
    'Quelle subvention pour accueillir un conseiller numérique ?',
    'Notre association peut-elle embaucher un conseiller numérique ?',
    'Combien coûte un conseiller numérique pour une commune ?',
    'Comment obtenir un financement de conseiller numérique ?',
    'Je suis maire, comment accueillir un conseiller numérique ?',
    'Le financement des conseillers numériques est-il renouvelé ?',
    'Quelles aides pour recruter un conseiller numérique ?',
  ],
}

export const talkToSomeone: readonly string[] = [
  'je préfère parler à un humain',
  'je veux téléphoner à quelqu’un',
  'Est-ce que je peux parler à une vraie personne ?',
  'je voudrais parler à un conseiller',
  'passez-moi quelqu’un svp',
  'je veux parler a quelqu un',
  'un humain svp',
  'Y a-t-il un numéro de téléphone pour parler à quelqu’un ?',
  'can I talk to a human?',
  'je voudrais parler avec une personne',
  'Je veux joindre quelqu’un au téléphone',
  'vous êtes un robot ? je veux parler à une vraie personne',
  'je peux appeler quelqu’un ?',
  'mettez-moi en contact avec un agent',
  'speak to someone please',
]

export const greetings: readonly string[] = [
  'bonjour',
  'Bonsoir',
  'coucou',
  'salut',
  'bjr',
  'Bonjour madame',
  'bonjour monsieur',
  'hello',
  'slt',
  'Bonjour, comment ça va ?',
  'bonsoir à vous',
  'hey',
  'Bonjour à tous',
  'allo ?',
  'Bonjour !',
]

export const thanks: readonly string[] = [
  'merci',
  'merci, c’est gentil',
  'parfait, bonne soirée',
  'merci beaucoup',
  'super merci',
  'ok merci',
  'mercii',
  'thank you',
  'c’est parfait, merci bien',
  'génial merci, bonne journée',
  'au revoir et merci',
  'merci pour votre aide',
  'top, merci',
  'nickel merci',
  'd’accord merci, à bientôt',
]

export const offTopic: readonly string[] = [
  'quels sont les horaires de la piscine municipale ?',
  'qui va gagner le match ce soir ?',
  'donne-moi les résultats du loto',
  'quel temps fera-t-il ce week-end ?',
  'tu connais une bonne recette de gâteau au chocolat ?',
  'raconte-moi une blague',
  'quelle est la capitale de l’Australie ?',
  'combien de temps faut-il pour cuire des pâtes ?',
  'tu peux me conseiller un film ?',
  'c’est quoi le score du PSG ?',
  'quel est le meilleur restaurant chinois ?',
  'est-ce qu’il va pleuvoir ?',
  'je cherche un plombier pour une fuite d’eau',
  'où acheter des croquettes pour mon chat ?',
  'quelle heure est-il à New York ?',
  'qui a écrit Les Misérables ?',
  'tu aimes la musique ?',
  'comment faire pousser des tomates ?',
  'what’s the weather like?',
  'mon chat ne mange plus, c’est grave ?',
  'je veux commander une pizza',
  'quelle est la date de la fête des mères ?',
  'c’est combien un kilo de pommes ?',
  'ma voiture fait un bruit bizarre',
  'tu peux me chanter une chanson ?',
  'quel est le prix de l’essence ?',
  'comment on dit bonjour en japonais ?',
  'qui est le président de la République ?',
  'j’ai mal au dos, quel médicament prendre ?',
  'conseille-moi un livre',
]

type Conversation = { turns: string[]; expect: Record<string, unknown> & { intent: string } }
const ADM = 'Aide aux démarches administratives'
const OUT = 'Maîtrise des outils numériques du quotidien'
const INS = 'Insertion professionnelle via le numérique'
const SEC = 'Utilisation sécurisée du numérique'
const PAR = 'Parentalité et éducation avec le numérique'
const LOI = 'Loisirs et créations numériques'
const COM = 'Compréhension du monde numérique'
const ACC = 'Accès internet et matériel informatique'
const EQU = 'Acquisition de matériel informatique à prix solidaire'
const find = 'trouver_lieu'
const english = { prise_en_charge_specifique: 'Langues étrangères (anglais)' }

/**
 * Conversations written by hand, as people write them: real stories, two needs at once, arrondissements,
 * a commune named with its département, corrections in passing, English written by someone who just arrived.
 * Labels follow the same rules as the generated cases (exact services, démarche only when its domain is clear).
 */
export const handwrittenConversations: readonly Conversation[] = [
  {
    turns: [
      'bonjour je m’appelle Josiane, mon petit-fils m’a offert une tablette à Noël mais je ne sais pas du tout m’en servir. J’habite à Aurillac.',
    ],
    expect: { intent: find, services: [OUT], codeInsee: '15014' },
  },
  {
    turns: [
      'Mon propriétaire veut que je fasse la demande d’APL sur internet mais je n’ai pas d’ordinateur ni d’internet chez moi. Je suis à Limoges.',
    ],
    expect: { intent: find, services: [ADM, ACC], demarche: 'logement', codeInsee: '87085' },
  },
  {
    turns: [
      'Bonjour, je vous écris de la part de ma grand-mère qui ne parle pas français, elle doit renouveler sa carte de séjour, elle habite à Cayenne',
    ],
    expect: {
      intent: find,
      services: [ADM],
      demarche: 'etranger',
      codeInsee: '97302',
      constraints: { prise_en_charge_specifique: 'Langues étrangères (autres)' },
    },
  },
  {
    turns: [
      'salut',
      'en fait j’ai reçu un sms bizarre avec un lien, j’ai cliqué dessus et maintenant on me demande les codes de ma carte bancaire',
      'je suis sur Nantes',
    ],
    expect: { intent: find, services: [SEC], codeInsee: '44109' },
  },
  {
    turns: ['cc jcherche 1 endroit pr imprimer mon rapport de stage c urgent jsui a lille'],
    expect: { intent: find, services: [ACC], codeInsee: '59350' },
  },
  {
    turns: [
      'My wife and I just arrived in France, we need to open a CAF account but the website is only in French. We live in Montpellier.',
    ],
    expect: { intent: find, services: [ADM], codeInsee: '34172', constraints: english },
  },
  {
    turns: [
      'je voudrai faire ma demande de retraite mais le site info-retraite me demande france connect et je comprend rien 31000',
    ],
    expect: { intent: find, services: [ADM], demarche: 'travail', codeInsee: '31555' },
  },
  {
    turns: [
      'Est-ce qu’il existe un atelier pour apprendre à utiliser un ordinateur pour les personnes âgées à Brest ?',
    ],
    expect: {
      intent: find,
      services: [OUT],
      codeInsee: '29019',
      constraints: {
        publics_specifiquement_adresses: 'Seniors',
        modalites_accompagnement: 'Dans un atelier collectif',
      },
    },
  },
  {
    turns: [
      'je suis malentendant et je voudrais qu’on m’aide pour ma déclaration d’impôts, je suis à Nancy, il faut que ce soit gratuit',
    ],
    expect: {
      intent: find,
      services: [ADM],
      demarche: 'argent',
      codeInsee: '54395',
      constraints: { prise_en_charge_specifique: 'Surdité', frais_a_charge: 'Gratuit' },
    },
  },
  {
    turns: ['Je cherche de l’aide pour ma carte grise', 'Saint-Étienne'],
    expect: { intent: find, services: [ADM], demarche: 'transports', codeInsee: '42218' },
  },
  {
    turns: ['mon fils passe ses nuits sur les écrans, il y a des conseils pour les parents à Quimper ?'],
    expect: { intent: find, services: [PAR], codeInsee: '29232' },
  },
  {
    turns: [
      'Bonjour je reçois des mails soi-disant de ma banque qui ne ressemblent pas à ceux d’habitude, comment savoir si c’est une arnaque ? j’habite Angers',
    ],
    expect: { intent: find, services: [SEC], codeInsee: '49007' },
  },
  {
    turns: [
      'j’ai perdu mon permis de conduire et je dois le déclarer sur le site de l’ANTS, c’est compliqué, j’habite au Mans',
    ],
    expect: { intent: find, services: [ADM], demarche: 'transports', codeInsee: '72181' },
  },
  {
    turns: [
      'Bonjour, y a-t-il un lieu à Bayonne où je pourrais utiliser un ordinateur et une imprimante gratuitement ?',
    ],
    expect: { intent: find, services: [ACC], codeInsee: '64102', constraints: { frais_a_charge: 'Gratuit' } },
  },
  {
    turns: [
      'je suis à Mamoudzou et je dois faire ma demande de titre de séjour sur internet, quelqu’un peut m’aider ?',
    ],
    expect: { intent: find, services: [ADM], demarche: 'etranger', codeInsee: '97611' },
  },
  {
    turns: [
      'je touche le RSA et on m’a dit de faire ma déclaration trimestrielle en ligne, je ne sais pas faire, j’habite à Roubaix',
    ],
    expect: { intent: find, services: [ADM], demarche: 'social', codeInsee: '59512' },
  },
  {
    turns: ['je voudrais apprendre à faire des appels en visio avec mes enfants qui sont loin', 'Vannes'],
    expect: { intent: find, services: [OUT], codeInsee: '56260' },
  },
  {
    turns: ['Il me faut un ordinateur pas cher pour ma fille qui rentre au lycée, on est à Reims'],
    expect: { intent: find, services: [EQU], codeInsee: '51454' },
  },
  {
    turns: ['je voudrais écrire un CV et une lettre de motivation, je n’ai jamais travaillé, j’habite à Amiens'],
    expect: { intent: find, services: [INS], codeInsee: '80021' },
  },
  {
    turns: ['Bonjour, quelqu’un peut faire ma demande de carte vitale à ma place ? Je suis à Cahors'],
    expect: { intent: 'faire_a_ma_place', services: [ADM], demarche: 'social', codeInsee: '46042' },
  },
  {
    turns: ['on a piraté le compte instagram de ma fille, qui peut nous aider à Pau'],
    expect: { intent: find, services: [SEC], codeInsee: '64445' },
  },
  {
    turns: ['bjr jvoudrai savoir ou on peut scanner et envoyer des documents pour la caf a perigueux'],
    expect: { intent: find, services: [ACC, ADM], codeInsee: '24322' },
  },
  {
    turns: ['Y a-t-il une maison France Services à Millau ?'],
    expect: { intent: find, codeInsee: '12145', constraints: { dispositif_programmes_nationaux: 'France Services' } },
  },
  {
    turns: ['Je suis sourde et je cherche un atelier pour apprendre à utiliser mon téléphone à Valence dans la Drôme'],
    expect: {
      intent: find,
      services: [OUT],
      codeInsee: '26362',
      constraints: { prise_en_charge_specifique: 'Surdité', modalites_accompagnement: 'Dans un atelier collectif' },
    },
  },
  {
    turns: ['Bonjour, j’habite à Saint-Denis à la Réunion et je voudrais apprendre à envoyer des mails'],
    expect: { intent: find, services: [OUT], codeInsee: '97411' },
  },
  {
    turns: ['besoin aide pour inscription pole emploi, j’habite Schoelcher'],
    expect: { intent: find, services: [ADM], demarche: 'travail', codeInsee: '97229' },
  },
  {
    turns: ['bonjour', 'je suis perdu avec mon dossier MDPH', 'je suis à Tarbes'],
    expect: { intent: find, services: [ADM], demarche: 'social', codeInsee: '65440' },
  },
  {
    turns: ['Lyon 3e, besoin d’aide pour faire des démarches en ligne'],
    expect: { intent: find, services: [ADM], codeInsee_any: ['69383', '69123'] },
  },
  {
    turns: ['j’habite Marseille 13e et je voudrais apprendre l’informatique'],
    expect: { intent: find, services: [OUT], codeInsee_any: ['13213', '13055'] },
  },
  {
    turns: ['Paris 18 aide pour une demande de logement social'],
    expect: { intent: find, services: [ADM], demarche: 'logement', codeInsee_any: ['75118', '75056'] },
  },
  {
    turns: ['mon ordi a un virus je pense, il est très lent et des pubs s’ouvrent toutes seules, je suis à Dijon'],
    expect: { intent: find, services: [SEC], codeInsee: '21231' },
  },
  {
    turns: ['je viens d’avoir mon premier smartphone, je ne sais même pas décrocher, j’habite à Rodez'],
    expect: { intent: find, services: [OUT], codeInsee: '12202' },
  },
  {
    turns: [
      'Je voudrais faire une vidéo avec des photos pour l’anniversaire de ma mère, il y a un endroit pour apprendre le montage à Albi ?',
    ],
    expect: { intent: find, services: [LOI], codeInsee: '81004' },
  },
  {
    turns: [
      'Je ne sais jamais si ce que je lis sur internet est vrai ou faux, il y a des ateliers sur les fake news à Colmar ?',
    ],
    expect: {
      intent: find,
      services: [COM],
      codeInsee: '68066',
      constraints: { modalites_accompagnement: 'Dans un atelier collectif' },
    },
  },
  {
    turns: ['Where can I print my train ticket in Nice?'],
    expect: { intent: find, services: [ACC], codeInsee: '06088', constraints: english },
  },
  {
    turns: ['I need someone to help me with my CAF application, I cannot read French, I live in Cannes'],
    expect: { intent: find, services: [ADM], codeInsee: '06029', constraints: english },
  },
  {
    turns: ['hello, je cherche un computer en libre service à Rennes svp'],
    expect: { intent: find, services: [ACC], codeInsee: '35238' },
  },
  {
    turns: ['je veux faire ma demande de naturalisation', 'à Créteil', 'c’est gratuit ?'],
    expect: {
      intent: find,
      services: [ADM],
      demarche: 'etranger',
      codeInsee: '94028',
      constraints: { frais_a_charge: 'Gratuit' },
    },
  },
  {
    turns: ['je dois faire ma carte d’identité', 'Bordeaux', 'ah non pardon c’est pour mon passeport'],
    expect: { intent: find, services: [ADM], demarche: 'papiers', codeInsee: '33063' },
  },
  {
    turns: ['j’ai besoin d’aide pour mes impôts à Lille', 'en fait j’habite à Roubaix'],
    expect: { intent: find, services: [ADM], demarche: 'argent', codeInsee: '59512' },
  },
  {
    turns: ['pouvez vous m’aider a remplir le dossier de bourse du crous pour mon fils, on est a Poitiers'],
    expect: { intent: find, services: [ADM], demarche: 'famille', codeInsee: '86194' },
  },
  {
    turns: ['je suis en fauteuil, y a t il un endroit accessible pour faire mes démarches CAF à Grenoble'],
    expect: {
      intent: find,
      services: [ADM],
      codeInsee: '38185',
      constraints: { prise_en_charge_specifique: 'Handicaps moteurs' },
    },
  },
  {
    turns: ['Bonjour, je suis à Basse-Terre et j’ai besoin d’aide pour mon dossier de retraite'],
    expect: { intent: find, services: [ADM], demarche: 'travail', codeInsee: '97105' },
  },
  {
    turns: ['je suis a kourou je ne sais pas lire ni écrire et je dois faire une demande de RSA'],
    expect: {
      intent: find,
      services: [ADM],
      demarche: 'social',
      codeInsee: '97304',
      constraints: { prise_en_charge_specifique: 'Illettrisme' },
    },
  },
  {
    turns: ['Je voudrais des cours d’informatique le samedi à Metz'],
    expect: { intent: find, services: [OUT], codeInsee: '57463', constraints: { ouvert_jour: 'Sa' } },
  },
  {
    turns: ['Je cherche quelqu’un qui parle arabe pour m’aider avec ma demande de logement social à Nîmes'],
    expect: {
      intent: find,
      services: [ADM],
      demarche: 'logement',
      codeInsee: '30189',
      constraints: { prise_en_charge_specifique: 'Langues étrangères (autres)' },
    },
  },
  {
    turns: [
      'c’est pour une amie qui s’est fait avoir par un faux vendeur, elle voudrait porter plainte en ligne, elle habite Béziers',
    ],
    expect: { intent: find, services: [ADM], demarche: 'justice', codeInsee: '34032' },
  },
  {
    turns: [
      'Mon téléphone me dit que la mémoire est pleine et je ne sais pas quoi supprimer, qui peut m’aider à Troyes ?',
    ],
    expect: { intent: find, services: [OUT], codeInsee: '10387' },
  },
  {
    turns: ['je n’arrive pas à me connecter à mon compte ameli, le code ne marche pas'],
    expect: { intent: find, services: [ADM], demarche: 'social', awaiting: 'location' },
  },
  {
    turns: ['J’aimerais bien savoir me servir d’internet, mes enfants n’ont jamais le temps de me montrer'],
    expect: { intent: find, services: [OUT], awaiting: 'location' },
  },
]
