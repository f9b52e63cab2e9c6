import { NationalProgramme, SpecificSupport, SupportMode, TargetPublic } from '@aiguillage/lieux'
import {
  type Demarche,
  detectNeeds,
  detectTopic,
  foldMessage,
  type Topic,
  wantsItDoneForThem,
} from '@aiguillage/orientation'

/*
 * What one message says, read with rules a person can follow: words of needs and procedures (from
 * @aiguillage/orientation), of constraints, of intents. Deterministic: the same words always give the same reading,
 * and the reading is returned with every turn so that it can be explained and checked.
 */

export const Intent = {
  FindPlace: 'trouver_lieu',
  DoItForMe: 'faire_a_ma_place',
  Information: 'information',
  TalkToSomeone: 'parler_a_quelqu_un',
  Greeting: 'salutation',
  Thanks: 'remerciement',
  OffTopic: 'hors_sujet',
} as const
export type Intent = (typeof Intent)[keyof typeof Intent]

/** Constraints with the standard's field names and official values; opening wishes besides. */
export type Constraints = {
  frais_a_charge?: string[]
  prise_en_charge_specifique?: string[]
  publics_specifiquement_adresses?: string[]
  modalites_accompagnement?: string[]
  dispositif_programmes_nationaux?: string[]
  ouvert_maintenant?: boolean
  /** OpenStreetMap weekday code: Mo, Tu, We, Th, Fr, Sa, Su. */
  ouvert_jour?: string
}

/** The reading of one message, before it is merged with the conversation. */
export type TurnReading = {
  /** Null when the message carries no intent of its own (a commune alone, "c'est gratuit ?"). */
  intent: Intent | null
  topic?: Topic
  services: string[]
  demarche?: Demarche
  constraints: Constraints
  /** The place words, for the caller to resolve with @aiguillage/territoires. */
  english: boolean
  /** The person wants more results of the same search. */
  more: boolean
  /** The person wants to start over. */
  reset: boolean
}

const w = (source: string) => new RegExp(`(?:^| )(?:${source})(?= |$)`)
const has = (folded: string, pattern: RegExp) => pattern.test(folded)
/** "Moins loin ?" after a search: the same search, nearest first (it already is). */
const closer = w('moins loin|plus pres|plus proches?|pas trop loin|pres de chez (?:moi|nous|elle|lui)|nearer|closer')

const greeting = w('bonjour|bonsoir|salut|coucou|hello|hi|bjr|slt|hey|allo|bonne journee a vous|yo')
const onlyPoliteness =
  /^(?:(?:bonjour|bonsoir|salut|coucou|hello|hi|bjr|slt|hey|allo|madame|monsieur|a vous|a tous|tout le monde|ca va|comment ca va|comment allez vous|svp|s il vous plait|yo) ?)+$/
const thanks = w(
  'merci|mercii+|parfait|super|genial|c est gentil|tres gentil|bonne journee|bonne soiree|bonne nuit|au revoir|a bientot|thanks|thank you|top|nickel|ca marche|d accord merci|ok merci|c est bon',
)
const human = w(
  '(?:parler|discuter) (?:a|avec) (?:un|une|quelqu un|des|la|le)?\\s?(?:humain|humaine|personne|vraie personne|conseiller|conseillere|agent|operateur|operatrice|quelqu un)|un humain|une vraie personne|une personne reelle|telephoner a quelqu un|appeler quelqu un|(?:un|le) numero de telephone (?:pour|d un|d une)|joindre quelqu un|contacter quelqu un|parler a quelqu un|talk to (?:a )?(?:human|person|someone)|call someone|speak to (?:a )?(?:human|person|someone)',
)
const question = w(
  'savoir si|voudrais savoir|aimerais savoir|je me demande|c est payant|c est gratuit|est ce payant|est ce gratuit|c est quoi|cest quoi|c quoi|ces quoi|c est koi|qu est ce|quest ce|a quoi sert|a quoi servent|comment|combien|infos?|informations?|renseignements?|expliqu\\w*|est ce que|ca sert|qui sont|what is|how does|peut on|puis je|dois je|quel|quelle|quels|quelles',
)
const locating = w(
  'ou (?:est|sont|se trouve|trouver|aller)|ou (?:je |on )?(?:peux|peut|puis je|peut on|pourrais)|le plus proche|la plus proche|les plus proches|pres de|pres d|autour de|a cote de|proche de|dans ma ville|near|nearest',
)
const helpWords = w(
  'aide|aider|aidez|besoin|cherche|chercher|recherche|apprendre|ou trouver|qui peut|comment faire|je n arrive pas|j arrive pas|narrive pas|je ne sais pas (?:utiliser|faire|comment|me servir|remplir)|je sais pas (?:utiliser|faire|comment|me servir|remplir)|galere|bloque|probleme|soucis?|help|need',
)
const livesAt = w(
  'j habite|habite|je vis|je suis a|je suis au|je suis sur|je reside|i live|we live|je demeure|chez moi a',
)
const moreResults = w(
  'plus de (?:resultats|lieux|adresses|choix)|d autres(?: lieux| adresses| resultats| endroits)?|autres lieux|(?:un|une) autre(?: lieu| adresse| endroit)?|encore|la suite|suivants?|more',
)
const restart = w('recommencer|nouvelle recherche|on recommence|reset|annuler|recommence')
const englishWords =
  /(?:^| )(?:i|i m|my|the|need|help|with|live|don t|dont|speak|please|where|how|can|you|what|is|am|computer|near|french|english)(?= |$)/g

