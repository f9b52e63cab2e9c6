import { type CsvRecord, csvReader, detectDelimiter, parseCsv } from './csv.js'
import { decodeText, stripBom } from './decode.js'
import { isLieuField, lieuFields, requiredLieuFields } from './fields.js'
import { officialHeaderDeviation } from './official.js'
import { officialChecker } from './table-schema.js'
import { excerpt } from './text.js'
import { convertV0Row, lieuFieldsV0, v0OnlyFields, v1OnlyFields } from './v0.js'
import {
  type LieuxReport,
  type NextRow,
  nextRowOf,
  type RawRow,
  type RowIssue,
  rowFromUnknown,
  type ValidateOptions,
  validateRows,
} from './validate.js'

export type LieuxFormat = 'csv' | 'json'
export type SchemaVersion = '1.0.2' | '0.1.0'

export type ReadLieuxOptions = ValidateOptions & {
  /** Forces the format; otherwise taken from `fileName`'s extension, then from the content. */
  format?: LieuxFormat
  fileName?: string
  /** Forces the version of the standard; otherwise detected from the columns. */
  schemaVersion?: SchemaVersion
}

/** A file that can be read as lieux: the validation report, plus how the file was read. */
export type LieuxFileReport = LieuxReport & { format: LieuxFormat; schemaVersion: SchemaVersion }

/** Why a file cannot be read as lieux of the standard at all. */
export type UnusableFile = {
  code: 'empty_file' | 'invalid_json' | 'not_a_table' | 'no_standard_column'
  message: string
  line?: number
}

export type ReadLieuxResult = { ok: true; report: LieuxFileReport } | { ok: false; error: UnusableFile }

const v0Only: ReadonlySet<string> = new Set(v0OnlyFields)
const v1Only: ReadonlySet<string> = new Set(v1OnlyFields)
const v0Fields: ReadonlySet<string> = new Set(lieuFieldsV0)

function detectVersion(columns: readonly string[]): SchemaVersion {
  const hasV0 = columns.some((c) => v0Only.has(c))
  const hasV1 = columns.some((c) => v1Only.has(c))
  return hasV0 && !hasV1 ? '0.1.0' : '1.0.2'
}

