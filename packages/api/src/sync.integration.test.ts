import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Lieu, readLieux, toCsv, toJson } from '@aiguillage/lieux'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoDir, loadSnapshot, readSnapshotMeta } from './load.js'
import { startServer } from './server.js'
import { type DownloadProgress, SyncError, syncSnapshot } from './sync.js'
import { MONDAY_10H30, runningClock } from './test-support.js'

// End to end against a local HTTP server that plays data.gouv.fr and geo.api.gouv.fr (the internet cannot be
// reached here): a good file, a truncated one, a 500, a timeout, a file with invalid rows.

const lieuxCsv = readFileSync(path.join(demoDir, 'lieux-demo.csv'))
const communesJson = JSON.stringify([
  { code: '23096', nom: 'Guéret', centre: { type: 'Point', coordinates: [1.87093, 46.16268] } },
  { code: '15014', nom: 'Aurillac', centre: { type: 'Point', coordinates: [2.44162, 44.92447] } },
  // geo.api.gouv.fr's municipal arrondissements carry their own centre, not the city's.
  { code: '75056', nom: 'Paris', centre: { type: 'Point', coordinates: [2.3483, 48.8534] } },
  { code: '75118', nom: 'Paris 18e Arrondissement', centre: { type: 'Point', coordinates: [2.3482, 48.8925] } },
])
const withInvalidRows = (() => {
  const lines = lieuxCsv.toString('utf8').trimEnd().split('\n')
  lines[2] = (lines[2] as string).replace(',23000,', ',2300,') // a bad postcode
  lines[3] = (lines[3] as string).replace(/^[^,]+,/, 'sans-colonnes-') // a row with one column less
  return lines.join('\n')
})()

