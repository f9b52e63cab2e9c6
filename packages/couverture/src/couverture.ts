import { isOpenOnDay, type Lieu } from '@aiguillage/lieux'
import { haversineKm, isSearchable, type LieuFilters, matchesFilters, type Point } from '@aiguillage/recherche'
import { around } from 'geokdbush'
import KDBush from 'kdbush'

/** A commune as the coverage needs it: `Territoires.communes` fits (with the EPCI added by {@link epciByCommune}). */
export type CouvertureCommuneInput = {
  code: string
  nom: string
  type: 'commune-actuelle' | 'arrondissement-municipal'
  population: number
  departement: string
  departementNom: string
  region: string
  regionNom: string
  /** For an arrondissement: its commune (75056, 69123, 13055). */
  commune?: string
  latitude?: number
  longitude?: number
}

export type Epci = { code: string; nom: string }

/** One commune and the distance from its centre to the nearest lieu that offers the help asked for. */
export type CommuneCoverage = {
  code: string
  nom: string
  population: number
  latitude: number
  longitude: number
  departement: string
  region: string
  epci?: string
  /** Straight-line (great-circle) distance in km; `null` when no lieu offers the help anywhere. */
  distanceKm: number | null
  /** The nearest lieu (id and name). */
  nearest?: { id: string; nom: string }
}

/** The thresholds of the shares: 5, 10 and 20 km. */
export const THRESHOLDS_KM = [5, 10, 20] as const

export type AreaKind = 'france' | 'region' | 'departement' | 'epci'

/** The coverage of an area (the country, a région, a département or an EPCI), weighted by population. */
export type AreaCoverage = {
  kind: AreaKind
  code: string
  nom: string
  communes: number
  population: number
  /** Population-weighted median distance (km): half the people live nearer. `null` if no one is reachable. */
  medianKm: number | null
  /** Population-weighted 90th percentile: 90 % of the people live nearer. */
  p90Km: number | null
  /** For 5, 10 and 20 km: the population living farther from help, and its share of the area's population (0 to 1). */
  beyond: { km: number; population: number; share: number }[]
}

export type CoverageOptions = {
  /** The standard's filters (services, frais_a_charge, dispositif_programmes_nationaux…), as in a search. */
  filters?: LieuFilters
  /** Only lieux that open at some time on this Paris day (« ouvert le samedi »: pass a Saturday). */
  openOn?: Date
  /** Leave itinerant-only lieux out (a bus is counted at the address it declares: see docs/couverture.md). */
  withoutItinerant?: boolean
  /** EPCI of each commune code (see {@link epciByCommune}); without it, no EPCI aggregate. */
  epci?: ReadonlyMap<string, Epci>
}

/** A search radius that no nearest lieu on Earth exceeds (half the circumference). */
const ANYWHERE_KM = 20_040

/**
 * The communes that carry population, each once: a city split into arrondissements (Paris, Lyon, Marseille) is counted
 * by its arrondissements, each at its own centre. Communes without coordinates are returned apart.
 */
export function populatedPlaces(communes: readonly CouvertureCommuneInput[]): {
  located: (CouvertureCommuneInput & { latitude: number; longitude: number })[]
  unlocated: CouvertureCommuneInput[]
} {
  const split = new Set(communes.filter((c) => c.type === 'arrondissement-municipal').map((c) => c.commune))
  const located: (CouvertureCommuneInput & { latitude: number; longitude: number })[] = []
  const unlocated: CouvertureCommuneInput[] = []
  for (const commune of communes) {
    if (commune.type === 'commune-actuelle' && split.has(commune.code)) continue
    if (commune.latitude === undefined || commune.longitude === undefined) unlocated.push(commune)
    else located.push(commune as CouvertureCommuneInput & { latitude: number; longitude: number })
  }
  return { located, unlocated }
}

/** Whether a lieu only moves (itinérant, with no fixed place). */
export function isItinerantOnly(lieu: Lieu): boolean {
  const modes: readonly string[] = lieu.itinerance ?? []
  return modes.length > 0 && !modes.includes('Fixe')
}

/**
 * The lieux that offer the help asked for: those a search can return (coordinates, public received) that pass the
 * filters with the search's own rules (`matchesFilters` of @aiguillage/recherche), open on the day if one is given.
 */
