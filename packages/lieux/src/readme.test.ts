import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The README's example is a real program: it must run, and print what its comments say.
const packageDir = path.resolve(import.meta.dirname, '..')
const example = readFileSync(path.join(packageDir, 'examples/quick-start.ts'), 'utf8')

describe('the README example', () => {
  it('is the file examples/quick-start.ts, verbatim', () => {
    expect(readFileSync(path.join(packageDir, 'README.md'), 'utf8')).toContain(example)
  })
  it('prints exactly what its comments announce', () => {
    const expected = example
      .split('\n')
      .filter((line) => /^\s*\/\/ /.test(line) || /console\.log\(.*\) \/\/ /.test(line))
      .map((line) => line.slice(line.indexOf('// ') + 3))
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'examples/quick-start.ts'], { cwd: packageDir, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.stdout.trim().split('\n')).toEqual(expected)
  })
})
