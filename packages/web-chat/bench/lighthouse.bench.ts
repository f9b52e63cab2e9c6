// pnpm bench: Lighthouse on the demo page, as the README's quick start serves it (demo data), with its default mobile
// settings (a mid-range phone, slowed CPU and network), driving Debian's Chromium through CHROME_PATH. Three runs;
// the median of each score. Targets: performance ≥ 90, accessibility 100.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { startServer } from '@aiguillage/api'
import pino from 'pino'
import { webChatChannel } from '../src/channel.js'
import { chromiumPath } from '../src/browser-support.js'

if (!existsSync(chromiumPath)) {
  console.log(`Lighthouse skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium).`)
  process.exit(0)
}

const RUNS = 3
const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')), 'cli/index.js')
const server = await startServer({
  port: 0,
  now: () => new Date(), // a benchmark is its own start-up
  autoSync: false,
  dataDir: mkdtempSync(path.join(os.tmpdir(), 'aiguillage-lighthouse-')), // no snapshot: the demo data
  logger: pino({ level: 'silent' }),
  channels: [webChatChannel()],
})

type Report = {
  categories: Record<string, { score: number | null }>
  audits: Record<string, { numericValue?: number }>
  runtimeError?: { message: string }
}
const reports: Report[] = []
// A run that recorded no trace (NO_NAVSTART happens on a cold Chromium) is tried again, up to twice as many runs.
for (let attempt = 1; reports.length < RUNS && attempt <= 2 * RUNS; attempt++) {
  const output = path.join(mkdtempSync(path.join(os.tmpdir(), 'lighthouse-')), 'report.json')
  // Asynchronous: the server answering Lighthouse runs in this very process.
  const result = await promisify(execFile)(
    process.execPath,
    [
      cli,
      `${server.url}/`,
      '--only-categories=performance,accessibility',
      // The new headless mode: the old one records no navigation trace here (NO_NAVSTART).
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync',
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath }, encoding: 'utf8', timeout: 180_000 },
  ).catch((error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }))
  if (!existsSync(output)) {
    console.log(`Lighthouse failed: ${result.stderr.slice(0, 500)}`)
    await server.close()
    process.exit(1)
  }
  const report = JSON.parse(readFileSync(output, 'utf8')) as Report
  if (report.runtimeError) console.log(`  attempt ${attempt}, tried again: ${report.runtimeError.message}`)
  else reports.push(report)
}
await server.close()
if (reports.length === 0) {
  console.log('Lighthouse recorded no page load in any attempt.')
  process.exit(1)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const score = (category: string) => Math.round(median(reports.map((r) => r.categories[category]?.score ?? 0)) * 100)
const metric = (audit: string) => Math.round(median(reports.map((r) => r.audits[audit]?.numericValue ?? NaN)))
const performance = score('performance')
const accessibility = score('accessibility')
console.log(`Lighthouse on the demo page (mobile, demo data, median of ${reports.length} runs)`)
console.log(`  performance ${performance} (target ≥ 90: ${performance >= 90 ? 'OK' : 'DÉPASSÉ'})`)
console.log(`  accessibility ${accessibility} (target 100: ${accessibility === 100 ? 'OK' : 'DÉPASSÉ'})`)
console.log(
  `  first contentful paint ${metric('first-contentful-paint')} ms, largest ${metric('largest-contentful-paint')} ms, total blocking time ${metric('total-blocking-time')} ms`,
)
