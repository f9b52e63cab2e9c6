import {
  AccessMode,
  isOpenOnDay,
  lieuQuality,
  type Lieu,
  nextOpening,
  openingStateAt,
  openingStatus,
  type OpeningStatus,
  type VocabularyField,
  vocabularies,
} from '@aiguillage/lieux'
import { around } from 'geokdbush'
import KDBush from 'kdbush'
import type MiniSearch from 'minisearch'
import { haversineKm, type Point } from './distance.js'
import { buildNameIndex, type NameDocument } from './name-index.js'

/**
 * Filters named after the standard's fields: any of the values within a field, every field given at once
 * (as the cartographie nationale does). `publics_specifiquement_adresses` also keeps lieux open to everyone
 * (no public named means "tout public" in the standard). Booleans ask for an online booking link or an Accès libre page.
 */
export type LieuFilters = Partial<Record<VocabularyField, readonly string[]>> & {
  typologie?: readonly string[]
  /** Free labels, e.g. the territorial priorities "QPV" and "FRR". */
  autres_formations_labels?: readonly string[]
  prise_rdv?: boolean
  fiche_acces_libre?: boolean
}

export type SearchQuery = {
  /** The reference point (a commune's centroid, a person's position). */
  near: Point
  filters?: LieuFilters
  /** Only lieux open at this instant ("ouvert maintenant": pass the current time). */
  openAt?: Date
  /** Only lieux that open at some time during this Paris day ("ouvert le samedi"). */
  openOn?: Date
  /** Search radius, 50 km by default (data·inclusion's and the cartographie's). */
  radiusKm?: number
  /** Name search ("mediatheque", "france services"): only lieux whose name, commune or network match. */
  q?: string
  limit?: number
  offset?: number
  /** When nothing matches, drop constraints in the documented order and say which (see {@link relaxationOrder}). */
  relax?: boolean
  /** Also count every match within the radius (for pagination); costs a full radius query. */
  withTotal?: boolean
  /** The instant for the results' opening state (the caller's clock: this package never reads the machine's). */
  now: Date
}

/** One constraint dropped to find something: a filter field (with the values dropped), the opening time, or the radius. */
export type Relaxation =
  | { constraint: 'ouvert_a' | 'ouvert_le' | 'q' }
  | { constraint: 'filtre'; field: keyof LieuFilters; values: readonly (string | boolean)[] }
  | { constraint: 'rayon_km'; from: number; to: number }

export type LieuOpening = OpeningStatus & { nextOpening?: Date }

export type SearchResult = {
  lieu: Lieu
  /** Great-circle distance from the reference point, in km. */
  distanceKm: number
  /** Open, closed or unknown at the query's instant, with the next change and next opening (computed on first read). */
  readonly opening: LieuOpening
}

export type SearchResponse = {
  results: SearchResult[]
  /** Matches within the radius (only with `withTotal`). */
  total?: number
  /** What was dropped to find these results, in the order it was dropped; empty when the query was met as asked. */
  relaxed: Relaxation[]
  radiusKm: number
}

/**
 * The order in which `relax` drops constraints, least important first: the opening time (one can go another day),
 * the secondary filters (publics, accompaniment, labels…), the name, the cost, then the radius (×2, ×4), and last the
 * services asked for — so a person always leaves with somewhere to go, and the answer says what was given up.
 */
export const relaxationOrder = [
  'ouverture',
  'filtres secondaires',
  'q',
  'frais_a_charge',
  'rayon_km ×2',
  'rayon_km ×4',
  'services',
] as const

const DEFAULT_RADIUS_KM = 50
const DEFAULT_LIMIT = 10
const vocabularyFields = Object.keys(vocabularies) as VocabularyField[]

/** A lieu takes part in distance searches only if it has coordinates and receives the public. */
function receivesPublic(lieu: Lieu): boolean {
  return (lieu.services?.length ?? 0) > 0 && !(lieu.modalites_acces?.includes(AccessMode.NoPublicReception) ?? false)
}

function hasCoordinates(lieu: Lieu): lieu is Lieu & { latitude: number; longitude: number } {
  return lieu.latitude !== undefined && lieu.longitude !== undefined && !(lieu.latitude === 0 && lieu.longitude === 0)
}

