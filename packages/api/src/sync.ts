import { mkdir, open, readdir, readFile, rename, rm, unlink } from 'node:fs/promises'
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
import {
  type LieuxSourceCount,
  readSnapshotMetaState,
  type SnapshotMeta,
  snapshotDir,
  snapshotMetaFile,
} from './load.js'
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
import {
  createExclusive,
  fileSyncLock,
  holdToken,
  isStale,
  type LockOwner,
  ownerNow,
  readOwner,
  SYNC_LOCK_MAX_AGE_MS,
  type SyncLock,
  syncLockFile,
} from './sync-lock.js'

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
  /**
   * Only one sync at a time: taken around download, guard and publication. By default the lock file
   * `<dataDir>/sync.lock` ({@link fileSyncLock}); a lock shared by several machines (Redis) can be given instead.
   */
  lock?: SyncLock
  /**
   * How long to wait for a sync under way to finish, in ms (default 0: do not wait). Then, if it still runs, a
   * {@link SyncBusyError} says so and the snapshot is left to the sync under way.
   */
  lockWaitMs?: number
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
  /** What people should know although the sync succeeded (French sentences): a corrupt meta.json replaced… */
  warnings?: string[]
}

export class SyncError extends Error {}

/** Another sync holds the lock (after waiting `lockWaitMs`): this one did nothing, the other one publishes. */
export class SyncBusyError extends SyncError {
  constructor(
    message: string,
    readonly holder?: LockOwner,
  ) {
    super(message)
  }
}

/** « le processus 1234 sur la machine web-1, commencée le 2026-11-23T09:30:00.000Z ». */
const describeHolder = (holder?: LockOwner) =>
  holder ? ` (processus ${holder.pid} sur la machine ${holder.host}, commencée le ${holder.startedAt})` : ''

/** How often a sync waiting for the lock tries again. */
const LOCK_POLL_MS = 200

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
 * its validation report. Only one sync runs at a time ({@link SyncOptions.lock}): while another holds the lock, this
 * one waits `lockWaitMs` at most, then throws a {@link SyncBusyError}. The snapshot is replaced only when everything
 * succeeded: the new files are written under names of their own and `meta.json`, which points to them, is renamed
 * last, so a failed, partial or invalid download never replaces the previous snapshot; files are removed only when no
 * meta.json points to them and no sync under way may still publish them ({@link removeUnreferenced}).
 */
export async function syncSnapshot(
  input: Partial<SyncOptions> & Pick<SyncOptions, 'dataDir' | 'now'>,
): Promise<SyncResult> {
  const options: SyncOptions = { ...defaultSyncOptions, ...input }
  await mkdir(options.dataDir, { recursive: true })
  const lock = options.lock ?? fileSyncLock({ dataDir: options.dataDir, now: options.now })
  let attempt = await lock.acquire()
  // Waiting is counted in rounds of LOCK_POLL_MS: no clock is read here.
  for (let waited = 0; !attempt.acquired && waited < (options.lockWaitMs ?? 0); waited += LOCK_POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS))
    attempt = await lock.acquire()
  }
  if (!attempt.acquired)
    throw new SyncBusyError(
      `Une synchronisation est déjà en cours${describeHolder(attempt.holder)}. Celle-ci n’a rien fait : l’instantané sera mis à jour par celle qui est en cours. Si elle s’est arrêtée sans rendre son verrou (${syncLockFile(options.dataDir)}), la prochaine synchronisation le reprend, au plus tard ${SYNC_LOCK_MAX_AGE_MS / 3_600_000} h après son début.`,
      attempt.holder,
    )
  try {
    return await syncLocked(options, attempt.stillHeld)
  } finally {
    await attempt.release()
  }
}

async function syncLocked(options: SyncOptions, stillHeld: () => Promise<boolean>): Promise<SyncResult> {
  const now = options.now()
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
  const { entries: history, metaProblem } = await guardHistory(options.dataDir, options.accepterEcart ?? false)
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

  // 3. Write new files under names of their own, then switch meta.json in one rename. While the files are written and
  // not yet published, a marker `en-cours-ID.json` tells other syncs not to remove them.
  const dir = snapshotDir(options.dataDir)
  await mkdir(dir, { recursive: true })
  const owner = ownerNow(options.now)
  const id = `${now.toISOString().replace(/[:.]/g, '-')}-${owner.token}`
  const marker = path.join(dir, `en-cours-${id}.json`)
  const dropToken = holdToken(owner.token)
  await createExclusive(marker, owner)
  try {
    const single = reads.length === 1 ? reads[0] : undefined
    const lieuxFile = `lieux-${id}.${single ? single.report.format : 'csv'}`
    const communesFile = `communes-${id}.${communesText.trimStart().startsWith('[') ? 'json' : 'csv'}`
    const reportFile = `rapport-validation-${id}.json`
    const countsByCode = (issues: readonly RowIssue[]) =>
      issues.reduce<Record<string, number>>(
        (counts, issue) => ({ ...counts, [issue.code]: (counts[issue.code] ?? 0) + 1 }),
        {},
      )
    // One file is kept as it came; several are written merged, as a CSV file of the standard.
    const lieuxBytes = single ? single.bytes : Buffer.from(toCsv(merged.lieux))
    const communesBytes = Buffer.from(communesText)
    await writeDurably(path.join(dir, lieuxFile), lieuxBytes)
    await writeDurably(path.join(dir, communesFile), communesBytes)
    await writeDurably(
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
    // Taken over as stale (a sync that hung for an hour)? Then another sync publishes, not this one.
    if (!(await stillHeld()))
      throw new SyncBusyError(
        'Cette synchronisation a duré si longtemps que son verrou a été repris par une autre : elle ne publie rien, l’instantané est celui de l’autre.',
      )
    const metaTemp = path.join(dir, `meta.json.${id}.tmp`)
    await writeDurably(metaTemp, `${JSON.stringify(meta, null, 2)}\n`)
    await rename(metaTemp, snapshotMetaFile(options.dataDir))
    await appendHistory(options.dataDir, history, {
      date: now.toISOString(),
      lieux: accepted,
      communes: coordinates.byCode.size,
      ...(lieuxGap || communesGap ? { force: true } : {}),
    })
    const ecarts = [lieuxGap, communesGap].filter((gap): gap is string => gap !== undefined)
    if (ecarts.length > 0) options.logger?.warn({ ecarts }, 'écart accepté (--accepter-ecart)')
    const warnings = metaProblem
      ? [
          `${snapshotMetaFile(options.dataDir)} était illisible (${metaProblem}) ; le nouveau fichier, en accord avec l’historique des derniers instantanés acceptés, l’a remplacé.`,
        ]
      : []
    if (warnings.length > 0) options.logger?.warn({ avertissements: warnings }, 'meta.json illisible remplacé')

    // 4. The files no meta.json points to any more, and no sync under way may publish, are removed.
    await unlink(marker)
    await removeUnreferenced(options.dataDir, options.now)
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
      ...(warnings.length > 0 ? { warnings } : {}),
    }
  } finally {
    // On failure, the files written stay until a later sync removes them (the marker gone, they are unreferenced).
    await rm(marker, { force: true })
    dropToken()
  }
}

