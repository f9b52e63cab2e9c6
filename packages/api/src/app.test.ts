import SwaggerParser from '@apidevtools/swagger-parser'
import { readLieux } from '@aiguillage/lieux'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { createApp, publicOrigin } from './app.js'
import { DatasetStore } from './dataset.js'
import { demoApp, demoDataset, MONDAY_10H30 } from './test-support.js'

const ids = (body: { lieux: { id: string }[] }) => body.lieux.map((l) => l.id)

describe('GET /v1/lieux', () => {
  it('gives the nearest lieux of a commune, nearest first, with distance, opening state and phone as dialled', async () => {
    const { get } = await demoApp()
    const { status, body } = await get('/v1/lieux?commune=gueret&limit=3')
    expect(status).toBe(200)
    expect(body.reference).toMatchObject({ via: 'commune', code_insee: '23096', nom: 'Guéret' })
    expect(ids(body)).toEqual(['demo-gueret-mediatheque', 'demo-gueret-fs', 'demo-gueret-ccas'])
    expect(body.lieux[0].distance_km).toBeLessThan(body.lieux[1].distance_km)
    expect(body.lieux[1]).toMatchObject({
      distance_texte: expect.stringMatching(/ m$|km$/),
      telephone_affichage: '05 36 49 01 01',
      telephone_lien: 'tel:+33536490101',
      ouverture: { etat: 'ouvert', texte: 'Ouvert. Ferme à 12 h 30.', prochain_changement: '2026-11-23T11:30:00.000Z' },
    })
    expect(body).toMatchObject({ total: 5, limit: 3, offset: 0, rayon_km: 50, criteres_elargis: [] })
  })
  it('says in every answer that the demo data are invented', async () => {
    const { get } = await demoApp()
    expect((await get('/v1/lieux?commune=gueret')).body.donnees).toMatchObject({
      demo: true,
      avertissement: expect.stringContaining('inventés'),
    })
    expect((await get('/v1/lieux/demo-gueret-fs')).body.donnees.demo).toBe(true)
    expect((await get('/healthz')).body.donnees.demo).toBe(true)
  })
  it('searches around a point, and around a postcode (its most populous commune)', async () => {
    const { get } = await demoApp()
    expect(ids((await get('/v1/lieux?latitude=44.9270&longitude=2.4440&limit=1')).body)).toEqual(['demo-aurillac-fs'])
    const { body } = await get('/v1/lieux?code_postal=15000&limit=1')
    expect(body.reference).toMatchObject({ via: 'code_postal', nom: 'Aurillac' })
  })
  it('filters on the standard’s fields: repeated or |-separated, any case or accents', async () => {
    const { get } = await demoApp()
    const repeated = await get(
      '/v1/lieux?commune=gueret&services=Loisirs%20et%20cr%C3%A9ations%20num%C3%A9riques&services=Aide%20aux%20d%C3%A9marches%20administratives&frais_a_charge=gratuit%20sous%20condition',
    )
    const piped = await get(
      `/v1/lieux?commune=gueret&services=${encodeURIComponent('loisirs et creations numeriques|Aide aux démarches administratives')}&frais_a_charge=Gratuit sous condition`,
    )
    expect(ids(repeated.body)).toEqual(['demo-aubusson-epn'])
    expect(ids(piped.body)).toEqual(['demo-aubusson-epn'])
    // No public named = tout public: the France services stays with the seniors' place.
    expect(
      ids(
        (
          await get(
            '/v1/lieux?commune=gueret&publics_specifiquement_adresses=Seniors&dispositif_programmes_nationaux=Aidants%20Connect',
          )
        ).body,
      ),
    ).toEqual(['demo-gueret-fs', 'demo-gueret-ccas'])
  })
  it('keeps the lieux open now, or on a day, or at an instant', async () => {
    const { get } = await demoApp()
    // Monday 10:30: the médiathèque (closed on Mondays) is left out.
    expect(ids((await get('/v1/lieux?commune=gueret&ouvert_maintenant=true')).body)).toEqual([
      'demo-gueret-fs',
      'demo-gueret-ccas',
    ])
    expect(ids((await get('/v1/lieux?commune=gueret&ouvert_le=jeudi&rayon_km=30')).body)).toEqual([
      'demo-gueret-mediatheque',
      'demo-gueret-fs',
      'demo-bourganeuf-bus',
    ])
    expect(ids((await get('/v1/lieux?commune=gueret&ouvert_le=2026-11-28T10:00:00%2B01:00')).body)).toEqual([
      'demo-gueret-mediatheque',
      'demo-aubusson-epn',
    ])
  })
  it('reads a weekday in Paris time: at Saturday 23:30 UTC it is Sunday in Paris, « samedi » is six days on', async () => {
    const { get } = await demoApp({}, () => new Date('2026-11-28T23:30:00Z'))
    // The médiathèque opens on Saturdays and never on Sundays.
    const saturday = await get('/v1/lieux?commune=gueret&ouvert_le=samedi&elargir=false')
    expect(ids(saturday.body)[0]).toBe('demo-gueret-mediatheque')
    const sunday = await get('/v1/lieux?commune=gueret&ouvert_le=dimanche&elargir=false')
    expect(ids(sunday.body)).toEqual([])
  })
  it('says which criteria it gave up when nothing matched, and can be told not to', async () => {
    const { get } = await demoApp()
    const relaxed = await get(
      '/v1/lieux?commune=gueret&services=Acquisition%20de%20mat%C3%A9riel%20informatique%20%C3%A0%20prix%20solidaire&frais_a_charge=Gratuit',
    )
    expect(relaxed.body.criteres_elargis.map((c: { critere: string }) => c.critere)).toEqual([
      'frais_a_charge',
      'rayon_km',
      'rayon_km',
    ])
    expect(ids(relaxed.body)).toEqual(['demo-aurillac-ressourcerie'])
    const strict = await get(
      '/v1/lieux?commune=gueret&services=Acquisition%20de%20mat%C3%A9riel%20informatique%20%C3%A0%20prix%20solidaire&elargir=false',
    )
    expect(strict.body).toMatchObject({ lieux: [], total: 0, criteres_elargis: [] })
  })
  it('pages with limit and offset', async () => {
    const { get } = await demoApp()
    const all = ids((await get('/v1/lieux?commune=gueret')).body)
    expect(ids((await get('/v1/lieux?commune=gueret&limit=2&offset=2')).body)).toEqual(all.slice(2, 4))
  })
})

