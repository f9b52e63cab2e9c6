import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

// The README's « données dignes de confiance » example (examples/trust.ts) is in the README verbatim and prints what
// its `//` comments announce (as scripts/readme-examples.integration.test.ts does for quick-start.ts, but in-process).
const examplePath = path.resolve(import.meta.dirname, '../examples/trust.ts')
const example = readFileSync(examplePath, 'utf8')

describe('examples/trust.ts', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })
  it('is in the README, verbatim', () => {
    expect(readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8')).toContain(example)
  })
  it('prints exactly what its comments announce', async () => {
    const printed: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
      printed.push(values.map(String).join(' '))
    })
    await import('../examples/trust.js')
    const expected = example
      .split('\n')
      .filter((line) => /^\s*\/\/ /.test(line) || /console\.log\(.*\) \/\/ /.test(line))
      .filter((line) => !/^\s*\/\/ [A-Z]/.test(line))
      .map((line) => line.slice(line.indexOf('// ') + 3))
    expect(printed).toEqual(expected)
  })
})
