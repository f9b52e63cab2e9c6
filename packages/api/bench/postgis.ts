// The PostGIS point of comparison of GET /v1/lieux: a throwaway PostgreSQL cluster with PostGIS (Debian's packages:
// postgresql-15-postgis-3), loaded with the lieux the API searches (the same files, the same merges) and the communes,
// and the minimal endpoint of bench/postgis-server.mjs over it. Run by the `postgres` user when the bench runs as root
// (PostgreSQL refuses root); a Unix socket in the cluster's folder, so that nothing else on the machine is touched.
import { execFileSync, spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { Dataset } from '../src/dataset.js'
import { communeKey } from './commune-key.mjs'
import { type ProcessStat, processStat, type Server, start } from './server-process.js'

export type Postgis = { endpoint: Server; cpuMicros: () => number; stop: () => Promise<void> }

/** Why PostGIS cannot be measured here, or undefined when it can. */
export function postgisMissing(): string | undefined {
  if (process.env.AIGUILLAGE_BENCH_POSTGIS === 'off') return 'AIGUILLAGE_BENCH_POSTGIS=off'
  let sharedir: string
  try {
    sharedir = execFileSync('pg_config', ['--sharedir'], { encoding: 'utf8' }).trim()
  } catch {
    return 'PostgreSQL n’est pas installé ici'
  }
  return existsSync(path.join(sharedir, 'extension', 'postgis.control'))
    ? undefined
    : 'PostgreSQL est installé ici, mais pas PostGIS (apt-get install postgresql-15-postgis-3)'
}

/** Starts the cluster, loads the dataset's searchable lieux and its communes, starts the endpoint. */
export async function startPostgis(dataset: Dataset): Promise<Postgis> {
  const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
  const dir = mkdtempSync(path.join(tmpdir(), 'aiguillage-postgis-'))
  const asRoot = userInfo().uid === 0
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, Number(ids), gid)
  }
  const command = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args]
  const data = path.join(dir, 'data')
  execFileSync(...command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']), { stdio: 'ignore' })
  // A bench, not a store: no durability, so that the load is quick; the searches never write.
  const [program, args] = command('postgres', [
    '-D',
    data,
    '-k',
    dir,
    '-c',
    'listen_addresses=',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ])
  const postgresCommand = [program, ...args].join(' ')
  const postmaster = spawn(program, args, { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => postmaster.once('exit', () => resolve()))
  let client: pg.Client | undefined
  for (let attempt = 0; !client; attempt++) {
    const candidate = new pg.Client({ host: dir, user: 'postgres', database: 'postgres' })
    candidate.on('error', () => {}) // the cluster still starting: tried again below
    try {
      await candidate.connect()
      client = candidate
    } catch (error) {
      if (attempt > 100)
        throw new Error(`PostgreSQL ne démarre pas (${postgresCommand}) : ${(error as Error).message}`, {
          cause: error,
        })
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  await load(client, dataset)
  await client.end()
  const endpoint = await start(path.join(import.meta.dirname, 'postgis-server.mjs'), [], { env: { PGHOST: dir } })
  const postmasterPid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
  return {
    endpoint,
    // The endpoint's CPU and the whole cluster's (the postmaster and its backends), as both answer each request.
    cpuMicros: () => processTreeMicros(endpoint.pid) + processTreeMicros(postmasterPid),
    stop: async () => {
      await endpoint.stop()
      // To the postmaster itself: runuser does not pass SIGINT (a fast shutdown: the clients are gone) on.
      process.kill(postmasterPid, 'SIGINT')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The lieux the API proposes (its index's), and the communes with coordinates, with the indexes a search uses. */
async function load(client: pg.Client, dataset: Dataset): Promise<void> {
  await client.query(`
    CREATE EXTENSION postgis;
    CREATE TABLE lieux (id text PRIMARY KEY, nom text, adresse text, code_postal text, commune text, telephone text,
      horaires text, services text[], geom geography(Point, 4326));
    CREATE TABLE communes (code text, nom text, cle text, codes_postaux text[], population int,
      geom geography(Point, 4326));`)
  const lieux = dataset.lieux.filter(
    (l) => dataset.index.byId(l.id) && l.latitude !== undefined && l.longitude !== undefined,
  )
  await client.query(
    `INSERT INTO lieux SELECT id, nom, adresse, code_postal, commune, telephone, horaires,
       string_to_array(services, '|'), ST_MakePoint(lon, lat)::geography
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::float8[], $10::float8[]) AS t(id, nom, adresse, code_postal, commune, telephone, horaires, services, lat, lon)`,
    [
      lieux.map((l) => l.id),
      lieux.map((l) => l.nom),
      lieux.map((l) => l.adresse),
      lieux.map((l) => l.code_postal),
      lieux.map((l) => l.commune),
      lieux.map((l) => l.telephone ?? null),
      lieux.map((l) => l.horaires ?? null),
      lieux.map((l) => (l.services ?? []).join('|')),
      lieux.map((l) => l.latitude),
      lieux.map((l) => l.longitude),
    ],
  )
  const communes = dataset.territoires.communes.filter((c) => c.latitude !== undefined && c.longitude !== undefined)
  await client.query(
    `INSERT INTO communes SELECT code, nom, cle, string_to_array(codes_postaux, '|'), population,
       ST_MakePoint(lon, lat)::geography
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::float8[])
       AS t(code, nom, cle, codes_postaux, population, lat, lon)`,
    [
      communes.map((c) => c.code),
      communes.map((c) => c.nom),
      communes.map((c) => communeKey(c.nom)),
      communes.map((c) => c.codesPostaux.join('|')),
      communes.map((c) => c.population),
      communes.map((c) => c.latitude),
      communes.map((c) => c.longitude),
    ],
  )
  await client.query(`
    CREATE INDEX ON lieux USING gist (geom);
    CREATE INDEX ON lieux USING gin (services);
    CREATE INDEX ON communes (cle);
    CREATE INDEX ON communes USING gin (codes_postaux);
    ANALYZE;`)
}

/** utime + stime of a process and of all its descendants still running, in µs. */
function processTreeMicros(root: number): number {
  const children = new Map<number, number[]>()
  const stats = new Map<number, ProcessStat>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = processStat(Number(entry))
    if (!stat) continue // ended meanwhile
    stats.set(Number(entry), stat)
    children.set(stat.parent, [...(children.get(stat.parent) ?? []), Number(entry)])
  }
  let total = 0
  const visit = (pid: number) => {
    total += stats.get(pid)?.cpuMicros ?? 0
    for (const child of children.get(pid) ?? []) visit(child)
  }
  visit(root)
  return total
}
