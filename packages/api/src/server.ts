import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { Logger } from 'pino'
import type { Assistant } from '@aiguillage/assistant'
import type { Clock } from '@aiguillage/lieux'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { type ApiConfig, chatEngine, createApp, defaultApiConfig } from './app.js'
import { handleClientErrors } from './client-errors.js'
import { createLogger } from './logger.js'
import { type Dataset, DatasetStore } from './dataset.js'
import { DataError, defaultDataDir, loadDemo, loadFromFiles, loadSnapshot } from './load.js'
import { syncSnapshot, type SyncOptions } from './sync.js'

export type ServeOptions = {
  port: number
  /** The one clock of the process: data age, opening hours, conversations, limits and tokens all read it. */
  now: Clock
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
  /** Other channels served by the same process (the web chat and its widget, Teams). */
  channels?: readonly Channel[]
}

/** What a channel gets from the server: the same engine as /v1/chat, the data, the logger and the settings. */
export type ChannelContext = {
  engine: () => Assistant
  store: DatasetStore
  logger: Logger
  config: ApiConfig
  now: Clock
}

/**
 * A channel mounted on the main process: routes on the Hono app (registered before the default home page) and/or
 * something attached to the HTTP server itself (a websocket upgrade). `close` runs before the server stops.
 */
export type Channel = {
  name: string
  routes?: (app: OpenAPIHono, context: ChannelContext) => void
  attach?: (server: ServerType, context: ChannelContext) => { close: () => Promise<void> }
}

export type RunningServer = {
  url: string
  port: number
  store: DatasetStore
  close: () => Promise<void>
  /** Settles when a background sync started at start-up is over (for tests). */
  backgroundSync: Promise<void>
  /** Why the snapshot was not served (files that do not match meta.json, unreadable files), when it was not. */
  snapshotProblem?: string
}

/** Chooses the data: the files given, else the last snapshot, else the demo (and a background sync attempt). */
async function initialDataset(
  options: ServeOptions,
  logger: Logger,
): Promise<{ dataset: Dataset; trySync: boolean; snapshotProblem?: string }> {
  if (options.lieux?.length || options.communes) {
    if (!options.lieux?.length || !options.communes)
      throw new DataError('Donnez les deux : --lieux FICHIER[,FICHIER…] et --communes FICHIER.')
    const dataset = await loadFromFiles(
      options.lieux,
      options.communes,
      {
        kind: 'fichiers',
        demo: false,
        origins: [...options.lieux, options.communes],
      },
      options.now(),
    )
    return { dataset, trySync: false }
  }
  // A snapshot whose files do not match meta.json (cut, changed) is refused and said so, as an unreadable one.
  let snapshotProblem: string | undefined
  const snapshot = await loadSnapshot(options.dataDir ?? defaultDataDir, options.now(), { logger }).catch(
    (error: unknown) => {
      snapshotProblem = (error as Error).message
      logger.warn(
        { err: { message: snapshotProblem } },
        'instantané refusé ou illisible : données de démonstration servies',
      )
      return undefined
    },
  )
  if (snapshot) return { dataset: snapshot, trySync: false }
  return {
    dataset: await loadDemo(options.now()),
    trySync: options.autoSync ?? true,
    ...(snapshotProblem ? { snapshotProblem } : {}),
  }
}

/**
 * Starts the API on a port: loads the data, builds the index, listens, and stops cleanly on SIGTERM/SIGINT
 * (the caller registers the signals; `close` finishes the requests under way).
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger()
  const { dataset, trySync, snapshotProblem } = await initialDataset(options, logger)
  const store = new DatasetStore(dataset)
  if (dataset.source.demo)
    logger.warn(
      'DONNÉES DE DÉMONSTRATION : lieux inventés. Lancez « pnpm aiguillage sync » ou donnez --lieux et --communes.',
    )
  logger.info(
    {
      lieux: dataset.lieux.length,
      proposables: dataset.index.size,
      rejetes: dataset.rejectedRows,
      source: dataset.source.kind,
    },
    'données chargées',
  )

  const engine = chatEngine(store, { now: options.now })
  const context: ChannelContext = {
    engine,
    store,
    logger,
    config: { ...defaultApiConfig, ...options.api },
    now: options.now,
  }
  const channels = options.channels ?? []
  const app = createApp({
    store,
    logger,
    engine,
    now: options.now,
    config: context.config,
    mount: (app) => channels.forEach((channel) => channel.routes?.(app, context)),
  })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, () => resolve(s))
  })
  // Requests node's parser refuses: a target in raw UTF-8 is read anyway, the others get a problem+json.
  handleClientErrors(server as Server, logger)
  const attached = channels.flatMap((channel) => (channel.attach ? [channel.attach(server, context)] : []))
  const port = (server.address() as AddressInfo).port
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`
  logger.info({ url }, 'API prête')

  const backgroundSync = trySync
    ? syncSnapshot({
        ...options.sync,
        dataDir: options.dataDir ?? defaultDataDir,
        now: options.now,
        logger,
        quiet: true,
      })
        .then(async (result) => {
          const fresh = await loadSnapshot(options.dataDir ?? defaultDataDir, options.now(), { logger })
          if (fresh) {
            store.replace(fresh)
            logger.info({ lieux: result.accepted }, 'données nationales chargées : fin de la démonstration')
          }
        })
        .catch((error: unknown) =>
          logger.warn(
            { err: { message: (error as Error).message } },
            'synchronisation impossible : les données de démonstration restent servies',
          ),
        )
    : Promise.resolve()

  return {
    url,
    port,
    store,
    backgroundSync,
    ...(snapshotProblem ? { snapshotProblem } : {}),
    close: async () => {
      await Promise.all(attached.map((channel) => channel.close()))
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Idle keep-alive connections would hold close() open.
        if ('closeIdleConnections' in server) server.closeIdleConnections()
      })
    },
  }
}