/** Writes a file and flushes it to the disk, so that a meta.json renamed afterwards never points to an empty file. */
async function writeDurably(file: string, data: Uint8Array | string) {
  const handle = await open(file, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The sync a file of the snapshot folder belongs to, from its name (`lieux-ID.csv`, `meta.json.ID.tmp`…). */
const fileId = (name: string) =>
  /^(?:lieux|communes|rapport-validation|en-cours)-(.+)\.(?:csv|json)$/.exec(name)?.[1] ??
  /^meta\.json\.(.+)\.tmp$/.exec(name)?.[1]

/**
 * Removes the files of the snapshot folder that the current meta.json does not point to, except those of a sync under
 * way (its marker `en-cours-ID.json` is there and its process alive): those may be published in a moment. The meta.json
 * is read after the markers, so that a sync which published and removed its marker meanwhile keeps its files. With a
 * meta.json that cannot be read, nothing is removed.
 */
export async function removeUnreferenced(dataDir: string, now: SyncOptions['now']): Promise<string[]> {
  const dir = snapshotDir(dataDir)
  const names = (await readdir(dir)).filter((name) => name !== 'meta.json')
  const live = new Set<string>()
  for (const id of new Set(names.map(fileId))) {
    if (id === undefined) continue
    const marker = await readOwner(path.join(dir, `en-cours-${id}.json`)).catch(() => undefined)
    if (marker?.owner && !isStale(marker.owner, now, SYNC_LOCK_MAX_AGE_MS)) live.add(id)
  }
  const state = await readSnapshotMetaState(dataDir)
  if (state.status !== 'ok') return []
  const referenced = new Set([state.meta.lieux.file, state.meta.communes.file])
  const removed: string[] = []
  for (const name of names) {
    const id = fileId(name)
    if (referenced.has(name) || (id !== undefined && live.has(id))) continue
    // The report of the snapshot served is kept with it.
    if (id !== undefined && [...referenced].some((file) => fileId(file) === id)) continue
    await rm(path.join(dir, name), { force: true })
    removed.push(name)
  }
  return removed
}
/**
 * The accepted snapshots the new file is compared with: `historique.json`, kept apart from the snapshot; without it
 * (snapshots written before it existed), the current snapshot's meta.json; with neither, nothing (a first sync). An
 * unreadable history, or a meta.json that exists but cannot be read without a history, leaves nothing to compare
 * with: refused unless forced. A corrupt meta.json never lowers the guard: with a history, the new file is judged
 * against it and `metaProblem` says what was wrong with meta.json, to be told once it is replaced.
 */
async function guardHistory(
  dataDir: string,
  force: boolean,
): Promise<{ entries: HistoryEntry[]; metaProblem?: string }> {
  const [history, meta] = await Promise.all([readHistory(dataDir), readSnapshotMetaState(dataDir)])
  const metaProblem = meta.status === 'corrupt' ? meta.problem : undefined
  const withProblem = metaProblem ? { metaProblem } : {}
  if (history.status === 'ok') return { entries: history.entries, ...withProblem }
  const unreadable = (what: string) =>
    new SyncError(
      `${what} : impossible de comparer le nouveau fichier aux derniers instantanés acceptés. L’instantané actuel est gardé. Pour l’accepter quand même (et repartir de cet historique), relancez avec --accepter-ecart (option accepterEcart: true).`,
    )
  if (history.status === 'corrupt') {
    if (force) return { entries: [], ...withProblem }
    throw unreadable(`L’historique des instantanés ${historyFile(dataDir)} est illisible (${history.problem})`)
  }
  if (meta.status === 'ok' && meta.meta.lieux.accepted > 0)
    return { entries: [{ date: meta.meta.date, lieux: meta.meta.lieux.accepted, communes: meta.meta.communes.count }] }
  if (meta.status === 'corrupt' && !force)
    throw unreadable(`Pas d’historique et ${snapshotMetaFile(dataDir)} est illisible (${meta.problem})`)
  return { entries: [], ...withProblem }
}
