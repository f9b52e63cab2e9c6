import { foldText, nextParisWeekday, parisWallClock } from '@aiguillage/lieux'
import type { Commune, Resolution, Territoires } from '@aiguillage/territoires'
import type { Point } from './distance.js'
import type { LieuFilters, LieuxIndex, Relaxation, SearchResult } from './lieux-index.js'

/*
 * The one use case every channel shares: « the lieux near a place ». The API, the CLI, the chat and Teams resolve the
 * place, read the day and build the search here, and only render the outcome. No HTTP, no file, no clock of its own.
 */

/** Where to search, as a person or a program gives it. */
export type PlaceInput =
  /** A point (a browser's position, `latitude`/`longitude`). */
  | { point: Point }
  /** A commune: an INSEE code, or text as typed (« Guéret », « st etienne », « Paris 18e », « Valence 26 »). */
  | { commune: string }
  /** A postcode: the communes it serves. */
  | { postcode: string }

/** A place resolved to a point. */
export type Place = {
  point: Point
  via: 'point' | 'commune' | 'code_postal'
  /** The commune searched around (absent for a point). */
  commune?: Commune
  /**
   * The other communes the words could name, offered beside the one taken: smaller homonyms (« Valence » is taken as
   * Valence in the Drôme, Valence in Tarn-et-Garonne is offered), or the other communes of a postcode.
   */
  others: Commune[]
}

/** Why no place could be searched around. */
export type PlaceProblem =
  /** Several communes fit and none is a clear favourite: the person chooses (most likely first). */
  | {
      kind: 'ambiguous'
      field: 'commune' | 'code_postal'
      text: string
      candidates: { commune: Commune; confidence: number }[]
    }
  | { kind: 'unknown'; field: 'commune' | 'code_postal'; text: string }
  /** Known, but the loaded table gives it no coordinates. */
  | { kind: 'no_coordinates'; field: 'commune' | 'code_postal'; commune: Commune }

/** At most this many communes are offered beside the one taken, or as candidates. */
const OFFERED = 5

/**
 * The one ambiguity policy: a clear favourite is taken and the others are offered; real homonyms are asked.
 * A favourite is the only candidate, or one the resolver is sure of (far more people live there, or a hint such as the
 * département decided), or a postcode's main commune (a postcode names an area: its most populous commune stands for it).
 */
export function choosePlace(
  resolution: Pick<Resolution, 'candidates' | 'ambiguous'>,
): { commune: Commune; others: Commune[] } | { candidates: { commune: Commune; confidence: number }[] } | undefined {
  const [first, second] = resolution.candidates
  if (!first) return undefined
  const clear =
    !resolution.ambiguous ||
    !second ||
    first.confidence >= 0.85 ||
    (first.match === 'postcode' && first.confidence >= 0.5)
  if (!clear)
    return {
      candidates: resolution.candidates
        .slice(0, OFFERED)
        .map((c) => ({ commune: c.commune, confidence: c.confidence })),
    }
  // Offered: the homonyms and the other communes of a postcode, not the far-fetched spellings of a sure match.
  const others = resolution.candidates
    .slice(1)
    .filter((c) => c.match === first.match && c.match !== 'typo' && c.match !== 'prefix')
    .slice(0, OFFERED)
    .map((c) => c.commune)
  return { commune: first.commune, others }
}

/** Resolves where to search, with the one ambiguity policy. */
export function resolvePlace(
  territoires: Territoires,
  input: PlaceInput,
): { place: Place } | { problem: PlaceProblem } {
  if ('point' in input) return { place: { point: input.point, via: 'point', others: [] } }
  let chosen: { commune: Commune; others: Commune[] }
  const field = 'postcode' in input ? 'code_postal' : 'commune'
  if ('postcode' in input) {
    const [commune, ...others] = territoires.byPostcode(input.postcode.trim())
    if (!commune) return { problem: { kind: 'unknown', field, text: input.postcode } }
    chosen = { commune, others: others.slice(0, OFFERED) }
  } else {
    const text = input.commune.trim()
    const byCode = /^(\d{5}|2[AB]\d{3})$/i.test(text) ? territoires.byCode(text.toUpperCase()) : undefined
    if (byCode) chosen = { commune: byCode, others: [] }
    else {
      const choice = choosePlace(territoires.resolve(text))
      if (!choice) return { problem: { kind: 'unknown', field, text } }
      if ('candidates' in choice) return { problem: { kind: 'ambiguous', field, text, candidates: choice.candidates } }
      chosen = choice
    }
  }
  const { commune, others } = chosen
  if (commune.latitude === undefined || commune.longitude === undefined)
    return { problem: { kind: 'no_coordinates', field, commune } }
  return {
    place: {
      point: { latitude: commune.latitude, longitude: commune.longitude },
      via: field,
      commune,
      others,
    },
  }
}

/** When the lieux must be open: now, at an instant, some time on a day, or on the next such weekday. */
export type OpenWhen =
  | { now: true }
  | { at: Date }
  /** A calendar day, `AAAA-MM-JJ`. */
  | { date: string }
  /** 0 = Sunday … 6 = Saturday: the next such day in Paris, today included. */
  | { weekday: number }
  /** Days from today in Paris: 0 today, 1 tomorrow. */
  | { daysAhead: number }

const weekdayNames = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']
const relativeDays: Record<string, number> = { "aujourd'hui": 0, 'aujourd hui': 0, aujourdhui: 0, demain: 1 }

/**
 * Reads a day or an instant as people and programs write it: « samedi », « demain », « aujourd'hui », `2026-11-23`,
 * `2026-11-23T10:00:00+01:00`. Undefined when it is none of those.
 */
