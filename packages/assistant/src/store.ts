import type { Clock } from '@aiguillage/lieux'
import type { ConversationState } from './engine.js'

/**
 * Where conversations are kept between turns. Only the understanding is kept (never the texts typed), and secrets are
 * masked before anything reaches it. In memory by default; a shared store (Redis…) implements the same interface when
 * several instances serve the same conversations.
 */
export interface ConversationStore {
  get(id: string): Promise<ConversationState | undefined>
  set(state: ConversationState): Promise<void>
  delete(id: string): Promise<void>
}

interface StoredState {
  updatedAt: number
  json: string
}

/** Conversations in memory, forgotten after `ttlMs` without a message (30 minutes by default). */
export class MemoryConversationStore implements ConversationStore {
  // Kept as JSON text: callers get their own copy (one parse), and a string is compact and cannot be shared by mistake.
  private readonly states = new Map<string, StoredState>()
  private readonly ttlMs: number
  private readonly clock: Clock
  private readonly max: number

  /** `now` is the engine's clock: a conversation's age is measured on the same time as its `updatedAt`. */
  constructor(options: { now: Clock; ttlMs?: number; maxConversations?: number }) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000
    this.clock = options.now
    this.max = options.maxConversations ?? 100_000
  }

  private now(): number {
    return this.clock().getTime()
  }

  async get(id: string): Promise<ConversationState | undefined> {
    const state = this.states.get(id)
    if (!state) return undefined
    if (this.now() - state.updatedAt > this.ttlMs) {
      this.states.delete(id)
      return undefined
    }
    return JSON.parse(state.json) as ConversationState
  }

  async set(state: ConversationState): Promise<void> {
    this.states.delete(state.id) // keep insertion order = last activity: the oldest is always first
    if (this.states.size >= this.max) this.evict()
    this.states.set(state.id, { updatedAt: state.updatedAt, json: JSON.stringify(state) })
  }

  async delete(id: string): Promise<void> {
    this.states.delete(id)
  }

  /**
   * At the cap: drops the expired conversations at the front, then the oldest until there is room. Each entry is
   * dropped at most once, so an insert into a full store costs what an insert into an empty one does (a full sweep
   * per insert once full made new conversations 100 times slower).
   */
  private evict(): void {
    const now = this.now()
    for (let oldest = this.oldest(); oldest; oldest = this.oldest()) {
      if (this.states.size < this.max && now - oldest[1].updatedAt <= this.ttlMs) break
      this.dropOldest()
    }
  }

  /** Drops expired conversations (oldest first, stopping at the first one still alive). */
  sweep(): void {
    const now = this.now()
    for (let oldest = this.oldest(); oldest; oldest = this.oldest()) {
      if (now - oldest[1].updatedAt <= this.ttlMs) break
      this.dropOldest()
    }
  }

  // One iterator lives from one eviction to the next. A new `for…of` per insert would start at the front of the Map,
  // where V8 keeps deleted entries as holes until it rehashes: every insert at the cap walked thousands of them.
  private cursor: MapIterator<[string, StoredState]> | undefined
  private front: [string, StoredState] | undefined

  /** The oldest conversation, read once from the live iterator and kept until it is dropped or has moved. */
  private oldest(): [string, StoredState] | undefined {
    // Still the front only if the same entry is still there: a new message moved it to the end (delete + set).
    if (this.front && this.states.get(this.front[0]) === this.front[1]) return this.front
    this.cursor ??= this.states.entries()
    const next = this.cursor.next()
    // A finished iterator never sees later entries: the next call starts a new one. An entry the iterator reaches is
    // live (deleted ones are skipped) and the oldest left.
    if (next.done) this.cursor = undefined
    this.front = next.done ? undefined : next.value
    return this.front
  }

  private dropOldest(): void {
    if (this.front) this.states.delete(this.front[0])
    this.front = undefined
  }

  get size(): number {
    return this.states.size
  }
}