const weekdays: readonly [RegExp, string][] = [
  [w('lundis?|monday'), 'Mo'],
  [w('mardis?|tuesday'), 'Tu'],
  [w('mercredis?|wednesday'), 'We'],
  [w('jeudis?|thursday'), 'Th'],
  [w('vendredis?|friday'), 'Fr'],
  [w('samedis?|saturday|week end|weekend'), 'Sa'],
  [w('dimanches?|sunday'), 'Su'],
]

function push(list: string[] | undefined, value: string): string[] {
  const out = list ?? []
  if (!out.includes(value)) out.push(value)
  return out
}

/** Constraints said in words: cost, needs of the person, publics, way of being helped, programme, opening. */
export function readConstraints(folded: string, english: boolean, today: string): Constraints {
  const c: Constraints = {}
  if (has(folded, w('gratuit\\w*|sans payer|pas payant|free|for free|free of charge')))
    c.frais_a_charge = push(c.frais_a_charge, 'Gratuit')
  if (has(folded, w('sourde?s?|malentendante?s?|surdite|appareils? auditifs?|entends mal|deaf|langue des signes|lsf')))
    c.prise_en_charge_specifique = push(c.prise_en_charge_specifique, SpecificSupport.Deafness)
  if (
    has(
      folded,
      w(
        'aveugles?|malvoyante?s?|mal voyante?s?|deficien\\w* visuel\\w*|vois (?:tres )?mal|cecite|blind|visually impaired',
      ),
    )
  )
    c.prise_en_charge_specifique = push(c.prise_en_charge_specifique, SpecificSupport.VisualImpairment)
  if (
    has(
      folded,
      w(
        'fauteuil|fauteuil roulant|handicap moteur|handicape moteur|mobilite reduite|pmr|marche difficilement|wheelchair|accessibles? aux? (?:personnes? )?handicap\\w*',
      ),
    )
  )
    c.prise_en_charge_specifique = push(c.prise_en_charge_specifique, SpecificSupport.MotorDisability)
  if (has(folded, w('handicap mental|handicap psychique|deficience intellectuelle|trisomi\\w*|autis\\w*')))
    c.prise_en_charge_specifique = push(c.prise_en_charge_specifique, SpecificSupport.MentalDisability)
  if (
    has(
      folded,
      w(
        '(?:du mal|difficultes?|de la peine) a (?:lire|ecrire)|(?:ne sais|ne sait|sais|sait) (?:pas|plus) (?:bien )?(?:lire|ecrire)(?! (?:mes|ses|les|leurs|des) (?:mails|messages|sms|courriels))|illettr\\w*|analphab\\w*|lire et (?:a )?ecrire|cannot read',
      ),
    )
  )
    c.prise_en_charge_specifique = push(c.prise_en_charge_specifique, SpecificSupport.Illiteracy)
  if (english || has(folded, w('anglais|english|anglophone')))
    c.prise_en_charge_specifique = push(c.prise_en_charge_specifique, SpecificSupport.ForeignLanguagesEnglish)
  if (
    !english &&
    has(
      folded,
      w(
        '(?:ne parle|parle mal|parle pas|comprends mal|comprends pas) (?:bien |tres bien |beaucoup )?(?:le )?francais|(?:je |il |elle |on |nous )?parl\\w* (?:que |seulement |uniquement )?(?:l )?(?:arabe|espagnol|portugais|turc|russe|ukrainien|roumain|chinois|tamoul|bengali|pachto|dari|albanais|georgien|lingala|wolof|bambara|soninke|polonais|italien|allemand)|langues? etrangeres?|traduct\\w*|interprete(?! en langue des signes)(?! lsf)|arabophone|hispanophone|en arabe|en espagnol|en portugais|en turc|en russe|en ukrainien',
      ),
    )
  )
    c.prise_en_charge_specifique = push(c.prise_en_charge_specifique, SpecificSupport.ForeignLanguagesOther)
  if (
    has(
      folded,
      w(
        '(?:pour (?:les )?|je suis |nous sommes |des )retraitees?s?|retraitee?s|seniors?|personnes? agees?|ages|agee|aines|troisieme age|3e age|plus de (?:60|65|70|75|80) ans|(?:7|8|9)\\d ans|papy|mamie|elderly|retired',
      ),
    )
  )
    c.publics_specifiquement_adresses = push(c.publics_specifiquement_adresses, TargetPublic.Seniors)
  if (has(folded, w('jeunes?|adolescente?s?|ados?|moins de 26 ans|16 25 ans|young')))
    c.publics_specifiquement_adresses = push(c.publics_specifiquement_adresses, TargetPublic.Youth)
  if (has(folded, w('etudiante?s?|student')))
    c.publics_specifiquement_adresses = push(c.publics_specifiquement_adresses, TargetPublic.Students)
  if (has(folded, w('(?:reserve|reserves|pour les|entre) femmes|femmes uniquement')))
    c.publics_specifiquement_adresses = push(c.publics_specifiquement_adresses, TargetPublic.Women)
  if (has(folded, w('ateliers?|cours collectifs?|en groupe|collectivement|workshops?')))
    c.modalites_accompagnement = push(c.modalites_accompagnement, SupportMode.Workshop)
  if (
    has(
      folded,
      w(
        'a distance|en visio|visio|visioconference|par telephone|depuis chez moi|sans me deplacer|remote|online session',
      ),
    )
  )
    c.modalites_accompagnement = push(c.modalites_accompagnement, SupportMode.Remote)
  if (has(folded, w('individuel\\w*|seul a seul|en tete a tete|rien que pour moi|one to one')))
    c.modalites_accompagnement = push(c.modalites_accompagnement, SupportMode.Individual)
  if (has(folded, w('(?:maisons? )?france services?|msap')))
    c.dispositif_programmes_nationaux = push(c.dispositif_programmes_nationaux, NationalProgramme.FranceServices)
  if (has(folded, w('(?:conseillers?|conseilleres?) numeriques?|conum|cnfs')))
    c.dispositif_programmes_nationaux = push(c.dispositif_programmes_nationaux, NationalProgramme.ConseillersNumeriques)
  if (has(folded, w('aidants? connect')))
    c.dispositif_programmes_nationaux = push(c.dispositif_programmes_nationaux, NationalProgramme.AidantsConnect)
  if (has(folded, w('emmaus connect')))
    c.dispositif_programmes_nationaux = push(c.dispositif_programmes_nationaux, NationalProgramme.EmmausConnect)
  if (
    has(
      folded,
      w(
        'ouverts? (?:maintenant|en ce moment|actuellement|tout de suite)|(?:maintenant|en ce moment|tout de suite|actuellement) ouverts?|c est ouvert|est ce ouvert|ouvert la|open now|right now',
      ),
    )
  )
    c.ouvert_maintenant = true
  if (has(folded, w('ouverts? aujourd hui|aujourd hui'))) c.ouvert_jour = today
  for (const [pattern, code] of weekdays) if (has(folded, pattern)) c.ouvert_jour = code
  // "Demain" is about opening only next to it: "ouvert demain ?", "y aller demain" (not "quel temps fera-t-il demain").
  if (
    has(folded, w('demain|tomorrow')) &&
    has(folded, w('ouverts?|ouvre|ouvrent|open|horaires?|y aller|passer|aller|venir'))
  )
    c.ouvert_jour = (weekdays[(weekdays.findIndex(([, code]) => code === today) + 1) % 7] as [RegExp, string])[1]
  // "C'est ouvert le samedi ?" asks about Saturday, not about now.
  if (
    c.ouvert_jour &&
    c.ouvert_maintenant &&
    !has(folded, w('maintenant|en ce moment|actuellement|tout de suite|open now|right now'))
  )
    delete c.ouvert_maintenant
  return c
}

