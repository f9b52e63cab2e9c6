import { officialGeography } from './cog-data.js'
import { describe, expect, it } from 'vitest'
import { resolveCases as table } from '../fixtures/resolve-cases.js'
import { createTerritoires } from './territoires.js'

// Resolution of what people really type, checked against the official geography (no coordinates needed).
const territoires = createTerritoires({ geography: officialGeography() })

describe(`Territoires.resolve: ${table.length} real-world inputs`, () => {
  it('has at least 150 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(150)
  })
  it.each(table)('%j → %s (ambiguous: %s)', (input, code, ambiguous) => {
    const resolution = territoires.resolve(input)
    expect(resolution.candidates[0]?.commune.code ?? null).toBe(code)
    expect(resolution.ambiguous).toBe(ambiguous)
  })
})
