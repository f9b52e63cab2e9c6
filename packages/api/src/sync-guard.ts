// What `aiguillage sync` checks before a new file may replace the snapshot: that the file was not cut in the middle of
// a row, and that its number of lieux is in line with the last good snapshots (kept in a history apart from meta.json).
import { createHash, randomBytes } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { LieuxFileReport } from '@aiguillage/lieux'

/** One accepted snapshot, as the history remembers it. */
export type HistoryEntry = {
  date: string
  lieux: number
  communes: number
  /** Accepted with `accepterEcart` although it was out of the admitted range. */
  force?: boolean
}

/** How many accepted snapshots the history keeps. */
export const HISTORY_SIZE = 5

/** The history of the last good snapshots: `<dataDir>/historique.json`, outside the snapshot folder. */
export const historyFile = (dataDir: string) => path.join(dataDir, 'historique.json')

export type ReadHistory =
  { status: 'ok'; entries: HistoryEntry[] } | { status: 'missing' } | { status: 'corrupt'; problem: string }

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0

export async function readHistory(dataDir: string): Promise<ReadHistory> {
  let text: string
  try {
    text = await readFile(historyFile(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' }
    return { status: 'corrupt', problem: (error as Error).message }
  }
  try {
    const parsed = JSON.parse(text) as { instantanes?: unknown }
    const entries = parsed.instantanes
    if (
      !Array.isArray(entries) ||
      entries.length === 0 ||
      !entries.every(
        (entry: Partial<HistoryEntry> | null) =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof entry.date === 'string' &&
          isCount(entry.lieux) &&
          entry.lieux > 0 &&
          isCount(entry.communes),
      )
    )
      return { status: 'corrupt', problem: 'contenu inattendu' }
    return { status: 'ok', entries: entries as HistoryEntry[] }
  } catch (error) {
    return { status: 'corrupt', problem: (error as Error).message }
  }
}

/** Adds an accepted snapshot to the history, keeping the last {@link HISTORY_SIZE}; written to a temporary file, then renamed. */
export async function appendHistory(dataDir: string, previous: readonly HistoryEntry[], entry: HistoryEntry) {
  const entries = [...previous, entry].slice(-HISTORY_SIZE)
  const temp = `${historyFile(dataDir)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temp, `${JSON.stringify({ version: 1, instantanes: entries }, null, 2)}\n`)
  await rename(temp, historyFile(dataDir))
  return entries
}

/**
 * The reference a new count is compared with. A drop is judged from the largest of the recent good snapshots, so
 * partial files accepted one after the other cannot walk it down (after 100 then 91, a drop is still measured from
 * 100: 82 is −18 %). A growth is judged from the median (the lower middle value with an even number of snapshots), so
 * one snapshot forced upwards is not the reference alone (after 2 845 then a forced 370 741, from 2 845).
 */
export function referenceCount(counts: readonly number[], judging: 'baisse' | 'hausse'): number {
  const sorted = [...counts].sort((a, b) => a - b)
  if (judging === 'baisse') return sorted[sorted.length - 1] as number
  return sorted[Math.floor((sorted.length - 1) / 2)] as number
}

const count = (n: number) => n.toLocaleString('fr-FR')
const percent = (share: number) => `${Math.round(share * 100)} %`
const factor = (ratio: number) => `× ${ratio.toFixed(1).replace('.', ',')}`

export type GapLimits = {
  /** A new count below `reference × minKeepRatio` is refused (0.9: a drop of more than 10 %). */
  minKeepRatio: number
  /** A new count above `reference × maxGrowthRatio` is refused. */
  maxGrowthRatio: number
}

/** A count of the history; `force`: accepted with `accepterEcart`. A bare number is a count accepted normally. */
export type HistoryCount = number | { count: number; force?: boolean }

/**
 * Why a new count is out of line with the history, in French, or undefined when it is within the limits. The reference
 * is taken from the snapshots accepted normally ({@link referenceCount}: the largest for a drop, the median for a growth); a count in line with the latest snapshot
 * accepted with `accepterEcart` is also taken, since a person confirmed that level (the reference then follows it).
 * A forced outlier alone never moves the reference: the next correct file is still accepted. `what` is « lieux
 * valides » or « communes ».
 */
export function countGap(
  found: number,
  history: readonly HistoryCount[],
  limits: GapLimits,
  what: string,
): string | undefined {
  const entries = history.map((entry) => (typeof entry === 'number' ? { count: entry } : entry))
  if (entries.length === 0) return undefined
  const within = (reference: number) =>
    found >= reference * limits.minKeepRatio && found <= reference * limits.maxGrowthRatio
  const confirmed = entries.findLast((entry) => entry.force)?.count
  if (confirmed !== undefined && within(confirmed)) return undefined
  const normal = entries.filter((entry) => !entry.force).map((entry) => entry.count)
  const counts = normal.length > 0 ? normal : [confirmed as number]
  const single = counts.length === 1 ? 'dans le dernier instantané accepté' : undefined
  const dropReference = referenceCount(counts, 'baisse')
  if (found < dropReference * limits.minKeepRatio)
    return `Le nouveau fichier n’a que ${count(found)} ${what} contre ${count(dropReference)} ${single ?? `au plus haut des ${counts.length} derniers instantanés acceptés`} : −${percent(1 - found / dropReference)}, au-delà de la baisse admise (−${percent(1 - limits.minKeepRatio)}). Il semble partiel.`
  const growthReference = referenceCount(counts, 'hausse')
  if (found > growthReference * limits.maxGrowthRatio)
    return `Le nouveau fichier a ${count(found)} ${what} contre ${count(growthReference)} ${single ?? `d’habitude (médiane des ${counts.length} derniers instantanés acceptés)`} : ${factor(found / growthReference)} (+${percent(found / growthReference - 1)}), au-delà de la hausse admise (${factor(limits.maxGrowthRatio)}). Il semble anormal.`
  return undefined
}

export const FORCE_HINT =
  'L’instantané actuel est gardé. Si cet écart est réel, relancez avec --accepter-ecart (option accepterEcart: true).'

type Structural = { line: number; reason: string; unclosedQuote: boolean }

/**
 * A CSV file cut in the middle: its last row is incomplete (wrong number of cells or an unclosed quote) and the file
 * does not end with a line break, or its last row has a quote never closed, or its last rows are all incomplete. Rows rejected in the middle of the file are
 * normal and reported; only the end of the file is judged here. Returns the French explanation, or undefined.
 */
export function truncation(bytes: Uint8Array, report: LieuxFileReport): string | undefined {
  if (report.format !== 'csv') return undefined // a JSON file cut in the middle does not parse at all
  const rows: { line: number; structural?: Structural }[] = [
    ...report.accepted.map((row) => ({ line: row.line })),
    ...report.rejected.map((row) => {
      const issue = row.errors.find((e) => e.code === 'column_count' || e.code === 'unclosed_quote')
      return {
        line: row.line,
        ...(issue
          ? {
              structural: {
                line: row.line,
                reason: structuralReason(issue),
                unclosedQuote: issue.code === 'unclosed_quote',
              },
            }
          : {}),
      }
    }),
  ].sort((a, b) => a.line - b.line)
  const trailing: Structural[] = []
  for (let i = rows.length - 1; i >= 0; i--) {
    const structural = rows[i]?.structural
    if (!structural) break
    trailing.unshift(structural)
  }
  const first = trailing[0]
  if (!first) return undefined
  let end = bytes.byteLength - 1
  while (end >= 0 && (bytes[end] === 0x20 || bytes[end] === 0x09)) end--
  const endsWithLineBreak = bytes[end] === 0x0a || bytes[end] === 0x0d
  if (!endsWithLineBreak)
    return `le fichier semble coupé en cours de ligne : la ligne ${first.line} est incomplète (${first.reason}) et le fichier ne se termine pas par un saut de ligne.`
  // A quote never closed on the very last row: the file was cut inside a quoted cell, perhaps just after a line break
  // of that cell.
  const last = trailing[trailing.length - 1] as Structural
  if (last.unclosedQuote)
    return `le fichier semble coupé au milieu d’un texte entre guillemets : la ligne ${last.line} est incomplète (${last.reason}) et c’est la dernière du fichier.`
  if (trailing.length >= 3)
    return `le fichier semble coupé : ses ${trailing.length} dernières lignes, à partir de la ligne ${first.line}, sont incomplètes (${first.reason}).`
  return undefined
}

/** « 4 colonnes au lieu de 32 », « un guillemet ouvert ligne 97 n’est jamais fermé ». */
function structuralReason(issue: { code: string; message: string }): string {
  if (issue.code === 'unclosed_quote')
    return issue.message.replace(/^Un guillemet/, 'un guillemet').replace(/ : la ligne est lue.*$/, '')
  const cells = /(\d+) colonnes au lieu de (\d+)/.exec(issue.message)
  return cells ? `${cells[1]} colonnes au lieu de ${cells[2]}` : issue.message
}

/** Size and SHA-256 of a snapshot file, as meta.json records them. */
export type FileFingerprint = { size: number; sha256: string }

export const fingerprint = (bytes: Uint8Array): FileFingerprint => ({
  size: bytes.byteLength,
  sha256: createHash('sha256').update(bytes).digest('hex'),
})
