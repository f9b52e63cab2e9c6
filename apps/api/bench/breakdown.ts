// Profiling aid (not part of pnpm bench): where the time of one /v1/lieux answer goes.
import path from 'node:path'
import { Service } from '@aiguillage/lieux'
import pino from 'pino'
import { createApp, DatasetStore, loadFromFiles } from '../src/index.js'
import { resultJson } from '../src/serialize.js'

const sharedData = path.resolve(import.meta.dirname, '../../../../shared/data')
const dataset = await loadFromFiles(
  [path.join(sharedData, 'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv'), path.join(sharedData, 'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv')],
  path.join(sharedData, 'communes-france/communes-france.csv'),
  { kind: 'fichiers', demo: false, origins: [] },
)
const app = createApp({ store: new DatasetStore(dataset), logger: pino({ level: 'silent' }), config: { rateLimit: null } })
const time = (label: string, n: number, f: () => unknown) => {
  for (let i = 0; i < 200; i++) f()
  const s = performance.now()
  for (let i = 0; i < n; i++) f()
  console.log(label.padEnd(30), ((performance.now() - s) / n * 1000).toFixed(1), 'µs')
}
const now = new Date()
const lyon = dataset.territoires.resolve('Lyon').candidates[0]!.commune
const near = { latitude: lyon.latitude!, longitude: lyon.longitude! }
const filters = { services: [Service.AdministrativeProcedures] }
time('resolve', 3000, () => dataset.territoires.resolve('Lyon'))
time('search', 3000, () => dataset.index.search({ near, filters, limit: 10, now }))
time('search+total', 3000, () => dataset.index.search({ near, filters, limit: 10, now, withTotal: true, relax: true }))
const results = dataset.index.search({ near, filters, limit: 10, now }).results
time('opening x10 (fresh)', 300, () => dataset.index.search({ near, filters, limit: 10, now }).results.forEach((r) => r.opening))
time('resultJson x10 (opening done)', 3000, () => results.map((r) => resultJson(r, now)))
const json = results.map((r) => resultJson(r, now))
time('JSON.stringify', 3000, () => JSON.stringify(json))
console.log('bytes', JSON.stringify(json).length)
async function timeAsync(label: string, n: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await f()
  const s = performance.now()
  for (let i = 0; i < n; i++) await f()
  console.log(label.padEnd(30), ((performance.now() - s) / n * 1000).toFixed(1), 'µs')
}
await timeAsync('app.request /healthz', 2000, async () => (await app.request('/healthz')).text())
await timeAsync('app.request /v1/communes', 2000, async () => (await app.request('/v1/communes?q=lyon')).text())
await timeAsync('app.request /v1/lieux', 2000, async () => (await app.request(`/v1/lieux?commune=Lyon&services=${encodeURIComponent(Service.AdministrativeProcedures)}`)).text())
await timeAsync('app.request /v1/lieux lat/lon', 2000, async () => (await app.request(`/v1/lieux?latitude=45.75&longitude=4.85`)).text())
process.exit(0)
