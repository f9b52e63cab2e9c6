import { Service } from '@aiguillage/lieux'

/*
 * Everything the assistant says in its own words, in French and in English: short sentences, plain words, no
 * official vocabulary. The data (names, addresses, hours as the lieu gives them) stay as they are.
 */

export type Language = 'fr' | 'en'

export type Phrases = {
  greeting: string
  greetingAsk: string
  operatorGreeting: string
  thanks: string
  operatorThanks: string
  secretWarning: (what: string) => string
  secretLabels: Readonly<Record<'mot_de_passe' | 'code_secret' | 'nir' | 'carte_bancaire' | 'iban', string>>
  and: string
  helplinePaused: (name: string, phone: string, year: string) => string
  callMairie: string
  askCommuneForPhone: string
  askCommune: (forSomeoneElse: boolean) => string
  askCommuneAgain: string
  positionUnusable: string
  cannotLocate: (place: string) => string
  /** After the lieux around a commune taken among homonyms (or a postcode's main commune): the others, once. */
  otherCommunes: (taken: string, others: readonly string[]) => string
  notedAskNeed: (place: string) => string
  askNeed: string
  askNeedForOther: string
  askNeedAgain: string
  noOther: string
  noneNear: (ofPlace: string) => string
  mairieCanHelp: string
  relaxed: (what: string, needDropped: boolean) => string
  header: (more: boolean, count: number, ofPlace: string, need: string | undefined) => string
  /** « pour vos démarches administratives » */
  forNeed: (need: string) => string
  /** « avec un conseiller numérique », « du réseau France Services » (a criterion of plainCriterion). */
  inProgramme: (criterion: string) => string
  callBefore: string
  next: string
  seeMore: string
  newSearch: string
  outOfScope: string
  whatNeed: string
  notUnderstoodTwice: string
  mairieOrFranceServices: string
  orChooseNeed: string
  notUnderstood: string
  orChoose: string
  callNearest: (name: string, phone: string) => string
  callSoonest: (name: string, phone: string, openNow: boolean) => string
  severalCommunes: string
  assumedCommune: (label: string) => string
  needs: readonly { label: string; value: string }[]
  serviceWords: Readonly<Record<string, string>>
  // Follow-ups about the lieux just shown.
  noPhone: (name: string) => string
  phoneOf: (name: string, phone: string) => string
  emailOf: (name: string, email: string) => string
  addressOf: (name: string, address: string, distance: string) => string
  priceOf: (name: string, price: string | undefined) => string
  allPriced: (count: number, price: string) => string
  onlyFreeOffer: string
  distanceOf: (name: string, distance: string, from: string) => string
  asTheCrowFlies: string
  hoursOf: (name: string, week: string) => string
  noHours: (name: string) => string
  openThatDay: (name: string, day: string, hours: string) => string
  closedThatDay: (names: string, day: string, count: number) => string
  noneThatDay: (day: string) => string
  nearestThatDay: (day: string, name: string, distance: string, hours: string, farther: boolean) => string
  nothingThatDay: (day: string) => string
  nearestThatDayOtherNeed: (day: string, name: string, distance: string, hours: string) => string
  noOtherAgain: (ofPlace: string) => string
  sameLieux: (count: number) => string
  openNowOf: (name: string, text: string) => string
  noneOpenNow: string
  nearestOpenNow: (name: string, distance: string, text: string) => string
  whyOf: (name: string, why: string) => string
  bookOnline: (name: string, url: string) => string
  walkIn: (name: string) => string
  walkInOrBook: (name: string, url: string) => string
  callToBook: (name: string, phone: string) => string
  closest: (from: string) => string
  closerWithout: (what: string, name: string, distance: string) => string
  shareFinerPlace: string
  somethingElse: string
  passNumeriqueCaveat: string
  dontKnowPlace: string
  dontKnowNeed: string
  dontKnowOther: string
  fromCentre: (place: string) => string
  fromPosition: string
  weekdays: readonly string[]
  closed: string
  to: string
}

