import {
  type Clock,
  describeOpening,
  foldText,
  formatDistance,
  formatPhone,
  type Lieu,
  lieuQuality,
  nextOpening,
  nextParisWeekday,
  openingStatus,
  NationalProgramme,
  parisWallClock,
  plainCriterion,
  Service,
  SpecificSupport,
  vocabularies,
  weeklyTimetable,
} from '@aiguillage/lieux'
import {
  doneForThemProgrammes,
  helpline,
  helpWays,
  helpWaysEn,
  knowledgeFor,
  type Pipeline,
  safetyLines,
  type SafetySituation,
  type Topic,
  whyThisPlace,
} from '@aiguillage/orientation'
import {
  choosePlace,
  findLieuxNear,
  haversineKm,
  type LieuFilters,
  type LieuxIndex,
  type Relaxation,
  type SearchResult,
} from '@aiguillage/recherche'
import { answerFollowUp } from './followups.js'
import { type Language, type Phrases, phrases } from './phrases.js'
import type { Commune, Resolution, Territoires } from '@aiguillage/territoires'
import { redactSensitive, type SensitiveKind } from './sensitive.js'
import { type ConversationStore, MemoryConversationStore } from './store.js'
import { type Constraints, Intent, pipelineFor, type TurnReading } from './understand.js'

export type Point = { latitude: number; longitude: number }

/** What the assistant understood, cumulated over the conversation (the contract's `understanding`). */
export type Understanding = {
  intent: Intent
  topic?: Topic
  services: string[]
  demarche?: string
  location?: { codeInsee?: string; nom: string; latitude?: number; longitude?: number }
  constraints: Constraints
  awaiting?: 'location' | 'need' | 'commune_choice'
  /** The person writes for someone else (« pour ma mère »): kept until a new search. */
  forSomeoneElse?: boolean
  /** The language of the answers: English when the person writes in English. */
  language?: Language
}

/** A lieu as every channel shows it: the data's own contact and hours, plus distance and opening state. */
export type LieuResult = {
  id: string
  nom: string
  adresse: string
  complement_adresse?: string
  code_postal: string
  commune: string
  latitude: number
  longitude: number
  distanceKm: number
  distanceTexte: string
  services: string[]
  telephone?: string
  telephoneAffichage?: string
  courriels?: string[]
  site_web?: string[]
  horaires?: string
  /** The week's timetable in words, Monday first: "lundi : 9 h – 12 h, 14 h – 17 h", "dimanche : fermé". */
  horairesSemaine?: string[]
  /** Today's line of that week, in Paris: "mardi : 10 h – 18 h". */
  horairesAujourdhui?: string
  ouvertMaintenant: boolean | null
  ouvertureTexte: string
  frais_a_charge?: string[]
  modalites_acces?: string[]
  modalites_accompagnement?: string[]
  dispositif_programmes_nationaux?: string[]
  prise_rdv?: string
  presentation_resume?: string
  /** Why this lieu, in one short sentence from its data (programme, price, walk-in). */
  pourquoi: string
  /** When the data of this lieu were last updated (YYYY-MM-DD). */
  date_maj: string
  /** To be checked with the lieu before going (`lieuQuality`): data over a year old, suspicious hours, or a low score. */
  aVerifier: boolean
  /** The hours read but cannot be meant (`00:00-00:00`…): shown as « horaires à vérifier, appelez avant de venir ». */
  horairesAVerifier?: true
  publics_specifiquement_adresses?: string[]
  prise_en_charge_specifique?: string[]
}

export type Choice = { label: string; value: string }
export type Message =
  | { type: 'text'; text: string }
  | { type: 'lieux'; lieux: LieuResult[] }
  | { type: 'choices'; question: string; choices: Choice[] }

export type TurnResult = {
  conversationId: string
  messages: Message[]
  understanding: Understanding
  lieux: LieuResult[]
  /** Kinds of secrets found (and masked) in the message. */
  sensitive: SensitiveKind[]
}

/** What is kept of a conversation between turns: the understanding, never the texts. */
export type ConversationState = {
  id: string
  understanding: Understanding | null
  /** Homonym communes offered as choices, waiting for an answer. */
  candidates?: { code: string; label: string; departement: string; departementNom: string }[]
  /** Turns in a row the assistant did not understand. */
  misunderstood: number
  /** Results already shown for the current search ("plus de résultats"). */
  shown: number
  /** The lieux of the last answer, in order: what « leur numéro ? » or « le deuxième » is about. */
  shownIds?: string[]
  /** The other communes the words could name (« Valence » taken in the Drôme): offered once, with the first lieux. */
  otherCommunes?: { taken: string; others: string[] }
  /** The person said she already gave a code, her card or her details (in a scam told here). */
  dataGiven?: boolean
  /** Times the need was asked in this conversation. */
  needAsks?: number
  /** How one can be helped (learn, or have it done) was explained: not said again in this conversation. */
  explained?: boolean
  /** A scam, a hacked account or harassment was told: what follows is read in that light. */
  safety?: SafetySituation
  /** The last question asked and how many times in a row: the same question is never asked the same way twice. */
  asked?: { key: string; times: number }
  updatedAt: number
}

export type AssistantOptions = {
  territoires: Territoires
  index: LieuxIndex
  /** Conversations between turns; by default in memory, on the same clock as the engine. */
  store?: ConversationStore
  now: Clock
  /** Unguessable conversation ids (the API passes crypto.randomUUID). */
  newId: () => string
  /** `citizen`: short, warm, 3 lieux at a time; `operator`: no small talk, 5 lieux at a time. */
  mode?: 'citizen' | 'operator'
}

export type TurnInput = { conversationId?: string; text: string; position?: Point }

const weekdayCodes = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] as const
/** A service value sent back as is (a choice button): folded once, looked up by the folded text. */
const serviceByFolded: ReadonlyMap<string, string> = new Map(
  vocabularies.services.map((value: string) => [foldText(value), value]),
)

/** Beyond this distance a lieu is far: shown only when nothing nearer helps. */
const nearbyKm = 50

/**
 * Lieux that help a person with whatever she brings (procedures, learning, safety): what is offered when nothing near
 * meets the exact need. A shop of second-hand computers or a fablab is not.
 */
const helpingServices = [
  Service.AdministrativeProcedures,
  Service.EverydayDigitalTools,
  Service.UnderstandingDigitalWorld,
  Service.SafeDigitalUse,
]

/** Small French words: a message with one of them is French, even in a conversation held in English. */
const frenchWords =
  / (je|j|de|du|des|le|la|les|pour|est|c|un|une|mon|ma|mes|et|pas|vous|suis|ai|au|en|qui|que|quel|quelle|leur|leurs|ou|oui|non|merci|bonjour)(?= )/

