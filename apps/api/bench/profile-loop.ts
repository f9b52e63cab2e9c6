// Profiling aid (not part of pnpm bench): the /v1/lieux answer in a loop, profiled after start-up.
import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { Service } from '@aiguillage/lieux'
import pino from 'pino'
import { createApp, DatasetStore, loadFromFiles } from '../src/index.js'

const sharedData = path.resolve(import.meta.dirname, '../../../../shared/data')
const dataset = await loadFromFiles(
  [path.join(sharedData, 'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv')],
  path.join(sharedData, 'communes-france/communes-france.csv'),
  { kind: 'fichiers', demo: false, origins: [] },
)
const app = createApp({ store: new DatasetStore(dataset), logger: pino({ level: 'silent' }), config: { rateLimit: null } })
const url = `/v1/lieux?commune=Lyon&services=${encodeURIComponent(Service.AdministrativeProcedures)}`
for (let i = 0; i < 500; i++) await (await app.request(url)).text()
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.start')
for (let i = 0; i < 5000; i++) await (await app.request(url)).text()
const { profile } = await session.post('Profiler.stop')
writeFileSync('/tmp/loop.cpuprofile', JSON.stringify(profile))
process.exit(0)
