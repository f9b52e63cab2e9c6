import { parseCsv } from '@aiguillage/lieux'

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
  const { records } = parseCsv(text)
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? []
  const code = header.findIndex((c) => c === 'code_insee' || c === 'code' || c === 'insee')
  const lat = header.findIndex((c) => c === 'latitude' || c === 'lat')
  const lon = header.findIndex((c) => c === 'longitude' || c === 'lon' || c === 'lng')
  const source = header.indexOf('coord_source')
  if (code < 0 || lat < 0 || lon < 0) {
    problems.push({ line: 1, message: 'Colonnes attendues : code_insee, latitude, longitude.' })
    return { byCode, problems }
  }
  for (const record of records.slice(1)) {
    const insee = record.cells[code]?.trim() ?? ''
    const latitude = record.cells[lat]?.trim() ?? ''
    const longitude = record.cells[lon]?.trim() ?? ''
    if (latitude === '' && longitude === '') continue // no coordinates known (some overseas collectivities): not a problem of the file
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
    byCode.set(insee, record.cells[source]?.endsWith('-approx') ? { ...point, approximate: true } : point)
  }
  return { byCode, problems }
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
