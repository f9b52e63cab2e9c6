import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { Logger } from 'pino'
import type { Clock } from '@aiguillage/lieux'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { type ApiConfig, type ChatEngine, chatEngine, createApp, defaultApiConfig } from './app.js'
import { handleClientErrors } from './client-errors.js'
import { createLogger } from './logger.js'
import { type Dataset, DatasetStore } from './dataset.js'
import { DataError, defaultDataDir, loadDemo, loadFromFiles, loadSnapshot } from './load.js'
import { redisSharedState } from './redis-state.js'
import { memorySharedState, type SharedState } from './shared-state.js'
import { SyncBusyError, syncSnapshot, type SyncOptions } from './sync.js'

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
  /**
   * Redis (AIGUILLAGE_REDIS_URL): conversations, sessions and limits shared by every instance, one scheduled sync for
   * all and a reload on each when it is done. Without it, all of that lives in this process.
   */
  redisUrl?: string
  /** A sync every so often (serving a snapshot or the demo): one instance runs it, every instance reloads. */
  syncIntervalMs?: number
  /** How long a stop lets requests under way finish before cutting the connections left (8 s: exit within 10 s). */
  drainMs?: number
}

/** What a channel gets from the server: the same engine as /v1/chat, the data, the logger and the settings. */
export type ChannelContext = {
  engine: () => ChatEngine
  store: DatasetStore
  logger: Logger
  config: ApiConfig
  now: Clock
  /** What the instances share (conversations, bot state, sessions, limits). */
  shared: SharedState
}

/**
 * A channel mounted on the main process: routes on the Hono app (registered before the default home page) and/or
 * something attached to the HTTP server itself (a websocket upgrade). `close` runs before the server stops.
 */
export type Channel = {
  name: string
  routes?: (app: OpenAPIHono, context: ChannelContext) => void
  attach?: (server: ServerType, context: ChannelContext) => AttachedChannel | Promise<AttachedChannel>
}

/** A channel on the running server; `ready` settles once it can serve (a library loaded after the server listens). */
export type AttachedChannel = { close: () => Promise<void>; ready?: Promise<void> }

export type RunningServer = {
  url: string
  port: number
  store: DatasetStore
  close: () => Promise<void>
  shared: SharedState
  /** Settles when every channel is ready (the web chat's botkit loads after the server listens); /readyz says so. */
  ready: Promise<void>
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
  const logger = options.logger ?? createLogger(undefined, { now: options.now })
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

  const shared = options.redisUrl
    ? await redisSharedState(options.redisUrl, { now: options.now, logger })
    : memorySharedState(options.now)
  const engine = chatEngine(store, { now: options.now, conversations: shared.conversations })
  const context: ChannelContext = {
    engine,
    store,
    logger,
    config: { ...defaultApiConfig, ...options.api },
    now: options.now,
    shared,
  }
  let stopping = false
  let warmingUp = true
  const channels = options.channels ?? []
  const app = createApp({
    store,
    logger,
    engine,
    now: options.now,
    config: context.config,
    shared,
    stopping: () => stopping,
    warmingUp: () => warmingUp,
    mount: (app) => channels.forEach((channel) => channel.routes?.(app, context)),
  })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, () => resolve(s))
  })
  // Requests node's parser refuses: a target in raw UTF-8 is read anyway, the others get a problem+json.
  handleClientErrors(server as Server, logger)
  const attached: AttachedChannel[] = []
  for (const channel of channels) if (channel.attach) attached.push(await channel.attach(server, context))
  // The assistant's code loads now that the port is open; /readyz waits for it, as for the channels' libraries.
  const assistantLoaded = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => engine.load())
    .catch((error: unknown) => {
      logger.error({ err: { message: (error as Error).message } }, 'le code de l’assistant n’a pas pu être chargé')
      throw error
    })
  const ready = Promise.all([assistantLoaded, ...attached.map((channel) => channel.ready ?? Promise.resolve())]).then(
    () => {
      warmingUp = false
    },
  )
  // Not ready stays not ready (/readyz 503, said in the log above): no unhandled rejection stops the process.
  ready.catch(() => {})
  const port = (server.address() as AddressInfo).port
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`
  logger.info({ url, stockage: shared.kind }, 'API prête')
  // What is built on first use (the index of commune names, then of misspelt ones) is built now that the port is open,
  // in steps of a few tens of milliseconds with requests answered in between.
  const prepare = () => {
    if (!stopping && !store.current.territoires.prepareStep()) setImmediate(prepare)
  }
  setImmediate(prepare)

  // The data of a snapshot (or the demo, waiting for one) follow the syncs: whichever instance ran one says so, and
  // every instance (this one too) reloads the snapshot, one reload at a time.
  const dataDir = options.dataDir ?? defaultDataDir
  const followsSnapshot = !(options.lieux?.length || options.communes)
  let reloading = Promise.resolve()
  const reload = () =>
    (reloading = reloading.then(async () => {
      const fresh = await loadSnapshot(dataDir, options.now(), { logger }).catch((error: unknown) => {
        logger.warn({ err: { message: (error as Error).message } }, 'nouvel instantané illisible : données gardées')
        return undefined
      })
      if (!fresh) return
      const wasDemo = store.current.source.demo
      fresh.territoires.prepare()
      store.replace(fresh)
      logger.info(
        { lieux: fresh.lieux.length },
        wasDemo ? 'données nationales chargées : fin de la démonstration' : 'nouvel instantané chargé',
      )
    }))
  if (followsSnapshot)
    await shared
      .subscribe('donnees', () => void reload())
      .catch((error: unknown) =>
        logger.error({ err: { message: (error as Error).message } }, 'abonnement aux nouvelles données impossible'),
      )
  /** One sync for all the instances: the one that takes the lock runs it, then tells everyone to reload. */
  const runSync = async (): Promise<void> => {
    const release = await shared.lock('sync', 60 * 60_000).catch(() => null)
    if (!release) return void logger.info('synchronisation déjà en cours ailleurs : celle-ci est sautée')
    try {
      const result = await syncSnapshot({ ...options.sync, dataDir, now: options.now, logger, quiet: true })
      await shared.publish('donnees', JSON.stringify({ lieux: result.accepted }))
    } catch (error) {
      if (error instanceof SyncBusyError) return void logger.info('une autre synchronisation est en cours : sautée')
      logger.warn(
        { err: { message: (error as Error).message } },
        store.current.source.demo
          ? 'synchronisation impossible : les données de démonstration restent servies'
          : 'synchronisation impossible : l’instantané actuel reste servi',
      )
    } finally {
      await release().catch(() => {})
    }
  }
  const backgroundSync = trySync ? runSync().then(() => reloading) : Promise.resolve()
  const syncTimer =
    followsSnapshot && options.syncIntervalMs ? setInterval(() => void runSync(), options.syncIntervalMs) : undefined
  syncTimer?.unref()

  return {
    url,
    port,
    store,
    backgroundSync,
    ...(snapshotProblem ? { snapshotProblem } : {}),
    shared,
    ready,
    close: async () => {
      // Stop: no new connection, websockets told « bye », requests under way finish (or are cut after drainMs).
      stopping = true
      clearInterval(syncTimer)
      const cut = setTimeout(() => (server as Server).closeAllConnections(), options.drainMs ?? 8_000)
      await Promise.all(attached.map((channel) => channel.close()))
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Idle keep-alive connections would hold close() open.
        ;(server as Server).closeIdleConnections()
      })
      clearTimeout(cut)
      await reloading
      await shared.close()
    },
  }
}
