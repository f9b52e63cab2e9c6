import pino, { type Logger } from 'pino'

/**
 * The server's logger: JSON lines on standard output, written asynchronously. A synchronous write costs one system
 * call per request line, on the request's own time; here the lines of the requests answered meanwhile leave together
 * in one write. What is still buffered is written synchronously when the process exits (pino registers it), even on
 * an uncaught exception.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level }, pino.destination({ dest: 1, sync: false }))
}
