import { describe, expect, it } from 'vitest'
import { formatDistance } from './distance.js'

describe('formatDistance', () => {
  it.each([
    [0, 'moins de 10 m'],
    [0.004, 'moins de 10 m'],
    [0.347, '350 m'],
    [0.996, '1,0 km'],
    [1, '1,0 km'],
    [1.26, '1,3 km'],
    [9.96, '10 km'],
    [12.4, '12 km'],
    [153.7, '154 km'],
  ])('%d km reads "%s"', (km, text) => {
    expect(formatDistance(km)).toBe(text)
  })
  it('returns nothing for a distance that is not one', () => {
    expect(formatDistance(Number.NaN)).toBe('')
    expect(formatDistance(-1)).toBe('')
  })
})
