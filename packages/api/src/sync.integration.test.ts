import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Lieu, readLieux, toCsv, toJson } from '@aiguillage/lieux'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DataError, demoDir, loadSnapshot, readSnapshotMeta } from './load.js'
import { startServer } from './server.js'
import { type DownloadProgress, SyncError, syncSnapshot } from './sync.js'
import { historyFile } from './sync-guard.js'
import { capturingLogger, MONDAY_10H30, runningClock } from './test-support.js'

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

/** Files a test puts on the local server, served whole with their Content-Length at /fichiers/NAME. */
const served = new Map<string, Buffer>()

let server: http.Server
let base: string
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const file = served.get(req.url ?? '')
    if (file) {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': file.byteLength })
      return res.end(file)
    }
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
  it('answers from the moment it listens: names and the assistant are readied after, or at once when a request needs them', async () => {
    const running = await startServer({
      port: 0,
      now: runningClock(),
      dataDir: fresh(),
      autoSync: false,
      logger: pino({ level: 'silent' }),
    })
    try {
      // Asked before the steps after listening have run: the commune names and the assistant's code come on demand.
      const [communes, chat] = await Promise.all([
        fetch(`${running.url}/v1/communes?q=${encodeURIComponent('Guéret')}`),
        fetch(`${running.url}/v1/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'Bonjour, je cherche de l’aide pour internet' }),
        }),
      ])
      expect(communes.status).toBe(200)
      expect(((await communes.json()) as any).candidats[0]).toMatchObject({ code_insee: '23096' })
      expect(chat.status).toBe(200)
      expect(((await chat.json()) as any).messages.length).toBeGreaterThan(0)
      await running.ready
      expect((await fetch(`${running.url}/readyz`)).status).toBe(200)
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

// The red team's attacks on the snapshot, each reproduced: the file, what happened before this guard, what happens now.
describe('aiguillage sync refuses a file out of line with the last good snapshots', () => {
  const read = readLieux(lieuxCsv, { fileName: 'lieux-demo.csv', now: MONDAY_10H30 })
  if (!read.ok) throw new Error(read.error.message)
  const demo = read.report.accepted.map((row) => row.lieu)
  /** A national-like file of n valid lieux: the demo rows over and over, each with a new id. */
  const lieuxOf = (n: number) =>
    toCsv(Array.from({ length: n }, (_, i) => ({ ...(demo[i % demo.length] as Lieu), id: `lieu-${i}` })))
  /** A folder for --from with this lieux file and the communes. */
  const folder = (lieux: string) => {
    const from = fresh()
    writeFileSync(path.join(from, 'lieux.csv'), lieux)
    writeFileSync(path.join(from, 'communes.json'), communesJson)
    return from
  }
  const syncFrom = (dataDir: string, lieux: string, extra: Record<string, unknown> = {}) =>
    syncSnapshot({ dataDir, from: folder(lieux), now: runningClock(), ...extra })
  const serveFile = (name: string, text: string) => {
    served.set(`/fichiers/${name}`, Buffer.from(text))
    return `/fichiers/${name}`
  }
  /** Everything of the snapshot folder, to check a refused file changed nothing. */
  const snapshotState = (dataDir: string) =>
    snapshotFiles(dataDir).map((name) => [name, readFileSync(path.join(dataDir, 'snapshot', name), 'utf8')])
  const refusal = async (attempt: Promise<unknown>) => {
    const error = await attempt.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SyncError)
    return (error as Error).message.replace(/\s/g, ' ')
  }
  const history = (dataDir: string) =>
    (JSON.parse(readFileSync(historyFile(dataDir), 'utf8')) as { instantanes: { lieux: number; force?: boolean }[] })
      .instantanes

  it('refuses a file cut at a row boundary with 60 % of the lieux, downloaded or with --from, keeping the snapshot', async () => {
    const dataDir = fresh()
    const whole = lieuxOf(100)
    await syncFrom(dataDir, whole)
    const before = snapshotState(dataDir)
    // Cut after the 60th row: every row is complete, the file ends with a line break.
    const cut = `${whole.split('\n').slice(0, 61).join('\n')}\n`
    // One after the other: two syncs at once, the second would find the lock held.
    for (const attempt of [() => sync(dataDir, serveFile('coupe-60.csv', cut)), () => syncFrom(dataDir, cut)]) {
      const message = await refusal(attempt())
      expect(message).toMatch(/n’a que 60 lieux valides contre 100 dans le dernier instantané accepté : −40 %/)
      expect(message).toMatch(/baisse admise \(−10 %\)/)
      expect(message).toMatch(/L’instantané actuel est gardé.*--accepter-ecart/)
    }
    expect(snapshotState(dataDir)).toEqual(before)
    // Every row of the good file (its copies of the demo lieux are merged as duplicates when the dataset is built).
    const loaded = await loadSnapshot(dataDir, MONDAY_10H30)
    expect((loaded?.lieux.length ?? 0) + (loaded?.mergedRows ?? 0)).toBe(100)
  })

  it('refuses 51 %, and cannot be walked down: a drop is judged from the largest of the last good snapshots', async () => {
    const dataDir = fresh()
    for (let i = 0; i < 3; i++) await syncFrom(dataDir, lieuxOf(100))
    expect(await refusal(syncFrom(dataDir, lieuxOf(51)))).toMatch(/51 lieux valides contre 100 .* −49 %/)
    // A 9 % drop is within the limit…
    expect(await syncFrom(dataDir, lieuxOf(91))).toMatchObject({ accepted: 91 })
    // …but the next step is judged against the largest of 100, 100, 100, 91, not against the last 91.
    expect(await refusal(syncFrom(dataDir, lieuxOf(82)))).toMatch(
      /82 lieux valides contre 100 au plus haut des 4 derniers instantanés acceptés : −18 %/,
    )
    expect(history(dataDir).map((entry) => entry.lieux)).toEqual([100, 100, 100, 91])
    expect((await readSnapshotMeta(dataDir))?.lieux.accepted).toBe(91)
    // With a short history too: after 100 then 91, a drop is still measured from 100.
    const short = fresh()
    await syncFrom(short, lieuxOf(100))
    await syncFrom(short, lieuxOf(91))
    expect(await refusal(syncFrom(short, lieuxOf(82)))).toMatch(/82 lieux valides contre 100 .* −18 %/)
  })

  it('refuses a file of more than 3× the lieux unless accepterEcart, and takes a correct file again afterwards', async () => {
    const dataDir = fresh()
    for (let i = 0; i < 3; i++) await sync(dataDir, '/lieux.csv')
    const before = snapshotState(dataDir)
    const huge = serveFile('enorme.csv', lieuxOf(100))
    expect(await refusal(sync(dataDir, huge))).toMatch(
      /a 100 lieux valides contre 23 d’habitude .* : × 4,3 \(\+335 %\), au-delà de la hausse admise \(× 3,0\)/,
    )
    expect(snapshotState(dataDir)).toEqual(before)
    // Confirmed: accepted, and recorded in the history as forced.
    const forced = await sync(dataDir, huge, { accepterEcart: true })
    expect(forced).toMatchObject({ accepted: 100, ecarts: [expect.stringMatching(/a 100 lieux valides contre 23/)] })
    expect(history(dataDir).map((entry) => [entry.lieux, entry.force ?? false])).toEqual([
      [23, false],
      [23, false],
      [23, false],
      [100, true],
    ])
    // The correct file is accepted again: one forced snapshot does not become the reference by itself.
    expect(await sync(dataDir, '/lieux.csv')).toMatchObject({ accepted: 23 })
    expect(history(dataDir).map((entry) => entry.lieux)).toEqual([23, 23, 23, 100, 23])
    // The level confirmed with accepterEcart passes without the option while it is in the history.
    expect(await sync(dataDir, huge)).toMatchObject({ accepted: 100 })
    expect(history(dataDir).map((entry) => [entry.lieux, entry.force ?? false])).toEqual([
      [23, false],
      [23, false],
      [100, true],
      [23, false],
      [100, false],
    ])
  })

  it('keeps only the last 5 snapshots in the history', async () => {
    const dataDir = fresh()
    for (const n of [100, 101, 102, 103, 104, 105]) await syncFrom(dataDir, lieuxOf(n))
    expect(history(dataDir).map((entry) => entry.lieux)).toEqual([101, 102, 103, 104, 105])
  })

  it('refuses a quarter of the lieux even when meta.json is corrupt: the history is kept apart', async () => {
    const dataDir = fresh()
    await syncFrom(dataDir, lieuxOf(100))
    writeFileSync(path.join(dataDir, 'snapshot/meta.json'), '{ "date": "2026-11-2')
    const before = snapshotState(dataDir)
    expect(await refusal(syncFrom(dataDir, lieuxOf(25)))).toMatch(/25 lieux valides contre 100 .* −75 %/)
    expect(snapshotState(dataDir)).toEqual(before)
  })

  it('refuses when there is nothing to compare with but a snapshot exists (corrupt history, or no history and a corrupt meta.json)', async () => {
    const dataDir = fresh()
    await syncFrom(dataDir, lieuxOf(100))
    writeFileSync(historyFile(dataDir), 'pas du JSON')
    expect(await refusal(syncFrom(dataDir, lieuxOf(25)))).toMatch(/historique.json est illisible.*--accepter-ecart/)
    rmSync(historyFile(dataDir))
    writeFileSync(path.join(dataDir, 'snapshot/meta.json'), '{')
    expect(await refusal(syncFrom(dataDir, lieuxOf(25)))).toMatch(/Pas d’historique et .*meta.json est illisible/)
    // Forced, the history starts again from the file accepted.
    expect(await syncFrom(dataDir, lieuxOf(25), { accepterEcart: true })).toMatchObject({ accepted: 25 })
    expect(history(dataDir).map((entry) => entry.lieux)).toEqual([25])
  })

  it('starts the history from meta.json for a snapshot written before the history existed', async () => {
    const dataDir = fresh()
    await syncFrom(dataDir, lieuxOf(100))
    rmSync(historyFile(dataDir))
    expect(await refusal(syncFrom(dataDir, lieuxOf(60)))).toMatch(/60 lieux valides contre 100/)
    expect(await syncFrom(dataDir, lieuxOf(98))).toMatchObject({ accepted: 98 })
    expect(history(dataDir).map((entry) => entry.lieux)).toEqual([100, 98])
  })

  it('refuses a file cut in the middle of a row, naming the line, even when its Content-Length matches', async () => {
    // Cut near the end: 95 complete rows of 100 would pass the count guard (−5 %); the cut row gives it away.
    const dataDir = fresh()
    const whole = lieuxOf(100)
    await syncFrom(dataDir, whole)
    const before = snapshotState(dataDir)
    const line97 = whole.split('\n')[96] as string
    const cut = whole.slice(0, whole.indexOf(line97) + 60)
    const message = await refusal(sync(dataDir, serveFile('coupe-ligne.csv', cut)))
    expect(message).toMatch(
      /refusé \(.*coupe-ligne.csv\) : le fichier semble coupé en cours de ligne : la ligne 97 est incomplète \(\d+ colonnes au lieu de 32\) et le fichier ne se termine pas par un saut de ligne/,
    )
    expect(await refusal(syncFrom(dataDir, cut))).toMatch(/la ligne 97 est incomplète/)
    // Cut inside a quoted cell: the same.
    const rows = whole.split('\n')
    const withQuote = rows.findIndex((row, i) => i >= 90 && row.includes('"'))
    const quoted = whole.slice(0, whole.indexOf('"', whole.indexOf(rows[withQuote] as string)) + 8)
    expect(await refusal(syncFrom(dataDir, quoted))).toMatch(
      `la ligne ${withQuote + 1} est incomplète (un guillemet ouvert ligne ${withQuote + 1} n’est jamais fermé)`,
    )
    expect(snapshotState(dataDir)).toEqual(before)
  })
})

describe('a snapshot is verified before it is served', () => {
  const lieuxPath = async (dataDir: string) =>
    path.join(dataDir, 'snapshot', (await readSnapshotMeta(dataDir))?.lieux.file as string)

  it('records each file’s size and SHA-256 in meta.json', async () => {
    const dataDir = fresh()
    await sync(dataDir, '/lieux.csv')
    const meta = await readSnapshotMeta(dataDir)
    expect(meta?.lieux).toMatchObject({ size: lieuxCsv.byteLength, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(meta?.communes).toMatchObject({ size: Buffer.byteLength(communesJson), sha256: expect.any(String) })
  })

  it('refuses a lieux file cut to half inside the snapshot folder, naming it with the sizes', async () => {
    const dataDir = fresh()
    await sync(dataDir, '/lieux.csv')
    const file = await lieuxPath(dataDir)
    truncateSync(file, Math.floor(lieuxCsv.byteLength / 2))
    const error = await loadSnapshot(dataDir, MONDAY_10H30).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataError)
    expect((error as Error).message).toBe(
      `Instantané corrompu : ${file} fait ${Math.floor(lieuxCsv.byteLength / 2)} octets au lieu des ${lieuxCsv.byteLength} enregistrés dans meta.json (fichier tronqué ou modifié). Relancez « aiguillage sync ».`,
    )
    // Same size, another content.
    writeFileSync(file, Buffer.alloc(lieuxCsv.byteLength, 0x41))
    await expect(loadSnapshot(dataDir, MONDAY_10H30)).rejects.toThrow(/empreinte SHA-256 diffère/)
  })

  it('serve says so and falls back to the demo, then a background sync replaces the bad snapshot', async () => {
    const dataDir = fresh()
    await sync(dataDir, '/lieux.csv')
    truncateSync(await lieuxPath(dataDir), Math.floor(lieuxCsv.byteLength / 2))
    const { logger, lines } = capturingLogger()
    const running = await startServer({
      port: 0,
      now: runningClock(),
      dataDir,
      autoSync: true,
      sync: { lieuxUrl: `${base}/lieux.csv`, communesUrl: `${base}/communes.json` },
      logger,
    })
    try {
      expect(running.store.current.source.demo).toBe(true)
      expect(running.snapshotProblem).toMatch(/^Instantané corrompu : .*lieux-.* octets au lieu des/)
      const warning = lines.find(
        (line) => line.msg === 'instantané refusé ou illisible : données de démonstration servies',
      )
      expect((warning?.err as { message: string }).message).toMatch(
        /Instantané corrompu : .*lieux-.* octets au lieu des/,
      )
      await running.backgroundSync
      expect(running.store.current.source).toMatchObject({ demo: false, kind: 'instantane' })
    } finally {
      await running.close()
    }
  })

  it('serve says what is wrong with a corrupt meta.json, then a background sync judged against the history replaces it', async () => {
    const dataDir = fresh()
    await sync(dataDir, '/lieux.csv')
    writeFileSync(path.join(dataDir, 'snapshot/meta.json'), '{ "date": "2026-11-2')
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
      expect(running.snapshotProblem).toMatch(/^Instantané illisible : .*meta.json est corrompu \(JSON invalide/)
      await running.backgroundSync
      expect(running.store.current.source).toMatchObject({ demo: false, kind: 'instantane' })
    } finally {
      await running.close()
    }
  })

  it('still loads a snapshot written before checksums were recorded, with a warning', async () => {
    const dataDir = fresh()
    await sync(dataDir, '/lieux.csv')
    const metaPath = path.join(dataDir, 'snapshot/meta.json')
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'))
    for (const entry of [meta.lieux, meta.communes]) {
      delete entry.size
      delete entry.sha256
    }
    writeFileSync(metaPath, JSON.stringify(meta))
    const { logger, lines } = capturingLogger()
    expect((await loadSnapshot(dataDir, MONDAY_10H30, { logger }))?.lieux).toHaveLength(23)
    expect(lines.map((line) => line.msg)).toEqual([expect.stringMatching(/^instantané sans empreintes/)])
  })
})
