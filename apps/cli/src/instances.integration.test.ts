import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { noRedisMessage, redisServerPath, startRedis, type TestRedis } from '@aiguillage/api/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { waitForUrl } from './test-support.js'

// Two instances of the compiled server (`pnpm build`, which `pnpm test` runs first) behind one Redis, on one snapshot
// folder: what a national deployment runs. Real processes, a real redis-server, real sockets.
const compiled = path.resolve(import.meta.dirname, '../dist/main.js')
const demoDir = path.resolve(import.meta.dirname, '../../../packages/api/demo')
if (!redisServerPath) console.warn(noRedisMessage)

type Frame = { type: string; token?: string; resumed?: boolean; messages?: { type: string }[]; awaiting?: string }

/** A websocket to an instance, with the frames it received. */
async function openChat(url: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/discussion`, { origin: url })
  const frames: Frame[] = []
  socket.on('message', (data) => frames.push(JSON.parse((data as Buffer).toString('utf8')) as Frame))
  socket.on('error', () => {})
  await new Promise((resolve) => socket.once('open', resolve))
  return { socket, frames }
}

describe.skipIf(!redisServerPath)('two instances behind one Redis', () => {
  let redis: TestRedis
  let dataDir: string
  let origin: Server
  let originUrl = ''
  /** What the data origin publishes: nothing yet (503), then a file with one more lieu. */
  let published: string | undefined
  const children: ChildProcess[] = []
  let a = ''
  let b = ''
  let processA: ChildProcess

  const start = async (extra: Record<string, string>) => {
    const child = spawn(process.execPath, [compiled, 'serve', '--port', '0'], {
      env: {
        ...process.env,
        AIGUILLAGE_REDIS_URL: redis.url,
        AIGUILLAGE_DATA_DIR: dataDir,
        AIGUILLAGE_TRUST_PROXY: '1',
        AIGUILLAGE_RATE_LIMIT: '20/60',
        AIGUILLAGE_LIEUX_URL: `${originUrl}/lieux.csv`,
        AIGUILLAGE_COMMUNES_URL: `${originUrl}/communes.csv`,
        LOG_LEVEL: 'silent',
        ...extra,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    children.push(child)
    // 60 s: two starts at once on a busy two-core machine (about 1 s each when idle).
    return { child, url: await waitForUrl(child, 60_000) }
  }

  beforeAll(async () => {
    redis = await startRedis()
    dataDir = mkdtempSync(path.join(tmpdir(), 'instances-'))
    // The first snapshot, from the demo files.
    const sync = spawnSync(process.execPath, [compiled, 'sync', '--from', demoDir], {
      env: { ...process.env, AIGUILLAGE_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(sync.status, sync.stderr).toBe(0)
    const demoLieux = readFileSync(path.join(demoDir, 'lieux-demo.csv'), 'utf8')
    const firstRow = demoLieux.split('\n')[1] as string
    // A new lieu at another address with another phone (a copy at the same ones would be merged as a duplicate).
    const added = firstRow
      .replace('demo-gueret-fs,', 'demo-gueret-ajout,')
      .replace(/^([^,]*,[^,]*,)[^,]*/, '$1Lieu ajouté par la synchronisation')
      .replace('3 place Bonnyaud', '8 rue de la Synchronisation')
      .replace('+33536490101', '+33536490199')
    origin = createServer((request, response) => {
      if (request.url === '/communes.csv') return response.end(readFileSync(path.join(demoDir, 'communes-demo.csv')))
      if (request.url === '/lieux.csv' && published) return response.end(published)
      response.writeHead(503).end()
    })
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
    originUrl = `http://127.0.0.1:${(origin.address() as { port: number }).port}`
    published = undefined
    const withAdded = `${demoLieux.trimEnd()}\n${added}\n`
    // A syncs every 2 s (its syncs fail while the origin answers 503); B never syncs by itself.
    const [first, second] = await Promise.all([
      start({ AIGUILLAGE_SYNC_INTERVALLE: '2s' }),
      start({ AIGUILLAGE_AUTO_SYNC: '0' }),
    ])
    processA = first.child
    a = first.url
    b = second.url
    publish = () => (published = withAdded)
  }, 90_000)
  let publish = () => {}

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL')
    origin?.close()
    await redis?.stop()
  })

  const chat = (url: string, text: string, conversationId?: string) =>
    fetch(`${url}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.1' },
      body: JSON.stringify({ text, ...(conversationId ? { conversationId } : {}) }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }))

  it('both are ready and keep their conversations in Redis', async () => {
    for (const url of [a, b]) {
      // Ready once the chat's library has loaded, a moment after the server answers.
      await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 20_000 }).toBe(200)
      expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ pret: true, stockage: 'redis' })
    }
  })

  it('a conversation started on A continues on B', async () => {
    const first = await chat(a, 'je voudrais de l’aide pour ma déclaration CAF')
    expect(first.status).toBe(200)
    expect(first.body.understanding.awaiting).toBe('location')
    const second = await chat(b, 'Guéret', first.body.conversationId)
    expect(second.body.conversationId).toBe(first.body.conversationId)
    expect(second.body.lieux.length).toBeGreaterThan(0)
    // B knew the need said on A (help with a démarche) without it being said again.
    expect(first.body.understanding.services.length).toBeGreaterThan(0)
    expect(second.body.understanding.services).toEqual(first.body.understanding.services)
    expect(second.body.understanding.topic).toBe(first.body.understanding.topic)
  })

  it('shares the rate limit: a client gets its 20 requests a minute across both, not 20 on each', async () => {
    const get = (url: string) =>
      fetch(`${url}/v1/communes?q=Guéret`, { headers: { 'x-forwarded-for': '203.0.113.7' } }).then((r) => r.status)
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push(await get(a), await get(b))
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(await get(a)).toBe(429)
    expect(await get(b)).toBe(429)
  })

  it('a sync on A makes B serve the new data', async () => {
    const lieux = async (url: string) =>
      ((await (await fetch(`${url}/healthz`)).json()) as { lieux: { acceptes: number } }).lieux.acceptes
    const before = await lieux(b)
    publish()
    await expect.poll(() => lieux(b), { timeout: 30_000, interval: 500 }).toBe(before + 1)
    const found = await fetch(`${b}/v1/lieux/demo-gueret-ajout`, { headers: { 'x-forwarded-for': '192.0.2.9' } })
    expect(found.status).toBe(200)
    await expect.poll(() => lieux(a), { timeout: 10_000 }).toBe(before + 1)
  })

  it('a websocket resumes on B after A is killed with SIGKILL, and the conversation goes on', async () => {
    const onA = await openChat(a)
    onA.socket.send(JSON.stringify({ type: 'hello' }))
    onA.socket.send(JSON.stringify({ type: 'message', id: 'm1', text: 'aide pour ma déclaration CAF' }))
    await expect.poll(() => onA.frames.find((f) => f.type === 'reply')?.awaiting, { timeout: 10_000 }).toBe('location')
    const token = onA.frames.find((f) => f.type === 'ready')?.token as string
    processA.kill('SIGKILL')
    await new Promise((resolve) => processA.once('exit', resolve))

    const onB = await openChat(b)
    onB.socket.send(JSON.stringify({ type: 'hello', token }))
    await expect.poll(() => onB.frames.find((f) => f.type === 'ready')?.resumed, { timeout: 10_000 }).toBe(true)
    onB.socket.send(JSON.stringify({ type: 'message', id: 'm2', text: 'Guéret' }))
    await expect
      .poll(() => onB.frames.find((f) => f.type === 'reply')?.messages?.some((m) => m.type === 'lieux'), {
        timeout: 10_000,
      })
      .toBe(true)
    onB.socket.close()
  })

  it('a manual `aiguillage sync` tells the instances, which reload', async () => {
    const lieux = async () =>
      ((await (await fetch(`${b}/healthz`)).json()) as { lieux: { acceptes: number } }).lieux.acceptes
    const before = await lieux()
    const folder = mkdtempSync(path.join(tmpdir(), 'instances-from-'))
    const row = (published as string).trimEnd().split('\n').at(-1) as string
    writeFileSync(
      path.join(folder, 'lieux-plus.csv'),
      `${(published as string).trimEnd()}\n${row
        .replace('demo-gueret-ajout,', 'demo-gueret-ajout-2,')
        .replace('8 rue de la Synchronisation', '9 rue de la Synchronisation')
        .replace('+33536490199', '+33536490198')}\n`,
    )
    copyFileSync(path.join(demoDir, 'communes-demo.csv'), path.join(folder, 'communes-demo.csv'))
    const sync = spawnSync(process.execPath, [compiled, 'sync', '--from', folder], {
      env: { ...process.env, AIGUILLAGE_DATA_DIR: dataDir, AIGUILLAGE_REDIS_URL: redis.url },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(sync.status, sync.stderr).toBe(0)
    expect(sync.stderr).toContain('Les instances reliées à Redis chargent le nouvel instantané.')
    await expect.poll(lieux, { timeout: 30_000, interval: 500 }).toBe(before + 1)
  })
})
