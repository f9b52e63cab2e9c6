/** Where a commune is, for distances: its centroid (not its town hall). */
export type CommuneCoordinates = {
  latitude: number
  longitude: number
  /** The point is only approximate (an arrondissement's centre placed by hand, or its city's centroid). */
  approximate?: boolean
}

export type CoordinateTable = {
  byCode: Map<string, CommuneCoordinates>
  /** Rows that could not be read, with why: nothing is dropped silently. */
  problems: { line: number; message: string }[]
}

/**
 * Reads a commune coordinate table: either a CSV with `code_insee,…,latitude,longitude` columns (and an optional
 * `coord_source`, where a value ending in `-approx` marks an approximate point: `arrondissement-centre-approx` for an
 * arrondissement's own centre placed by hand, `parent-commune-centroid-approx` in older tables), or the JSON of
 * geo.api.gouv.fr (`[{ "code": "23096", "centre": { "type": "Point", "coordinates": [lon, lat] } }]`).
 */
export function parseCommuneCoordinates(text: string): CoordinateTable {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  return trimmed.startsWith('[') || trimmed.startsWith('{') ? fromGeoApiJson(trimmed) : fromCsv(trimmed)
}

function fromCsv(text: string): CoordinateTable {
  const byCode = new Map<string, CommuneCoordinates>()
  const problems: CoordinateTable['problems'] = []
  const reader = new CsvColumns(text)
  // The header is the first record with something in it (as parseCsv skips blank lines).
  let first = reader.next()
  while (first && first.blank) first = reader.next()
  const header = first?.cells.map((c) => c.trim().toLowerCase()) ?? []
  const code = header.findIndex((c) => c === 'code_insee' || c === 'code' || c === 'insee')
  const lat = header.findIndex((c) => c === 'latitude' || c === 'lat')
  const lon = header.findIndex((c) => c === 'longitude' || c === 'lon' || c === 'lng')
  const source = header.indexOf('coord_source')
  if (code < 0 || lat < 0 || lon < 0) {
    problems.push({ line: 1, message: 'Colonnes attendues : code_insee, latitude, longitude.' })
    return { byCode, problems }
  }
  // Only the four cells read are kept: a table of 35 000 communes has thirteen columns.
  const columns = [code, lat, lon, source]
  for (let record = reader.next(columns); record; record = reader.next(columns)) {
    const [cellCode, cellLatitude, cellLongitude, cellSource] = record.cells as [string, string, string, string]
    const latitude = cellLatitude.trim()
    const longitude = cellLongitude.trim()
    if (latitude === '' && longitude === '') continue // no coordinates known (some overseas collectivities): not a problem of the file
    const insee = cellCode.trim()
    const point = { latitude: Number(latitude), longitude: Number(longitude) }
    if (
      !/^[0-9AB]{5}$/.test(insee) ||
      !Number.isFinite(point.latitude) ||
      !Number.isFinite(point.longitude) ||
      Math.abs(point.latitude) > 90 ||
      Math.abs(point.longitude) > 180
    ) {
      problems.push({
        line: record.line,
        message: `Ligne illisible : code « ${insee} », latitude « ${latitude} », longitude « ${longitude} ».`,
      })
      continue
    }
    byCode.set(
      insee,
      cellSource.endsWith('-approx')
        ? { latitude: point.latitude, longitude: point.longitude, approximate: true }
        : point,
    )
  }
  return { byCode, problems }
}

const QUOTE = 34
const LF = 10
const CR = 13
const COMMA = 44

/**
 * CSV records read as `parseCsv` of @aiguillage/lieux reads them (quoted cells with separators, doubled quotes and line
 * breaks, CRLF or LF, a quote never closed ending its cell at the end of its line, physical line numbers), but keeping
 * only the cells of the columns asked for: the other cells are skipped without a string made for them.
 */
class CsvColumns {
  private pos = 0
  private line = 1

  constructor(private readonly text: string) {}

