import { describe, expect, it } from 'vitest'
import { ExpiringStorage } from './expiring-storage.js'

describe('ExpiringStorage (the bot channels’ state)', () => {
  it('forgets an entry after the time to live, so a public chat does not keep every visitor forever', async () => {
    let t = 0
    const storage = new ExpiringStorage(1000, () => new Date(Date.UTC(2026, 10, 23) + t))
    await storage.write({ a: { dialogState: 1 }, b: { dialogState: 2 } })
    expect(await storage.read(['a', 'c'])).toEqual({ a: { dialogState: 1 } })
    t = 600
    await storage.write({ b: { dialogState: 3 } })
    t = 1500
    expect(await storage.read(['a', 'b'])).toEqual({ b: { dialogState: 3 } })
    storage.sweep()
    expect(storage.size).toBe(1)
    await storage.delete(['b'])
    expect(storage.size).toBe(0)
  })
  it('keeps at most its cap, dropping the least recently written first', async () => {
    const storage = new ExpiringStorage(60_000, () => new Date(Date.UTC(2026, 10, 23)), 2)
    await storage.write({ a: 1, b: 2 })
    await storage.write({ a: 3 }) // « a » written again: « b » is now the oldest
    await storage.write({ c: 4 })
    expect(storage.size).toBe(2)
    expect(await storage.read(['a', 'b', 'c'])).toEqual({ a: 3, c: 4 })
  })
})
