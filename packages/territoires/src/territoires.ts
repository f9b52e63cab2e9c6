import { commonWordNames } from './common-words.js'
import { frequentWords } from './frequent-words.js'
import type { CommuneCoordinates, CoordinateTable } from './coordinates.js'
import type { CogCommune, Departement, FormerCommune, Geography, Region } from './geography.js'
import { editDistance, foldPlace, nameKeys, placeTokens, trigrams } from './normalise.js'

/** Words that open a request, not a place, even for an operator (« aide démarches »). */
const needWords: ReadonlySet<string> = new Set(['aide', 'aides', 'besoin', 'bonjour', 'merci'])

/** A commune (or a municipal arrondissement) with its département, région and, when known, its coordinates. */
export type Commune = CogCommune & {
  departementNom: string
  regionNom: string
  latitude?: number
  longitude?: number
  /** The coordinates are only approximate (an arrondissement given its city's centroid). */
  coordinatesApproximate?: boolean
}

/** How a candidate was found, from the most to the least certain. */
export type MatchKind =
  'insee' | 'postcode' | 'arrondissement' | 'name' | 'former-name' | 'departement' | 'prefix' | 'typo'

export type Candidate = {
  commune: Commune
  /** 0 to 1: how sure we are this is the commune meant. */
  confidence: number
  match: MatchKind
  /** The name that matched when it is not the commune's own (a former commune: "Annecy-le-Vieux", a département: "Creuse"). */
  matchedName?: string
}

export type Resolution = {
  query: string
  /** Most likely first: best match, then the most populous. */
  candidates: Candidate[]
  /** True when several communes fit equally (homonyms without a hint, a postcode shared by several communes). */
  ambiguous: boolean
  /** What in the text narrowed the search: a département ("Valence Drôme", "Saint-Denis 93"), a postcode. */
  hints: { departement?: Departement; postcode?: string }
  /** Words of the query that were neither part of the name nor a hint. */
  unmatched: string[]
}

export type ResolveOptions = {
  /** At most this many candidates (default 10). */
  limit?: number
}

type Entry = { commune: Commune; formerName?: string }

// Words that join a name to its hint ("Moulins dans l'Allier", "Valence en Drôme").
const communeAliases: readonly (readonly [string, string])[] = [
  ['Le Puy', '43157'],
  ['Brive', '19031'],
  ['Thonon', '74281'],
  ['Bourgoin', '38053'],
  ['Charleville', '08105'],
  ['Châlons', '51108'],
  ['Cherbourg', '50129'],
  ['Évry', '91228'],
  ['Digne', '04070'],
  ['Lons', '39300'],
  ['Montceau', '71306'],
]
const determiners: ReadonlySet<string> = new Set([
  'un',
  'une',
  'le',
  'la',
  'les',
  'l',
  'des',
  'du',
  'de',
  'd',
  'mon',
  'ma',
  'mes',
  'ton',
  'ta',
  'tes',
  'son',
  'sa',
  'ses',
  'notre',
  'nos',
  'votre',
  'vos',
  'leur',
  'leurs',
  'ce',
  'cet',
  'cette',
  'ces',
])
/** Words after which a place is expected ("à Thonon", "sur Clermont"); after the residence ones, even in lower case. */
const placeCues: ReadonlySet<string> = new Set(['a', 'au', 'aux', 'sur', 'vers', 'dans', 'in', 'at', 'near'])
const residenceCues: ReadonlySet<string> = new Set([
  'habite',
  'jhabite',
  'jabite',
  'abite',
  'habbite',
  'habites',
  'habitons',
  'habitez',
  'habitent',
  'vis',
  'vit',
  'vivons',
  'live',
  'lives',
])
const isPlaceCue = (token: string | undefined): boolean =>
  token !== undefined && (placeCues.has(token) || residenceCues.has(token))
/** The cues strong enough to read the words after them as a misspelt commune ("à montpelier", "jhabite carcasonne"). */
const typoCues: ReadonlySet<string> = new Set(['a', 'au', 'aux', 'vers', 'in', 'near', ...residenceCues])
/** Who "a" (has) follows: after them, "a" is the verb avoir, not the preposition ("il a eu", "ça n'a aucun sens"). */
const avoirSubjects: ReadonlySet<string> = new Set([
  'n',
  'm',
  't',
  'il',
  'elle',
  'on',
  'qui',
  'ca',
  'y',
  'cela',
  'ceci',
  'lui',
  'tout',
  'personne',
])
/** Past participles that follow the verb "a" ("mon mari a eu un AVC"): a town only after "à" written with its accent. */
const afterAvoir: ReadonlySet<string> = new Set(['eu', 'ete', 'fait', 'pu', 'vu', 'su', 'dit', 'mis', 'pris', 'du'])
const articles: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l'])
/** Words that are in no commune's name: a span with one of them is no misspelt name. */
const pronouns: ReadonlySet<string> = new Set([
  'je',
  'j',
  'tu',
  'il',
  'elle',
  'on',
  'nous',
  'vous',
  'ils',
  'elles',
  'me',
  'ne',
  'n',
])
/** Names never taken alone inside a sentence: the first word of thousands of names. */
const nameStarts: ReadonlySet<string> = new Set(['saint', 'sainte', 'saints', 'saintes'])
/** The most frequent words of everyday French ("maison", "envoyer"): the words after a cue are not a misspelt commune. */
const frequent: ReadonlySet<string> = new Set(frequentWords)
/** Possessives: « sur son ancien numéro » does not name Son (Ardennes); written « Son » with a capital, it may. */
const possessives: ReadonlySet<string> = new Set([
  'mon',
  'ton',
  'son',
  'ma',
  'ta',
  'sa',
  'mes',
  'tes',
  'ses',
  'nos',
  'vos',
])

