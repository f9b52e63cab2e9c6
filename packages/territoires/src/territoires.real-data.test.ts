import { officialGeography } from './cog-data.js'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCommuneCoordinates } from './coordinates.js'
import { createTerritoires } from './territoires.js'

const sharedData = process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
const communesCsv = path.join(sharedData, 'communes-france/communes-france.csv')

describe.skipIf(!existsSync(sharedData))('real data: the commune coordinate table', () => {
  it('joins every commune of communes-france.csv to the official geography', () => {
    const table = parseCommuneCoordinates(readFileSync(communesCsv, 'utf8'))
    expect(table.problems).toEqual([])
    expect(table.byCode.size).toBe(35_014 - 101)
    const territoires = createTerritoires({ geography: officialGeography(), coordinates: table })
    expect(territoires.withoutCoordinates).toBe(101)
    expect([...table.byCode.keys()].every((code) => territoires.byCode(code) !== undefined)).toBe(true)
    expect(territoires.byCode('75118')?.coordinatesApproximate).toBe(true)
    // Sanity: the centroid of Brest is in Brest.
    expect(territoires.resolve('Brest').candidates[0]?.commune).toMatchObject({
      latitude: expect.closeTo(48.4, 1),
      longitude: expect.closeTo(-4.5, 1),
    })
  })
})