export function eligibleLieux(lieux: readonly Lieu[], options: Omit<CoverageOptions, 'epci'>): (Lieu & Point)[] {
  const openOn = options.openOn
  return lieux.filter(
    (lieu): lieu is Lieu & Point =>
      isSearchable(lieu) &&
      matchesFilters(lieu, options.filters) &&
      (!options.withoutItinerant || !isItinerantOnly(lieu)) &&
      (!openOn || isOpenOnDay(lieu.horaires, openOn)),
  )
}

/**
 * For every populated commune, the distance to the nearest eligible lieu: one nearest-neighbour query per commune on a
 * k-d tree of the eligible lieux (geokdbush, great-circle distance), not a scan of every lieu.
 */
export function communeDistances(
  lieux: readonly Lieu[],
  communes: readonly CouvertureCommuneInput[],
  options: CoverageOptions,
): { communes: CommuneCoverage[]; unlocated: CouvertureCommuneInput[]; lieux: number } {
  const { located, unlocated } = populatedPlaces(communes)
  const eligible = eligibleLieux(lieux, options)
  const tree = new KDBush(Math.max(1, eligible.length))
  for (const lieu of eligible) tree.add(lieu.longitude, lieu.latitude)
  if (eligible.length === 0) tree.add(0, 0) // kdbush needs a point; it is never returned (see below)
  tree.finish()
  const result: CommuneCoverage[] = []
  let previous: { latitude: number; longitude: number; distanceKm: number } | undefined
  for (const commune of located) {
    const found =
      eligible.length === 0
        ? undefined
        : (nearestInBox(tree, eligible, commune, previous) ??
          eligible[around(tree, commune.longitude, commune.latitude, 1)[0] as number])
    previous = found && {
      latitude: commune.latitude,
      longitude: commune.longitude,
      distanceKm: haversineKm(commune.latitude, commune.longitude, found.latitude, found.longitude),
    }
    const epci = options.epci?.get(commune.commune ?? commune.code) ?? options.epci?.get(commune.code)
    result.push({
      code: commune.code,
      nom: commune.nom,
      population: commune.population,
      latitude: commune.latitude,
      longitude: commune.longitude,
      departement: commune.departement,
      region: commune.region,
      ...(epci ? { epci: epci.code } : {}),
      distanceKm: previous ? previous.distanceKm : null,
      ...(found ? { nearest: { id: found.id, nom: found.nom } } : {}),
    })
  }
  return { communes: result, unlocated, lieux: eligible.length }
}

/**
 * The nearest lieu by a box query, when the previous commune (communes come by INSEE code, so neighbours follow each
 * other) bounds the answer: by the triangle inequality the nearest lieu is within d(previous) + d(previous, commune).
 * Much cheaper than a nearest-first walk; `undefined` when there is no bound or the box would be large or cross a
 * pole or the antimeridian (the caller then walks the tree).
 */
function nearestInBox(
  tree: KDBush,
  eligible: readonly (Lieu & Point)[],
  commune: Point,
  previous: { latitude: number; longitude: number; distanceKm: number } | undefined,
): (Lieu & Point) | undefined {
  if (!previous) return undefined
  const radius =
    previous.distanceKm + haversineKm(previous.latitude, previous.longitude, commune.latitude, commune.longitude) + 1e-6
  if (radius > 200) return undefined
  // 111 km per degree of latitude is a little less than the true 111.19: the box is slightly larger than the disc.
  const dLat = radius / 111
  const maxLat = Math.abs(commune.latitude) + dLat
  if (maxLat > 80) return undefined
  const dLon = radius / (111 * Math.cos((maxLat * Math.PI) / 180))
  if (commune.longitude - dLon < -180 || commune.longitude + dLon > 180) return undefined
  let best: (Lieu & Point) | undefined
  let bestKm = Number.POSITIVE_INFINITY
  for (const position of tree.range(
    commune.longitude - dLon,
    commune.latitude - dLat,
    commune.longitude + dLon,
    commune.latitude + dLat,
  )) {
    const lieu = eligible[position] as Lieu & Point
    const km = haversineKm(commune.latitude, commune.longitude, lieu.latitude, lieu.longitude)
    if (km < bestKm) {
      best = lieu
      bestKm = km
    }
  }
  return best
}

/**
 * The population-weighted quantile of distances: the smallest distance d such that at least `q` of the population
 * lives at d or nearer. Communes no lieu reaches count as infinitely far; `null` if the quantile falls among them.
 */