function detectFormat(text: string, options: ReadLieuxOptions): LieuxFormat {
  if (options.format) return options.format
  const extension = options.fileName?.toLowerCase().match(/\.(csv|json|geojson)$/)?.[1]
  if (extension) return extension === 'csv' ? 'csv' : 'json'
  return /^\s*[[{]/.test(text) ? 'json' : 'csv'
}

/**
 * Reads a file of the standard (CSV or JSON, v1.0.2 or v0.1.0, given as bytes or text) and validates
 * every row. Returns `ok: false` only when the file cannot be read as lieux at all (empty, not JSON,
 * no column of the standard); otherwise a report where every row is accepted or rejected.
 * @example
 * const result = readLieux(bytes, { fileName: 'lieux.csv', now: new Date() })
 * if (result.ok) console.log(result.report.total, result.report.rejected.length)
 */
export function readLieux(input: string | Uint8Array, options: ReadLieuxOptions): ReadLieuxResult {
  const decoded = typeof input === 'string' ? { text: stripBom(input), nonUtf8Lines: [] } : decodeText(input)
  const text = decoded.text
  if (text.trim() === '') return { ok: false, error: { code: 'empty_file', message: 'Le fichier est vide.' } }

  const format = detectFormat(text, options)
  const fileWarnings: RowIssue[] = []
  if (decoded.nonUtf8Lines.length > 0)
    fileWarnings.push({
      line: decoded.nonUtf8Lines[0] ?? 1,
      field: null,
      code: 'not_utf8',
      message: `Le fichier n’est pas entièrement en UTF-8 (${decoded.nonUtf8Lines.length} ligne(s), la première ligne ${decoded.nonUtf8Lines[0]}) : réenregistrez-le en UTF-8. Les lignes touchées sont rejetées.`,
    })

  const read =
    format === 'json'
      ? readJsonRows(text, fileWarnings)
      : readCsvRows(text, new Set(decoded.nonUtf8Lines), fileWarnings)
  if (!read.ok) return read
  const version = options.schemaVersion ?? read.version
  let rows = read.rows
  if (version === '0.1.0') {
    fileWarnings.push({
      line: 1,
      field: null,
      code: 'v0_converted',
      message: 'Fichier au format v0.1.0 du standard : chaque ligne est convertie en v1.0.2 avant d’être validée.',
    })
    // The official schema v1.0.2 refuses a v0.1.0 file: its rows are usable after conversion, never *officiel*.
    const next = typeof rows === 'function' ? rows : nextRowOf(rows)
    rows = () => {
      const row = next()
      return row === undefined || row.unreadable ? row : { ...convertRow(row), notOfficial: true }
    }
  }
  const report = validateRows(rows, options)
  report.warnings.unshift(...fileWarnings)
  return { ok: true, report: { ...report, format, schemaVersion: version } }
}

function convertRow(row: RawRow): RawRow {
  const conversion = convertV0Row(row.values)
  const note = (n: { field: string; code: string; message: string }): RowIssue => ({ line: row.line, ...n })
  return {
    ...row,
    values: conversion.record,
    errors: [...(row.errors ?? []), ...conversion.errors.map(note)],
    warnings: [...(row.warnings ?? []), ...conversion.warnings.map(note)],
  }
}

type ReadRows =
  { ok: true; rows: Iterable<RawRow> | NextRow; version: SchemaVersion } | { ok: false; error: UnusableFile }

function readCsvRows(text: string, nonUtf8Lines: ReadonlySet<number>, fileWarnings: RowIssue[]): ReadRows {
  const delimiter = detectDelimiter(text)
  if (delimiter !== ',')
    fileWarnings.push({
      line: 1,
      field: null,
      code: 'delimiter',
      message: `Les colonnes sont séparées par « ${delimiter === '\t' ? 'tabulation' : delimiter} » : le standard demande des virgules. Le fichier est lu quand même.`,
    })
  // Records are read one at a time while rows are validated: a large file never has all its records in memory.
  const blankLines: number[] = []
  const records = csvReader(text, delimiter, blankLines)
  const header = records()
  if (!header) return { ok: false, error: { code: 'empty_file', message: 'Le fichier ne contient aucune ligne.' } }

  const columns = header.cells.map((name) => {
    const trimmed = name.trim()
    const lower = trimmed.toLowerCase()
    return isLieuField(lower) || v0Fields.has(lower) ? lower : trimmed
  })
  const known = columns.filter((c) => isLieuField(c) || v0Fields.has(c))
  if (known.length === 0)
    return {
      ok: false,
      error: {
        code: 'no_standard_column',
        line: 1,
        message: `La première ligne ne contient aucune colonne du standard des lieux de médiation numérique (attendu : ${lieuFields.slice(0, 6).join(', ')}…), trouvé « ${excerpt(header.cells.join(delimiter))} ».`,
      },
    }
  const version = detectVersion(columns)
  const expected: ReadonlySet<string> = version === '0.1.0' ? v0Fields : new Set(lieuFields)

  const seen = new Set<string>()
  const usable: boolean[] = columns.map((column) => {
    if (seen.has(column)) {
      fileWarnings.push({
        line: 1,
        field: column,
        code: 'duplicate_column',
        message: `La colonne « ${column} » apparaît deux fois : seule la première est lue.`,
      })
      return false
    }
    seen.add(column)
    if (!expected.has(column))
      fileWarnings.push({
        line: 1,
        field: column,
        code: 'unknown_column',
        message: `La colonne « ${excerpt(column)} » ne fait pas partie du standard v${version} : ses valeurs ne sont pas reprises.`,
      })
    return true
  })
  const cellOfField = lieuFields.map((field) => columns.findIndex((column, i) => column === field && usable[i]))
  // The official tools compare each label with the field at the same place, exactly (case, spaces, order).
  const headerIssues = version === '1.0.2' ? officialChecker.checkHeader(header.cells) : []
  const missingLabels = headerIssues.filter((issue) => issue.code === 'missing_label')
  for (const issue of headerIssues) {
    // Missing columns are said once, together: a file with the 7 required columns would otherwise get 25 warnings.
    if (issue.code === 'missing_label' && missingLabels.length > 1) continue
    fileWarnings.push({
      line: 1,
      field: issue.code === 'extra_label' ? issue.label : issue.code === 'wrong_order' ? null : issue.expected,
      code: 'not_official',
      message: officialHeaderDeviation(issue),
    })
  }
  if (missingLabels.length > 1)
    fileWarnings.push({
      line: 1,
      field: null,
      code: 'not_official',
      message: `En-tête : ${missingLabels.length} colonnes du schéma officiel manquent (${missingLabels.map((issue) => issue.expected).join(', ')}) : il les demande toutes, dans l’ordre, même vides.`,
    })
  for (const required of requiredLieuFields)
    if (!seen.has(required))
      fileWarnings.push({
        line: 1,
        field: required,
        code: 'missing_column',
        message: `La colonne obligatoire « ${required} » est absente : toutes les lignes seront rejetées.`,
      })
  const rows = csvRows(records, {
    text,
    delimiter,
    columns,
    cellOfField: version === '1.0.2' ? cellOfField : undefined,
    nonUtf8Lines,
    notOfficial: headerIssues.length > 0,
    blankLines,
    fileWarnings,
  })
  return { ok: true, rows, version }
}

/** A CSV row; the object of its values is only needed for rejected rows (their raw values) and v0 rows: built on demand. */
class CsvRow implements RawRow {
  readonly line: number
  errors?: RowIssue[]
  unreadable?: boolean
  cells?: { cells: readonly string[]; cellOfField: readonly number[] }
  notOfficial?: boolean
  #values: Record<string, unknown> | undefined
  readonly #record: CsvRecord
  readonly #columns: readonly string[]

  constructor(record: CsvRecord, columns: readonly string[]) {
    this.line = record.line
    this.#record = record
    this.#columns = columns
  }

  get values(): Record<string, unknown> {
    if (this.#values) return this.#values
    const built: Record<string, unknown> = {}
    const extra: string[] = []
    this.#record.cells.forEach((cell, i) => {
      const column = this.#columns[i]
      if (column === undefined) extra.push(cell)
      else if (!(column in built)) built[column] = cell
    })
    if (extra.length > 0) built.colonnes_en_trop = extra
    return (this.#values = built)
  }
}

type CsvRowsContext = {
  text: string
  delimiter: string
  columns: readonly string[]
  cellOfField: readonly number[] | undefined
  nonUtf8Lines: ReadonlySet<number>
  notOfficial: boolean
  /** Filled by the record reader as it goes: complete once every record is read. */
  blankLines: readonly number[]
  fileWarnings: RowIssue[]
}

/**
 * The rows of the records, pulled one by one, then the warning on blank lines once the last one is read. A function
 * rather than generators between the reader and the validation: each costs a resume and a result object per row.
 */
function csvRows(nextRecord: () => CsvRecord | undefined, context: CsvRowsContext): NextRow {
  const { text, delimiter, columns, blankLines, fileWarnings } = context
  let lines: string[] | undefined
  // The rows recovered from a record that swallowed several (rarely more than one record's worth).
  let pieces: CsvRecord[] = []
  let piece = 0
  let done = false
  return () => {
    if (piece < pieces.length) return csvRow(pieces[piece++] as CsvRecord, context)
    const record = nextRecord()
    if (record === undefined) {
      if (!done && blankLines.length > 0)
        fileWarnings.push({
          line: blankLines[0] ?? 1,
          field: null,
          code: 'blank_lines',
          message: `${blankLines.length} ligne(s) vide(s) ignorée(s) (ligne ${blankLines.slice(0, 5).join(', ')}${blankLines.length > 5 ? '…' : ''}).`,
        })
      done = true
      return undefined
    }
    if (record.endLine === undefined || record.cells.length === columns.length) return csvRow(record, context)
    pieces = splitSwallowedRows(record, (lines ??= text.split('\n')), delimiter, columns.length)
    piece = 1
    return csvRow(pieces[0] as CsvRecord, context)
  }
}

function csvRow(record: CsvRecord, context: CsvRowsContext): RawRow {
  const { columns, cellOfField, nonUtf8Lines, notOfficial } = context
  const row = new CsvRow(record, columns)
  if (cellOfField) row.cells = { cells: record.cells, cellOfField }
  if (notOfficial) row.notOfficial = true
  // Most rows have no error: the array is only made for those that have one.
  let errors: RowIssue[] | undefined
  if (record.unclosedQuoteLine !== undefined) {
    errors = [
      {
        line: record.line,
        field: null,
        code: 'unclosed_quote',
        message: `Un guillemet ouvert ligne ${record.unclosedQuoteLine} n’est jamais fermé : la ligne est lue jusqu’à sa fin, les suivantes sont lues normalement.`,
      },
    ]
    row.unreadable = true
  } else if (record.cells.length !== columns.length) {
    // Even extra *empty* cells are an error: one comma too many shifts every later column.
    errors = [
      {
        line: record.line,
        field: null,
        code: 'column_count',
        message: `La ligne a ${record.cells.length} colonnes au lieu de ${columns.length} : une virgule en trop ou en moins, ou un texte contenant une virgule sans guillemets.`,
      },
    ]
    row.unreadable = true
  }

  const lastLine = record.endLine ?? record.line
  if (nonUtf8Lines.size > 0 && [...nonUtf8Lines].some((l) => l >= record.line && l <= lastLine))
    for (const [field, value] of Object.entries(row.values)) {
      // eslint-disable-next-line no-control-regex -- "not ASCII" is the whole range above \x7f
      if (typeof value === 'string' && /[^\x00-\x7f]/.test(value))
        (errors ??= []).push({
          line: record.line,
          field,
          code: 'invalid_encoding',
          message: `Le texte « ${excerpt(value)} » n’est pas en UTF-8 (lu en Windows-1252) : réenregistrez le fichier en UTF-8.`,
        })
    }
  if (errors) row.errors = errors
  return row
}

/**
 * A stray quote pairs with the next quote of the file and turns several rows into one record with too
 * many cells. When a multi-line record has the wrong number of cells but its lines, read one by one,
 * include a complete row, read it line by line instead: the swallowed rows come back.
 */
function splitSwallowedRows(
  record: CsvRecord,
  lines: readonly string[],
  delimiter: string,
  columnCount: number,
): CsvRecord[] {
  const pieces: CsvRecord[] = []
  for (let line = record.line; line <= (record.endLine ?? record.line); line++) {
    const piece = parseCsv((lines[line - 1] ?? '').replace(/\r$/, ''), delimiter).records[0]
    if (piece)
      pieces.push({ ...piece, line, ...(piece.unclosedQuoteLine === undefined ? {} : { unclosedQuoteLine: line }) })
  }
  const recovered = pieces.some((piece) => piece.cells.length === columnCount && piece.unclosedQuoteLine === undefined)
  return recovered ? pieces : [record]
}

/** Lines where each top-level array element starts, found by scanning the text once (JSON.parse does not tell). */
function elementLines(text: string, arrayStart: number): number[] {
  const lines: number[] = []
  let line = 1
  for (let i = 0; i < arrayStart; i++) if (text.charCodeAt(i) === 10) line++
  let depth = 0
  let inString = false
  for (let i = arrayStart; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') {
      inString = true
      if (depth === 1) lines.push(line)
    } else if (c === '[' || c === '{') {
      if (depth === 1) lines.push(line)
      depth++
    } else if (c === ']' || c === '}') depth--
    else if (depth === 1 && c !== ',' && c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      lines.push(line)
      // Skip the rest of a bare value (number, true, null).
      while (i + 1 < text.length && !/[,\]\s]/.test(text[i + 1] as string)) i++
    }
  }
  return lines
}