type CompiledFilter = (position: number) => boolean

/**
 * The in-memory index of lieux: k-nearest by great-circle distance on a k-d tree (geokdbush), filters on every
 * enumerated field as bit masks, opening hours checked on the nearest candidates only, name search with minisearch.
 * Build it once from parsed lieux; it is read-only.
 */
/** A filter no lieu of the index can pass (a value no one has): searches with it skip the walk. */
const NEVER: CompiledFilter = () => false

export class LieuxIndex {
  /** All lieux given, by id. */
  private readonly byIdMap = new Map<string, Lieu>()
  /** The lieux of distance searches, in the k-d tree's order. */
  private readonly located: (Lieu & { latitude: number; longitude: number })[] = []
  private readonly tree: KDBush
  private readonly masks = new Map<VocabularyField, Uint16Array>()
  /** For each field, the values at least one located lieu has: a filter on none of them is answered without a walk. */
  private readonly present = new Map<VocabularyField, number>()
  private names: { index: MiniSearch<NameDocument>; lieux: Lieu[] } | undefined
  private readonly all: readonly Lieu[]
  /** Lieux left out of distance searches, and why. */
  readonly excluded: { withoutCoordinates: number; noPublic: number }

  /** Ids of merged duplicates → the id kept (see `mergeDuplicates` in @aiguillage/lieux). */
  private readonly aliases: ReadonlyMap<string, string>

  constructor(lieux: readonly Lieu[], options: LieuxIndexOptions = {}) {
    this.all = lieux
    this.aliases = options.aliases ?? new Map()
    let withoutCoordinates = 0
    let noPublic = 0
    for (const lieu of lieux) {
      this.byIdMap.set(lieu.id, lieu)
      if (!receivesPublic(lieu)) noPublic++
      else if (!hasCoordinates(lieu)) withoutCoordinates++
      else this.located.push(lieu)
    }
    this.excluded = { withoutCoordinates, noPublic }
    this.tree = new KDBush(Math.max(1, this.located.length))
    for (const lieu of this.located) this.tree.add(lieu.longitude, lieu.latitude)
    if (this.located.length === 0) this.tree.add(0, 0) // kdbush needs one point; it is never a lieu (see `at`)
    this.tree.finish()
    for (const field of vocabularyFields) {
      const values: readonly string[] = vocabularies[field]
      const mask = new Uint16Array(this.located.length)
      let present = 0
      this.located.forEach((lieu, position) => {
        for (const value of (lieu[field] as readonly string[] | undefined) ?? [])
          mask[position] = (mask[position] as number) | (1 << values.indexOf(value))
        present |= mask[position] as number
      })
      this.masks.set(field, mask)
      this.present.set(field, present)
    }
  }

  /** Number of lieux that distance searches can return. */
  get size(): number {
    return this.located.length
  }

  /** The lieu with this id, or the one it was merged into (a fiche is found by any of its ids). */
  byId(id: string): Lieu | undefined {
    const lieu = this.byIdMap.get(id)
    if (lieu) return lieu
    const kept = this.aliases.get(id)
    return kept === undefined ? undefined : this.byIdMap.get(kept)
  }

  private compile(filters: LieuFilters = {}, nameMatches?: ReadonlySet<Lieu>): CompiledFilter | undefined {
    const checks: CompiledFilter[] = []
    for (const field of vocabularyFields) {
      const wanted = filters[field]
      if (!wanted || wanted.length === 0) continue
      const values: readonly string[] = vocabularies[field]
      let bits = 0
      for (const value of wanted) if (values.includes(value)) bits |= 1 << values.indexOf(value)
      const mask = this.masks.get(field) as Uint16Array
      // No public named = "tout public": such lieux serve every public asked for.
      if (field !== 'publics_specifiquement_adresses' && ((this.present.get(field) as number) & bits) === 0)
        return NEVER
      checks.push(
        field === 'publics_specifiquement_adresses'
          ? (p) => mask[p] === 0 || ((mask[p] as number) & bits) !== 0
          : (p) => ((mask[p] as number) & bits) !== 0,
      )
    }
    for (const field of ['typologie', 'autres_formations_labels'] as const) {
      const wanted = filters[field]
      if (wanted && wanted.length > 0)
        checks.push((p) => (this.located[p]?.[field] ?? []).some((v) => wanted.includes(v)))
    }
    for (const field of ['prise_rdv', 'fiche_acces_libre'] as const) {
      const wanted = filters[field]
      if (wanted !== undefined) checks.push((p) => (this.located[p]?.[field] !== undefined) === wanted)
    }
    if (nameMatches) checks.push((p) => nameMatches.has(this.located[p] as Lieu))
    if (checks.length === 0) return undefined
    if (checks.length === 1) return checks[0]
    return (p) => checks.every((check) => check(p))
  }

