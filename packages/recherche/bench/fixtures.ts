// Shared by the benchmarks: the real lieux of ../shared/data, replicated and jittered to a national scale.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type Lieu, readLieux } from '@aiguillage/lieux'
import { type Geography, geographyFromDecoupage } from '@aiguillage/territoires'

export const sharedData =
  process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
export const hasSharedData = existsSync(sharedData)

export function realLieux(): Lieu[] {
  return [
    'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
    'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
  ].flatMap((file) => {
    const result = readLieux(readFileSync(path.join(sharedData, file)), { fileName: file, now: new Date() })
    return result.ok ? result.report.accepted.map((row) => row.lieu) : []
  })
}

/** A seeded generator, so every run measures the same work. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** `count` lieux copied from the real ones, each moved by up to ~5 km, with unique ids. */
export function replicate(lieux: readonly Lieu[], count: number, seed = 1): Lieu[] {
  const next = random(seed)
  return Array.from({ length: count }, (_, i) => {
    const lieu = lieux[i % lieux.length] as Lieu
    const copy = i < lieux.length
    return {
      ...lieu,
      id: copy ? lieu.id : `${lieu.id}~${i}`,
      ...(lieu.latitude === undefined || copy ? {} : { latitude: lieu.latitude + (next() - 0.5) * 0.09 }),
      ...(lieu.longitude === undefined || copy ? {} : { longitude: lieu.longitude + (next() - 0.5) * 0.13 }),
    }
  })
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

/** Random query points over metropolitan France. */
export function queryPoints(count: number, seed = 7) {
  const next = random(seed)
  return Array.from({ length: count }, () => ({ latitude: 43 + next() * 7.5, longitude: -1.5 + next() * 8.5 }))
}

/** The official geography, read as the apps read it (JSON.parse of the decoupage-administratif files). */
export function officialGeography(): Geography {
  const require = createRequire(import.meta.url)
  const read = (name: string) =>
    JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8'))
  return geographyFromDecoupage({
    communes: read('communes'),
    departements: read('departements'),
    regions: read('regions'),
  })
}
