import {
  type Clock,
  dataAgeDays,
  describeOpening,
  foldText,
  formatDistance,
  formatPhone,
  type Lieu,
  NationalProgramme,
  parisWallClock,
  Service,
  staleAfterDays,
  vocabularies,
  weeklyTimetable,
} from '@aiguillage/lieux'
import {
  doneForThemProgrammes,
  helpline,
  helpWays,
  knowledge,
  type Pipeline,
  safetyLines,
  type Topic,
} from '@aiguillage/orientation'
import type { LieuFilters, LieuxIndex, Relaxation, SearchResult } from '@aiguillage/recherche'
import type { Commune, Territoires } from '@aiguillage/territoires'
import { redactSensitive, type SensitiveKind, sensitiveLabels } from './sensitive.js'
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
  /** When the data of this lieu were last updated (YYYY-MM-DD). */
  date_maj: string
  /** The data are over a year old at the engine's clock: to be checked with the lieu before going. */
  aVerifier: boolean
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
const weekdayNames: Record<string, string> = {
  Mo: 'le lundi',
  Tu: 'le mardi',
  We: 'le mercredi',
  Th: 'le jeudi',
  Fr: 'le vendredi',
  Sa: 'le samedi',
  Su: 'le dimanche',
}
/** A service value sent back as is (a choice button): folded once, looked up by the folded text. */
const serviceByFolded: ReadonlyMap<string, string> = new Map(
  vocabularies.services.map((value: string) => [foldText(value), value]),
)

/** Plain words for each service, to say what is being looked for. */
const serviceWords: Record<string, string> = {
  [Service.AdministrativeProcedures]: 'vos démarches administratives',
  [Service.EverydayDigitalTools]: 'apprendre à utiliser le numérique',
  [Service.EmploymentThroughDigital]: 'chercher un emploi avec le numérique',
  [Service.SafeDigitalUse]: 'la sécurité sur internet',
  [Service.ParentingAndEducation]: 'l’école et les écrans des enfants',
  [Service.LeisureAndCreation]: 'créer et vous divertir avec le numérique',
  [Service.UnderstandingDigitalWorld]: 'comprendre le numérique',
  [Service.InternetAndEquipmentAccess]: 'accéder à un ordinateur, une imprimante ou internet',
  [Service.AffordableEquipment]: 'acheter du matériel à petit prix',
}

const needChoices: Choice[] = [
  { label: 'Faire une démarche en ligne (CAF, impôts, retraite…)', value: Service.AdministrativeProcedures },
  { label: 'Apprendre à utiliser un ordinateur, une tablette, un smartphone', value: Service.EverydayDigitalTools },
  { label: 'Utiliser un ordinateur, une imprimante, internet', value: Service.InternetAndEquipmentAccess },
  { label: 'Chercher un emploi, faire un CV', value: Service.EmploymentThroughDigital },
  { label: 'Acheter un ordinateur à petit prix', value: Service.AffordableEquipment },
]

/** A programme people ask about, and the lieux that carry it, for a search that follows an explanation. */
const topicProgramme: Partial<Record<Topic, string>> = {
  conseiller_numerique: NationalProgramme.ConseillersNumeriques,
  aidants_connect: NationalProgramme.AidantsConnect,
  france_services: NationalProgramme.FranceServices,
}

/** "suspendue depuis 2022", from the helpline's status as data. */
function helplineState(): string {
  return `${helpline.status} depuis ${helpline.since.slice(0, 4)}`
}

/** "de Guéret", "d’Aurillac", "du Puy-en-Velay", "des Sables-d’Olonne": French elision and contraction before a name. */
export function ofPlace(name: string): string {
  if (/^Le /.test(name)) return `du ${name.slice(3)}`
  if (/^Les /.test(name)) return `des ${name.slice(4)}`
  if (/^[AEIOUYÉÈÊÂÎÔÛH]/i.test(name) && !/^H[aeo]/.test(name)) return `d’${name}`
  return `de ${name}`
}

