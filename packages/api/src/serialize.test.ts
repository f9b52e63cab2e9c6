import { describe, expect, it } from 'vitest'
import { resultJson, resultJsonText } from './serialize.js'
import { demoDataset, MONDAY_10H30 } from './test-support.js'

describe('resultJsonText', () => {
  it('writes exactly what JSON.stringify(resultJson) writes, for every demo lieu, twice (cached pieces)', async () => {
    const dataset = await demoDataset()
    const { results } = dataset.index.search({
      near: { latitude: 46.17, longitude: 1.87 },
      radiusKm: 1000,
      limit: 100,
      now: MONDAY_10H30,
    })
    expect(results.length).toBe(23)
    for (let round = 0; round < 2; round++)
      for (const result of results)
        expect(JSON.parse(resultJsonText(result, MONDAY_10H30))).toEqual(
          JSON.parse(JSON.stringify(resultJson(result, MONDAY_10H30))),
        )
  })
})