describe('GET /v1/lieux: bad requests get a French problem+json naming the parameter', () => {
  it.each([
    ['/v1/lieux?commune=gueret&service=x', 'service', 'unknown_parameter', 'vouliez-vous dire « services »'],
    ['/v1/lieux?commune=gueret&services=Cuisine', 'services', 'invalid_value', "n'est pas une valeur de services"],
    ['/v1/lieux?commune=gueret&rayon_km=5000', 'rayon_km', 'out_of_range', 'entre 0.1 et 1000'],
    ['/v1/lieux?commune=gueret&limit=abc', 'limit', 'invalid_number', 'nombre entier'],
    ['/v1/lieux?commune=gueret&ouvert_maintenant=peut-etre', 'ouvert_maintenant', 'invalid_boolean', 'true ou false'],
    ['/v1/lieux?commune=gueret&ouvert_le=bientot', 'ouvert_le', 'invalid_date', 'samedi'],
    ['/v1/lieux?latitude=46.1', 'longitude', 'required', 'vont ensemble'],
    ['/v1/lieux?commune=gueret&latitude=1&longitude=1', 'commune', 'conflict', 'Un seul point'],
    ['/v1/lieux', 'commune', 'required', 'Indiquez où chercher'],
    ['/v1/lieux?commune=Atlantide', 'commune', 'unknown', 'Commune introuvable'],
    ['/v1/lieux?code_postal=99999', 'code_postal', 'unknown', 'Aucune commune'],
    ['/v1/lieux?code_postal=2300', 'code_postal', 'invalid_format', ''],
  ])('%s → 400 on %s', async (url, parameter, code, text) => {
    const { get } = await demoApp()
    const { status, type, body } = await get(url)
    expect(status).toBe(400)
    expect(type).toBe('application/problem+json; charset=utf-8')
    expect(body).toMatchObject({
      status: 400,
      instance: '/v1/lieux',
      issues: expect.arrayContaining([expect.objectContaining({ path: [parameter], code })]),
    })
    expect(body.detail).toContain(text)
  })
  it('takes a clear favourite among homonyms and offers the others (the one ambiguity policy)', async () => {
    const { get } = await demoApp()
    const { status, body } = await get('/v1/lieux?commune=Valence')
    expect(status).toBe(200)
    expect(body.reference).toMatchObject({ via: 'commune', code_insee: '26362', nom: 'Valence' })
    expect(body.reference.autres_communes.map((c: { code_insee: string }) => c.code_insee)).toContain('82186')
    expect(body.lieux.length).toBeGreaterThan(0)
  })
  it('takes the main commune of a shared postcode and offers the others', async () => {
    const { get } = await demoApp()
    const { status, body } = await get('/v1/lieux?code_postal=23000')
    expect(status).toBe(200)
    expect(body.reference).toMatchObject({ via: 'code_postal', nom: 'Guéret' })
    expect(body.reference.autres_communes.length).toBeGreaterThan(0)
  })
  it('asks which commune when no homonym is a clear favourite', async () => {
    const { get } = await demoApp()
    const { status, body } = await get('/v1/lieux?commune=Saint-Denis')
    expect(status).toBe(400)
    expect(body.type).toBe('urn:aiguillage:probleme:commune-ambigue')
    expect(body.issues[0].path).toEqual(['commune'])
    expect(
      body.candidats
        .slice(0, 2)
        .map((c: { code_insee: string }) => c.code_insee)
        .sort(),
    ).toEqual(['93066', '97411'])
    expect((await get('/v1/lieux?commune=93066')).body.reference.nom).toBe('Saint-Denis')
  })
  it('says when the demo has no coordinates for a commune', async () => {
    const { get } = await demoApp()
    expect((await get('/v1/lieux?commune=Thiers')).body.detail).toContain('données de démonstration')
  })
})

