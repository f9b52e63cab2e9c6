// Profiling aid (not part of pnpm bench): the /v1/lieux handler in a loop, without the network.
import path from 'node:path'
import { Service } from '@aiguillage/lieux'
import pino from 'pino'
import { createApp, DatasetStore, loadFromFiles } from '../src/index.js'

const sharedData = path.resolve(import.meta.dirname, '../../../../shared/data')
const dataset = await loadFromFiles(
  [path.join(sharedData, 'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv'), path.join(sharedData, 'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv')],
  path.join(sharedData, 'communes-france/communes-france.csv'),
  { kind: 'fichiers', demo: false, origins: [] },
)
const app = createApp({ store: new DatasetStore(dataset), logger: pino({ level: 'silent' }), config: { rateLimit: null } })
const communes = ['Guéret', 'Aurillac', 'Lyon', 'Marseille', 'Lille', 'Toulouse', 'Rennes', 'Brest', 'Limoges', 'Dijon']
const n = Number(process.argv[2] ?? 3000)
const start = performance.now()
for (let i = 0; i < n; i++) await (await app.request(`/v1/lieux?commune=${encodeURIComponent(communes[i % communes.length] as string)}&services=${encodeURIComponent(Service.AdministrativeProcedures)}`)).text()
console.log(`${((performance.now() - start) / n * 1000).toFixed(0)} µs par requête`)
