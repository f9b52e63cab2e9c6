import { type Classifier, type ClassifierModel, loadClassifier, noneLabel } from './classifier.js'
import englishCommonWords from '@zxcvbn-ts/language-en/src/commonWords.json' with { type: 'json' }
import {
  type CompiledEntry,
  type CompiledLexicon,
  type CompiledPhrase,
  compileLexicon,
  type CueKind,
  macros,
  matchPhrase,
} from './lexicon.js'
import { tokenise, type Token } from './normalise.js'
import type { SafetySituation } from '../safety.js'
import shippedModel from './model.json' with { type: 'json' }
import { createSpeller, type Speller } from './spelling.js'

/*
 * One reading of a message, in five steps: normalise and tokenise (normalise.ts) → correct spelling towards the
 * lexicon's words (spelling.ts) → tag spans with the lexicon, longest first, each word claimed once → decide intent and
 * slots with an explicit precedence and a confidence. Places are left to @aiguillage/territoires, on the words no
 * other reader claimed (`placeText`).
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

/** What a follow-up asks about the lieux just shown. */
export type Ask = 'phone' | 'address' | 'price' | 'distance' | 'hours' | 'why' | 'booking'
const askCues: Readonly<Record<string, Ask>> = {
  ask_phone: 'phone',
  ask_address: 'address',
  ask_price: 'price',
  ask_distance: 'distance',
  ask_hours: 'hours',
  ask_why: 'why',
  ask_booking: 'booking',
}

/** A stretch of the message read by one lexicon entry. */
export type Span = {
  entry: string
  domain: string
  /** Offsets in the message as written. */
  start: number
  end: number
  /** Indices of the tokens it claimed. */
  tokens: number[]
}

/** The reading of one message, before it is merged with the conversation. */
export type TurnReading = {
  /** Null when the message carries no intent of its own (a commune alone, "c'est gratuit ?"). */
  intent: Intent | null
  /** How sure the reading of the intent is, from 0 to 1; below 0.5 the caller should ask rather than act. */
  confidence: number
  topic?: string
  services: string[]
  demarche?: string
  constraints: Constraints
  english: boolean
  /** The person wants more results of the same search. */
  more: boolean
  /** The person wants to start over. */
  reset: boolean
  /** Nearer results of the same search ("moins loin ?"). */
  closer: boolean
  /** The person writes for someone else (« ma mère voudrait… »). */
  forSomeoneElse: boolean
  /** What a follow-up asks about the lieux just shown (« leur numéro ? », « c'est loin ? »), in the message's order. */
  asks: Ask[]
  /** Which of the lieux just shown (1-based; -1 the last), when the message names one (« le deuxième »). */
  pick?: number
  /** « Autre chose »: a new need, in the same place. */
  somethingElse: boolean
  /** « Je ne sais pas »: an answer that needs help, not a request. */
  dontKnow: boolean
  /** « J'ai déjà donné mon RIB »: in a scam, what to do now comes first. */
  gaveData: boolean
  /** Constraints the person takes back (« pas forcément gratuit »): to remove from the conversation. */
  withdrawn: Constraints
  /** Something that is not about digital help (a plumber, the weather), and no need besides. */
  outOfScope: boolean
  /** Who decided the intent: the lexicon's rules, or the statistical model where no rule was sure. */
  decidedBy: 'rules' | 'model'
  /** A scam, a hacked account or harassment: safety advice comes before any place. */
  safety?: SafetySituation
  /** The spans read, in the order of the message (for explanations and tests). */
  spans: Span[]
  /** The message with the claimed words blanked: where a place may still be found. */
  placeText: string
}

export type Pipeline = {
  lexicon: CompiledLexicon
  speller: Speller
  /** One folded word as the pipeline reads it: SMS words aside, its spelling corrected (maybe into two words). */
  correct(word: string): string
  read(text: string, today: string): TurnReading
}

/** Calibrated probabilities above which the model's guess is taken where no rule decided (chosen on the dev split). */
const modelIntentThreshold = 0.85
const modelSlotThreshold = 0.8

/** The services the model is sure of (multi-label). */
function confidentServices(classifier: Classifier, text: string): string[] {
  return classifier
    .predict('service', text)
    .filter((p) => p.probability >= modelSlotThreshold)
    .map((p) => p.label)
}