/**
 * Keys are matched like CSV headers: "Adresse" is the standard's `adresse`. The official schema refuses such a key:
 * the row is not *officiel*, and `renamedKeys` remembers the first line of each renamed key for the warning.
 */
function withStandardKeys(row: RawRow, renamedKeys: Map<string, { line: number; field: string }>): RawRow {
  if (row.unreadable) return row
  let renamed: Record<string, unknown> | undefined
  for (const key of Object.keys(row.values)) {
    if (isLieuField(key) || v0Fields.has(key)) continue
    const lower = key.trim().toLowerCase()
    if ((isLieuField(lower) || v0Fields.has(lower)) && !(lower in row.values)) {
      renamed ??= { ...row.values }
      renamed[lower] = renamed[key]
      delete renamed[key]
      if (!renamedKeys.has(key)) renamedKeys.set(key, { line: row.line, field: lower })
    }
  }
  return renamed ? { ...row, values: renamed, notOfficial: true } : row
}

/**
 * Where JSON.parse stopped. V8 says "at position N", or only quotes the text around the error
 * ("Unexpected token '}', ...\"id\": }..." is not valid JSON"): then find that excerpt in the text.
 */
function jsonErrorPosition(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message)?.[1]
  if (position !== undefined) return Number(position)
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"(.*)"(?:\.\.\.)? is not valid JSON$/s.exec(message)
  if (!quoted) return undefined
  const [, token = '', clipped, context = ''] = quoted
  const at = text.indexOf(context)
  if (at === -1) return undefined
  // V8 shows ten characters before the faulty token when it clips the start.
  const offset = context.indexOf(token, clipped ? Math.max(0, Math.min(10, context.length - 1)) : 0)
  return at + Math.max(0, offset)
}

