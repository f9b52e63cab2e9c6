import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  type AcceptedRow,
  type Clock,
  type Lieu,
  type LieuxFileReport,
  readLieux,
  type RowIssue,
  toCsv,
} from '@aiguillage/lieux'
import { parseCommuneCoordinates } from '@aiguillage/territoires'
import type { Logger } from 'pino'
import { type LieuxSourceCount, readSnapshotMeta, type SnapshotMeta, snapshotDir } from './load.js'
import {
  appendHistory,
  countGap,
  fingerprint,
  FORCE_HINT,
  type HistoryEntry,
  historyFile,
  readHistory,
  truncation,
} from './sync-guard.js'

/** The national dataset of lieux de médiation numérique (standard v1, CSV, published daily by ANCT on data.gouv.fr). */
export const OFFICIAL_LIEUX_URL = 'https://www.data.gouv.fr/fr/datasets/r/398edc71-0d51-4cb6-9cbe-2540a4db573c'
/** Communes and municipal arrondissements with their centre, from geo.api.gouv.fr. */
export const OFFICIAL_COMMUNES_URL =
  'https://geo.api.gouv.fr/communes?type=commune-actuelle,arrondissement-municipal&fields=code,nom,centre,codesPostaux,population&format=json'

export type DownloadProgress = { file: 'lieux' | 'communes'; received: number; total?: number; done?: boolean }

export type SyncOptions = {
  dataDir: string
  lieuxUrl: string
  communesUrl: string
  /**
   * Import local files from this folder instead of downloading: every `lieux*.csv|json` (merged, in name order) and
   * the first `communes*.csv|json`.
   */
  from?: string
  /** Longest a download may take, and longest it may stay silent, in ms. */
  timeoutMs: number
  idleTimeoutMs: number
  /**
   * A new file with fewer accepted lieux (or communes) than this share of the reference is taken as partial and
   * refused; the reference is the median of the last good snapshots, kept in `<dataDir>/historique.json`.
   */
  minKeepRatio: number
  /** A new file with more than this many times the reference's lieux (or communes) is refused. */
  maxGrowthRatio: number
  /** Accept a file out of the limits above (the history still records it). */
  accepterEcart?: boolean
  logger?: Logger
  quiet?: boolean
  onProgress?: (progress: DownloadProgress) => void
  /** Stamps the snapshot and judges the data's age. */
  now: Clock
}

export const defaultSyncOptions: Omit<SyncOptions, 'dataDir' | 'now'> = {
  lieuxUrl: process.env.AIGUILLAGE_LIEUX_URL ?? OFFICIAL_LIEUX_URL,
  communesUrl: process.env.AIGUILLAGE_COMMUNES_URL ?? OFFICIAL_COMMUNES_URL,
  timeoutMs: 180_000,
  idleTimeoutMs: 30_000,
  minKeepRatio: 0.9,
  maxGrowthRatio: 3,
}

export type SyncResult = {
  /** Rows read in all the lieux files. */
  total: number
  /** Lieux in the snapshot. */
  accepted: number
  /** Rows rejected by the validation. */
  rejected: number
  /** Accepted rows left out because their id was also in another file: `total = accepted + rejected + duplicates`. */
  duplicates: number
  /** What each lieux file read gave, in order. */
  sources: LieuxSourceCount[]
  communes: number
  directory: string
  reportFile: string
  /** The gaps accepted with `accepterEcart` (French sentences), when the file was out of the limits. */
  ecarts?: string[]
}

export class SyncError extends Error {}

