import type { Clock } from '@aiguillage/lieux'
/**
 * A token bucket: `burst` events at once, then one every `perMs`. Used per connection and per address; the
 * buckets of an address are forgotten once full again, so the map does not grow with every visitor.
 */
export class RateLimits {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly burst: number,
    private readonly perMs: number,
    private readonly clock: Clock,
  ) {}

  private now(): number {
    return this.clock().getTime()
  }

  /** True when the event is allowed (and counted). */
  take(key: string): boolean {
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now }
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / this.perMs)
    bucket.at = now
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket)
      return false
    }
    bucket.tokens -= 1
    this.buckets.set(key, bucket)
    return true
  }

  /** Forgets the buckets that have refilled (called by the heartbeat). */
  sweep(): void {
    const now = this.now()
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + (now - bucket.at) / this.perMs >= this.burst) this.buckets.delete(key)
  }

  get size(): number {
    return this.buckets.size
  }
}
