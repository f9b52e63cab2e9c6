// Starts the compiled `aiguillage serve` (or the bare baseline) as a real process for the benchmarks, and reads its
// memory and CPU time from /proc.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { type Agent, request } from 'node:http'
import path from 'node:path'
import { realLieuxFiles, sharedData } from '../src/test-support.js'

export const root = path.resolve(import.meta.dirname, '../../..')
/**
 * The production start: the compiled CLI, run by plain node (no tsx, no esbuild). `pnpm build` first.
 * AIGUILLAGE_BENCH_CLI measures another build (an earlier commit's, in another worktree) with the same bench.
 */
export const compiledCli = process.env.AIGUILLAGE_BENCH_CLI
  ? path.resolve(process.env.AIGUILLAGE_BENCH_CLI)
  : path.join(root, 'apps/cli/dist/main.js')
/** The bare node:http baseline, plain JavaScript as well. */
export const bareServer = path.join(import.meta.dirname, 'bare-server.mjs')

/** The real lieux (France Services 2024 and Hinaura 2022) and the 35 000 communes, as `serve` arguments. */
export const realDataArgs = [
  '--lieux',
  realLieuxFiles.join(','),
  '--communes',
  path.join(sharedData, 'communes-france/communes-france.csv'),
]

/** The limits that would refuse a benchmark's load are off; no background sync. */
export const benchEnv = { AIGUILLAGE_RATE_LIMIT: 'off', AIGUILLAGE_CONCURRENCE: 'off', AIGUILLAGE_AUTO_SYNC: '0' }

export function assertBuilt(): void {
  if (!existsSync(compiledCli)) {
    console.error(`Le serveur compilé manque (${path.relative(root, compiledCli)}) : lancez d’abord pnpm build.`)
    process.exit(1)
  }
}

export type Server = { child: ChildProcess; pid: number; url: string; ms: number; stop: () => Promise<void> }

/** Starts `node [nodeArgs] script [args]` and resolves once it says « répond sur URL ». */
export function start(
  script: string,
  args: string[] = [],
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Server> {
  const begin = performance.now()
  // The request logs go to a pipe read by a process of its own, as journald or a log collector reads them: read by
  // the bench, they would wait on the load generator's event loop, busy sending the requests.
  const reader = spawn('cat', [], { stdio: ['pipe', 'ignore', 'inherit'] })
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', reader.stdin, 'pipe'],
  })
  reader.stdin.destroy()
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let seen = ''
    const read = (chunk: Buffer) => {
      seen += chunk.toString()
      const url = /répond sur (http:\/\/[^\s]+)/.exec(seen)?.[1]
      if (!url) return
      // From now on stderr is drained, not kept: the benchmark must not grow with it.
      child.stderr?.off('data', read).resume()
      resolve({
        child,
        pid: child.pid as number,
        url,
        ms: performance.now() - begin,
        stop: () => {
          child.kill('SIGTERM')
          return exited
        },
      })
    }
    child.stderr?.on('data', read)
    child.once('exit', () => reject(new Error(`server exited: ${seen}`)))
  })
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024)
}

/** Clock ticks a second of /proc/<pid>/stat (USER_HZ: 100 on every Linux architecture node runs on). */
const TICKS_PER_SECOND = 100

export type ProcessStat = { parent: number; cpuMicros: number }

/** A process's parent and the CPU time it used so far (user + system, µs), from /proc/<pid>/stat; undefined if gone. */
export function processStat(pid: number): ProcessStat | undefined {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // Fields after the command name (which may hold spaces, inside parentheses): state is field 3, ppid 4, utime 14,
  // stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return {
    parent: Number(fields[1]),
    cpuMicros: ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / TICKS_PER_SECOND,
  }
}

/** CPU time used so far by a process (user + system), in microseconds. */
export function cpuMicros(pid: number): number {
  const stat = processStat(pid)
  if (!stat) throw new Error(`Le processus ${pid} n’existe plus.`)
  return stat.cpuMicros
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** One HTTP request on a keep-alive agent, with its status and body as text. */
export function send(
  agent: Agent,
  url: URL | string,
  method: 'GET' | 'POST',
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {},
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The p-th percentile of values (nearest rank). */
export const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] as number
