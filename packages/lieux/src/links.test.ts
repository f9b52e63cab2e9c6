import { describe, expect, it } from 'vitest'
import { directionsLink, mailtoLink, mapLink, phoneHref, webLink } from './links.js'

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
  it('points OpenStreetMap directions at the lieu, the start left to the person', () => {
    expect(directionsLink(46.17, 1.869)).toBe(
      'https://www.openstreetmap.org/directions?route=%3B46.17%2C1.869#map=16/46.17/1.869',
    )
  })
  it('makes a mailto: link of an e-mail address only', () => {
    expect(mailtoLink(' accueil@mairie.fr ')).toBe('mailto:accueil@mairie.fr')
    for (const bad of ['accueil@mairie', 'a b@c.fr', 'x@y.fr?bcc=z@w.fr"', 'javascript:alert(1)', undefined])
      expect(mailtoLink(bad)).toBeUndefined()
  })
})
