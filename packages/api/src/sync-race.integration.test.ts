import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Lieu, readLieux, toCsv } from '@aiguillage/lieux'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoDir, loadSnapshot, readSnapshotMetaState, snapshotDir, verifySnapshot } from './load.js'
import { syncLockFile } from './sync-lock.js'
import { MONDAY_10H30 } from './test-support.js'

// Two syncs at once, in two real processes, many times: a slow one downloading from a server that trickles the file,
// a quick one importing a folder. Whatever the order, after each round meta.json points to files that exist, match
// their fingerprints and load. Some rounds run with the lock (the quick one waits, or gives up), some without any lock:
// publication alone must keep the snapshot whole.

const ROUNDS = 20
const LIEUX = 100

const demo = (() => {
  const read = readLieux(readFileSync(path.join(demoDir, 'lieux-demo.csv')), {
    fileName: 'demo.csv',
    now: MONDAY_10H30,
  })
  if (!read.ok) throw new Error(read.error.message)
  return read.report.accepted.map((row) => row.lieu)
})()
const lieuxCsv = Buffer.from(
  toCsv(Array.from({ length: LIEUX }, (_, i) => ({ ...(demo[i % demo.length] as Lieu), id: `lieu-${i}` }))),
)
const communesJson = JSON.stringify([
  { code: '23096', nom: 'Guéret', centre: { type: 'Point', coordinates: [1.87093, 46.16268] } },
  { code: '15014', nom: 'Aurillac', centre: { type: 'Point', coordinates: [2.44162, 44.92447] } },
])

/** Sends the lieux file in ten pieces over about `ms` milliseconds: the long download of the slow sync. */
let trickleMs = 300
let server: http.Server
let base: string

/** A process that runs `syncSnapshot` each time it is asked, and says how it ended. */
type Racer = { child: ChildProcess; run: (order: Record<string, unknown>) => Promise<Outcome> }
type Outcome = { outcome: 'publie' | 'occupe' | 'erreur'; message?: string }

const childCode = (syncModule: string) => `
const { syncSnapshot, SyncBusyError } = await import(${JSON.stringify(syncModule)})
// The children's clock starts at the suites' fixed instant and moves with the machine's monotonic clock.
const start = Date.parse('2026-11-23T09:30:00Z')
const origin = performance.now()
const now = () => new Date(start + (performance.now() - origin))
const always = { acquire: async () => ({ acquired: true, release: async () => {}, stillHeld: async () => true }) }
process.on('message', async ({ id, noLock, ...options }) => {
  try {
    await syncSnapshot({ ...options, now, ...(noLock ? { lock: always } : {}) })
    process.send({ id, outcome: 'publie' })
  } catch (error) {
    process.send({ id, outcome: SyncBusyError && error instanceof SyncBusyError ? 'occupe' : 'erreur', message: error.message })
  }
})
process.send({ ready: true })
`

function startRacer(): Promise<Racer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', childCode(path.join(import.meta.dirname, 'sync.ts'))],
    { cwd: path.join(import.meta.dirname, '..'), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  )
  let next = 0
  const waiting = new Map<number, (outcome: Outcome) => void>()
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.on('message', (message: { ready?: boolean; id?: number } & Outcome) => {
      if (message.ready) {
        resolve({
          child,
          run: (order) =>
            new Promise((done) => {
              const id = next++
              waiting.set(id, done)
              child.send({ id, ...order })
            }),
        })
        return
      }
      waiting.get(message.id as number)?.(message)
      waiting.delete(message.id as number)
    })
  })
}

let slow: Racer
let quick: Racer
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/communes.json') return res.end(communesJson)
    if (req.url !== '/lieux-lent.csv') {
      res.writeHead(404)
      return res.end()
    }
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': lieuxCsv.byteLength })
    const piece = Math.ceil(lieuxCsv.byteLength / 10)
    let sent = 0
    const send = () => {
      res.write(lieuxCsv.subarray(sent, sent + piece))
      sent += piece
      if (sent >= lieuxCsv.byteLength) res.end()
      else setTimeout(send, trickleMs / 10)
    }
    send()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  ;[slow, quick] = await Promise.all([startRacer(), startRacer()])
})
afterAll(() => {
  slow?.child.kill()
  quick?.child.kill()
  server?.closeAllConnections()
  server?.close()
})