/** A programme people ask about, and the lieux that carry it, for a search that follows an explanation. */
const topicProgramme: Partial<Record<Topic, string>> = {
  conseiller_numerique: NationalProgramme.ConseillersNumeriques,
  aidants_connect: NationalProgramme.AidantsConnect,
  france_services: NationalProgramme.FranceServices,
}
/**
 * A question whose search has no programme in the data: the Pass numérique is spent in ateliers, and the standard v1
 * does not say which lieux accept it (so the answer says to ask).
 */
const topicServices: Partial<Record<Topic, string[]>> = {
  pass_numerique: [Service.EverydayDigitalTools],
}

/** "de Guéret", "d’Aurillac", "du Puy-en-Velay", "des Sables-d’Olonne": French elision and contraction before a name. */
export function ofPlace(name: string, language: Language = 'fr'): string {
  if (language === 'en') return name
  if (/^Le /.test(name)) return `du ${name.slice(3)}`
  if (/^Les /.test(name)) return `des ${name.slice(4)}`
  if (/^[AEIOUYÉÈÊÂÎÔÛH]/i.test(name) && !/^H[aeo]/.test(name)) return `d’${name}`
  return `de ${name}`
}

/** What was given up to find something, in plain words: « ouvert le samedi, où l’on parle anglais ». */
function relaxationText(relaxed: readonly Relaxation[], day: string | undefined, p: Phrases, language: Language) {
  // The radius is widened step by step: say the first distance once, and not at all when the need itself was given
  // up (the lieux shown are then near again).
  const needDropped = relaxed.some((r) => r.constraint === 'filtre' && r.field === 'services')
  const firstRadius = relaxed.find((r) => r.constraint === 'rayon_km')
  const said = relaxed.filter((r) => r.constraint !== 'rayon_km' || (!needDropped && r === firstRadius))
  const parts = said.map((r) => {
    if (r.constraint === 'ouvert_a') return language === 'en' ? 'open now' : 'ouvert maintenant'
    if (r.constraint === 'ouvert_le') {
      const index = day ? (weekdayCodes.indexOf(day as (typeof weekdayCodes)[number]) + 6) % 7 : -1
      return `${language === 'en' ? 'open' : 'ouvert'} ${p.weekdays[index] ?? (language === 'en' ? 'that day' : 'ce jour-là')}`
    }
    if (r.constraint === 'q') return language === 'en' ? 'with this name' : 'avec ce nom'
    if (r.constraint === 'rayon_km') return language === 'en' ? `within ${r.from} km` : `à moins de ${r.from} km`
    if (r.constraint !== 'filtre') return ''
    if (r.field === 'services') return language === 'en' ? 'for this exact need' : 'pour ce besoin précis'
    return r.values.map((value) => plainCriterion(String(r.field), String(value), language)).join(', ')
  })
  return [...new Set(parts)].join(', ')
}

/** The conversation engine, one per process: every channel (API, widget, Teams) drives the same one. */
export class Assistant {
  private readonly store: ConversationStore
  private readonly now: Clock
  private readonly mode: 'citizen' | 'operator'
  private readonly pipeline: Pipeline

  constructor(private readonly options: AssistantOptions) {
    this.store = options.store ?? new MemoryConversationStore({ now: options.now })
    this.now = options.now
    this.mode = options.mode ?? 'citizen'
    this.pipeline = pipelineFor(options.territoires)
  }

  /** One turn: reads the message, updates the conversation, answers. Never throws for what a person types. */
  async reply(input: TurnInput): Promise<TurnResult> {
    const now = this.now()
    const existing = input.conversationId ? await this.store.get(input.conversationId) : undefined
    const state: ConversationState = existing ?? {
      id: this.options.newId(),
      understanding: null,
      misunderstood: 0,
      shown: 0,
      updatedAt: now.getTime(),
    }
    const redaction = redactSensitive(input.text.slice(0, 2000))
    const wall = parisWallClock(now)
    const today = weekdayCodes[new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()] as string
    const reading = this.pipeline.read(redaction.text, today) as TurnReading
    const choiceService = serviceByFolded.get(foldText(redaction.text))
    if (choiceService) {
      reading.services = [choiceService]
      reading.intent = Intent.FindPlace
    }
    // English when the person writes English; back to French on a French sentence; a short answer (« Paris ») keeps
    // the language of the conversation.
    const language: Language =
      reading.english || (state.understanding?.language === 'en' && !frenchWords.test(` ${foldText(redaction.text)} `))
        ? 'en'
        : 'fr'
    const p = phrases[language]

    const messages: Message[] = []
    if (redaction.kinds.length > 0)
      messages.push({
        type: 'text',
        text: p.secretWarning(redaction.kinds.map((k) => p.secretLabels[k]).join(p.and)),
      })

    // A scam, a hacked account, harassment: what to do at once comes before anything else, places included.
    // Told again, or « j'ai déjà donné mon RIB » after a scam: what to do now first, where to turn not repeated.
    const situation = reading.safety ?? (reading.gaveData ? state.safety : undefined)
    if (situation) {
      if (reading.gaveData) state.dataGiven = true
      const options = { gaveData: reading.gaveData, short: state.safety === situation }
      for (const text of safetyLines(situation, language, options)) messages.push({ type: 'text', text })
      state.safety = situation
    }

    const { understanding, followUp, assumed } = this.merge(state, reading, redaction.text, input.position)
    if (assumed) messages.push({ type: 'text', text: p.assumedCommune(assumed) })
    if (language === 'en') understanding.language = 'en'
    else delete understanding.language
    const lieux: LieuResult[] = []
    if (followUp) this.followUp(state, understanding, reading, input.position, now, messages, lieux)
    else this.answer(state, understanding, reading, input.position, now, messages, lieux)
    if (understanding.awaiting === 'need') state.needAsks = (state.needAsks ?? 0) + 1
    state.understanding = understanding
    state.updatedAt = now.getTime()
    await this.store.set(state)
    return { conversationId: state.id, messages, understanding, lieux, sensitive: redaction.kinds }
  }