/** The most probable label of a multiclass head, when the model is sure of it and it is not « none ». */
function confidentLabel(classifier: Classifier, head: 'demarche' | 'topic', text: string): string | undefined {
  const best = classifier.predict(head, text)[0]
  return best && best.label !== noneLabel && best.probability >= modelSlotThreshold ? best.label : undefined
}

const weekdayCodes = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const
const englishWords = new Set(macros.english)
/** Words that put a place after them. */
const placePrepositions = new Set(['a', 'au', 'aux', 'vers', 'sur', 'pres', 'habite', 'in', 'near'])
/** Words after "j'habite" that are not yet the place: "j'habite à", "j'habite dans le". */
const placeLead = new Set([
  ...(macros.det ?? []),
  'a',
  'au',
  'aux',
  'en',
  'dans',
  'sur',
  'pres',
  'vers',
  'depuis',
  'avec',
  'chez',
  'seul',
  'seule',
  'in',
  'at',
  'near',
])

type Candidate = { entry: CompiledEntry; tokens: number[]; literals: number }

/** Tags spans: every phrase that matches, then the longest (most specific) first, each word claimed once. */
function tag(lexicon: CompiledLexicon, words: readonly string[], sentences: readonly number[]): Candidate[] {
  const candidates: Candidate[] = []
  let sentenceEnd = 0
  for (let i = 0; i < words.length; i++) {
    if (i >= sentenceEnd) {
      sentenceEnd = i + 1
      while (sentenceEnd < words.length && sentences[sentenceEnd] === sentences[i]) sentenceEnd++
    }
    const word = words[i]!
    const tryPhrase = (phrase: CompiledPhrase) => {
      const used = matchPhrase(phrase, words, i, sentenceEnd)
      if (used) candidates.push({ entry: phrase.entry, tokens: used, literals: phrase.literals })
    }
    for (const phrase of lexicon.byFirstWord.get(word) ?? []) tryPhrase(phrase)
    for (const start of lexicon.prefixStartsByHead.get(word.slice(0, 3)) ?? [])
      if (word.startsWith(start.prefix)) tryPhrase(start.phrase)
  }
  candidates.sort(
    (a, b) =>
      b.tokens.length - a.tokens.length || b.literals - a.literals || (a.tokens[0] as number) - (b.tokens[0] as number),
  )
  const claimed = new Set<number>()
  const chosen: Candidate[] = []
  for (const candidate of candidates) {
    if (candidate.tokens.some((t) => claimed.has(t))) continue
    for (const t of candidate.tokens) claimed.add(t)
    chosen.push(candidate)
  }
  return chosen.sort((a, b) => (a.tokens[0] as number) - (b.tokens[0] as number))
}

function push(list: string[] | undefined, value: string): string[] {
  const out = list ?? []
  if (!out.includes(value)) out.push(value)
  return out
}

export type PipelineOptions = {
  lexicon?: CompiledLexicon
  /** The statistical model for what the rules miss (default: the shipped model; null: rules only). */
  classifier?: Classifier | null
  /** Words of place names (folded): never corrected towards the lexicon ("nevers" is not "needs"). */
  placeWord?: (word: string) => boolean
}

