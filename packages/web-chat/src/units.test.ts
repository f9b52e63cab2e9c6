import { describe, expect, it } from 'vitest'
import { RateLimits } from './limits.js'
import { parseClientFrame } from './protocol.js'
import { TokenSigner } from './token.js'

describe('TokenSigner', () => {
  const now = Date.parse('2026-11-23T10:00:00Z')
  it('gives back the session of a token it signed, until it expires', () => {
    const signer = new TokenSigner('secret de test')
    const id = signer.newSessionId()
    const token = signer.sign(id, now + 60_000)
    expect(signer.verify(token, now)).toBe(id)
    expect(signer.verify(token, now + 61_000)).toBeUndefined()
  })
  it('refuses a token signed with another secret, altered, or not a token at all', () => {
    const signer = new TokenSigner('secret de test')
    const token = signer.sign(signer.newSessionId(), now + 60_000)
    expect(new TokenSigner('autre secret').verify(token, now)).toBeUndefined()
    expect(new TokenSigner().verify(token, now)).toBeUndefined()
    const [id, expiry, mac] = token.split('.') as [string, string, string]
    expect(signer.verify(`${id}.${Number(expiry) + 1}.${mac}`, now)).toBeUndefined()
    expect(signer.verify(`${id.replace(/^./, id[0] === 'a' ? 'b' : 'a')}.${expiry}.${mac}`, now)).toBeUndefined()
    for (const junk of [undefined, 42, '', id, 'x'.repeat(5000), `${token}.`])
      expect(signer.verify(junk, now)).toBeUndefined()
  })
  it('issues session ids that do not repeat', () => {
    const signer = new TokenSigner()
    expect(new Set(Array.from({ length: 1000 }, () => signer.newSessionId())).size).toBe(1000)
  })
})

describe('parseClientFrame', () => {
  it('reads hello and message frames, and trims the text', () => {
    expect(parseClientFrame('{"type":"hello"}')).toEqual({ ok: true, frame: { type: 'hello' } })
    expect(parseClientFrame('{"type":"hello","token":"t","waiting":["m1"]}')).toEqual({
      ok: true,
      frame: { type: 'hello', token: 't', waiting: ['m1'] },
    })
    expect(
      parseClientFrame(
        JSON.stringify({
          type: 'message',
          id: 'm1',
          text: '  Aurillac ',
          position: { latitude: 44.9, longitude: 2.4 },
          user: 'ignoré',
        }),
      ),
    ).toEqual({
      ok: true,
      frame: { type: 'message', id: 'm1', text: 'Aurillac', position: { latitude: 44.9, longitude: 2.4 } },
    })
  })
  it('names the field at fault, in French', () => {
    expect(parseClientFrame('{"type":"message","text":"ok","position":{"latitude":91,"longitude":0}}')).toMatchObject({
      ok: false,
      field: 'position',
      message: expect.stringContaining('latitude'),
    })
    expect(parseClientFrame('{"type":"hello","waiting":"m1"}')).toMatchObject({ ok: false, field: 'waiting' })
    expect(parseClientFrame(`{"type":"message","id":"${'i'.repeat(65)}","text":"ok"}`)).toMatchObject({
      ok: false,
      field: 'id',
    })
    expect(parseClientFrame('null')).toMatchObject({ ok: false, code: 'malformed' })
  })
})

describe('RateLimits', () => {
  it('allows a burst, then one event per period, and forgets full buckets', () => {
    let t = 0
    const limits = new RateLimits(3, 1000, () => new Date(Date.UTC(2026, 10, 23) + t))
    expect([1, 2, 3, 4].map(() => limits.take('a'))).toEqual([true, true, true, false])
    expect(limits.take('b')).toBe(true)
    t = 1000
    expect([limits.take('a'), limits.take('a')]).toEqual([true, false])
    t = 10_000
    limits.sweep()
    expect(limits.size).toBe(0)
  })
})
