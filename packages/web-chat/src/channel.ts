import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Assistant, Message, Point, TurnResult } from '@aiguillage/assistant'
import type { Clock } from '@aiguillage/lieux'
import {
  type BotStorage,
  type Channel,
  type ChannelContext,
  clientAddress,
  problem,
  ProblemType,
  type RecordStore,
  type SharedLimiter,
  SharedStateUnavailable,
} from '@aiguillage/api'
import type { BotkitMessage, BotWorker } from 'botkit'
import type { Logger } from 'pino'
import { type RawData, WebSocket, WebSocketServer } from 'ws'
import type { WebBot } from './bot.js'
import { RateLimits } from './limits.js'
import { type ClientFrame, parseClientFrame, type ServerFrame } from './protocol.js'
import { TokenSigner } from './token.js'
import { widgetRoutes } from './widget-routes.js'

export type WebChatConfig = {
  /** Where the websocket listens. */
  path: string
  /** Sites allowed to open the websocket (the sites that embed the widget), besides the server's own pages.
   *  By default the server's CORS origins: the same sites use /v1/chat when websockets are blocked. */
  allowedOrigins: readonly string[]
  /** Largest frame accepted, in bytes: a bigger one closes the socket (1009). */
  maxFrameBytes: number
  /** A conversation without a message for this long is forgotten (like /v1/chat's, 30 minutes). */
  sessionTtlMs: number
  /** A socket without a message from the person for this long is closed (the conversation stays resumable). */
  idleTimeoutMs: number
  /** A socket must send `hello` within this time. */
  helloTimeoutMs: number
  /** Ping interval; a socket that did not answer the previous ping is cut. */
  heartbeatMs: number
  /** Messages per socket: a burst, then one every `perMs`. */
  perConnection: { burst: number; perMs: number }
  /** Messages per address, all sockets together. */
  perAddress: { burst: number; perMs: number }
  /** Sockets open at once from one address. */
  connectionsPerAddress: number
  /** New conversations (a `hello` without a valid token) per address: a burst, then one every `perMs`. */
  newSessionsPerAddress: { burst: number; perMs: number }
  /** Conversations kept at once, all addresses together (about 1 KB each): past it, new ones are asked to come back. */
  maxSessions: number
  /** Bad frames tolerated on one socket before it is closed. */
  maxErrors: number
  /**
   * Signs resume tokens. When absent: with Redis, a random secret shared by the instances (the first one chooses it);
   * else random per process (tokens then end with the process, as the conversations do).
   */
  secret?: string
  /** Reverse proxies in front of the server: the address is read that many entries from the right of
   *  X-Forwarded-For (0: the socket's). By default, as the API does. */
  trustProxy: number
}

export const defaultWebChatConfig: Omit<WebChatConfig, 'allowedOrigins' | 'trustProxy'> = {
  path: '/v1/discussion',
  maxFrameBytes: 8 * 1024,
  sessionTtlMs: 30 * 60_000,
  idleTimeoutMs: 15 * 60_000,
  helloTimeoutMs: 10_000,
  heartbeatMs: 30_000,
  perConnection: { burst: 8, perMs: 2_000 },
  perAddress: { burst: 120, perMs: 250 },
  connectionsPerAddress: 50,
  newSessionsPerAddress: { burst: 30, perMs: 3_000 },
  maxSessions: 20_000,
  maxErrors: 20,
}

type Session = {
  id: string
  /** The id its current resume token carries: a new one at each (re)connection, so an older token no longer works. */
  tokenId: string
  /** The engine's conversation (the same engine and store as /v1/chat). */
  conversationId?: string
  socket?: WebSocket
  lastActivity: number
  /** Turns of one conversation run one after the other. */
  queue: Promise<void>
  /** Replies produced while the socket was away, sent on resume. */
  pending: ServerFrame[]
  /** The last messages received, by client id: their answer once sent (null while in progress). */
  answered: Map<string, ServerFrame | null>
}

/** `key`: the socket's own rate-limit bucket. */
type Connection = {
  key: string
  address: string
  openedAt: number
  lastMessage: number
  alive: boolean
  errors: number
  session?: Session
  /** Frames of one socket are handled in order, even when a `hello` waits for the shared store. */
  frames: Promise<void>
}

