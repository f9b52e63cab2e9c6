/*
 * A small RFC 4180 reader and writer. Written here rather than taken from a library because the
 * validation report needs what general parsers hide: the physical line each record starts on,
 * and recovery from an unclosed quote without swallowing the rest of the file.
 */

export type CsvRecord = {
  /** Physical line (1-based) where the record starts. */
  line: number
  cells: string[]
  /** Last physical line of the record, when it spans several (a quoted cell with line breaks). */
  endLine?: number
  /** Set when a quoted cell was never closed: the cell was cut at the end of its line. */
  unclosedQuoteLine?: number
}

export type CsvParseResult = {
  records: CsvRecord[]
  /** Lines with nothing but separators, skipped (they carry no data). */
  blankLines: number[]
}

const QUOTE = 34
const LF = 10
const CR = 13

/**
 * Parses CSV text into records. Handles quoted cells with separators, doubled quotes and line breaks,
 * CRLF and LF line ends, and a missing final line end. A quote that is never closed ends its cell at
 * the end of that line, and the record is flagged, so the following rows are still read.
 */
export function parseCsv(text: string, delimiter = ','): CsvParseResult {
  const blankLines: number[] = []
  const records = [...csvRecords(text, delimiter, blankLines)]
  return { records, blankLines }
}

/**
 * The records of CSV text one by one, as {@link parseCsv} reads them, so a large file can be validated
 * without holding every record at once. Lines with only separators are skipped and added to `blankLines`.
 */
export function* csvRecords(text: string, delimiter = ',', blankLines: number[] = []): Generator<CsvRecord> {
  const next = csvReader(text, delimiter, blankLines)
  for (let record = next(); record !== undefined; record = next()) yield record
}

/**
 * The same records as {@link csvRecords}, pulled by calling the returned function until it returns `undefined`.
 * What the validation of a file uses: a generator costs a resume and a result object per record.
 */
export function csvReader(text: string, delimiter = ',', blankLines: number[] = []): () => CsvRecord | undefined {
  const sep = delimiter.charCodeAt(0)
  const length = text.length
  let pos = 0
  let line = 1
  // Where the current line ends: an unquoted cell then ends at the next separator or there, found with indexOf
  // (much faster than a loop over characters). A line with a CR before its end (an old Mac line end, a stray CR)
  // needs the character loop, which ends a cell at any CR.
  let lineEnd = -1
  let nextCr = -1
  let scanByLine = true
  // The previous record's unquoted cells, by column: a cell written the same as the one above (the same services,
  // source or date on every row of a national file) is given the same string rather than a new one, so the rows
  // share it and later checks find it equal at once.
  const above: string[] = []
  // The cells of the record being read, in one array reused by every record, copied at its end: pushed into a new
  // array, each record's cells outgrew it twice (a quarter of what the reader allocates).
  const scratch: string[] = []

  /** Finds the end of the line at `pos`, and whether the character loop is needed on it. */
  function nextLine(): boolean {
    lineEnd = text.indexOf('\n', pos)
    if (lineEnd === -1) lineEnd = length
    if (nextCr !== length && nextCr < pos) {
      nextCr = text.indexOf('\r', pos)
      if (nextCr === -1) nextCr = length
    }
    scanByLine = nextCr >= lineEnd - 1
    return scanByLine
  }

  return function nextRecord(): CsvRecord | undefined {
    while (pos < length) {
      const recordLine = line
      let count = 0
      let unclosedQuoteLine: number | undefined
      let endOfRecord = false

      while (!endOfRecord) {
        if (text.charCodeAt(pos) === QUOTE) {
          // Quoted cell: read up to the closing quote, unescaping doubled quotes.
          const cellLine = line
          let value = ''
          let cursor = pos + 1
          let closed = false
          while (cursor < length) {
            const next = text.indexOf('"', cursor)
            if (next === -1) break
            value += text.slice(cursor, next)
            if (text.charCodeAt(next + 1) === QUOTE) {
              value += '"'
              cursor = next + 2
              continue
            }
            cursor = next + 1
            closed = true
            break
          }
          if (!closed) {
            // Recover: the cell runs to the end of its own line, and the record ends there.
            const lineEnd = text.indexOf('\n', pos)
            const end = lineEnd === -1 ? length : lineEnd
            const raw = text.slice(pos + 1, end)
            scratch[count++] = raw.endsWith('\r') ? raw.slice(0, -1) : raw
            unclosedQuoteLine = cellLine
            pos = end === length ? length : end + 1
            line = cellLine + 1
            endOfRecord = true
            continue
          }
          // Line breaks inside the quotes: none when the end of this line is past the closing quote.
          if (lineEnd < pos) nextLine()
          for (let next = lineEnd; next < cursor; next = text.indexOf('\n', next + 1)) {
            if (next === -1) break
            line++
          }
          // Text between the closing quote and the separator is kept (lenient, as spreadsheets are).
          let tail = cursor
          while (tail < length) {
            const c = text.charCodeAt(tail)
            if (c === sep || c === LF || c === CR) break
            tail++
          }
          scratch[count++] = tail > cursor ? value + text.slice(cursor, tail) : value
          pos = tail
        } else if (lineEnd >= pos ? scanByLine : nextLine()) {
          let end = text.indexOf(delimiter, pos)
          if (end === -1 || end > lineEnd)
            end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd
          const column = count
          // slice then === is cheaper than startsWith at the position (measured), and the slice dies young.
          const cell = text.slice(pos, end)
          const same = above[column]
          scratch[count++] = cell === same ? same : (above[column] = cell)
          pos = end
        } else {
          let end = pos
          while (end < length) {
            const c = text.charCodeAt(end)
            if (c === sep || c === LF || c === CR) break
            end++
          }
          scratch[count++] = text.slice(pos, end)
          pos = end
        }

        const c = text.charCodeAt(pos)
        if (c === sep) {
          pos++
          if (pos >= length) {
            scratch[count++] = ''
            endOfRecord = true
          }
        } else {
          if (c === CR) pos++
          if (text.charCodeAt(pos) === LF) pos++
          if (c === CR || c === LF) line++
          endOfRecord = true
        }
      }

      const cells = scratch.slice(0, count)
      if (unclosedQuoteLine === undefined && isBlank(cells)) {
        blankLines.push(recordLine)
        continue
      }
      const record: CsvRecord = { line: recordLine, cells }
      const lastLine = text.charCodeAt(pos - 1) === LF ? line - 1 : line
      if (lastLine > recordLine) record.endLine = lastLine
      if (unclosedQuoteLine !== undefined) record.unclosedQuoteLine = unclosedQuoteLine
      return record
    }
    return undefined
  }
}

/** Only empty or blank cells (a line of separators). A loop, not `every`: this runs for every record. */
function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string
    if (cell !== '' && cell.trim() !== '') return false
  }
  return true
}

/**
 * Guesses the separator from the header line: the standard asks for commas, but files saved by
 * French spreadsheets often use semicolons.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length)
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';'
  if (counts['\t'] > counts[',']) return '\t'
  return ','
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

/** Quotes a cell when it holds a separator, a quote, a line break or edge spaces. */
export function formatCsvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One CSV line (no line end). */
export function formatCsvLine(cells: readonly string[]): string {
  return cells.map(formatCsvCell).join(',')
}
