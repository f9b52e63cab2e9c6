import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rate-limit.js'

/** A clock the test moves by hand. */
function steppingClock() {
  let ms = Date.UTC(2026, 10, 23, 9, 0)
  return { now: () => new Date(ms), advance: (by: number) => (ms += by) }
}

describe('RateLimiter', () => {
  it('allows the limit, then asks to wait, then allows again as tokens come back', () => {
    const clock = steppingClock()
    const limiter = new RateLimiter({ limit: 3, windowSeconds: 60 }, clock.now)
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0])
    expect(limiter.take('a')).toBe(20) // one token every 20 s
    clock.advance(5_000) // a quarter of a token back: about 15 s to wait
    const wait = limiter.take('a')
    expect(wait).toBeGreaterThanOrEqual(15)
    expect(wait).toBeLessThanOrEqual(16)
    clock.advance(15_000)
    expect(limiter.take('a')).toBe(0)
  })
  it('counts each client apart', () => {
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 10 }, steppingClock().now)
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('b')).toBe(0)
    expect(limiter.take('a')).toBeGreaterThan(0)
  })
})
