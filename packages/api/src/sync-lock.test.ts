import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SyncBusyError, syncSnapshot } from './sync.js'
import { fileSyncLock, type LockAttempt, type LockOwner, SYNC_LOCK_MAX_AGE_MS, syncLockFile } from './sync-lock.js'
import { MONDAY_10H30 } from './test-support.js'

const fresh = () => mkdtempSync(path.join(tmpdir(), 'aiguillage-verrou-'))
const at = (date: Date) => () => date
/** Above Linux's largest pid (2^22): never a live process. */
const DEAD_PID = 4_194_305
const lockOf = (dataDir: string, now = at(MONDAY_10H30)) => fileSyncLock({ dataDir, now })
const writeLock = (dataDir: string, owner: Partial<LockOwner>) =>
  writeFileSync(
    syncLockFile(dataDir),
    JSON.stringify({
      pid: process.ppid,
      host: hostname(),
      startedAt: MONDAY_10H30.toISOString(),
      token: 'autre',
      ...owner,
    }),
  )
const held = (attempt: LockAttempt) => {
  if (!attempt.acquired) throw new Error('verrou attendu')
  return attempt
}

describe('fileSyncLock', () => {
  it('is taken by one sync at a time, says who holds it, and is free again once released', async () => {
    const dataDir = fresh()
    const first = held(await lockOf(dataDir).acquire())
    const second = await lockOf(dataDir).acquire()
    expect(second).toMatchObject({
      acquired: false,
      holder: { pid: process.pid, host: hostname(), startedAt: MONDAY_10H30.toISOString() },
    })
    expect(await first.stillHeld()).toBe(true)
    await first.release()
    expect(existsSync(syncLockFile(dataDir))).toBe(false)
    expect((await lockOf(dataDir).acquire()).acquired).toBe(true)
  })

  it('is given to exactly one of many syncs asking at once', async () => {
    const dataDir = fresh()
    const attempts = await Promise.all(Array.from({ length: 20 }, () => lockOf(dataDir).acquire()))
    expect(attempts.filter((attempt) => attempt.acquired)).toHaveLength(1)
  })

  it('takes over the lock of a process that died on this machine, and only one of many syncs does, every time', async () => {
    // Many rounds: two takeovers overlapping so that one removes the lock the other has just taken happens in a few
    // rounds out of a hundred, not in every one (the file operations run on libuv's threads, truly in parallel).
    for (let round = 0; round < 40; round++) {
      const dataDir = fresh()
      writeLock(dataDir, { pid: DEAD_PID })
      const attempts = await Promise.all(Array.from({ length: 20 }, () => lockOf(dataDir).acquire()))
      const winners = attempts.filter((attempt) => attempt.acquired)
      expect(winners, `round ${round}`).toHaveLength(1)
      expect(await held(winners[0] as LockAttempt).stillHeld()).toBe(true)
      expect(JSON.parse(readFileSync(syncLockFile(dataDir), 'utf8'))).toMatchObject({ pid: process.pid })
      // Nothing is left behind by the takeover (its guard is gone).
      expect(readdirSync(dataDir)).toEqual(['sync.lock'])
      await held(winners[0] as LockAttempt).release()
    }
  })

  it('takes over a stale lock even when a process died in the middle of taking it over', async () => {
    for (const guard of [
      JSON.stringify({ pid: DEAD_PID, host: hostname(), startedAt: MONDAY_10H30, token: 'g' }),
      '',
    ]) {
      const dataDir = fresh()
      writeLock(dataDir, { pid: DEAD_PID, token: 'mort' })
      // The guard of a takeover of that lock, left by a process killed while it held it (written, or still empty).
      writeFileSync(`${syncLockFile(dataDir)}.reprise-jeton-mort`, guard)
      const attempts = await Promise.all(Array.from({ length: 5 }, () => lockOf(dataDir).acquire()))
      expect(attempts.filter((attempt) => attempt.acquired)).toHaveLength(1)
      expect(readdirSync(dataDir)).toEqual(['sync.lock'])
    }
  })

  it('leaves the lock of a live process alone while it is younger than the maximum age, then takes it over', async () => {
    const dataDir = fresh()
    writeLock(dataDir, { pid: process.ppid })
    const later = (ms: number) => at(new Date(MONDAY_10H30.getTime() + ms))
    expect(await lockOf(dataDir, later(SYNC_LOCK_MAX_AGE_MS)).acquire()).toMatchObject({ acquired: false })
    expect((await lockOf(dataDir, later(SYNC_LOCK_MAX_AGE_MS + 1000)).acquire()).acquired).toBe(true)
  })

  it('leaves the lock of another machine alone until the maximum age', async () => {
    const dataDir = fresh()
    writeLock(dataDir, { pid: DEAD_PID, host: 'une-autre-machine' })
    expect(await lockOf(dataDir).acquire()).toMatchObject({ acquired: false, holder: { host: 'une-autre-machine' } })
    const muchLater = at(new Date(MONDAY_10H30.getTime() + 2 * SYNC_LOCK_MAX_AGE_MS))
    expect((await lockOf(dataDir, muchLater).acquire()).acquired).toBe(true)
  })

  it('takes over a lock file left empty by a process killed as it created it', async () => {
    const dataDir = fresh()
    writeFileSync(syncLockFile(dataDir), '')
    expect((await lockOf(dataDir).acquire()).acquired).toBe(true)
  })

  it('takes over a lock naming this process but not held by it (a restart with the same pid)', async () => {
    const dataDir = fresh()
    writeLock(dataDir, { pid: process.pid, token: 'avant-le-redemarrage' })
    expect((await lockOf(dataDir).acquire()).acquired).toBe(true)
  })

  it('never removes a lock that another sync took over meanwhile', async () => {
    const dataDir = fresh()
    const first = held(await lockOf(dataDir).acquire())
    // Judged stale and taken over by another sync, an hour later.
    const later = at(new Date(MONDAY_10H30.getTime() + SYNC_LOCK_MAX_AGE_MS + 1000))
    const second = held(await lockOf(dataDir, later).acquire())
    expect(await first.stillHeld()).toBe(false)
    await first.release()
    expect(await second.stillHeld()).toBe(true)
    await second.release()
    expect(existsSync(syncLockFile(dataDir))).toBe(false)
  })
})

