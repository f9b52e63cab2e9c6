import { AccessMode, type Lieu, type VocabularyField, vocabularies } from '@aiguillage/lieux'
import { haversineKm, type Point } from './distance.js'
import type { LieuFilters } from './lieux-index.js'

/*
 * The plain way, kept as the reference: look at every lieu, compute every distance, sort.
 * Tests check the index against it; benchmarks measure the index against it.
 */

/** Whether a lieu can be returned by a distance search: it has coordinates and receives the public. */
export function isSearchable(lieu: Lieu): lieu is Lieu & Point {
  const receives =
    (lieu.services?.length ?? 0) > 0 && !(lieu.modalites_acces?.includes(AccessMode.NoPublicReception) ?? false)
  return (
    receives &&
    lieu.latitude !== undefined &&
    lieu.longitude !== undefined &&
    !(lieu.latitude === 0 && lieu.longitude === 0)
  )
}

/** The filter semantics, written directly on the lieu's values (the index uses bit masks for the same rules). */
export function matchesFilters(lieu: Lieu, filters: LieuFilters = {}): boolean {
  for (const field of Object.keys(vocabularies) as VocabularyField[]) {
    const wanted = filters[field]
    if (!wanted || wanted.length === 0) continue
    const values = (lieu[field] as readonly string[] | undefined) ?? []
    if (field === 'publics_specifiquement_adresses' && values.length === 0) continue
    if (!values.some((v) => wanted.includes(v))) return false
  }
  for (const field of ['typologie', 'autres_formations_labels'] as const) {
    const wanted = filters[field]
    if (wanted && wanted.length > 0 && !(lieu[field] ?? []).some((v) => wanted.includes(v))) return false
  }
  for (const field of ['prise_rdv', 'fiche_acces_libre'] as const) {
    const wanted = filters[field]
    if (wanted !== undefined && (lieu[field] !== undefined) !== wanted) return false
  }
  return true
}

/**
 * The k nearest searchable lieux passing `accept`, by scanning them all: nearest first, ties in the order the lieux were
 * given (as the index orders them: « l10 » after « l9 », not after « l1 »).
 */
export function scanNearest(
  lieux: readonly Lieu[],
  near: Point,
  options: { limit: number; radiusKm?: number; accept?: (lieu: Lieu) => boolean },
): { lieu: Lieu; distanceKm: number }[] {
  const radius = options.radiusKm ?? Number.POSITIVE_INFINITY
  const found: { lieu: Lieu; distanceKm: number }[] = []
  for (const lieu of lieux) {
    if (!isSearchable(lieu) || (options.accept && !options.accept(lieu))) continue
    const distanceKm = haversineKm(near.latitude, near.longitude, lieu.latitude, lieu.longitude)
    if (distanceKm <= radius) found.push({ lieu, distanceKm })
  }
  // Array.prototype.sort is stable: equal distances keep the order of `lieux`.
  found.sort((a, b) => a.distanceKm - b.distanceKm)
  return found.slice(0, options.limit)
}
