import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type Clock, readLieux, type RowIssue } from '@aiguillage/lieux'
import { parseCommuneCoordinates } from '@aiguillage/territoires'
import type { Logger } from 'pino'
import { readSnapshotMeta, type SnapshotMeta, snapshotDir } from './load.js'

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
  /** Import local files from this folder instead of downloading: `lieux*.csv|json` and `communes*.csv|json`. */
  from?: string
  /** Longest a download may take, and longest it may stay silent, in ms. */
  timeoutMs: number
  idleTimeoutMs: number
  /** A new file with fewer accepted lieux than this share of the previous snapshot is taken as partial and refused. */
  minKeepRatio: number
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
  minKeepRatio: 0.5,
}

export type SyncResult = {
  total: number
  accepted: number
  rejected: number
  communes: number
  directory: string
  reportFile: string
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

async function localFile(dir: string, prefix: string): Promise<string> {
  const names = (await readdir(dir).catch(() => []))
    .filter((n) => n.startsWith(prefix) && /\.(csv|json)$/i.test(n))
    .sort()
  if (names.length === 0) throw new SyncError(`Aucun fichier ${prefix}*.csv ou ${prefix}*.json dans ${dir}.`)
  return path.join(dir, names[0] as string)
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

  // 1. Lieux.
  let lieuxBytes: Uint8Array
  let lieuxOrigin: string
  if (options.from) {
    lieuxOrigin = await localFile(options.from, 'lieux')
    lieuxBytes = await readFile(lieuxOrigin)
  } else {
    lieuxOrigin = options.lieuxUrl
    lieuxBytes = await download(options.lieuxUrl, options, progress('lieux'))
  }
  options.onProgress?.({ file: 'lieux', received: lieuxBytes.byteLength, done: true })
  const read = readLieux(lieuxBytes, { fileName: lieuxOrigin.split('?')[0], now })
  if (!read.ok) throw new SyncError(`Fichier des lieux inutilisable (${lieuxOrigin}) : ${read.error.message}`)
  const report = read.report
  if (report.accepted.length === 0)
    throw new SyncError(`Aucun lieu valide dans ${lieuxOrigin} (${report.rejected.length} ligne(s) rejetée(s)).`)
  const previous = await readSnapshotMeta(options.dataDir)
  if (previous && report.accepted.length < previous.lieux.accepted * options.minKeepRatio)
    throw new SyncError(
      `Le nouveau fichier n’a que ${report.accepted.length} lieux valides contre ${previous.lieux.accepted} dans l’instantané actuel : il semble partiel. L’instantané actuel est gardé.`,
    )

  // 2. Communes.
  let communesText: string
  let communesOrigin: string
  if (options.from) {
    communesOrigin = await localFile(options.from, 'communes')
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
  if (previous && coordinates.byCode.size < previous.communes.count * options.minKeepRatio)
    throw new SyncError(
      `Le fichier des communes n’a que ${coordinates.byCode.size} communes contre ${previous.communes.count} : il semble partiel. L’instantané actuel est gardé.`,
    )

  // 3. Write new files under new names, then switch meta.json in one rename.
  const dir = snapshotDir(options.dataDir)
  await mkdir(dir, { recursive: true })
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const lieuxFile = `lieux-${stamp}.${report.format}`
  const communesFile = `communes-${stamp}.${communesText.trimStart().startsWith('[') ? 'json' : 'csv'}`
  const reportFile = `rapport-validation-${stamp}.json`
  const countsByCode = (issues: readonly RowIssue[]) =>
    issues.reduce<Record<string, number>>(
      (counts, issue) => ({ ...counts, [issue.code]: (counts[issue.code] ?? 0) + 1 }),
      {},
    )
  await writeFile(path.join(dir, lieuxFile), lieuxBytes)
  await writeFile(path.join(dir, communesFile), communesText)
  await writeFile(
    path.join(dir, reportFile),
    `${JSON.stringify(
      {
        date: now.toISOString(),
        origine: lieuxOrigin,
        total: report.total,
        acceptes: report.accepted.length,
        rejetes: report.rejected.length,
        erreurs_par_code: countsByCode(report.rejected.flatMap((row) => row.errors)),
        avertissements_par_code: countsByCode(report.warnings),
        lignes_rejetees: report.rejected,
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
      total: report.total,
      accepted: report.accepted.length,
      rejected: report.rejected.length,
    },
    communes: { file: communesFile, origin: communesOrigin, count: coordinates.byCode.size },
  }
  const metaTemp = path.join(dir, `meta.json.${process.pid}.tmp`)
  await writeFile(metaTemp, `${JSON.stringify(meta, null, 2)}\n`)
  await rename(metaTemp, path.join(dir, 'meta.json'))

  // 4. The previous files are no longer referenced.
  const keep = new Set(['meta.json', lieuxFile, communesFile, reportFile])
  for (const name of await readdir(dir)) if (!keep.has(name)) await rm(path.join(dir, name), { force: true })
  options.logger?.info(
    { lieux: report.accepted.length, rejetes: report.rejected.length, communes: coordinates.byCode.size },
    'instantané écrit',
  )
  return {
    total: report.total,
    accepted: report.accepted.length,
    rejected: report.rejected.length,
    communes: coordinates.byCode.size,
    directory: dir,
    reportFile: path.join(dir, reportFile),
  }
}