const fillers: ReadonlySet<string> = new Set([
  'a',
  'au',
  'aux',
  'dans',
  'en',
  'l',
  'le',
  'la',
  'les',
  'de',
  'du',
  'des',
  'd',
  'pres',
  'vers',
  'cedex',
  'france',
  'commune',
  'ville',
  'departement',
  'dept',
  'dep',
])
const arrondissementCities: Readonly<Record<string, string>> = { paris: '75056', lyon: '69123', marseille: '13055' }
/** "à côté", "à pied", "à domicile"…: after "à", these words make a phrase, not a place. */
const notAPlaceAfterA: ReadonlySet<string> = new Set([
  'cote',
  'pied',
  'domicile',
  'distance',
  'jour',
  'part',
  'peu',
  'fond',
  'nouveau',
  'temps',
  'faire',
  'vie',
  'moi',
  'toi',
  'lui',
  'nous',
  'vous',
  'eux',
  'elle',
  'elles',
  'point',
  'table',
  'terre',
  'bord',
  'main',
  'pas',
  'mort',
  'peine',
  'prix',
  'voir',
  'tout',
  'rien',
  'plat',
  'venir',
  'cause',
  'mon',
  'ma',
  'ce',
  'cet',
  'cette',
  'partir',
  'propos',
  'travers',
  'nu',
  'jamais',
  'vol',
  'force',
  'cheval',
  'aucun',
  'aucune',
])
/** Everyday words that begin commune names ("grand", "saint…" aside): after "à" they are not a place cut short. */
const notAPlaceAfterCue: ReadonlySet<string> = new Set([
  'grand',
  'grande',
  'petit',
  'petite',
  'notre',
  'nouvelle',
  'vieux',
  'vieille',
  'haute',
  'basse',
  'mont',
  'belle',
  'beau',
  'court',
  'longue',
  'moitie',
  'cause',
  'chaque',
  'toute',
  'toutes',
  'plusieurs',
  'quelqu',
  'quelque',
  'internet',
  'distance',
  'present',
  'partir',
  'votre',
  'notre',
  'leurs',
  'celle',
  'celui',
])
const ARRONDISSEMENT_NUMBER = /^(\d{1,2})(e|er|eme|ieme|em|arr|arrondissement)?$/
const MAX_TOKENS = 12
const COMMON_TRIGRAM = 2_500
const EMPTY = new Int32Array(0)
/** The symbols of folded keys (a space, a-z, 0-9) and the trigram codes they make. */
const GRAM_SYMBOLS = ' abcdefghijklmnopqrstuvwxyz0123456789'
const GRAM_CODES = 37 * 37 * 37
const gramSymbol = (text: string, i: number): number => {
  const code = text.charCodeAt(i)
  return code === 32 ? 0 : code >= 97 ? code - 96 : code - 48 + 27
}
const gramText = (gram: number): string =>
  GRAM_SYMBOLS.charAt(Math.floor(gram / (37 * 37))) +
  GRAM_SYMBOLS.charAt(Math.floor(gram / 37) % 37) +
  GRAM_SYMBOLS.charAt(gram % 37)

/**
 * The communes of France and the resolution of what people type to candidate communes.
 * Build it once ({@link createTerritoires}); every lookup is then in memory.
 */
/** The names people type (communes, former communes, short names), by the keys `nameKeys` makes of them. */
type NameIndex = {
  byKey: Map<string, Entry[]>
  /** Every key, in the order met: the trigram index refers to them by position. */
  keys: string[]
  largeCities: { key: string; commune: Commune }[]
  /**
   * One-word names that are also everyday words ("sens", "touche", "signes"): in a sentence they need a cue. The
   * hand-made list, and the names among the frequent French words, unless the town is large and the word rarer
   * ("Plaisir" needs a cue, "Robert" for Le Robert does not).
   */
  everydayNames: Set<string>
  /** The first words of names of several words ("pointe", "fort", "saint"): everyday words that may open a misspelt name. */
  firstWords: Set<string>
}

function addName(names: NameIndex, name: string, entry: Entry): void {
  for (const key of nameKeys(name)) {
    let list = names.byKey.get(key)
    if (!list) {
      list = []
      names.byKey.set(key, list)
      names.keys.push(key)
    }
    if (!list.some((e) => e.commune.code === entry.commune.code)) list.push(entry)
  }
}

export class Territoires {
  readonly communes: readonly Commune[]
  readonly departements: readonly Departement[]
  readonly regions: readonly Region[]
  /** Communes of the official geography with no coordinates in the table given (they cannot anchor a distance search). */
  readonly withoutCoordinates: number

  private readonly byInsee = new Map<string, Commune>()
  private readonly byPostcodeMap = new Map<string, Commune[]>()
  private readonly departementByKey = new Map<string, Departement>()
  private trigramIndex: Map<string, Int32Array> | undefined
  private readonly arrondissements = new Map<string, Commune>()
  private trigramCounts: Uint8Array | undefined
  private compactDepartements: string[] | undefined
  /** The index of names, once built (see `names`), and the builder while it is under way. */
  private builtNames: NameIndex | undefined
  private namesBuilder: Generator<void, NameIndex> | undefined

  constructor(geography: Geography, coordinates: ReadonlyMap<string, CommuneCoordinates>) {
    const departementNames = new Map(geography.departements.map((d) => [d.code, d.nom]))
    const regionNames = new Map(geography.regions.map((r) => [r.code, r.nom]))
    const communes: Commune[] = []
    let withoutCoordinates = 0
    for (const cog of geography.communes) {
      const point = coordinates.get(cog.code)
      if (!point) withoutCoordinates++
      const commune = joinCommune(
        cog,
        departementNames.get(cog.departement) ?? '',
        regionNames.get(cog.region) ?? '',
        point,
      )
      communes.push(commune)
      this.byInsee.set(commune.code, commune)
    }
    this.communes = communes
    this.departements = geography.departements
    this.regions = geography.regions
    this.withoutCoordinates = withoutCoordinates

    // Postcodes: the arrondissements of Paris, Lyon and Marseille answer for their own postcodes.
    const arrondissementPostcodes = new Set(
      communes.filter((c) => c.type === 'arrondissement-municipal').flatMap((c) => c.codesPostaux),
    )
    const citiesWithArrondissements = new Set(Object.values(arrondissementCities))
    for (const commune of communes) {
      for (const postcode of commune.codesPostaux) {
        if (
          commune.type === 'commune-actuelle' &&
          citiesWithArrondissements.has(commune.code) &&
          arrondissementPostcodes.has(postcode)
        )
          continue
        const list = this.byPostcodeMap.get(postcode) ?? []
        list.push(commune)
        this.byPostcodeMap.set(postcode, list)
      }
      if (commune.type === 'arrondissement-municipal' && commune.commune) {
        const number = /(\d+)/.exec(commune.nom)?.[1]
        if (number) this.arrondissements.set(`${commune.commune}/${Number(number)}`, commune)
      }
    }
    for (const list of this.byPostcodeMap.values()) list.sort(byPopulation)
    this.namesBuilder = this.buildNames(geography.formerCommunes)
    for (const departement of geography.departements) {
      this.departementByKey.set(departement.code.toLowerCase(), departement)
      for (const key of nameKeys(departement.nom)) this.departementByKey.set(key, departement)
    }
    // Names people use for overseas départements and a few others.
    for (const [alias, code] of [
      ['reunion', '974'],
      ['ile de la reunion', '974'],
      ['corse du sud', '2A'],
      ['haute corse', '2B'],
      ['guyane francaise', '973'],
    ] as const) {
      const departement = geography.departements.find((d) => d.code === code)
      if (departement) this.departementByKey.set(alias, departement)
    }
  }