  /** Merges the turn into what was understood before: the need of turn 1 and the commune of turn 2 make one search. */
  private merge(
    state: ConversationState,
    reading: TurnReading,
    text: string,
    position: Point | undefined,
  ): { understanding: Understanding; followUp: boolean; assumed?: string } {
    const previous: Understanding | null = reading.reset ? null : state.understanding
    if (reading.reset) {
      state.candidates = undefined
      state.shown = 0
      state.shownIds = undefined
    }
    let place = this.readPlace(state, previous, reading, text)
    // Homonyms offered, and the answer is something else (« le plus proche », a need, « je sais pas »): the likeliest
    // is taken, and said, rather than the same choice asked again.
    let assumed: string | undefined
    const pending = state.candidates?.[0]
    if (!place && previous?.awaiting === 'commune_choice' && pending && !reading.reset && !reading.safety) {
      const likeliest = this.options.territoires.byCode(pending.code)
      if (likeliest) {
        place = { commune: likeliest }
        assumed = pending.label
      }
    }
    // A question about the lieux just shown (« leur numéro ? », « et samedi ? », « le deuxième ») is answered from
    // them: what it asks does not change the search.
    // « C'est gratuit ? » refines the search (only free lieux, as the public contract expects); « c'est payant ? »
    // asks about the lieux shown.
    const openingOnly = Object.keys(reading.constraints).every(
      (key) => key === 'ouvert_jour' || key === 'ouvert_maintenant',
    )
    const asksAboutShown =
      reading.asks.length > 0 ||
      reading.pick !== undefined ||
      reading.closer ||
      (Object.keys(reading.constraints).length > 0 && openingOnly)
    const followUp =
      (state.shownIds?.length ?? 0) > 0 &&
      previous !== null &&
      asksAboutShown &&
      openingOnly &&
      reading.services.length === 0 &&
      place === undefined &&
      position === undefined &&
      !reading.more &&
      !reading.somethingElse &&
      reading.safety === undefined &&
      (reading.intent === null || (reading.intent === Intent.FindPlace && reading.confidence < 0.9))
    if (followUp && previous) {
      const understanding: Understanding = { ...previous, constraints: { ...previous.constraints } }
      delete understanding.awaiting
      return { understanding, followUp }
    }

    // A position shared by the browser ("Me localiser") answers "where?" as a commune would.
    const content =
      reading.services.length > 0 ||
      Object.keys(reading.constraints).length > 0 ||
      Object.keys(reading.withdrawn).length > 0 ||
      place !== undefined ||
      position !== undefined
    let intent: Intent
    // « Un plombier à Lille » names a place but asks for something no lieu here offers.
    if (reading.outOfScope) intent = Intent.OffTopic
    else if (
      reading.intent === Intent.FindPlace ||
      reading.intent === Intent.DoItForMe ||
      reading.intent === Intent.Information ||
      reading.intent === Intent.TalkToSomeone
    )
      intent =
        reading.intent === Intent.FindPlace && previous?.intent === Intent.DoItForMe ? Intent.DoItForMe : reading.intent
    else if (content || reading.more || reading.somethingElse)
      intent =
        previous &&
        previous.intent !== Intent.Information &&
        previous.intent !== Intent.OffTopic &&
        previous.intent !== Intent.Greeting &&
        previous.intent !== Intent.Thanks
          ? previous.intent
          : Intent.FindPlace
    else if (reading.dontKnow || reading.forSomeoneElse) intent = previous?.intent ?? Intent.FindPlace
    else intent = reading.intent ?? previous?.intent ?? Intent.OffTopic

    const understanding: Understanding = {
      intent,
      services: reading.services.length > 0 ? reading.services : (previous?.services ?? []),
      constraints: { ...(previous?.constraints ?? {}) },
    }
    // « Autre chose »: a new need, in the same place.
    if (reading.somethingElse) {
      understanding.services = []
      understanding.constraints = {}
      state.shownIds = undefined
    }
    // Someone helped by the person writing (« pour ma mère ») stays known until a new search.
    if (reading.forSomeoneElse || previous?.forSomeoneElse) understanding.forSomeoneElse = true
    if (previous?.language) understanding.language = previous.language
    // A programme asked about stays the subject when the commune comes (« le Pass numérique ? » then « Guéret »).
    const topic = reading.topic ?? (reading.services.length === 0 ? previous?.topic : undefined)
    if (topic && (intent === Intent.Information || intent === Intent.FindPlace)) understanding.topic = topic
    // After an explanation of a programme, a commune means: find its lieux.
    if (
      previous?.intent === Intent.Information &&
      previous.topic &&
      place &&
      reading.services.length === 0 &&
      intent === Intent.FindPlace
    ) {
      const programme = topicProgramme[previous.topic]
      if (programme) understanding.constraints.dispositif_programmes_nationaux = [programme]
    }
    const demarche = reading.services.length > 0 ? reading.demarche : (reading.demarche ?? previous?.demarche)
    if (demarche && !reading.somethingElse) understanding.demarche = demarche
    for (const [key, value] of Object.entries(reading.constraints)) {
      if (Array.isArray(value)) {
        const merged = [...((understanding.constraints[key as keyof Constraints] as string[] | undefined) ?? [])]
        for (const v of value) if (!merged.includes(v)) merged.push(v)
        ;(understanding.constraints as Record<string, unknown>)[key] = merged
      } else (understanding.constraints as Record<string, unknown>)[key] = value
    }
    // « Pas forcément gratuit »: a constraint taken back is removed from the search.
    for (const [key, values] of Object.entries(reading.withdrawn)) {
      const k = key as keyof Constraints
      const kept = ((understanding.constraints[k] as string[] | undefined) ?? []).filter(
        (v) => !(values as string[]).includes(v),
      )
      if (kept.length > 0) (understanding.constraints as Record<string, unknown>)[k] = kept
      else delete understanding.constraints[k]
      state.shown = 0
    }
    if (intent === Intent.DoItForMe) {
      if (understanding.services.length === 0) understanding.services = [Service.AdministrativeProcedures]
      understanding.constraints.dispositif_programmes_nationaux ??= [...doneForThemProgrammes]
    }
    if (place && 'commune' in place) {
      // An arrondissement with no point of its own is placed at its city's centre.
      const parent = place.commune.commune ? this.options.territoires.byCode(place.commune.commune) : undefined
      const c =
        place.commune.latitude === undefined && parent?.latitude !== undefined
          ? { ...place.commune, latitude: parent.latitude, longitude: parent.longitude }
          : place.commune
      understanding.location = {
        codeInsee: c.code,
        nom: c.nom,
        ...(c.latitude === undefined || c.longitude === undefined
          ? {}
          : { latitude: c.latitude, longitude: c.longitude }),
      }
      state.candidates = undefined
      state.shown = 0
      // Homonyms are told apart by their département; the other communes of a postcode by their names.
      const others = place.others?.slice(0, 3) ?? []
      const homonyms = others.some((o) => o.nom === c.nom)
      const label = (o: Commune) => (o.nom === c.nom ? `${o.nom} (${o.departementNom})` : o.nom)
      state.otherCommunes =
        others.length > 0
          ? { taken: homonyms ? `${c.nom} (${c.departementNom})` : c.nom, others: others.map(label) }
          : undefined
    } else if (place && 'candidates' in place) {
      state.candidates = place.candidates.map((c) => ({
        code: c.code,
        label: `${c.nom} (${c.departementNom})`,
        departement: c.departement,
        departementNom: c.departementNom,
      }))
      if (previous?.location) understanding.location = previous.location
    } else if (position) {
      // Shared just now, with consent: it wins over an earlier commune (but not over one named in this message).
      understanding.location = { nom: 'votre position', latitude: position.latitude, longitude: position.longitude }
      state.shown = 0
    } else if (previous?.location) understanding.location = previous.location
    if (reading.services.length > 0 || Object.keys(reading.constraints).length > 0) state.shown = 0
    return { understanding, followUp: false, ...(assumed ? { assumed } : {}) }
  }