/** What must hold after every round: meta.json readable, its files there, whole (size and SHA-256) and loadable. */
async function expectWholeSnapshot(dataDir: string, round: string) {
  const state = await readSnapshotMetaState(dataDir)
  expect(state.status, round).toBe('ok')
  if (state.status !== 'ok') return
  const dir = snapshotDir(dataDir)
  for (const file of [state.meta.lieux.file, state.meta.communes.file])
    expect(existsSync(path.join(dir, file)), `${round} : ${file}`).toBe(true)
  await verifySnapshot(dataDir, state.meta)
  expect(state.meta.lieux.accepted, round).toBe(LIEUX)
  const lieux = readLieux(readFileSync(path.join(dir, state.meta.lieux.file)), { fileName: 'x.csv', now: MONDAY_10H30 })
  expect(lieux.ok && lieux.report.accepted.length, round).toBe(LIEUX)
}

describe('two syncs at once', () => {
  it(`always leave a whole, loadable snapshot (${ROUNDS} rounds, with and without the lock)`, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aiguillage-course-'))
    const from = mkdtempSync(path.join(tmpdir(), 'aiguillage-course-source-'))
    writeFileSync(path.join(from, 'lieux.csv'), lieuxCsv)
    writeFileSync(path.join(from, 'communes.json'), communesJson)
    const modes = ['attend', 'sans-attente', 'sans-verrou'] as const
    const counts = { publie: 0, occupe: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      const mode = modes[round % modes.length] as (typeof modes)[number]
      trickleMs = 100 + ((round * 137) % 500)
      const slowRun = slow.run({
        dataDir,
        lieuxUrl: `${base}/lieux-lent.csv`,
        communesUrl: `${base}/communes.json`,
        timeoutMs: 10_000,
        idleTimeoutMs: 5_000,
        lockWaitMs: mode === 'attend' ? 15_000 : 0,
        noLock: mode === 'sans-verrou',
      })
      // The quick one starts a little later each round: before, during or after the slow download.
      await new Promise((resolve) => setTimeout(resolve, (round * 53) % 400))
      const quickRun = quick.run({
        dataDir,
        from,
        lockWaitMs: mode === 'attend' ? 15_000 : 0,
        noLock: mode === 'sans-verrou',
      })
      const outcomes = await Promise.all([slowRun, quickRun])
      const label = `manche ${round + 1} (${mode}) : ${JSON.stringify(outcomes)}`
      for (const { outcome } of outcomes) expect(outcome, label).not.toBe('erreur')
      if (mode !== 'sans-attente')
        expect(
          outcomes.map((o) => o.outcome),
          label,
        ).toEqual(['publie', 'publie'])
      else
        expect(
          outcomes.some((o) => o.outcome === 'publie'),
          label,
        ).toBe(true)
      for (const { outcome } of outcomes) counts[outcome as 'publie' | 'occupe']++
      await expectWholeSnapshot(dataDir, label)
      expect(existsSync(syncLockFile(dataDir)), label).toBe(false)
    }
    // Both were seen: syncs giving up on a held lock, and syncs publishing.
    expect(counts.occupe).toBeGreaterThan(0)
    expect(counts.publie).toBeGreaterThan(ROUNDS)
    // It loads as serve loads it, and once all is over nothing is left but the snapshot served.
    // Every row read: the copies of the demo lieux are merged as duplicates when the dataset is built.
    const loaded = await loadSnapshot(dataDir, MONDAY_10H30)
    expect((loaded?.lieux.length ?? 0) + (loaded?.mergedRows ?? 0)).toBe(LIEUX)
    await quick.run({ dataDir, from })
    const state = await readSnapshotMetaState(dataDir)
    if (state.status !== 'ok') throw new Error(state.status)
    const id = state.meta.lieux.file.replace(/^lieux-(.*)\.csv$/, '$1')
    expect(readdirSync(snapshotDir(dataDir)).sort()).toEqual(
      [`communes-${id}.json`, `lieux-${id}.csv`, 'meta.json', `rapport-validation-${id}.json`].sort(),
    )
  })
})