describe('recent answers', () => {
  it('answers a repeated question from the cache, the same answer, until the minute or the data change', async () => {
    let clock = MONDAY_10H30
    const store = new DatasetStore(await demoDataset())
    const app = createApp({ store, logger: pino({ level: 'silent' }), now: () => clock })
    const first = await app.request('/v1/lieux?commune=gueret')
    const second = await app.request('/v1/lieux?commune=gueret')
    expect(second.headers.get('x-cache')).toBe('hit')
    expect(await second.text()).toBe(await first.text())
    clock = new Date(MONDAY_10H30.getTime() + 60_000)
    expect((await app.request('/v1/lieux?commune=gueret')).headers.get('x-cache')).toBeNull()
    store.replace(await demoDataset())
    expect((await app.request('/v1/lieux?commune=gueret')).headers.get('x-cache')).toBeNull()
  })
  it('does not keep errors', async () => {
    const { get } = await demoApp()
    await get('/v1/lieux?commune=Saint-Denis')
    expect((await get('/v1/lieux?commune=Saint-Denis')).headers.get('x-cache')).toBeNull()
  })
})

describe('GET /v1/lieux/{id}', () => {
  it('gives the full record: the standard’s fields, the week in French, the data’s age', async () => {
    const { get } = await demoApp()
    const { status, body } = await get('/v1/lieux/demo-gueret-mediatheque')
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: 'demo-gueret-mediatheque',
      services: expect.arrayContaining(['Loisirs et créations numériques']),
      prise_rdv: 'https://rdv.example.org/mediatheque-gueret',
      ouverture: { etat: 'ferme', texte: 'Fermé. Ouvre demain à 14 h.' },
      fraicheur: { date_maj: '2026-10-15', age_jours: 39, a_verifier: false },
    })
    expect(body.horaires_semaine).toEqual([
      'lundi : fermé',
      'mardi : 14 h – 18 h',
      'mercredi : 10 h – 12 h, 14 h – 18 h',
      'jeudi : 14 h – 18 h',
      'vendredi : fermé',
      'samedi : 10 h – 12 h, 14 h – 18 h',
      'dimanche : fermé',
    ])
  })
  it('is a 404 problem for an unknown id', async () => {
    const { get } = await demoApp()
    expect(await get('/v1/lieux/inconnu')).toMatchObject({
      status: 404,
      body: { type: 'urn:aiguillage:probleme:introuvable' },
    })
  })
})