/** What another instance needs to resume a session: kept in the shared store under its current token's id. */
type SessionRecord = { id: string; conversationId?: string; lastActivity: number }

const maxPending = 20
const maxAnswered = 20

/**
 * The citizens' web chat: botkit as the controller, on a websocket of the main HTTP server, driving the same
 * engine as /v1/chat. Also serves the widget's script and the demo page.
 */
export function webChatChannel(options: Partial<WebChatConfig> = {}): Channel & { stats: () => WebChatStats } {
  const path = options.path ?? defaultWebChatConfig.path
  let stats: () => WebChatStats = () => ({ sockets: 0, sessions: 0, storedStates: 0, rateBuckets: 0, heartbeat: false })
  return {
    name: 'web-chat',
    routes: (app, context) => widgetRoutes(app, { socketPath: path, logger: context.logger }),
    attach: async (server, context) => {
      const config: WebChatConfig = {
        ...defaultWebChatConfig,
        allowedOrigins: context.config.corsOrigins,
        trustProxy: context.config.trustProxy,
        ...options,
      }
      const secret =
        config.secret ?? (context.shared.kind === 'redis' ? await context.shared.secret('web-chat') : undefined)
      const chat = new WebChat({ ...config, ...(secret ? { secret } : {}) }, context)
      server.on('upgrade', chat.upgrade)
      stats = () => chat.stats()
      return {
        ready: chat.ready,
        close: async () => {
          server.off('upgrade', chat.upgrade)
          await chat.close()
        },
      }
    },
    stats: () => stats(),
  }
}

export type WebChatStats = {
  sockets: number
  sessions: number
  storedStates: number
  rateBuckets: number
  heartbeat: boolean
}

class WebChat {
  private readonly wss: WebSocketServer
  private readonly sessions = new Map<string, Session>()
  /** Sessions by the id of their current resume token. */
  private readonly byToken = new Map<string, Session>()
  private readonly connections = new Map<WebSocket, Connection>()
  private readonly perAddressOpen = new Map<string, number>()
  private readonly tokens: TokenSigner
  private readonly storage: BotStorage & { sweep?: () => void; size?: number }
  /** Sessions by token id, shared by the instances (with Redis): a socket may resume on another one. */
  private readonly records: RecordStore | undefined
  private readonly connectionLimits: RateLimits
  private readonly addressLimits: RateLimits
  /** New conversations per address: counted across the instances (each new one costs memory somewhere). */
  private readonly newSessionLimits: SharedLimiter
  /**
   * botkit (about 1 s of CPU to load) is loaded just after the server starts listening, not before: the API answers at
   * once, and a message sent in that second waits for it.
   */
  private readonly bot: Promise<WebBot>
  private heartbeat: NodeJS.Timeout | undefined
  private readonly logger: Logger
  private readonly engine: () => Pick<Assistant, 'reply'>
  /** Read at each `hello`: a sync may replace the demo data while the server runs. */
  private readonly isDemo: () => boolean
  private nextConnectionKey = 0
  private readonly clock: Clock

  /** The server's clock, in milliseconds: sessions, limits and tokens are timed on it. */
  private now(): number {
    return this.clock().getTime()
  }

