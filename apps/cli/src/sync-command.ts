import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  defaultDataDir,
  type DownloadProgress,
  parseRedisUrl,
  redisSharedState,
  SyncBusyError,
  SyncError,
  type SyncResult,
  syncSnapshot,
} from '@aiguillage/api'
import type { Clock } from '@aiguillage/lieux'
import pino from 'pino'
import { ExitCode, type Output, readOptions } from './command-line.js'

/**
 * The exit codes of `aiguillage sync`: those of every command, and 3 when another sync is under way (nothing was done,
 * the other one updates the snapshot; a script may simply try again later).
 */
export const SyncExitCode = { ...ExitCode, AlreadyRunning: 3 } as const

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1).replace('.', ',')} Mo`

/** A progress bar on a terminal; occasional lines otherwise (logs, CI). */
export function progressPrinter(stream: { isTTY?: boolean; write: (text: string) => unknown }) {
  let lastStep = -1
  return (progress: DownloadProgress) => {
    const label = progress.file === 'lieux' ? 'Lieux' : 'Communes'
    if (progress.done) {
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${label} : ${megabytes(progress.received)} reçus.\n`)
      lastStep = -1
      return
    }
    const share = progress.total ? progress.received / progress.total : undefined
    if (stream.isTTY) {
      const width = 30
      const filled = share === undefined ? 0 : Math.round(share * width)
      stream.write(
        `\r${label} [${'█'.repeat(filled)}${' '.repeat(width - filled)}] ${share === undefined ? '' : `${Math.round(share * 100)} % `}${megabytes(progress.received)}`,
      )
      return
    }
    const step = share === undefined ? Math.floor(progress.received / 5e6) : Math.floor(share * 10)
    if (step > lastStep) {
      lastStep = step
      stream.write(
        `${label} : ${share === undefined ? '' : `${Math.round(share * 100)} %, `}${megabytes(progress.received)}\n`,
      )
    }
  }
}

/**
 * `aiguillage sync`: downloads the national lieux and the communes (or imports them with --from), validates them and
 * writes the snapshot that `serve` loads. A failure keeps the previous snapshot, and so does a file cut in the middle or
 * whose number of lieux is out of line with the last good snapshots (unless --accepter-ecart). Only one sync runs at a
 * time on a data folder: while another one runs, this one waits `--attendre` seconds at most (default 0), then says so
 * and exits with {@link SyncExitCode.AlreadyRunning}.
 */
export async function runSync(
  args: string[],
  context: {
    cwd: string
    env: NodeJS.ProcessEnv
    progressStream: { isTTY?: boolean; write: (text: string) => unknown }
    now: Clock
  },
  output: Output,
): Promise<number> {
  const values = readOptions(() => parse(args).values, output)
  if (!values) return ExitCode.Unusable
  const dataDir = path.resolve(context.cwd, values['data-dir'] ?? context.env.AIGUILLAGE_DATA_DIR ?? defaultDataDir)
  const wait = values.attendre === undefined ? 0 : Number(values.attendre)
  if (!Number.isFinite(wait) || wait < 0) {
    output.err(`Erreur : --attendre attend un nombre de secondes (0 ou plus), trouvé « ${values.attendre} ».`)
    return ExitCode.Unusable
  }
  try {
    const result = await syncSnapshot({
      dataDir,
      now: context.now,
      ...(values.from ? { from: path.resolve(context.cwd, values.from) } : {}),
      ...(values['lieux-url'] ? { lieuxUrl: values['lieux-url'] } : {}),
      ...(values['communes-url'] ? { communesUrl: values['communes-url'] } : {}),
      ...(values['timeout-s']
        ? {
            timeoutMs: Number(values['timeout-s']) * 1000,
            idleTimeoutMs: Math.min(30_000, Number(values['timeout-s']) * 1000),
          }
        : {}),
      ...(values['accepter-ecart'] ? { accepterEcart: true } : {}),
      lockWaitMs: wait * 1000,
      onProgress: progressPrinter(context.progressStream),
    })
    if (values.from) for (const line of sourceLines(result)) output.out(line)
    for (const gap of result.ecarts ?? []) output.err(`Écart accepté (--accepter-ecart) : ${gap}`)
    for (const warning of result.warnings ?? []) output.err(`Attention : ${warning}`)
    output.out(
      `Instantané écrit dans ${result.directory} : ${result.accepted} lieux valides sur ${result.total} (${result.rejected} ligne(s) rejetée(s)${result.duplicates > 0 ? `, ${result.duplicates} doublon(s) entre fichiers` : ''}, détail dans ${result.reportFile}), ${result.communes} communes.`,
    )
    // Instances sharing a Redis reload the new snapshot when told (the ones on this data folder).
    if (context.env.AIGUILLAGE_REDIS_URL) await tellInstances(context.env.AIGUILLAGE_REDIS_URL, context.now, output)
    return ExitCode.Valid
  } catch (error) {
    if (error instanceof SyncBusyError) {
      output.err(
        `${error.message}${wait > 0 ? '' : ' Pour attendre qu’elle se termine, relancez avec --attendre SECONDES.'}`,
      )
      return SyncExitCode.AlreadyRunning
    }
    if (error instanceof SyncError) {
      output.err(`Erreur : ${error.message}\nL’instantané précédent, s’il existe, est gardé.`)
      return ExitCode.RowsRejected
    }
    throw error
  }
}

const count = (n: number) => n.toLocaleString('fr-FR')

/** One line per lieux file imported (« lieux-a.csv : 2 845 lieux acceptés, 3 refusés »), then the duplicates. */
export function sourceLines(result: Pick<SyncResult, 'sources' | 'duplicates'>): string[] {
  const lines = result.sources.map(
    (source) =>
      `${source.file} : ${count(source.accepted)} ${source.accepted > 1 ? 'lieux acceptés' : 'lieu accepté'}, ${count(source.rejected)} ${source.rejected > 1 ? 'refusés' : 'refusé'}`,
  )
  if (result.duplicates > 0)
    lines.push(
      `${count(result.duplicates)} ${result.duplicates > 1 ? 'lieux présents' : 'lieu présent'} dans plusieurs fichiers : la version la plus récente (date_maj) est gardée, celle du dernier fichier à date égale.`,
    )
  return lines
}

async function tellInstances(url: string, now: Clock, output: Output): Promise<void> {
  const shared = await redisSharedState(parseRedisUrl(url), { now, logger: pino({ level: 'silent' }) })
  try {
    await shared.publish('donnees', 'sync')
    output.err('Les instances reliées à Redis chargent le nouvel instantané.')
  } catch {
    output.err('Attention : Redis ne répond pas ; les instances chargeront le nouvel instantané à leur redémarrage.')
  } finally {
    await shared.close()
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      from: { type: 'string' },
      'lieux-url': { type: 'string' },
      'communes-url': { type: 'string' },
      'data-dir': { type: 'string' },
      'timeout-s': { type: 'string' },
      'accepter-ecart': { type: 'boolean' },
      attendre: { type: 'string' },
    },
  })
}
