import { describe, expect, it } from 'vitest'
import { instantFromParisWallClock, intlParisWallClock, nextParisWeekday, parisWallClock } from './paris-time.js'

describe('parisWallClock', () => {
  it('agrees with the time-zone database from 2020 to 2035: every 15 minutes around each DST change, sampled elsewhere', () => {
    const instants: number[] = []
    // An odd step (2 h 17 min) visits every hour and minute of the day over the years.
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2036, 0, 1); t += 137 * 60_000) instants.push(t)
    for (let year = 2020; year <= 2035; year++)
      for (const month of [2, 9]) {
        // The last Sunday of March and October, when Paris changes its clocks at 01:00 UTC.
        let day = 31
        while (new Date(Date.UTC(year, month, day)).getUTCDay() !== 0) day--
        const change = Date.UTC(year, month, day, 1)
        for (let t = change - 36 * 3_600_000; t <= change + 36 * 3_600_000; t += 15 * 60_000) instants.push(t)
      }
    const disagreements = instants
      .map((t) => new Date(t))
      .filter((instant) => JSON.stringify(parisWallClock(instant)) !== JSON.stringify(intlParisWallClock(instant)))
      .map((instant) => instant.toISOString())
    expect(instants.length).toBeGreaterThan(70_000)
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

describe('nextParisWeekday', () => {
  it('counts days in Paris: at Saturday 23:30 UTC it is Sunday, so « dimanche » is today and « samedi » six days on', () => {
    const late = new Date('2026-11-28T23:30:00Z')
    expect(nextParisWeekday(late, 0).toISOString()).toBe('2026-11-29T11:00:00.000Z')
    expect(nextParisWeekday(late, 6).toISOString()).toBe('2026-12-05T11:00:00.000Z')
    expect(nextParisWeekday(late, 1).toISOString()).toBe('2026-11-30T11:00:00.000Z')
  })
  it('gives noon in Paris in summer time too', () => {
    expect(nextParisWeekday(new Date('2026-07-04T08:00:00Z'), 6).toISOString()).toBe('2026-07-04T10:00:00.000Z')
  })
})
