import { type IncomingMessage, type OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { Readable } from 'node:stream'
import type { Logger } from 'pino'
import { requestLogger } from './logger.js'
import { type Problem, problem, problemResponse, ProblemType } from './problem.js'

/**
 * The security headers of every answer. A route that sets one of them itself keeps its own (the widget's script is
 * loaded by other sites).
 */
export const securityHeaders: readonly (readonly [string, string])[] = [
  [
    'content-security-policy',
    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  ],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-site'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
]

/** A fetch handler as hono's app.fetch and node-server's serve() know it. */
export type Fetch = (request: Request, env?: object) => Response | Promise<Response>

export type FrontOptions = {
  logger: Logger
  /** True once the server is stopping: every answer then closes its connection. */
  stopping?: () => boolean
  /** The longest address (path and query) answered. */
  maxUrlLength: number
  /** The largest body announced by Content-Length (a chunked body is counted by the app as it is read). */
  maxBodyBytes: number
  /** The route a request goes to (`/v1/lieux/:id`), for the log: never the address itself. */
  routeOf: (request: Request) => string
}

type NodeEnv = { incoming?: IncomingMessage; outgoing?: ServerResponse }

/**
 * What every request goes through, outside the router: the bounds on its address and body, the security headers, the
 * connection closed while stopping, and one log line. None of it is a middleware: a route the router matches to one
 * handler is answered synchronously (no promise per layer), and node-server then writes it at once.
 */
export function front(routed: Fetch, options: FrontOptions): Fetch {
  const { logger, stopping } = options
  const logRequest = requestLogger(logger)
  /** The head of a node response, the security headers and `connection: close` added in the one call that writes it. */
  const writeHead = securedWriteHead(stopping)
  return (request, env) => {
    const start = performance.now()
    const node = env as NodeEnv | undefined
    const outgoing = node?.outgoing
    if (outgoing) outgoing.writeHead = writeHead
    const answer = refusal(request, node?.incoming, options) ?? routed(request, env)
    const done = (response: Response): Response => {
      // Logs carry no personal data: no query string, no address, no body. One line per request (its route looked up
      // only when the line is written).
      if (logger.isLevelEnabled('info'))
        logRequest({
          method: request.method,
          route: options.routeOf(request),
          status: response.status,
          ms: Math.round((performance.now() - start) * 10) / 10,
        })
      // Under app.request() (tests, other channels in the process), no node response: the headers go on the answer.
      if (!outgoing) secureResponse(response, stopping?.() ?? false)
      return response
    }
    return answer instanceof Promise ? answer.then(done) : done(answer)
  }
}

/**
 * A request refused before it reaches the router: a long address (thousands of filter values) before anything reads
 * it, a body announced larger than allowed after reading and discarding it.
 */
function refusal(
  request: Request,
  incoming: IncomingMessage | undefined,
  options: FrontOptions,
): Response | Promise<Response> | undefined {
  const url = request.url
  const length = url.length - url.indexOf('/', url.indexOf('//') + 2)
  if (length > options.maxUrlLength)
    return problemResponse(
      url,
      problem(
        414,
        ProblemType.UrlTooLong,
        `L’adresse de la requête fait ${length} caractères : au plus ${options.maxUrlLength}. Gardez moins de valeurs par filtre, ou paginez.`,
      ),
    )
  // node's request headers are a plain object; the web request's would be built whole for this one header.
  const announced = incoming ? incoming.headers['content-length'] : request.headers.get('content-length')
  if (announced === undefined || announced === null || Number(announced) <= options.maxBodyBytes) return undefined
  const tooLarge = bodyTooLarge(options.maxBodyBytes)
  // The body is read (and discarded) before answering, so that a client still sending sees the 413 rather than a reset
  // connection (node-server only waits half a second for the rest of a body once the response is sent).
  return drainBody(incoming).then((drained) => problemResponse(url, tooLarge, drained ? {} : { connection: 'close' }))
}

/** The 413 of a body larger than allowed, announced or counted. */
export function bodyTooLarge(maxBodyBytes: number): Problem {
  return problem(413, ProblemType.TooLarge, `Le corps de la requête dépasse ${maxBodyBytes} octets.`)
}

/** The security headers and the stopping instance's `connection: close` on a web response (no node response). */
function secureResponse(response: Response, closing: boolean): void {
  for (const [name, value] of securityHeaders) if (!response.headers.has(name)) response.headers.set(name, value)
  if (closing) response.headers.set('connection', 'close')
}

/**
 * A `writeHead` that adds the security headers to those the answer is written with, the answer's own winning whatever
 * their case, and `connection: close` while stopping, in the one call that writes them all, as a flat
 * `[name, value, …]` list: node writes that list for a fraction of the cost of the same headers in an object or set
 * one by one (measured on a bare node:http server: 14 headers cost ≈ 25 µs a response as an object, ≈ 2 µs as a list).
 */
function securedWriteHead(stopping: (() => boolean) | undefined) {
  return function writeHead(this: ServerResponse, statusCode: number, ...rest: unknown[]): ServerResponse {
    const closing = stopping?.() ?? false
    const message = typeof rest[0] === 'string' ? rest[0] : undefined
    const given = rest[message === undefined ? 0 : 1]
    const plain = given === undefined || (given !== null && typeof given === 'object' && !Array.isArray(given))
    if (!plain || this.getHeaderNames().length > 0) {
      // Headers set one by one before, or given as a raw list (not by node-server): node merges them, header by header.
      for (const [name, value] of securityHeaders) if (!this.hasHeader(name)) this.setHeader(name, value)
      if (closing) this.setHeader('connection', 'close')
      return nodeWriteHead.call(this, statusCode, ...rest)
    }
    const own = given ? Object.keys(given) : []
    const ownLower = own.map((name) => name.toLowerCase())
    const list: unknown[] = []
    for (const [name, value] of securityHeaders) if (!ownLower.includes(name)) list.push(name, value)
    for (const name of own) list.push(name, (given as OutgoingHttpHeaders)[name])
    if (closing && !ownLower.includes('connection')) list.push('connection', 'close')
    return message === undefined
      ? nodeWriteHead.call(this, statusCode, list)
      : nodeWriteHead.call(this, statusCode, message, list)
  }
}
// eslint-disable-next-line @typescript-eslint/unbound-method -- always called with .call(response)
const nodeWriteHead = ServerResponse.prototype.writeHead as (
  this: ServerResponse,
  statusCode: number,
  ...rest: unknown[]
) => ServerResponse

/** Beyond this (or after this time) an oversized body is no longer read: the connection is closed after the 413. */
const maxDrainBytes = 16 * 1024 * 1024
const maxDrainMs = 10_000

/**
 * Reads and discards what remains of a request body (node's IncomingMessage; nothing under app.request()).
 * True when the body was read to its end, false when it was too large, too slow or broken.
 */
export function drainBody(incoming: Readable | undefined): Promise<boolean> {
  if (!incoming || incoming.readableEnded) return Promise.resolve(true)
  if (incoming.destroyed) return Promise.resolve(false)
  // A body already being read as a stream (chunked, no Content-Length) is left to node-server, which drains it.
  if (incoming.listenerCount('data') > 0) return Promise.resolve(true)
  return new Promise((resolve) => {
    let bytes = 0
    const done = (ended: boolean) => {
      clearTimeout(timer)
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', onFailure)
      incoming.off('close', onFailure)
      if (!ended) incoming.pause()
      resolve(ended)
    }
    const onData = (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > maxDrainBytes) done(false)
    }
    const onEnd = () => done(true)
    const onFailure = () => done(incoming.readableEnded)
    const timer = setTimeout(() => done(false), maxDrainMs)
    incoming.on('data', onData)
    incoming.once('end', onEnd)
    incoming.once('error', onFailure)
    incoming.once('close', onFailure)
    incoming.resume()
  })
}