  /**
   * The names people type, by key. Built on first use or step by step (`prepareStep`): a quarter of a second for the
   * 37 000 names of the official geography, which a server spends after it starts listening rather than before.
   */
  private get names(): NameIndex {
    while (!this.stepNames());
    return this.builtNames as NameIndex
  }

  /** One step of the names' builder; true once the index is built. */
  private stepNames(): boolean {
    if (this.builtNames) return true
    const step = (this.namesBuilder as Generator<void, NameIndex>).next()
    if (!step.done) return false
    this.builtNames = step.value
    this.namesBuilder = undefined
    return true
  }
  private get byKey(): Map<string, Entry[]> {
    return this.names.byKey
  }
  private get keys(): string[] {
    return this.names.keys
  }
  private get largeCities(): { key: string; commune: Commune }[] {
    return this.names.largeCities
  }
  private get everydayNames(): Set<string> {
    return this.names.everydayNames
  }
  private get firstWords(): Set<string> {
    return this.names.firstWords
  }

  /** Builds the index of names, pausing (`yield`) every few thousand names. */
  private *buildNames(formerCommunes: readonly FormerCommune[]): Generator<void, NameIndex> {
    const names: NameIndex = {
      byKey: new Map(),
      keys: [],
      largeCities: [],
      everydayNames: new Set(commonWordNames),
      firstWords: new Set(),
    }
    const STEP = 4_000
    let count = 0
    for (const commune of this.communes) {
      if (commune.type === 'arrondissement-municipal' && commune.commune) continue // named with their city
      addName(names, commune.nom, { commune })
      if (++count % STEP === 0) yield
    }
    for (const former of formerCommunes) {
      const parent = this.byInsee.get(former.parent)
      if (parent) addName(names, former.nom, { commune: parent, formerName: former.nom })
      if (++count % STEP === 0) yield
    }
    names.largeCities = this.communes
      .filter((c) => c.type === 'commune-actuelle' && c.population >= 50_000)
      .sort(byPopulation)
      .map((commune) => ({ key: placeTokens(commune.nom).join(' '), commune }))
    yield
    for (const list of names.byKey.values()) list.sort((a, b) => byPopulation(a.commune, b.commune))
    yield
    const frequentRank = new Map(frequentWords.map((word, rank) => [word, rank]))
    for (const [key, list] of names.byKey) {
      const space = key.indexOf(' ')
      if (space > 0) names.firstWords.add(key.slice(0, space))
      const rank = frequentRank.get(key)
      if (rank !== undefined && (rank < 800 || (list[0]?.commune.population ?? 0) < 10_000))
        names.everydayNames.add(key)
    }
    // The short names people use for some towns ("le Puy", "Brive", "Cherbourg"): the town, beside any small commune of
    // that exact name, which population ranking then puts after it.
    for (const [alias, code] of communeAliases) {
      const commune = this.byInsee.get(code)
      if (commune) addName(names, alias, { commune })
    }
    return names
  }

  /**
   * The trigram index of the names, for misspelt ones. Built on first use (a third of a second for 35 000 communes):
   * a server builds it just after it starts listening (`prepare`), a command that never meets a typo never pays it.
   */
  private get keysByTrigram(): Map<string, Int32Array> {
    if (this.trigramIndex) return this.trigramIndex
    // Keys are folded ([a-z0-9] words, one space apart): a trigram is a number below 37³, so the postings are counted
    // then filled in typed arrays without a string or a set per key (half a million trigrams).
    const counts = new Int32Array(GRAM_CODES)
    const lastKey = new Int32Array(GRAM_CODES).fill(-1)
    const forEachGram = (visit: (gram: number, index: number) => void) => {
      for (let index = 0; index < this.keys.length; index++) {
        const padded = `  ${this.keys[index] as string} `
        let gram = gramSymbol(padded, 0) * 37 + gramSymbol(padded, 1)
        for (let i = 2; i < padded.length; i++) {
          gram = (gram % (37 * 37)) * 37 + gramSymbol(padded, i)
          // A trigram twice in one key counts once.
          if (lastKey[gram] === index) continue
          lastKey[gram] = index
          visit(gram, index)
        }
      }
    }
    forEachGram((gram) => {
      counts[gram] = (counts[gram] as number) + 1
    })
    const lists: Int32Array[] = []
    this.trigramIndex = new Map()
    for (let gram = 0; gram < GRAM_CODES; gram++) {
      const count = counts[gram] as number
      if (count === 0) continue
      const list = new Int32Array(count)
      lists[gram] = list
      this.trigramIndex.set(gramText(gram), list)
    }
    // Second pass: the counts become each list's fill position.
    counts.fill(0)
    lastKey.fill(-1)
    forEachGram((gram, index) => {
      const at = counts[gram] as number
      ;(lists[gram] as Int32Array)[at] = index
      counts[gram] = at + 1
    })
    return this.trigramIndex
  }

  /** Builds now what is otherwise built on first use (the names, then the trigram index). */
  prepare(): void {
    void this.keysByTrigram
  }

  /**
   * One step of `prepare`, short enough (a few tens of milliseconds) for a server to answer requests in between; true
   * once everything is built. What a request needs before then is built at once.
   */
  prepareStep(): boolean {
    if (!this.builtNames) {
      this.stepNames()
      return false
    }
    this.prepare()
    return true
  }

