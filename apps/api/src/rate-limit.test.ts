import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rate-limit.js'

describe('RateLimiter', () => {
  it('allows the limit, then asks to wait, then allows again as tokens come back', () => {
    const limiter = new RateLimiter({ limit: 3, windowSeconds: 60 })
    expect([limiter.take('a', 0), limiter.take('a', 0), limiter.take('a', 0)]).toEqual([0, 0, 0])
    expect(limiter.take('a', 0)).toBe(20) // one token every 20 s
    expect(limiter.take('a', 20_000)).toBe(0)
  })
  it('counts each client apart', () => {
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 10 })
    expect(limiter.take('a', 0)).toBe(0)
    expect(limiter.take('b', 0)).toBe(0)
    expect(limiter.take('a', 0)).toBeGreaterThan(0)
  })
})
