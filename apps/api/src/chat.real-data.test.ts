import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from './server.js'

// The evaluation of ../shared/eval, run as it is run from outside: its scorer against the real server on the real data.
const shared = process.env.AIGUILLAGE_SHARED_DATA ? path.dirname(process.env.AIGUILLAGE_SHARED_DATA) : path.resolve(import.meta.dirname, '../../../../shared')
const lieuxFiles = [
  'data/lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
  'data/lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
].map((f) => path.join(shared, f))
const scorer = path.join(shared, 'eval/score-orientation.mjs')

describe.skipIf(!existsSync(scorer))('real data: the orientation evaluation (development set)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ port: 0, lieux: lieuxFiles, communes: path.join(shared, 'data/communes-france/communes-france.csv'), autoSync: false, api: { rateLimit: null }, logger: pino({ level: 'silent' }) })
  }, 60_000)
  afterAll(() => server?.close())

  it('scores at least intent 95 %, services 90 %, commune 95 %, constraints 85 %, nearest 100 %', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'score-')), 'score.json')
    const { stdout } = await promisify(execFile)(process.execPath, [scorer, '--cases', path.join(shared, 'eval/orientation-dev.jsonl'), '--url', server.url, '--lieux', lieuxFiles.join(','), '--json', out])
    console.info(stdout.split('\n').slice(-12).join('\n'))
    const { tally } = JSON.parse(readFileSync(out, 'utf8')) as { tally: Record<string, { applicable: number; passed: number }> }
    const rate = (check: string) => (tally[check]?.passed ?? 0) / (tally[check]?.applicable ?? 1)
    expect(rate('intent')).toBeGreaterThanOrEqual(0.95)
    expect(rate('services')).toBeGreaterThanOrEqual(0.9)
    expect(rate('commune')).toBeGreaterThanOrEqual(0.95)
    expect(rate('constraints')).toBeGreaterThanOrEqual(0.85)
    expect(rate('nearest')).toBe(1)
  }, 120_000)
})