/** The 15 000 most frequent English words: people write in English too, and "apply" is not a slip for "appli". */
let english: ReadonlySet<string> | undefined
function englishWord(word: string): boolean {
  english ??= new Set(englishCommonWords.slice(0, 15000).filter((w) => /^[a-z]+$/.test(w)))
  return english.has(word)
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const lexicon = options.lexicon ?? compileLexicon()
  const placeWord = options.placeWord ?? (() => false)
  const classifier =
    options.classifier === undefined ? loadClassifier(shippedModel as ClassifierModel) : options.classifier
  const speller = createSpeller({
    vocabulary: lexicon.vocabulary,
    protect: (word) => englishWord(word) || placeWord(word),
  })
  // A word the lexicon reads by its start (« scammer » for scam*) is not a slip of another word, unless the
  // correction keeps that start (« declaraton » → « declaration », both declar*).
  const prefixOf = (word: string) => {
    for (let length = 3; length < word.length; length++) {
      const prefix = word.slice(0, length)
      if (lexicon.prefixes.has(prefix)) return prefix
    }
    return undefined
  }
  const correct = (word: string) => {
    const corrected = speller.correct(word)
    if (corrected === word) return word
    const prefix = prefixOf(word)
    return prefix && !corrected.startsWith(prefix) ? word : corrected
  }

  function read(text: string, today: string): TurnReading {
    const tokens: Token[] = tokenise(text, correct)
    const words = tokens.map((t) => t.word)
    let chosen = tag(
      lexicon,
      words,
      tokens.map((t) => t.sentence),
    )

    // "J'habite Job", "je suis à Orange": the word after a residence cue is the place, not a need.
    for (const span of chosen.filter((c) => c.entry.cue === 'lives_at')) {
      let next = (span.tokens.at(-1) as number) + 1
      while (next < words.length && placeLead.has(words[next]!)) next++
      if (next < words.length)
        chosen = chosen.filter((c) => !(c.tokens.length === 1 && c.tokens[0] === next && c.entry.cue !== 'lives_at'))
    }
    // « Pour les seniors à Mâcon »: a commune's name after « à » is the place, even when it is also a word of the
    // lexicon that says little on its own (a weak need, an out-of-scope trade).
    chosen = chosen.filter((c) => {
      if (c.tokens.length !== 1 || !(c.entry.weak || c.entry.cue === 'out_of_scope')) return true
      const at = c.tokens[0] as number
      return !(at > 0 && placePrepositions.has(words[at - 1]!) && placeWord(words[at]!))
    })
    const cues = new Set<CueKind>()
    for (const c of chosen) if (c.entry.cue) cues.add(c.entry.cue as CueKind)
    const has = (cue: CueKind) => cues.has(cue)

    // Needs: strong ones first; a device or "internet" only when nothing else is asked.
    // An entry may override others (a scam told through a mail from « la banque » is a scam, not a tax question).
    const overridden = new Set(chosen.flatMap((c) => c.entry.overrides ?? []))
    const needSpans = chosen.filter((c) => c.entry.services !== undefined && !overridden.has(c.entry.id))
    const strong = needSpans.filter((c) => !c.entry.weak)
    const used = strong.length > 0 ? strong : needSpans
    const services: string[] = []
    for (const c of used) for (const s of c.entry.services ?? []) if (!services.includes(s)) services.push(s)
    const demarche = used.find((c) => c.entry.demarche)?.entry.demarche

    const english = words.filter((w) => englishWords.has(w)).length >= 3

    // "Surtout pas qu'on le fasse à ma place": a negation just before the wish turns it around.
    const forMeSpan = chosen.find((c) => c.entry.cue === 'for_me')
    const negated =
      forMeSpan !== undefined &&
      chosen.some(
        (c) =>
          c.entry.id === 'negation' &&
          (c.tokens.at(-1) as number) < (forMeSpan.tokens[0] as number) &&
          (forMeSpan.tokens[0] as number) - (c.tokens.at(-1) as number) <= 4,
      )
    const forMe = forMeSpan !== undefined && !negated

    const constraints: Constraints = {}
    const withdrawn: Constraints = {}
    // « Pas en groupe », « sans atelier »: a negation right before a constraint takes it away.
    const negationEnds = new Set(chosen.filter((c) => c.entry.cue === 'negation').map((c) => c.tokens.at(-1) as number))
    for (const c of chosen) {
      const constraint = c.entry.constraint
      if (constraint && negationEnds.has((c.tokens[0] as number) - 1)) {
        const key = constraint.key as keyof Constraints
        ;(withdrawn as Record<string, unknown>)[key] = push(withdrawn[key] as string[] | undefined, constraint.value)
        continue
      }
      if (!constraint) continue
      // A programme named in a question about it is a topic, not yet a search.
      const key = constraint.key as keyof Constraints
      ;(constraints as Record<string, unknown>)[key] = push(constraints[key] as string[] | undefined, constraint.value)
    }

    const openings = chosen.map((c) => c.entry.opening).filter((o): o is string => o !== undefined)
    const open = openings.includes('open') || openings.includes('now') || openings.includes('now-unless-day')
    let day: string | undefined
    for (const o of openings) {
      if ((weekdayCodes as readonly string[]).includes(o)) day = o
      else if (o === 'today') day = today
      else if (o === 'today-if-asked' && (open || chosen.some((c) => c.entry.cue?.startsWith('ask_')))) day = today
      // « Demain » is a wish for a search when it asks about opening, or alone (« et demain matin ? »), not in a story
      // (« il fera beau demain »).
      else if (o === 'tomorrow' && (open || words.length <= 3))
        day = weekdayCodes[(weekdayCodes.indexOf(today as 'Mo') + 1) % 7]
    }
    if (day) constraints.ouvert_jour = day
    const nowWord = openings.includes('now-word') || openings.includes('now')
    if (openings.includes('now') || (openings.includes('now-unless-day') && !day) || (nowWord && open && !day))
      constraints.ouvert_maintenant = true
    if (day && constraints.ouvert_maintenant && !nowWord) delete constraints.ouvert_maintenant

    const topicSpan = chosen
      .filter((c) => c.entry.topic)
      .sort((a, b) => b.literals - a.literals || (a.tokens[0] as number) - (b.tokens[0] as number))[0]
    const topic = topicSpan?.entry.topic
    const hasNeed = services.length > 0
    const constraintKeys = Object.keys(constraints).filter((k) => k !== 'prise_en_charge_specifique' || !english)
    const more = has('more') && !hasNeed
    const reset = has('restart')
    const closer = has('closer')
    const claimed = new Set(chosen.flatMap((c) => c.tokens))
    const unclaimed = words.filter((_, i) => !claimed.has(i))
    const onlySmallTalk =
      chosen.length > 0 &&
      chosen.every((c) => c.entry.cue === 'greeting' || c.entry.cue === 'thanks' || c.entry.cue === 'politeness') &&
      unclaimed.length <= 1

    // Precedence, first that applies: a question about a programme; a person asked for; "do it for me"; a need or a
    // request for help; "where I live"; politeness alone; a programme named; something else entirely.
    // A question mark asks a question as surely as « c'est quoi ».
    if (text.includes('?')) cues.add('question')
    // A question about the lieux shown is a question too (« pourquoi France Services ? » asks about a programme).
    const asks: Ask[] = []
    for (const c of chosen) {
      const ask = c.entry.cue ? askCues[c.entry.cue] : undefined
      if (ask && !asks.includes(ask)) asks.push(ask)
    }
    if (asks.length > 0) cues.add('question')
    const pick = chosen.find((c) => c.entry.pick !== undefined)?.entry.pick
    const followUp =
      asks.length > 0 || pick !== undefined || has('something_else') || has('dont_know') || has('gave_data')
    let intent: Intent | null = null
    let confidence = 0.9
    // « C'est où, la France Services de Valence ? » asks where, as « où est » does.
    const asksWhere = has('locate') || asks.includes('address')
    const asksAbout = topic && has('question') && !asksWhere && !has('lives_at') && !forMe
    if (asksAbout && !hasNeed) intent = Intent.Information
    else if (asksAbout) {
      intent = Intent.Information
      confidence = 0.7
    } else if (has('human')) intent = Intent.TalkToSomeone
    else if (forMe) intent = Intent.DoItForMe
    else if (has('out_of_scope') && !hasNeed && !topic) {
      intent = Intent.OffTopic
      confidence = 0.8
    } else if (hasNeed || (topic && asksWhere) || (topic && constraintKeys.length > 0)) {
      intent = Intent.FindPlace
      confidence = hasNeed ? 0.95 : 0.8
    } else if (has('help') || has('locate')) {
      intent = Intent.FindPlace
      confidence = 0.6
    } else if (has('lives_at')) {
      intent = Intent.FindPlace
      confidence = 0.6
    } else if (has('thanks') && (onlySmallTalk || !has('question'))) intent = Intent.Thanks
    else if (has('greeting') && (onlySmallTalk || words.length <= 3)) intent = Intent.Greeting
    else if (topic) {
      intent = Intent.Information
      confidence = 0.7
    } else if (
      constraintKeys.length === 0 &&
      !more &&
      !reset &&
      !closer &&
      !followUp &&
      !has('other_person') &&
      Object.keys(withdrawn).length === 0
    ) {
      intent = Intent.OffTopic
      confidence = words.length === 0 ? 1 : 0.3
    }

    // What narrows a search belongs to a search: English spoken, or nothing at all for an out-of-scope request
    // (« quel temps fera-t-il ce week-end ? » does not ask for Saturday openings).
    if (
      english &&
      !followUp &&
      !more &&
      !closer &&
      intent !== Intent.TalkToSomeone &&
      intent !== Intent.Greeting &&
      intent !== Intent.Thanks
    )
      constraints.prise_en_charge_specifique = push(
        constraints.prise_en_charge_specifique,
        'Langues étrangères (anglais)',
      )
    if (intent === Intent.OffTopic && has('out_of_scope'))
      for (const key of Object.keys(constraints)) delete constraints[key as keyof Constraints]

    // Where no rule is sure, the model may fill the gap, only with a confident, calibrated prediction.
    let decidedBy: 'rules' | 'model' = 'rules'
    let modelServices: string[] = []
    let modelDemarche: string | undefined
    let modelTopic: string | undefined
    if (classifier && intent === Intent.OffTopic && confidence < 0.5 && words.length > 0) {
      const normalised = words.join(' ')
      const best = classifier.predict('intent', normalised)[0]
      if (best && best.label !== Intent.OffTopic && best.probability >= modelIntentThreshold) {
        intent = best.label as Intent
        confidence = best.probability * 0.9
        decidedBy = 'model'
        if (intent === Intent.FindPlace || intent === Intent.DoItForMe) {
          modelServices = confidentServices(classifier, normalised)
          modelDemarche = confidentLabel(classifier, 'demarche', normalised)
        }
        if (intent === Intent.Information) {
          modelTopic = confidentLabel(classifier, 'topic', normalised)
          if (!modelTopic) intent = Intent.OffTopic
        }
      }
    }
    // A request for help with no need the rules know (« aide pour mon compte Ameile ») : the model may name the need.
    else if (
      classifier &&
      (intent === Intent.FindPlace || intent === Intent.DoItForMe) &&
      services.length === 0 &&
      has('help')
    ) {
      // The model reads only the words no rule explained (« … pour mon chien »), and must not find them off topic.
      const normalised = unclaimed.join(' ')
      const offTopic = classifier.predict('intent', normalised).find((p) => p.label === Intent.OffTopic)
      if ((offTopic?.probability ?? 0) < 0.5) modelServices = confidentServices(classifier, normalised)
      if (modelServices.length > 0) {
        modelDemarche = confidentLabel(classifier, 'demarche', normalised)
        decidedBy = 'model'
      }
    }
    services.push(...modelServices)
    // A search guessed with no need in it ("Limoges" after a question) has no intent of its own: the conversation's
    // intent stands, and the words are left to the gazetteer.
    if (decidedBy === 'model' && services.length === 0 && (intent === Intent.FindPlace || intent === Intent.DoItForMe))
      intent = null
    const finalDemarche = demarche ?? modelDemarche
    const finalTopic = topic ?? modelTopic

    const spans: Span[] = chosen.map((c) => ({
      entry: c.entry.id,
      domain: c.entry.domain,
      start: tokens[c.tokens[0] as number]!.start,
      end: tokens[c.tokens.at(-1) as number]!.end,
      tokens: c.tokens,
    }))
    // Blank the words read by the lexicon, keeping offsets, so that « la langue des signes » is not Signes (Var).
    // A single capitalised word inside a sentence may still be a name: it is left for the gazetteer.
    const blank = text.split('')
    for (const c of chosen) {
      if (c.entry.cue === 'lives_at' || c.entry.cue === 'locate' || c.entry.cue === 'pick') continue
      if (c.tokens.length === 1 && tokens[c.tokens[0] as number]!.capital) continue
      for (const t of c.tokens) {
        const token = tokens[t]!
        for (let k = token.start; k < token.end; k++) blank[k] = ' '
      }
    }

    const safetySpan = chosen.find((c) => c.entry.safety !== undefined)
    return {
      intent,
      confidence,
      ...(safetySpan ? { safety: safetySpan.entry.safety as SafetySituation } : {}),
      ...(finalTopic ? { topic: finalTopic } : {}),
      services,
      ...(finalDemarche ? { demarche: finalDemarche } : {}),
      constraints,
      english,
      more,
      reset,
      closer,
      forSomeoneElse: has('other_person'),
      asks,
      ...(pick === undefined ? {} : { pick }),
      somethingElse: has('something_else'),
      dontKnow: has('dont_know') && !hasNeed,
      gaveData: has('gave_data'),
      withdrawn,
      outOfScope: intent === Intent.OffTopic && has('out_of_scope'),
      decidedBy,
      spans,
      placeText: blank.join(''),
    }
  }

  return { lexicon, speller, correct, read }
}

let shared: Pipeline | undefined
/** The pipeline over the shipped lexicon, built once, with no gazetteer. */
export function sharedPipeline(): Pipeline {
  shared ??= createPipeline()
  return shared
}

/** Reads one message with the shared pipeline; `today` is the weekday code (Mo…Su) where the person is. */
export function understandMessage(text: string, today: string): TurnReading {
  return sharedPipeline().read(text, today)
}
