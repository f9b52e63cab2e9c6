import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The real command on the real files of ../shared/data, as the acceptance check runs it.
const sharedData = process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
const bin = path.resolve(import.meta.dirname, '../bin/dev.mjs')
const validate = (...files: string[]) => {
  const run = spawnSync(process.execPath, [bin, 'validate', '--json', ...files.map((f) => path.join(sharedData, f))], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 90_000, // 3 000 real rows take 3–10 s; spawnSync blocks the test's timer, so it needs its own deadline
  })
  return { status: run.status, report: JSON.parse(run.stdout) }
}

describe.skipIf(!existsSync(sharedData))('aiguillage validate on the real data (real process)', () => {
  it('France Services 2024: 2 845 rows, 0 rejected, exit 0', () => {
    const { status, report } = validate(
      'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
    )
    expect(status).toBe(0)
    expect(report).toMatchObject({ total: 2845, accepted: 2845, rejected: [] })
  })
  it('the official v1.0.2 example: 0 rejected', () => {
    expect(validate('standard-mediation-numerique/exemple-valide-v1.0.2.csv')).toMatchObject({
      status: 0,
      report: { total: 1, rejected: [] },
    })
  })
  it('the Hinaura v0.1 JSON: 687 rows converted and accepted', () => {
    const { status, report } = validate('lieux-hinaura-2022/hinaura-source-schema-v0.1.json')
    expect(status).toBe(0)
    expect(report.files[0]).toMatchObject({ schemaVersion: '0.1.0', total: 687, accepted: 687, rejected: 0 })
  })
})
