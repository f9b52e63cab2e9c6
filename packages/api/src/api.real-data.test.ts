import { existsSync } from 'node:fs'
import { type Lieu, Service } from '@aiguillage/lieux'
import { matchesFilters, scanNearest } from '@aiguillage/recherche'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './server.js'
import { sharedData, startRealDataServer } from './test-support.js'

/** The three cities with arrondissements, as people type them, and the postcode of each. */
const arrondissements = [
  ['paris 18', '75018'],
  ['marseille 13eme', '13013'],
  ['Lyon 3e', '69003'],
] as const

// `aiguillage serve` on the real data of ../shared/data, asked over HTTP, checked against a brute-force scan.
describe.skipIf(!existsSync(sharedData))('real data: the API', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startRealDataServer()
  }, 60_000)
  afterAll(() => server?.close())

  it('/v1/lieux?commune=Guéret&services=Aide aux démarches administratives gives the true nearest lieux', async () => {
    const response = await fetch(
      `${server.url}/v1/lieux?commune=${encodeURIComponent('Guéret')}&services=${encodeURIComponent(Service.AdministrativeProcedures)}&limit=10`,
    )
    expect(response.status).toBe(200)
    const body = (await response.json()) as any
    expect(body.reference).toMatchObject({ code_insee: '23096' })
    expect(body.donnees.demo).toBe(false)
    const lieux = server.store.current.lieux as Lieu[]
    const expected = scanNearest(lieux, body.reference, {
      limit: 10,
      radiusKm: 50,
      accept: (l) => matchesFilters(l, { services: [Service.AdministrativeProcedures] }),
    })
    expect(body.lieux.map((l: { id: string }) => l.id)).toEqual(expected.map((e) => e.lieu.id))
    body.lieux.forEach((l: { distance_km: number }, i: number) =>
      expect(l.distance_km).toBeCloseTo(expected[i]?.distanceKm ?? -1, 2),
    )
  })
  it('searches an arrondissement from its own centre: Paris 18e, Marseille 13e, Lyon 3e get a lieu of their own first, for every service one of their lieux offers', async () => {
    const lieux = server.store.current.lieux as Lieu[]
    const failures: string[] = []
    for (const [text, postcode] of arrondissements) {
      const own = lieux.filter((l) => l.code_postal === postcode)
      expect(own.length, `${text}: a lieu of its own in the data`).toBeGreaterThan(0)
      for (const service of new Set(own.flatMap((l) => l.services ?? []))) {
        const response = await fetch(
          `${server.url}/v1/lieux?commune=${encodeURIComponent(text)}&services=${encodeURIComponent(service)}&limit=1`,
        )
        const body = (await response.json()) as any
        expect(body.reference.code_postal ?? body.reference.codes_postaux).toContain(postcode)
        if (body.lieux[0]?.code_postal !== postcode)
          failures.push(`${text} / ${service}: ${body.lieux[0]?.nom} (${body.lieux[0]?.code_postal})`)
      }
    }
    expect(failures).toEqual([])
  })
  it('the chat answers an arrondissement with a lieu of its own first', async () => {
    for (const [text, postcode] of arrondissements) {
      const response = await fetch(`${server.url}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `je cherche de l'aide pour internet à ${text}` }),
      })
      const body = (await response.json()) as any
      expect(body.lieux?.[0]?.code_postal, text).toBe(postcode)
    }
  })
  it('/healthz counts the real data', async () => {
    const body = (await (await fetch(`${server.url}/healthz`)).json()) as any
    // Duplicates are merged across the two files (mergeDuplicates): 81 records merged into 79 lieux.
    expect(body.lieux).toMatchObject({ total: 2845 + 687, acceptes: 2845 + 687 - 81, rejetes: 0, fusionnes: 81 })
    expect(body.lieux.proposables).toBe(body.lieux.acceptes)
    expect(body.communes).toMatchObject({ total: 35_014, sans_coordonnees: 101 })
  })

  it('a merged duplicate is found by its own id: the fiche of the lieu kept, most recent data first', async () => {
    // France Services 2024 and Hinaura 2022 both describe the France services of Le Mayet-de-Montagne.
    const response = await fetch(`${server.url}/v1/lieux/hinaura-145`)
    expect(response.status).toBe(200)
    const fiche = (await response.json()) as { id: string; date_maj: string; qualite: { score: number } }
    expect(fiche).toMatchObject({ id: 'france-services-12', date_maj: '2024-08-01' })
    expect(fiche.qualite.score).toBeGreaterThanOrEqual(0)
  })
})
