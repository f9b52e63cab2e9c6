import path from 'node:path'
import { parseArgs } from 'node:util'
import { apiConfigFromEnv, DataError, parseRedisUrl, parseSyncInterval, startServer } from '@aiguillage/api'
import type { Clock } from '@aiguillage/lieux'
import { teamsConfigFromEnv } from '@aiguillage/teams-bot/config'
import { webChatChannel } from '@aiguillage/web-chat'
import { ExitCode, type Output, readOptions } from './command-line.js'

/**
 * `aiguillage serve`: one process that loads the data, builds the index and serves the API.
 * Data: --lieux/--communes (or AIGUILLAGE_LIEUX/AIGUILLAGE_COMMUNES), else the last snapshot (aiguillage sync),
 * else the demo dataset, with a sync attempted in the background.
 */
export async function runServe(
  args: string[],
  context: { cwd: string; env: NodeJS.ProcessEnv; now: Clock },
  output: Output,
): Promise<number> {
  const values = readOptions(() => parse(args).values, output)
  if (!values) return ExitCode.Unusable
  const lieux = (values.lieux ?? context.env.AIGUILLAGE_LIEUX?.split(',') ?? [])
    .flatMap((v) => v.split(','))
    .filter(Boolean)
    .map((f) => path.resolve(context.cwd, f))
  const communes = values.communes ?? context.env.AIGUILLAGE_COMMUNES
  const port = Number(values.port ?? context.env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    output.err(
      `Erreur : --port : attendu un numéro de port (0 à 65535), trouvé « ${values.port ?? context.env.PORT} ».`,
    )
    return ExitCode.Unusable
  }
  try {
    const syncIntervalMs =
      context.env.AIGUILLAGE_AUTO_SYNC === '0'
        ? null
        : context.env.AIGUILLAGE_SYNC_INTERVALLE
          ? parseSyncInterval(context.env.AIGUILLAGE_SYNC_INTERVALLE)
          : 24 * 3_600_000
    // The operators' Teams bot, at /api/messages, only when configured (MicrosoftAppId…, or AIGUILLAGE_TEAMS_DEV=1).
    const teams = teamsConfigFromEnv(context.env)
    const teamsChannel = teams ? (await import('@aiguillage/teams-bot')).teamsChannel(teams) : undefined
    if (teams?.mode === 'development')
      output.err(
        'ATTENTION : le bot Teams est en MODE DÉVELOPPEMENT (AIGUILLAGE_TEAMS_DEV) : /api/messages ne vérifie aucun jeton. Ne l’exposez pas sur internet.',
      )
    const server = await startServer({
      port,
      now: context.now,
      host: values.host ?? context.env.HOST ?? '127.0.0.1',
      ...(lieux.length ? { lieux } : {}),
      ...(communes ? { communes: path.resolve(context.cwd, communes) } : {}),
      ...((values['data-dir'] ?? context.env.AIGUILLAGE_DATA_DIR)
        ? { dataDir: path.resolve(context.cwd, (values['data-dir'] ?? context.env.AIGUILLAGE_DATA_DIR) as string) }
        : {}),
      autoSync: context.env.AIGUILLAGE_AUTO_SYNC !== '0',
      ...(context.env.AIGUILLAGE_REDIS_URL ? { redisUrl: parseRedisUrl(context.env.AIGUILLAGE_REDIS_URL) } : {}),
      // The national data are published daily: synced once a day by default (by one instance), unless said otherwise.
      ...(syncIntervalMs ? { syncIntervalMs } : {}),
      api: apiConfigFromEnv(context.env),
      // The citizens' chat: the widget at /widget.js, its demo page at /, its websocket (the sites allowed to embed
      // it are the API's CORS origins).
      channels: [
        webChatChannel(context.env.AIGUILLAGE_WEB_SECRET ? { secret: context.env.AIGUILLAGE_WEB_SECRET } : {}),
        ...(teamsChannel ? [teamsChannel] : []),
      ],
    })
    const { source } = server.store.current
    if (server.snapshotProblem)
      output.err(
        `ATTENTION : l’instantané n’est pas servi. ${server.snapshotProblem}${context.env.AIGUILLAGE_AUTO_SYNC !== '0' ? ' Une synchronisation est tentée en arrière-plan.' : ''}`,
      )
    output.err(
      source.demo
        ? `Aiguillage répond sur ${server.url} — DONNÉES DE DÉMONSTRATION (lieux inventés). Discussion : ${server.url}/ · Documentation : ${server.url}/docs`
        : `Aiguillage répond sur ${server.url} (${server.store.current.lieux.length} lieux). Discussion : ${server.url}/ · Documentation : ${server.url}/docs`,
    )
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const)
        process.once(signal, () => {
          output.err('Arrêt demandé : les requêtes en cours se terminent…')
          // Within 10 s whatever happens: a process manager waits no longer before SIGKILL.
          setTimeout(() => {
            output.err('Arrêt forcé : 10 s écoulées.')
            process.exit(ExitCode.Valid)
          }, 10_000).unref()
          void server.close().then(resolve)
        })
    })
    output.err('Arrêté.')
    return ExitCode.Valid
  } catch (error) {
    if (error instanceof DataError || (error as Error).message.startsWith('AIGUILLAGE_')) {
      output.err(`Erreur : ${(error as Error).message}`)
      return ExitCode.Unusable
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      output.err(`Erreur : le port ${port} est déjà utilisé. Choisissez-en un autre : --port 3001`)
      return ExitCode.Unusable
    }
    throw error
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      lieux: { type: 'string', multiple: true },
      communes: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  })
}
