import { describe, expect, it } from 'vitest'
import { mapLink, phoneHref, webLink } from './links.js'

describe('links from the data', () => {
  it('keeps http(s) addresses and nothing else', () => {
    expect(webLink(' https://www.mairie-gueret.fr/numerique ')).toBe('https://www.mairie-gueret.fr/numerique')
    expect(webLink('http://exemple.fr')).toBe('http://exemple.fr')
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>',
      'file:///etc/passwd',
      'www.exemple.fr',
      'https://',
      'https://a b',
      undefined,
      '',
    ])
      expect(webLink(bad)).toBeUndefined()
  })
  it('makes a tel: link of a dialable number only (phoneHref, for the browser too)', () => {
    expect(phoneHref('+33 5 55 51 01 01')).toBe('tel:+33555510101')
    expect(phoneHref('05 55 51 01 01"><script>')).toBeUndefined()
  })
  it('points OpenStreetMap at the lieu', () => {
    expect(mapLink(46.17, 1.869)).toBe('https://www.openstreetmap.org/?mlat=46.17&mlon=1.869#map=18/46.17/1.869')
  })
})
