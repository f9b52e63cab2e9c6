// Only one sync at a time: the lock `syncSnapshot` takes around download, guard and publication. `SyncLock` is the
// interface (a Redis-backed lock shared by several machines can implement it); `fileSyncLock` is the implementation
// between the processes of one machine (or of machines sharing the data folder), a lock file created atomically.
import { randomBytes } from 'node:crypto'
import { readFileSync, unlinkSync } from 'node:fs'
import { open, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'
import type { Clock } from '@aiguillage/lieux'

/** Who holds a lock (or runs a sync): written in the lock file, shown in the message of a sync that must wait. */
export type LockOwner = { pid: number; host: string; startedAt: string; token: string }

/** The result of {@link SyncLock.acquire}: the lock, with a way to give it back, or who holds it. */
export type LockAttempt =
  | {
      acquired: true
      /** Gives the lock back; does nothing when it is no longer ours (taken over as stale). Never throws. */
      release: () => Promise<void>
      /** Whether the lock is still ours (not taken over because we were judged stale), checked before publishing. */
      stillHeld: () => Promise<boolean>
    }
  | { acquired: false; holder?: LockOwner }

/**
 * A lock that only one sync holds at a time. `acquire` never waits: it takes the lock or says who holds it (the caller
 * decides whether to retry). An implementation takes over a lock whose holder is gone, and gives it back when the
 * process exits.
 */
export interface SyncLock {
  acquire(): Promise<LockAttempt>
}

/**
 * The longest a sync may hold the lock (1 hour): a lock older than this is taken over even if its process still
 * seems alive (a hung process, a pid reused, another machine). A sync lasts minutes (two downloads of at most 180 s).
 */
export const SYNC_LOCK_MAX_AGE_MS = 60 * 60 * 1000

/** The lock file of a data folder: `<dataDir>/sync.lock`, outside the snapshot folder. */
export const syncLockFile = (dataDir: string) => path.join(dataDir, 'sync.lock')

const thisHost = hostname()
/** The locks and markers this process holds: a file naming our pid but not in this set is a leftover. */
const heldTokens = new Set<string>()

/** Records that this process holds `token` (a lock, or a sync under way), so that {@link isStale} knows it live. */
export function holdToken(token: string): () => void {
  heldTokens.add(token)
  return () => heldTokens.delete(token)
}

export const newToken = () => `${process.pid}-${randomBytes(6).toString('hex')}`

export function ownerNow(now: Clock): LockOwner {
  return { pid: process.pid, host: thisHost, startedAt: now().toISOString(), token: newToken() }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.startedAt === 'string' &&
      typeof value.token === 'string'
    )
      return value as LockOwner
  } catch {
    // Not JSON: empty or cut, judged below like any unreadable owner.
  }
  return undefined
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Whether the holder of a lock (or of a sync under way) is gone: a dead process on this machine, our own pid with a
 * token this process does not hold (a process restarted with the same pid, in a container), or older than `maxAgeMs`.
 */
export function isStale(owner: LockOwner, now: Clock, maxAgeMs: number): boolean {
  const started = Date.parse(owner.startedAt)
  if (Number.isFinite(started) && now().getTime() - started > maxAgeMs) return true
  if (owner.host !== thisHost) return false
  if (owner.pid === process.pid) return !heldTokens.has(owner.token)
  return !processAlive(owner.pid)
}