describe('GET /v1/lieux.csv', () => {
  it('exports the selection in the standard’s CSV, which reads back as valid', async () => {
    const { get } = await demoApp()
    const { status, headers, body } = await get('/v1/lieux.csv?commune=gueret&rayon_km=30&frais_a_charge=Gratuit')
    expect(status).toBe(200)
    expect(headers.get('content-disposition')).toBe('attachment; filename="lieux-mediation-numerique-demo.csv"')
    const read = readLieux(body as string, { fileName: 'x.csv', now: MONDAY_10H30 })
    expect(read.ok && read.report.accepted.map((r) => r.lieu.id)).toEqual([
      'demo-gueret-mediatheque',
      'demo-gueret-fs',
      'demo-gueret-ccas',
      'demo-bourganeuf-bus',
    ])
  })
  it('exports every lieu passing the filters when no place is given', async () => {
    const { get } = await demoApp()
    const read = readLieux(
      (await get('/v1/lieux.csv?dispositif_programmes_nationaux=France%20Services')).body as string,
      { now: MONDAY_10H30 },
    )
    expect(read.ok && read.report.total).toBe(10)
  })
})

describe('GET /v1/communes', () => {
  it('ranks the communes for a search box, with postcodes and département', async () => {
    const { get } = await demoApp()
    const { body } = await get('/v1/communes?q=st%20etienne')
    expect(body.candidats[0]).toMatchObject({
      code_insee: '42218',
      nom: 'Saint-Étienne',
      departement: { code: '42', nom: 'Loire' },
      codes_postaux: expect.arrayContaining(['42000']),
    })
  })
  it('completes a name being typed', async () => {
    const { get } = await demoApp()
    const names = (await get('/v1/communes?q=gue')).body.candidats.map((c: { nom: string }) => c.nom)
    expect(names.slice(0, 2)).toEqual(['Guérande', 'Guéret'])
  })
  it('flags homonyms', async () => {
    const { get } = await demoApp()
    expect((await get('/v1/communes?q=Saint-Denis')).body.ambigu).toBe(true)
  })
})

describe('GET /healthz, /openapi.json, /docs', () => {
  it('reports the counts and the data source', async () => {
    const { get } = await demoApp()
    expect((await get('/healthz')).body).toMatchObject({
      statut: 'ok',
      lieux: { total: 23, acceptes: 23, rejetes: 0, proposables: 23, sans_coordonnees: 0, sans_public: 0 },
      communes: { total: 35_014 },
      donnees: {
        source: 'demo',
        origines: ['lieux-demo.csv', 'communes-demo.csv'],
      },
    })
  })
  it('never shows where the files sit on the server', () => {
    expect(publicOrigin('/srv/aiguillage/.data/snapshot/lieux-2026.csv')).toBe('lieux-2026.csv')
    expect(publicOrigin('C:\\donnees\\lieux.csv')).toBe('lieux.csv')
    expect(publicOrigin('https://www.data.gouv.fr/fr/datasets/r/abc')).toBe(
      'https://www.data.gouv.fr/fr/datasets/r/abc',
    )
  })
  it('publishes an OpenAPI document that validates and documents every route and parameter', async () => {
    const { get } = await demoApp()
    const document = (await get('/openapi.json')).body
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined()
    expect(Object.keys(document.paths)).toEqual([
      '/v1/lieux',
      '/v1/lieux.csv',
      '/v1/lieux/{id}',
      '/v1/communes',
      '/v1/chat',
      '/healthz',
      '/readyz',
      '/openapi.json',
      '/docs',
      '/v1/lieux/{id}/partage',
      '/lieux/{id}',
      '/v1/couverture',
      '/couverture',
    ])
    const parameters = document.paths['/v1/lieux'].get.parameters.map((p: { name: string }) => p.name)
    expect(parameters).toEqual(
      expect.arrayContaining([
        'commune',
        'services',
        'frais_a_charge',
        'ouvert_maintenant',
        'ouvert_le',
        'rayon_km',
        'q',
        'limit',
        'offset',
      ]),
    )
  })
  it('serves a reference page with no script and no third-party resource', async () => {
    const { get } = await demoApp()
    const { status, body } = await get('/docs')
    expect(status).toBe(200)
    expect(body).toContain('<code>GET /v1/lieux</code>')
    expect(body).not.toMatch(/<script|https?:\/\/(?!localhost)/)
  })
})