  /**
   * Communes whose name starts with what was typed so far ("gue" → Guéret, Guérande…), most populous first:
   * for a search box that completes as people type. Arrondissements come with their city ("paris 1" → Paris 1er…).
   */
  suggest(text: string, limit = 10): Commune[] {
    const prefix = placeTokens(text).join(' ')
    if (prefix.length < 2) return []
    this.sortedKeys ??= [...this.byKey.keys(), ...this.arrondissementKeys()].sort()
    const keys = this.sortedKeys
    let low = 0
    let high = keys.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((keys[middle] as string) < prefix) low = middle + 1
      else high = middle
    }
    const found = new Map<string, Commune>()
    for (let i = low; i < keys.length && (keys[i] as string).startsWith(prefix) && found.size < 2000; i++)
      for (const commune of this.communesOfKey(keys[i] as string)) found.set(commune.code, commune)
    return [...found.values()].sort(byPopulation).slice(0, limit)
  }

  private sortedKeys: string[] | undefined
  private readonly arrondissementByKey = new Map<string, Commune>()

  private arrondissementKeys(): string[] {
    for (const commune of this.arrondissements.values())
      this.arrondissementByKey.set(placeTokens(commune.nom).join(' '), commune)
    return [...this.arrondissementByKey.keys()]
  }

  private communesOfKey(key: string): Commune[] {
    const arrondissement = this.arrondissementByKey.get(key)
    return arrondissement ? [arrondissement] : (this.byKey.get(key) ?? []).map((entry) => entry.commune)
  }

  /** The commune (or arrondissement) with this INSEE code. */
  byCode(code: string): Commune | undefined {
    return this.byInsee.get(code.toUpperCase())
  }

  /** The communes a postcode serves, most populous first (75018 gives the 18th arrondissement of Paris). */
  byPostcode(postcode: string): readonly Commune[] {
    return this.byPostcodeMap.get(postcode) ?? []
  }

  /** The département of a code ("23", "2A", "974") or a name ("Creuse", "isere", "la Réunion", "dans l'Allier"). */
  departement(text: string): Departement | undefined {
    const tokens = placeTokens(text)
    const named = this.departementByKey.get(tokens.join(' ')) ?? this.departementByKey.get(text.trim().toLowerCase())
    if (named) return named
    // "dans l'Allier", "en Isère": the words before the name say where, they are not part of it.
    const first = tokens.findIndex((token) => !fillers.has(token))
    return first > 0 ? this.departementByKey.get(tokens.slice(first).join(' ')) : undefined
  }

  /**
   * Candidate communes for a place as people type it: "st etienne", "Paris 18e", "13003", "74200",
   * "Moulins dans l'Allier", "Saint-Denis 93", "vienne isere", "Grenobl". The whole text is taken as a place:
   * to find a place inside a sentence, where common words (Sens, Tours, Orange) need context, use {@link extractPlace}.
   */
  resolve(text: string, options: ResolveOptions = {}): Resolution {
    const limit = options.limit ?? 10
    const tokens = placeTokens(text).slice(0, MAX_TOKENS)
    const resolution: Resolution = { query: text, candidates: [], ambiguous: false, hints: {}, unmatched: [] }
    if (tokens.length === 0) return resolution

    // 1. Codes: an INSEE code or a postcode, anywhere in the text.
    const codeIndex = tokens.findIndex((t) => /^(\d{5}|2[ab]\d{3})$/.test(t))
    const code = codeIndex >= 0 ? (tokens[codeIndex] as string) : undefined
    const postcodeCommunes = code ? this.byPostcode(code) : []
    if (code && postcodeCommunes.length > 0) resolution.hints.postcode = code

    // 2. An arrondissement: "Paris 18e", "Lyon 7", "Marseille 3eme".
    for (let i = 0; i + 1 < tokens.length; i++) {
      const city = arrondissementCities[tokens[i] as string]
      const number = ARRONDISSEMENT_NUMBER.exec(tokens[i + 1] as string)?.[1]
      const arrondissement = city && number ? this.arrondissements.get(`${city}/${Number(number)}`) : undefined
      if (arrondissement) {
        resolution.candidates = [{ commune: arrondissement, confidence: 1, match: 'arrondissement' }]
        resolution.unmatched = tokens.filter(
          (t, j) => j !== i && j !== i + 1 && !fillers.has(t) && t !== 'arrondissement' && t !== code,
        )
        return resolution
      }
    }

    // 3. A name: the longest run of words that is a commune name; the other words must be hints.
    let named = this.findName(tokens, codeIndex)
    if ((!named || named.unmatched.length > 0) && codeIndex < 0) {
      const inDepartement = this.typoInDepartement(tokens)
      if (inDepartement) {
        resolution.hints.departement = inDepartement.departement
        resolution.candidates = inDepartement.candidates.slice(0, limit)
        const [first, second] = resolution.candidates
        resolution.ambiguous = Boolean(first && second && second.confidence >= first.confidence * 0.9)
        return resolution
      }
    }
    if (named && named.unmatched.length > 0) {
      // "Saint-Etiene": "Saint" is a name too, but a close spelling of the whole text explains every word.
      const whole = this.fuzzy(tokens.filter((_, j) => j !== codeIndex).join(' '))
      if ((whole[0]?.confidence ?? 0) >= 0.6) named = undefined
    }
    if (named) {
      let entries = named.entries
      if (named.departement) {
        resolution.hints.departement = named.departement
        const inDepartement = entries.filter((e) => e.commune.departement === named.departement?.code)
        if (inDepartement.length > 0) entries = inDepartement
      }
      if (resolution.hints.postcode) {
        const withPostcode = entries.filter((e) => e.commune.codesPostaux.includes(resolution.hints.postcode as string))
        if (withPostcode.length > 0) entries = withPostcode
      }
      resolution.unmatched = named.unmatched
      const penalty = named.unmatched.length > 0 ? 0.8 : 1
      const narrowed = Boolean(named.departement || resolution.hints.postcode)
      const candidates = rankByPopulation(
        entries,
        named.exact ? 'name' : 'former-name',
        penalty * (narrowed ? 1 : 0.95),
      )
      // "Clermont" alone: the small Clermonts match exactly, but Clermont-Ferrand is what many people mean.
      if (!narrowed) {
        const larger = this.largerCitiesStartingWith(named.key, entries)
        // "Creuse", "Vienne": a département too; its préfecture stands for it.
        const departement = named.unmatched.length === 0 ? this.departementByKey.get(named.key) : undefined
        const prefecture = departement ? this.byInsee.get(departement.chefLieu) : undefined
        if (prefecture && !candidates.some((c) => c.commune.code === prefecture.code))
          larger.push({
            commune: prefecture,
            confidence: 0.5,
            match: 'departement',
            matchedName: departement?.nom,
          })
        // Several places for one name: the most populous first, as people most often mean it.
        if (larger.length > 0) {
          candidates.push(...larger)
          candidates.sort((a, b) => byPopulation(a.commune, b.commune))
        }
      }
      resolution.candidates = candidates.slice(0, limit)
      resolution.ambiguous = resolution.candidates.length > 1
      return resolution
    }

    // 4. A code alone: the communes of the postcode, or the commune of the INSEE code.
    if (code) {
      if (postcodeCommunes.length > 0) {
        resolution.candidates = rankByPopulation(
          postcodeCommunes.map((commune) => ({ commune })),
          'postcode',
          1,
        ).slice(0, limit)
        resolution.ambiguous = resolution.candidates.length > 1
        resolution.unmatched = tokens.filter((t, j) => j !== codeIndex && !fillers.has(t))
        return resolution
      }
      const commune = this.byCode(code)
      if (commune) {
        resolution.candidates = [{ commune, confidence: 1, match: 'insee' }]
        return resolution
      }
    }

    // 5. A département named alone is not a commune: say so by returning it as the only hint.
    const departementOnly = this.departementOfTokens(tokens.filter((t) => !fillers.has(t)))
    const prefecture = departementOnly ? this.byInsee.get(departementOnly.chefLieu) : undefined
    if (departementOnly) {
      resolution.hints.departement = departementOnly
      if (prefecture)
        resolution.candidates = [
          { commune: prefecture, confidence: 0.6, match: 'departement', matchedName: departementOnly.nom },
        ]
      return resolution
    }

    // 6. Typos and truncations: "Grenobl", "clermont ferant", "Saint-Etiene".
    const words = tokens.filter((t, j) => j !== codeIndex)
    resolution.candidates = this.fuzzy(words.join(' ')).slice(0, limit)
    if (resolution.hints.postcode) {
      const withPostcode = resolution.candidates.filter((c) =>
        c.commune.codesPostaux.includes(resolution.hints.postcode as string),
      )
      if (withPostcode.length > 0) resolution.candidates = withPostcode
    }
    const [first, second] = resolution.candidates
    resolution.ambiguous = Boolean(first && second && second.confidence >= first.confidence * 0.9)
    if (resolution.candidates.length === 0) resolution.unmatched = words.filter((t) => !fillers.has(t))
    return resolution
  }

  private findName(tokens: readonly string[], codeIndex: number) {
    let best:
      | { key: string; entries: Entry[]; exact: boolean; departement?: Departement; unmatched: string[]; score: number }
      | undefined
    for (let length = tokens.length; length >= 1; length--) {
      for (let start = 0; start + length <= tokens.length; start++) {
        if (codeIndex >= start && codeIndex < start + length) continue
        const key = tokens.slice(start, start + length).join(' ')
        const entries = this.byKey.get(key)
        if (!entries) continue
        const rest = tokens.filter((_, j) => (j < start || j >= start + length) && j !== codeIndex)
        const departement = this.departementNear(rest.filter((t) => !fillers.has(t)))
        const unmatched = departement ? [] : rest.filter((t) => !fillers.has(t))
        // Prefer names that leave nothing unexplained, then the longest, then those at the start.
        const score = (unmatched.length === 0 ? 1000 : 0) + length * 10 - start
        if (!best || score > best.score) {
          const exactEntries = entries.filter((e) => !e.formerName)
          best = {
            key,
            entries: exactEntries.length > 0 ? exactEntries : entries,
            exact: exactEntries.length > 0,
            ...(departement ? { departement } : {}),
            unmatched,
            score,
          }
        }
      }
      if (best && best.unmatched.length === 0) break
    }
    return best
  }

  /** Cities of 50 000 inhabitants or more whose name starts with the words typed, more populous than every exact match. */
  private largerCitiesStartingWith(key: string, exact: readonly Entry[]): Candidate[] {
    const largestExact = Math.max(0, ...exact.map((e) => e.commune.population))
    return this.largeCities
      .filter((city) => city.key.startsWith(`${key} `) && city.commune.population > largestExact * 2)
      .map((city) => ({ commune: city.commune, confidence: 0.5, match: 'prefix' as const }))
  }

  /** The département named by all these words ("isere", "seine saint denis", "93", "l allier"), if any. */
  private departementOfTokens(tokens: readonly string[]): Departement | undefined {
    if (tokens.length === 0) return undefined
    return this.departementByKey.get(tokens.join(' '))
  }

  /** The département named by these words, or misspelt by one letter from six ("Maritnique", "la Reunioon"). */
  private departementNear(tokens: readonly string[]): Departement | undefined {
    const exact = this.departementOfTokens(tokens)
    if (exact || tokens.length === 0 || tokens.length > 4) return exact
    const text = tokens.join(' ')
    if (text.length < 6 || /\d/.test(text)) return undefined
    let found: Departement | undefined
    for (const [key, departement] of this.departementByKey)
      if (Math.abs(key.length - text.length) <= 1 && editDistance(text, key, 1) <= 1) {
        if (found && found !== departement) return undefined
        found = departement
      }
    return found
  }

  /**
   * A misspelt name followed by its département ("Montreeuil (93)", "Montruil en Seine-Saint-Denis"): the close
   * spellings of the name in that département only.
   */
  private typoInDepartement(
    tokens: readonly string[],
  ): { candidates: Candidate[]; departement: Departement } | undefined {
    for (let split = 1; split < tokens.length; split++) {
      const departement = this.departementNear(tokens.slice(split).filter((t) => !fillers.has(t)))
      if (!departement) continue
      let end = split
      while (end > 0 && fillers.has(tokens[end - 1] as string)) end--
      if (end === 0) return undefined
      const candidates = this.fuzzy(tokens.slice(0, end).join(' ')).filter(
        (c) => c.commune.departement === departement.code && c.match === 'typo',
      )
      return candidates.length > 0 ? { candidates, departement } : undefined
    }
    return undefined
  }

  private fuzzy(query: string): Candidate[] {
    if (query.length < 3) return []
    const found = new Map<string, Candidate>()
    const add = (key: string, match: MatchKind, confidence: number) => {
      for (const entry of this.byKey.get(key) ?? []) {
        const existing = found.get(entry.commune.code)
        if (existing && existing.confidence >= confidence) continue
        found.set(entry.commune.code, {
          commune: entry.commune,
          confidence,
          match,
          ...(entry.formerName ? { matchedName: entry.formerName } : {}),
        })
      }
    }
    const maxEdits = query.length <= 5 ? 1 : query.length <= 12 ? 2 : 3
    for (const index of this.shortlist(query)) {
      const key = this.keys[index] as string
      // "thonon" for Thonon-les-Bains: a whole first word is worth more than a close spelling.
      if (query.length >= 4 && key.startsWith(`${query} `)) add(key, 'prefix', 0.8)
      else if (query.length >= 4 && key.startsWith(query))
        add(key, 'prefix', 0.75 - Math.min(0.25, (key.length - query.length) / 40))
      // Lengths further apart than the edits allowed cannot be within reach: skip the costly distance.
      if (Math.abs(key.length - query.length) > maxEdits) continue
      const distance = editDistance(query, key, maxEdits)
      if (distance <= maxEdits) add(key, 'typo', 0.8 - distance * 0.1)
    }
    return [...found.values()].sort((a, b) => b.confidence - a.confidence || byPopulation(a.commune, b.commune))
  }

  /** The names (indexes in `keys`) that share most of the query's trigrams: the few worth an edit distance. */
  private shortlist(query: string): number[] {
    // Shared trigrams first (cheap), then the real edit distance on the best few.
    const counts = (this.trigramCounts ??= new Uint8Array(this.keys.length))
    const touched: number[] = []
    let best = 0
    // Very common trigrams ("sai", "int" of the 5 000 "Saint-…") cost much and tell little: skip them when others remain.
    // When fewer than four are informative, the least common of the others complete them (a long sentence such as
    // "je suis malentendant" would otherwise walk tens of thousands of names).
    const grams = [...new Set(trigrams(query))]
      .map((gram) => this.keysByTrigram.get(gram) ?? EMPTY)
      .sort((a, b) => a.length - b.length)
    const informative = grams.filter((list) => list.length <= COMMON_TRIGRAM)
    for (const list of informative.length >= 4 ? informative : grams.slice(0, Math.max(4, informative.length)))
      for (const index of list) {
        if (counts[index] === 0) touched.push(index)
        const count = ((counts[index] as number) += 1)
        if (count > best) best = count
      }
    const shortlist: number[] = []
    // A name within a few typos shares most of the query's trigrams; a sentence with no place in it shares few with any.
    const needed = Math.max(2, best - 3, Math.ceil(grams.length / 3))
    for (const index of touched) {
      if ((counts[index] as number) >= needed) shortlist.push(index)
      counts[index] = 0
    }
    return shortlist
  }

  /**
   * The one commune a misspelt name after a cue means ("montpelier", "clermont ferand", "pointapitre", "for de france"),
   * or nothing when it is not sure: the spelling within one edit (two from nine letters), words glued or apart alike,
   * and among several names as close, only one far more populous than the others (« Bordeau » is Bordeaux, not Bourdeau).
   */
  private closeName(query: string): { typo?: { commune: Commune; distance: number }; prefix: boolean } {
    const compact = query.replaceAll(' ', '')
    if (compact.length < 5) return { prefix: false }
    const maxEdits = compact.length <= 8 ? 1 : 2
    let bestDistance = maxEdits + 1
    let closest: Commune[] = []
    // Whether a name starts with the words typed ("thonon", "evian"): the caller then reads them as a name cut short.
    let prefix = false
    for (const index of this.shortlist(query)) {
      const spaced = this.keys[index] as string
      if (!prefix && spaced.startsWith(query)) prefix = true
      // Glued and spaced spellings differ by their spaces at most: a length out of reach skips the distance.
      if (spaced.length - compact.length > Math.min(maxEdits, bestDistance) + 6) continue
      const key = spaced.replaceAll(' ', '')
      if (Math.abs(key.length - compact.length) > Math.min(maxEdits, bestDistance)) continue
      const distance = editDistance(compact, key, maxEdits)
      if (distance > bestDistance) continue
      if (distance < bestDistance) {
        bestDistance = distance
        closest = []
      }
      for (const entry of this.byKey.get(this.keys[index] as string) ?? [])
        if (!closest.includes(entry.commune)) closest.push(entry.commune)
    }
    if (bestDistance > maxEdits || closest.length === 0) return { prefix }
    // A misspelt département is no commune: « à la Reunioon » is not La Réunion in Lot-et-Garonne.
    this.compactDepartements ??= [...this.departementByKey.keys()]
      .filter((key) => key.length >= 5)
      .map((key) => key.replaceAll(' ', ''))
    for (const key of this.compactDepartements)
      if (
        Math.abs(key.length - compact.length) <= bestDistance &&
        editDistance(compact, key, bestDistance) <= bestDistance
      )
        return { prefix }
    closest.sort(byPopulation)
    const [first, second] = closest as [Commune, ...Commune[]]
    if (second && first.population < 10 * Math.max(1, second.population)) return { prefix }
    return { typo: { commune: first, distance: bestDistance }, prefix }
  }

  /**
   * Finds a place mentioned in a sentence ("je n'arrive pas à faire ma déclaration caf, j'habite guéret").
   * A name that is also an everyday French word (sens, tours, orange, touche, signes…) or a very short one (Eu, Job)
   * counts only with context: after "à", "sur", "vers", "près de", "habite", "de/d'" + capital letter, when written
   * with a capital inside the sentence (not at its start), or next to a postcode or a département. Right after a strong
   * cue, a misspelt name is read when one commune is clearly meant ("à montpelier", "jhabite carcasonne"). With `leadingName`, a name that opens
   * the message counts too (a helpline operator types « Vichy démarches », « Tulle tablette »), unless another name
   * in the sentence is a surer place.
   */
  extractPlace(sentence: string, options: { leadingName?: boolean } = {}): (Resolution & { span: string }) | undefined {
    // Sentences split on their punctuation: a capital after "?" or "." starts a sentence, it is not a name's capital.
    const words: string[] = []
    const sentenceStart: boolean[] = []
    for (const part of sentence.split(/[.!?;\n]+/)) {
      part
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w !== '')
        .forEach((w, i) => {
          words.push(w)
          sentenceStart.push(i === 0)
        })
    }
    const tokens = words.map((w) => placeTokens(w).join(' '))
    const postcodeAt = tokens.findIndex((t) => /^\d{5}$/.test(t) && this.byPostcodeMap.has(t))
    // Where the last comma-separated part starts, when it is short: « aide pour la caf, tours ».
    const lastPart =
      sentence
        .split(',')
        .at(-1)
        ?.split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w !== '') ?? []
    const lastAfterComma =
      sentence.includes(',') && lastPart.length > 0 && lastPart.length <= 3 ? words.length - lastPart.length : -1
    // Every name found is a candidate; the best explained one wins (longer, with a preposition or a hint before it,
    // not a common word), and the last one on equal terms: people end with where they live.
    let best: { start: number; end: number; score: number; cued: boolean } | undefined
    for (let length = Math.min(6, tokens.length); length >= 1; length--) {
      for (let start = 0; start + length <= tokens.length; start++) {
        const span = tokens.slice(start, start + length)
        const last = span[span.length - 1] as string
        // An article or a preposition opens no name here (the context reads them), nor ends one, but Fort-de-France.
        if (fillers.has(span[0] as string) || (fillers.has(last) && (length === 1 || last !== 'france'))) continue
        const key = span.join(' ')
        const arrondissementCity =
          length === 2 && arrondissementCities[span[0] as string] && ARRONDISSEMENT_NUMBER.test(span[1] as string)
        if (!this.byKey.has(key) && !arrondissementCity) continue
        if (length === 1 && nameStarts.has(key)) continue
        if (length === 1 && possessives.has(key) && !/^\p{Lu}/u.test(words[start] as string)) continue
        // A name made of everyday words only, one ("touche") or several ("entre deux", "pire chance"), needs a cue too.
        const common =
          length === 1
            ? this.everydayNames.has(key) || key.length <= 3
            : span.every((token) => this.everydayNames.has(token) || frequent.has(token) || fillers.has(token)) &&
              !span.some((token) => nameStarts.has(token))
        const { before, after } = this.placeContext(
          words,
          tokens,
          sentenceStart,
          start,
          start + length,
          lastAfterComma,
          common,
        )
        const context = before + after
        // A common word needs a preposition before it ("à Orange") or to end the message after a comma ("…, tours"),
        // or, for an operator, to open the message (not « aide », which asks for help).
        const leading = options.leadingName === true && start === 0 && key.length >= 4 && !needWords.has(key)
        if (common && before < 15 && !leading) continue
        // Take a following département or postcode along ("Saint-Denis 93", "Valence dans la Drôme").
        let end = start + length
        for (let extra = Math.min(4, tokens.length - end); extra >= 1; extra--) {
          const tail = tokens.slice(end, end + extra).filter((t) => !fillers.has(t))
          if (
            tail.length > 0 &&
            (this.departementOfTokens(tail) || (tail.length === 1 && /^\d{5}$/.test(tail[0] as string)))
          ) {
            end += extra
            break
          }
        }
        const score = length * 10 + context + (common ? 0 : 10) + (end > start + length ? 20 : 0) + start / 100
        if (!best || score > best.score) best = { start, end, score, cued: context >= 15 }
      }
    }
    if (best) {
      // A misspelt name longer than the one found, right after the cue: « à Clermont ferand » is Clermont-Ferrand.
      const longer = this.placeAfterCue(words, tokens, sentenceStart, { start: best.start, beyond: best.end })
      if (longer) return longer
      // A name with no cue is weaker than a misspelt one after « j'habite »: « J'habite à carcasonne depuis des mois ».
      const afterCue = best.cued || postcodeAt >= 0 ? undefined : this.placeAfterCue(words, tokens, sentenceStart)
      if (afterCue) return afterCue
      const text = words.slice(best.start, best.end).join(' ')
      const withPostcode =
        postcodeAt >= 0 && (postcodeAt < best.start || postcodeAt >= best.end) ? `${text} ${tokens[postcodeAt]}` : text
      const resolution = this.resolve(withPostcode)
      // A postcode elsewhere that the name does not fit: the postcode is the surer of the two.
      if (postcodeAt < 0 || resolution.candidates[0]?.commune.codesPostaux.includes(tokens[postcodeAt] as string))
        return { ...resolution, span: text }
    }
    if (postcodeAt >= 0) return { ...this.resolve(tokens[postcodeAt] as string), span: words[postcodeAt] as string }
    return this.placeAfterCue(words, tokens, sentenceStart)
  }

  /**
   * No name found as written: the words right after "à", "sur", "j'habite"… may be a name cut short ("je suis à Thonon",
   * "Bourgoin", "Évian") or misspelt ("j'habite grenobl", "à montpelier", "jhabite carcasonne", "a for de france"). Only
   * a close match is taken: the first words of the name, or the one commune within a typo or two after a strong cue,
   * never words of everyday French. With `from`, only the words after the cue before `from.start` that reach past
   * `from.beyond`.
   */
  private placeAfterCue(
    words: readonly string[],
    tokens: readonly string[],
    sentenceStart: readonly boolean[],
    from?: { start: number; beyond: number },
  ): (Resolution & { span: string }) | undefined {
    for (let start = from ? from.start : tokens.length - 1; start >= 1; start--) {
      const cue = tokens[start - 1] as string
      const nearCue = cue === 'de' && tokens[start - 2] === 'pres'
      if (!isCueAt(words, tokens, start - 1) && !nearCue) {
        if (from) return undefined
        continue
      }
      const residence = residenceCues.has(cue)
      const strong = nearCue || typoCues.has(cue)
      let cut: (Resolution & { span: string }) | undefined
      const shortest = from ? from.beyond - start + 1 : 1
      // A name stays inside its sentence: « Elle vit à Albi. Je… » is not Albine.
      let room = 1
      while (room < 4 && start + room < tokens.length && !sentenceStart[start + room]) room++
      for (let length = room; length >= shortest; length--) {
        const span = tokens.slice(start, start + length)
        const first = span[0] as string
        const last = span[span.length - 1] as string
        // « à la Rochel », « au Lamentin »: an article may open the name, never end it.
        const head = articles.has(first) && length >= 2 ? (span[1] as string) : first
        // The last word may be an everyday one in a long name only (« a for de france »).
        const lastWord =
          (length === 1 || last.length >= 3) &&
          (length >= 3 ? !articles.has(last) : !fillers.has(last) && !frequent.has(last)) &&
          !span.some((token) => pronouns.has(token))
        if (!lastWord || (fillers.has(first) && head === first)) continue
        // An everyday word opens a name of several words only (« a pointe a pitr », « a fort de frence »).
        if (!this.rare(head) && !(length >= 2 && this.firstWords.has(head) && this.rare(last))) continue
        const text = words.slice(start, start + length).join(' ')
        const cutShort = first.length >= 5 && head === first
        if (!cutShort && !strong) continue
        // One pass over the names that share most trigrams: a close spelling, and whether a name starts so.
        const close = this.closeName(span.join(' '))
        if (cutShort && close.prefix) {
          const resolution = this.resolve(span.join(' '))
          const best = resolution.candidates[0]
          if (best && resolution.unmatched.length === 0) {
            const capitalised = /^\p{Lu}/u.test(words[start] as string) && !/^\p{Lu}+$/u.test(words.join(''))
            // The whole first words of a name ("Évian", "Saint Erme").
            if (best.match === 'prefix' && best.confidence >= 0.8) return { ...resolution, span: text }
            // A name cut short after a residence cue or with its capital, unless a close spelling says which.
            if (best.match === 'prefix' && best.confidence >= 0.7 && (capitalised || residence))
              cut ??= { ...resolution, span: text }
          }
        }
        const typo = strong ? close.typo : undefined
        // Beyond a name found as written, only one more typo: « Clermont ferand », not « Avignon et je » (Avignonet).
        if (typo && (!from || typo.distance <= 1))
          return {
            query: text,
            candidates: [{ commune: typo.commune, confidence: 0.9 - typo.distance * 0.05, match: 'typo' }],
            ambiguous: false,
            hints: {},
            unmatched: [],
            span: text,
          }
      }
      if (cut) return cut
      if (from) return undefined
    }
    return undefined
  }

  /** A word that may start a commune's name after a cue: not a filler, nor a word of everyday French. */
  private rare(token: string): boolean {
    return !(
      token.length < 3 ||
      fillers.has(token) ||
      this.everydayNames.has(token) ||
      frequent.has(token) ||
      notAPlaceAfterA.has(token) ||
      notAPlaceAfterCue.has(token)
    )
  }

  /** How much the words around a name say it is a place: a preposition, "j'habite", a capital inside a sentence, a hint after it. */
  private placeContext(
    words: readonly string[],
    tokens: readonly string[],
    sentenceStart: readonly boolean[],
    start: number,
    end: number,
    lastAfterComma = -1,
    common = false,
  ): { before: number; after: number } {
    let before = 0
    if (start === lastAfterComma && end === words.length) before += 15
    const previous = tokens[start - 1]
    const previousTwo = tokens[start - 2]
    const key = tokens.slice(start, end).join(' ')
    if (previous === 'a' && notAPlaceAfterA.has(tokens[start] as string)) return { before: 0, after: 0 }
    // "mon mari a eu un AVC": "a" without its accent before a past participle is the verb.
    if (words[start - 1] === 'a' && afterAvoir.has(key) && !/^\p{Lu}/u.test(words[start] as string))
      return { before: 0, after: 0 }
    if (isCueAt(words, tokens, start - 1)) {
      // A word needs the article of its own name: "au Mans" is Le Mans, "au bar" is no place, nor "dans le sens".
      const article = previous === 'au' ? 'le' : previous === 'aux' ? 'les' : undefined
      if (!common || (previous !== 'dans' && (!article || this.byKey.has(`${article} ${key}`)))) before += 20
    } else if (previous === 'ville') before += 20
    else if (previous === 'de' && previousTwo === 'pres') before += 20
    // "j'habite Le Puy", "je suis à La Rochelle": the article belongs to the name; with a word, only its own article
    // ("à l'école" is no place, "j'habite La Touche" is); not after "dans" ("dans le quartier", "dans le Puy-de-Dôme").
    else if (previous && articles.has(previous) && previousTwo !== 'dans' && isCueAt(words, tokens, start - 2)) {
      if (!common || this.byKey.has(`${previous} ${key}`)) before += 20
    } else if (previous && ['de', 'd'].includes(previous) && /^\p{Lu}/u.test(words[start] as string)) before += 10
    if (/^\p{Lu}/u.test(words[start] as string) && !sentenceStart[start] && !/^\p{Lu}+$/u.test(words.join(''))) {
      before += 5
      // A capitalised name ending the message is where the person is ("aide impôts Tulle"), unless an article makes it
      // a thing ("je voudrais une Orange").
      if (end === words.length && !determiners.has(previous ?? '')) before += 10
    }
    const following = tokens.slice(end, end + 4).filter((t) => !fillers.has(t))
    const after =
      following.length > 0 &&
      (this.departementOfTokens(following.slice(0, 1)) ??
        this.departementOfTokens(following) ??
        (/^\d{5}$/.test(following[0] as string) ? true : undefined))
        ? 20
        : 0
    return { before, after }
  }
}