function relaxationText(relaxed: readonly Relaxation[], day: string | undefined): string {
  const parts = relaxed.map((r) => {
    if (r.constraint === 'ouvert_a') return 'ouvert maintenant'
    if (r.constraint === 'ouvert_le') return `ouvert ${(day && weekdayNames[day]) ?? 'ce jour-là'}`
    if (r.constraint === 'q') return 'avec ce nom'
    if (r.constraint === 'rayon_km') return `à moins de ${r.from} km`
    if (r.constraint !== 'filtre') return ''
    if (r.field === 'frais_a_charge') return 'gratuit'
    if (r.field === 'services') return 'pour ce besoin précis'
    return `avec ce critère (${r.values.join(', ')})`
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

    const messages: Message[] = []
    if (redaction.kinds.length > 0)
      messages.push({
        type: 'text',
        text: `Attention : vous avez écrit ${redaction.kinds.map((k) => sensitiveLabels[k]).join(' et ')}. Ne le donnez jamais, ni à moi ni à personne par message. Je ne l’ai pas gardé.`,
      })

    // A scam, a hacked account, harassment: what to do at once comes before anything else, places included.
    if (reading.safety) for (const text of safetyLines(reading.safety)) messages.push({ type: 'text', text })

    const understanding = this.merge(state, reading, redaction.text, input.position)
    const lieux: LieuResult[] = []
    this.answer(state, understanding, reading, input.position, now, messages, lieux)
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
  ): Understanding {
    const previous: Understanding | null = reading.reset ? null : state.understanding
    if (reading.reset) {
      state.candidates = undefined
      state.shown = 0
    }
    const place = this.readPlace(state, previous, reading, text)
    // A position shared by the browser ("Me localiser") answers "where?" as a commune would.
    const content =
      reading.services.length > 0 ||
      Object.keys(reading.constraints).length > 0 ||
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
    else if (content || reading.more)
      intent =
        previous &&
        previous.intent !== Intent.Information &&
        previous.intent !== Intent.OffTopic &&
        previous.intent !== Intent.Greeting &&
        previous.intent !== Intent.Thanks
          ? previous.intent
          : Intent.FindPlace
    else intent = reading.intent ?? previous?.intent ?? Intent.OffTopic

    const understanding: Understanding = {
      intent,
      services: reading.services.length > 0 ? reading.services : (previous?.services ?? []),
      constraints: { ...(previous?.constraints ?? {}) },
    }
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
    if (demarche) understanding.demarche = demarche
    if (intent === Intent.Information && reading.topic) understanding.topic = reading.topic
    for (const [key, value] of Object.entries(reading.constraints)) {
      if (Array.isArray(value)) {
        const merged = [...((understanding.constraints[key as keyof Constraints] as string[] | undefined) ?? [])]
        for (const v of value) if (!merged.includes(v)) merged.push(v)
        ;(understanding.constraints as Record<string, unknown>)[key] = merged
      } else (understanding.constraints as Record<string, unknown>)[key] = value
    }
    if (intent === Intent.DoItForMe) {
      if (understanding.services.length === 0) understanding.services = [Service.AdministrativeProcedures]
      understanding.constraints.dispositif_programmes_nationaux ??= [...doneForThemProgrammes]
    }
    if (place && 'commune' in place) {
      const c = place.commune
      understanding.location = {
        codeInsee: c.code,
        nom: c.nom,
        ...(c.latitude === undefined || c.longitude === undefined
          ? {}
          : { latitude: c.latitude, longitude: c.longitude }),
      }
      state.candidates = undefined
      state.shown = 0
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
    return understanding
  }

  /** The commune of the message: an answer to a choice, a commune alone, or a place inside a sentence. */
  private readPlace(
    state: ConversationState,
    previous: Understanding | null,
    reading: TurnReading,
    text: string,
  ): { commune: Commune } | { candidates: Commune[] } | undefined {
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

  private placeOf(resolution: {
    candidates: { commune: Commune; confidence: number; match: string }[]
    ambiguous: boolean
  }): { commune: Commune } | { candidates: Commune[] } {
    const [first, second] = resolution.candidates
    // A clear favourite (far more people live there) is taken; real homonyms are asked. A postcode names an area:
    // its main commune stands for it.
    if (
      !resolution.ambiguous ||
      !second ||
      (first && (first.confidence >= 0.85 || (first.match === 'postcode' && first.confidence >= 0.5)))
    )
      return { commune: (first as { commune: Commune }).commune }
    return { candidates: resolution.candidates.slice(0, 5).map((c) => c.commune) }
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
    const say = (text: string) => messages.push({ type: 'text', text })
    const operator = this.mode === 'operator'
    delete u.awaiting
    if (u.intent !== Intent.OffTopic) state.misunderstood = 0

    switch (u.intent) {
      case Intent.Greeting:
        say(
          operator
            ? 'Indiquez la commune et le besoin de la personne.'
            : 'Bonjour ! Je vous aide à trouver un lieu près de chez vous pour être aidé avec le numérique.',
        )
        if (!operator) say('Dites-moi ce dont vous avez besoin, et dans quelle commune vous habitez.')
        u.awaiting = 'need'
        return
      case Intent.Thanks:
        say(operator ? 'Bien noté.' : 'Avec plaisir. Bonne journée !')
        return
      case Intent.Information: {
        const entry = u.topic ? knowledge[u.topic] : undefined
        if (!entry) break
        for (const line of entry.answer) say(line)
        if (entry.nextStep) {
          say(entry.nextStep)
          u.awaiting = 'location'
        }
        return
      }
      case Intent.TalkToSomeone:
        // The paused helpline is said only to someone who asks for it: a person needs a number that answers.
        if (reading.topic === 'solidarite_numerique')
          say(`La ligne ${helpline.name} (${helpline.phone}) est ${helplineState()} : elle ne répond plus.`)
        if (u.location) {
          if (!this.callNearest(u, position, now, messages, lieux))
            say('Le plus simple est d’appeler votre mairie : elle connaît les lieux d’aide près de chez vous.')
        } else {
          say('Je peux vous donner le numéro du lieu d’aide le plus proche. Dans quelle commune habitez-vous ?')
          u.awaiting = 'location'
        }
        return
      case Intent.FindPlace:
      case Intent.DoItForMe:
        this.findPlace(state, u, reading, position, now, messages, lieux)
        return
      default:
        break
    }
    // Off topic: understood, and said plainly, with what can be done instead.
    if (reading.outOfScope) {
      say(
        'Je ne peux pas vous aider pour cela. Je trouve des lieux où être aidé avec le numérique : démarches en ligne, ordinateur, smartphone…',
      )
      messages.push({ type: 'choices', question: 'De quoi avez-vous besoin ?', choices: needChoices })
      u.awaiting = 'need'
      return
    }
    // Not understood.
    state.misunderstood++
    if (state.misunderstood >= 2) {
      say('Je n’arrive pas à comprendre votre demande, excusez-moi.')
      // A person, then: the nearest lieu that has a phone when the commune is known, the mairie otherwise.
      if (!u.location || !this.callNearest(u, position, now, messages, lieux))
        say('Vous pouvez appeler votre mairie ou une France Services : un agent vous orientera.')
      messages.push({ type: 'choices', question: 'Ou choisissez ce dont vous avez besoin :', choices: needChoices })
      u.awaiting = 'need'
      return
    }
    // One short question rather than a guess: what to do, in plain words, and the usual needs to choose from.
    say(
      'Je n’ai pas bien compris. Que voulez-vous faire ? Par exemple : « faire ma carte grise », « apprendre la tablette ».',
    )
    messages.push({ type: 'choices', question: 'Ou choisissez :', choices: needChoices })
    u.awaiting = 'need'
  }

  /** Says the phone of the nearest lieu that has one (among the five nearest) and shows it; false if none. */
  private callNearest(
    u: Understanding,
    position: Point | undefined,
    now: Date,
    messages: Message[],
    lieux: LieuResult[],
  ): boolean {
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
    const card = this.lieuResult(withPhone, now)
    const phone = formatPhone(withPhone.lieu.telephone)
    messages.push({
      type: 'text',
      text:
        withPhone === phones[0]
          ? `Le plus simple est d’appeler le lieu le plus proche : ${withPhone.lieu.nom}, au ${phone}.`
          : `Le plus simple est d’appeler ${withPhone.lieu.nom}, au ${phone} : ${withPhone.opening.state === 'open' ? 'il est ouvert en ce moment' : 'c’est le lieu proche qui ouvre le plus tôt'}.`,
    })
    messages.push({ type: 'text', text: card.ouvertureTexte })
    lieux.push(card)
    messages.push({ type: 'lieux', lieux: [...lieux] })
    return true
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
    const say = (text: string) => messages.push({ type: 'text', text })
    if (state.candidates?.length) {
      messages.push({
        type: 'choices',
        question: 'Plusieurs communes portent ce nom. Laquelle ?',
        choices: state.candidates.map((c) => ({ label: c.label, value: c.code })),
      })
      u.awaiting = 'commune_choice'
      return
    }
    if (!u.location) {
      say(
        position
          ? 'Je n’ai pas pu utiliser votre position.'
          : 'Dans quelle commune habitez-vous ? Vous pouvez aussi donner votre code postal.',
      )
      u.awaiting = 'location'
      return
    }
    if (u.location.latitude === undefined || u.location.longitude === undefined) {
      say(
        `Je ne sais pas situer ${u.location.nom} sur la carte. Pouvez-vous me donner une commune voisine ou votre code postal ?`,
      )
      u.awaiting = 'location'
      return
    }
    const hasConstraint = Object.keys(u.constraints).length > 0
    if (u.services.length === 0 && !hasConstraint) {
      messages.push({
        type: 'choices',
        question: `Bien noté : ${u.location.nom}. De quoi avez-vous besoin ?`,
        choices: needChoices,
      })
      u.awaiting = 'need'
      return
    }
    const limit = this.mode === 'operator' ? 5 : 3
    const offset = reading.more ? state.shown : 0
    const response = this.search(u, { services: u.services }, now, position, limit, offset)
    state.shown = offset + response.results.length
    for (const result of response.results) lieux.push(this.lieuResult(result, now))
    const need = u.services[0] ? serviceWords[u.services[0]] : undefined
    if (lieux.length === 0) {
      say(
        offset > 0
          ? 'Je n’ai pas d’autre lieu à vous proposer.'
          : `Je n’ai trouvé aucun lieu près ${ofPlace(u.location.nom)}.`,
      )
      say('Votre mairie peut vous indiquer où être aidé près de chez vous.')
      return
    }
    if (response.relaxed.length > 0)
      say(
        `Je n’ai pas trouvé de lieu ${relaxationText(response.relaxed, u.constraints.ouvert_jour)}. Voici les plus proches.`,
      )
    else
      say(
        `${offset > 0 ? 'Voici d’autres lieux' : lieux.length === 1 ? 'Voici le lieu le plus proche' : `Voici les ${lieux.length} lieux les plus proches`} ${ofPlace(u.location.nom)}${need ? ` pour ${need}` : ''}.`,
      )
    messages.push({ type: 'lieux', lieux: [...lieux] })
    if (this.mode === 'citizen') {
      if (u.intent === Intent.DoItForMe) say(helpWays.doneForThem)
      else if (u.services[0] === Service.AdministrativeProcedures) say(`${helpWays.learn} ${helpWays.doneForThem}`)
      say('Appelez avant de vous déplacer : les horaires peuvent changer.')
    }
    messages.push({
      type: 'choices',
      question: 'Et maintenant ?',
      choices: [
        { label: 'Voir d’autres lieux', value: 'plus de résultats' },
        { label: 'Nouvelle recherche', value: 'nouvelle recherche' },
      ],
    })
  }

  private search(
    u: Understanding,
    base: { services: string[] },
    now: Date,
    position: Point | undefined,
    limit: number,
    offset = 0,
  ) {
    const near =
      u.location?.latitude !== undefined && u.location.longitude !== undefined
        ? { latitude: u.location.latitude, longitude: u.location.longitude }
        : position
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
      const values = c[key]
      if (values?.length) filters[key] = values
    }
    return this.options.index.search({
      near,
      filters,
      ...(c.ouvert_maintenant ? { openAt: now } : {}),
      ...(c.ouvert_jour ? { openOn: nextWeekday(now, c.ouvert_jour) } : {}),
      limit,
      offset,
      // More of the same search: no widening, the person asked for the next ones.
      relax: offset === 0,
      now,
    })
  }

  private lieuResult(result: SearchResult, now: Date): LieuResult {
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
      ouvertureTexte: describeOpening(opening, now, opening.nextOpening),
      ...optional('frais_a_charge'),
      ...optional('modalites_acces'),
      ...optional('modalites_accompagnement'),
      ...optional('dispositif_programmes_nationaux'),
      ...optional('prise_rdv'),
      ...optional('presentation_resume'),
      date_maj: lieu.date_maj,
      aVerifier: dataAgeDays(lieu.date_maj, now) > staleAfterDays,
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

/** The next day (today included) that is this weekday in Paris, at noon. */
export function nextWeekday(now: Date, code: string): Date {
  const target = weekdayCodes.indexOf(code as (typeof weekdayCodes)[number])
  const today = parisWallClock(now)
  const todayIndex = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay()
  const days = (target - todayIndex + 7) % 7
  return new Date(Date.UTC(today.year, today.month - 1, today.day + days, 11))
}

export function describeOpenDay(code: string): string {
  return weekdayNames[code] ?? code
}

/** Builds the engine. */
export function createAssistant(options: AssistantOptions): Assistant {
  return new Assistant(options)
}