describe('syncSnapshot and its lock', () => {
  it('does nothing and says so in French while another sync holds the lock, with any SyncLock', async () => {
    const dataDir = fresh()
    const holder: LockOwner = { pid: 42, host: 'web-1', startedAt: MONDAY_10H30.toISOString(), token: 't' }
    let asked = 0
    const busy = {
      acquire: () => {
        asked++
        return Promise.resolve({ acquired: false as const, holder })
      },
    }
    const error = await syncSnapshot({ dataDir, now: at(MONDAY_10H30), lock: busy, lockWaitMs: 400 }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SyncBusyError)
    expect((error as SyncBusyError).holder).toEqual(holder)
    expect((error as Error).message).toMatch(
      /^Une synchronisation est déjà en cours \(processus 42 sur la machine web-1/,
    )
    // Asked again while waiting (every 200 ms), then given up.
    expect(asked).toBe(3)
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('gives the lock back when the sync fails', async () => {
    const dataDir = fresh()
    let released = 0
    const lock = {
      acquire: () =>
        Promise.resolve({
          acquired: true as const,
          stillHeld: () => Promise.resolve(true),
          release: () => {
            released++
            return Promise.resolve()
          },
        }),
    }
    const from = fresh() // no lieux file: the sync fails
    await expect(syncSnapshot({ dataDir, now: at(MONDAY_10H30), lock, from })).rejects.toThrow(/Aucun fichier lieux/)
    expect(released).toBe(1)
    await expect(syncSnapshot({ dataDir, now: at(MONDAY_10H30), from })).rejects.toThrow(/Aucun fichier lieux/)
    expect(existsSync(syncLockFile(dataDir))).toBe(false)
  })
})
