import type { Clock } from '@aiguillage/lieux'
/** What botbuilder's `Storage` reads and writes: items by key (the shape only, so the API needs no bot library). */
// botbuilder's own type is `Record<string, any>`; `unknown` is assignable to it and keeps our side checked.
export type StoreItems = Record<string, unknown>

/**
 * A botbuilder-compatible `Storage` for the bot channels' state (botkit's dialog state, teams-ai's turn state), which
 * both write after every turn. botbuilder's MemoryStorage keeps every entry forever (a leak on a public service); this
 * one forgets an entry `ttlMs` after its last write, like the conversations.
 */
export class ExpiringStorage {
  private readonly items = new Map<string, { at: number; json: string }>()

  /** `maxEntries`: past it, the least recently written entries are dropped first (memory stays bounded). */
  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock,
    private readonly maxEntries = 100_000,
  ) {}

  private now(): number {
    return this.clock().getTime()
  }

  async read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {}
    for (const key of keys) {
      const item = this.items.get(key)
      if (item && this.now() - item.at <= this.ttlMs) found[key] = JSON.parse(item.json) as unknown
    }
    return found
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, value] of Object.entries(changes)) {
      this.items.delete(key)
      // Full: the oldest goes (the front of the map), one at a time, so a write costs the same full or empty.
      while (this.items.size >= this.maxEntries) this.items.delete(this.items.keys().next().value as string)
      this.items.set(key, { at: this.now(), json: JSON.stringify(value) })
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key)
  }

  /** Entries are kept in order of last write: expired ones are at the front. */
  sweep(): void {
    const now = this.now()
    for (const [key, item] of this.items) {
      if (now - item.at <= this.ttlMs) break
      this.items.delete(key)
    }
  }

  get size(): number {
    return this.items.size
  }
}
