import { describe, expect, it } from 'vitest'
import { dataAgeDays, staleAfterDays } from './freshness.js'

describe('dataAgeDays', () => {
  it('counts whole days since date_maj, negative in the future', () => {
    const now = new Date('2026-11-23T09:30:00Z')
    expect(dataAgeDays('2026-11-23', now)).toBe(0)
    expect(dataAgeDays('2025-11-22', now)).toBe(366)
    expect(dataAgeDays('2025-11-22', now) > staleAfterDays).toBe(true)
    expect(dataAgeDays('2026-11-25', now)).toBe(-2)
  })
})
