import { listLieuFields } from './fields.js'
import type { Lieu } from './lieu-schema.js'
import { PLACEHOLDER_PIVOT, pivotKind } from './pivot.js'
import { foldText } from './text.js'

/*
 * The national dataset aggregates many sources: the same place comes twice (a France Services and the same desk
 * published by a regional hub, or the same hub twice). Duplicates are merged after reading, across files, by three
 * rules, most certain first. This lives in @aiguillage/lieux rather than @aiguillage/recherche because it is a rule
 * on the standard's records (pivot, adresse, telephone), needed by whoever loads them — the dataset of the API, the
 * CLI's validate report — and not a way of searching: the index then only ever sees merged lieux.
 */

/** Why two records are one lieu. */
export type MergeRule =
  /** The same SIRET (`pivot`) at the same address. */
  | 'siret_address'
  /** The same address (normalised) and the same phone. */
  | 'address_phone'
  /** Closer than 30 m, with similar names. */
  | 'nearby_similar_name'

/** One merge: the lieu kept (most recent data), the ids merged into it, and by which rules they were found. */
export type LieuMerge = { keptId: string; mergedIds: string[]; rules: MergeRule[] }

export type MergeResult = {
  /** The lieux, one per place, in the order of their first record. */
  lieux: Lieu[]
  merges: LieuMerge[]
  /** Every merged id → the id kept: a fiche is found by any of its ids. */
  aliases: Map<string, string>
}

const NEARBY_KM = 0.03
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  r: 'rue',
  av: 'avenue',
  ave: 'avenue',
  bd: 'boulevard',
  bld: 'boulevard',
  boul: 'boulevard',
  pl: 'place',
  ch: 'chemin',
  che: 'chemin',
  rte: 'route',
  imp: 'impasse',
  all: 'allee',
  sq: 'square',
  fg: 'faubourg',
  st: 'saint',
  ste: 'sainte',
}
// Articles, and the words that half the names share (« France services », « Espace », « Maison ») and so say nothing.
const NAME_STOP_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'a',
  'au',
  'aux',
  'en',
  'sur',
  'france',
  'services',
  'service',
  'espace',
  'maison',
  'efs',
  'msap',
  'pays',
  'communaute',
  'communes',
  'commune',
  'agglomeration',
  'mairie',
  'ville',
])
const MOBILE_WORDS = /\b(bus|itinerant|itinerante|mobile|mobiles|camion)\b/

/** A bus or an itinerant service: its address is where it is parked, not where it receives. Never merged with a fixed lieu. */
function isMobile(lieu: Lieu): boolean {
  return (lieu.itinerance?.includes('Itinérant') ?? false) || MOBILE_WORDS.test(foldText(lieu.nom))
}

/** The house number the address starts with (« 8 bis », « 27bis »), or undefined. */
function houseNumber(adresse: string): string | undefined {
  return /^\s*(\d+)\s*(bis|ter|quater|[a-d](?![a-z]))?/i
    .exec(adresse)
    ?.slice(1, 3)
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
}

/** "1, R. Alexandre-Pinard" and "1 rue Alexandre Pinard" give the same key (with the postcode). */
export function addressKey(lieu: Pick<Lieu, 'adresse' | 'code_postal'>): string {
  const words = foldText(lieu.adresse)
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
  return `${lieu.code_postal}|${words.join(' ')}`
}

function nameWords(name: string, ignored: ReadonlySet<string>): Set<string> {
  return new Set(
    foldText(name)
      .split(' ')
      .filter((word) => word.length > 0 && !NAME_STOP_WORDS.has(word) && !ignored.has(word)),
  )
}

/**
 * Similar names: most of the shorter name's telling words are in the other (« Relais Sancy - Espace France Services
 * Mont-Dore » ~ « France services Mont Dore relais Sancy »). The town's words tell nothing here (two lieux 20 m apart
 * are in the same town), nor do « France services », « Espace », « Maison »: a name left with no telling word is
 * similar to none (« France services Gaillard » is not « Point Information Jeunesse de Gaillard »).
 */
export function similarNames(a: string, b: string, town = ''): boolean {
  const ignored = new Set(foldText(town).split(' '))
  const [x, y] = [nameWords(a, ignored), nameWords(b, ignored)]
  const [shorter, longer] = x.size <= y.size ? [x, y] : [y, x]
  if (shorter.size === 0) return false
  let common = 0
  for (const word of shorter) if (longer.has(word)) common++
  return common / shorter.size >= 0.6 && common >= Math.min(2, shorter.size)
}

function distanceKm(a: Lieu, b: Lieu): number {
  const toRad = Math.PI / 180
  const x =
    ((b.longitude as number) - (a.longitude as number)) *
    toRad *
    Math.cos(((a.latitude as number) * toRad + (b.latitude as number) * toRad) / 2)
  const y = ((b.latitude as number) - (a.latitude as number)) * toRad
  return Math.sqrt(x * x + y * y) * 6371
}

const hasCoordinates = (lieu: Lieu) =>
  lieu.latitude !== undefined && lieu.longitude !== undefined && !(lieu.latitude === 0 && lieu.longitude === 0)

const filledFields = (lieu: Lieu) => Object.keys(lieu).length

