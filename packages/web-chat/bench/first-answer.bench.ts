// pnpm bench: time to first answer on the demo page, in Debian's headless Chromium, on the demo data (as the README's
// quick start serves it). Measured inside the page (performance.now(), a MutationObserver on the conversation):
//   - cold: the page has just loaded; the sentence is sent at once, so the socket's opening and `hello` are included;
//   - warm: a second sentence on the same page, over the open socket;
// and, as the baseline of the same run, the same sentence sent by Node with POST /v1/chat to the same server (the
// engine plus HTTP, without the browser, the socket or the rendering). 20 pages; medians and p95.
import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer } from '@aiguillage/api'
import pino from 'pino'
import { webChatChannel } from '../src/channel.js'
import { chromiumPath, launchChromium } from '../src/browser-support.js'

if (!existsSync(chromiumPath)) {
  console.log(`Benchmark skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium).`)
  process.exit(0)
}

const RUNS = 20
const first = 'je voudrais apprendre à utiliser ma tablette, j’habite à Guéret'
const second = 'et pour faire ma déclaration d’impôts à Bourganeuf ?'

const server = await startServer({
  port: 0,
  now: () => new Date(), // a benchmark is its own start-up

  autoSync: false,
  dataDir: mkdtempSync(path.join(os.tmpdir(), 'aiguillage-bench-')), // no snapshot: the demo data
  api: { rateLimit: null },
  logger: pino({ level: 'silent' }),
  channels: [
    webChatChannel({
      connectionsPerAddress: 1000,
      perConnection: { burst: 1000, perMs: 1 },
      perAddress: { burst: 100_000, perMs: 1 },
    }),
  ],
})
const browser = await launchChromium()

/** In the page: sends a sentence through the widget's form and resolves when its first lieu card is on screen. */
const measure = (text: string) =>
  new Promise<number>((resolve) => {
    const root = (document.querySelector('[data-aiguillage]') as HTMLElement).shadowRoot as ShadowRoot
    const log = root.querySelector('.log') as HTMLElement
    const before = root.querySelectorAll('li.card').length
    const start = performance.now()
    const observer = new MutationObserver(() => {
      if (root.querySelectorAll('li.card').length > before) {
        observer.disconnect()
        resolve(performance.now() - start)
      }
    })
    observer.observe(log, { childList: true, subtree: true })
    ;(root.querySelector('textarea') as HTMLTextAreaElement).value = text
    ;(root.querySelector('form') as HTMLFormElement).requestSubmit()
  })

const cold: number[] = []
const warm: number[] = []
const pageReady: number[] = []
/** Requests to any other server than Aiguillage's (the target is none). */
const thirdParty: string[] = []
for (let i = 0; i < RUNS + 2; i++) {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) thirdParty.push(request.url())
  })
  await page.goto(`${server.url}/`)
  await page.waitForFunction(() => document.querySelector('[data-aiguillage]')?.shadowRoot?.querySelector('form'))
  const ready = await page.evaluate(() => performance.now())
  const c = await page.evaluate(measure, first)
  const w = await page.evaluate(measure, second)
  if (i >= 2) {
    // The first two pages warm Chromium and the server up.
    pageReady.push(ready)
    cold.push(c)
    warm.push(w)
  }
  await context.close()
}

const baseline: number[] = []
for (let i = 0; i < RUNS * 5; i++) {
  const start = performance.now()
  const response = await fetch(`${server.url}/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: first }),
  })
  await response.json()
  baseline.push(performance.now() - start)
}

await browser.close()
await server.close()

const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] as number
const line = (name: string, values: number[]) =>
  `  ${name.padEnd(52)} median ${pct(values, 50).toFixed(1).padStart(6)} ms   p95 ${pct(values, 95).toFixed(1).padStart(6)} ms`
console.log(`Time to first answer on the demo page (headless Chromium, demo data, ${RUNS} pages)`)
console.log(line('widget on screen (from navigation start)', pageReady))
console.log(line('cold: sentence → first card (socket opening included)', cold))
console.log(line('warm: next sentence → first card', warm))
console.log(line('baseline: POST /v1/chat from Node (same sentence)', baseline))
console.log(`  third-party requests: ${thirdParty.length}${thirdParty.length ? ` (${thirdParty.join(', ')})` : ''}`)
console.log(`  first answer p95 < 300 ms: ${pct(cold, 95) < 300 ? 'OK' : 'DÉPASSÉ'}`)
console.log(
  `  warm answer / baseline: ×${(pct(warm, 50) / pct(baseline, 50)).toFixed(1)} (the socket, botkit and rendering on top of the engine)`,
)
