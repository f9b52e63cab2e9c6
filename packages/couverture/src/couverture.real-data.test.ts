// On the real lieux (France Services 2024 + Hinaura 2022) and the communes of France: the figures equal a brute-force
// computation (every lieu against every commune), and the greedy suggestions equal a naive greedy on a small département.
import { type Lieu } from '@aiguillage/lieux'
import { haversineKm, isSearchable, matchesFilters } from '@aiguillage/recherche'
import { beforeAll, describe, expect, it } from 'vitest'
import { franceServicesFile, hasSharedData, hinauraFile, readLieuxFiles, realCommunes } from '../bench/fixtures.js'
import { type CommuneCoverage, computeCoverage, populatedPlaces, suggestSites, THRESHOLDS_KM } from './index.js'

const now = new Date('2026-11-23T09:30:00Z')
const franceServices = { dispositif_programmes_nationaux: ['France Services'] }

describe.skipIf(!hasSharedData)('coverage on the real data', () => {
  let lieux: Lieu[]
  let data: ReturnType<typeof realCommunes>
  beforeAll(() => {
    lieux = readLieuxFiles([franceServicesFile, hinauraFile], now)
    data = realCommunes()
  })

  it('equals brute force for France Services, commune by commune and aggregate by aggregate', () => {
    const report = computeCoverage(lieux, data.communes, { filters: franceServices, epci: data.epci })
    const eligible = lieux.filter((l) => isSearchable(l) && matchesFilters(l, franceServices)) as (Lieu & {
      latitude: number
      longitude: number
    })[]
    const { located } = populatedPlaces(data.communes)
    expect(report.communes).toHaveLength(located.length)
    const byCode = new Map(report.communes.map((c) => [c.code, c]))
    // Every commune of a few départements, and a sample elsewhere: a full double loop is 35 000 × 2 800.
    const checked = located.filter((c, i) => ['23', '69', '2A', '974'].includes(c.departement) || i % 20 === 0)
    for (const commune of checked) {
      const brute = Math.min(
        ...eligible.map((l) => haversineKm(commune.latitude, commune.longitude, l.latitude, l.longitude)),
      )
      expect(byCode.get(commune.code)?.distanceKm, commune.code).toBeCloseTo(brute, 9)
    }
    // The aggregates, recomputed plainly from the distances.
    const creuse = report.communes.filter((c) => c.departement === '23')
    const area = report.departements.find((d) => d.code === '23')
    const population = creuse.reduce((s, c) => s + c.population, 0)
    expect(area?.population).toBe(population)
    for (const { km, population: far } of area?.beyond ?? [])
      expect(far).toBe(creuse.filter((c) => (c.distanceKm ?? Infinity) > km).reduce((s, c) => s + c.population, 0))
    const distances = creuse.map((c) => c.distanceKm as number).sort((a, b) => a - b)
    const median = distances.find(
      (d) =>
        creuse.filter((c) => (c.distanceKm as number) <= d).reduce((s, c) => s + c.population, 0) >= population / 2,
    ) as number
    expect(area?.medianKm).toBeCloseTo(median, 2)
    expect(area?.beyond.map((b) => b.km)).toEqual([...THRESHOLDS_KM])
    // Every region and the country add up.
    expect(report.regions.reduce((s, r) => s + r.population, 0)).toBe(report.total.population)
    expect(report.epcis.length).toBeGreaterThan(1000)
  })

  it('suggests, on a small département, what a naive greedy over every site finds', () => {
    const report = computeCoverage(lieux, data.communes, { filters: franceServices, scope: { departement: '90' } })
    const communes = report.communes
    const cost = (distances: readonly CommuneCoverage[]) =>
      distances.reduce((s, c) => s + c.population * (c.distanceKm as number), 0)
    const withSite = (distances: readonly CommuneCoverage[], site: CommuneCoverage) =>
      distances.map((c) => ({
        ...c,
        distanceKm: Math.min(
          c.distanceKm as number,
          haversineKm(site.latitude, site.longitude, c.latitude, c.longitude),
        ),
      }))
    let current = communes
    const naive: string[] = []
    for (let step = 0; step < 3; step++) {
      let best: CommuneCoverage | undefined
      let bestCost = cost(current)
      for (const site of communes) {
        const after = cost(withSite(current, site))
        if (after < bestCost - 1e-6) {
          best = site
          bestCost = after
        }
      }
      if (!best) break
      naive.push(best.code)
      current = withSite(current, best)
    }
    expect(suggestSites(communes, 3).map((s) => s.code)).toEqual(naive)
    // The first suggestion is the true best single site.
    expect(naive[0]).toBeDefined()
  })
})