  /**
   * The next record: all its cells, or those of `columns` in that order ('' for a column it does not have; a column
   * below 0 is always ''). `blank` when all its cells are empty or spaces (parseCsv skips it): only said of a record read
   * whole.
   */
  next(columns?: readonly number[]): { line: number; cells: string[]; blank: boolean } | undefined {
    const text = this.text
    const length = text.length
    if (this.pos >= length) return undefined
    const line = this.line
    const cells: string[] = columns ? columns.map(() => '') : []
    let pos = this.pos
    let column = 0
    let unclosed = false
    let endOfRecord = false
    while (!endOfRecord) {
      const slot = columns ? columns.indexOf(column) : column
      if (text.charCodeAt(pos) === QUOTE) {
        let value = ''
        let cursor = pos + 1
        let closed = false
        while (cursor < length) {
          const next = text.indexOf('"', cursor)
          if (next === -1) break
          if (slot >= 0) value += text.slice(cursor, next)
          if (text.charCodeAt(next + 1) === QUOTE) {
            if (slot >= 0) value += '"'
            cursor = next + 2
            continue
          }
          cursor = next + 1
          closed = true
          break
        }
        if (!closed) {
          // As parseCsv: the cell runs to the end of its own line, and the record ends there.
          const lineEnd = text.indexOf('\n', pos)
          const end = lineEnd === -1 ? length : lineEnd
          if (slot >= 0) {
            const raw = text.slice(pos + 1, end)
            cells[slot] = raw.endsWith('\r') ? raw.slice(0, -1) : raw
          }
          unclosed = true
          this.pos = end === length ? length : end + 1
          this.line++
          break
        }
        for (let i = pos; i < cursor; i++) if (text.charCodeAt(i) === LF) this.line++
        // Text between the closing quote and the separator is kept (lenient, as spreadsheets are).
        let tail = cursor
        while (tail < length) {
          const c = text.charCodeAt(tail)
          if (c === COMMA || c === LF || c === CR) break
          tail++
        }
        if (slot >= 0) cells[slot] = tail > cursor ? value + text.slice(cursor, tail) : value
        pos = tail
      } else {
        let end = pos
        while (end < length) {
          const c = text.charCodeAt(end)
          if (c === COMMA || c === LF || c === CR) break
          end++
        }
        if (slot >= 0) cells[slot] = text.slice(pos, end)
        pos = end
      }
      column++
      const c = text.charCodeAt(pos)
      if (c === COMMA) {
        pos++
        // A separator ending the text opens a last, empty cell.
        if (pos >= length) {
          if (!columns) cells.push('')
          endOfRecord = true
        }
      } else {
        if (c === CR) pos++
        if (text.charCodeAt(pos) === LF) pos++
        if (c === CR || c === LF) this.line++
        endOfRecord = true
      }
    }
    if (!unclosed) this.pos = pos
    const blank = !unclosed && (columns ? false : cells.every((cell) => cell.trim() === ''))
    return { line, cells, blank }
  }
}

function fromGeoApiJson(text: string): CoordinateTable {
  const byCode = new Map<string, CommuneCoordinates>()
  const problems: CoordinateTable['problems'] = []
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    problems.push({ line: 1, message: `JSON mal formé : ${error instanceof Error ? error.message : String(error)}` })
    return { byCode, problems }
  }
  const items = Array.isArray(data) ? data : []
  items.forEach((item: unknown, index) => {
    const entry = item as { code?: unknown; centre?: { coordinates?: unknown } }
    const coordinates = entry?.centre?.coordinates
    if (
      typeof entry?.code === 'string' &&
      Array.isArray(coordinates) &&
      typeof coordinates[0] === 'number' &&
      typeof coordinates[1] === 'number'
    )
      byCode.set(entry.code, { latitude: coordinates[1], longitude: coordinates[0] })
    else
      problems.push({
        line: index + 1,
        message: `Élément ${index + 1} : attendu { "code": …, "centre": { "coordinates": [longitude, latitude] } }.`,
      })
  })
  return { byCode, problems }
}
