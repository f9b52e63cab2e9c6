// Shared by the API tests (not exported): the demo dataset loaded once, an app over it with a fixed clock,
// a logger whose lines can be read back, and the real-data server of the suites that need ../shared/data.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import path from 'node:path'
import { Writable } from 'node:stream'
import type { Clock } from '@aiguillage/lieux'
import pino from 'pino'
import { type ApiConfig, type ApiDeps, createApp } from './app.js'
import { type Dataset, DatasetStore } from './dataset.js'
import { loadDemo } from './load.js'
import { startServer } from './server.js'

/** ../shared/data, or AIGUILLAGE_SHARED_DATA. */
export const sharedData =
  process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
/** The real lieux the real-data suites serve: France Services 2024 and Hinaura 2022, both in the standard v1. */
export const realLieuxFiles = [
  'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
  'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
].map((f) => path.join(sharedData, f))

/** Monday 23 November 2026, 10:30 in Paris. */
export const MONDAY_10H30 = new Date('2026-11-23T09:30:00Z')

/**
 * A clock for tests that run a real server: it starts at a fixed instant (so answers do not depend on the day the
 * suite runs) and then moves at the speed of the machine's monotonic clock (so timeouts and expiries still happen).
 */
export function runningClock(from: Date = MONDAY_10H30): Clock {
  const start = from.getTime()
  const origin = performance.now()
  return () => new Date(start + (performance.now() - origin))
}

/** `aiguillage serve` on the real lieux and communes, on a free port, silent and without rate limit. */
export function startRealDataServer() {
  return startServer({
    port: 0,
    now: runningClock(),
    lieux: realLieuxFiles,
    communes: path.join(sharedData, 'communes-france/communes-france.csv'),
    autoSync: false,
    api: { rateLimit: null },
    logger: pino({ level: 'silent' }),
  })
}

let demo: Promise<Dataset> | undefined
export const demoDataset = () => (demo ??= loadDemo(MONDAY_10H30))

export function capturingLogger() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  return { logger: pino({ level: 'info' }, stream), lines }
}

export async function demoApp(
  config: Partial<ApiConfig> = {},
  now: Clock = () => MONDAY_10H30,
  deps: Partial<Pick<ApiDeps, 'shared' | 'stopping' | 'warmingUp'>> = {},
) {
  const { logger, lines } = capturingLogger()
  const store = new DatasetStore(await demoDataset())
  const app = createApp({ store, logger, now, config: { rateLimit: null, ...config }, ...deps })
  const get = async (url: string, init?: RequestInit) => {
    const response = await app.request(url, init)
    const type = response.headers.get('content-type') ?? ''
    // Tests read answers freely: `any` here keeps each assertion short.
    // biome-ignore lint: test helper
    const body: any = type.includes('json') ? await response.json() : await response.text()
    return { status: response.status, headers: response.headers, body, type }
  }
  return { app, get, logs: lines, store }
}

/**
 * `aiguillage serve` on the demo data, on a free port, without rate limit, background sync or snapshot, silent unless
 * given a logger: the real server the HTTP suites talk to.
 */
export function startDemoServer(options: Partial<Parameters<typeof startServer>[0]> = {}) {
  return startServer({
    port: 0,
    now: runningClock(),
    autoSync: false,
    dataDir: '/nonexistent',
    logger: pino({ level: 'silent' }),
    ...options,
    api: { rateLimit: null, ...options.api },
  })
}

/** A free TCP port on this machine (asked of the system, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * Debian's redis-server (`apt-get install redis-server`, which .ci/run does), when this machine has it. Found, not run:
 * this module is loaded by every test of the API, the unit lane too, which CI runs under libfaketime, where
 * redis-server hangs at its first clock read.
 */
export const redisServerPath = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => existsSync(file))
export const noRedisMessage =
  'redis-server est absent : les tests avec un vrai Redis sont sautés (apt-get install -y redis-server).'

export type TestRedis = { url: string; port: number; process: ChildProcess; stop: () => Promise<void> }

/**
 * A real Redis of its own for a test, on a free port (or the one given, to restart it), with nothing written to disk.
 * Resolves once it accepts connections.
 */
export async function startRedis(port?: number): Promise<TestRedis> {
  if (!redisServerPath) throw new Error(noRedisMessage)
  const chosen = port ?? (await freePort())
  const child = spawn(
    redisServerPath,
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  await new Promise<void>((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${seen}`)), 10_000)
    // Ready when a connection is accepted.
    const poll = setInterval(() => {
      const probe = connect(chosen, '127.0.0.1', () => {
        probe.destroy()
        clearInterval(poll)
        clearTimeout(timer)
        resolve()
      })
      probe.once('error', () => probe.destroy())
    }, 50)
    child.stderr?.on('data', (chunk: Buffer) => (seen += chunk.toString()))
    child.once('exit', (code) => {
      clearInterval(poll)
      clearTimeout(timer)
      reject(new Error(`redis-server exited (${code}): ${seen}`))
    })
  })
  child.removeAllListeners('exit')
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
  }
}