/** Downloads a file completely, or fails: a timeout, an HTTP error or a body shorter than announced is an error. */
export async function download(
  url: string,
  options: Pick<SyncOptions, 'timeoutMs' | 'idleTimeoutMs'>,
  onProgress?: (received: number, total?: number) => void,
): Promise<Uint8Array> {
  const controller = new AbortController()
  let reason = ''
  const abort = (why: string) => {
    reason = why
    controller.abort()
  }
  const overall = setTimeout(
    () => abort(`délai dépassé (${Math.round(options.timeoutMs / 1000)} s)`),
    options.timeoutMs,
  )
  let idle = setTimeout(
    () => abort(`aucune donnée reçue pendant ${Math.round(options.idleTimeoutMs / 1000)} s`),
    options.idleTimeoutMs,
  )
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' })
    if (!response.ok || !response.body)
      throw new SyncError(`${url} : le serveur a répondu ${response.status} ${response.statusText}.`)
    const announced = Number(response.headers.get('content-length')) || undefined
    const chunks: Uint8Array[] = []
    let received = 0
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      clearTimeout(idle)
      idle = setTimeout(
        () => abort(`aucune donnée reçue pendant ${Math.round(options.idleTimeoutMs / 1000)} s`),
        options.idleTimeoutMs,
      )
      chunks.push(chunk)
      received += chunk.byteLength
      onProgress?.(received, announced)
    }
    if (announced !== undefined && received < announced)
      throw new SyncError(`${url} : téléchargement incomplet (${received} octets reçus sur ${announced}).`)
    return Buffer.concat(chunks)
  } catch (error) {
    if (error instanceof SyncError) throw error
    throw new SyncError(
      `${url} : ${reason || (error as Error).message}${(error as { cause?: { message?: string } }).cause?.message ? ` (${(error as { cause: { message: string } }).cause.message})` : ''}.`,
      { cause: error },
    )
  } finally {
    clearTimeout(overall)
    clearTimeout(idle)
  }
}

/** Every `prefix*.csv|json` of a folder, sorted by name; none is an error. */
async function localFiles(dir: string, prefix: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => []))
    .filter((n) => n.startsWith(prefix) && /\.(csv|json)$/i.test(n))
    .sort()
  if (names.length === 0) throw new SyncError(`Aucun fichier ${prefix}*.csv ou ${prefix}*.json dans ${dir}.`)
  return names.map((name) => path.join(dir, name))
}

export type MergedLieux = {
  lieux: Lieu[]
  /** For each report, how many of its lieux are kept. */
  keptBySource: number[]
  /** Accepted rows left out because their id was already given by another report. */
  duplicates: number
}

/**
 * Merges the accepted lieux of several files, in order. An id found in more than one file is kept once: the row with
 * the most recent `date_maj` wins, the later file on a tie; each row left out counts as a duplicate.
 */
export function mergeLieux(reports: readonly { accepted: readonly AcceptedRow[] }[]): MergedLieux {
  const byId = new Map<string, { lieu: Lieu; source: number }>()
  let duplicates = 0
  reports.forEach((report, source) => {
    for (const { lieu } of report.accepted) {
      const earlier = byId.get(lieu.id)
      if (earlier) duplicates++
      if (!earlier || lieu.date_maj >= earlier.lieu.date_maj) byId.set(lieu.id, { lieu, source })
    }
  })
  const keptBySource = reports.map(() => 0)
  const lieux: Lieu[] = []
  for (const { lieu, source } of byId.values()) {
    lieux.push(lieu)
    keptBySource[source] = (keptBySource[source] ?? 0) + 1
  }
  return { lieux, keptBySource, duplicates }
}

/**
 * Downloads (or imports with `from`) the national lieux and the communes, validates them, and writes a snapshot with
 * its validation report. The snapshot is replaced only when everything succeeded: the new files are written under new
 * names and `meta.json`, which points to them, is renamed last, so a failed, partial or invalid download never replaces
 * the previous snapshot.
 */
