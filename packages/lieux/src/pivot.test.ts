import { describe, expect, it } from 'vitest'
import { hasValidSiretChecksum, pivotKind } from './pivot.js'

describe('hasValidSiretChecksum', () => {
  it('accepts SIRETs passing the Luhn check and refuses one wrong digit', () => {
    expect(hasValidSiretChecksum('43493312300029')).toBe(true)
    expect(hasValidSiretChecksum('21010053300012')).toBe(true) // a commune of the Ain
    expect(hasValidSiretChecksum('43493312300028')).toBe(false)
  })
  it("uses La Poste's own rule for its SIREN 356 000 000", () => {
    expect(hasValidSiretChecksum('35600000049837')).toBe(true)
    expect(hasValidSiretChecksum('35600000049838')).toBe(false)
  })
  it('refuses anything but 14 digits', () => {
    expect(hasValidSiretChecksum('4349331230002')).toBe(false)
    expect(hasValidSiretChecksum('W123456789')).toBe(false)
  })
})

describe('pivotKind', () => {
  it('tells SIRET from RNA', () => {
    expect(pivotKind('43493312300029')).toBe('siret')
    expect(pivotKind('W751234567')).toBe('rna')
    expect(pivotKind('1234567001')).toBe('other')
  })
})
