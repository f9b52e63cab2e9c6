/**
 * Recent answers, kept for the minute they are true in: answers depend on the query, the loaded data and the minute
 * (opening states count in minutes). Helpline and widget traffic asks the same communes again and again; a repeated
 * question is then answered without searching again. Least recently used entries go first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { minute: number; version: number; body: Uint8Array; type: string }>()
  private characters = 0

  /** At most `capacity` answers, and at most `maxCharacters` bytes of answers in all (kept encoded, ready to send). */
  constructor(
    private readonly capacity: number,
    private readonly maxCharacters = 10_000_000,
  ) {}

  get(key: string, minute: number, version: number): { body: Uint8Array; type: string } | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (entry.minute !== minute || entry.version !== version) {
      this.characters -= entry.body.byteLength
      return undefined
    }
    this.entries.set(key, entry) // most recently used last
    return entry
  }

  set(key: string, minute: number, version: number, body: Uint8Array, type: string): void {
    const previous = this.entries.get(key)
    if (previous) {
      this.entries.delete(key)
      this.characters -= previous.body.byteLength
    }
    while (
      this.entries.size > 0 &&
      (this.entries.size >= this.capacity || this.characters + body.byteLength > this.maxCharacters)
    ) {
      const [oldest, entry] = this.entries.entries().next().value as [string, { body: Uint8Array }]
      this.entries.delete(oldest)
      this.characters -= entry.body.byteLength
    }
    this.entries.set(key, { minute, version, body, type })
    this.characters += body.byteLength
  }

  get size(): number {
    return this.entries.size
  }
}
