import { describe, expect, it } from 'vitest'
import { formatPhone, phoneHref, toE164 } from './phone.js'

describe('toE164', () => {
  it.each([
    ['05 55 12 34 56', '+33555123456'],
    ['05.55.12.34.56', '+33555123456'],
    ['05-55-12-34-56', '+33555123456'],
    ['+33 (0)5 55 12 34 56', '+33555123456'],
    ['0033555123456', '+33555123456'],
    ['+33 0555123456', '+33555123456'],
    ['0590 12 34 56', '+590590123456'],
    ['0694 12 34 56', '+594694123456'],
    ['0262 12 34 56', '+262262123456'],
    ['0269 61 23 45', '+262269612345'],
    ['0596 12 34 56', '+596596123456'],
    ['+687 28 12 34', '+687281234'],
  ])('reads %s as %s', (input, expected) => {
    expect(toE164(input)).toBe(expected)
  })
  it('gives up on what is not a French number', () => {
    expect(toE164('12 34')).toBeUndefined()
    expect(toE164('+44 20 7946 0000')).toBeUndefined()
    expect(toE164('voir site')).toBeUndefined()
  })
})

describe('formatPhone', () => {
  it.each([
    ['+33555123456', '05 55 12 34 56'],
    ['+33180059880', '01 80 05 98 80'],
    ['+590590123456', '05 90 12 34 56'],
    ['+262692123456', '06 92 12 34 56'],
    ['+687281234', '+687 28 12 34'],
    ['+68940123456', '+689 40 12 34 56'],
    ['+508411234', '+508 41 12 34'],
  ])('writes %s as %s', (input, expected) => {
    expect(formatPhone(input)).toBe(expected)
  })
  it('returns an unknown shape unchanged rather than guess', () => {
    expect(formatPhone('3939')).toBe('3939')
  })
  it('gives a dialable tel: link', () => {
    expect(phoneHref('05 55 12 34 56')).toBe('tel:+33555123456')
    expect(phoneHref('n/a')).toBeUndefined()
  })
})
