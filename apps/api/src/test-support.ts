// Shared by the API tests (not exported): the demo dataset loaded once, an app over it with a fixed clock,
// and a logger whose lines can be read back.
import { Writable } from 'node:stream'
import pino from 'pino'
import { type ApiConfig, createApp } from './app.js'
import { type Dataset, DatasetStore } from './dataset.js'
import { loadDemo } from './load.js'

/** Monday 23 November 2026, 10:30 in Paris. */
export const MONDAY_10H30 = new Date('2026-11-23T09:30:00Z')

let demo: Promise<Dataset> | undefined
export const demoDataset = () => (demo ??= loadDemo())

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

export async function demoApp(config: Partial<ApiConfig> = {}) {
  const { logger, lines } = capturingLogger()
  const store = new DatasetStore(await demoDataset())
  const app = createApp({ store, logger, now: () => MONDAY_10H30, config: { rateLimit: null, ...config } })
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