export function readOpenWhen(text: string): OpenWhen | undefined {
  const trimmed = text.trim()
  const folded = foldText(trimmed)
  const weekday = weekdayNames.indexOf(folded)
  if (weekday >= 0) return { weekday }
  if (folded in relativeDays) return { daysAhead: relativeDays[folded] as number }
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const day = new Date(`${trimmed}T12:00:00Z`)
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(trimmed) ? { date: trimmed } : undefined
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) {
    const at = new Date(trimmed)
    return Number.isNaN(at.getTime()) ? undefined : { at }
  }
  return undefined
}

/**
 * The search's opening constraint, in Paris time whatever the machine's zone: a weekday or « demain » is the Paris
 * day (at Saturday 23:30 UTC it is already Sunday in Paris), a date is that calendar day.
 */
export function openingConstraint(when: OpenWhen | undefined, now: Date): { openAt?: Date; openOn?: Date } {
  if (!when) return {}
  if ('now' in when) return { openAt: now }
  if ('at' in when) return { openAt: when.at }
  // Noon UTC is the same calendar day in Paris, summer and winter.
  if ('date' in when) return { openOn: new Date(`${when.date}T12:00:00Z`) }
  const today = parisWallClock(now)
  const todayIndex = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay()
  const weekday = 'weekday' in when ? when.weekday : (todayIndex + when.daysAhead) % 7
  return { openOn: nextParisWeekday(now, weekday) }
}

/** A search around a place. */
export type NearQuery = {
  /** Where: given (resolved here), or already resolved (a conversation keeps its commune). */
  place: PlaceInput | Place
  filters?: LieuFilters
  /** Open now, at an instant or on a day; open now and on a day may both be asked (`ouvert_maintenant` + `ouvert_le`). */
  open?: OpenWhen | OpenWhen[]
  /** Words of a lieu's name, commune or network. */
  q?: string
  /** 50 km by default. */
  radiusKm?: number
  /** 10 by default. */
  limit?: number
  offset?: number
  /** Widen in the documented order when nothing matches, and say so (true by default on the first page). */
  relax?: boolean
  /** Count every match (for paging); costs a full scan. */
  withTotal?: boolean
  now: Date
}

/** The outcome every channel renders. */
export type NearOutcome =
  | {
      kind: 'results'
      place: Place
      results: SearchResult[]
      /** Every lieu that matches (when `withTotal`), else the number returned. */
      total: number
      /** The criteria dropped to find something, in the order they were dropped. */
      relaxed: Relaxation[]
      radiusKm: number
      limit: number
      offset: number
    }
  | { kind: 'place'; problem: PlaceProblem }

export const DEFAULT_RADIUS_KM = 50
export const DEFAULT_LIMIT = 10
/** An arrondissement's own lieux are looked for among this many nearest. */
const OWN_FIRST_AMONG = 100

/** The lieux near a place: resolve it, read the day in Paris, search, widen and explain, page. */
export function findLieuxNear(
  /** The communes are needed only to search around a commune or a postcode. */
  data: { index: LieuxIndex; territoires?: Territoires },
  query: NearQuery,
): NearOutcome {
  const placeInput = query.place
  let place: Place
  if ('via' in placeInput) place = placeInput
  else {
    if (!('point' in placeInput) && !data.territoires)
      throw new Error('findLieuxNear: a commune or a postcode needs the communes (territoires).')
    const resolved = resolvePlace(data.territoires as Territoires, placeInput)
    if ('problem' in resolved) return { kind: 'place', problem: resolved.problem }
    place = resolved.place
  }
  const limit = query.limit ?? DEFAULT_LIMIT
  const offset = query.offset ?? 0
  const opening: { openAt?: Date; openOn?: Date } = {}
  for (const when of [query.open ?? []].flat()) Object.assign(opening, openingConstraint(when, query.now))
  // An arrondissement's centre is only approximate, and a person who names hers expects its lieux: they come first
  // (by distance), then the others. Searched among the nearest, where they are.
  const own = place.commune?.type === 'arrondissement-municipal' ? new Set(place.commune.codesPostaux) : undefined
  const response = data.index.search({
    near: place.point,
    ...(query.filters ? { filters: query.filters } : {}),
    ...opening,
    ...(query.q ? { q: query.q } : {}),
    radiusKm: query.radiusKm ?? DEFAULT_RADIUS_KM,
    ...(own ? { limit: Math.max(offset + limit, OWN_FIRST_AMONG), offset: 0 } : { limit, offset }),
    relax: query.relax ?? offset === 0,
    ...(query.withTotal ? { withTotal: true } : {}),
    now: query.now,
  })
  const results = own
    ? [
        ...response.results.filter((r) => own.has(r.lieu.code_postal)),
        ...response.results.filter((r) => !own.has(r.lieu.code_postal)),
      ].slice(offset, offset + limit)
    : response.results
  return {
    kind: 'results',
    place,
    results,
    total: response.total ?? results.length,
    relaxed: response.relaxed,
    radiusKm: response.radiusKm,
    limit,
    offset,
  }
}

/** A dropped criterion in a few French words, the same in every channel that lists them (API `texte`, CLI). */
export function relaxationText(relaxation: Relaxation): string {
  switch (relaxation.constraint) {
    case 'ouvert_a':
      return 'ouvert à l’heure demandée'
    case 'ouvert_le':
      return 'ouvert le jour demandé'
    case 'q':
      return 'nom recherché'
    case 'rayon_km':
      return `rayon élargi de ${relaxation.from} à ${relaxation.to} km`
    case 'filtre':
      return `${relaxation.field} : ${relaxation.values.join(', ')}`
  }
}
