import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import http from 'node:http'
import { vocabularies } from '@aiguillage/lieux'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bin, realCommunesFile, realLieuxFiles, sharedData, waitForUrl } from './test-support.js'

// One client cannot stall the server: the costliest requests the API still accepts, and those it refuses, sent by
// the dozen at once to the real `aiguillage serve` on the real data (no rate limit: the worst case), while /healthz is
// asked every 50 ms. The server is its own process, as in production: the test's client does not share its event loop.
type Answer = { status: number; bytes: number }

function get(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }))
    })
    req.on('error', reject)
    req.end()
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] as number

describe.skipIf(!existsSync(sharedData))('real data: abusive requests (real server)', () => {
  let child: ChildProcess
  const server = { port: 0 }
  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--lieux', realLieuxFiles.join(','), '--communes', realCommunesFile],
      {
        env: { ...process.env, AIGUILLAGE_AUTO_SYNC: '0', AIGUILLAGE_RATE_LIMIT: 'off', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    const url = await waitForUrl(child, 60_000)
    server.port = Number(new URL(url).port)
  }, 60_000)
  afterAll(() => {
    child?.kill('SIGTERM')
  })

  it('bounds what one request costs and keeps /healthz answering while abusive requests run', async () => {
    // Every filter with every official value (the most a valid search can ask), 1 000 km, 100 lieux.
    const everything = Object.entries(vocabularies)
      .map(([field, values]) => `${field}=${encodeURIComponent(values.slice(0, 20).join('|'))}`)
      .join('&')
    const attacks: Record<string, string> = {
      'the widest valid search': `/v1/lieux?latitude=46.5&longitude=2.5&rayon_km=1000&limit=100&${everything}`,
      'a full page of the CSV export': '/v1/lieux.csv',
      'thousands of filter values (14 KB address)': `/v1/lieux?commune=gueret&typologie=${Array.from({ length: 2000 }, (_, i) => `T${i}`).join('|')}`,
      'thirty unknown service values': `/v1/lieux?commune=gueret&services=${Array.from({ length: 30 }, (_, i) => `inconnu${i}`).join('|')}`,
      'twenty unknown service values': `/v1/lieux?commune=gueret&services=${Array.from({ length: 20 }, (_, i) => `inconnu${i}`).join('|')}`,
    }
    // What each answers alone: bounded sizes.
    const alone: Record<string, Answer> = {}
    const took: Record<string, number> = {}
    for (const [name, path] of Object.entries(attacks)) {
      const start = performance.now()
      alone[name] = await get(server.port, path)
      took[name] = performance.now() - start
    }
    console.info(
      Object.entries(alone)
        .map(
          ([name, a]) => `${name}: ${a.status}, ${Math.round(a.bytes / 1024)} Kio, ${Math.round(took[name] ?? 0)} ms`,
        )
        .join('\n'),
    )
    expect(alone['the widest valid search']?.status).toBe(200)
    expect(alone['a full page of the CSV export']?.status).toBe(200)
    expect(alone['thousands of filter values (14 KB address)']?.status).toBe(414)
    expect(alone['thirty unknown service values']?.status).toBe(400)
    expect(alone['twenty unknown service values']?.status).toBe(400)
    for (const name of Object.keys(attacks).filter((n) => !n.includes('CSV')))
      expect(alone[name]?.bytes, name).toBeLessThan(200 * 1024)

    // Then the red team's attack (addresses of thousands of filter values), thirty at a time for three seconds, and
    // then the costliest requests still accepted, while /healthz is timed.
    const refused = await underAttack(server.port, [
      attacks['thousands of filter values (14 KB address)'] as string,
      attacks['thirty unknown service values'] as string,
    ])
    const costly = await underAttack(server.port, [
      attacks['the widest valid search'] as string,
      attacks['a full page of the CSV export'] as string,
    ])
    console.info(`refused attack: ${refused.summary}\ncostliest valid requests: ${costly.summary}`)
    expect(refused.sent).toBeGreaterThan(100)
    expect(median(refused.latencies)).toBeLessThan(100)
    // The costliest valid requests are answered at most 8 at a time per client (AIGUILLAGE_CONCURRENCE), each in a few
    // tens of milliseconds, the export in chunks: /healthz waits for a few of them at most, never for the whole queue.
    expect(median(costly.latencies)).toBeLessThan(1000)
    // The cap itself, from twenty exports asked at the same instant: during the attack above, a loaded machine can keep
    // fewer than nine in flight at once (searches run in one go), so its answers alone cannot show the cap.
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => get(server.port, attacks['a full page of the CSV export'] as string)),
    )
    const statuses = burst.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(8)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0)
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true)
  }, 60_000)
})

/** Sends these requests thirty at a time (one client) for three seconds, asking /healthz every 50 ms meanwhile. */
async function underAttack(port: number, paths: string[]) {
  let attacking = true
  let sent = 0
  const statuses = new Set<number>()
  const attackers = Array.from({ length: 30 }, async (_, i) => {
    while (attacking) {
      statuses.add((await get(port, paths[i % paths.length] as string)).status)
      sent++
    }
  })
  const latencies: number[] = []
  const deadline = performance.now() + 3000
  while (performance.now() < deadline) {
    const start = performance.now()
    const health = await get(port, '/healthz')
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`)
    latencies.push(performance.now() - start)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  attacking = false
  await Promise.all(attackers)
  const summary = `${sent} requests in 3 s (${[...statuses].sort().join(', ')}); /healthz ${latencies.length} times: median ${median(latencies).toFixed(1)} ms, p90 ${percentile(latencies, 0.9).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`
  return { sent, statuses, latencies, summary }
}
