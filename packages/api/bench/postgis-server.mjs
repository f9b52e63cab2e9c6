// The point of comparison of GET /v1/lieux in pnpm bench: a minimal PostGIS-backed endpoint over the same lieux and
// communes (loaded by bench/postgis.ts), as one would write it in 30 lines: node:http, the pg client, one SQL query
// per request, the nearest lieux by the GiST index (`<->`), the rows as JSON. It answers the bench's questions (a
// point, a commune by name or postcode, services, q, rayon_km, limit, offset) and leaves out what the API adds
// (opening hours, misspelt names, homonyms, relaxed criteria): a cheaper answer than the API's, never a dearer one.
import { Buffer } from 'node:buffer'
import { createServer } from 'node:http'
import pg from 'pg'
import { communeKey } from './commune-key.mjs'

const pool = new pg.Pool({ host: process.env.PGHOST, user: 'postgres', database: 'postgres', max: 8 })
/** The nearest lieux to a point given as SQL: its parameters come first, the filters' after them (from $first on). */
const near = (here, first) => {
  const [services, q, radius, limit, offset] = [0, 1, 2, 3, 4].map((i) => `$${first + i}`)
  return `SELECT id, nom, adresse, code_postal, commune, telephone, horaires, services,
      round(ST_Distance(geom, ${here})) AS distance_m
    FROM lieux
    WHERE (${services}::text IS NULL OR services @> ARRAY[${services}::text])
      AND (${q}::text IS NULL OR nom ILIKE '%' || ${q} || '%')
      AND (${radius}::float8 IS NULL OR ST_DWithin(geom, ${here}, ${radius} * 1000))
    ORDER BY geom <-> ${here} LIMIT ${limit} OFFSET ${offset}`
}
// Prepared once per connection (named); the point is a constant of each execution, so the GiST index orders the rows.
const statements = {
  point: { name: 'point', text: near('ST_MakePoint($1, $2)::geography', 3) },
  commune: {
    name: 'commune',
    text: near('(SELECT geom FROM communes WHERE cle = $1 ORDER BY population DESC LIMIT 1)', 2),
  },
  postcode: {
    name: 'postcode',
    text: near(
      '(SELECT geom FROM communes WHERE codes_postaux @> ARRAY[$1::text] ORDER BY population DESC LIMIT 1)',
      2,
    ),
  },
}

const server = createServer(async (req, res) => {
  const q = new URL(req.url, 'http://localhost').searchParams
  const number = (name) => (q.has(name) ? Number(q.get(name)) : null)
  try {
    const filters = [q.get('services'), q.get('q'), number('rayon_km'), number('limit') ?? 10, number('offset') ?? 0]
    const { rows } = await pool.query(
      q.has('latitude')
        ? { ...statements.point, values: [number('longitude'), number('latitude'), ...filters] }
        : q.has('commune')
          ? { ...statements.commune, values: [communeKey(q.get('commune')), ...filters] }
          : { ...statements.postcode, values: [q.get('code_postal'), ...filters] },
    )
    const body = JSON.stringify({ lieux: rows })
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  } catch (error) {
    res.writeHead(500).end(String(error))
  }
})
server.listen(0, '127.0.0.1', () => process.stderr.write(`répond sur http://127.0.0.1:${server.address().port}\n`))
// A bench's endpoint: it stops at once (its pool's connections close with it).
process.once('SIGTERM', () => process.exit(0))
