import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import type { Assistant, TurnResult } from '@aiguillage/assistant'
import type * as assistantCode from '@aiguillage/assistant'
import { type ConversationStore, MemoryConversationStore } from '@aiguillage/assistant/store'
import { type Clock, gsm7Length, type Lieu, lieuShare, toCsvChunks } from '@aiguillage/lieux'
import {
  findLieuxNear,
  matchesFilters,
  type OpenWhen,
  type Place,
  type PlaceInput,
  type PlaceProblem,
  resolvePlace,
} from '@aiguillage/recherche'
import { getConnInfo } from '@hono/node-server/conninfo'
import { OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import type { Logger } from 'pino'
import {
  chatRoute,
  communesRoute,
  couverturePageRoute,
  couvertureRoute,
  docsRoute,
  documentRoute,
  exportRoute,
  fichePageRoute,
  healthRoute,
  readyRoute,
  type PretSchema,
  lieuRoute,
  lieuxRoute,
  openApiDocumentConfig,
  partageRoute,
  type ReponseChatSchema,
  type ReponseCommunesSchema,
  type EtatSchema,
  type PartageSchema,
  withSharedResponses,
} from './contract.js'
import { clientAddress } from './client-address.js'
import { bodyTooLarge, front } from './front.js'
import {
  couverture,
  couvertureCsv,
  couvertureJson,
  couverturePage,
  CouvertureProblem,
  type CouvertureQuery,
  couvertureRequest,
  type CouvertureResult,
  couvertureStylesheet,
} from './couverture.js'
import { loadEpci } from './geography.js'
import type { Dataset, DatasetStore } from './dataset.js'
import { docsPage, docsStylesheet } from './docs-page.js'
import { fichePage, ficheStylesheet, missingFichePage } from './fiche-page.js'
import { problem, ProblemType, type Problem, type ProblemIssue, sendProblem } from './problem.js'
import { type ExportQuery, filtersOf, type LieuxQuery, MAX_EXPORT_PAGE } from './query.js'
import { InFlightLimiter, RateLimiter, type RateLimitConfig } from './rate-limit.js'
import { ResponseCache } from './response-cache.js'
import { type SharedState, SharedStateUnavailable } from './shared-state.js'
import { communeJson, donneesJson, lieuDetailJson, nearResponseText } from './serialize.js'

export type ApiConfig = {
  /** Origins allowed to call the API from a browser (CORS). The server's own pages need none. */
  corsOrigins: readonly string[]
  /** Requests per client and window; null turns the limit off (benchmarks). */
  rateLimit: RateLimitConfig | null
  /**
   * How many reverse proxies stand in front of the server: the client's address is read that many entries from the
   * right of X-Forwarded-For (0: the socket's address; never the leftmost entry, which the client writes).
   */
  trustProxy: number
  /** Requests of one client answered at once on /v1/* (null: no limit, for benchmarks); the others get 429. */
  concurrencyPerClient: number | null
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number
  /** How many recent answers of /v1/lieux and /v1/communes to keep for the minute (0: none). */
  responseCacheEntries: number
  /**
   * The server's public address (`https://aiguillage.exemple.fr`), for the links sent by SMS or e-mail and printed as
   * QR codes; by default the address the request was made to.
   */
  publicUrl?: string
}

/** The longest request address (path and query) answered: ample for every filter of the standard, and a bound on cost. */
export const MAX_URL_LENGTH = 4096

export const defaultApiConfig: ApiConfig = {
  corsOrigins: [],
  rateLimit: { limit: 300, windowSeconds: 60 },
  trustProxy: 0,
  concurrencyPerClient: 8,
  maxBodyBytes: 16 * 1024,
  responseCacheEntries: 5000,
}

export type ApiDeps = {
  store: DatasetStore
  logger: Logger
  /** The process's one clock (tests pass a fixed instant). */
  now: Clock
  /** Where chat conversations are kept (in memory by default, 30 minutes). */
  conversations?: ConversationStore
  /** The assistant behind /v1/chat, shared with the other channels (built from the store by default). */
  engine?: () => ChatEngine
  /** Routes of other channels (the widget's pages), registered before the home page's default. */
  mount?: (app: OpenAPIHono) => void
  config?: Partial<ApiConfig>
  /** What the instances share (conversations, limits…): in this process's memory when absent. */
  shared?: SharedState
  /** True once the server is stopping: /readyz answers 503 so that the load balancer sends no new traffic. */
  stopping?: () => boolean
  /** True while a channel still loads after the server started listening (/readyz: 503). */
  warmingUp?: () => boolean
}

/** What the channels ask of the assistant: a reply to a turn. */
export type ChatEngine = Pick<Assistant, 'reply'>

/**
 * The assistant over the current dataset: one engine per loaded dataset, while the conversations outlive a data
 * reload. Every channel (/v1/chat, the web chat, Teams) calls the same getter, so they give the same answers.
 * The assistant's code (its lexicons, its speller) is loaded on the first turn or by `load()`, which a server calls
 * once it listens: a tenth of a second that the lieux and communes do not wait for.
 */
export function chatEngine(
  store: DatasetStore,
  options: { now: Clock; conversations?: ConversationStore; mode?: 'citizen' | 'operator' },
): (() => ChatEngine) & { load: () => Promise<void> } {
  const now = options.now
  const conversations = options.conversations ?? new MemoryConversationStore({ now })
  let assistant: { version: number; engine: Assistant } | undefined
  let code: Promise<typeof assistantCode> | undefined
  const load = () => (code ??= import('@aiguillage/assistant'))
  const engine: ChatEngine = {
    reply: async (input) => {
      const { createAssistant } = await load()
      if (assistant?.version !== store.version) {
        const { territoires, index } = store.current
        assistant = {
          version: store.version,
          engine: createAssistant({
            territoires,
            index,
            store: conversations,
            now,
            newId: randomUUID,
            mode: options.mode ?? 'citizen',
          }),
        }
      }
      return assistant.engine.reply(input)
    },
  }
  return Object.assign(() => engine, { load: () => load().then(() => undefined) })
}

const knownPaths: readonly [RegExp, string][] = [
  [/^\/v1\/lieux$/, 'GET'],
  [/^\/v1\/lieux\.csv$/, 'GET'],
  [/^\/v1\/lieux\/[^/]+$/, 'GET'],
  [/^\/v1\/lieux\/[^/]+\/partage$/, 'GET'],
  [/^\/lieux\/[^/]+$/, 'GET'],
  [/^\/fiche\.css$/, 'GET'],
  [/^\/v1\/communes$/, 'GET'],
  [/^\/v1\/chat$/, 'POST'],
  [/^\/healthz$/, 'GET'],
  [/^\/readyz$/, 'GET'],
  [/^\/openapi\.json$/, 'GET'],
  [/^\/docs$/, 'GET'],
  [/^\/docs\.css$/, 'GET'],
  [/^\/v1\/couverture$/, 'GET'],
  [/^\/couverture$/, 'GET'],
  [/^\/couverture\.css$/, 'GET'],
]

type Located = { place: Place } | { problem: Problem } | undefined

/** The problem+json of a place that cannot be searched around (the use case's verdict, in the API's words). */
function placeProblem(placeProblem: PlaceProblem, demo: boolean): Problem {
  const path = [placeProblem.field]
  switch (placeProblem.kind) {
    case 'unknown':
      return placeProblem.field === 'code_postal'
        ? problem(400, ProblemType.UnknownCommune, `Aucune commune n’a le code postal ${placeProblem.text}.`, {
            issues: [{ path, code: 'unknown', message: 'Code postal inconnu.' }],
          })
        : problem(
            400,
            ProblemType.UnknownCommune,
            `Commune introuvable : « ${placeProblem.text.slice(0, 80)} ». Essayez son code postal.`,
            { issues: [{ path, code: 'unknown', message: 'Commune introuvable.' }] },
          )
    case 'ambiguous':
      return problem(
        400,
        ProblemType.AmbiguousCommune,
        `Plusieurs communes correspondent à « ${placeProblem.text.slice(0, 80)} » : ${placeProblem.candidates
          .map((c) => `${c.commune.nom} (${c.commune.departementNom})`)
          .join(', ')}. Choisissez-en une : relancez avec son code INSEE dans commune.`,
        {
          issues: [{ path, code: 'ambiguous', message: 'Commune ambiguë.' }],
          candidats: placeProblem.candidates.map((c) => ({ ...communeJson(c.commune), confiance: c.confidence })),
        },
      )
    case 'no_coordinates':
      return problem(
        400,
        ProblemType.UnknownCommune,
        `Pas de coordonnées pour ${placeProblem.commune.nom} dans les données chargées${demo ? ' (données de démonstration : seules quelques communes y sont)' : ''}.`,
        { issues: [{ path, code: 'no_coordinates', message: 'Commune sans coordonnées.' }] },
      )
  }
}

/** A data origin as /healthz shows it: an address as is, a file by its name only. */
export function publicOrigin(origin: string): string {
  return /^https?:\/\//.test(origin) ? origin : (origin.split(/[\\/]/).at(-1) ?? origin)
}

/**
 * A request header, read from node's request when there is one (a plain object): `c.req.header()` builds an undici
 * Headers of all the request's headers first. Under app.request() (tests), from the web request.
 */
function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (!incoming) return c.req.header(name)
  const value = incoming.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** The answers being streamed, by request: the place they hold in the client's in-flight count is released at the end. */
const streaming = new WeakMap<Request, { release?: () => void; ended?: boolean }>()

/**
 * A body written chunk by chunk, yielding to the event loop before each chunk: a long answer never holds up the other
 * requests. Its request keeps its place in the client's in-flight count until the last chunk or a cancel.
 */
function streamedBody(request: Request, chunks: Iterator<string>): ReadableStream<Uint8Array> {
  const held: { release?: () => void; ended?: boolean } = {}
  streaming.set(request, held)
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setImmediate(resolve))
      const next = chunks.next()
      if (next.done) {
        controller.close()
        held.ended = true
        held.release?.()
      } else controller.enqueue(encoder.encode(next.value))
    },
    cancel() {
      held.ended = true
      held.release?.()
    },
  })
}