  /** The commune of the message: an answer to a choice, a commune alone, or a place inside a sentence. */
  private readPlace(
    state: ConversationState,
    previous: Understanding | null,
    reading: TurnReading,
    text: string,
  ): { commune: Commune; others?: Commune[] } | { candidates: Commune[] } | undefined {
    const { territoires } = this.options
    const folded = foldText(text)
    const words = folded.split(' ').filter(Boolean)
    if (previous?.awaiting === 'commune_choice' && state.candidates?.length) {
      const byCode = state.candidates.find((c) => c.code.toLowerCase() === text.trim().toLowerCase())
      const ordinal = [
        '1',
        'premier',
        'premiere',
        'le premier',
        'la premiere',
        '2',
        'deuxieme',
        'le deuxieme',
        'la deuxieme',
        'second',
        'seconde',
        '3',
        'troisieme',
      ].indexOf(folded)
      const byOrdinal = ordinal >= 0 ? state.candidates[ordinal < 5 ? 0 : ordinal < 11 ? 1 : 2] : undefined
      // « Non pas celui de la Réunion, celui du 93 »: a département named just after a negation is the one not meant;
      // the last one named otherwise is.
      const padded = ` ${folded} `
      const mentionedAt = (c: { departement: string; departementNom: string }) =>
        Math.max(
          padded.lastIndexOf(` ${c.departement.toLowerCase()} `),
          padded.lastIndexOf(` ${foldText(c.departementNom)} `),
        )
      const negatedAt = (at: number) => / (?:pas|non|plutot que|et non) (?:\S+ ){0,3}$/.test(padded.slice(0, at + 1))
      const byDepartement =
        state.candidates.find((c) => folded === c.departement.toLowerCase() || foldText(c.label) === folded) ??
        state.candidates
          .map((c) => ({ c, at: mentionedAt(c) }))
          .filter(({ at }) => at >= 0 && !negatedAt(at))
          .sort((a, b) => b.at - a.at)[0]?.c
      const chosen = byCode ?? byOrdinal ?? byDepartement
      const commune = chosen ? territoires.byCode(chosen.code) : undefined
      if (commune) return { commune }
    }
    // A département alone after a commune ("82", "dans l'Allier"): the commune of that name there, if there is one.
    const departement = previous?.location?.codeInsee && words.length <= 4 ? territoires.departement(text) : undefined
    if (departement && previous?.location?.codeInsee) {
      const current = territoires.byCode(previous.location.codeInsee)
      if (current?.departement === departement.code) return { commune: current }
      const there = territoires
        .resolve(`${previous.location.nom} ${departement.code}`)
        .candidates.find((c) => c.commune.departement === departement.code && c.match !== 'departement')
      if (there) return { commune: there.commune }
    }
    // Operators type the commune first (« Tulle démarches »), even a town whose name is also a word.
    const placeOptions = { leadingName: this.mode === 'operator' }
    // A short message with nothing else in it is taken as a place: the answer to "dans quelle commune ?", or a new
    // commune for the same search.
    const expecting = previous?.awaiting === 'location' || previous?.awaiting === 'commune_choice' || !previous
    const nothingElse = reading.intent === Intent.OffTopic || reading.intent === null
    // "aide" again is not the commune of Aïde: a message that asks for something is not a bare place name.
    const alone =
      (expecting || (nothingElse && words.length <= 4)) &&
      words.length > 0 &&
      words.length <= 5 &&
      reading.services.length === 0 &&
      // « gratuit », « je sais pas », « leur numéro » are answers of their own, not a fuzzy commune (Gratot).
      Object.keys(reading.constraints).length === 0 &&
      reading.asks.length === 0 &&
      !reading.dontKnow &&
      !reading.somethingElse &&
      !reading.closer &&
      !reading.more &&
      !reading.reset &&
      reading.pick === undefined &&
      Object.keys(reading.withdrawn).length === 0 &&
      reading.intent !== Intent.Greeting &&
      reading.intent !== Intent.Thanks &&
      reading.intent !== Intent.FindPlace
    if (alone) {
      // A short answer is taken whole ("Strasbour", "Valence 26"); with other words ("je suis à Périgueux"), the place
      // is looked for inside it, as in any sentence.
      const whole = territoires.resolve(text)
      if (whole.candidates.length > 0 && whole.unmatched.length === 0) return this.placeOf(whole)
      const inside = territoires.extractPlace(reading.placeText, placeOptions)
      if (inside && inside.candidates.length > 0) return this.placeOf(inside)
      return undefined
    }
    const resolution = territoires.extractPlace(reading.placeText, placeOptions)
    return resolution && resolution.candidates.length > 0 ? this.placeOf(resolution) : undefined
  }

  /** The one ambiguity policy, shared with the API and the CLI: a clear favourite is taken, the others offered. */
  private placeOf(
    resolution: Pick<Resolution, 'candidates' | 'ambiguous'>,
  ): { commune: Commune; others: Commune[] } | { candidates: Commune[] } | undefined {
    const choice = choosePlace(resolution)
    if (!choice || 'commune' in choice) return choice
    return { candidates: choice.candidates.map((c) => c.commune) }
  }

