import { describe, expect, it } from 'vitest'
import { haversineKm } from '@aiguillage/recherche'
import { areaCoverage, type CommuneCoverage, epciByCommune, siteGain, suggestSites, weightedQuantile } from './index.js'

const commune = (code: string, population: number, longitude: number, distanceKm: number | null): CommuneCoverage => ({
  code,
  nom: `Commune ${code}`,
  population,
  latitude: 46,
  longitude,
  departement: '23',
  region: '75',
  distanceKm,
})

describe('weighted figures', () => {
  const communes = [commune('1', 100, 0, 2), commune('2', 300, 0.1, 12), commune('3', 600, 0.2, 25)]

  it('takes the distance where the cumulated population reaches the quantile', () => {
    expect(weightedQuantile(communes, 0.1)).toBe(2)
    expect(weightedQuantile(communes, 0.4)).toBe(12)
    expect(weightedQuantile(communes, 0.5)).toBe(25)
  })

  it('counts the population beyond 5, 10 and 20 km, and its share', () => {
    const area = areaCoverage('departement', '23', 'Creuse', communes)
    expect(area.population).toBe(1000)
    expect(area.beyond).toEqual([
      { km: 5, population: 900, share: 0.9 },
      { km: 10, population: 900, share: 0.9 },
      { km: 20, population: 600, share: 0.6 },
    ])
  })

  it('counts communes no lieu reaches as beyond every threshold, and the quantile among them as null', () => {
    const area = areaCoverage('departement', '23', 'Creuse', [commune('1', 100, 0, 1), commune('2', 300, 0, null)])
    expect(area.beyond[2]).toEqual({ km: 20, population: 300, share: 0.75 })
    expect(area.medianKm).toBeNull()
  })
})

describe('new sites', () => {
  const communes = [commune('1', 1000, 0, 30), commune('2', 10, 0.5, 30), commune('3', 500, 1, 30)]

  it('measures the gain of a new lieu at a commune', () => {
    const gain = siteGain(communes[0] as CommuneCoverage, communes)
    // The others are farther from it (38.6 and 77 km) than from their present lieu (30 km): no gain for them.
    expect(haversineKm(46, 0, 46, 0.5)).toBeGreaterThan(30)
    expect(gain.populationKm).toBe(30_000)
    expect(gain.broughtWithin[0]).toEqual({ km: 5, population: 1000 })
  })

  it('chooses greedily: the best site first, then the best given it', () => {
    const sites = suggestSites(communes, 2)
    expect(sites.map((s) => s.code)).toEqual(['1', '3'])
  })
})

it('reads the EPCI of each commune from epci.json', () => {
  const { byCommune, skipped } = epciByCommune([
    { code: '200000172', nom: 'CC Faucigny - Glières', membres: [{ code: '74042' }] },
    { nom: 'sans code' },
  ])
  expect(byCommune.get('74042')).toEqual({ code: '200000172', nom: 'CC Faucigny - Glières' })
  expect(skipped).toBe(1)
})
