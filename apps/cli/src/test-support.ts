// Shared by the command's tests (not part of the command): where the command and the real data are, and how to wait
// for a `serve` started as a child process.
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'

/** The command as a person runs it. */
export const bin = path.resolve(import.meta.dirname, '../bin/aiguillage.mjs')
/** ../shared/data, or AIGUILLAGE_SHARED_DATA. */
export const sharedData =
  process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
/** The real lieux the real-data suites use: France Services 2024 and Hinaura 2022, both in the standard v1. */
export const realLieuxFiles = [
  'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
  'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
].map((f) => path.join(sharedData, f))
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