export async function syncSnapshot(
  input: Partial<SyncOptions> & Pick<SyncOptions, 'dataDir' | 'now'>,
): Promise<SyncResult> {
  const options: SyncOptions = { ...defaultSyncOptions, ...input }
  const now = input.now()
  const progress = (file: 'lieux' | 'communes') => (received: number, total?: number) =>
    options.onProgress?.({ file, received, ...(total === undefined ? {} : { total }) })

  // 1. Lieux: one downloaded file, or every lieux file of the folder.
  const inputs: { name: string; origin: string; bytes: Uint8Array }[] = []
  if (options.from) {
    for (const file of await localFiles(options.from, 'lieux'))
      inputs.push({ name: path.basename(file), origin: file, bytes: await readFile(file) })
  } else {
    const bytes = await download(options.lieuxUrl, options, progress('lieux'))
    inputs.push({ name: options.lieuxUrl.split('?')[0] as string, origin: options.lieuxUrl, bytes })
  }
  options.onProgress?.({
    file: 'lieux',
    received: inputs.reduce((n, input) => n + input.bytes.byteLength, 0),
    done: true,
  })
  const reads: { name: string; origin: string; bytes: Uint8Array; report: LieuxFileReport }[] = inputs.map((input) => {
    const read = readLieux(input.bytes, { fileName: input.origin.split('?')[0], now })
    if (!read.ok) throw new SyncError(`Fichier des lieux inutilisable (${input.origin}) : ${read.error.message}`)
    const cut = truncation(input.bytes, read.report)
    if (cut) throw new SyncError(`Fichier des lieux refusé (${input.origin}) : ${cut} L’instantané actuel est gardé.`)
    return { ...input, report: read.report }
  })
  const lieuxOrigin = reads.map((read) => read.origin).join(', ')
  const merged = mergeLieux(reads.map((read) => read.report))
  const sources: LieuxSourceCount[] = reads.map((read, i) => ({
    file: read.name,
    origin: read.origin,
    total: read.report.total,
    accepted: read.report.accepted.length,
    rejected: read.report.rejected.length,
    kept: merged.keptBySource[i] ?? 0,
  }))
  const total = sources.reduce((n, source) => n + source.total, 0)
  const rejected = sources.reduce((n, source) => n + source.rejected, 0)
  const accepted = merged.lieux.length
  if (accepted === 0) throw new SyncError(`Aucun lieu valide dans ${lieuxOrigin} (${rejected} ligne(s) rejetée(s)).`)
  const history = await guardHistory(options.dataDir, options.accepterEcart ?? false)
  const lieuxGap = countGap(
    accepted,
    history.map((entry) => ({ count: entry.lieux, ...(entry.force ? { force: true } : {}) })),
    options,
    'lieux valides',
  )
  if (lieuxGap && !options.accepterEcart) throw new SyncError(`${lieuxGap} ${FORCE_HINT}`)

  // 2. Communes.
  let communesText: string
  let communesOrigin: string
  if (options.from) {
    communesOrigin = (await localFiles(options.from, 'communes'))[0] as string
    communesText = await readFile(communesOrigin, 'utf8')
  } else {
    communesOrigin = options.communesUrl
    communesText = new TextDecoder().decode(await download(options.communesUrl, options, progress('communes')))
  }
  options.onProgress?.({ file: 'communes', received: communesText.length, done: true })
  const coordinates = parseCommuneCoordinates(communesText)
  if (coordinates.byCode.size === 0)
    throw new SyncError(
      `Aucune commune lisible dans ${communesOrigin} : ${coordinates.problems[0]?.message ?? 'fichier vide'}`,
    )
  const communesGap = countGap(
    coordinates.byCode.size,
    history
      .filter((entry) => entry.communes > 0)
      .map((entry) => ({ count: entry.communes, ...(entry.force ? { force: true } : {}) })),
    options,
    'communes',
  )
  if (communesGap && !options.accepterEcart)
    throw new SyncError(`Fichier des communes (${communesOrigin}) : ${communesGap} ${FORCE_HINT}`)

  // 3. Write new files under new names, then switch meta.json in one rename.
  const dir = snapshotDir(options.dataDir)
  await mkdir(dir, { recursive: true })
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const single = reads.length === 1 ? reads[0] : undefined
  const lieuxFile = `lieux-${stamp}.${single ? single.report.format : 'csv'}`
  const communesFile = `communes-${stamp}.${communesText.trimStart().startsWith('[') ? 'json' : 'csv'}`
  const reportFile = `rapport-validation-${stamp}.json`
  const countsByCode = (issues: readonly RowIssue[]) =>
    issues.reduce<Record<string, number>>(
      (counts, issue) => ({ ...counts, [issue.code]: (counts[issue.code] ?? 0) + 1 }),
      {},
    )
  // One file is kept as it came; several are written merged, as a CSV file of the standard.
  const lieuxBytes = single ? single.bytes : Buffer.from(toCsv(merged.lieux))
  const communesBytes = Buffer.from(communesText)
  await writeFile(path.join(dir, lieuxFile), lieuxBytes)
  await writeFile(path.join(dir, communesFile), communesBytes)
  await writeFile(
    path.join(dir, reportFile),
    `${JSON.stringify(
      {
        date: now.toISOString(),
        origine: lieuxOrigin,
        total,
        acceptes: sources.reduce((n, source) => n + source.accepted, 0),
        rejetes: rejected,
        lieux_gardes: accepted,
        doublons: merged.duplicates,
        fichiers: sources.map((source) => ({
          fichier: source.file,
          origine: source.origin,
          total: source.total,
          acceptes: source.accepted,
          rejetes: source.rejected,
          lieux_gardes: source.kept,
        })),
        erreurs_par_code: countsByCode(reads.flatMap((read) => read.report.rejected.flatMap((row) => row.errors))),
        avertissements_par_code: countsByCode(reads.flatMap((read) => read.report.warnings)),
        lignes_rejetees: reads.flatMap((read) => read.report.rejected.map((row) => ({ fichier: read.name, ...row }))),
      },
      null,
      2,
    )}\n`,
  )
  const meta: SnapshotMeta = {
    date: now.toISOString(),
    lieux: {
      file: lieuxFile,
      origin: lieuxOrigin,
      total,
      accepted,
      rejected,
      sources,
      duplicates: merged.duplicates,
      ...fingerprint(lieuxBytes),
    },
    communes: {
      file: communesFile,
      origin: communesOrigin,
      count: coordinates.byCode.size,
      ...fingerprint(communesBytes),
    },
  }
  const metaTemp = path.join(dir, `meta.json.${process.pid}.tmp`)
  await writeFile(metaTemp, `${JSON.stringify(meta, null, 2)}\n`)
  await rename(metaTemp, path.join(dir, 'meta.json'))
  await appendHistory(options.dataDir, history, {
    date: now.toISOString(),
    lieux: accepted,
    communes: coordinates.byCode.size,
    ...(lieuxGap || communesGap ? { force: true } : {}),
  })
  const ecarts = [lieuxGap, communesGap].filter((gap): gap is string => gap !== undefined)
  if (ecarts.length > 0) options.logger?.warn({ ecarts }, 'écart accepté (--accepter-ecart)')

  // 4. The previous files are no longer referenced.
  const keep = new Set(['meta.json', lieuxFile, communesFile, reportFile])
  for (const name of await readdir(dir)) if (!keep.has(name)) await rm(path.join(dir, name), { force: true })
  options.logger?.info(
    { lieux: accepted, rejetes: rejected, doublons: merged.duplicates, communes: coordinates.byCode.size },
    'instantané écrit',
  )
  return {
    total,
    accepted,
    rejected,
    duplicates: merged.duplicates,
    sources,
    communes: coordinates.byCode.size,
    directory: dir,
    reportFile: path.join(dir, reportFile),
    ...(ecarts.length > 0 ? { ecarts } : {}),
  }
}