function readJsonRows(text: string, fileWarnings: RowIssue[]): ReadRows {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = jsonErrorPosition(text, message)
    const line = position === undefined ? undefined : text.slice(0, position).split('\n').length
    return {
      ok: false,
      error: {
        code: 'invalid_json',
        message: `Le fichier JSON est mal formé${line ? ` (ligne ${line})` : ''} : ${excerpt(message, 120)}.`,
        ...(line ? { line } : {}),
      },
    }
  }
  let items: unknown[] | undefined
  let arrayKey: string | undefined
  if (Array.isArray(data)) items = data
  else if (data !== null && typeof data === 'object') {
    // Also accept { "lieux": [...] } or { "data": [...] } wrappers.
    for (const key of ['lieux', 'data', 'items', 'results']) {
      const candidate = (data as Record<string, unknown>)[key]
      if (Array.isArray(candidate)) {
        items = candidate
        arrayKey = key
        break
      }
    }
  }
  if (!items)
    return {
      ok: false,
      error: {
        code: 'not_a_table',
        message: 'Le JSON doit être un tableau de lieux [ { "id": …, "nom": … }, … ] (ou { "lieux": [ … ] }).',
      },
    }
  const start = arrayKey === undefined ? text.indexOf('[') : text.indexOf('[', text.indexOf(`"${arrayKey}"`))
  const lines = elementLines(text, start)
  const renamedKeys = new Map<string, { line: number; field: string }>()
  const rows = items.map((item, index) =>
    withStandardKeys(rowFromUnknown(item, lines[index] ?? index + 1), renamedKeys),
  )
  for (const [key, { line, field }] of renamedKeys)
    fileWarnings.push({
      line,
      field,
      code: 'not_official',
      message: `Le champ « ${excerpt(key)} » est lu comme « ${field} », mais le schéma officiel ne connaît que « ${field} » : ces lignes seront refusées par les outils officiels. Écrivez « ${field} ».`,
    })
  const firstLineOfKey = new Map<string, number>()
  for (const row of rows)
    if (!row.unreadable)
      for (const key of Object.keys(row.values)) if (!firstLineOfKey.has(key)) firstLineOfKey.set(key, row.line)
  const keys = [...firstLineOfKey.keys()]
  if (items.length > 0 && !keys.some((k) => isLieuField(k) || v0Fields.has(k)))
    return {
      ok: false,
      error: {
        code: 'no_standard_column',
        message: `Les objets du JSON n’ont aucun champ du standard (attendu : ${lieuFields.slice(0, 6).join(', ')}…).`,
      },
    }
  const version = detectVersion(keys)
  const expected: ReadonlySet<string> = version === '0.1.0' ? v0Fields : new Set(lieuFields)
  for (const [key, line] of firstLineOfKey)
    if (!expected.has(key))
      fileWarnings.push({
        line,
        field: key,
        code: 'unknown_column',
        message: `Le champ « ${excerpt(key)} » ne fait pas partie du standard v${version} : ses valeurs ne sont pas reprises.`,
      })
  return { ok: true, rows, version }
}
