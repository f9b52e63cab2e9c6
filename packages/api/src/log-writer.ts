import { writeSync } from 'node:fs'

export type BatchedWriterOptions = {
  /** The file descriptor written to (1: standard output). */
  fd?: number
  /** Lines leave once this many characters are waiting… */
  minLength?: number
  /** …or this many milliseconds after the first of them, at most. */
  flushMs?: number
  /** Beyond this many characters waiting (the reader is stuck), new lines are dropped and counted. */
  maxLength?: number
}

/** Lines joined and encoded, to be written in one go, and how much of them is written. */
type Batch = { bytes: Buffer; lines: number; offset: number }

/** Something to wait on synchronously (Atomics.wait), for a full pipe at exit. */
const pause = new Int32Array(new SharedArrayBuffer(4))
/** How long a full non-blocking pipe waits before the next try. */
const retryMs = 10

/**
 * A destination for log lines that writes them in batches: one system call for about 4 KB of lines, and a line is one
 * push onto a list (pino's own destination, sonic-boom, measures the byte length of the whole waiting batch on every
 * line, which costs more than the line itself once lines are batched).
 *
 * A batch is written synchronously, as pino writes by default: lines leave in order, and what is waiting at exit is
 * written whole (`flushSync`), with no write left half-done on another thread. A non-blocking pipe that is full
 * (EAGAIN) never holds the process: the rest is tried again a little later while new lines wait, and beyond maxLength
 * waiting characters new lines are dropped and counted. A blocking pipe whose reader stops holds the process once its
 * buffer (64 KB on Linux) is full, as with pino's default destination.
 */
export class BatchedWriter {
  readonly fd: number
  readonly minLength: number
  readonly flushMs: number
  readonly maxLength: number
  /**
   * Lines lost: refused while maxLength characters were waiting (the reader stuck), or in a batch whose write failed
   * (the reader gone, EPIPE) or could not finish at exit.
   */
  dropped = 0
  #parts: string[] = []
  #length = 0
  /** A batch the pipe could not take whole (EAGAIN): written first, from where it stopped. */
  #pending: Batch | undefined
  #timer: NodeJS.Timeout | undefined
  /** Callbacks of flush(), called once nothing is waiting. */
  #flushed: ((error?: Error) => void)[] = []

  constructor(options: BatchedWriterOptions = {}) {
    this.fd = options.fd ?? 1
    this.minLength = options.minLength ?? 4096
    this.flushMs = options.flushMs ?? 250
    this.maxLength = options.maxLength ?? 16 * 1024 * 1024
  }

  /** Adds a line (with its own newline, as pino gives it). */
  write(line: string): boolean {
    if (this.#length + line.length > this.maxLength) {
      this.dropped++
      return false
    }
    this.#parts.push(line)
    this.#length += line.length
    // While the pipe is full, its retry timer writes: no failing system call per line.
    if (this.#pending) return true
    if (this.#length >= this.minLength) this.#drain()
    else this.#timer ??= setTimeout(() => this.#drain(), this.flushMs).unref()
    return true
  }

  /**
   * pino's `logger.flush(callback)`: everything waiting is written now, whatever its length; the callback is called
   * once all of it is written (later if the pipe is full).
   */
  flush(callback: (error?: Error) => void = () => {}): void {
    this.#flushed.push(callback)
    this.#drain()
  }

  /** Writes everything waiting, at exit: a full pipe gets about a second in all, then what is left is given up. */
  flushSync(): void {
    for (let attempts = 0; !this.#drain(); attempts++) {
      if (attempts === 100) {
        clearTimeout(this.#timer)
        this.dropped += (this.#pending?.lines ?? 0) + this.#parts.length
        this.#pending = undefined
        this.#parts = []
        this.#length = 0
        return
      }
      Atomics.wait(pause, 0, 0, retryMs)
    }
  }

  /** Writes what is waiting until all is written (true) or the pipe is full (false: a retry is set). */
  #drain(): boolean {
    clearTimeout(this.#timer)
    this.#timer = undefined
    for (;;) {
      const batch = this.#pending ?? this.#take()
      if (!batch) break
      this.#pending = batch
      try {
        batch.offset += writeSync(this.fd, batch.bytes, batch.offset)
        if (batch.offset === batch.bytes.length) this.#pending = undefined
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          this.#timer = setTimeout(() => this.#drain(), retryMs).unref()
          return false
        }
        // The reader is gone (EPIPE) or the file broken: this batch is lost, the next ones are tried.
        this.dropped += batch.lines
        this.#pending = undefined
      }
    }
    for (const callback of this.#flushed.splice(0)) callback()
    return true
  }

  #take(): Batch | undefined {
    const lines = this.#parts.length
    if (lines === 0) return undefined
    const bytes = Buffer.from(lines === 1 ? (this.#parts[0] as string) : this.#parts.join(''))
    this.#parts = []
    this.#length = 0
    return { bytes, lines, offset: 0 }
  }
}
