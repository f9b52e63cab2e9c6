import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type LieuxFileReport, readLieux } from '@aiguillage/lieux'
import { type CoordinateTable, parseCommuneCoordinates } from '@aiguillage/territoires'
import { buildDataset, type Dataset, type DatasetSource } from './dataset.js'
import { loadOfficialGeography } from './geography.js'
import { readUtf8 } from './read-text.js'
import type { Logger } from 'pino'
import { z } from 'zod'

/** The repository's root, for the default data folder and the demo files. */
export const repositoryRoot = path.resolve(import.meta.dirname, '../../..')
/** Where `aiguillage sync` writes the snapshot, unless AIGUILLAGE_DATA_DIR says otherwise. */
export const defaultDataDir = path.join(repositoryRoot, '.data')
export const demoDir = path.resolve(import.meta.dirname, '../demo')

export class DataError extends Error {}

/**
 * Reads and validates lieux files to serve them; rejected rows are kept out and counted, an unusable file is an error.
 * `now` is the instant the data's age is judged at. Only acceptance is computed: no row warning, no official verdict
 * (`aiguillage validate` and `sync` report those).
 */
export async function readLieuxFiles(files: readonly string[], now: Date): Promise<LieuxFileReport[]> {
  const reports: LieuxFileReport[] = []
  for (const file of files) {
    let bytes: Uint8Array
    try {
      bytes = await readFile(file)
    } catch {
      throw new DataError(`Fichier de lieux introuvable : ${file}`)
    }
    const result = readLieux(bytes, { fileName: file, now, detail: 'acceptance' })
    if (!result.ok) throw new DataError(`${file} : ${result.error.message}`)
    reports.push(result.report)
  }
  return reports
}

export async function readCoordinates(file: string): Promise<CoordinateTable> {
  let text: string
  try {
    text = await readUtf8(file)
  } catch {
    throw new DataError(`Fichier des communes introuvable : ${file}`)
  }
  const table = parseCommuneCoordinates(text)
  if (table.byCode.size === 0)
    throw new DataError(
      `${file} : aucune coordonnée de commune lisible (${table.problems[0]?.message ?? 'fichier vide'}).`,
    )
  return table
}

export async function loadFromFiles(
  lieuxFiles: readonly string[],
  communesFile: string,
  source: DatasetSource,
  now: Date,
): Promise<Dataset> {
  const [reports, coordinates, cog] = await Promise.all([
    readLieuxFiles(lieuxFiles, now),
    readCoordinates(communesFile),
    loadOfficialGeography(),
  ])
  return buildDataset({ source, reports, coordinates, geography: cog, loadedAt: now })
}

/** The small dataset shipped with the project: invented lieux, a few communes. Flagged as demo everywhere. */
export function loadDemo(now: Date): Promise<Dataset> {
  return loadFromFiles(
    [path.join(demoDir, 'lieux-demo.csv')],
    path.join(demoDir, 'communes-demo.csv'),
    {
      kind: 'demo',
      demo: true,
      origins: ['packages/api/demo/lieux-demo.csv', 'packages/api/demo/communes-demo.csv'],
    },
    now,
  )
}

const count = z.number().int().nonnegative()

/** How one lieux file read by `aiguillage sync` contributed to the snapshot. */
export const LieuxSourceCountSchema = z.object({
  /** The file's name (or the URL downloaded). */
  file: z.string(),
  /** Its full path or URL. */
  origin: z.string(),
  /** Rows read, rows accepted by the validation, rows rejected. */
  total: count,
  accepted: count,
  rejected: count,
  /** Accepted lieux of this file that are in the snapshot (an id also in another file is kept once). */
  kept: count,
})
export type LieuxSourceCount = z.infer<typeof LieuxSourceCountSchema>

/**
 * The size in bytes and SHA-256 (hex) of a snapshot file, recorded when it is written and checked before it is served
 * (absent from snapshots written before they were recorded).
 */
export const FileCheckSchema = z.object({ size: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) })
export type FileCheck = z.infer<typeof FileCheckSchema>

/** A file name of the snapshot folder: no folder, nothing hidden. */
const snapshotFileName = z.string().regex(/^[^/\\.][^/\\]*$/, 'nom de fichier de l’instantané attendu')

/** `snapshot/meta.json`: the files of the current snapshot, their counts and fingerprints. */
export const SnapshotMetaSchema = z.object({
  date: z.string(),
  lieux: z.object({
    file: snapshotFileName,
    /** The file or URL read; with several files, their paths joined by « , ». */
    origin: z.string(),
    /** Rows read in all files; `accepted` is the number of lieux in the snapshot. */
    total: count,
    accepted: count,
    rejected: count,
    /** Each lieux file read, in order (absent from snapshots written before several files could be imported). */
    sources: z.array(LieuxSourceCountSchema).optional(),
    /** Accepted rows left out because their id was also in another file (absent: 0). */
    duplicates: count.optional(),
    ...FileCheckSchema.partial().shape,
  }),
  communes: z.object({ file: snapshotFileName, origin: z.string(), count, ...FileCheckSchema.partial().shape }),
})
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>