  private answer(
    state: ConversationState,
    u: Understanding,
    reading: TurnReading,
    position: Point | undefined,
    now: Date,
    messages: Message[],
    lieux: LieuResult[],
  ): void {
    const language = u.language ?? 'fr'
    const p = phrases[language]
    const say = (text: string) => messages.push({ type: 'text', text })
    const operator = this.mode === 'operator'
    const asked = state.understanding?.awaiting
    delete u.awaiting
    if (u.intent !== Intent.OffTopic) state.misunderstood = 0

    // « Je ne sais pas » answers the last question: help with that question rather than a dead end.
    if (reading.dontKnow && reading.services.length === 0 && !reading.safety) {
      if (asked === 'location' || asked === 'commune_choice') {
        say(p.dontKnowPlace)
        u.awaiting = 'location'
      } else if (asked === 'need' || !u.location) {
        messages.push({ type: 'choices', question: p.dontKnowNeed, choices: [...p.needs] })
        u.awaiting = 'need'
      } else if (!this.callNearest(state, u, position, now, messages, lieux)) say(p.dontKnowOther)
      return
    }

    switch (u.intent) {
      case Intent.Greeting:
        say(operator ? p.operatorGreeting : p.greeting)
        if (!operator) say(p.greetingAsk)
        u.awaiting = 'need'
        return
      case Intent.Thanks:
        say(operator ? p.operatorThanks : p.thanks)
        return
      case Intent.Information: {
        const entry = u.topic ? knowledgeFor(u.topic, u.language ?? 'fr') : undefined
        if (!entry) break
        for (const line of entry.answer) say(line)
        // The commune is known (« un conseiller numérique à Toulouse ? »): its lieux now, rather than « dites-moi votre
        // commune ». The understanding stays a question about the programme.
        const programme = u.topic ? topicProgramme[u.topic] : undefined
        if (entry.nextStep && u.location && (programme || (u.topic && topicServices[u.topic]))) {
          const search: Understanding = {
            ...u,
            constraints: programme ? { ...u.constraints, dispositif_programmes_nationaux: [programme] } : u.constraints,
          }
          this.findPlace(state, search, reading, position, now, messages, lieux)
          return
        }
        if (entry.nextStep) {
          say(entry.nextStep)
          u.awaiting = 'location'
        }
        return
      }
      case Intent.TalkToSomeone:
        // The paused helpline is said only to someone who asks for it: a person needs a number that answers.
        if (reading.topic === 'solidarite_numerique')
          say(p.helplinePaused(helpline.name, helpline.phone, helpline.since.slice(0, 4)))
        if (state.candidates?.length) {
          messages.push({
            type: 'choices',
            question: p.severalCommunes,
            choices: state.candidates.map((c) => ({ label: c.label, value: c.code })),
          })
          u.awaiting = 'commune_choice'
        } else if (u.location) {
          if (!this.callNearest(state, u, position, now, messages, lieux)) say(p.callMairie)
        } else {
          say(p.askCommuneForPhone)
          u.awaiting = 'location'
        }
        return
      case Intent.FindPlace:
      case Intent.DoItForMe:
        if (reading.somethingElse) {
          messages.push({ type: 'choices', question: p.somethingElse, choices: [...p.needs] })
          u.awaiting = 'need'
          return
        }
        this.findPlace(state, u, reading, position, now, messages, lieux)
        return
      default:
        break
    }
    // Off topic: understood, and said plainly, with what can be done instead.
    if (reading.outOfScope) {
      say(p.outOfScope)
      messages.push({ type: 'choices', question: p.whatNeed, choices: [...p.needs] })
      u.awaiting = 'need'
      return
    }
    // Not understood.
    state.misunderstood++
    const previous = state.understanding
    // After a scam told (« elle a l'air gentille », « il rappelle dans 5 minutes »): what to do, again, short.
    if (state.safety && state.misunderstood <= 2) {
      for (const line of safetyLines(state.safety, language, { short: true, gaveData: state.dataGiven === true }))
        if (!said(messages, line)) say(line)
      if (previous?.intent) u.intent = previous.intent
      if (!u.location) {
        say(p.askCommune(u.forSomeoneElse === true))
        u.awaiting = 'location'
      }
      return
    }
    // Waiting for a commune (after « dites-moi votre commune »): the same question, another way, and what was asked
    // about stays the subject.
    if (asked === 'location' && previous && state.misunderstood <= 2) {
      u.intent = previous.intent
      if (previous.topic) u.topic = previous.topic
      say(p.askCommuneAgain)
      u.awaiting = 'location'
      return
    }
    if (state.misunderstood >= 2) {
      say(p.notUnderstoodTwice)
      // A person, then: the nearest lieu that has a phone when the commune is known, the mairie otherwise.
      if (!u.location || !this.callNearest(state, u, position, now, messages, lieux)) say(p.mairieOrFranceServices)
      // The list of needs once more, but not a third time in a row.
      if (state.misunderstood === 2) messages.push({ type: 'choices', question: p.orChooseNeed, choices: [...p.needs] })
      u.awaiting = 'need'
      return
    }
    // One short question rather than a guess: what to do, in plain words, and the usual needs to choose from.
    say(p.notUnderstood)
    messages.push({ type: 'choices', question: p.orChoose, choices: [...p.needs] })
    u.awaiting = 'need'
  }

  /** The lieux of the last answer, as cards again (distance from the same place, opening at this instant). */
  private shownLieux(state: ConversationState, u: Understanding, now: Date): LieuResult[] {
    const near = this.near(u, undefined)
    const cards: LieuResult[] = []
    for (const id of state.shownIds ?? []) {
      const lieu = this.options.index.byId(id)
      if (!lieu || lieu.latitude === undefined || lieu.longitude === undefined) continue
      const distanceKm = near ? haversineKm(near.latitude, near.longitude, lieu.latitude, lieu.longitude) : 0
      const status = openingStatus(lieu.horaires, now)
      const next = status.state === 'closed' ? nextOpening(lieu.horaires, now) : undefined
      const opening = next ? { ...status, nextOpening: next } : status
      cards.push(this.lieuResult({ lieu, distanceKm, opening }, now, u.language, u.services[0]))
    }
    return cards
  }