/** Whether the word at `index` says a place follows: a cue, except "a" as the verb ("il a", "ça n'a"). */
function isCueAt(words: readonly string[], tokens: readonly string[], index: number): boolean {
  const token = tokens[index]
  if (!isPlaceCue(token)) return false
  return !(token === 'a' && /^a$/i.test(words[index] ?? '') && avoirSubjects.has(tokens[index - 1] ?? ''))
}

/**
 * A commune of the official geography with its names and coordinates. Written as object literals, one per shape (with or
 * without a parent city, coordinates, an approximate point) in the key order of `{ ...cog, departementNom, regionNom }`
 * then the coordinates: a spread followed by added properties cost a third of a second for 35 000 communes.
 */
function joinCommune(
  cog: CogCommune,
  departementNom: string,
  regionNom: string,
  point: CommuneCoordinates | undefined,
): Commune {
  const { code, nom, type, departement, region, codesPostaux, population, zone } = cog
  if (cog.commune === undefined) {
    if (!point)
      return { code, nom, type, departement, region, codesPostaux, population, zone, departementNom, regionNom }
    const { latitude, longitude } = point
    return point.approximate
      ? {
          code,
          nom,
          type,
          departement,
          region,
          codesPostaux,
          population,
          zone,
          departementNom,
          regionNom,
          latitude,
          longitude,
          coordinatesApproximate: true,
        }
      : {
          code,
          nom,
          type,
          departement,
          region,
          codesPostaux,
          population,
          zone,
          departementNom,
          regionNom,
          latitude,
          longitude,
        }
  }
  const commune = cog.commune
  if (!point)
    return { code, nom, type, departement, region, codesPostaux, population, commune, zone, departementNom, regionNom }
  const { latitude, longitude } = point
  return point.approximate
    ? {
        code,
        nom,
        type,
        departement,
        region,
        codesPostaux,
        population,
        commune,
        zone,
        departementNom,
        regionNom,
        latitude,
        longitude,
        coordinatesApproximate: true,
      }
    : {
        code,
        nom,
        type,
        departement,
        region,
        codesPostaux,
        population,
        commune,
        zone,
        departementNom,
        regionNom,
        latitude,
        longitude,
      }
}

