import { describe, expect, it } from 'vitest'
import { instantFromParisWallClock, intlParisWallClock, parisWallClock } from './paris-time.js'

describe('parisWallClock', () => {
  it('agrees with the time-zone database every 30 minutes from 2020 to 2035, DST changes included', () => {
    const disagreements: string[] = []
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2036, 0, 1); t += 30 * 60_000) {
      const instant = new Date(t)
      if (JSON.stringify(parisWallClock(instant)) !== JSON.stringify(intlParisWallClock(instant)))
        disagreements.push(instant.toISOString())
    }
    expect(disagreements).toEqual([])
  })
  it('maps a wall clock back to its instant, and a time inside the spring gap to just after it', () => {
    expect(
      instantFromParisWallClock({ year: 2026, month: 7, day: 14, hour: 10, minute: 0, second: 0 }).toISOString(),
    ).toBe('2026-07-14T08:00:00.000Z')
    expect(
      instantFromParisWallClock({ year: 2026, month: 12, day: 25, hour: 10, minute: 0, second: 0 }).toISOString(),
    ).toBe('2026-12-25T09:00:00.000Z')
    expect(
      instantFromParisWallClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z')
  })
})
