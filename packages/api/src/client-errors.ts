import { isUtf8 } from 'node:buffer'
import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { problem, ProblemType } from './problem.js'

/** Node's parse errors (`clientError`) carry the bytes received and llhttp's code. */
type ParseError = Error & { code?: string; rawPacket?: Buffer }

/**
 * A request line whose target holds raw (unencoded) UTF-8, as curl sends `GET /v1/lieux?commune=Guéret`, rewritten
 * with those bytes percent-encoded (what a browser sends) and `Connection: close`. Undefined when the bytes are not
 * that: no complete head, no byte above 0x7F in the target, or bytes that are not UTF-8.
 */
export function encodeRawTarget(raw: Buffer): Buffer | undefined {
  const lineEnd = raw.indexOf('\r\n')
  if (lineEnd < 0 || raw.indexOf('\r\n\r\n') < 0) return undefined
  const line = raw.subarray(0, lineEnd)
  const first = line.indexOf(0x20)
  const last = line.lastIndexOf(0x20)
  if (first <= 0 || last <= first + 1) return undefined
  const target = line.subarray(first + 1, last)
  if (!target.some((byte) => byte > 0x7f) || !isUtf8(target)) return undefined
  let encoded = ''
  for (const byte of target) encoded += byte > 0x7f ? `%${byte.toString(16).toUpperCase()}` : String.fromCharCode(byte)
  return Buffer.concat([
    line.subarray(0, first + 1),
    Buffer.from(encoded, 'latin1'),
    line.subarray(last),
    // A second Connection header wins if it says close: the rest of this socket cannot be read again.
    Buffer.from('\r\nConnection: close'),
    raw.subarray(lineEnd),
  ])
}

/** Hands bytes to the HTTP server as a new connection that writes to (and closes) the client's socket. */
function replay(server: Server, socket: Socket, bytes: Buffer): void {
  const connection = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      socket.write(chunk, callback)
    },
    final(callback) {
      socket.end(callback)
    },
    destroy(error, callback) {
      socket.destroy()
      callback(error)
    },
  })
  // What the app reads of a connection (getConnInfo: the client's address for the rate limit).
  for (const name of ['remoteAddress', 'remotePort', 'remoteFamily', 'localAddress', 'localPort'] as const)
    Object.defineProperty(connection, name, { get: () => socket[name] })
  socket.once('close', () => connection.destroy())
  server.emit('connection', connection)
  connection.push(bytes)
}

const statusOf = (code: string | undefined) =>
  code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400

function detailOf(code: string | undefined): string {
  switch (code) {
    case 'HPE_INVALID_URL':
      return 'L’adresse de la requête contient des caractères interdits : encodez-la en UTF-8 (%C3%A9 pour « é »).'
    case 'HPE_HEADER_OVERFLOW':
      return 'Les en-têtes de la requête sont trop grands.'
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'La requête est arrivée trop lentement.'
    default:
      return 'La requête HTTP est mal formée et n’a pas pu être lue.'
  }
}

/**
 * Requests that node's HTTP parser refuses before the app sees them. A target in raw UTF-8 is read as if it had been
 * percent-encoded; anything else gets a French problem+json (instead of node's empty 400), logged once at `warn`
 * without the bytes received.
 */
export function handleClientErrors(server: Server, logger: Logger): void {
  const replayed = new WeakSet<Socket>()
  server.on('clientError', (error: ParseError, socket: Socket) => {
    // The socket's old parser keeps failing on what follows a replayed request: that is not a new error.
    if (replayed.has(socket)) return
    if (error.code === 'HPE_INVALID_URL' && error.rawPacket) {
      const bytes = encodeRawTarget(error.rawPacket)
      if (bytes) {
        replayed.add(socket)
        replay(server, socket, bytes)
        return
      }
    }
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const status = statusOf(error.code)
    logger.warn({ code: error.code ?? error.name, status }, 'requête HTTP illisible refusée')
    const body = JSON.stringify(problem(status, ProblemType.InvalidParameter, detailOf(error.code)))
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    )
  })
}