const frNeeds = [
  { label: 'Faire une démarche en ligne (CAF, impôts, retraite…)', value: Service.AdministrativeProcedures },
  { label: 'Apprendre à utiliser un ordinateur, une tablette, un smartphone', value: Service.EverydayDigitalTools },
  { label: 'Utiliser un ordinateur, une imprimante, internet', value: Service.InternetAndEquipmentAccess },
  { label: 'Chercher un emploi, faire un CV', value: Service.EmploymentThroughDigital },
  { label: 'Acheter un ordinateur à petit prix', value: Service.AffordableEquipment },
]

const fr: Phrases = {
  greeting: 'Bonjour ! Je vous aide à trouver un lieu près de chez vous pour être aidé avec le numérique.',
  greetingAsk: 'Dites-moi ce dont vous avez besoin, et dans quelle commune vous habitez.',
  operatorGreeting: 'Indiquez la commune et le besoin de la personne.',
  thanks: 'Avec plaisir. Bonne journée !',
  operatorThanks: 'Bien noté.',
  secretWarning: (what) =>
    `Attention : vous avez écrit ${what}. Ne le donnez jamais, ni à moi ni à personne par message. Je ne l’ai pas gardé.`,
  secretLabels: {
    mot_de_passe: 'un mot de passe',
    code_secret: 'un code secret',
    nir: 'un numéro de sécurité sociale',
    carte_bancaire: 'un numéro de carte bancaire',
    iban: 'un IBAN',
  },
  and: ' et ',
  helplinePaused: (name, phone, year) =>
    `La ligne ${name} (${phone}) est suspendue depuis ${year} : elle ne répond plus.`,
  callMairie: 'Le plus simple est d’appeler votre mairie : elle connaît les lieux d’aide près de chez vous.',
  askCommuneForPhone: 'Je peux vous donner le numéro du lieu d’aide le plus proche. Dans quelle commune habitez-vous ?',
  askCommune: (other) =>
    other
      ? 'Dans quelle commune habite la personne que vous aidez ? Vous pouvez aussi donner son code postal.'
      : 'Dans quelle commune habitez-vous ? Vous pouvez aussi donner votre code postal.',
  askCommuneAgain:
    'Pour trouver un lieu près de chez vous, écrivez le nom de votre ville ou de votre village, ou votre code postal. Vous pouvez aussi toucher « Me localiser ».',
  positionUnusable: 'Je n’ai pas pu utiliser votre position.',
  otherCommunes: (taken, others) =>
    `J’ai cherché autour de ${taken}. Si vous pensiez à ${listOf(
      others.map((o) => o),
      'ou à',
    )}, dites-le-moi.`,
  cannotLocate: (place) =>
    `Je ne sais pas situer ${place} sur la carte. Pouvez-vous me donner une commune voisine ou votre code postal ?`,
  notedAskNeed: (place) => `Bien noté : ${place}. De quoi avez-vous besoin ?`,
  askNeed: 'Je suis là pour vous aider. De quoi avez-vous besoin ?',
  askNeedForOther: 'Je suis là pour vous aider. De quoi la personne que vous aidez a-t-elle besoin ?',
  askNeedAgain:
    'Dites-moi avec vos mots ce que vous voulez faire, par exemple « déclarer mes impôts » ou « apprendre la tablette ». Ou touchez un choix :',
  noOther: 'Je n’ai pas d’autre lieu à vous proposer.',
  noneNear: (of) => `Je n’ai trouvé aucun lieu près ${of}.`,
  mairieCanHelp: 'Votre mairie peut vous indiquer où être aidé près de chez vous.',
  relaxed: (what, needDropped) =>
    `Je n’ai pas trouvé de lieu ${what}. Voici les plus proches${needDropped ? ' : ils peuvent vous aider ou vous orienter' : ''}.`,
  header: (more, count, of, need) =>
    `${more ? 'Voici d’autres lieux' : count === 1 ? 'Voici le lieu le plus proche' : `Voici les ${count} lieux les plus proches`} ${of}${need ? ` ${need}` : ''}.`,
  forNeed: (need) => `pour ${need}`,
  inProgramme: (criterion) => (/^(avec|qui|où|pour) /.test(criterion) ? criterion : `du réseau ${criterion}`),
  callBefore: 'Appelez avant de vous déplacer : les horaires peuvent changer.',
  next: 'Et maintenant ?',
  seeMore: 'Voir d’autres lieux',
  newSearch: 'Nouvelle recherche',
  outOfScope:
    'Je ne peux pas vous aider pour cela. Je trouve des lieux où être aidé avec le numérique : démarches en ligne, ordinateur, smartphone…',
  whatNeed: 'De quoi avez-vous besoin ?',
  notUnderstoodTwice: 'Je n’arrive pas à comprendre votre demande, excusez-moi.',
  mairieOrFranceServices: 'Vous pouvez appeler votre mairie ou une France Services : un agent vous orientera.',
  orChooseNeed: 'Ou choisissez ce dont vous avez besoin :',
  notUnderstood:
    'Je n’ai pas bien compris. Que voulez-vous faire ? Par exemple : « faire ma carte grise », « apprendre la tablette ».',
  orChoose: 'Ou choisissez :',
  callNearest: (name, phone) => `Le plus simple est d’appeler le lieu le plus proche : ${name}, au ${phone}.`,
  callSoonest: (name, phone, open) =>
    `Le plus simple est d’appeler ${name}, au ${phone} : ${open ? 'il est ouvert en ce moment' : 'c’est le lieu proche qui ouvre le plus tôt'}.`,
  severalCommunes: 'Plusieurs communes portent ce nom. Laquelle ?',
  assumedCommune: (label) => `Je prends ${label}. Si ce n’est pas la bonne commune, dites-le-moi.`,
  needs: frNeeds,
  serviceWords: {
    [Service.AdministrativeProcedures]: 'vos démarches administratives',
    [Service.EverydayDigitalTools]: 'apprendre à utiliser le numérique',
    [Service.EmploymentThroughDigital]: 'chercher un emploi avec le numérique',
    [Service.SafeDigitalUse]: 'la sécurité sur internet',
    [Service.ParentingAndEducation]: 'l’école et les écrans des enfants',
    [Service.LeisureAndCreation]: 'créer et vous divertir avec le numérique',
    [Service.UnderstandingDigitalWorld]: 'comprendre le numérique',
    [Service.InternetAndEquipmentAccess]: 'accéder à un ordinateur, une imprimante ou internet',
    [Service.AffordableEquipment]: 'acheter du matériel à petit prix',
  },
  noPhone: (name) => `${name} : pas de numéro dans nos données.`,
  phoneOf: (name, phone) => `${name} : ${phone}.`,
  emailOf: (name, email) => `${name} : pas de numéro dans nos données, mais une adresse mail : ${email}.`,
  addressOf: (name, address, distance) => `${name} : ${address} (à ${distance}).`,
  priceOf: (name, price) =>
    price ? `${name} : ${price}.` : `${name} : le prix n’est pas indiqué. Demandez en appelant.`,
  allPriced: (count, price) =>
    count === 1 ? `C’est ${price}.` : `Les ${count} lieux sont ${price.replace(/^(gratuit|payant)/, '$1s')}.`,
  onlyFreeOffer: 'Pour ne voir que des lieux gratuits, écrivez « gratuit ».',
  distanceOf: (name, distance, from) => `${name} : à ${distance} ${from}.`,
  asTheCrowFlies: 'Ce sont des distances à vol d’oiseau : le trajet peut être plus long.',
  hoursOf: (name, week) => `${name} : ${week}.`,
  noHours: (name) => `${name} : horaires non indiqués. Appelez avant de venir.`,
  openThatDay: (name, day, hours) => `${name} est ouvert ${day} : ${hours}.`,
  closedThatDay: (names, day, count) => `${names} ${count > 1 ? 'sont fermés' : 'est fermé'} ${day}.`,
  noneThatDay: (day) => `Aucun de ces lieux n’ouvre ${day}.`,
  nearestThatDay: (day, name, distance, hours, farther) =>
    `Le plus proche ouvert ${day} est ${name}, à ${distance}${farther ? ' : c’est plus loin' : ''}. Horaires ${day} : ${hours}.`,
  nothingThatDay: (day) => `Aucun lieu d’aide proche n’ouvre ${day}, ceux-ci non plus.`,
  nearestThatDayOtherNeed: (day, name, distance, hours) =>
    `${capitalise(day)}, le lieu d’aide ouvert le plus proche est ${name}, à ${distance}. Il n’aide pas forcément pour ce besoin : appelez avant. Horaires ${day} : ${hours}.`,
  noOtherAgain: (of) =>
    `Je vous ai montré tous les lieux que je connais pour cela près ${of}. Essayez une commune voisine, ou touchez « Nouvelle recherche ».`,
  sameLieux: (count) =>
    count === 1
      ? 'C’est le même lieu que tout à l’heure, et il convient.'
      : 'Ce sont les mêmes lieux que tout à l’heure, et ils conviennent.',
  openNowOf: (name, text) => `${name} : ${text}`,
  noneOpenNow: 'Aucun de ces lieux n’est ouvert en ce moment.',
  nearestOpenNow: (name, distance, text) => `Le plus proche ouvert maintenant est ${name}, à ${distance}. ${text}`,
  whyOf: (name, why) => `${name} — ${why}`,
  bookOnline: (name, url) => `${name} : prenez rendez-vous en ligne, ${url}`,
  walkIn: (name) => `${name} : vous pouvez venir sans rendez-vous, aux heures d’ouverture.`,
  walkInOrBook: (name, url) => `${name} : vous pouvez venir sans rendez-vous, ou prendre rendez-vous en ligne, ${url}`,
  callToBook: (name, phone) => `${name} : appelez le ${phone} pour prendre rendez-vous.`,
  closest: (from) => `Ce sont les lieux les plus proches ${from} que je connaisse.`,
  closerWithout: (what, name, distance) => `Plus près, mais ${what} : ${name}, à ${distance}.`,
  shareFinerPlace:
    'Pour chercher plus près de chez vous, donnez votre code postal ou le nom de votre village, ou touchez « Me localiser ».',
  somethingElse: 'D’accord. De quoi d’autre avez-vous besoin ?',
  passNumeriqueCaveat:
    'Nos données ne disent pas quels lieux acceptent le Pass numérique : demandez-le quand vous appelez.',
  dontKnowPlace:
    'Ce n’est pas grave. Écrivez le nom de votre ville ou de votre village, ou votre code postal. Vous pouvez aussi toucher « Me localiser ».',
  dontKnowNeed:
    'Ce n’est pas grave. Dites-moi ce qui vous pose problème, avec vos mots : « je n’arrive pas à déclarer mes impôts », « je voudrais envoyer des photos ». Ou touchez un choix :',
  dontKnowOther: 'Ce n’est pas grave. Voulez-vous que je vous donne le numéro d’un lieu où quelqu’un vous aidera ?',
  fromCentre: (place) => `du centre ${place}`,
  fromPosition: 'de votre position',
  weekdays: ['le lundi', 'le mardi', 'le mercredi', 'le jeudi', 'le vendredi', 'le samedi', 'le dimanche'],
  closed: 'fermé',
  to: ' – ',
}

