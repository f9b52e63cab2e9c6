import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// End to end: the real `aiguillage` command in its own process, as a person or a script runs it.
const bin = path.resolve(import.meta.dirname, '../bin/dev.mjs')
const fixtures = path.resolve(import.meta.dirname, '../fixtures')
// 30 s per run: tsx and a small file take 1–2 s on an idle two-core machine; the deadline only catches a hang
// (spawnSync blocks the test's own timer, so it needs one of its own).
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: fixtures,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, INIT_CWD: fixtures },
  })

describe('the aiguillage command (real process)', () => {
  it('validate exits 0 on a valid file, 1 on rejected rows, 2 on a missing file', () => {
    expect(run('validate', 'lieux-valides.csv').status).toBe(0)
    const corrupted = run('validate', 'lieux-corrompus.csv')
    expect(corrupted.status).toBe(1)
    expect(corrupted.stdout).toContain('4 rejetées')
    expect(run('validate', 'absent.csv').status).toBe(2)
  })
  it('prints valid JSON with --json', () => {
    const result = run('validate', '--json', 'lieux-valides.csv', 'lieux-valides.json')
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 6, accepted: 6 })
  })
  it('explains itself in French on an unknown command or option', () => {
    const unknown = run('valider')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('Commande inconnue : « valider »')
    expect(run('validate', '--jsn', 'x.csv').stderr).toContain('option inconnue --jsn')
    expect(run('--help').status).toBe(0)
  })
})
