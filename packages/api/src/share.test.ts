import { gsm7Length, isGsm7, validateLieux } from '@aiguillage/lieux'
import { createLieuxIndex } from '@aiguillage/recherche'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { createApp } from './app.js'
import { parsePublicUrl } from './config.js'
import { DatasetStore } from './dataset.js'
import { demoApp, demoDataset, MONDAY_10H30 } from './test-support.js'

/** A lieu whose every text tries to be HTML. */
const hostile = {
  id: 'piege',
  pivot: '00000000000000',
  nom: '<script>alert(1)</script> Espace « Numérique »',
  commune: 'Guéret',
  code_postal: '23000',
  code_insee: '23096',
  adresse: '1 rue "<img src=x onerror=alert(2)>"',
  latitude: '46.17',
  longitude: '1.87',
  telephone: '+33555123456',
  courriels: 'contact@exemple.fr',
  horaires: 'Mo-Fr 09:00-12:00 "<b>atelier</b>"',
  date_maj: '2024-01-15',
  source: '<i>source</i>',
  services: 'Aide aux démarches administratives',
  modalites_acces: 'Se présenter',
}

async function hostileApp() {
  const demo = await demoDataset()
  const report = validateLieux([hostile], { now: MONDAY_10H30 })
  const lieux = report.accepted.map((row) => row.lieu)
  expect(lieux).toHaveLength(1)
  const store = new DatasetStore({ ...demo, lieux, index: createLieuxIndex(lieux) })
  return createApp({ store, logger: pino({ level: 'silent' }), now: () => MONDAY_10H30, config: { rateLimit: null } })
}

describe('GET /lieux/{id}: the page of a lieu', () => {
  it('shows the name, address, phone, the week, how to go, what to bring, the data date and a QR code, without script', async () => {
    const { get } = await demoApp()
    const { status, body, type } = await get('/lieux/demo-gueret-fs')
    expect(status).toBe(200)
    expect(type).toMatch(/^text\/html/)
    expect(body).toContain('<html lang="fr">')
    expect(body).toContain('<h1>France services de Guéret (démo)</h1>')
    expect(body).toContain('3 place Bonnyaud, 23000 Guéret')
    expect(body).toContain('<a href="tel:+33536490101">05 36 49 01 01</a>')
    expect(body).toMatch(/<tr class="aujourdhui"><th scope="row">lundi/)
    expect(body).toContain('9 h – 12 h 30, 13 h 30 – 17 h')
    expect(body).toContain('Pour une démarche, pensez à apporter')
    expect(body).toContain('https://www.openstreetmap.org/directions')
    expect(body).toContain('Fiche établie le 23/11/2026. Informations du lieu mises à jour le 15/10/2026.')
    expect(body).toContain('<caption>Horaires de la semaine du 23/11 au 29/11</caption>')
    expect(body).not.toContain('à vérifier')
    expect(body).toMatch(
      /<svg [^>]*role="img" aria-label="QR code : l’adresse de cette fiche, http:\/\/localhost\/lieux\/demo-gueret-fs"/,
    )
    expect(body).toContain('Données de démonstration')
    expect(body).not.toMatch(/<script|<style|style=/)
    expect((await get('/fiche.css')).type).toMatch(/^text\/css/)
  })

  it('says « à vérifier » when the data are over a year old', async () => {
    const { get } = await demoApp({}, () => new Date('2028-01-10T10:00:00Z'))
    expect((await get('/lieux/demo-gueret-fs')).body).toContain('<strong class="a-verifier">à vérifier</strong>')
  })

  it('escapes every text from the data', async () => {
    const app = await hostileApp()
    const body = await (await app.request('/lieux/piege')).text()
    expect(body).not.toMatch(/<script|<img|<b>|<i>/)
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Espace « Numérique »')
    expect(body).toContain('1 rue &quot;&lt;img src=x onerror=alert(2)&gt;&quot;')
    expect(body).toContain('à vérifier')
  })

  it('says so for an unknown id, in a page for a browser, else in a problem; a problem for an over-long id', async () => {
    const { get } = await demoApp()
    const missing = await get('/lieux/inconnu', { headers: { accept: 'text/html,application/xhtml+xml' } })
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('Ce lieu n’est pas dans nos données')
    expect(await get('/lieux/inconnu')).toMatchObject({
      status: 404,
      body: { type: 'urn:aiguillage:probleme:introuvable' },
    })
    const long = await get(`/lieux/${'a'.repeat(301)}`)
    expect(long).toMatchObject({ status: 400, body: { issues: [{ path: ['id'] }] } })
  })
})

describe('GET /v1/lieux/{id}/partage: the texts to send', () => {
  it('gives the SMS text, the e-mail and the link to the page, at the configured public address', async () => {
    const { get } = await demoApp({ publicUrl: 'https://aiguillage.exemple.fr' })
    const { status, body } = await get('/v1/lieux/demo-gueret-fs/partage')
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: 'demo-gueret-fs',
      lien: 'https://aiguillage.exemple.fr/lieux/demo-gueret-fs',
      donnees: { demo: true },
    })
    expect(body.sms.texte).toBe(
      [
        'France services de Guéret (démo)',
        '3 place Bonnyaud, 23000 Guéret',
        'Tel : 05 36 49 01 01',
        "Aujourd'hui : 9 h - 12 h 30, 13 h 30 - 17 h",
        'https://aiguillage.exemple.fr/lieux/demo-gueret-fs',
      ].join('\n'),
    )
    expect(body.sms.longueur).toBe(gsm7Length(body.sms.texte))
    expect(isGsm7(body.sms.texte)).toBe(true)
    expect(body.email.sujet).toBe('Un lieu pour vous aider avec le numérique : France services de Guéret (démo)')
    expect(body.email.corps).toContain('vendredi : 9 h – 12 h 30, 13 h 30 – 17 h')
    expect(body.email.mailto).toMatch(/^mailto:\?subject=/)
    expect(body.itineraire).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions/)
  })

  it('links to the address asked when no public address is configured', async () => {
    const { get } = await demoApp()
    expect((await get('/v1/lieux/demo-gueret-fs/partage')).body.lien).toBe('http://localhost/lieux/demo-gueret-fs')
  })

  it('is a 404 problem for an unknown id, 405 for another method', async () => {
    const { get } = await demoApp()
    expect(await get('/v1/lieux/inconnu/partage')).toMatchObject({
      status: 404,
      body: { type: 'urn:aiguillage:probleme:introuvable' },
    })
    expect(await get('/v1/lieux/demo-gueret-fs/partage', { method: 'POST' })).toMatchObject({
      status: 405,
      headers: expect.any(Headers),
    })
  })

  it('reads AIGUILLAGE_PUBLIC_URL, and refuses what is not an http(s) address', () => {
    expect(parsePublicUrl(' https://aiguillage.exemple.fr/ ')).toBe('https://aiguillage.exemple.fr')
    for (const bad of ['aiguillage.fr', 'javascript:alert(1)', 'https://a.fr/?x=1'])
      expect(() => parsePublicUrl(bad)).toThrow(/AIGUILLAGE_PUBLIC_URL/)
  })
})
