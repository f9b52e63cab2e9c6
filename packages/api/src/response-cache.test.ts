import { describe, expect, it } from 'vitest'
import { ResponseCache } from './response-cache.js'

const bytes = (text: string) => new TextEncoder().encode(text)
const text = (body: Uint8Array | undefined) => (body ? new TextDecoder().decode(body) : undefined)

describe('ResponseCache', () => {
  it('gives an answer back for the same minute and data version only', () => {
    const cache = new ResponseCache(10)
    cache.set('/a', 1, 1, bytes('body'), 'application/json')
    expect(text(cache.get('/a', 1, 1)?.body)).toBe('body')
    expect(cache.get('/a', 2, 1)).toBeUndefined()
    cache.set('/a', 2, 1, bytes('body'), 'application/json')
    expect(cache.get('/a', 2, 2)).toBeUndefined()
  })
  it('forgets the least recently used answers past its size, in entries and in characters', () => {
    const cache = new ResponseCache(2, 100)
    cache.set('/a', 1, 1, bytes('a'), 'x')
    cache.set('/b', 1, 1, bytes('b'), 'x')
    cache.get('/a', 1, 1)
    cache.set('/c', 1, 1, bytes('c'), 'x')
    expect([
      text(cache.get('/a', 1, 1)?.body),
      text(cache.get('/b', 1, 1)?.body),
      text(cache.get('/c', 1, 1)?.body),
    ]).toEqual(['a', undefined, 'c'])
    cache.set('/big', 1, 1, bytes('x'.repeat(100)), 'x')
    expect(cache.size).toBe(1)
  })
})
