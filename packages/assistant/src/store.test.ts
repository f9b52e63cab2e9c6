import { describe, expect, it } from 'vitest'
import type { ConversationState } from './engine.js'
import { MemoryConversationStore } from './store.js'

const state = (id: string, updatedAt: number): ConversationState => ({
  id,
  understanding: null,
  misunderstood: 0,
  shown: 0,
  updatedAt,
})

describe('MemoryConversationStore at its cap', () => {
  it('keeps at most its cap, dropping the least recently active first', async () => {
    const now = 1_000_000
    const store = new MemoryConversationStore({ now: () => new Date(now), maxConversations: 3 })
    for (const id of ['a', 'b', 'c']) await store.set(state(id, now))
    await store.set(state('a', now)) // « a » speaks again: « b » is now the oldest
    await store.set(state('d', now))
    expect(store.size).toBe(3)
    expect(await store.get('b')).toBeUndefined()
    for (const id of ['a', 'c', 'd']) expect(await store.get(id)).toBeDefined()
    // Updating a conversation already held never evicts another one.
    await store.set(state('c', now))
    expect(store.size).toBe(3)
    expect(await store.get('a')).toBeDefined()
  })

  it('drops expired conversations before live ones', async () => {
    let now = 0
    const store = new MemoryConversationStore({ now: () => new Date(now), ttlMs: 1000, maxConversations: 3 })
    await store.set(state('old', 0))
    now = 900
    await store.set(state('b', 900))
    await store.set(state('c', 900))
    now = 1500 // « old » has expired, « b » and « c » have not
    await store.set(state('d', 1500))
    expect(await store.get('old')).toBeUndefined()
    for (const id of ['b', 'c', 'd']) expect(await store.get(id)).toBeDefined()
  })

  it('keeps the same conversations as a plain least-recently-active list, over many random turns', async () => {
    // The store reads its oldest entry from an iterator kept between inserts; this compares it, step by step, with a
    // naive model (an array in order of last activity) under new conversations, replies, expiries, deletes and sweeps.
    let seed = 42
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return Math.floor((seed / 2 ** 31) * n) // the high bits: the low bits of this generator repeat quickly
    }
    let now = 0
    const ttlMs = 120
    const max = 8
    const store = new MemoryConversationStore({ now: () => new Date(now), ttlMs, maxConversations: max })
    let model: { id: string; updatedAt: number }[] = []
    const alive = (entry: { updatedAt: number }) => now - entry.updatedAt <= ttlMs
    for (let step = 0; step < 5_000; step++) {
      now += random(4)
      const id = `c${random(20)}`
      const action = random(10)
      if (action < 6) {
        await store.set(state(id, now))
        model = model.filter((entry) => entry.id !== id)
        // At the cap: the expired at the front go, then the oldest until there is room.
        if (model.length >= max) while (model[0] && (model.length >= max || !alive(model[0]))) model.shift()
        model.push({ id, updatedAt: now })
      } else if (action < 8) {
        const held = await store.get(id)
        const expected = model.find((entry) => entry.id === id)
        if (expected && !alive(expected)) model = model.filter((entry) => entry.id !== id)
        expect(held?.id, `step ${step}: get ${id}`).toBe(expected && alive(expected) ? id : undefined)
      } else if (action < 9) {
        await store.delete(id)
        model = model.filter((entry) => entry.id !== id)
      } else {
        store.sweep()
        while (model[0] && !alive(model[0])) model.shift()
      }
      expect(store.size, `step ${step}`).toBe(model.length)
      if (step % 7 === 0) {
        // Every conversation, not only the size (a get drops an expired one, in the store as in the model).
        for (let n = 0; n < 20; n++) {
          const expected = model.find((entry) => entry.id === `c${n}`)
          if (expected && !alive(expected)) model = model.filter((entry) => entry !== expected)
          expect((await store.get(`c${n}`))?.id, `step ${step}: c${n}`).toBe(
            expected && alive(expected) ? `c${n}` : undefined,
          )
        }
      }
    }
  })

  it('inserts into a full store at the cost of an insert into an empty one', async () => {
    // The same work measured twice in one run (a ratio, not a duration): 20 000 new conversations into an empty store,
    // then 20 000 more into the same store once full. A sweep of the whole store per insert made the second 100× slower.
    const max = 20_000
    const fill = async (store: MemoryConversationStore, from: number) => {
      const start = performance.now()
      for (let i = from; i < from + max; i++) await store.set(state(`c${i}`, 0))
      return performance.now() - start
    }
    const newStore = () => new MemoryConversationStore({ now: () => new Date(0), maxConversations: max })
    await fill(newStore(), 0) // warm-up: the JIT compiles the insert path before anything is measured
    // The best of three rounds on each side: the unit lane runs test files in parallel on two cores, and one pause of
    // another worker (or of the GC) inside a single round weighs on one side only.
    let intoEmpty = Infinity
    let intoFull = Infinity
    for (let round = 0; round < 3; round++) {
      const store = newStore()
      intoEmpty = Math.min(intoEmpty, await fill(store, 0))
      expect(store.size).toBe(max)
      intoFull = Math.min(intoFull, await fill(store, max))
      expect(store.size).toBe(max)
      expect(await store.get(`c${max - 1}`)).toBeUndefined()
    }
    expect(intoFull / intoEmpty).toBeLessThan(4)
  })
})