/**
 * The accepted snapshots the new file is compared with: `historique.json`; without it (snapshots written before it
 * existed), the current snapshot's meta.json; with neither, nothing (a first sync). An unreadable history, or a
 * meta.json that exists but cannot be read without a history, leaves nothing to compare with: refused unless forced.
 */
async function guardHistory(dataDir: string, force: boolean): Promise<HistoryEntry[]> {
  const history = await readHistory(dataDir)
  if (history.status === 'ok') return history.entries
  const unreadable = (what: string) =>
    new SyncError(
      `${what} : impossible de comparer le nouveau fichier aux derniers instantanés acceptés. L’instantané actuel est gardé. Pour l’accepter quand même (et repartir de cet historique), relancez avec --accepter-ecart (option accepterEcart: true).`,
    )
  if (history.status === 'corrupt') {
    if (force) return []
    throw unreadable(`L’historique des instantanés ${historyFile(dataDir)} est illisible (${history.problem})`)
  }
  const meta = await readSnapshotMeta(dataDir)
  if (meta && meta.lieux?.accepted > 0)
    return [{ date: meta.date, lieux: meta.lieux.accepted, communes: meta.communes?.count ?? 0 }]
  const metaFile = path.join(snapshotDir(dataDir), 'meta.json')
  const metaExists = await access(metaFile).then(
    () => true,
    () => false,
  )
  if (metaExists && !force) throw unreadable(`Pas d’historique et ${metaFile} est illisible`)
  return []
}
