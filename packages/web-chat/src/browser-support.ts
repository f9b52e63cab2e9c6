// Browser tests' tools: Debian's Chromium driven by playwright-core, a TCP relay whose connections a test can cut
// (a real network drop, not a mock), and the folder where screenshots are kept as test artefacts.
import { existsSync, mkdirSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Away from CI a machine without Chromium skips the browser tests (and says so); in CI they must run. */
export const browserAvailable = existsSync(chromiumPath) || process.env.CI === 'true'

/** Screenshots land here (ignored by git; CI keeps the folder as its artefacts). */
export const artefacts = path.resolve(import.meta.dirname, '../../../.reports/screenshots')

export function launchChromium(): Promise<Browser> {
  mkdirSync(artefacts, { recursive: true })
  return chromium.launch({
    executablePath: chromiumPath,
    // Chromium starts in 1–3 s on two cores; 30 s means it will not start, and says so instead of hanging.
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/**
 * A relay on a local port to the server: the browser talks to the relay, and `cut()` destroys every connection and
 * refuses new ones until `restore()`, as a lost network would.
 */
export async function startRelay(target: { port: number }) {
  const sockets = new Set<net.Socket>()
  let up = true
  const server = net.createServer((client) => {
    if (!up) return client.destroy()
    const upstream = net.connect(target.port, '127.0.0.1')
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => s.destroy())
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      up = false
      for (const s of sockets) s.destroy()
    },
    restore() {
      up = true
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
