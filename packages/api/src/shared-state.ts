import { randomBytes } from 'node:crypto'
import { type ConversationStore, MemoryConversationStore } from '@aiguillage/assistant/store'
import type { Clock } from '@aiguillage/lieux'
import { ExpiringStorage, type StoreItems } from './expiring-storage.js'
import { RateLimiter } from './rate-limit.js'

/**
 * What instances of the server must share to serve the same people: conversations, the bot channels' state, web-chat
 * sessions (resume tokens), rate-limit counters and the secret that signs tokens. In memory (one process) by default;
 * in Redis when AIGUILLAGE_REDIS_URL is set (see redis-state.ts), so that a conversation started on one instance
 * continues on another, and survives a deploy or a crash.
 */
export type SharedState = {
  kind: 'memory' | 'redis'
  /** The conversations of the assistant (every channel). */
  conversations: ConversationStore
  /** A botbuilder-compatible storage for a bot channel's state (botkit, teams-ai), entries forgotten after `ttlMs`. */
  botStorage(namespace: string, ttlMs: number): BotStorage
  /** Small records with a lifetime (web-chat sessions by resume token). */
  records(namespace: string, ttlMs: number): RecordStore
  /**
   * A token bucket per key, shared by the instances: `limit` events per `windowMs`. Resolves to 0 when allowed (and
   * counted), else the seconds to wait.
   */
  limiter(namespace: string, limit: number, windowMs: number): SharedLimiter
  /** A random secret shared by every instance (the first one to ask chooses it), for signing tokens. */
  secret(name: string): Promise<string>
  /**
   * A lock held by one process at a time, across instances (a scheduled sync): a release function, or null when
   * another holds it. It expires after `ttlMs` if its holder dies.
   */
  lock(name: string, ttlMs: number): Promise<(() => Promise<void>) | null>
  /** Tells every instance (this one included) something happened, e.g. « a new snapshot is published ». */
  publish(channel: string, message: string): Promise<void>
  subscribe(channel: string, handler: (message: string) => void): Promise<void>
  /** Reachable: true in memory; Redis answers a PING. */
  ping(): Promise<boolean>
  close(): Promise<void>
}

/** botbuilder's `Storage`, by shape. */
export type BotStorage = {
  read(keys: string[]): Promise<StoreItems>
  write(changes: StoreItems): Promise<void>
  delete(keys: string[]): Promise<void>
}

export type RecordStore = {
  get<T>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  delete(key: string): Promise<void>
}

export type SharedLimiter = { take(key: string): Promise<number> }

/**
 * The shared store cannot be reached (Redis down): what needs it is refused clearly (a 503 problem+json, a message
 * in the widget) rather than served from a local copy that would split or mix conversations.
 */
export class SharedStateUnavailable extends Error {
  constructor(cause: unknown) {
    super('Le stockage partagé (Redis) ne répond pas.', { cause })
    this.name = 'SharedStateUnavailable'
  }
}

/** Everything in this process's memory: one instance, or tests. */
export function memorySharedState(now: Clock, options: { maxConversations?: number } = {}): SharedState {
  const secrets = new Map<string, string>()
  const locks = new Set<string>()
  const handlers = new Map<string, ((message: string) => void)[]>()
  return {
    kind: 'memory',
    conversations: new MemoryConversationStore({
      now,
      ...(options.maxConversations ? { maxConversations: options.maxConversations } : {}),
    }),
    botStorage: (_namespace, ttlMs) => new ExpiringStorage(ttlMs, now),
    records: (_namespace, ttlMs) => {
      const storage = new ExpiringStorage(ttlMs, now)
      return {
        get: async <T>(key: string) => (await storage.read([key]))[key] as T | undefined,
        set: (key, value) => storage.write({ [key]: value }),
        delete: (key) => storage.delete([key]),
      }
    },
    limiter: (_namespace, limit, windowMs) => {
      const local = new RateLimiter({ limit, windowSeconds: windowMs / 1000 }, now)
      return { take: async (key) => local.take(key) }
    },
    secret: async (name) => {
      let secret = secrets.get(name)
      if (!secret) secrets.set(name, (secret = randomBytes(32).toString('base64url')))
      return secret
    },
    lock: async (name) => {
      if (locks.has(name)) return null
      locks.add(name)
      return async () => void locks.delete(name)
    },
    publish: async (channel, message) => handlers.get(channel)?.forEach((handler) => handler(message)),
    subscribe: async (channel, handler) => void handlers.set(channel, [...(handlers.get(channel) ?? []), handler]),
    ping: async () => true,
    close: async () => {},
  }
}