let server: http.Server
let base: string
beforeAll(async () => {
  server = http.createServer((req, res) => {
    switch (req.url) {
      case '/lieux.csv':
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': lieuxCsv.byteLength })
        return res.end(lieuxCsv)
      case '/communes.json':
        return res.end(communesJson)
      case '/tronque.csv':
        // Announces the whole file, sends half of it, then drops the connection.
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': lieuxCsv.byteLength })
        res.write(lieuxCsv.subarray(0, lieuxCsv.byteLength / 2))
        return setTimeout(() => res.socket?.destroy(), 20)
      case '/erreur.csv':
        res.writeHead(500)
        return res.end('Internal Server Error')
      case '/lent.csv':
        return // never answers
      case '/lignes-invalides.csv':
        return res.end(withInvalidRows)
      case '/vide.csv':
        return res.end('')
      case '/quelques-lieux.csv':
        return res.end(lieuxCsv.toString('utf8').split('\n').slice(0, 4).join('\n'))
      default:
        res.writeHead(404)
        return res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const fresh = () => mkdtempSync(path.join(tmpdir(), 'aiguillage-sync-'))
const sync = (dataDir: string, lieux: string, extra: Record<string, unknown> = {}) =>
  syncSnapshot({
    dataDir,
    now: runningClock(),
    lieuxUrl: `${base}${lieux}`,
    communesUrl: `${base}/communes.json`,
    timeoutMs: 2000,
    idleTimeoutMs: 500,
    ...extra,
  })
const snapshotFiles = (dataDir: string) => readdirSync(path.join(dataDir, 'snapshot')).sort()

describe('aiguillage sync', () => {
  it('downloads, validates and writes a snapshot with its report, reporting progress', async () => {
    const dataDir = fresh()
    const progress: DownloadProgress[] = []
    const result = await sync(dataDir, '/lieux.csv', { onProgress: (p: DownloadProgress) => progress.push(p) })
    expect(result).toMatchObject({ total: 23, accepted: 23, rejected: 0, communes: 4 })
    expect(progress.some((p) => p.file === 'lieux' && p.total === lieuxCsv.byteLength)).toBe(true)
    expect(progress.filter((p) => p.done).map((p) => p.file)).toEqual(['lieux', 'communes'])
    const meta = await readSnapshotMeta(dataDir)
    expect(meta).toMatchObject({ lieux: { origin: `${base}/lieux.csv`, accepted: 23 }, communes: { count: 4 } })
    const dataset = await loadSnapshot(dataDir, MONDAY_10H30)
    expect(dataset?.source).toMatchObject({ kind: 'instantane', demo: false })
    expect(dataset?.territoires.byCode('23096')?.latitude).toBe(46.16268)
    // « Paris 18 » is searched from the 18th arrondissement's own centre.
    const paris18 = dataset?.territoires.resolve('paris 18').candidates[0]?.commune
    expect(paris18).toMatchObject({ code: '75118', latitude: 48.8925, longitude: 2.3482 })
    expect(paris18?.coordinatesApproximate).toBeUndefined()
  })

  it('keeps invalid rows out, reports and counts them', async () => {
    const dataDir = fresh()
    const result = await sync(dataDir, '/lignes-invalides.csv')
    expect(result).toMatchObject({ total: 23, accepted: 21, rejected: 2 })
    const report = JSON.parse(readFileSync(result.reportFile, 'utf8'))
    expect(report.erreurs_par_code).toEqual({ invalid_format: 1, column_count: 1 })
    expect(report.lignes_rejetees.map((r: { line: number }) => r.line)).toEqual([3, 4])
  })

  it.each([
    ['a truncated download', '/tronque.csv', /incomplet|terminated|other side closed/],
    ['a server error', '/erreur.csv', /500/],
    ['a server that never answers', '/lent.csv', /aucune donnée reçue|délai/],
    ['an empty file', '/vide.csv', /vide/],
    ['a file much smaller than the current snapshot', '/quelques-lieux.csv', /semble partiel/],
    ['a missing file', '/absent.csv', /404/],
  ])('never replaces the previous snapshot after %s', async (_case, url, message) => {
    const dataDir = fresh()
    await sync(dataDir, '/lieux.csv')
    const before = snapshotFiles(dataDir)
    const meta = readFileSync(path.join(dataDir, 'snapshot/meta.json'), 'utf8')
    const error = await sync(dataDir, url).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SyncError)
    expect((error as Error).message).toMatch(message)
    expect(snapshotFiles(dataDir)).toEqual(before)
    expect(readFileSync(path.join(dataDir, 'snapshot/meta.json'), 'utf8')).toBe(meta)
  })

  it('imports local files with --from', async () => {
    const dataDir = fresh()
    const from = fresh()
    writeFileSync(path.join(from, 'lieux-local.csv'), lieuxCsv)
    writeFileSync(path.join(from, 'communes.json'), communesJson)
    expect(await syncSnapshot({ dataDir, from, now: runningClock() })).toMatchObject({ accepted: 23, communes: 4 })
    expect((await readSnapshotMeta(dataDir))?.lieux.origin).toBe(path.join(from, 'lieux-local.csv'))
  })

  it('imports every lieux file of the folder with --from, merging them and counting each file', async () => {
    const read = readLieux(lieuxCsv, { fileName: 'lieux-demo.csv', now: MONDAY_10H30 })
    if (!read.ok) throw new Error(read.error.message)
    const demo: Lieu[] = read.report.accepted.map((row) => row.lieu)
    const [older, tie, newer] = [demo[10], demo[11], demo[12]] as [Lieu, Lieu, Lieu]
    // lieux-a.csv: the first 13 demo lieux and a row with a bad postcode.
    const invalid = toCsv([{ ...(demo[0] as Lieu), id: 'code-postal-faux', code_postal: '2300' }]).split('\n')[1]
    const fileA = `${toCsv(demo.slice(0, 13))}${invalid}\n`
    // lieux-b.json: the last 13 (3 already in lieux-a.csv: one older, one of the same date, one newer) and an object
    // without its required fields.
    const inB = [
      { ...older, nom: 'Version plus ancienne', date_maj: '2026-09-01' },
      { ...tie, nom: 'Même date, fichier suivant' },
      { ...newer, nom: 'Version plus récente', date_maj: '2026-11-01' },
      ...demo.slice(13),
    ]
    const fileB = JSON.stringify([...JSON.parse(toJson(inB)), { id: 'incomplet' }])
    const dataDir = fresh()
    const from = fresh()
    writeFileSync(path.join(from, 'lieux-b.json'), fileB)
    writeFileSync(path.join(from, 'lieux-a.csv'), fileA)
    writeFileSync(path.join(from, 'communes.json'), communesJson)

    const result = await syncSnapshot({ dataDir, from, now: runningClock() })
    expect(result).toMatchObject({ total: 28, accepted: 23, rejected: 2, duplicates: 3, communes: 4 })
    expect(result.sources).toEqual([
      {
        file: 'lieux-a.csv',
        origin: path.join(from, 'lieux-a.csv'),
        total: 14,
        accepted: 13,
        rejected: 1,
        kept: 11,
      },
      {
        file: 'lieux-b.json',
        origin: path.join(from, 'lieux-b.json'),
        total: 14,
        accepted: 13,
        rejected: 1,
        kept: 12,
      },
    ])
    const meta = await readSnapshotMeta(dataDir)
    expect(meta?.lieux).toMatchObject({ total: 28, accepted: 23, rejected: 2, duplicates: 3, sources: result.sources })

    const dataset = await loadSnapshot(dataDir, MONDAY_10H30)
    expect(dataset?.lieux).toHaveLength(23)
    expect(new Set(dataset?.lieux.map((lieu) => lieu.id))).toEqual(new Set(demo.map((lieu) => lieu.id)))
    const byId = (id: string) => dataset?.lieux.find((lieu) => lieu.id === id)
    expect(byId(older.id)).toMatchObject({ nom: older.nom, date_maj: older.date_maj })
    expect(byId(tie.id)).toMatchObject({ nom: 'Même date, fichier suivant' })
    expect(byId(newer.id)).toMatchObject({ nom: 'Version plus récente', date_maj: '2026-11-01' })
    expect(dataset?.source.origins).toEqual([
      path.join(from, 'lieux-a.csv'),
      path.join(from, 'lieux-b.json'),
      path.join(from, 'communes.json'),
    ])

    const report = JSON.parse(readFileSync(result.reportFile, 'utf8'))
    expect(report).toMatchObject({ total: 28, acceptes: 26, rejetes: 2, lieux_gardes: 23, doublons: 3 })
    expect(report.lignes_rejetees).toHaveLength(2)
    expect(report.lignes_rejetees[0]).toMatchObject({
      fichier: 'lieux-a.csv',
      line: 15,
      errors: [{ line: 15, field: 'code_postal', message: expect.stringContaining('code') }],
    })
    expect(report.lignes_rejetees[1]).toMatchObject({ fichier: 'lieux-b.json' })
    expect(report.lignes_rejetees[1].errors.length).toBeGreaterThan(0)
    for (const error of report.lignes_rejetees[1].errors) expect(error.message).toEqual(expect.any(String))
  })
})

describe('aiguillage serve with a snapshot', () => {
  it('prefers the snapshot to the demo', async () => {
    const dataDir = fresh()
    await sync(dataDir, '/lieux.csv')
    const running = await startServer({
      port: 0,
      now: runningClock(),
      dataDir,
      autoSync: false,
      logger: pino({ level: 'silent' }),
    })
    try {
      const health = (await (await fetch(`${running.url}/healthz`)).json()) as any
      expect(health.donnees).toMatchObject({ demo: false, source: 'instantane' })
    } finally {
      await running.close()
    }
  })
  it('serves the demo at once without data, and swaps in the synced data when the background sync succeeds', async () => {
    const dataDir = fresh()
    const running = await startServer({
      port: 0,
      now: runningClock(),
      dataDir,
      autoSync: true,
      sync: { lieuxUrl: `${base}/lieux.csv`, communesUrl: `${base}/communes.json` },
      logger: pino({ level: 'silent' }),
    })
    try {
      expect(running.store.current.source.demo).toBe(true)
      await running.backgroundSync
      expect(running.store.current.source).toMatchObject({ demo: false, kind: 'instantane' })
    } finally {
      await running.close()
    }
  })
  it('keeps serving the demo when the background sync fails (no network)', async () => {
    const running = await startServer({
      port: 0,
      now: runningClock(),
      dataDir: fresh(),
      autoSync: true,
      sync: { lieuxUrl: `${base}/erreur.csv`, communesUrl: `${base}/communes.json` },
      logger: pino({ level: 'silent' }),
    })
    try {
      await running.backgroundSync
      expect(running.store.current.source.demo).toBe(true)
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200)
    } finally {
      await running.close()
    }
  })
})