function byPopulation(a: Commune, b: Commune): number {
  return b.population - a.population || a.code.localeCompare(b.code)
}

/** Candidates most populous first; confidence is each one's share of the population, so a clear favourite stands out. */
function rankByPopulation(
  entries: readonly { commune: Commune; formerName?: string }[],
  match: MatchKind,
  scale: number,
): Candidate[] {
  const sorted = [...entries].sort((a, b) => byPopulation(a.commune, b.commune))
  const total = sorted.reduce((sum, e) => sum + Math.max(1, e.commune.population), 0)
  return sorted.map((entry) => ({
    commune: entry.commune,
    confidence:
      Math.round(scale * (sorted.length === 1 ? 1 : Math.max(1, entry.commune.population) / total) * 1000) / 1000,
    match,
    ...(entry.formerName ? { matchedName: entry.formerName } : {}),
  }))
}

export type CreateTerritoiresOptions = {
  /** The official geography: `geographyFromDecoupage(data)`, or `officialGeography()` of `@aiguillage/territoires/cog-data`. */
  geography: Geography
  /** Commune coordinates (see `parseCommuneCoordinates`); without them communes resolve but cannot anchor a distance. */
  coordinates?: CoordinateTable | ReadonlyMap<string, CommuneCoordinates>
}

/**
 * Builds the communes of France (official geography) joined with a coordinate table.
 * @example
 * const territoires = createTerritoires({ geography: officialGeography(), coordinates: parseCommuneCoordinates(csvText) })
 * territoires.resolve('st etienne').candidates[0]?.commune.code // '42218'
 */
export function createTerritoires(options: CreateTerritoiresOptions): Territoires {
  const coordinates =
    options.coordinates instanceof Map
      ? options.coordinates
      : ((options.coordinates as CoordinateTable | undefined)?.byCode ?? new Map())
  return new Territoires(options.geography, coordinates)
}

export { foldPlace }
