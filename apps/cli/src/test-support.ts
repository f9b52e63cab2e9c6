// Shared by the command's tests (not part of the command): where the command and the real data are, and how to wait
// for a `serve` started as a child process.
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { realLieuxFiles, sharedData } from '@aiguillage/api/test-support'

/** The command as a person runs it. */
export const bin = path.resolve(import.meta.dirname, '../bin/dev.mjs')
// Where the real data are: the same as the API's suites (one place for that path and those files).
export { realLieuxFiles, sharedData }
export const realCommunesFile = path.join(sharedData, 'communes-france/communes-france.csv')

/**
 * Waits until `aiguillage serve` says where it answers. 20 s: loading tsx, the official geography and the index takes
 * 2–4 s on an idle two-core machine, up to 5 times that when the machine is busy; an early exit fails at once.
 */
export function waitForUrl(child: ChildProcess, deadlineMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`no URL in: ${seen}`)), deadlineMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}) before answering: ${seen}`))
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const url = /répond sur (http:\/\/[^\s]+)/.exec(seen)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve(url)
      }
    })
  })
}
