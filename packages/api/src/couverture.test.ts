import { describe, expect, it } from 'vitest'
import { comingSaturday } from './couverture.js'
import { demoApp } from './test-support.js'

describe('GET /v1/couverture', () => {
  it('gives the figures of a département, its communes and its EPCI, in JSON', async () => {
    const { get } = await demoApp()
    const { status, body } = await get(
      '/v1/couverture?departement=23&dispositif_programmes_nationaux=France%20Services',
    )
    expect(status).toBe(200)
    expect(body.zone).toMatchObject({ type: 'departement', code: '23', nom: 'Creuse' })
    expect(body.zone.au_dela.map((b: { km: number }) => b.km)).toEqual([5, 10, 20])
    expect(body.communes.length).toBe(body.zone.communes)
    expect(body.epcis.length).toBeGreaterThan(0)
    expect(body.filtres).toEqual({ dispositif_programmes_nationaux: ['France Services'] })
    expect(body.methode.distance).toMatch(/vol d’oiseau/)
  })

  it('gives one CSV row per area', async () => {
    const { get } = await demoApp()
    const { status, body, type } = await get('/v1/couverture?departement=23&format=csv')
    expect(status).toBe(200)
    expect(type).toContain('text/csv')
    const lines = (body as string).split('\r\n')
    expect(lines[0]).toMatch(/^type,code,nom,communes,population,distance_mediane_km/)
    expect(lines[1]).toMatch(/^departement,23,Creuse,/)
  })

  it('suggests new sites and measures a what-if, in the département only', async () => {
    const { get } = await demoApp()
    const { status, body } = await get('/v1/couverture?departement=23&sites=2&site=23096')
    expect(status).toBe(200)
    expect(body.sites_suggeres.length).toBeLessThanOrEqual(2)
    expect(body.et_si.code).toBe('23096')
  })

  it('refuses, naming the field, a bad département, suggestions without an area and a site outside it', async () => {
    const { get } = await demoApp()
    for (const [url, field] of [
      ['/v1/couverture?departement=999x', 'departement'],
      ['/v1/couverture?sites=3', 'sites'],
      ['/v1/couverture?departement=23&site=75056', 'site'],
      ['/v1/couverture?departemnt=23', 'departemnt'],
    ] as const) {
      const { status, body } = await get(url)
      expect(status, url).toBe(400)
      expect(body.issues[0].path, url).toEqual([field])
    }
  })
})

describe('/couverture', () => {
  it('is a page with a map, its legend and the table beside it, every value escaped', async () => {
    const { get } = await demoApp()
    const { status, body } = await get('/couverture?departement=23')
    expect(status).toBe(200)
    expect(body).toContain('<svg')
    expect(body).toContain('<circle')
    expect(body).toContain('aria-label="Légende de la carte"')
    expect(body).toContain('<caption>Les ')
    expect(body).toContain('Méthode')
    expect(body).not.toMatch(/style=/)
    const country = await get('/couverture')
    expect(country.status).toBe(200)
    expect(country.body).toContain('Choisissez un département')
    const css = await get('/couverture.css')
    expect(css.type).toContain('text/css')
  })
})

it('reads the opening hours of the coming Saturday', () => {
  expect(comingSaturday(new Date('2026-11-23T09:30:00Z')).toISOString()).toBe('2026-11-28T12:00:00.000Z')
  expect(comingSaturday(new Date('2026-11-28T22:30:00Z')).toISOString()).toBe('2026-11-28T12:00:00.000Z')
})
