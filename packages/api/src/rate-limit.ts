import type { Clock } from '@aiguillage/lieux'

/** A token bucket per client: `limit` requests per `windowSeconds`, refilled continuously. */
export type RateLimitConfig = { limit: number; windowSeconds: number }

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>()
  private readonly perMs: number

  constructor(
    private readonly config: RateLimitConfig,
    private readonly clock: Clock,
  ) {
    this.perMs = config.limit / (config.windowSeconds * 1000)
  }

  /** Takes one token for this client: 0 when allowed, else the seconds to wait before the next request. */
  take(client: string): number {
    const now = this.clock().getTime()
    let bucket = this.buckets.get(client)
    if (!bucket) {
      // Forget idle clients before the map grows without bound.
      if (this.buckets.size >= 50_000)
        for (const [key, b] of this.buckets)
          if (b.tokens + (now - b.updated) * this.perMs >= this.config.limit) this.buckets.delete(key)
      bucket = { tokens: this.config.limit, updated: now }
      this.buckets.set(client, bucket)
    }
    bucket.tokens = Math.min(this.config.limit, bucket.tokens + (now - bucket.updated) * this.perMs)
    bucket.updated = now
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000))
  }
}

/**
 * Requests being answered at once, per client: one client's dozens of parallel requests would otherwise queue ahead of
 * everybody else's on the one event loop. Past the limit, a 429 costs nothing.
 */
export class InFlightLimiter {
  private readonly counts = new Map<string, number>()

  constructor(private readonly limit: number) {}

  /** A release function when this client may start one more request, else undefined. */
  enter(client: string): (() => void) | undefined {
    const count = this.counts.get(client) ?? 0
    if (count >= this.limit) return undefined
    this.counts.set(client, count + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.counts.get(client) ?? 1) - 1
      if (left > 0) this.counts.set(client, left)
      else this.counts.delete(client)
    }
  }

  /** Clients with a request in progress (for tests). */
  get size(): number {
    return this.counts.size
  }
}