export const snapshotDir = (dataDir: string) => path.join(dataDir, 'snapshot')
export const snapshotMetaFile = (dataDir: string) => path.join(snapshotDir(dataDir), 'meta.json')

/** What `meta.json` holds: the meta, nothing (no snapshot yet), or why it cannot be read (`problem`, in French). */
export type SnapshotMetaState =
  | { status: 'ok'; meta: SnapshotMeta; text: string }
  | { status: 'missing' }
  | { status: 'corrupt'; problem: string; text?: string }

export async function readSnapshotMetaState(dataDir: string): Promise<SnapshotMetaState> {
  let text: string
  try {
    text = await readFile(snapshotMetaFile(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' }
    return { status: 'corrupt', problem: `lecture impossible (${(error as Error).message})` }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      status: 'corrupt',
      problem: text.trim() === '' ? 'fichier vide' : `JSON invalide (${(error as Error).message})`,
      text,
    }
  }
  const parsed = SnapshotMetaSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `champ « ${issue.path.join('.')} »` : 'contenu'
    return { status: 'corrupt', problem: `${where} inattendu (${issue?.message ?? 'forme inattendue'})`, text }
  }
  return { status: 'ok', meta: parsed.data, text }
}

/** The meta of the current snapshot; undefined when there is none or when it cannot be read ({@link readSnapshotMetaState} says why). */
export async function readSnapshotMeta(dataDir: string): Promise<SnapshotMeta | undefined> {
  const state = await readSnapshotMetaState(dataDir)
  return state.status === 'ok' ? state.meta : undefined
}

/**
 * Checks each snapshot file against the size and SHA-256 recorded in meta.json: a file cut, changed or missing is a
 * DataError naming it. A snapshot written before they were recorded is not checked, and a warning says so.
 */
export async function verifySnapshot(
  dataDir: string,
  meta: SnapshotMeta,
  logger?: Pick<Logger, 'warn'>,
): Promise<void> {
  const dir = snapshotDir(dataDir)
  let unchecked = false
  for (const entry of [meta.lieux, meta.communes]) {
    const file = path.join(dir, entry.file)
    if (entry.size === undefined || entry.sha256 === undefined) {
      unchecked = true
      continue
    }
    let bytes: Buffer
    try {
      bytes = await readFile(file)
    } catch {
      throw new DataError(`Instantané incomplet : le fichier ${file} est introuvable. Relancez « aiguillage sync ».`)
    }
    if (bytes.byteLength !== entry.size)
      throw new DataError(
        `Instantané corrompu : ${file} fait ${bytes.byteLength} octets au lieu des ${entry.size} enregistrés dans meta.json (fichier tronqué ou modifié). Relancez « aiguillage sync ».`,
      )
    if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256)
      throw new DataError(
        `Instantané corrompu : ${file} a bien ${entry.size} octets mais son empreinte SHA-256 diffère de celle de meta.json (fichier modifié). Relancez « aiguillage sync ».`,
      )
  }
  if (unchecked)
    logger?.warn(
      { instantane: dir },
      'instantané sans empreintes (écrit par une version antérieure) : ses fichiers ne sont pas vérifiés ; relancez « aiguillage sync » pour les enregistrer',
    )
}

/**
 * The last snapshot written by `aiguillage sync`, if there is one, once its files are checked against meta.json
 * ({@link verifySnapshot}: a DataError when they do not match). A meta.json that cannot be read is a DataError saying
 * what is wrong with it. A sync publishing meanwhile may remove the files of the meta.json just read: the new
 * meta.json is then read again (a few times at most).
 */
export async function loadSnapshot(
  dataDir: string,
  now: Date,
  options: { logger?: Pick<Logger, 'warn'> } = {},
): Promise<Dataset | undefined> {
  for (let attempt = 1; ; attempt++) {
    const state = await readSnapshotMetaState(dataDir)
    if (state.status === 'missing') return undefined
    if (state.status === 'corrupt')
      throw new DataError(
        `Instantané illisible : ${snapshotMetaFile(dataDir)} est corrompu (${state.problem}). Il dit quels fichiers servir : sans lui, l’instantané ne peut pas être chargé. Relancez « aiguillage sync » : l’historique des derniers instantanés, gardé à part dans ${path.join(dataDir, 'historique.json')}, empêche un fichier partiel de le remplacer.`,
      )
    try {
      return await loadMeta(dataDir, state.meta, now, options)
    } catch (error) {
      const again = await readSnapshotMetaState(dataDir)
      const replaced = again.status === 'ok' && again.text !== state.text
      if (!replaced || attempt >= 3) throw error
    }
  }
}

async function loadMeta(
  dataDir: string,
  meta: SnapshotMeta,
  now: Date,
  options: { logger?: Pick<Logger, 'warn'> },
): Promise<Dataset> {
  await verifySnapshot(dataDir, meta, options.logger)
  const dir = snapshotDir(dataDir)
  return loadFromFiles(
    [path.join(dir, meta.lieux.file)],
    path.join(dir, meta.communes.file),
    {
      kind: 'instantane',
      demo: false,
      origins: [...(meta.lieux.sources?.map((source) => source.origin) ?? [meta.lieux.origin]), meta.communes.origin],
      date: meta.date,
    },
    now,
  )
}
