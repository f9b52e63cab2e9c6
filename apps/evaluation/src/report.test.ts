import { describe, expect, it } from 'vitest'
import { compare, defaultTolerance } from './report.js'

describe('the comparison with the baseline', () => {
  const before = {
    corpusDigest: 'x',
    cases: 10,
    metrics: { 'fully-understood': 0.6, 'label.intent=salutation.f1': 0.9 },
  }

  it('flags a drop beyond the tolerance as a regression, not a smaller one nor a gain', () => {
    const changes = compare(before, { 'fully-understood': 0.58, 'label.intent=salutation.f1': 0.95 }, defaultTolerance)
    expect(changes.map((c) => [c.metric, c.regression])).toEqual([
      ['fully-understood', true],
      ['label.intent=salutation.f1', false],
    ])
    expect(compare(before, { 'fully-understood': 0.595 }, defaultTolerance)[0]?.regression).toBe(false)
  })

  it('gives labels their own, wider tolerance', () => {
    expect(compare(before, { 'label.intent=salutation.f1': 0.88 }, defaultTolerance)[0]?.regression).toBe(false)
    expect(compare(before, { 'label.intent=salutation.f1': 0.86 }, defaultTolerance)[0]?.regression).toBe(true)
  })
})
