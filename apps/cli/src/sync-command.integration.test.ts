import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadSnapshot, readSnapshotMetaState, syncLockFile, verifySnapshot } from '@aiguillage/api'
import { describe, expect, it } from 'vitest'
import { bin } from './test-support.js'

// Two `aiguillage sync` commands at once on the same data folder, as a person and a cron job (or a second terminal)
// would start them: one publishes, the other says a sync is already running (exit 3) or waits with --attendre; the
// snapshot is whole after every round. The race between a slow sync and quick ones, many times over, is in
// packages/api/src/sync-race.integration.test.ts.

const demo = path.resolve(import.meta.dirname, '../../../packages/api/demo')
const ROUNDS = 2

function sync(dataDir: string, from: string, ...extra: string[]) {
  const child = spawn(process.execPath, [bin, 'sync', '--from', from, ...extra], {
    env: { ...process.env, AIGUILLAGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.resume()
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  )
}

describe('two aiguillage sync at once (real processes)', () => {
  it(`publish one after the other or say a sync is already running (exit 3), the snapshot whole each time (${ROUNDS} rounds)`, async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'from-'))
    copyFileSync(path.join(demo, 'lieux-demo.csv'), path.join(from, 'lieux.csv'))
    copyFileSync(path.join(demo, 'communes-demo.csv'), path.join(from, 'communes.csv'))
    const dataDir = mkdtempSync(path.join(tmpdir(), 'data-'))
    for (let round = 0; round < ROUNDS; round++) {
      const wait = round % 2 === 1
      const runs = await Promise.all([sync(dataDir, from), sync(dataDir, from, ...(wait ? ['--attendre', '60'] : []))])
      const label = `manche ${round + 1} : ${JSON.stringify(runs)}`
      for (const run of runs) expect([0, 3], label).toContain(run.code)
      expect(
        runs.some((run) => run.code === 0),
        label,
      ).toBe(true)
      if (wait) expect(runs[1]?.code, label).toBe(0)
      for (const run of runs.filter((r) => r.code === 3))
        expect(run.stderr, label).toMatch(/^Une synchronisation est déjà en cours \(processus \d+ sur la machine/)
      const state = await readSnapshotMetaState(dataDir)
      if (state.status !== 'ok') throw new Error(`${label} : meta.json ${state.status}`)
      await verifySnapshot(dataDir, state.meta)
      expect(existsSync(syncLockFile(dataDir)), label).toBe(false)
    }
    expect((await loadSnapshot(dataDir, new Date('2026-11-23T09:30:00Z')))?.lieux).toHaveLength(23)
  })
})
