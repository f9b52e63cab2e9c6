import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Every component takes the time from one injected clock (`Clock` in @aiguillage/lieux). The machine's clock is read
// only where an app is composed at start-up, so that no store, cache, limit or token can disagree with the engine on
// what time it is, and tests can fix the instant. Benchmarks are their own start-up; tests and their support files
// fix or drive the clock they give.
const root = path.resolve(import.meta.dirname, '..')
const compositionRoots = new Set(['apps/cli/src/main.ts'])
const readsTheClock = /\bDate\.now\b|new Date\(\s*\)/

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (name === 'node_modules' || name === 'dist') return []
    if (statSync(full).isDirectory()) return sources(full)
    return /\.ts$/.test(name) && !/\.test\.ts$|test-support\.ts$|test-factories\.ts$/.test(name) ? [full] : []
  })
}

/** `file:line` of every line that reads the machine's clock, comments aside. */
function clockReads(file: string): string[] {
  return readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      readsTheClock.test(line.replace(/\/\/.*$/, '')) && !/^\s*\*/.test(line) ? [`${file}:${i + 1}`] : [],
    )
}

describe('one clock', () => {
  const files = ['packages', 'apps'].flatMap((group) =>
    readdirSync(path.join(root, group)).flatMap((name) => {
      const src = path.join(root, group, name, 'src')
      return sources(src).map((file) => path.relative(root, file))
    }),
  )

  it('reads the machine’s clock only where an app is composed at start-up', () => {
    expect(files.length).toBeGreaterThan(50)
    const offenders = files.filter((file) => !compositionRoots.has(file)).flatMap((file) => clockReads(file))
    expect(offenders).toEqual([])
  })

  it('the composition roots do read it (the rule above is not checking an empty set)', () => {
    for (const file of compositionRoots) expect(clockReads(file).length).toBeGreaterThan(0)
  })

  it('recognises each way of reading it', () => {
    for (const line of ['const t = Date.now()', 'x ?? Date.now', 'new Date()', 'new Date( )'])
      expect(readsTheClock.test(line)).toBe(true)
    for (const line of ["new Date('2026-11-23T09:30:00Z')", 'new Date(ms)', 'performance.now()', 'clock.now()'])
      expect(readsTheClock.test(line)).toBe(false)
  })
})
