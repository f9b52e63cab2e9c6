import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './server.js'
import { realLieuxFiles, sharedData, startRealDataServer } from './test-support.js'

// The evaluation of ../shared/eval, run as it is run from outside: its scorer against the real server on the real data.
const scorer = path.resolve(sharedData, '../eval/score-orientation.mjs')

describe.skipIf(!existsSync(scorer))('real data: the orientation evaluation (development set)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startRealDataServer()
  }, 60_000)
  afterAll(() => server?.close())

  it('scores at least intent 95 %, services 90 %, commune 95 %, constraints 85 %, nearest 100 %', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'score-')), 'score.json')
    const { stdout } = await promisify(execFile)(process.execPath, [
      scorer,
      '--cases',
      path.resolve(sharedData, '../eval/orientation-dev.jsonl'),
      '--url',
      server.url,
      '--lieux',
      realLieuxFiles.join(','),
      '--json',
      out,
    ])
    console.info(stdout.split('\n').slice(-12).join('\n'))
    const { tally } = JSON.parse(readFileSync(out, 'utf8')) as {
      tally: Record<string, { applicable: number; passed: number }>
    }
    const rate = (check: string) => (tally[check]?.passed ?? 0) / (tally[check]?.applicable ?? 1)
    expect(rate('intent')).toBeGreaterThanOrEqual(0.95)
    expect(rate('services')).toBeGreaterThanOrEqual(0.9)
    expect(rate('commune')).toBeGreaterThanOrEqual(0.95)
    expect(rate('constraints')).toBeGreaterThanOrEqual(0.85)
    expect(rate('nearest')).toBe(1)
  }, 120_000)
})
