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

  it('passes every check of every case (the public development set stays at 100 %)', async () => {
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
    const { tally, failures } = JSON.parse(readFileSync(out, 'utf8')) as {
      tally: Record<string, { applicable: number; passed: number }>
      failures: { id: string; check: string; verdict: string; turns: string[] }[]
    }
    expect(failures.map((f) => `${f.id} ${f.check}: ${f.verdict} <- ${JSON.stringify(f.turns)}`)).toEqual([])
    expect(Object.values(tally).every((t) => t.applicable > 0 && t.passed === t.applicable)).toBe(true)
  }, 120_000)
})
