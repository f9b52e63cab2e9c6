import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { BatchedWriter } from './log-writer.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** A writer on a fresh file, and what the file holds. */
function onFile(options: { minLength?: number; flushMs?: number; maxLength?: number } = {}) {
  const folder = mkdtempSync(path.join(tmpdir(), 'log-writer-'))
  folders.push(folder)
  const file = path.join(folder, 'log')
  const fd = openSync(file, 'w')
  const writer = new BatchedWriter({ fd, ...options })
  return { writer, read: () => readFileSync(file, 'utf8'), close: () => closeSync(fd) }
}

const line = (i: number) => `{"i":${i},"msg":"requête é"}\n`
/** Waits until done() or ms have passed (the monotonic clock: the date of the machine does not matter). */
const until = async (done: () => boolean, ms = 2000) => {
  const end = performance.now() + ms
  while (!done() && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 5))
}

describe('BatchedWriter (the log lines’ destination)', () => {
  it('keeps lines until a batch is full, then writes them in one go, in order', () => {
    const { writer, read, close } = onFile({ minLength: 1000, flushMs: 60_000 })
    for (let i = 0; i < 10; i++) writer.write(line(i))
    expect(read()).toBe('')
    for (let i = 10; i < 100; i++) writer.write(line(i))
    const all = [...Array(100).keys()].map(line).join('')
    const written = read()
    expect(written.length).toBeGreaterThanOrEqual(1000)
    expect(written.endsWith('\n')).toBe(true)
    expect(all.startsWith(written)).toBe(true)
    expect(written).not.toBe(all)
    writer.flushSync()
    expect(read()).toBe(all)
    close()
  })

  it('writes a lone line after flushMs at the latest, not at exit', async () => {
    const { writer, read, close } = onFile({ minLength: 4096, flushMs: 20 })
    writer.write(line(1))
    expect(read()).toBe('')
    await until(() => read() !== '')
    expect(read()).toBe(line(1))
    close()
  })

  it('writes what is waiting on flushSync, multibyte characters whole', () => {
    const { writer, read, close } = onFile({ minLength: 1 << 20, flushMs: 60_000 })
    for (let i = 0; i < 50; i++) writer.write(line(i))
    writer.flushSync()
    expect(read()).toBe([...Array(50).keys()].map(line).join(''))
    close()
  })

  it('drops and counts new lines once maxLength characters wait, and keeps every line whole', async () => {
    const { writer, read, close } = onFile({ minLength: 1 << 20, flushMs: 60_000, maxLength: 200 })
    const accepted = [...Array(20).keys()].map((i) => writer.write(line(i)))
    expect(accepted.filter(Boolean).length).toBe(Math.floor(200 / line(0).length))
    expect(writer.dropped).toBe(20 - accepted.filter(Boolean).length)
    writer.flushSync()
    expect(read()).toBe([...Array(accepted.filter(Boolean).length).keys()].map(line).join(''))
    close()
  })

  it('is pino’s destination: one JSON line per call, and logger.flush() writes what waits', async () => {
    const { writer, read, close } = onFile({ minLength: 1 << 20, flushMs: 60_000 })
    const logger = pino({ level: 'info' }, writer)
    logger.info({ route: '/healthz', status: 200 }, 'requête')
    logger.debug('not written at info')
    await new Promise<void>((resolve, reject) => logger.flush((error) => (error ? reject(error) : resolve())))
    const lines = read()
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Record<string, unknown>)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 30, route: '/healthz', status: 200, msg: 'requête' })
    close()
  })
})