describe('protection', () => {
  it('sets security headers', async () => {
    const { get } = await demoApp()
    const { headers } = await get('/healthz')
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('content-security-policy')).toContain("default-src 'self'")
  })
  it('allows only the configured origins (CORS)', async () => {
    const { get } = await demoApp({ corsOrigins: ['https://mairie.example.fr'] })
    expect(
      (await get('/v1/communes?q=gueret', { headers: { origin: 'https://mairie.example.fr' } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('https://mairie.example.fr')
    expect(
      (await get('/v1/communes?q=gueret', { headers: { origin: 'https://autre.example.com' } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull()
  })
  it('counts a client behind a proxy by the address the proxy saw, not by what the client wrote in X-Forwarded-For', async () => {
    const { get } = await demoApp({ rateLimit: { limit: 2, windowSeconds: 60 }, trustProxy: 1 })
    // The same client forging a new leftmost address each time: still one client for the limit.
    const statuses = []
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await get('/v1/lieux?commune=gueret', { headers: { 'x-forwarded-for': `6.6.6.${i}, 203.0.113.7` } })).status,
      )
    expect(statuses).toEqual([200, 200, 429, 429])
    // Another client behind the same proxy has its own allowance.
    expect((await get('/v1/lieux?commune=gueret', { headers: { 'x-forwarded-for': '203.0.113.8' } })).status).toBe(200)
  })
  it('answers 429 with Retry-After past the per-client limit', async () => {
    const { get } = await demoApp({ rateLimit: { limit: 2, windowSeconds: 60 } })
    await get('/v1/communes?q=a')
    await get('/v1/communes?q=a')
    const third = await get('/v1/communes?q=a')
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toBe('30')
    expect(third.body.type).toBe('urn:aiguillage:probleme:trop-de-requetes')
  })
  it('answers 405 for a wrong method, 413 for a large body, 404 for an unknown address, as problems', async () => {
    const { get } = await demoApp()
    expect(await get('/v1/lieux', { method: 'DELETE' })).toMatchObject({
      status: 405,
      headers: expect.any(Headers),
      body: { status: 405 },
    })
    expect(
      (await get('/v1/lieux', { method: 'POST', body: 'x'.repeat(20_000), headers: { 'content-type': 'text/plain' } }))
        .status,
    ).toBe(413)
    expect(await get('/nulle-part')).toMatchObject({ status: 404, type: 'application/problem+json; charset=utf-8' })
  })
  it('logs one line per request, without the query string', async () => {
    const { get, logs } = await demoApp()
    await get('/v1/lieux?commune=Gu%C3%A9ret%20chez%20Madame%20Martin')
    expect(logs).toEqual([expect.objectContaining({ method: 'GET', route: '/v1/lieux', status: 200, msg: 'requête' })])
    expect(JSON.stringify(logs)).not.toMatch(/Martin|commune=/)
  })
  it('logs the route a request went to, never its address: an id, a refusal, a page nobody serves', async () => {
    const { app, get, logs } = await demoApp({ rateLimit: { limit: 1, windowSeconds: 60 } })
    await get('/v1/lieux/un-lieu-de-madame-martin')
    await get('/v1/lieux/un-lieu-de-madame-martin') // over the limit: 429, still that route
    await get('/nulle-part/madame-martin')
    await get(`/v1/lieux?commune=${'x'.repeat(5000)}`)
    await app.request('/healthz', { method: 'HEAD' })
    expect(logs.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
      { method: 'GET', route: '/v1/lieux/:id', status: 404 },
      { method: 'GET', route: '/v1/lieux/:id', status: 429 },
      { method: 'GET', route: '*', status: 404 },
      { method: 'GET', route: '/v1/lieux', status: 414 },
      { method: 'HEAD', route: '/healthz', status: 200 },
    ])
    expect(JSON.stringify(logs)).not.toMatch(/martin|xxx/i)
  })
  it('answers a route without layers in the same call, with its security headers (no promise per request)', async () => {
    const { app } = await demoApp()
    // A middleware on every route (app.use('*')) would make every answer a promise, and cost a third of /healthz.
    const answer = app.fetch(new Request('http://localhost/healthz'))
    expect(answer).toBeInstanceOf(Response)
    const response = answer as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })
  it('answers an unexpected failure with a 500 problem and no internals, and logs it once', async () => {
    const dataset = await demoDataset()
    const broken = {
      ...dataset,
      index: {
        ...dataset.index,
        search: () => {
          throw new Error('secret internal detail')
        },
      },
    } as unknown as typeof dataset
    const lines: unknown[] = []
    const app = createApp({
      store: new DatasetStore(broken),
      logger: pino({ level: 'error' }, { write: (l: string) => lines.push(JSON.parse(l)) }),
      now: () => MONDAY_10H30,
    })
    const response = await app.request('/v1/lieux?commune=gueret')
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain('secret')
    expect(lines).toHaveLength(1)
  })
})