  /** Lieux whose name, commune or parent network match the words, best first. Includes lieux without coordinates. */
  searchByName(q: string, limit = DEFAULT_LIMIT): Lieu[] {
    const names = this.nameIndex()
    return names.index
      .search(q)
      .slice(0, limit)
      .map((hit) => names.lieux[hit.id as number] as Lieu)
  }

  private nameIndex() {
    // Built on first use: a server that never searches by name does not pay for it at start-up.
    this.names ??= (() => {
      const lieux = [...this.all]
      const index = buildNameIndex(
        lieux.map((lieu, id) => ({
          id,
          nom: lieu.nom,
          commune: lieu.commune,
          structure_parente: lieu.structure_parente ?? '',
        })),
      )
      return { index, lieux }
    })()
    return this.names
  }

  /**
   * The nearest lieux matching a query, nearest first, within the radius. With `relax`, when nothing matches,
   * constraints are dropped in {@link relaxationOrder} and `relaxed` says which.
   */
  search(query: SearchQuery): SearchResponse {
    const first = this.searchOnce(query)
    if (first.results.length > 0 || !query.relax) return first
    const relaxed: Relaxation[] = []
    let current: SearchQuery = { ...query, filters: { ...query.filters } }
    for (const step of this.relaxationSteps(query)) {
      const next = step.apply(current)
      if (!next) continue
      current = next
      relaxed.push(...step.relaxations)
      const attempt = this.searchOnce(current)
      if (attempt.results.length > 0) return { ...attempt, relaxed }
    }
    return { ...this.searchOnce(current), relaxed }
  }

  private relaxationSteps(query: SearchQuery) {
    const filters = query.filters ?? {}
    const radius = query.radiusKm ?? DEFAULT_RADIUS_KM
    const secondary = (Object.keys(filters) as (keyof LieuFilters)[]).filter(
      (f) => f !== 'services' && f !== 'frais_a_charge' && filters[f] !== undefined,
    )
    const dropFilter = (field: keyof LieuFilters) => (q: SearchQuery) => {
      if (q.filters?.[field] === undefined) return undefined
      const rest = { ...q.filters }
      delete rest[field]
      return { ...q, filters: rest }
    }
    const asRelaxation = (field: keyof LieuFilters): Relaxation => {
      const value = filters[field]
      return { constraint: 'filtre', field, values: Array.isArray(value) ? value : [value as boolean] }
    }
    return [
      {
        apply: (q: SearchQuery) => (q.openAt || q.openOn ? { ...q, openAt: undefined, openOn: undefined } : undefined),
        relaxations: [
          ...(query.openAt ? [{ constraint: 'ouvert_a' } as const] : []),
          ...(query.openOn ? [{ constraint: 'ouvert_le' } as const] : []),
        ],
      },
      {
        apply: (q: SearchQuery) =>
          secondary.reduce<SearchQuery | undefined>((acc, field) => dropFilter(field)(acc ?? q) ?? acc, undefined),
        relaxations: secondary.map(asRelaxation),
      },
      {
        apply: (q: SearchQuery) => (q.q ? { ...q, q: undefined } : undefined),
        relaxations: [{ constraint: 'q' } as const],
      },
      {
        apply: dropFilter('frais_a_charge'),
        relaxations: filters.frais_a_charge ? [asRelaxation('frais_a_charge')] : [],
      },
      {
        apply: (q: SearchQuery) => ({ ...q, radiusKm: radius * 2 }),
        relaxations: [{ constraint: 'rayon_km', from: radius, to: radius * 2 } as const],
      },
      {
        apply: (q: SearchQuery) => ({ ...q, radiusKm: radius * 4 }),
        relaxations: [{ constraint: 'rayon_km', from: radius * 2, to: radius * 4 } as const],
      },
      { apply: dropFilter('services'), relaxations: filters.services ? [asRelaxation('services')] : [] },
    ]
  }