  /** A question about the lieux just shown: only what was asked, without the list again. */
  private followUp(
    state: ConversationState,
    u: Understanding,
    reading: TurnReading,
    position: Point | undefined,
    now: Date,
    messages: Message[],
    lieux: LieuResult[],
  ): void {
    const language = u.language ?? 'fr'
    const p = phrases[language]
    const say = (text: string) => messages.push({ type: 'text', text })
    const shown = this.shownLieux(state, u, now)
    const pick = reading.pick === undefined ? undefined : reading.pick < 0 ? shown.length - 1 : reading.pick - 1
    const about = pick !== undefined && shown[pick] ? [shown[pick]] : shown
    const from =
      u.location && (u.location.codeInsee || u.location.nom !== 'votre position')
        ? p.fromCentre(ofPlace(u.location.nom, language))
        : p.fromPosition
    const day = reading.constraints.ouvert_jour
    const dayDate = day ? nextWeekday(now, day) : now
    // The nearest lieu of the same search that meets the wish; failing that, the nearest lieu that helps at all (said so).
    const nearestWith = (extra: Constraints) => {
      for (const services of [u.services, helpingServices]) {
        const query = { ...u, constraints: { ...u.constraints, ...extra } }
        const first = this.search(query, { services }, now, position, 1, 0, false).results[0]
        if (first && !shown.some((s) => s.id === first.lieu.id))
          return {
            lieu: this.lieuResult(first, now, language),
            otherNeed: services.length === 0 && u.services.length > 0,
          }
        if (services.length === 0) break
      }
      return undefined
    }
    const answer = answerFollowUp(
      { asks: reading.asks, ...(day ? { day } : {}), openNow: reading.constraints.ouvert_maintenant === true },
      {
        phrases: p,
        language,
        lieux: about,
        from,
        dayDate,
        ...(day ? { nearestOnDay: () => nearestWith({ ouvert_jour: day }) } : {}),
        nearestOpenNow: () => nearestWith({ ouvert_maintenant: true })?.lieu,
      },
    )
    for (const text of answer.texts) say(text)
    if (reading.closer) this.closer(u, shown, position, now, from, p, language, messages, lieux)
    // « Le deuxième », and nothing else asked: that lieu's card again, with why it was chosen.
    if (answer.texts.length === 0 && !reading.closer && about.length > 0) {
      for (const lieu of about) say(p.whyOf(lieu.nom, lieu.pourquoi))
      lieux.push(...about)
      messages.push({ type: 'lieux', lieux: [...about] })
      // What follows (« leur numéro ? », « c'est loin ? ») is about the lieu picked.
      state.shownIds = about.map((l) => l.id)
    } else if (answer.lieux.length > 0) {
      lieux.push(...answer.lieux)
      messages.push({ type: 'lieux', lieux: [...answer.lieux] })
      state.shownIds = answer.lieux.map((l) => l.id)
    }
    if (messages.length === 0) say(p.notUnderstood)
  }

  /** « Plus près »: the shown lieux are the nearest that meet the search; say so, and what is nearer without a wish. */
  private closer(
    u: Understanding,
    shown: readonly LieuResult[],
    position: Point | undefined,
    now: Date,
    from: string,
    p: Phrases,
    language: Language,
    messages: Message[],
    lieux: LieuResult[],
  ): void {
    messages.push({ type: 'text', text: p.closest(from) })
    const nearestShown = Math.min(...shown.map((s) => s.distanceKm))
    const wishes = Object.keys(u.constraints).filter((k) => k !== 'dispositif_programmes_nationaux')
    if (wishes.length > 0) {
      const found = this.search({ ...u, constraints: {} }, { services: u.services }, now, position, 1, 0, false)
      const first = found.results[0]
      if (first && first.distanceKm < nearestShown - 0.1) {
        const card = this.lieuResult(first, now, language)
        const what = wishes
          .flatMap((key) => {
            const value = u.constraints[key as keyof Constraints]
            if (key === 'ouvert_jour') return [language === 'en' ? 'not open that day' : 'pas ouvert ce jour-là']
            if (key === 'ouvert_maintenant') return [language === 'en' ? 'not open now' : 'pas ouvert maintenant']
            return Array.isArray(value)
              ? value.map((v) => `${language === 'en' ? 'not' : 'pas'} ${plainCriterion(key, v, language)}`)
              : []
          })
          .join(', ')
        messages.push({ type: 'text', text: p.closerWithout(what, card.nom, card.distanceTexte) })
        lieux.push(card)
        messages.push({ type: 'lieux', lieux: [card] })
        return
      }
    }
    messages.push({ type: 'text', text: p.shareFinerPlace })
  }

  /** Says the phone of the nearest lieu that has one (among the five nearest) and shows it; false if none. */
  private callNearest(
    state: ConversationState,
    u: Understanding,
    position: Point | undefined,
    now: Date,
    messages: Message[],
    lieux: LieuResult[],
  ): boolean {
    const p = phrases[u.language ?? 'fr']
    // Among the five nearest with a phone: one open now first, then the one that opens soonest, then the nearest.
    const phones = this.search(u, { services: [] }, now, position, 5).results.filter((result) => result.lieu.telephone)
    const rank = (result: (typeof phones)[number]) =>
      result.opening.state === 'open'
        ? 0
        : result.opening.nextOpening
          ? result.opening.nextOpening.getTime() - now.getTime()
          : Number.POSITIVE_INFINITY
    const withPhone = [...phones].sort((a, b) => rank(a) - rank(b))[0]
    if (!withPhone?.lieu.telephone) return false
    const card = this.lieuResult(withPhone, now, u.language)
    const phone = formatPhone(withPhone.lieu.telephone)
    messages.push({
      type: 'text',
      text:
        withPhone === phones[0]
          ? p.callNearest(withPhone.lieu.nom, phone)
          : p.callSoonest(withPhone.lieu.nom, phone, withPhone.opening.state === 'open'),
    })
    messages.push({ type: 'text', text: card.ouvertureTexte })
    lieux.push(card)
    messages.push({ type: 'lieux', lieux: [...lieux] })
    state.shownIds = [card.id]
    return true
  }

  /** Asks a question; the same question again is asked another way, with more help. */
  private ask(
    state: ConversationState,
    u: Understanding,
    key: 'location' | 'need',
    first: () => void,
    again: () => void,
  ): void {
    const repeated = state.understanding?.awaiting === key
    if (repeated) again()
    else first()
    u.awaiting = key
  }