/**
 * Merges the records that describe the same place: the same SIRET and address, or the same normalised address and
 * phone, or closer than 30 m with similar names (and no different house numbers). A bus or an itinerant service is
 * never merged with a fixed lieu: its address is only where it is parked. The record with the most recent `date_maj` is kept (then the most
 * complete, then the first), with the union of the lists (services, access modes…) and the fields it lacks taken
 * from the others, most recent first. Pure and deterministic: the same input gives the same output.
 * @example mergeDuplicates([a, aAgainWithAnotherName]).aliases.get(aAgainWithAnotherName.id) // a.id
 */
export function mergeDuplicates(lieux: readonly Lieu[]): MergeResult {
  const parent = lieux.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number
      i = parent[i] as number
    }
    return i
  }
  const rulesOf = new Map<number, Set<MergeRule>>()
  const mobile = lieux.map(isMobile)
  const union = (a: number, b: number, rule: MergeRule) => {
    if (mobile[a] !== mobile[b]) return
    const [ra, rb] = [find(a), find(b)]
    const root = Math.min(ra, rb)
    if (ra !== rb) {
      parent[Math.max(ra, rb)] = root
      const rules = new Set([...(rulesOf.get(ra) ?? []), ...(rulesOf.get(rb) ?? []), rule])
      rulesOf.delete(ra)
      rulesOf.delete(rb)
      rulesOf.set(root, rules)
    } else rulesOf.get(root)?.add(rule)
  }
  const byKey = (key: (lieu: Lieu) => string | undefined, rule: MergeRule) => {
    const first = new Map<string, number>()
    lieux.forEach((lieu, i) => {
      const k = key(lieu)
      if (k === undefined) return
      const earlier = first.get(k)
      if (earlier === undefined) first.set(k, i)
      else union(earlier, i, rule)
    })
  }
  byKey(
    (lieu) =>
      lieu.pivot !== PLACEHOLDER_PIVOT && pivotKind(lieu.pivot) === 'siret'
        ? `${lieu.pivot}|${addressKey(lieu)}`
        : undefined,
    'siret_address',
  )
  byKey((lieu) => (lieu.telephone ? `${lieu.telephone}|${addressKey(lieu)}` : undefined), 'address_phone')

  // Closer than 30 m: a grid of about 55 m cells, each lieu compared with the lieux of its cell and the next ones.
  const cells = new Map<string, number[]>()
  const CELL = 0.0005
  lieux.forEach((lieu, i) => {
    if (!hasCoordinates(lieu)) return
    const key = `${Math.floor((lieu.latitude as number) / CELL)}|${Math.floor((lieu.longitude as number) / CELL)}`
    const cell = cells.get(key)
    if (cell) cell.push(i)
    else cells.set(key, [i])
  })
  lieux.forEach((lieu, i) => {
    // A bus is parked where other buses are: only its address and phone can tell it is listed twice.
    if (!hasCoordinates(lieu) || mobile[i]) return
    const row = Math.floor((lieu.latitude as number) / CELL)
    const column = Math.floor((lieu.longitude as number) / CELL)
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++)
        for (const j of cells.get(`${row + dr}|${column + dc}`) ?? []) {
          if (j <= i) continue
          const other = lieux[j] as Lieu
          // Two different house numbers are two doors, even where a geocoder put both at the town's centre.
          const [n1, n2] = [houseNumber(lieu.adresse), houseNumber(other.adresse)]
          if (n1 !== undefined && n2 !== undefined && n1 !== n2) continue
          if (
            distanceKm(lieu, other) < NEARBY_KM &&
            similarNames(lieu.nom, other.nom, `${lieu.commune} ${other.commune}`)
          )
            union(i, j, 'nearby_similar_name')
        }
  })

  const groups = new Map<number, number[]>()
  lieux.forEach((_, i) => {
    const root = find(i)
    const group = groups.get(root)
    if (group) group.push(i)
    else groups.set(root, [i])
  })
  const out: Lieu[] = []
  const merges: LieuMerge[] = []
  const aliases = new Map<string, string>()
  for (const [root, members] of groups) {
    if (members.length === 1) {
      out.push(lieux[members[0] as number] as Lieu)
      continue
    }
    const records = members.map((i) => lieux[i] as Lieu)
    // Most recent first, then the most complete, then the first read.
    const ordered = [...records].sort(
      (a, b) => b.date_maj.localeCompare(a.date_maj) || filledFields(b) - filledFields(a),
    )
    const kept = mergeRecords(ordered)
    out.push(kept)
    const mergedIds = ordered.slice(1).map((lieu) => lieu.id)
    for (const id of mergedIds) if (id !== kept.id) aliases.set(id, kept.id)
    merges.push({ keptId: kept.id, mergedIds, rules: [...(rulesOf.get(root) ?? [])].sort() })
  }
  return { lieux: out, merges, aliases }
}

/** The first record, completed by the others (most recent first) and with the union of their lists. */
function mergeRecords(ordered: readonly Lieu[]): Lieu {
  const [first, ...others] = ordered as [Lieu, ...Lieu[]]
  const merged: Record<string, unknown> = { ...first }
  for (const other of others)
    for (const [field, value] of Object.entries(other)) if (merged[field] === undefined) merged[field] = value
  // The lists are put together (services, access modes…).
  for (const field of listLieuFields) {
    const values: string[] = []
    for (const lieu of ordered) for (const value of lieu[field] ?? []) if (!values.includes(value)) values.push(value)
    if (values.length > 0) merged[field] = values
  }
  return merged as Lieu
}
