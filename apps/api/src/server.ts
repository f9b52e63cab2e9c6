import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import pino, { type Logger } from 'pino'
import { type ApiConfig, createApp } from './app.js'
import { type Dataset, DatasetStore } from './dataset.js'
import { DataError, defaultDataDir, loadDemo, loadFromFiles, loadSnapshot } from './load.js'
import { syncSnapshot, type SyncOptions } from './sync.js'

export type ServeOptions = {
  port: number
  host?: string
  /** Lieux files and commune table given explicitly (arguments or environment). */
  lieux?: readonly string[]
  communes?: string
  dataDir?: string
  /** With no data given and no snapshot: try a sync in the background, serving the demo meanwhile. */
  autoSync?: boolean
  sync?: Partial<SyncOptions>
  api?: Partial<ApiConfig>
  logger?: Logger
}

export type RunningServer = {
  url: string
  port: number
  store: DatasetStore
  close: () => Promise<void>
  /** Settles when a background sync started at start-up is over (for tests). */
  backgroundSync: Promise<void>
}

/** Chooses the data: the files given, else the last snapshot, else the demo (and a background sync attempt). */
async function initialDataset(options: ServeOptions, logger: Logger): Promise<{ dataset: Dataset; trySync: boolean }> {
  if (options.lieux?.length || options.communes) {
    if (!options.lieux?.length || !options.communes) throw new DataError('Donnez les deux : --lieux FICHIER[,FICHIER…] et --communes FICHIER.')
    const dataset = await loadFromFiles(options.lieux, options.communes, { kind: 'fichiers', demo: false, origins: [...options.lieux, options.communes] })
    return { dataset, trySync: false }
  }
  const snapshot = await loadSnapshot(options.dataDir ?? defaultDataDir).catch((error: unknown) => {
    logger.warn({ err: { message: (error as Error).message } }, 'instantané illisible : données de démonstration')
    return undefined
  })
  if (snapshot) return { dataset: snapshot, trySync: false }
  return { dataset: await loadDemo(), trySync: options.autoSync ?? true }
}

/**
 * Starts the API on a port: loads the data, builds the index, listens, and stops cleanly on SIGTERM/SIGINT
 * (the caller registers the signals; `close` finishes the requests under way).
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' })
  const { dataset, trySync } = await initialDataset(options, logger)
  const store = new DatasetStore(dataset)
  if (dataset.source.demo) logger.warn('DONNÉES DE DÉMONSTRATION : lieux inventés. Lancez « pnpm aiguillage sync » ou donnez --lieux et --communes.')
  logger.info({ lieux: dataset.lieux.length, proposables: dataset.index.size, rejetes: dataset.rejectedRows, source: dataset.source.kind }, 'données chargées')

  const app = createApp({ store, logger, config: options.api ?? {} })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, () => resolve(s))
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`
  logger.info({ url }, 'API prête')

  const backgroundSync = trySync
    ? syncSnapshot({ ...options.sync, dataDir: options.dataDir ?? defaultDataDir, logger, quiet: true })
        .then(async (result) => {
          const fresh = await loadSnapshot(options.dataDir ?? defaultDataDir)
          if (fresh) {
            store.replace(fresh)
            logger.info({ lieux: result.accepted }, 'données nationales chargées : fin de la démonstration')
          }
        })
        .catch((error: unknown) => logger.warn({ err: { message: (error as Error).message } }, 'synchronisation impossible : les données de démonstration restent servies'))
    : Promise.resolve()

  return {
    url,
    port,
    store,
    backgroundSync,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Idle keep-alive connections would hold close() open.
        if ('closeIdleConnections' in server) server.closeIdleConnections()
      }),
  }
}
