// The API alone: reads the environment and listens (`aiguillage serve` does the same with command-line options).
import { apiConfigFromEnv } from './config.js'
import { startServer } from './server.js'

const server = await startServer({
  // The process's one clock: everything that reads the time gets it from here.
  now: () => new Date(),
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? '127.0.0.1',
  ...(process.env.AIGUILLAGE_LIEUX ? { lieux: process.env.AIGUILLAGE_LIEUX.split(',') } : {}),
  ...(process.env.AIGUILLAGE_COMMUNES ? { communes: process.env.AIGUILLAGE_COMMUNES } : {}),
  ...(process.env.AIGUILLAGE_DATA_DIR ? { dataDir: process.env.AIGUILLAGE_DATA_DIR } : {}),
  autoSync: process.env.AIGUILLAGE_AUTO_SYNC !== '0',
  api: apiConfigFromEnv(process.env),
})
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => {
    void server.close().then(() => process.exit(0))
  })