  constructor(
    private readonly config: WebChatConfig,
    context: ChannelContext,
  ) {
    this.clock = context.now
    this.logger = context.logger.child({ canal: 'web' })
    this.engine = context.engine
    this.isDemo = () => context.store.current.source.demo
    this.tokens = new TokenSigner(config.secret)
    this.storage = context.shared.botStorage('web', config.sessionTtlMs)
    // In memory, `byToken` is all there is to find: a record would only double it.
    this.records =
      context.shared.kind === 'redis' ? context.shared.records('web-session', config.sessionTtlMs) : undefined
    this.connectionLimits = new RateLimits(config.perConnection.burst, config.perConnection.perMs, context.now)
    this.addressLimits = new RateLimits(config.perAddress.burst, config.perAddress.perMs, context.now)
    this.newSessionLimits = context.shared.limiter(
      'web-nouvelles',
      config.newSessionsPerAddress.burst,
      config.newSessionsPerAddress.burst * config.newSessionsPerAddress.perMs,
    )
    this.wss = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes, perMessageDeflate: false })
    const storage = this.storage
    this.bot = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => import('./bot.js'))
      .then(({ createWebBot }) =>
        createWebBot({
          now: context.now,
          storage,
          deliver: (sessionId, activity) => {
            const frame = (activity.channelData as { frame?: ServerFrame } | undefined)?.frame
            if (frame) this.sendToSession(sessionId, frame)
          },
          answer: (bot, message) => this.answer(bot, message),
        }),
      )
    // Should loading fail, each turn says so (a turn error) rather than the process stopping.
    this.bot.catch((error: unknown) =>
      this.logger.error({ err: { message: (error as Error).message } }, 'botkit n’a pas pu être chargé'),
    )
    this.heartbeat = setInterval(() => this.beat(), config.heartbeatMs)
    this.heartbeat.unref()
  }

  /** The HTTP upgrade: the path, the Origin and the address's share are checked before any websocket exists. */
  readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname !== this.config.path) return refuse(socket, 404, 'Adresse inconnue.', url.pathname)
    if (!this.originAllowed(request)) {
      this.logger.warn({ evenement: 'origine_refusee' }, 'websocket refusé : origine non autorisée')
      return refuse(socket, 403, 'Ce site n’est pas autorisé à ouvrir la discussion.', url.pathname)
    }
    const address = this.addressOf(request)
    if ((this.perAddressOpen.get(address) ?? 0) >= this.config.connectionsPerAddress)
      return refuse(socket, 429, 'Trop de discussions ouvertes depuis cette adresse.', url.pathname)
    this.wss.handleUpgrade(request, socket, head, (ws) => this.open(ws, address))
  }

  private originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin
    if (!origin) return false
    if (this.config.allowedOrigins.includes(origin)) return true
    try {
      return new URL(origin).host === request.headers.host
    } catch {
      return false
    }
  }

  private addressOf(request: IncomingMessage): string {
    const forwarded = request.headers['x-forwarded-for']
    return clientAddress(
      Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
      request.socket.remoteAddress,
      this.config.trustProxy,
    )
  }

  private open(ws: WebSocket, address: string): void {
    const connection: Connection = {
      key: `c${this.nextConnectionKey++}`,
      address,
      openedAt: this.now(),
      lastMessage: this.now(),
      alive: true,
      errors: 0,
      frames: Promise.resolve(),
    }
    this.connections.set(ws, connection)
    this.perAddressOpen.set(address, (this.perAddressOpen.get(address) ?? 0) + 1)
    ws.on('pong', () => {
      connection.alive = true
    })
    ws.on('message', (data, isBinary) => {
      connection.frames = connection.frames
        .then(() => this.onFrame(ws, connection, data, isBinary))
        .catch((error: unknown) => this.failed(ws, error))
    })
    // 'error' covers oversize frames (ws closes with 1009) and broken peers: this socket only.
    ws.on('error', () => ws.terminate())
    ws.on('close', () => this.closed(ws, connection))
  }

  private closed(ws: WebSocket, connection: Connection): void {
    this.connections.delete(ws)
    const open = (this.perAddressOpen.get(connection.address) ?? 1) - 1
    if (open > 0) this.perAddressOpen.set(connection.address, open)
    else this.perAddressOpen.delete(connection.address)
    // Only this socket's own binding is undone: a newer socket that resumed the session keeps it.
    if (connection.session?.socket === ws) connection.session.socket = undefined
  }

  /** A frame that could not be handled: the shared store is down (said so), or a bug (logged without the text). */
  private failed(ws: WebSocket, error: unknown, replyTo?: string): void {
    const unavailable = error instanceof SharedStateUnavailable
    if (!unavailable)
      this.logger.error({ err: { message: (error as Error).message } }, 'erreur pendant un tour de discussion')
    send(ws, {
      type: 'error',
      code: unavailable ? 'unavailable' : 'internal',
      message: unavailable
        ? 'La discussion est momentanément indisponible. Réessayez dans quelques secondes.'
        : 'Un problème est survenu de notre côté. Réessayez dans un instant.',
      ...(replyTo ? { replyTo } : {}),
    })
  }

  private async onFrame(
    ws: WebSocket,
    connection: Connection,
    data: WebSocket.RawData,
    isBinary: boolean,
  ): Promise<void> {
    connection.lastMessage = this.now()
    if (isBinary)
      return this.reject(ws, connection, {
        type: 'error',
        code: 'malformed',
        message: 'Message illisible : envoyez du texte JSON.',
      })
    const parsed = parseClientFrame(textOf(data))
    if (!parsed.ok)
      return this.reject(ws, connection, {
        type: 'error',
        code: parsed.code,
        message: parsed.message,
        ...(parsed.field ? { field: parsed.field } : {}),
        ...(parsed.replyTo ? { replyTo: parsed.replyTo } : {}),
      })
    const frame = parsed.frame
    if (frame.type === 'hello') return this.hello(ws, connection, frame.token, frame.waiting ?? [])
    this.message(ws, connection, frame)
  }

  private reject(ws: WebSocket, connection: Connection, frame: ServerFrame): void {
    connection.errors++
    send(ws, frame)
    if (connection.errors >= this.config.maxErrors) {
      send(ws, {
        type: 'bye',
        reason: 'too_many_errors',
        message: 'Trop de messages illisibles : la connexion est fermée.',
      })
      ws.close(1008, 'trop d’erreurs')
    }
  }

  private async hello(
    ws: WebSocket,
    connection: Connection,
    token: string | undefined,
    waiting: string[],
  ): Promise<void> {
    if (connection.session)
      return this.reject(ws, connection, {
        type: 'error',
        code: 'invalid',
        field: 'type',
        message: 'La discussion est déjà ouverte : « hello » une seule fois.',
      })
    const now = this.now()
    const tokenId = token === undefined ? undefined : this.tokens.verify(token, now)
    let session = tokenId ? (this.byToken.get(tokenId) ?? (await this.fromRecord(tokenId))) : undefined
    if (session && now - session.lastActivity > this.config.sessionTtlMs) {
      this.forget(session)
      session = undefined
    }
    const resumed = session !== undefined
    if (session?.socket && session.socket !== ws) {
      // The token's holder came back on a new socket (a reload, a network change): the old one is let go.
      send(session.socket, {
        type: 'bye',
        reason: 'replaced',
        message: 'La discussion continue dans une autre fenêtre.',
      })
      session.socket.close(1000, 'remplacée')
    }
    if (!session) {
      // A new conversation costs memory until it expires: counted per address, and capped for everyone.
      if ((await this.newSessionLimits.take(connection.address)) > 0)
        return busy(ws, 'Trop de discussions ouvertes depuis votre connexion. Attendez une minute, puis réessayez.')
      if (this.sessions.size >= this.config.maxSessions) this.forgetExpired(now)
      if (this.sessions.size >= this.config.maxSessions) {
        this.logger.warn(
          { evenement: 'plafond_sessions', sessions: this.sessions.size },
          'discussion refusée : plafond atteint',
        )
        return busy(ws, 'Beaucoup de personnes discutent en ce moment. Réessayez dans quelques minutes.')
      }
      session = {
        id: this.tokens.newSessionId(),
        tokenId: '',
        lastActivity: now,
        queue: Promise.resolve(),
        pending: [],
        answered: new Map(),
      }
      this.sessions.set(session.id, session)
    }
    session.socket = ws
    session.lastActivity = now
    connection.session = session
    // What the lost socket may have missed: answers already sent (again), and messages that never arrived.
    const again = new Set(session.pending.splice(0))
    const missing: string[] = []
    for (const id of waiting) {
      const answer = session.answered.get(id)
      if (answer) again.add(answer)
      else if (answer === undefined) missing.push(id)
    }
    // A new token at each (re)connection; the one just used no longer resumes anything, here or elsewhere.
    this.byToken.delete(session.tokenId)
    if (session.tokenId) await this.records?.delete(session.tokenId)
    session.tokenId = this.tokens.newSessionId()
    this.byToken.set(session.tokenId, session)
    await this.saveRecord(session)
    send(ws, {
      type: 'ready',
      token: this.tokens.sign(session.tokenId, now + this.config.sessionTtlMs),
      resumed,
      expiresInSeconds: Math.round(this.config.sessionTtlMs / 1000),
      ...(missing.length ? { missing } : {}),
      demo: this.isDemo(),
    })
    for (const frame of again) send(ws, frame)
  }

  /** A session another instance held (or this one before a restart), from the shared store. */
  private async fromRecord(tokenId: string): Promise<Session | undefined> {
    const record = await this.records?.get<SessionRecord>(tokenId)
    if (!record) return undefined
    const session: Session = {
      id: record.id,
      tokenId,
      ...(record.conversationId ? { conversationId: record.conversationId } : {}),
      lastActivity: record.lastActivity,
      queue: Promise.resolve(),
      pending: [],
      answered: new Map(),
    }
    this.sessions.get(record.id)?.socket?.close(1000, 'remplacée')
    this.sessions.set(session.id, session)
    return session
  }

  private async saveRecord(session: Session): Promise<void> {
    await this.records?.set(session.tokenId, {
      id: session.id,
      ...(session.conversationId ? { conversationId: session.conversationId } : {}),
      lastActivity: session.lastActivity,
    } satisfies SessionRecord)
  }

  private message(ws: WebSocket, connection: Connection, frame: Extract<ClientFrame, { type: 'message' }>): void {
    const session = connection.session
    const replyTo = frame.id ? { replyTo: frame.id } : {}
    if (!session)
      return this.reject(ws, connection, {
        type: 'error',
        code: 'not_ready',
        message: 'Envoyez d’abord « hello » pour ouvrir la discussion.',
        ...replyTo,
      })
    if (!this.connectionLimits.take(connection.key) || !this.addressLimits.take(connection.address)) {
      send(ws, {
        type: 'error',
        code: 'rate_limited',
        message: 'Vous envoyez beaucoup de messages. Attendez quelques secondes, puis réessayez.',
        ...replyTo,
      })
      return
    }
    session.lastActivity = this.now()
    if (frame.id) {
      // Sent twice across a reconnection: answered once (the answer again if it is ready, else it is on its way).
      if (session.answered.has(frame.id)) {
        const answer = session.answered.get(frame.id)
        if (answer) send(ws, answer)
        return
      }
      session.answered.set(frame.id, null)
      if (session.answered.size > maxAnswered) session.answered.delete(session.answered.keys().next().value as string)
    }
    const channelData: TurnData = {
      ...(frame.position ? { position: frame.position } : {}),
      ...(frame.id ? { replyTo: frame.id } : {}),
    }
    session.queue = session.queue.then(() =>
      this.bot
        .then((bot) => bot.receive(session.id, frame.text, channelData))
        .catch((error: unknown) => {
          // A bug in a turn is this conversation's only; the text is not logged.
          const unavailable = error instanceof SharedStateUnavailable
          if (!unavailable)
            this.logger.error({ err: { message: (error as Error).message } }, 'erreur pendant un tour de discussion')
          this.sendToSession(session.id, {
            type: 'error',
            code: unavailable ? 'unavailable' : 'internal',
            message: unavailable
              ? 'La discussion est momentanément indisponible. Réessayez dans quelques secondes.'
              : 'Un problème est survenu de notre côté. Réessayez dans un instant.',
            ...replyTo,
          })
        }),
    )
  }

  /** botkit's message handler: one turn of the engine, sent back through botkit as one activity. */
  private async answer(bot: BotWorker, message: BotkitMessage): Promise<void> {
    const session = this.sessions.get(message.channel)
    if (!session) return
    const data = (message.incoming_message.channelData ?? {}) as TurnData
    const turn: TurnResult = await this.engine().reply({
      text: message.text ?? '',
      ...(session.conversationId ? { conversationId: session.conversationId } : {}),
      ...(data.position ? { position: data.position } : {}),
    })
    session.conversationId = turn.conversationId
    await this.saveRecord(session)
    const frame: ServerFrame = {
      type: 'reply',
      ...(data.replyTo ? { replyTo: data.replyTo } : {}),
      messages: turn.messages,
      ...(turn.understanding.awaiting ? { awaiting: turn.understanding.awaiting } : {}),
      ...(turn.understanding.constraints.ouvert_jour ? { jour: turn.understanding.constraints.ouvert_jour } : {}),
    }
    await bot.reply(message, { type: 'message', text: plainText(turn.messages), channelData: { frame } })
  }

  private sendToSession(sessionId: string, frame: ServerFrame): void {
    const session = this.sessions.get(sessionId)
    if (!session) return
    const replyTo = frame.type === 'reply' || frame.type === 'error' ? frame.replyTo : undefined
    if (replyTo && session.answered.has(replyTo)) session.answered.set(replyTo, frame)
    if (session.socket?.readyState === WebSocket.OPEN) send(session.socket, frame)
    else if (session.pending.push(frame) > maxPending) session.pending.shift()
  }

  /** The engine's conversation expires on its own, after the same time without a message. */
  private forget(session: Session): void {
    this.sessions.delete(session.id)
    this.byToken.delete(session.tokenId)
  }

  /** Forgets the conversations nobody came back to within their lifetime. */
  private forgetExpired(now: number): void {
    for (const session of this.sessions.values())
      if (!session.socket && now - session.lastActivity > this.config.sessionTtlMs) this.forget(session)
  }

  /** Heartbeat: cuts dead and idle sockets, and forgets expired conversations and counters. */
  private beat(): void {
    const now = this.now()
    for (const [ws, connection] of this.connections) {
      if (!connection.alive) {
        ws.terminate()
        continue
      }
      if (!connection.session && now - connection.openedAt > this.config.helloTimeoutMs) {
        ws.close(1008, 'hello attendu')
        continue
      }
      if (now - connection.lastMessage > this.config.idleTimeoutMs) {
        send(ws, {
          type: 'bye',
          reason: 'idle',
          message: 'La discussion est en pause après un long silence. Écrivez pour reprendre.',
        })
        ws.close(1000, 'inactivité')
        continue
      }
      connection.alive = false
      ws.ping()
    }
    this.forgetExpired(now)
    this.storage.sweep?.()
    this.connectionLimits.sweep()
    this.addressLimits.sweep()
  }

  /** Settles once botkit is loaded (a failure to load is logged, and each turn then says so). */
  get ready(): Promise<void> {
    return this.bot.then(
      () => undefined,
      () => undefined,
    )
  }

  stats(): WebChatStats {
    return {
      sockets: this.connections.size,
      sessions: this.sessions.size,
      storedStates: this.storage.size ?? 0,
      rateBuckets: this.connectionLimits.size + this.addressLimits.size,
      heartbeat: this.heartbeat !== undefined,
    }
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat)
    this.heartbeat = undefined
    for (const ws of this.connections.keys()) {
      send(ws, {
        type: 'bye',
        reason: 'closing',
        message: 'Le service redémarre. La discussion reprendra dans un instant.',
      })
      ws.close(1001, 'arrêt')
    }
    await Promise.all([...this.sessions.values()].map((session) => session.queue))
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
    for (const ws of this.connections.keys()) ws.terminate()
  }
}

type TurnData = { position?: Point; replyTo?: string }

function send(ws: WebSocket, frame: ServerFrame): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame))
}

/** No new conversation now: said in French, and the socket closed with « try again later » (1013). */
function busy(ws: WebSocket, message: string): void {
  send(ws, { type: 'bye', reason: 'busy', message })
  ws.close(1013, 'occupé')
}

/** Refuses an upgrade with a problem+json answer, as the API refuses a request. */
function refuse(socket: Duplex, status: 403 | 404 | 429, detail: string, instance: string): void {
  const reason = { 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' }[status]
  const type = { 403: ProblemType.Forbidden, 404: ProblemType.NotFound, 429: ProblemType.RateLimited }[status]
  const body = Buffer.from(JSON.stringify({ ...problem(status, type, detail), instance }), 'utf8')
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString('utf8')}`,
  )
}

/** The turn as plain text (the activity's `text`, for botkit middlewares; the widget reads the frame). */
function plainText(messages: Message[]): string {
  return messages
    .map((m) => (m.type === 'text' ? m.text : m.type === 'choices' ? m.question : m.lieux.map((l) => l.nom).join(', ')))
    .join('\n')
}

/** A websocket frame's text (`ws` gives a Buffer, or its fragments). */
function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return (Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8')
}