  private searchOnce(query: SearchQuery): SearchResponse {
    const radiusKm = query.radiusKm ?? DEFAULT_RADIUS_KM
    const limit = query.limit ?? DEFAULT_LIMIT
    const offset = query.offset ?? 0
    const nameMatches = query.q ? new Set(this.searchByName(query.q, Number.POSITIVE_INFINITY)) : undefined
    const predicate = this.located.length === 0 ? () => false : this.compile(query.filters, nameMatches)
    const { latitude, longitude } = query.near
    const timeFilter = this.timeFilter(query)
    const wanted = offset + limit

    let positions: number[]
    if (predicate === NEVER) positions = []
    else if (!timeFilter) positions = this.aroundWithTies(longitude, latitude, wanted, radiusKm, predicate)
    else {
      // Opening hours are costly to evaluate: check the nearest candidates only, widening until enough are found.
      for (let batch = wanted * 4; ; batch *= 4) {
        const candidates = around(this.tree, longitude, latitude, batch, radiusKm, predicate)
        positions = candidates.filter((p) => timeFilter(this.located[p] as Lieu)).slice(0, wanted)
        if (positions.length >= wanted || candidates.length < batch) break
      }
    }
    const now = query.now
    // Lieux at the same distance (one building, several structures): the best data first (`lieuQuality`: fresh, with a
    // phone and hours), then in the order they were given, as in a scan (the tree's own order for ties is arbitrary).
    const distance = new Map(positions.map((p) => [p, this.distanceKm(p, latitude, longitude)] as const))
    const quality = new Map<number, number>()
    const qualityOf = (p: number) => {
      let score = quality.get(p)
      if (score === undefined) quality.set(p, (score = lieuQuality(this.located[p] as Lieu, now).score))
      return score
    }
    positions.sort(
      (a, b) => (distance.get(a) as number) - (distance.get(b) as number) || qualityOf(b) - qualityOf(a) || a - b,
    )
    const results = positions
      .slice(offset, wanted)
      .map((p) => new NearbyLieu(this.located[p] as Lieu & Point, distance.get(p) as number, now))
    const response: SearchResponse = { results, relaxed: [], radiusKm }
    if (query.withTotal)
      // A page that is not full already says how many there are.
      response.total =
        results.length > 0 && results.length < limit
          ? offset + results.length
          : this.countWithin(query.near, radiusKm, predicate, timeFilter)
    return response
  }

