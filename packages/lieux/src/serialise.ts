import { formatCsvLine } from './csv.js'
import { LIST_SEPARATOR, type LieuField, lieuFields } from './fields.js'
import type { Lieu } from './lieu-schema.js'

/** A lieu in the standard's flat form: one text per field, lists joined with `|`, absent fields empty. */
export function toStandardRecord(lieu: Lieu): Record<LieuField, string> {
  const record = {} as Record<LieuField, string>
  for (const field of lieuFields) {
    const value = lieu[field]
    record[field] = value === undefined ? '' : Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value)
  }
  return record
}

/**
 * The lieux as a CSV file of the standard v1.0.2: the 32 columns in the official order, comma-separated,
 * UTF-8 text (no BOM), `\n` line ends. `readLieux(toCsv(lieux))` gives the same lieux back.
 */
export function toCsv(lieux: Iterable<Lieu>): string {
  return [...toCsvChunks(lieux, Number.POSITIVE_INFINITY)].join('')
}

/**
 * The same CSV as {@link toCsv}, a few rows at a time (the header with the first rows): a server writes a long export
 * chunk by chunk and answers other requests in between.
 * @example [...toCsvChunks(lieux, 100)].join('') === toCsv(lieux)
 */
export function* toCsvChunks(lieux: Iterable<Lieu>, rowsPerChunk = 200): Generator<string> {
  let lines = [formatCsvLine(lieuFields)]
  for (const lieu of lieux) {
    lines.push(csvLineOf(lieu))
    if (lines.length >= rowsPerChunk) {
      yield `${lines.join('\n')}\n`
      lines = []
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`
}

/**
 * The lieux as a JSON file of the standard: an array of flat objects with the official field names,
 * lists joined with `|` as in the CSV, coordinates as numbers, absent fields left out.
 */
export function toJson(lieux: Iterable<Lieu>, indent = 0): string {
  const out: Record<string, string | number>[] = []
  for (const lieu of lieux) {
    const record = toStandardRecord(lieu)
    const object: Record<string, string | number> = {}
    for (const field of lieuFields) {
      const value = lieu[field]
      if (value === undefined) continue
      object[field] = typeof value === 'number' ? value : record[field]
    }
    out.push(object)
  }
  return JSON.stringify(out, null, indent)
}

// A lieu's line never changes once read (lieux are not mutated): written once, as exports repeat the same lieux.
const csvLines = new WeakMap<Lieu, string>()

function csvLineOf(lieu: Lieu): string {
  let line = csvLines.get(lieu)
  if (line === undefined) {
    const record = toStandardRecord(lieu)
    line = formatCsvLine(lieuFields.map((field) => record[field]))
    csvLines.set(lieu, line)
  }
  return line
}
