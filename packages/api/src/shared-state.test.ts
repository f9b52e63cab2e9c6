import { describe, expect, it } from 'vitest'
import { memorySharedState, type SharedState, SharedStateUnavailable } from './shared-state.js'
import { demoApp, MONDAY_10H30 } from './test-support.js'

const now = () => MONDAY_10H30

/** The memory state with what Redis does when it is down: every call that needs it fails. */
function redisDown(): SharedState {
  const memory = memorySharedState(now)
  const down = async (): Promise<never> => {
    throw new SharedStateUnavailable(new Error('Connection is closed.'))
  }
  return {
    ...memory,
    kind: 'redis',
    conversations: { get: down, set: down, delete: down },
    limiter: () => ({ take: down }),
    ping: async () => false,
  }
}

const chat = (text: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ text }),
})

describe('readiness (/readyz)', () => {
  it('is ready once the data are loaded, and says where conversations are kept', async () => {
    const { get } = await demoApp({}, now, { shared: memorySharedState(now) })
    const ready = await get('/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body).toEqual({ pret: true, donnees: { demo: true, lieux: 23 }, stockage: 'memoire' })
  })
  it('is not ready while stopping, so that a load balancer sends traffic elsewhere', async () => {
    const { get } = await demoApp({}, now, { stopping: () => true })
    const ready = await get('/readyz')
    expect(ready.status).toBe(503)
    expect(ready.type).toContain('application/problem+json')
    expect(ready.body.detail).toMatch(/s’arrête/)
    expect(ready.headers.get('connection')).toBe('close')
  })
  it('is not ready while a channel still loads (the chat’s library, just after the start)', async () => {
    const { get } = await demoApp({}, now, { warmingUp: () => true })
    const ready = await get('/readyz')
    expect(ready.status).toBe(503)
    expect(ready.body.detail).toBe('L’instance finit de démarrer (la discussion se charge).')
  })
  it('is not ready when Redis does not answer', async () => {
    const { get } = await demoApp({}, now, { shared: redisDown() })
    const ready = await get('/readyz')
    expect(ready.status).toBe(503)
    expect(ready.body.detail).toBe('Le stockage partagé (Redis) ne répond pas.')
  })
})

describe('a Redis outage', () => {
  it('refuses a chat turn clearly (503 in French, Retry-After) rather than keep the conversation elsewhere', async () => {
    const { get } = await demoApp({}, now, { shared: redisDown() })
    const turn = await get('/v1/chat', chat('aide pour la CAF à Guéret'))
    expect(turn.status).toBe(503)
    expect(turn.headers.get('retry-after')).toBe('5')
    expect(turn.body).toMatchObject({
      type: 'urn:aiguillage:probleme:indisponible',
      status: 503,
      detail: expect.stringMatching(/^La conversation est momentanément indisponible\./),
    })
  })
  it('keeps the search of lieux working, with this process’s own rate limit standing in', async () => {
    const { get } = await demoApp({ rateLimit: { limit: 2, windowSeconds: 60 } }, now, { shared: redisDown() })
    expect((await get('/v1/lieux?commune=Guéret')).status).toBe(200)
    expect((await get('/v1/lieux?commune=Guéret')).status).toBe(200)
    expect((await get('/v1/lieux?commune=Guéret')).status).toBe(429)
  })
})

describe('memorySharedState', () => {
  it('gives a lock to one holder at a time, and tells subscribers', async () => {
    const state = memorySharedState(now)
    const release = await state.lock('sync', 1000)
    expect(release).not.toBeNull()
    expect(await state.lock('sync', 1000)).toBeNull()
    await release?.()
    expect(await state.lock('sync', 1000)).not.toBeNull()
    const heard: string[] = []
    await state.subscribe('donnees', (m) => heard.push(m))
    await state.publish('donnees', 'nouveau')
    expect(heard).toEqual(['nouveau'])
    expect(await state.secret('web')).toBe(await state.secret('web'))
  })
})
