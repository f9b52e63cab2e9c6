import { execFileSync, spawn } from 'node:child_process'
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BatchedWriter } from './log-writer.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const line = (i: number) => `{"level":30,"i":${i},"msg":"requête"}\n`

describe('BatchedWriter on a pipe whose reader stops (a stuck log collector)', () => {
  it('keeps the event loop free while the pipe is full (EAGAIN), then delivers every line, in order', async () => {
    // A named pipe opened non-blocking: once its 64 KB are full, each write fails with EAGAIN until the reader reads.
    const folder = mkdtempSync(path.join(tmpdir(), 'log-writer-'))
    folders.push(folder)
    const fifo = path.join(folder, 'journal')
    execFileSync('mkfifo', [fifo])
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] })
    const chunks: Buffer[] = []
    reader.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    const ended = new Promise((resolve) => reader.once('close', resolve))
    // Opening the write end without a reader would fail (ENXIO): wait for cat to open its end.
    let fd = -1
    for (let attempt = 0; fd < 0 && attempt < 200; attempt++) {
      try {
        fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    }
    expect(fd).toBeGreaterThanOrEqual(0)
    reader.kill('SIGSTOP')

    const writer = new BatchedWriter({ fd, minLength: 4096, flushMs: 50 })
    const count = 40_000 // about 1.4 MB: twenty times what the pipe holds
    for (let i = 0; i < count; i++) writer.write(line(i))
    // The reader is stopped: the writes wait, the process does not.
    const slowest = await new Promise<number>((resolve) => {
      let last = performance.now()
      let worst = 0
      let ticks = 0
      const timer = setInterval(() => {
        const now = performance.now()
        worst = Math.max(worst, now - last)
        last = now
        if (++ticks === 20) {
          clearInterval(timer)
          resolve(worst)
        }
      }, 10)
    })
    expect(slowest).toBeLessThan(500)
    expect(Buffer.concat(chunks).length).toBe(0)

    reader.kill('SIGCONT')
    await new Promise<void>((resolve) => writer.flush(() => resolve()))
    closeSync(fd)
    await ended
    expect(writer.dropped).toBe(0)
    const received = Buffer.concat(chunks).toString('utf8')
    expect(received).toBe(Array.from({ length: count }, (_, i) => line(i)).join(''))
  })
})
