import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Each package's README example is a real program (examples/quick-start.ts): it must appear verbatim in the
// README, run, and print exactly what its `//` comments announce.
const root = path.resolve(import.meta.dirname, '..')
const packages = readdirSync(path.join(root, 'packages')).filter((name) =>
  existsSync(path.join(root, 'packages', name, 'examples/quick-start.ts')),
)

describe.each(packages)('the README example of @aiguillage/%s', (name) => {
  const dir = path.join(root, 'packages', name)
  const example = readFileSync(path.join(dir, 'examples/quick-start.ts'), 'utf8')
  it('is examples/quick-start.ts, verbatim', () => {
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain(example)
  })
  it('prints exactly what its comments announce', () => {
    const expected = example
      .split('\n')
      .filter((line) => /^\s*\/\/ /.test(line) || /console\.log\(.*\) \/\/ /.test(line))
      .filter((line) => !/^\s*\/\/ [A-Z]/.test(line)) // prose comments start with a capital letter
      .map((line) => line.slice(line.indexOf('// ') + 3))
    const run = spawnSync(
      process.execPath,
      ['--conditions=@aiguillage/source', '--import', 'tsx', 'examples/quick-start.ts'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000, // an example runs in 1–3 s; spawnSync blocks the test's timer, so it needs its own deadline
      },
    )
    expect(run.stderr).toBe('')
    expect(run.stdout.trim().split('\n')).toEqual(expected)
  })
})