/** Creates `file` with `owner`, failing with EEXIST if it is there (O_CREAT | O_EXCL). */
export async function createExclusive(file: string, owner: LockOwner): Promise<void> {
  const handle = await open(file, 'wx')
  try {
    await handle.writeFile(`${JSON.stringify(owner)}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The owner written in a lock file (none when unreadable), and its inode; undefined when there is no file. */
export async function readOwner(file: string): Promise<{ owner?: LockOwner; inode: number } | undefined> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    // One open file for both: the text and the inode are those of the same file.
    const [text, info] = [await handle.readFile('utf8'), await handle.stat()]
    const owner = parseOwner(text)
    return owner ? { owner, inode: info.ino } : { inode: info.ino }
  } finally {
    await handle.close()
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Removes the process's locks when it exits, even without `release` (an exception, `process.exit`). */
const onExit = new Map<string, () => void>()
let exitHandlerInstalled = false
function releaseOnExit(file: string, token: string) {
  onExit.set(token, () => {
    try {
      // Synchronous: nothing asynchronous runs in an exit handler.
      if (parseOwner(readFileSync(file, 'utf8'))?.token === token) unlinkSync(file)
    } catch {
      // Already gone, or unreadable: nothing of ours to remove.
    }
  })
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true
    process.once('exit', () => onExit.forEach((release) => release()))
  }
}

/**
 * How long a takeover may hold its guard before another process takes the guard over: a takeover lasts milliseconds
 * (a read and an unlink), so a guard this old belongs to a hung process.
 */
const TAKEOVER_MAX_AGE_MS = 60_000

/** A lock file's owner, read again after a moment while it is unreadable (its writer may be writing it this instant). */
async function readSettled(file: string): Promise<{ owner?: LockOwner; inode: number } | undefined> {
  let current = await readOwner(file)
  for (let i = 0; current && !current.owner && i < 3; i++) {
    await pause(50)
    current = await readOwner(file)
  }
  return current
}

/** What identifies one lock file: its token, or its inode while it has none (left empty by a process killed at once). */
const identity = (lock: { owner?: LockOwner; inode: number }) =>
  lock.owner ? `jeton-${lock.owner.token}` : `inode-${lock.inode}`

/**
 * Removes `file` if it is still the lock judged stale (`judged`, an {@link identity}), under a guard of its own: the file
 * `<file>.reprise-<identity>`, created with O_EXCL. Only the process holding that guard reads the lock again and
 * removes it, so two processes taking over the same stale lock can never remove a lock just taken by a third (there is
 * no "delete if unchanged" in a file system: without the guard, one could read the stale lock, another remove it and
 * take the lock, and the first remove that new lock). A guard whose holder died is itself taken over the same way.
 */
async function removeIfStill(file: string, judged: string, now: Clock, depth = 0): Promise<void> {
  const guard = `${file}.reprise-${judged.replace(/[^\w-]/g, '_').slice(0, 80)}`
  const held = await createHeld(guard, now)
  if (!held) {
    // Another process is taking this lock over (a matter of milliseconds: the caller tries again after a moment), or
    // died doing it: then its guard is taken over too.
    const other = await readSettled(guard)
    if (other && depth < 2 && (!other.owner || isStale(other.owner, now, TAKEOVER_MAX_AGE_MS)))
      await removeIfStill(guard, identity(other), now, depth + 1)
    else await pause(20)
    return
  }
  try {
    const current = await readOwner(file)
    if (current && identity(current) === judged)
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
  } finally {
    await unlink(guard).catch(() => undefined)
    held.dropToken()
  }
}

/**
 * Creates `file` (O_EXCL) for a new owner of this process, whose token is held from before the file exists: another
 * sync of this process reading it must not judge it stale. Undefined (and the token dropped) when the file is there.
 */
async function createHeld(file: string, now: Clock): Promise<{ owner: LockOwner; dropToken: () => void } | undefined> {
  const owner = ownerNow(now)
  const dropToken = holdToken(owner.token)
  try {
    await createExclusive(file, owner)
    return { owner, dropToken }
  } catch (error) {
    dropToken()
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined
    throw error
  }
}

/**
 * The lock between processes sharing a data folder: the file `<dataDir>/sync.lock`, created with O_EXCL (`wx`) and
 * holding the pid, the machine, the start time and a token. A stale lock ({@link isStale}; or unreadable after a
 * moment: its writer died between creating and writing it) is taken over: removed under a guard, only if it is still
 * the very lock judged stale ({@link removeIfStill}), then created anew with O_EXCL like any lock. The lock is released
 * by `release`, and when the process exits; a process killed outright (SIGKILL) leaves a lock that the next sync takes
 * over as stale.
 */
export function fileSyncLock(options: { dataDir: string; now: Clock; maxAgeMs?: number }): SyncLock {
  const file = syncLockFile(options.dataDir)
  const maxAgeMs = options.maxAgeMs ?? SYNC_LOCK_MAX_AGE_MS
  const attempt = async (): Promise<LockAttempt | 'retry'> => {
    const held = await createHeld(file, options.now)
    if (!held) return judge()
    const { owner, dropToken } = held
    releaseOnExit(file, owner.token)
    const stillHeld = async () => (await readOwner(file).catch(() => undefined))?.owner?.token === owner.token
    return {
      acquired: true,
      stillHeld,
      release: async () => {
        onExit.get(owner.token)?.()
        onExit.delete(owner.token)
        dropToken()
      },
    }
  }
  /** The lock is there: busy, or stale and removed (then 'retry'). */
  const judge = async (): Promise<LockAttempt | 'retry'> => {
    const current = await readSettled(file)
    if (!current) return 'retry' // released meanwhile
    if (current.owner && !isStale(current.owner, options.now, maxAgeMs))
      return { acquired: false, holder: current.owner }
    await removeIfStill(file, identity(current), options.now)
    return 'retry'
  }
  return {
    async acquire() {
      // Three rounds at most: a lock released or taken over between two steps is tried again, not forever.
      for (let round = 0; round < 3; round++) {
        const result = await attempt()
        if (result !== 'retry') return result
      }
      const holder = (await readOwner(file))?.owner
      return { acquired: false, ...(holder ? { holder } : {}) }
    },
  }
}
