import pino, { type Logger } from 'pino'

/**
 * The server's logger: JSON lines on standard output, written asynchronously and in batches. A synchronous write
 * costs one system call per request line on the request's own time, and an asynchronous write a hop to libuv's
 * thread pool and back, once per line when requests come one at a time. Lines are kept until 4 KB are waiting or for
 * at most 250 ms, then leave in one write. What is still buffered is written synchronously when the process exits
 * (pino registers it), even on an uncaught exception.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level }, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 }))
}
