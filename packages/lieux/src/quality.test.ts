import { describe, expect, it } from 'vitest'
import { LieuSchema } from './lieu-schema.js'
import { lieuQuality } from './quality.js'
import { aLieuRecord, NOW } from './test-factories.js'

const quality = (overrides: Record<string, string>) => lieuQuality(LieuSchema.parse(aLieuRecord(overrides)), NOW)

describe('lieuQuality', () => {
  it('scores freshness as data·inclusion: 1 under six months, 0 at two years, linear in between', () => {
    expect(quality({ date_maj: '2026-06-01' }).freshness).toBe(1)
    expect(quality({ date_maj: '2024-11-22' }).freshness).toBe(0)
    expect(quality({ date_maj: '2025-11-22' }).freshness).toBeCloseTo((730 - 365) / (730 - 183), 2)
  })
  it('adds contact and hours completeness', () => {
    expect(quality({ date_maj: '2026-10-01' })).toMatchObject({ score: 0.9, contact: 0.6, hours: 1, toCheck: false })
    expect(quality({ date_maj: '2026-10-01', courriels: 'a@b.fr' }).score).toBe(1)
    expect(quality({ date_maj: '2026-10-01', telephone: '', horaires: '' })).toMatchObject({
      score: 0.5,
      contact: 0,
      hours: 0,
    })
  })
  it('is « à vérifier » with old data, suspicious hours or a low score, and says why', () => {
    expect(quality({ date_maj: '2025-01-01' })).toMatchObject({
      toCheck: true,
      reasons: ['informations de plus d’un an'],
    })
    expect(quality({ horaires: 'Mo-Fr 00:00-00:00' })).toMatchObject({
      toCheck: true,
      hours: 0,
      reasons: ['horaires à vérifier'],
    })
  })
})
