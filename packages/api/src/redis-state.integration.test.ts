import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisSharedState } from './redis-state.js'
import { type SharedState, SharedStateUnavailable } from './shared-state.js'
import { noRedisMessage, redisServerPath, startRedis, type TestRedis } from './test-support.js'

// A real redis-server on a free port. Two SharedStates stand for two instances of the server.
if (!redisServerPath) console.warn(noRedisMessage)

describe.skipIf(!redisServerPath)('the shared state in a real Redis', () => {
  let redis: TestRedis
  let a: SharedState
  let b: SharedState
  let time = Date.UTC(2026, 10, 23, 9, 30)
  const now = () => new Date(time)
  const logger = pino({ level: 'silent' })
  beforeAll(async () => {
    redis = await startRedis()
    a = await redisSharedState(redis.url, { now, logger })
    b = await redisSharedState(redis.url, { now, logger })
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await redis?.stop()
  })

  it('keeps a conversation that either instance reads and updates', async () => {
    const state = { id: 'conv-1', understanding: null, misunderstood: 0, shown: 0, updatedAt: time }
    await a.conversations.set(state)
    expect(await b.conversations.get('conv-1')).toEqual(state)
    await b.conversations.set({ ...state, shown: 5 })
    expect((await a.conversations.get('conv-1'))?.shown).toBe(5)
    await a.conversations.delete('conv-1')
    expect(await b.conversations.get('conv-1')).toBeUndefined()
  })

  it('forgets records and bot state after their lifetime (Redis’s own expiry)', async () => {
    const records = a.records('essai', 150)
    await records.set('t1', { id: 's1' })
    expect(await b.records('essai', 150).get('t1')).toEqual({ id: 's1' })
    await a.botStorage('web', 150).write({ k: { dialog: 1 } })
    expect(await b.botStorage('web', 150).read(['k', 'absent'])).toEqual({ k: { dialog: 1 } })
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await records.get('t1')).toBeUndefined()
    expect(await b.botStorage('web', 150).read(['k'])).toEqual({})
  })

  it('counts a client’s requests across instances (one token bucket)', async () => {
    const onA = a.limiter('api-test', 3, 60_000)
    const onB = b.limiter('api-test', 3, 60_000)
    expect([await onA.take('1.2.3.4'), await onB.take('1.2.3.4'), await onA.take('1.2.3.4')]).toEqual([0, 0, 0])
    const wait = await onB.take('1.2.3.4')
    expect(wait).toBeGreaterThanOrEqual(1)
    expect(wait).toBeLessThanOrEqual(20)
    expect(await onB.take('5.6.7.8')).toBe(0) // another client has its own bucket
    time += 20_000 // one token back (3 per minute)
    expect(await onA.take('1.2.3.4')).toBe(0)
    expect(await onB.take('1.2.3.4')).toBeGreaterThan(0)
  })

  it('gives the lock to one instance at a time, and it expires if its holder dies', async () => {
    const release = await a.lock('sync-test', 300)
    expect(release).not.toBeNull()
    expect(await b.lock('sync-test', 300)).toBeNull()
    await release?.()
    const second = await b.lock('sync-test', 200)
    expect(second).not.toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 300)) // b « died » without releasing
    const third = await a.lock('sync-test', 1000)
    expect(third).not.toBeNull()
    await second?.() // a late release by b does not free a's lock
    expect(await b.lock('sync-test', 1000)).toBeNull()
    await third?.()
  })

  it('tells every instance, the sender included, and agrees on one secret', async () => {
    const heard: string[] = []
    await a.subscribe('donnees-test', (m) => heard.push(`a:${m}`))
    await b.subscribe('donnees-test', (m) => heard.push(`b:${m}`))
    await b.publish('donnees-test', 'nouvel instantané')
    await expect.poll(() => heard.sort()).toEqual(['a:nouvel instantané', 'b:nouvel instantané'])
    const secret = await a.secret('web-chat')
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await b.secret('web-chat')).toBe(secret)
  })

  it('fails fast and clearly while Redis is down, and recovers when it is back', async () => {
    await redis.stop()
    const started = performance.now()
    await expect(a.conversations.get('x')).rejects.toBeInstanceOf(SharedStateUnavailable)
    await expect(a.limiter('api-test', 3, 60_000).take('9.9.9.9')).rejects.toBeInstanceOf(SharedStateUnavailable)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(await a.ping()).toBe(false)
    redis = await startRedis(redis.port)
    await expect.poll(() => a.ping(), { timeout: 10_000 }).toBe(true)
    expect(await a.conversations.get('x')).toBeUndefined()
  })
})
