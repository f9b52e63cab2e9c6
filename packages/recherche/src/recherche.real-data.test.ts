import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { type Lieu, readLieux, vocabularies } from '@aiguillage/lieux'
import { describe, expect, it } from 'vitest'
import { createLieuxIndex } from './lieux-index.js'
import { matchesFilters, scanNearest } from './scan.js'

/** Monday 23 November 2026, 10:30 in Paris: the data's age and the results' opening state are judged then. */
const MONDAY_10H30 = new Date('2026-11-23T09:30:00Z')

// The index against a brute-force haversine scan, on the real lieux of ../shared/data (France Services + Hinaura).
const sharedData = process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
const files = [
  'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
  'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
]

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

describe.skipIf(!existsSync(sharedData))('real data: nearest lieux', () => {
  it('for 500 random points and every service, the nearest 10 equal a brute-force scan (ties within 1 m)', () => {
    const lieux: Lieu[] = files.flatMap((file) => {
      const result = readLieux(readFileSync(path.join(sharedData, file)), { fileName: file, now: MONDAY_10H30 })
      return result.ok ? result.report.accepted.map((row) => row.lieu) : []
    })
    expect(lieux.length).toBe(2845 + 687)
    const index = createLieuxIndex(lieux)
    const next = random(20261122)
    let compared = 0
    for (let i = 0; i < 500; i++) {
      // Mostly metropolitan France, some overseas points.
      const near =
        i % 25 === 0
          ? { latitude: -21.1 + next() * 0.5, longitude: 55.2 + next() * 0.6 }
          : { latitude: 42.3 + next() * 8.8, longitude: -4.8 + next() * 13 }
      for (const service of vocabularies.services) {
        const filters = { services: [service] }
        const fromIndex = index.search({ near, filters, limit: 10, radiusKm: 20_000, now: MONDAY_10H30 }).results
        // A few more than 10 from the scan, so a tie at the 10th place can be recognised.
        const scanned = scanNearest(lieux, near, { limit: 30, accept: (lieu) => matchesFilters(lieu, filters) })
        const fromScan = scanned.slice(0, 10)
        expect(fromIndex.length).toBe(fromScan.length)
        fromIndex.forEach((result, k) => {
          const expected = fromScan[k] as (typeof fromScan)[number]
          expect(Math.abs(result.distanceKm - expected.distanceKm)).toBeLessThan(0.001)
          if (result.lieu.id !== expected.lieu.id) {
            // Only a tie may swap two lieux: the one found must be at the same distance in the scan.
            const tied = scanned.find((s) => s.lieu.id === result.lieu.id)
            expect(tied && Math.abs(tied.distanceKm - result.distanceKm) < 0.001).toBe(true)
          }
        })
        compared += fromIndex.length
      }
    }
    console.info(`${compared} résultats comparés (500 points × ${vocabularies.services.length} services)`)
    expect(compared).toBeGreaterThan(500 * 4 * 10 * 0.9)
  })
})