/**
 * The API's rate limiter: shared by the instances when the state is (Redis), else in this process. Should Redis stop
 * answering, this process's own counters take over (logged): limits stay on, conversations are what waits for Redis.
 */
function rateLimiter(config: RateLimitConfig, now: Clock, deps: ApiDeps): { take(client: string): Promise<number> } {
  const local = new RateLimiter(config, now)
  const shared =
    deps.shared?.kind === 'redis' ? deps.shared.limiter('api', config.limit, config.windowSeconds * 1000) : undefined
  if (!shared) return { take: async (client) => local.take(client) }
  return {
    take: async (client) => {
      try {
        return await shared.take(client)
      } catch (error) {
        if (!(error instanceof SharedStateUnavailable)) throw error
        return local.take(client)
      }
    },
  }
}

/** The 404 of an id no lieu has (the fiche, its share texts, its page), the id cut short in the message. */
function unknownLieu(c: Context, id: string): Response {
  return sendProblem(c, problem(404, ProblemType.NotFound, `Aucun lieu n’a l’identifiant « ${id.slice(0, 80)} ».`))
}

/** Builds the Hono app of the API over a dataset store. Pure of I/O but for the network it answers. */
export function createApp(deps: ApiDeps): OpenAPIHono {
  z.config(z.locales.fr())
  const config = { ...defaultApiConfig, ...deps.config }
  const now = deps.now
  const limiter = config.rateLimit ? rateLimiter(config.rateLimit, now, deps) : undefined
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return undefined
      const issues: ProblemIssue[] = result.error.issues.flatMap((issue) => {
        if (issue.code === 'unrecognized_keys')
          return issue.keys.map((key) => ({ path: [key], code: 'unknown_parameter', message: issue.message }))
        const code =
          issue.code === 'custom'
            ? String((issue.params as { code?: string } | undefined)?.code ?? 'invalid')
            : issue.code
        return [{ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code, message: issue.message }]
      })
      const detail = issues.map((i) => `${i.path.join('.') || 'requête'} : ${i.message}`).join(' ')
      return sendProblem(c, problem(400, ProblemType.InvalidParameter, detail, { issues }))
    },
  })

  const clientOf = (c: Context): string => {
    let socket: string | undefined
    try {
      socket = getConnInfo(c).remote.address
    } catch {
      socket = 'local' // app.request() in tests: no socket
    }
    return clientAddress(c.req.header('x-forwarded-for'), socket, config.trustProxy)
  }

  const allowOrigins = cors({
    origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    maxAge: 600,
  })
  // Preflights go to hono's cors. Other requests get what it would add (the origin when allowed, `Vary: Origin`), set
  // on the route's response itself: hono's cors sets them through c.res and c.header(), which rebuild the response
  // around its body as a web stream, and node-server then writes it chunk by chunk rather than in one go.
  const corsHeaders: MiddlewareHandler = async (c, next) => {
    if (c.req.method === 'OPTIONS') return allowOrigins(c, next)
    const origin = requestHeader(c, 'origin') ?? ''
    await next()
    if (config.corsOrigins.includes(origin)) c.res.headers.set('Access-Control-Allow-Origin', origin)
    c.res.headers.append('Vary', 'Origin')
  }
  app.use('/v1/*', corsHeaders)
  const inFlight = config.concurrencyPerClient ? new InFlightLimiter(config.concurrencyPerClient) : undefined
  if (inFlight)
    app.use('/v1/*', async (c: Context, next) => {
      const release = inFlight.enter(clientOf(c))
      if (!release)
        return sendProblem(
          c,
          problem(
            429,
            ProblemType.RateLimited,
            `Trop de requêtes en cours pour ce client (${config.concurrencyPerClient} au plus) : attendez leurs réponses.`,
          ),
          { 'retry-after': '1' },
        )
      try {
        await next()
      } finally {
        // A streamed answer (the CSV export) holds its place until it is written; see streamedBody.
        const held = streaming.get(c.req.raw)
        if (held && !held.ended) held.release = release
        else release()
      }
    })
  if (limiter)
    app.use('/v1/*', async (c: Context, next) => {
      const wait = await limiter.take(clientOf(c))
      if (wait > 0)
        return sendProblem(
          c,
          problem(429, ProblemType.RateLimited, `Trop de requêtes : réessayez dans ${wait} seconde(s).`),
          { 'retry-after': String(wait) },
        )
      return next()
    })
  // A body without Content-Length (chunked) is counted as it is read (one announced too large is refused in front).
  // GET and HEAD carry none: hono's bodyLimit would build a whole undici Request (headers, AbortSignal) on every one
  // of them only to find that out.
  const limitBody = bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: (c) => sendProblem(c, bodyTooLarge(config.maxBodyBytes)),
  })
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', limitBody)

  /** The answers' texts by request, for the cache of recent answers. */
  const answerTexts = new WeakMap<Request, string>()
  const utf8 = new TextEncoder()
  const cacheable = (c: Context, text: string): string => {
    if (config.responseCacheEntries > 0) answerTexts.set(c.req.raw, text)
    return text
  }
  if (config.responseCacheEntries > 0) {
    const cache = new ResponseCache(config.responseCacheEntries)
    const cached = async (c: Context, next: () => Promise<void>) => {
      const minute = Math.floor(now().getTime() / 60_000)
      const version = deps.store.version
      const hit = cache.get(c.req.url, minute, version)
      if (hit) return c.body(hit.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': hit.type, 'x-cache': 'hit' })
      await next()
      // Questions around a commune repeat; a person's exact position rarely does: those are not kept.
      if (c.res.status === 200 && !c.req.query('latitude')) {
        // The text the route wrote, when it left it here: cloning the response would build a web stream to read it back.
        const text = answerTexts.get(c.req.raw)
        cache.set(
          c.req.url,
          minute,
          version,
          text === undefined ? new Uint8Array(await c.res.clone().arrayBuffer()) : utf8.encode(text),
          c.res.headers.get('content-type') ?? 'application/json',
        )
      }
      return undefined
    }
    app.get('/v1/lieux', cached)
    app.get('/v1/communes', cached)
  }

  /** Where to search, from the query: a point, a commune or a postcode (one of them), resolved by the shared use case. */
  function locate(query: LieuxQuery | ExportQuery): Located {
    const given = [
      query.latitude !== undefined || query.longitude !== undefined,
      query.commune !== undefined,
      query.code_postal !== undefined,
    ].filter(Boolean).length
    if (given === 0) return undefined
    if (given > 1)
      return {
        problem: problem(
          400,
          ProblemType.InvalidParameter,
          'Un seul point de référence : latitude et longitude, ou commune, ou code_postal.',
          { issues: [{ path: ['commune'], code: 'conflict', message: 'Un seul point de référence.' }] },
        ),
      }
    let input: PlaceInput
    if (query.latitude !== undefined || query.longitude !== undefined) {
      if (query.latitude === undefined || query.longitude === undefined) {
        const missing = query.latitude === undefined ? 'latitude' : 'longitude'
        return {
          problem: problem(
            400,
            ProblemType.InvalidParameter,
            `${missing} manque : latitude et longitude vont ensemble.`,
            { issues: [{ path: [missing], code: 'required', message: 'Latitude et longitude vont ensemble.' }] },
          ),
        }
      }
      input = { point: { latitude: query.latitude, longitude: query.longitude } }
    } else if (query.code_postal !== undefined) input = { postcode: query.code_postal }
    else input = { commune: query.commune as string }
    const resolved = resolvePlace(deps.store.current.territoires, input)
    return 'place' in resolved ? resolved : { problem: placeProblem(resolved.problem, deps.store.current.source.demo) }
  }

  /** When the lieux must be open: `ouvert_maintenant` and `ouvert_le`, read in Paris time by the use case. */
  const openWhen = (query: LieuxQuery | ExportQuery): OpenWhen[] => [
    ...(query.ouvert_maintenant ? [{ now: true } as const] : []),
    ...(query.ouvert_le ? [query.ouvert_le] : []),
  ]

  app.openapi(lieuxRoute, (c) => {
    const query = c.req.valid('query')
    const dataset = deps.store.current
    const located = locate(query)
    if (!located)
      return sendProblem(
        c,
        problem(
          400,
          ProblemType.InvalidParameter,
          'Indiquez où chercher : latitude et longitude, commune ou code_postal.',
          { issues: [{ path: ['commune'], code: 'required', message: 'Point de référence manquant.' }] },
        ),
      ) as never
    if ('problem' in located) return sendProblem(c, located.problem) as never
    const instant = now()
    const found = findLieuxNear(dataset, {
      place: located.place,
      filters: filtersOf(query),
      open: openWhen(query),
      ...(query.q ? { q: query.q } : {}),
      ...(query.rayon_km !== undefined ? { radiusKm: query.rayon_km } : {}),
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      offset: query.offset ?? 0,
      relax: query.elargir ?? true,
      withTotal: true,
      now: instant,
    })
    if (found.kind !== 'results') return sendProblem(c, placeProblem(found.problem, dataset.source.demo)) as never
    return c.body(cacheable(c, nearResponseText(found, dataset.source, instant)), 200, {
      'content-type': 'application/json; charset=UTF-8',
    }) as never
  })

  app.openapi(exportRoute, (c) => {
    const query = c.req.valid('query')
    const dataset = deps.store.current
    const located = locate(query)
    if (located && 'problem' in located) return sendProblem(c, located.problem)
    const limit = query.limit ?? MAX_EXPORT_PAGE
    const offset = query.offset ?? 0
    const filters = filtersOf(query)
    let lieux: Lieu[]
    let total: number
    if (located) {
      const found = findLieuxNear(dataset, {
        place: located.place,
        filters,
        open: openWhen(query),
        ...(query.q ? { q: query.q } : {}),
        ...(query.rayon_km !== undefined ? { radiusKm: query.rayon_km } : {}),
        limit,
        offset,
        relax: false,
        withTotal: true,
        now: now(),
      })
      lieux = found.kind === 'results' ? found.results.map((r) => r.lieu) : []
      total = found.kind === 'results' ? found.total : 0
    } else {
      const named = query.q ? new Set(dataset.index.searchByName(query.q, Number.POSITIVE_INFINITY)) : undefined
      const matching = dataset.lieux.filter((lieu) => matchesFilters(lieu, filters) && (!named || named.has(lieu)))
      total = matching.length
      lieux = matching.slice(offset, offset + limit)
    }
    // A bounded answer: the next page, if any, is in the Link header (RFC 8288), as GitHub's API does.
    const headers: Record<string, string> = {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="lieux-mediation-numerique${dataset.source.demo ? '-demo' : ''}.csv"`,
      'x-aiguillage-demo': String(dataset.source.demo),
      'x-total-count': String(total),
    }
    if (offset + limit < total) {
      const next = new URL(c.req.url)
      next.searchParams.set('offset', String(offset + limit))
      next.searchParams.set('limit', String(limit))
      headers.link = `<${next.pathname}${next.search}>; rel="next"`
    }
    // Written a few hundred rows at a time, yielding to the event loop in between: a long export never holds up the
    // other requests (a 5 000-lieu page is about 150 ms of CPU).
    return c.body(streamedBody(c.req.raw, toCsvChunks(lieux, 250)), 200, headers)
  })

  app.openapi(lieuRoute, (c) => {
    const { id } = c.req.valid('param')
    const dataset = deps.store.current
    const lieu = dataset.index.byId(id)
    if (!lieu) return unknownLieu(c, id) as never
    return c.json({ donnees: donneesJson(dataset.source), ...lieuDetailJson(lieu, now()) }, 200)
  })

  app.openapi(communesRoute, (c) => {
    const query = c.req.valid('query')
    const { territoires, source } = deps.store.current
    const limit = query.limit ?? 10
    const resolution = territoires.resolve(query.q, { limit })
    const seen = new Set(resolution.candidates.map((c) => c.commune.code))
    // While a name is being typed, complete it too ("gue" → Guéret, Guérande…); when the text is not yet a
    // name (only a close spelling), the completions come first.
    const completions = territoires.suggest(query.q, limit).filter((commune) => !seen.has(commune.code))
    const certain = ['insee', 'postcode', 'arrondissement', 'name', 'former-name', 'departement'].includes(
      resolution.candidates[0]?.match ?? '',
    )
    const answer = {
      donnees: donneesJson(source),
      requete: query.q,
      ambigu: resolution.ambiguous,
      ...(resolution.hints.departement ? { departement: resolution.hints.departement } : {}),
      candidats: (() => {
        const resolved = resolution.candidates.map((candidate) => ({
          ...communeJson(candidate.commune),
          confiance: candidate.confidence,
          correspondance: candidate.match,
        }))
        const completed = completions.map((commune) => ({
          ...communeJson(commune),
          confiance: 0.3,
          correspondance: 'debut' as const,
        }))
        return (certain ? [...resolved, ...completed] : [...completed, ...resolved]).slice(0, limit)
      })(),
    } satisfies z.input<typeof ReponseCommunesSchema>
    // What c.json writes (the same text and content-type), kept for the cache of recent answers.
    return c.body(cacheable(c, JSON.stringify(answer)), 200, { 'content-type': 'application/json' }) as never
  })

  const engine =
    deps.engine ??
    chatEngine(deps.store, {
      now,
      ...((deps.conversations ?? deps.shared?.conversations)
        ? { conversations: deps.conversations ?? deps.shared?.conversations }
        : {}),
    })

  app.openapi(chatRoute, async (c) => {
    const body = c.req.valid('json')
    let turn: TurnResult
    try {
      // The text is never logged nor kept: the engine masks secrets and keeps only what it understood.
      turn = await engine().reply({
        text: body.text,
        ...(body.conversationId ? { conversationId: body.conversationId } : {}),
        ...(body.position ? { position: body.position } : {}),
      })
    } catch (error) {
      if (!(error instanceof SharedStateUnavailable)) throw error
      // Never a conversation from a local copy: it would split or mix what people said on several instances.
      return sendProblem(
        c,
        problem(
          503,
          ProblemType.Unavailable,
          'La conversation est momentanément indisponible. Réessayez dans quelques secondes. La recherche des lieux (/v1/lieux) fonctionne toujours.',
        ),
        { 'retry-after': '5' },
      ) as never
    }
    return c.json(
      {
        conversationId: turn.conversationId,
        messages: turn.messages,
        understanding: turn.understanding,
        lieux: turn.lieux,
        donnees: donneesJson(deps.store.current.source),
      } satisfies z.input<typeof ReponseChatSchema>,
      200,
    )
  })

  // The state depends on the loaded data only: its text is written once per dataset, not on every probe.
  let health: { dataset: Dataset; text: string } | undefined
  app.openapi(healthRoute, (c) => {
    const dataset = deps.store.current
    if (health?.dataset !== dataset)
      health = {
        dataset,
        text: JSON.stringify({
          statut: 'ok',
          donnees: {
            ...donneesJson(dataset.source),
            // The files' names, never where they sit on the server (a path tells an attacker about the machine).
            origines: dataset.source.origins.map(publicOrigin),
            chargees_a: dataset.loadedAt.toISOString(),
          },
          lieux: {
            total: dataset.lieux.length + dataset.mergedRows + dataset.rejectedRows,
            acceptes: dataset.lieux.length,
            rejetes: dataset.rejectedRows,
            fusionnes: dataset.mergedRows,
            proposables: dataset.index.size,
            sans_coordonnees: dataset.index.excluded.withoutCoordinates,
            sans_public: dataset.index.excluded.noPublic,
          },
          communes: {
            total: dataset.territoires.communes.length,
            sans_coordonnees: dataset.territoires.withoutCoordinates,
          },
        } satisfies z.input<typeof EtatSchema>),
      }
    // What c.json writes: the same text and content-type.
    return c.body(health.text, 200, { 'content-type': 'application/json' }) as never
  })

  app.openapi(readyRoute, async (c) => {
    const dataset = deps.store.current
    const reachable = deps.shared ? await deps.shared.ping() : true
    const detail = deps.stopping?.()
      ? 'L’instance s’arrête : envoyez les requêtes à une autre.'
      : !reachable
        ? 'Le stockage partagé (Redis) ne répond pas.'
        : deps.warmingUp?.()
          ? 'L’instance finit de démarrer (la discussion se charge).'
          : undefined
    if (detail) return sendProblem(c, problem(503, ProblemType.Unavailable, detail), { 'retry-after': '5' }) as never
    return c.json(
      {
        pret: true,
        donnees: { demo: dataset.source.demo, lieux: dataset.lieux.length },
        stockage: deps.shared?.kind === 'redis' ? 'redis' : 'memoire',
      } satisfies z.input<typeof PretSchema>,
      200,
    )
  })

  const openApiConfig = openApiDocumentConfig()
  // Built on the first request, once every route is registered.
  let openApiDocument: ReturnType<typeof withSharedResponses> | undefined
  const document = () => (openApiDocument ??= withSharedResponses(app.getOpenAPI31Document(openApiConfig)))
  app.openapi(documentRoute, (c) => c.json(document(), 200))
  app.openapi(docsRoute, (c) => c.html(docsPage(document())))
  app.get('/docs.css', (c) => c.body(docsStylesheet, 200, { 'content-type': 'text/css; charset=utf-8' }))
  /** Where the links sent and printed point to: the configured public address, else the request's own. */
  const publicUrlOf = (c: Context) => config.publicUrl ?? new URL(c.req.url).origin

  app.openapi(partageRoute, (c) => {
    const { id } = c.req.valid('param')
    const dataset = deps.store.current
    const lieu = dataset.index.byId(id)
    if (!lieu) return unknownLieu(c, id) as never
    const share = lieuShare(lieu, now(), publicUrlOf(c))
    return c.json(
      {
        donnees: donneesJson(dataset.source),
        id: lieu.id,
        lien: share.lien,
        sms: { texte: share.sms, longueur: gsm7Length(share.sms) },
        email: { sujet: share.email.subject, corps: share.email.body, mailto: share.mailto },
        ...(share.itineraire ? { itineraire: share.itineraire } : {}),
      } satisfies z.input<typeof PartageSchema>,
      200,
    )
  })

  app.openapi(fichePageRoute, (c) => {
    const { id } = c.req.valid('param')
    const dataset = deps.store.current
    const lieu = dataset.index.byId(id)
    if (!lieu)
      return (c.req.header('accept') ?? '').includes('text/html') ? c.html(missingFichePage(), 404) : unknownLieu(c, id)
    const instant = now()
    return c.html(
      fichePage({ lieu, now: instant, share: lieuShare(lieu, instant, publicUrlOf(c)), demo: dataset.source.demo }),
      200,
    )
  })
  app.get('/fiche.css', (c) => c.body(ficheStylesheet, 200, { 'content-type': 'text/css; charset=utf-8' }))

  // The coverage of a whole country is about a second of CPU: the last answers are kept for the data they were computed on.
  const coverageCache = new Map<string, CouvertureResult>()
  const coverageOf = async (query: CouvertureQuery): Promise<CouvertureResult | Problem> => {
    const dataset = deps.store.current
    const request = couvertureRequest(query)
    const key = `${deps.store.version}|${JSON.stringify(request)}`
    const cached = coverageCache.get(key)
    if (cached) return cached
    try {
      const result = couverture(dataset.lieux, dataset.territoires.communes, await loadEpci(), request, now())
      if (coverageCache.size >= 32) coverageCache.delete(coverageCache.keys().next().value as string)
      coverageCache.set(key, result)
      return result
    } catch (error) {
      if (!(error instanceof CouvertureProblem)) throw error
      return problem(400, ProblemType.InvalidParameter, `${error.field} : ${error.message}`, {
        issues: [{ path: [error.field], code: 'invalid', message: error.message }],
      })
    }
  }
  app.openapi(couvertureRoute, async (c) => {
    const query = c.req.valid('query')
    const result = await coverageOf(query)
    if (!('report' in result)) return sendProblem(c, result)
    const source = deps.store.current.source
    if (query.format === 'csv')
      return c.body(couvertureCsv(result), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="couverture.csv"',
      })
    return c.json(couvertureJson(result, source), 200)
  })
  app.openapi(couverturePageRoute, async (c) => {
    const query = c.req.valid('query')
    const result = await coverageOf(query)
    if (!('report' in result)) return sendProblem(c, result)
    const source = deps.store.current.source
    return c.html(couverturePage({ result, source, demo: source.demo, query: new URL(c.req.url).search }), 200)
  })
  app.get('/couverture.css', (c) => c.body(couvertureStylesheet, 200, { 'content-type': 'text/css; charset=utf-8' }))

  deps.mount?.(app)
  app.get('/', (c) => c.redirect('/docs'))

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname
    const known = knownPaths.find(([pattern]) => pattern.test(path))
    if (known && c.req.method !== known[1])
      return sendProblem(
        c,
        problem(405, ProblemType.MethodNotAllowed, `${c.req.method} n’est pas permis ici : utilisez ${known[1]}.`),
        { allow: known[1] },
      )
    return sendProblem(
      c,
      problem(404, ProblemType.NotFound, 'Cette adresse n’existe pas. La liste des adresses est sur /docs.'),
    )
  })
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      const detail =
        error.status === 415
          ? 'Le corps doit être du JSON : ajoutez l’en-tête Content-Type: application/json.'
          : /json/i.test(error.message)
            ? 'Le corps de la requête n’est pas du JSON valide.'
            : `Requête refusée (${error.status}).`
      return sendProblem(c, problem(error.status, ProblemType.InvalidParameter, detail))
    }
    // A client that hung up in the middle of its body (an aborted upload): its doing, not a bug of ours.
    // (`complete` is false only while a body has not fully arrived: a fully read one may be destroyed afterwards.)
    const incoming = (c.env as { incoming?: Readable & { complete?: boolean } } | undefined)?.incoming
    if (
      incoming?.complete === false &&
      (incoming.readableAborted || incoming.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET')
    ) {
      deps.logger.info({ route: c.req.routePath }, 'requête interrompue par le client')
      return sendProblem(
        c,
        problem(400, ProblemType.InvalidParameter, 'Le corps de la requête s’est interrompu avant la fin.'),
      )
    }
    // Expected failures are 4xx above; anything here is a bug: logged once, answered without internals.
    deps.logger.error({ err: { message: error.message, stack: error.stack }, route: c.req.routePath }, 'erreur interne')
    return sendProblem(
      c,
      problem(500, ProblemType.Internal, 'Une erreur inattendue est survenue. Elle a été enregistrée.'),
    )
  })
  // Every request (app.request() too) goes through the front first: bounds, security headers, the log line.
  app.fetch = front(app.fetch, {
    logger: deps.logger,
    ...(deps.stopping ? { stopping: deps.stopping } : {}),
    maxUrlLength: MAX_URL_LENGTH,
    maxBodyBytes: config.maxBodyBytes,
    routeOf: (request) => {
      const [matched] = app.router.match(request.method === 'HEAD' ? 'GET' : request.method, app.getPath(request))
      // The last handler is the route's own; none matched: `*`, as hono says of a request that reached no route.
      return matched.at(-1)?.[0][1].path ?? '*'
    },
  })
  return app
}
