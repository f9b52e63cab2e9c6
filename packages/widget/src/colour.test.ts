import { describe, expect, it } from 'vitest'
import { contrastWithWhite, defaultColour, readableColour } from './colour.js'

describe('readableColour', () => {
  it('keeps a colour on which white text reaches 4.5:1', () => {
    expect(readableColour('#000091')).toEqual({ colour: '#000091' })
    expect(readableColour('#1d6b3a')).toEqual({ colour: '#1d6b3a' })
  })

  it('refuses a pale colour and says why, in French', () => {
    const result = readableColour('#ffcc00')
    expect(result.colour).toBe(defaultColour)
    expect(result.warning).toMatch(/contraste 1\.\d:1 .* 4,5:1/)
  })

  it('refuses what is not a colour (a CSS injection attempt included)', () => {
    expect(readableColour('red; background:url(https://x)').colour).toBe(defaultColour)
    expect(readableColour('red; background:url(https://x)').warning).toMatch(/#rrggbb/)
    expect(readableColour(undefined)).toEqual({ colour: defaultColour })
  })

  it('computes the WCAG ratios of known pairs', () => {
    expect(contrastWithWhite('#000')).toBeCloseTo(21, 5)
    expect(contrastWithWhite('#fff')).toBeCloseTo(1, 5)
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2)
  })
})