  /**
   * How many lieux match within the radius. Counting needs no ordering: a bounding-box query on the tree, then the
   * exact distance, is much cheaper than walking the nearest-first queue over every point of the disc.
   */
  private countWithin(
    near: Point,
    radiusKm: number,
    predicate: CompiledFilter | undefined,
    timeFilter: ((lieu: Lieu) => boolean) | undefined,
  ): number {
    const dLat = radiusKm / 111.19
    const cosLat = Math.cos((near.latitude * Math.PI) / 180)
    const dLon = cosLat > 1e-6 ? Math.min(180, radiusKm / (111.19 * cosLat)) : 180
    const minLat = Math.max(-90, near.latitude - dLat)
    const maxLat = Math.min(90, near.latitude + dLat)
    const boxes: [number, number][] = []
    const west = near.longitude - dLon
    const east = near.longitude + dLon
    if (dLon >= 180) boxes.push([-180, 180])
    else {
      boxes.push([Math.max(-180, west), Math.min(180, east)])
      if (west < -180) boxes.push([west + 360, 180]) // across the antimeridian (Wallis-et-Futuna)
      if (east > 180) boxes.push([-180, east - 360])
    }
    // Under 500 km, a flat-earth distance at the pair's mid-latitude is within 1 % of the true one: only points near
    // the circle's edge need the exact great-circle distance. Beyond, every point gets it.
    const kmPerDegree = 111.19
    const flatIsClose = radiusKm <= 500
    const inner = flatIsClose ? (radiusKm * 0.99) ** 2 : -1
    const outer = flatIsClose ? (radiusKm * 1.01) ** 2 : Number.POSITIVE_INFINITY
    let count = 0
    for (const [minLon, maxLon] of boxes)
      for (const position of this.tree.range(minLon, minLat, maxLon, maxLat)) {
        if (predicate && !predicate(position)) continue
        const lieu = this.located[position] as Lieu & Point
        const dy = (lieu.latitude - near.latitude) * kmPerDegree
        let dLon = Math.abs(lieu.longitude - near.longitude)
        if (dLon > 180) dLon = 360 - dLon
        const dx = dLon * kmPerDegree * Math.cos(((lieu.latitude + near.latitude) * Math.PI) / 360)
        const flat = dx * dx + dy * dy
        if (
          flat > outer ||
          (flat > inner && haversineKm(near.latitude, near.longitude, lieu.latitude, lieu.longitude) > radiusKm)
        )
          continue
        if (timeFilter && !timeFilter(lieu)) continue
        count++
      }
    return count
  }

  private timeFilter(query: SearchQuery): ((lieu: Lieu) => boolean) | undefined {
    const { openAt, openOn } = query
    if (openAt && openOn)
      return (lieu) => openingStateAt(lieu.horaires, openAt) === 'open' && isOpenOnDay(lieu.horaires, openOn)
    if (openAt) return (lieu) => openingStateAt(lieu.horaires, openAt) === 'open'
    if (openOn) return (lieu) => isOpenOnDay(lieu.horaires, openOn)
    return undefined
  }

  /** The `wanted` nearest, and every lieu as near as the last one: which of equals the tree gives first is arbitrary. */
  private aroundWithTies(
    longitude: number,
    latitude: number,
    wanted: number,
    radiusKm: number,
    predicate: CompiledFilter | undefined,
  ): number[] {
    for (let count = wanted + 1; ; count *= 2) {
      const found = around(this.tree, longitude, latitude, count, radiusKm, predicate)
      if (
        found.length < count ||
        this.distanceKm(found[count - 1] as number, latitude, longitude) >
          this.distanceKm(found[wanted - 1] as number, latitude, longitude)
      )
        return found
    }
  }

  private distanceKm(position: number, latitude: number, longitude: number): number {
    const lieu = this.located[position] as Point
    return haversineKm(latitude, longitude, lieu.latitude, lieu.longitude)
  }
}

/** A result; its opening is computed on first read (a getter on the class: cheaper to create than per object). */
class NearbyLieu implements SearchResult {
  private computed: LieuOpening | undefined
  constructor(
    readonly lieu: Lieu,
    readonly distanceKm: number,
    private readonly now: Date,
  ) {}

  get opening(): LieuOpening {
    if (!this.computed) {
      const status = openingStatus(this.lieu.horaires, this.now)
      // Closed: the next change is the opening; open: look past the closing.
      const upcoming =
        status.state === 'closed'
          ? status.nextChange
          : status.state === 'open'
            ? nextOpening(this.lieu.horaires, this.now)
            : undefined
      this.computed = upcoming ? { ...status, nextOpening: upcoming } : status
    }
    return this.computed
  }
}

export type LieuxIndexOptions = {
  /** Merged ids → the id kept, from `mergeDuplicates`: `byId` finds a merged lieu by any of its ids. */
  aliases?: ReadonlyMap<string, string>
}

/**
 * Builds the index of lieux for distance, filter and name searches.
 * @example const { lieux, aliases } = mergeDuplicates(read); const index = createLieuxIndex(lieux, { aliases })
 */
export function createLieuxIndex(lieux: readonly Lieu[], options: LieuxIndexOptions = {}): LieuxIndex {
  return new LieuxIndex(lieux, options)
}