  private findPlace(
    state: ConversationState,
    u: Understanding,
    reading: TurnReading,
    position: Point | undefined,
    now: Date,
    messages: Message[],
    lieux: LieuResult[],
  ): void {
    const language = u.language ?? 'fr'
    const p = phrases[language]
    const say = (text: string) => messages.push({ type: 'text', text })
    if (state.candidates?.length) {
      messages.push({
        type: 'choices',
        question: p.severalCommunes,
        choices: state.candidates.map((c) => ({ label: c.label, value: c.code })),
      })
      u.awaiting = 'commune_choice'
      return
    }
    const services = u.services.length > 0 ? u.services : ((u.topic && topicServices[u.topic]) ?? [])
    const hasConstraint = Object.keys(u.constraints).length > 0
    const knowsWhat = services.length > 0 || hasConstraint || u.topic !== undefined
    if (!u.location) {
      if (position) say(p.positionUnusable)
      else if (!knowsWhat && this.mode === 'citizen')
        // « Aide », and nothing else: what the person needs first, with the usual needs to choose from.
        this.ask(
          state,
          u,
          'need',
          () =>
            messages.push({
              type: 'choices',
              question: u.forSomeoneElse ? p.askNeedForOther : p.askNeed,
              choices: [...p.needs],
            }),
          () => messages.push({ type: 'choices', question: p.askNeedAgain, choices: [...p.needs] }),
        )
      else
        this.ask(
          state,
          u,
          'location',
          () => say(p.askCommune(u.forSomeoneElse === true)),
          () => {
            // In a scam told just before, what the person adds is part of it: what to do, again, first.
            if (state.safety)
              for (const line of safetyLines(state.safety, language, {
                short: true,
                gaveData: state.dataGiven === true,
              }))
                if (!said(messages, line)) say(line)
            say(p.askCommuneAgain)
          },
        )
      u.awaiting ??= 'location'
      return
    }
    if (u.location.latitude === undefined || u.location.longitude === undefined) {
      say(p.cannotLocate(u.location.nom))
      u.awaiting = 'location'
      return
    }
    if (!knowsWhat) {
      // A commune just given is acknowledged; the same question with nothing new is asked another way.
      const placeIsNew = state.understanding?.location?.codeInsee !== u.location.codeInsee
      const noted = () =>
        messages.push({ type: 'choices', question: p.notedAskNeed(u.location?.nom ?? ''), choices: [...p.needs] })
      if (placeIsNew) {
        // Asked what she needs twice already, and now a commune: a person to call as well.
        if ((state.needAsks ?? 0) >= 2 && this.mode === 'citizen')
          this.callNearest(state, u, position, now, messages, lieux)
        noted()
        u.awaiting = 'need'
      } else
        // Asked twice already: a person to call as well, since the words do not come.
        this.ask(state, u, 'need', noted, () => {
          if (this.mode === 'citizen') this.callNearest(state, u, position, now, messages, lieux)
          messages.push({ type: 'choices', question: p.askNeedAgain, choices: [...p.needs] })
        })
      return
    }
    // « Solidarité Numérique ne répond plus », then the commune: the number of a lieu that answers, as promised.
    if (u.topic === 'solidarite_numerique' && u.services.length === 0 && !hasConstraint) {
      if (!this.callNearest(state, u, position, now, messages, lieux)) say(p.callMairie)
      return
    }
    const limit = this.mode === 'operator' ? 5 : 3
    const offset = reading.more ? state.shown : 0
    // Writing in English asks for no filter: lieux that receive people in English come first when there is one near,
    // and the others follow (a person is better helped in French nearby than in English far away).
    const preferred =
      language === 'en' && offset === 0
        ? this.search(u, { services }, now, position, 1, 0, false, true).results.find((r) => r.distanceKm < nearbyKm)
        : undefined
    let response = this.search(u, { services }, now, position, limit, offset)
    if (preferred)
      response = {
        ...response,
        results: [preferred, ...response.results.filter((r) => r.lieu.id !== preferred.lieu.id)].slice(0, limit),
      }
    // Nothing near for this exact need: the radius had to grow, or the need was given up. Lieux that help a person
    // with whatever she brings come then, said so (they can help or orient): not a lieu two hours away, nor a fablab
    // or a shop that happens to be near.
    const needDropped = response.relaxed.some((r) => r.constraint === 'filtre' && r.field === 'services')
    const widened = response.relaxed.some((r) => r.constraint === 'rayon_km')
    if (offset === 0 && services.length > 0 && (needDropped || widened)) {
      const near = this.search(u, { services: helpingServices }, now, position, limit, 0)
      const first = near.results[0]
      const nearer = first && first.distanceKm < (response.results[0]?.distanceKm ?? Infinity) / 2
      if (first && first.distanceKm < nearbyKm && (needDropped || nearer))
        response = {
          ...near,
          relaxed: [
            { constraint: 'filtre', field: 'services', values: services },
            ...near.relaxed.filter((r) => r.constraint !== 'rayon_km'),
          ],
        }
    }
    // When the nearest are near, a far one at the end of the list is noise.
    if ((response.results[0]?.distanceKm ?? Infinity) < nearbyKm)
      response = { ...response, results: response.results.filter((r) => r.distanceKm < nearbyKm) }
    state.shown = offset + response.results.length
    for (const result of response.results) lieux.push(this.lieuResult(result, now, language, services[0]))
    const programme = u.constraints.dispositif_programmes_nationaux
    const need = services[0]
      ? p.forNeed(p.serviceWords[services[0]] ?? '')
      : programme?.length === 1 && programme[0]
        ? p.inProgramme(plainCriterion('dispositif_programmes_nationaux', programme[0], language))
        : undefined
    const where = ofPlace(u.location.nom, language)
    if (lieux.length === 0) {
      // Asked again when there is nothing more: say it another way, with what can be done instead.
      const again = offset > 0 && state.asked?.key === 'no-more'
      if (again) say(p.noOtherAgain(where))
      else {
        say(offset > 0 ? p.noOther : p.noneNear(where))
        say(p.mairieCanHelp)
      }
      state.asked = { key: offset > 0 ? 'no-more' : 'none', times: (state.asked?.times ?? 0) + 1 }
      return
    }
    state.asked = undefined
    // The same lieux as just shown (« gratuit » when they all were): said in one line, not shown again.
    const previousIds = state.shownIds ?? []
    const sameNeed = (state.understanding?.services ?? []).join('|') === u.services.join('|')
    if (
      offset === 0 &&
      sameNeed &&
      !reading.reset &&
      previousIds.length === lieux.length &&
      lieux.every((l, i) => l.id === previousIds[i]) &&
      state.understanding?.location?.codeInsee === u.location.codeInsee &&
      state.understanding?.location?.nom === u.location.nom
    ) {
      // Still shown: the person asked for them (« c'est gratuit ? »), and a card is what she acts on.
      say(p.sameLieux(lieux.length))
      messages.push({ type: 'lieux', lieux: [...lieux] })
      return
    }
    state.shownIds = lieux.map((l) => l.id)
    if (response.relaxed.length > 0)
      say(
        p.relaxed(
          relaxationText(response.relaxed, u.constraints.ouvert_jour, p, language),
          response.relaxed.some((r) => r.constraint === 'filtre' && r.field === 'services'),
        ),
      )
    else say(p.header(offset > 0, lieux.length, where, need))
    messages.push({ type: 'lieux', lieux: [...lieux] })
    if (state.otherCommunes) {
      say(p.otherCommunes(state.otherCommunes.taken, state.otherCommunes.others))
      state.otherCommunes = undefined
    }
    // What is said once per search is not said again with the next results.
    if (this.mode === 'citizen' && offset === 0) {
      const ways = language === 'en' ? helpWaysEn : helpWays
      // Said once in a conversation: how one can be helped (learn, or have it done under a mandate).
      if (!state.explained) {
        if (u.intent === Intent.DoItForMe) say(ways.doneForThem)
        else if (services[0] === Service.AdministrativeProcedures) say(`${ways.learn} ${ways.doneForThem}`)
        if (u.intent === Intent.DoItForMe || services[0] === Service.AdministrativeProcedures) state.explained = true
      }
      if (u.topic === 'pass_numerique') say(p.passNumeriqueCaveat)
      say(p.callBefore)
    }
    messages.push({
      type: 'choices',
      question: p.next,
      choices: [
        { label: p.seeMore, value: 'plus de résultats' },
        { label: p.newSearch, value: 'nouvelle recherche' },
      ],
    })
  }