const en: Phrases = {
  greeting: 'Hello! I help you find a place near you where someone can help with digital tools.',
  greetingAsk: 'Tell me what you need, and which town you live in.',
  operatorGreeting: 'Give the person’s town and need.',
  thanks: 'You’re welcome. Have a good day!',
  operatorThanks: 'Noted.',
  secretWarning: (what) =>
    `Careful: you wrote ${what}. Never give it to anyone by message, not even to me. I have not kept it.`,
  secretLabels: {
    mot_de_passe: 'a password',
    code_secret: 'a secret code',
    nir: 'a social security number',
    carte_bancaire: 'a bank card number',
    iban: 'an IBAN',
  },
  and: ' and ',
  helplinePaused: (name, phone, year) =>
    `The ${name} helpline (${phone}) has been paused since ${year}: nobody answers.`,
  callMairie: 'The simplest is to call your town hall: they know the places that help near you.',
  askCommuneForPhone: 'I can give you the phone number of the nearest place that helps. Which town do you live in?',
  askCommune: (other) =>
    other
      ? 'Which town does the person you are helping live in? You can also give the postcode.'
      : 'Which town do you live in? You can also give your postcode.',
  askCommuneAgain:
    'To find a place near you, write the name of your town or village, or your postcode. You can also tap “Locate me”.',
  positionUnusable: 'I could not use your position.',
  otherCommunes: (taken, others) => `I searched around ${taken}. If you meant ${listOf(others, 'or')}, tell me.`,
  cannotLocate: (place) => `I cannot find ${place} on the map. Could you give a nearby town or your postcode?`,
  notedAskNeed: (place) => `Noted: ${place}. What do you need?`,
  askNeed: 'I am here to help. What do you need?',
  askNeedForOther: 'I am here to help. What does the person you are helping need?',
  askNeedAgain: 'Tell me in your own words what you want to do, for example “file my taxes”. Or tap a choice:',
  noOther: 'I have no other place to suggest.',
  noneNear: (of) => `I found no place near ${of}.`,
  mairieCanHelp: 'Your town hall can tell you where to get help near you.',
  relaxed: (what, needDropped) =>
    `I found no place ${what}. Here are the nearest${needDropped ? ': they can help or tell you where to go' : ''}.`,
  header: (more, count, of, need) =>
    `${more ? 'Here are more places' : count === 1 ? 'Here is the nearest place' : `Here are the ${count} nearest places`} to ${of}${need ? ` ${need}` : ''}.`,
  forNeed: (need) => `for ${need}`,
  inProgramme: (criterion) => (/^(with|that|where|for) /.test(criterion) ? criterion : `in the ${criterion} network`),
  callBefore: 'Call before you go: opening hours can change.',
  next: 'What next?',
  seeMore: 'See more places',
  newSearch: 'New search',
  outOfScope:
    'I cannot help with that. I find places where you can get help with digital tools: online procedures, computers, smartphones…',
  whatNeed: 'What do you need?',
  notUnderstoodTwice: 'I am sorry, I cannot understand your request.',
  mairieOrFranceServices: 'You can call your town hall or a France Services centre: someone will guide you.',
  orChooseNeed: 'Or choose what you need:',
  notUnderstood: 'I did not quite understand. What would you like to do? For example: “apply for my car registration”.',
  orChoose: 'Or choose:',
  callNearest: (name, phone) => `The simplest is to call the nearest place: ${name}, on ${phone}.`,
  callSoonest: (name, phone, open) =>
    `The simplest is to call ${name}, on ${phone}: ${open ? 'it is open now' : 'it is the nearby place that opens first'}.`,
  severalCommunes: 'Several towns have this name. Which one?',
  assumedCommune: (label) => `I am taking ${label}. If it is not the right town, tell me.`,
  needs: [
    { label: 'Do something online (benefits, taxes, pension…)', value: Service.AdministrativeProcedures },
    { label: 'Learn to use a computer, a tablet, a smartphone', value: Service.EverydayDigitalTools },
    { label: 'Use a computer, a printer, the internet', value: Service.InternetAndEquipmentAccess },
    { label: 'Look for a job, write a CV', value: Service.EmploymentThroughDigital },
    { label: 'Buy a low-cost computer', value: Service.AffordableEquipment },
  ],
  serviceWords: {
    [Service.AdministrativeProcedures]: 'online procedures',
    [Service.EverydayDigitalTools]: 'learning to use digital tools',
    [Service.EmploymentThroughDigital]: 'looking for a job online',
    [Service.SafeDigitalUse]: 'staying safe online',
    [Service.ParentingAndEducation]: 'school and children’s screens',
    [Service.LeisureAndCreation]: 'creating and having fun with digital tools',
    [Service.UnderstandingDigitalWorld]: 'understanding the digital world',
    [Service.InternetAndEquipmentAccess]: 'using a computer, a printer or the internet',
    [Service.AffordableEquipment]: 'buying low-cost equipment',
  },
  noPhone: (name) => `${name}: no phone number in our data.`,
  phoneOf: (name, phone) => `${name}: ${phone}.`,
  emailOf: (name, email) => `${name}: no phone number in our data, but an email address: ${email}.`,
  addressOf: (name, address, distance) => `${name}: ${address} (${distance} away).`,
  priceOf: (name, price) => (price ? `${name}: ${price}.` : `${name}: the price is not given. Ask when you call.`),
  allPriced: (count, price) => (count === 1 ? `It is ${price}.` : `All ${count} places are ${price}.`),
  onlyFreeOffer: 'To see only free places, write “free”.',
  distanceOf: (name, distance, from) => `${name}: ${distance} ${from}.`,
  asTheCrowFlies: 'These are straight-line distances: the trip may be longer.',
  hoursOf: (name, week) => `${name}: ${week}.`,
  noHours: (name) => `${name}: opening hours not given. Call before you go.`,
  openThatDay: (name, day, hours) => `${name} is open ${day}: ${hours}.`,
  closedThatDay: (names, day, count) => `${names} ${count > 1 ? 'are' : 'is'} closed ${day}.`,
  noneThatDay: (day) => `None of these places opens ${day}.`,
  nearestThatDay: (day, name, distance, hours, farther) =>
    `The nearest place open ${day} is ${name}, ${distance} away${farther ? ': it is farther' : ''}. Hours ${day}: ${hours}.`,
  nothingThatDay: (day) => `No place that helps near you opens ${day}, these ones included.`,
  nearestThatDayOtherNeed: (day, name, distance, hours) =>
    `${capitalise(day)}, the nearest place open is ${name}, ${distance} away. It may not help with this need: call first. Hours ${day}: ${hours}.`,
  noOtherAgain: (of) =>
    `I have shown you all the places I know for this near ${of}. Try a nearby town, or tap “New search”.`,
  sameLieux: (count) =>
    count === 1 ? 'It is the same place as before, and it fits.' : 'These are the same places as before, and they fit.',
  openNowOf: (name, text) => `${name}: ${text}`,
  noneOpenNow: 'None of these places is open right now.',
  nearestOpenNow: (name, distance, text) => `The nearest place open now is ${name}, ${distance} away. ${text}`,
  whyOf: (name, why) => `${name} — ${why}`,
  bookOnline: (name, url) => `${name}: book online, ${url}`,
  walkIn: (name) => `${name}: you can go without an appointment, during opening hours.`,
  walkInOrBook: (name, url) => `${name}: you can go without an appointment, or book online, ${url}`,
  callToBook: (name, phone) => `${name}: call ${phone} to make an appointment.`,
  closest: (from) => `These are the nearest places ${from} that I know of.`,
  closerWithout: (what, name, distance) => `Nearer, but ${what}: ${name}, ${distance} away.`,
  shareFinerPlace: 'To look nearer to you, give your postcode or your village, or tap “Locate me”.',
  somethingElse: 'All right. What else do you need?',
  passNumeriqueCaveat: 'Our data do not say which places accept the Pass numérique: ask when you call.',
  dontKnowPlace: 'That’s fine. Write the name of your town or village, or your postcode. You can also tap “Locate me”.',
  dontKnowNeed: 'That’s fine. Tell me in your own words what is difficult for you. Or tap a choice:',
  dontKnowOther: 'That’s fine. Would you like the phone number of a place where someone will help you?',
  fromCentre: (place) => `from the centre of ${place}`,
  fromPosition: 'from your position',
  weekdays: ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday', 'on Sunday'],
  closed: 'closed',
  to: '–',
}

export const phrases: Readonly<Record<Language, Phrases>> = { fr, en }

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** « A, B ou à C »: a short list in a sentence. */
function listOf(items: readonly string[], last: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`
}