export function weightedQuantile(communes: readonly Pick<CommuneCoverage, 'population' | 'distanceKm'>[], q: number) {
  const sorted = [...communes].sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity))
  const total = sorted.reduce((sum, c) => sum + c.population, 0)
  if (total === 0) return null
  let cumulated = 0
  for (const commune of sorted) {
    cumulated += commune.population
    if (cumulated >= q * total) return commune.distanceKm
  }
  return null
}

/** The coverage figures of a set of communes. */
export function areaCoverage(
  kind: AreaKind,
  code: string,
  nom: string,
  communes: readonly CommuneCoverage[],
): AreaCoverage {
  const population = communes.reduce((sum, c) => sum + c.population, 0)
  return {
    kind,
    code,
    nom,
    communes: communes.length,
    population,
    medianKm: round(weightedQuantile(communes, 0.5)),
    p90Km: round(weightedQuantile(communes, 0.9)),
    beyond: THRESHOLDS_KM.map((km) => {
      const far = communes.reduce(
        (sum, c) => (c.distanceKm === null || c.distanceKm > km ? sum + c.population : sum),
        0,
      )
      return { km, population: far, share: population === 0 ? 0 : far / population }
    }),
  }
}

function round(km: number | null): number | null {
  return km === null ? null : Math.round(km * 100) / 100
}

/** Unmet need of a commune: its population times its distance to help (population·km). */
export function unmetNeed(commune: Pick<CommuneCoverage, 'population' | 'distanceKm'>): number {
  return commune.population * (commune.distanceKm ?? ANYWHERE_KM)
}

/** The communes with the largest unmet need, largest first (ties by INSEE code). */
export function largestNeeds(communes: readonly CommuneCoverage[], limit = 10): CommuneCoverage[] {
  return [...communes].sort((a, b) => unmetNeed(b) - unmetNeed(a) || a.code.localeCompare(b.code)).slice(0, limit)
}

/** Groups communes by a key, keeping names, sorted by code. */
export function groupBy(
  communes: readonly CommuneCoverage[],
  key: (c: CommuneCoverage) => string | undefined,
): Map<string, CommuneCoverage[]> {
  const groups = new Map<string, CommuneCoverage[]>()
  for (const commune of communes) {
    const k = key(commune)
    if (k === undefined) continue
    const group = groups.get(k)
    if (group) group.push(commune)
    else groups.set(k, [commune])
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)))
}

/** The gain of a new lieu at a commune's centre, for a set of communes. */
export type SiteGain = {
  code: string
  nom: string
  /** Reduction of Σ population × distance (population·km). */
  populationKm: number
  /** People brought within 5, 10 and 20 km. */
  broughtWithin: { km: number; population: number }[]
}

/** What a new lieu at `site` would change for `communes` (their distances as they are now). */
export function siteGain(site: CommuneCoverage, communes: readonly CommuneCoverage[]): SiteGain {
  let populationKm = 0
  const within = THRESHOLDS_KM.map(() => 0)
  for (const commune of communes) {
    const before = commune.distanceKm ?? ANYWHERE_KM
    const after = Math.min(before, haversineKm(site.latitude, site.longitude, commune.latitude, commune.longitude))
    populationKm += commune.population * (before - after)
    THRESHOLDS_KM.forEach((km, i) => {
      if (before > km && after <= km) within[i] = (within[i] as number) + commune.population
    })
  }
  return {
    code: site.code,
    nom: site.nom,
    populationKm: Math.round(populationKm),
    broughtWithin: THRESHOLDS_KM.map((km, i) => ({ km, population: within[i] as number })),
  }
}

/**
 * The k best new sites, chosen greedily among the communes' centres: each step takes the site that most reduces
 * Σ population × distance given the sites already chosen (ties: smallest INSEE code). O(k·n²) for n communes: meant for
 * a département or an EPCI, not the country.
 */
export function suggestSites(communes: readonly CommuneCoverage[], k: number): SiteGain[] {
  let current = communes.map((c) => ({ ...c }))
  const chosen: SiteGain[] = []
  const candidates = [...communes].sort((a, b) => a.code.localeCompare(b.code))
  for (let step = 0; step < k; step++) {
    let best: { site: CommuneCoverage; gain: number } | undefined
    for (const site of candidates) {
      let gain = 0
      for (const commune of current) {
        const before = commune.distanceKm ?? ANYWHERE_KM
        const d = haversineKm(site.latitude, site.longitude, commune.latitude, commune.longitude)
        if (d < before) gain += commune.population * (before - d)
      }
      if (!best || gain > best.gain) best = { site, gain }
    }
    if (!best || best.gain <= 0) break
    const site = best.site
    chosen.push(siteGain(site, current))
    current = current.map((c) => ({
      ...c,
      distanceKm: Math.min(
        c.distanceKm ?? ANYWHERE_KM,
        haversineKm(site.latitude, site.longitude, c.latitude, c.longitude),
      ),
    }))
  }
  return chosen
}

