import { randomBytes, randomUUID } from 'node:crypto'
import type { ConversationState, ConversationStore } from '@aiguillage/assistant'
import type { Clock } from '@aiguillage/lieux'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { StoreItems } from './expiring-storage.js'
import { type SharedState, SharedStateUnavailable } from './shared-state.js'

/** Every key of the project starts with this, so that one Redis can hold other things too. */
const PREFIX = 'aiguillage:'

/**
 * A token bucket in one atomic step: refill for the time elapsed, take a token if there is one. Returns 0 when
 * allowed, else the seconds to wait. Times are the instances' clock, passed in (kept in step by NTP).
 */
const TAKE_TOKEN = `
local limit = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local bucket = redis.call('HMGET', KEYS[1], 't', 'u')
local tokens = tonumber(bucket[1]) or limit
local updated = tonumber(bucket[2]) or now
tokens = math.min(limit, tokens + math.max(0, now - updated) * per_ms)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) / per_ms / 1000))
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return wait
`

/** Deletes the lock only if this holder still has it (it may have expired and been taken by another). */
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`

type ProjectRedis = Redis & {
  takeToken(key: string, limit: number, perMs: number, now: number, ttlMs: number): Promise<number>
  releaseLock(key: string, holder: string): Promise<number>
}

function connection(RedisClient: typeof Redis, url: string): ProjectRedis {
  const redis = new RedisClient(url, {
    lazyConnect: true,
    // Down means down: a command fails at once (and the request gets a clear 503) instead of waiting in a queue.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // Reconnects for ever, every 2 s at most: Redis coming back is noticed without a restart.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  }) as ProjectRedis
  redis.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE_TOKEN })
  redis.defineCommand('releaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK })
  return redis
}

/** Any Redis failure becomes a SharedStateUnavailable (what the callers turn into a 503 or a widget message). */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw new SharedStateUnavailable(error)
  }
}

/** Conversations as JSON strings with Redis's own expiry (30 minutes after the last message, as in memory). */
class RedisConversationStore implements ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
  ) {}

  async get(id: string): Promise<ConversationState | undefined> {
    const json = await guarded(() => this.redis.get(`${PREFIX}conversation:${id}`))
    return json === null ? undefined : (JSON.parse(json) as ConversationState)
  }

  async set(state: ConversationState): Promise<void> {
    await guarded(() => this.redis.set(`${PREFIX}conversation:${state.id}`, JSON.stringify(state), 'PX', this.ttlMs))
  }

  async delete(id: string): Promise<void> {
    await guarded(() => this.redis.del(`${PREFIX}conversation:${id}`))
  }
}

/**
 * The shared state in Redis (AIGUILLAGE_REDIS_URL). Two connections: one for commands, one subscribed to the
 * instances' messages (a connection in subscriber mode can do nothing else).
 */
export async function redisSharedState(
  url: string,
  options: { now: Clock; logger: Logger; conversationTtlMs?: number },
): Promise<SharedState> {
  // Loaded only when Redis is configured: a single instance never pays for the client (a tenth of a second at start).
  const { Redis: RedisClient } = await import('ioredis')
  const redis = connection(RedisClient, url)
  const subscriber = connection(RedisClient, url)
  let down = false
  redis.on('error', (error: Error) => {
    // Logged once per outage, not at every reconnection attempt.
    if (!down) options.logger.error({ err: { message: error.message } }, 'Redis injoignable : conversations suspendues')
    down = true
  })
  redis.on('ready', () => {
    if (down) options.logger.info('Redis de nouveau joignable')
    down = false
  })
  subscriber.on('error', () => {})
  // Started reachable or not: /readyz says which, and the client keeps trying.
  await Promise.all([redis.connect(), subscriber.connect()]).catch((error: unknown) =>
    options.logger.error({ err: { message: (error as Error).message } }, 'Redis injoignable au démarrage'),
  )
  const handlers = new Map<string, ((message: string) => void)[]>()
  subscriber.on('message', (channel: string, message: string) =>
    handlers.get(channel.slice(PREFIX.length))?.forEach((handler) => handler(message)),
  )

  return {
    kind: 'redis',
    conversations: new RedisConversationStore(redis, options.conversationTtlMs ?? 30 * 60_000),
    botStorage: (namespace, ttlMs) => {
      const key = (k: string) => `${PREFIX}${namespace}:${k}`
      return {
        read: async (keys: string[]) => {
          if (keys.length === 0) return {}
          const values = await guarded(() => redis.mget(keys.map(key)))
          const found: StoreItems = {}
          keys.forEach((k, i) => {
            const value = values[i]
            if (value !== null && value !== undefined) found[k] = JSON.parse(value) as unknown
          })
          return found
        },
        write: async (changes: StoreItems) => {
          const pipeline = redis.multi()
          for (const [k, value] of Object.entries(changes)) pipeline.set(key(k), JSON.stringify(value), 'PX', ttlMs)
          await guarded(() => pipeline.exec())
        },
        delete: async (keys: string[]) => {
          if (keys.length) await guarded(() => redis.del(...keys.map(key)))
        },
      }
    },
    records: (namespace, ttlMs) => ({
      get: async <T>(k: string) => {
        const json = await guarded(() => redis.get(`${PREFIX}${namespace}:${k}`))
        return json === null ? undefined : (JSON.parse(json) as T)
      },
      set: async (k, value) => {
        await guarded(() => redis.set(`${PREFIX}${namespace}:${k}`, JSON.stringify(value), 'PX', ttlMs))
      },
      delete: async (k) => {
        await guarded(() => redis.del(`${PREFIX}${namespace}:${k}`))
      },
    }),
    limiter: (namespace, limit, windowMs) => ({
      take: (k) =>
        guarded(() =>
          redis.takeToken(
            `${PREFIX}limite:${namespace}:${k}`,
            limit,
            limit / windowMs,
            options.now().getTime(),
            windowMs,
          ),
        ),
    }),
    secret: async (name) => {
      const key = `${PREFIX}secret:${name}`
      // The first instance chooses it; the others read the same.
      await guarded(() => redis.set(key, randomBytes(32).toString('base64url'), 'NX'))
      return (await guarded(() => redis.get(key))) as string
    },
    lock: async (name, ttlMs) => {
      const key = `${PREFIX}verrou:${name}`
      const holder = randomUUID()
      const taken = await guarded(() => redis.set(key, holder, 'PX', ttlMs, 'NX'))
      if (taken !== 'OK') return null
      return async () => void (await guarded(() => redis.releaseLock(key, holder)))
    },
    publish: async (channel, message) => {
      await guarded(() => redis.publish(`${PREFIX}${channel}`, message))
    },
    subscribe: async (channel, handler) => {
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler])
      await guarded(() => subscriber.subscribe(`${PREFIX}${channel}`))
    },
    ping: async () => {
      try {
        return (await redis.ping()) === 'PONG'
      } catch {
        return false
      }
    },
    close: async () => {
      await Promise.allSettled([redis.quit(), subscriber.quit()])
    },
  }
}