  /** Where the search is around: the commune's centre, else the position shared. */
  private near(u: Understanding, position: Point | undefined): Point | undefined {
    return u.location?.latitude !== undefined && u.location.longitude !== undefined
      ? { latitude: u.location.latitude, longitude: u.location.longitude }
      : position
  }

  private search(
    u: Understanding,
    base: { services: string[] },
    now: Date,
    position: Point | undefined,
    limit: number,
    offset = 0,
    relax = offset === 0,
    /** Keep « help in English » as a filter (by default it only orders the lieux of an English conversation). */
    keepLanguage = false,
  ) {
    const near = this.near(u, position)
    if (!near) return { results: [] as SearchResult[], relaxed: [] as Relaxation[] }
    const c = u.constraints
    const filters: LieuFilters = {}
    if (base.services.length) filters.services = base.services
    for (const key of [
      'frais_a_charge',
      'prise_en_charge_specifique',
      'publics_specifiquement_adresses',
      'modalites_accompagnement',
      'dispositif_programmes_nationaux',
    ] as const) {
      const values =
        key === 'prise_en_charge_specifique' && u.language === 'en' && !keepLanguage
          ? c[key]?.filter((v) => v !== SpecificSupport.ForeignLanguagesEnglish)
          : c[key]
      if (values?.length) filters[key] = values
    }
    const commune = u.location?.codeInsee ? this.options.territoires.byCode(u.location.codeInsee) : undefined
    const found = findLieuxNear(
      { index: this.options.index },
      {
        place: {
          point: near,
          via: commune ? 'commune' : 'point',
          ...(commune ? { commune } : {}),
          others: [],
        },
        filters,
        open: [
          ...(c.ouvert_maintenant ? [{ now: true } as const] : []),
          ...(c.ouvert_jour ? [{ weekday: weekdayCodes.indexOf(c.ouvert_jour as (typeof weekdayCodes)[number]) }] : []),
        ],
        limit,
        offset,
        // More of the same search: no widening, the person asked for the next ones.
        relax,
        now,
      },
    )
    return found.kind === 'results' ? found : { results: [] as SearchResult[], relaxed: [] as Relaxation[] }
  }

  private lieuResult(result: SearchResult, now: Date, language: Language = 'fr', need?: string): LieuResult {
    const lieu: Lieu = result.lieu
    const opening = result.opening
    const optional = <K extends keyof Lieu>(key: K) => (lieu[key] === undefined ? {} : { [key]: lieu[key] })
    return {
      id: lieu.id,
      nom: lieu.nom,
      adresse: lieu.adresse,
      ...optional('complement_adresse'),
      code_postal: lieu.code_postal,
      commune: lieu.commune,
      latitude: lieu.latitude as number,
      longitude: lieu.longitude as number,
      distanceKm: Math.round(result.distanceKm * 100) / 100,
      distanceTexte: formatDistance(result.distanceKm),
      services: lieu.services ?? [],
      ...(lieu.telephone ? { telephone: lieu.telephone, telephoneAffichage: formatPhone(lieu.telephone) } : {}),
      ...optional('courriels'),
      ...optional('site_web'),
      ...optional('horaires'),
      ...week(lieu.horaires, now),
      ouvertMaintenant: opening.state === 'unknown' ? null : opening.state === 'open',
      ouvertureTexte: openingText(opening, now, language),
      ...optional('frais_a_charge'),
      ...optional('modalites_acces'),
      ...optional('modalites_accompagnement'),
      ...optional('dispositif_programmes_nationaux'),
      ...optional('prise_rdv'),
      ...optional('presentation_resume'),
      pourquoi: whyThisPlace(lieu, language, need),
      date_maj: lieu.date_maj,
      aVerifier: lieuQuality(lieu, now).toCheck,
      ...(opening.unknownReason === 'suspicious' ? { horairesAVerifier: true as const } : {}),
      ...optional('publics_specifiquement_adresses'),
      ...optional('prise_en_charge_specifique'),
    }
  }
}

/** The lieu's week in words and today's line of it, for the channels' cards (none without readable hours). */
function week(horaires: string | undefined, now: Date): Pick<LieuResult, 'horairesSemaine' | 'horairesAujourdhui'> {
  const days = weeklyTimetable(horaires, now)
  if (!days) return {}
  const today = days.find((day) => day.today)?.text
  return { horairesSemaine: days.map((day) => day.text), ...(today ? { horairesAujourdhui: today } : {}) }
}

/** « Ouvert. Ferme à 12 h. » in French; the same said in English for an English conversation. */
function openingText(opening: SearchResult['opening'], now: Date, language: Language): string {
  if (language === 'fr') return describeOpening(opening, now, opening.nextOpening)
  if (opening.state === 'unknown')
    return opening.unknownReason === 'suspicious'
      ? 'Opening hours to be checked: call first.'
      : 'Opening hours not known: call first.'
  const when = (instant: Date) => {
    const target = parisWallClock(instant)
    const today = parisWallClock(now)
    const time = `${String(target.hour).padStart(2, '0')}:${String(target.minute).padStart(2, '0')}`
    const days =
      (Date.UTC(target.year, target.month - 1, target.day) - Date.UTC(today.year, today.month - 1, today.day)) /
      86_400_000
    if (days === 0) return `at ${time}`
    if (days === 1) return `tomorrow at ${time}`
    const weekday = new Date(Date.UTC(target.year, target.month - 1, target.day)).toLocaleDateString('en-GB', {
      weekday: 'long',
      timeZone: 'UTC',
    })
    return days < 7 ? `on ${weekday} at ${time}` : `on ${target.day}/${target.month} at ${time}`
  }
  if (opening.state === 'open') return opening.nextChange ? `Open. Closes ${when(opening.nextChange)}.` : 'Open.'
  return opening.nextOpening ? `Closed. Opens ${when(opening.nextOpening)}.` : 'Closed.'
}

/** Whether this turn already says this line (the safety reminder is said once per turn). */
function said(messages: readonly Message[], line: string): boolean {
  return messages.some((m) => m.type === 'text' && m.text === line)
}

/** The next day (today included) that is this weekday in Paris, at noon (OpenStreetMap code: Mo…Su). */
export function nextWeekday(now: Date, code: string): Date {
  return nextParisWeekday(now, weekdayCodes.indexOf(code as (typeof weekdayCodes)[number]))
}

/** Builds the engine. */
export function createAssistant(options: AssistantOptions): Assistant {
  return new Assistant(options)
}
