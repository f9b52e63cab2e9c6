import { parseTrustProxy } from './client-address.js'
import type { ApiConfig } from './app.js'
import type { RateLimitConfig } from './rate-limit.js'

/** Reads the API settings from the environment; a bad value is an error that names the variable. */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv): Partial<ApiConfig> {
  const config: Partial<ApiConfig> = {}
  if (env.AIGUILLAGE_CORS_ORIGINS)
    config.corsOrigins = env.AIGUILLAGE_CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean)
  if (env.AIGUILLAGE_RATE_LIMIT) config.rateLimit = parseRateLimit(env.AIGUILLAGE_RATE_LIMIT)
  if (env.AIGUILLAGE_TRUST_PROXY) config.trustProxy = parseTrustProxy(env.AIGUILLAGE_TRUST_PROXY)
  if (env.AIGUILLAGE_CONCURRENCE) config.concurrencyPerClient = parseConcurrency(env.AIGUILLAGE_CONCURRENCE)
  if (env.AIGUILLAGE_PUBLIC_URL) config.publicUrl = parsePublicUrl(env.AIGUILLAGE_PUBLIC_URL)
  return config
}

/** "300/60" (300 requests per 60 s) or "off". */
export function parseRateLimit(text: string): RateLimitConfig | null {
  if (text.trim().toLowerCase() === 'off') return null
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    throw new Error(
      `AIGUILLAGE_RATE_LIMIT : attendu « requêtes/secondes » (ex. 300/60) ou « off », trouvé « ${text} ».`,
    )
  return { limit: Number(match[1]), windowSeconds: Number(match[2]) }
}

/** `AIGUILLAGE_CONCURRENCE`: requests of one client answered at once (8 by default), or « off ». */
export function parseConcurrency(text: string): number | null {
  if (text.trim().toLowerCase() === 'off') return null
  if (/^\s*\d{1,4}\s*$/.test(text) && Number(text) >= 1) return Number(text)
  throw new Error(`AIGUILLAGE_CONCURRENCE : attendu un nombre de requêtes (ex. 8) ou « off », trouvé « ${text} ».`)
}

/**
 * `AIGUILLAGE_SYNC_INTERVALLE`: how often `serve` syncs the national data (« 24h », « 90min », « 30s »), or « off ».
 * Every instance may ask; one runs it (a lock), all reload.
 */
export function parseSyncInterval(text: string): number | null {
  if (text.trim().toLowerCase() === 'off') return null
  const match = /^\s*(\d{1,6})\s*(s|min|h)\s*$/.exec(text)
  const ms = match ? Number(match[1]) * { s: 1_000, min: 60_000, h: 3_600_000 }[match[2] as 's' | 'min' | 'h'] : 0
  if (ms >= 1_000) return ms
  throw new Error(
    `AIGUILLAGE_SYNC_INTERVALLE : attendu une durée (ex. 24h, 90min, 30s) ou « off », trouvé « ${text} ».`,
  )
}

/** `AIGUILLAGE_REDIS_URL`: redis://[:motdepasse@]hôte:port[/base] (or rediss:// with TLS). */
export function parseRedisUrl(text: string): string {
  try {
    const url = new URL(text.trim())
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return url.toString()
  } catch {
    // said below
  }
  throw new Error('AIGUILLAGE_REDIS_URL : attendu une adresse redis://hôte:port (ou rediss:// avec TLS).')
}

/** `AIGUILLAGE_PUBLIC_URL`: the server's public address, http(s), for the links sent and printed (no trailing slash). */
export function parsePublicUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '')
  let url: URL | undefined
  try {
    url = new URL(trimmed)
  } catch {
    url = undefined
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash)
    throw new Error(
      `AIGUILLAGE_PUBLIC_URL : attendu l’adresse publique du serveur (ex. https://aiguillage.exemple.fr), trouvé « ${text} ».`,
    )
  return trimmed
}
