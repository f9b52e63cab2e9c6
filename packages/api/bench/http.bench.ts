// pnpm bench: GET /v1/lieux (near a commune, one service filter) under autocannon, 50 connections, against a trivial
// Hono route served the same way in the same run; then the start-up time and memory of `aiguillage serve` with
// 20 000 lieux (the real ones replicated and jittered) and the 35 000 communes.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Lieu, readLieux, Service, toCsv } from '@aiguillage/lieux'
import autocannon from 'autocannon'
import { realLieuxFiles, sharedData } from '../src/test-support.js'
import { rssMb, start } from './server-process.js'

if (!existsSync(sharedData)) {
  console.log('Benchmark skipped: ../shared/data is absent.')
  process.exit(0)
}
const communesFile = path.join(sharedData, 'communes-france/communes-france.csv')

// 20 000 lieux from the real ones, moved by up to ~5 km, with unique ids.
const real: Lieu[] = realLieuxFiles.flatMap((file) => {
  const result = readLieux(readFileSync(file), { fileName: path.basename(file), now: new Date() })
  return result.ok ? result.report.accepted.map((row) => row.lieu) : []
})
let seed = 42
const next = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}
const lieux = Array.from({ length: 20_000 }, (_, i) => {
  const lieu = real[i % real.length] as Lieu
  if (i < real.length || lieu.latitude === undefined || lieu.longitude === undefined)
    return { ...lieu, id: `${lieu.id}~${i}` }
  return {
    ...lieu,
    id: `${lieu.id}~${i}`,
    latitude: lieu.latitude + (next() - 0.5) * 0.09,
    longitude: lieu.longitude + (next() - 0.5) * 0.13,
  }
})
const lieuxFile = path.join(mkdtempSync(path.join(tmpdir(), 'aiguillage-bench-')), 'lieux-20000.csv')
writeFileSync(lieuxFile, toCsv(lieux))

async function load(url: string, paths: string[]) {
  const result = await autocannon({
    url,
    connections: 50,
    duration: 10,
    requests: paths.map((p) => ({ method: 'GET', path: p })),
  })
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

const communes = [
  'Guéret',
  'Aurillac',
  'Lyon',
  'Marseille',
  'Lille',
  'Toulouse',
  'Rennes',
  'Brest',
  'Limoges',
  'Dijon',
  'Nantes',
  'Grenoble',
  'Annecy',
  'Le Puy-en-Velay',
  'Moulins 03',
  'Périgueux',
  'Tulle',
  'Rodez',
  'Mende',
  'Albi',
]
const paths = communes.map(
  (c) => `/v1/lieux?commune=${encodeURIComponent(c)}&services=${encodeURIComponent(Service.AdministrativeProcedures)}`,
)

const trivial = await start(
  ['--conditions=@aiguillage/source', '--import', 'tsx', path.join(import.meta.dirname, 'trivial-server.ts')],
  {},
)
const baseline = await load(trivial.url, ['/trivial'])
trivial.child.kill('SIGTERM')

const api = await start(
  [
    '--conditions=@aiguillage/source',
    '--import',
    'tsx',
    'apps/cli/src/main.ts',
    'serve',
    '--port',
    '0',
    '--lieux',
    lieuxFile,
    '--communes',
    communesFile,
  ],
  { AIGUILLAGE_RATE_LIMIT: 'off', AIGUILLAGE_CONCURRENCE: 'off', AIGUILLAGE_AUTO_SYNC: '0' },
)
const startupRss = rssMb(api.child.pid as number)
// A trivial route of the same server: /healthz goes through the same middleware (logs, headers, CORS, limits).
const sameServer = await load(api.url, ['/healthz'])
const measured = await load(api.url, paths)
// The same search from 5 000 different points: every answer is computed (the cache of recent answers cannot help).
const points = Array.from(
  { length: 5000 },
  () =>
    `/v1/lieux?latitude=${(43 + next() * 7.5).toFixed(5)}&longitude=${(-1.5 + next() * 8.5).toFixed(5)}&services=${encodeURIComponent(Service.AdministrativeProcedures)}`,
)
const computed = await load(api.url, points)
const afterLoadRss = rssMb(api.child.pid as number)
api.child.kill('SIGTERM')

const share = (rps: number) =>
  `${Math.round((rps / sameServer.rps) * 100)} % de /healthz, ${Math.round((rps / baseline.rps) * 100)} % de la route Hono nue`
console.log(
  `Route Hono nue (réponse de 11 octets, sans intergiciel) : ${baseline.rps} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms.`,
)
console.log(
  `GET /healthz du même serveur (mêmes intergiciels) : ${sameServer.rps} req/s, p50 ${sameServer.p50} ms, p99 ${sameServer.p99} ms.`,
)
console.log(
  `GET /v1/lieux (20 communes tour à tour + un service, 20 000 lieux) : ${measured.rps} req/s (${share(measured.rps)}), p50 ${measured.p50} ms, p99 ${measured.p99} ms ; erreurs ${measured.errors}, réponses non 2xx ${measured.non2xx}.`,
)
console.log(
  `GET /v1/lieux (5 000 points tous différents, chaque réponse calculée) : ${computed.rps} req/s (${share(computed.rps)}), p50 ${computed.p50} ms, p99 ${computed.p99} ms ; erreurs ${computed.errors}, réponses non 2xx ${computed.non2xx}.`,
)
console.log(
  `Démarrage avec 20 000 lieux et 35 014 communes : ${(api.ms / 1000).toFixed(2)} s ; mémoire ${startupRss} Mo au démarrage, ${afterLoadRss} Mo après la charge.`,
)
console.log('Objectifs : ≥ 50 % de la route triviale, p99 < 20 ms à 50 connexions ; démarrage < 3 s et < 400 Mo.')
process.exit(0)
