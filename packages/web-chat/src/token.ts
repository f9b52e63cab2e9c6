import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'

/**
 * Resume tokens: `<session id>.<expiry in s>.<HMAC-SHA256>`. The session id is a random UUID issued by the server,
 * and the signature proves the server issued it, so a client can neither invent nor alter one. A token only resumes a
 * session that still exists; it is renewed at every (re)connection.
 */
export class TokenSigner {
  private readonly key: Buffer

  /** `secret`: shared by the instances that serve the same conversations; a random one per process otherwise. */
  constructor(secret?: string) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32)
  }

  newSessionId(): string {
    return randomUUID()
  }

  sign(sessionId: string, expiresAtMs: number): string {
    const payload = `${sessionId}.${Math.floor(expiresAtMs / 1000)}`
    return `${payload}.${this.mac(payload)}`
  }

  /** The session id of a genuine, unexpired token; undefined for anything else. */
  verify(token: unknown, nowMs: number): string | undefined {
    if (typeof token !== 'string' || token.length > 200) return undefined
    const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token)
    if (!match) return undefined
    const [, sessionId, expiry, mac] = match as unknown as [string, string, string, string]
    const expected = Buffer.from(this.mac(`${sessionId}.${expiry}`))
    const given = Buffer.from(mac)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    if (Number(expiry) * 1000 < nowMs) return undefined
    return sessionId
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url')
  }
}
