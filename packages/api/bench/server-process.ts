// Starts `aiguillage serve` as a real process for the benchmarks and reads its memory.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '../../..')

export function start(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const begin = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let seen = ''
    const read = (chunk: Buffer) => {
      seen += chunk.toString()
      const url = /répond sur (http:\/\/[^\s]+)/.exec(seen)?.[1]
      if (!url) return
      // From now on the request logs are drained, not kept: the benchmark must not grow with them.
      child.stderr?.off('data', read).resume()
      resolve({ child, url, ms: performance.now() - begin })
    }
    child.stderr?.on('data', read)
    child.on('exit', () => reject(new Error(`server exited: ${seen}`)))
  })
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024)
}