/**
 * Reads one message (already freed of secrets). Places are not read here: the engine asks @aiguillage/territoires,
 * which knows communes and homonyms.
 */
export function readTurn(text: string, today: string): TurnReading {
  const folded = ` ${foldMessage(text)} `
  const englishHits = folded.match(englishWords)?.length ?? 0
  const english = englishHits >= 3
  const needs = detectNeeds(text)
  const topic = detectTopic(text)
  const constraints = readConstraints(folded, english, today)
  const more = has(folded, moreResults) && needs.services.length === 0
  const reset = has(folded, restart)
  const hasNeed = needs.services.length > 0
  const constraintKeys = Object.keys(constraints).filter((k) => k !== 'prise_en_charge_specifique' || !english)

  let intent: Intent | null = null
  if (topic && has(folded, question) && !has(folded, locating) && !has(folded, livesAt)) intent = Intent.Information
  else if (has(folded, human)) intent = Intent.TalkToSomeone
  else if (wantsItDoneForThem(text)) intent = Intent.DoItForMe
  else if (
    hasNeed ||
    (topic && has(folded, locating)) ||
    has(folded, helpWords) ||
    (topic && constraintKeys.length > 0)
  )
    intent = Intent.FindPlace
  else if (has(folded, livesAt)) intent = Intent.FindPlace
  else if (onlyPoliteness.test(folded.trim()) || (has(folded, greeting) && folded.trim().split(' ').length <= 3))
    intent = Intent.Greeting
  else if (has(folded, thanks)) intent = Intent.Thanks
  else if (topic) intent = Intent.Information
  else if (constraintKeys.length === 0 && !more && !reset && !has(folded, closer)) intent = Intent.OffTopic

  return {
    intent,
    ...(topic ? { topic } : {}),
    services: needs.services,
    ...(needs.demarche ? { demarche: needs.demarche } : {}),
    constraints,
    english,
    more,
    reset,
  }
}