export type CoverageReport = {
  /** The area asked for (or the whole country). */
  total: AreaCoverage
  regions: AreaCoverage[]
  departements: AreaCoverage[]
  /** Empty when no EPCI table was given. */
  epcis: AreaCoverage[]
  /** How many lieux offer the help asked for (the ones distances are measured to). */
  lieux: number
  /** The communes with the largest unmet need. */
  needs: CommuneCoverage[]
  communes: CommuneCoverage[]
  /** Populated communes left out for want of coordinates (their population is not counted). */
  unlocated: { communes: number; population: number }
}

export type CoverageScope = { departement?: string; region?: string; epci?: string }

/**
 * The coverage of the territory: distances for every commune, then figures for the country (or the scope), each région,
 * département and EPCI, and the largest needs. Distances are computed for the scope's communes only.
 */
export function computeCoverage(
  lieux: readonly Lieu[],
  communes: readonly CouvertureCommuneInput[],
  options: CoverageOptions & { scope?: CoverageScope; needs?: number },
): CoverageReport {
  const scope = options.scope ?? {}
  const inScope = communes.filter(
    (c) =>
      (scope.departement === undefined || c.departement === scope.departement) &&
      (scope.region === undefined || c.region === scope.region) &&
      (scope.epci === undefined || options.epci?.get(c.commune ?? c.code)?.code === scope.epci),
  )
  const { communes: covered, unlocated, lieux: eligible } = communeDistances(lieux, inScope, options)
  const names = new Map<string, string>()
  for (const c of inScope) {
    names.set(`d${c.departement}`, c.departementNom)
    names.set(`r${c.region}`, c.regionNom)
  }
  for (const epci of options.epci?.values() ?? []) names.set(`e${epci.code}`, epci.nom)
  const aggregate = (kind: AreaKind, prefix: string, key: (c: CommuneCoverage) => string | undefined) =>
    [...groupBy(covered, key)].map(([code, group]) => areaCoverage(kind, code, names.get(prefix + code) ?? code, group))
  const scopeName =
    scope.epci !== undefined
      ? (names.get(`e${scope.epci}`) ?? scope.epci)
      : scope.departement !== undefined
        ? (names.get(`d${scope.departement}`) ?? scope.departement)
        : scope.region !== undefined
          ? (names.get(`r${scope.region}`) ?? scope.region)
          : 'France'
  const scopeKind: AreaKind = scope.epci
    ? 'epci'
    : scope.departement
      ? 'departement'
      : scope.region
        ? 'region'
        : 'france'
  const scopeCode = scope.epci ?? scope.departement ?? scope.region ?? 'FR'
  return {
    total: areaCoverage(scopeKind, scopeCode, scopeName, covered),
    regions: aggregate('region', 'r', (c) => c.region),
    departements: aggregate('departement', 'd', (c) => c.departement),
    epcis: aggregate('epci', 'e', (c) => c.epci),
    lieux: eligible,
    needs: largestNeeds(covered, options.needs ?? 10),
    communes: covered,
    unlocated: { communes: unlocated.length, population: unlocated.reduce((s, c) => s + c.population, 0) },
  }
}

/**
 * The EPCI of each commune from `data/epci.json` of @etalab/decoupage-administratif (`[{ code, nom, membres: [{ code }] }]`).
 * Rows that do not have that shape are skipped and counted.
 */
export function epciByCommune(data: readonly unknown[]): { byCommune: Map<string, Epci>; skipped: number } {
  const byCommune = new Map<string, Epci>()
  let skipped = 0
  for (const row of data) {
    const epci = row as { code?: unknown; nom?: unknown; membres?: unknown }
    if (typeof epci.code !== 'string' || typeof epci.nom !== 'string' || !Array.isArray(epci.membres)) {
      skipped++
      continue
    }
    for (const member of epci.membres as { code?: unknown }[])
      if (typeof member.code === 'string') byCommune.set(member.code, { code: epci.code, nom: epci.nom })
  }
  return { byCommune, skipped }
}
