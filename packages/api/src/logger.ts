import pino, { type Logger } from 'pino'
import { BatchedWriter } from './log-writer.js'

/** The writers of the loggers made here: what they still hold is written when the process exits. */
const writers = new Set<BatchedWriter>()
let exitHook = false

/**
 * The server's logger: JSON lines on standard output, written asynchronously and in batches (BatchedWriter). A
 * synchronous write costs one system call per request line on the request's own time, and an asynchronous write a
 * hop to libuv's thread pool and back, once per line when requests come one at a time. Lines are kept until 4 KB are
 * waiting or for at most 250 ms, then leave in one write. What is still waiting is written synchronously when the
 * process exits, even on an uncaught exception.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  const writer = new BatchedWriter({ fd: 1, minLength: 4096, flushMs: 250 })
  writers.add(writer)
  if (!exitHook) {
    exitHook = true
    process.once('exit', () => {
      for (const each of writers) each.flushSync()
    })
  }
  return pino({ level }, writer)
}
