import { type Lieu, LieuSchema } from '@aiguillage/lieux'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { haversineKm } from './distance.js'
import { createLieuxIndex, relaxationOrder } from './lieux-index.js'
import { matchesFilters, scanNearest } from './scan.js'

/** A valid lieu near Guéret; override any field in the standard's text form. */
function aLieu(id: string, overrides: Record<string, unknown> = {}): Lieu {
  return LieuSchema.parse({
    id,
    pivot: '43493312300029',
    nom: `Lieu ${id}`,
    commune: 'Guéret',
    code_postal: '23000',
    adresse: '1 rue X',
    date_maj: '2026-10-01',
    latitude: 46.17,
    longitude: 1.87,
    services: 'Aide aux démarches administratives',
    ...overrides,
  })
}

const GUERET = { latitude: 46.1712, longitude: 1.8713 }
const MONDAY_10H = new Date('2026-11-23T09:00:00Z') // 10:00 in Paris

// Lieux at increasing distances east of Guéret (0.01° of longitude ≈ 0.77 km at this latitude).
const lieux = [
  aLieu('a', { longitude: 1.88, frais_a_charge: 'Gratuit', horaires: 'Mo-Fr 09:00-12:00' }),
  aLieu('b', {
    longitude: 1.9,
    frais_a_charge: 'Payant',
    services: 'Maîtrise des outils numériques du quotidien',
    horaires: 'Sa 09:00-12:00',
  }),
  aLieu('c', {
    longitude: 1.95,
    frais_a_charge: 'Gratuit sous condition',
    publics_specifiquement_adresses: 'Jeunes',
    prise_rdv: 'https://rdv.example/c',
  }),
  aLieu('d', {
    longitude: 2.1,
    services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien',
    publics_specifiquement_adresses: 'Seniors',
    typologie: 'EPN',
  }),
  aLieu('far', { latitude: 43.6, longitude: 1.44, nom: 'Médiathèque José Cabanis', commune: 'Toulouse' }),
  aLieu('no-services', { longitude: 1.8714, services: '' }),
  aLieu('no-public', { longitude: 1.8714, modalites_acces: "Ce lieu n'accueille pas de public" }),
  aLieu('no-coordinates', { latitude: '', longitude: '' }),
  aLieu('zero', { latitude: 0, longitude: 0 }),
]
const index = createLieuxIndex(lieux)
const ids = (response: { results: { lieu: Lieu }[] }) => response.results.map((r) => r.lieu.id)

describe('LieuxIndex.search: nearest', () => {
  it('returns the nearest lieux first, with their great-circle distance', () => {
    const response = index.search({ now: MONDAY_10H, near: GUERET })
    expect(ids(response)).toEqual(['a', 'b', 'c', 'd'])
    expect(response.results[0]?.distanceKm).toBeCloseTo(haversineKm(GUERET.latitude, GUERET.longitude, 46.17, 1.88), 9)
    expect(response.radiusKm).toBe(50)
  })
  it('never returns lieux that do not receive the public or have no coordinates, and counts them', () => {
    expect(index.excluded).toEqual({ withoutCoordinates: 2, noPublic: 2 })
    expect(index.size).toBe(5)
    expect(index.byId('no-public')?.nom).toBe('Lieu no-public')
  })
  it('keeps to the radius, pages with limit and offset, and counts every match on demand', () => {
    expect(ids(index.search({ now: MONDAY_10H, near: GUERET, radiusKm: 3 }))).toEqual(['a', 'b'])
    expect(ids(index.search({ now: MONDAY_10H, near: GUERET, limit: 2, offset: 1 }))).toEqual(['b', 'c'])
    expect(index.search({ now: MONDAY_10H, near: GUERET, limit: 1, withTotal: true }).total).toBe(4)
    expect(index.search({ now: MONDAY_10H, near: GUERET, radiusKm: 3, withTotal: true }).total).toBe(2)
    expect(
      index.search({
        now: MONDAY_10H,
        near: GUERET,
        filters: { frais_a_charge: ['Gratuit'] },
        openAt: MONDAY_10H,
        withTotal: true,
      }).total,
    ).toBe(1)
    expect(ids(index.search({ now: MONDAY_10H, near: { latitude: 43.6, longitude: 1.44 }, radiusKm: 1 }))).toEqual([
      'far',
    ])
  })
})

describe('LieuxIndex.search: filters', () => {
  it('takes any of the values within a field', () => {
    expect(
      ids(index.search({ now: MONDAY_10H, near: GUERET, filters: { frais_a_charge: ['Gratuit', 'Payant'] } })),
    ).toEqual(['a', 'b'])
  })
  it('requires every field given', () => {
    expect(
      ids(
        index.search({
          now: MONDAY_10H,
          near: GUERET,
          filters: { services: ['Aide aux démarches administratives'], frais_a_charge: ['Gratuit sous condition'] },
        }),
      ),
    ).toEqual(['c'])
  })
  it('keeps lieux open to everyone when a public is asked for (no public named means tout public)', () => {
    expect(
      ids(index.search({ now: MONDAY_10H, near: GUERET, filters: { publics_specifiquement_adresses: ['Seniors'] } })),
    ).toEqual(['a', 'b', 'd'])
  })
  it('filters on typologie, online booking and free labels', () => {
    expect(ids(index.search({ now: MONDAY_10H, near: GUERET, filters: { typologie: ['EPN'] } }))).toEqual(['d'])
    expect(ids(index.search({ now: MONDAY_10H, near: GUERET, filters: { prise_rdv: true } }))).toEqual(['c'])
    expect(
      ids(index.search({ now: MONDAY_10H, near: GUERET, filters: { autres_formations_labels: ['QPV'] } })),
    ).toEqual([])
  })
  it('finds nothing for a value outside the standard, rather than everything', () => {
    expect(ids(index.search({ now: MONDAY_10H, near: GUERET, filters: { services: ['Cuisine'] } }))).toEqual([])
  })
})

describe('LieuxIndex.search: opening hours', () => {
  it('keeps only lieux open at the instant asked; unknown hours are not promised open', () => {
    expect(ids(index.search({ now: MONDAY_10H, near: GUERET, openAt: MONDAY_10H }))).toEqual(['a'])
  })
  it('keeps lieux open at some time on the day asked', () => {
    expect(ids(index.search({ now: MONDAY_10H, near: GUERET, openOn: new Date('2026-11-28T12:00:00Z') }))).toEqual([
      'b',
    ])
  })
  it('gives each result its state and next opening at the query instant', () => {
    const [a, b, c] = index.search({ near: GUERET, now: MONDAY_10H }).results
    expect(a?.opening).toMatchObject({
      state: 'open',
      nextChange: new Date('2026-11-23T11:00:00Z'),
      nextOpening: new Date('2026-11-24T08:00:00Z'),
    })
    expect(b?.opening).toMatchObject({ state: 'closed', nextOpening: new Date('2026-11-28T08:00:00Z') })
    expect(c?.opening).toEqual({ state: 'unknown', unknownReason: 'missing' })
  })
})

describe('LieuxIndex.search: ties', () => {
  it('gives lieux at the same distance in the order they were given, on every page', () => {
    const same = Array.from({ length: 7 }, (_, i) => aLieu(`t${i}`, { latitude: 46.2, longitude: 1.9 }))
    const tied = createLieuxIndex([...same].reverse())
    const ids = (offset: number) =>
      tied.search({ near: GUERET, limit: 3, offset, now: MONDAY_10H }).results.map((r) => r.lieu.id)
    expect([...ids(0), ...ids(3), ...ids(6)]).toEqual(['t6', 't5', 't4', 't3', 't2', 't1', 't0'])
  })
})

describe('LieuxIndex.search: relaxation', () => {
  it('is off unless asked: nothing found is an empty answer', () => {
    expect(
      index.search({ now: MONDAY_10H, near: GUERET, filters: { frais_a_charge: ['Payant'], typologie: ['BIB'] } }),
    ).toMatchObject({
      results: [],
      relaxed: [],
    })
  })
  it('answers a value no lieu has at once, and relaxes it like any other filter', () => {
    const deaf = { services: ['Aide aux démarches administratives'], prise_en_charge_specifique: ['Surdité'] }
    expect(index.search({ now: MONDAY_10H, near: GUERET, filters: deaf }).results).toEqual([])
    const relaxed = index.search({ now: MONDAY_10H, near: GUERET, filters: deaf, relax: true })
    expect(relaxed.relaxed).toEqual([
      { constraint: 'filtre', field: 'prise_en_charge_specifique', values: ['Surdité'] },
    ])
    expect(relaxed.results.length).toBeGreaterThan(0)
  })
  it('drops the opening time first and says so', () => {
    const response = index.search({
      now: MONDAY_10H,
      near: GUERET,
      filters: { services: ['Maîtrise des outils numériques du quotidien'] },
      openAt: MONDAY_10H,
      relax: true,
    })
    expect(response.relaxed).toEqual([{ constraint: 'ouvert_a' }])
    expect(ids(response)).toEqual(['b', 'd'])
  })
  it('then the secondary filters, then the cost, then widens the radius, and the services last', () => {
    expect(
      index.search({
        now: MONDAY_10H,
        near: GUERET,
        filters: { frais_a_charge: ['Payant'], typologie: ['BIB'] },
        relax: true,
      }).relaxed,
    ).toEqual([{ constraint: 'filtre', field: 'typologie', values: ['BIB'] }])
    const toulouseOnly = index.search({
      now: MONDAY_10H,
      near: GUERET,
      radiusKm: 10,
      filters: { frais_a_charge: ['Payant'], services: ['Aide aux démarches administratives'] },
      relax: true,
    })
    expect(toulouseOnly.relaxed).toEqual([{ constraint: 'filtre', field: 'frais_a_charge', values: ['Payant'] }])
    expect(ids(toulouseOnly)[0]).toBe('a')
    const nowhere = index.search({
      now: MONDAY_10H,
      near: { latitude: 48.39, longitude: -4.49 },
      filters: { services: ['Loisirs et créations numériques'] },
      relax: true,
    })
    expect(nowhere.relaxed.map((r) => r.constraint)).toEqual(['rayon_km', 'rayon_km', 'filtre'])
    expect(nowhere.results).toEqual([])
  })
  it('gives constraints up in the documented order (relaxationOrder), one kind after the other', () => {
    // Near Brest nothing matches, whatever is dropped: every step of the order is taken, in that order.
    const response = index.search({
      now: MONDAY_10H,
      near: { latitude: 48.39, longitude: -4.49 },
      filters: {
        services: ['Loisirs et créations numériques'],
        publics_specifiquement_adresses: ['Jeunes'],
        frais_a_charge: ['Payant'],
      },
      openAt: MONDAY_10H,
      q: 'cabanis',
      radiusKm: 50,
      relax: true,
    })
    const step = (r: (typeof response.relaxed)[number]) =>
      r.constraint === 'ouvert_a' || r.constraint === 'ouvert_le'
        ? 'ouverture'
        : r.constraint === 'filtre'
          ? ['services', 'frais_a_charge'].includes(r.field)
            ? r.field
            : 'filtres secondaires'
          : r.constraint === 'rayon_km'
            ? `rayon_km ×${r.to / 50}`
            : r.constraint
    expect(response.relaxed.map(step)).toEqual([...relaxationOrder])
  })
})

describe('LieuxIndex.searchByName', () => {
  it('folds accents, drops elisions and stopwords, and tolerates typos', () => {
    expect(index.searchByName('mediatheque').map((l) => l.id)).toEqual(['far'])
    expect(index.searchByName("la médiathèque d'toulouse").map((l) => l.id)).toEqual(['far'])
    expect(index.searchByName('mediateque cabanis').map((l) => l.id)).toEqual(['far'])
  })
  it('restricts a distance search to the names that match', () => {
    expect(ids(index.search({ now: MONDAY_10H, near: GUERET, q: 'cabanis', radiusKm: 1000 }))).toEqual(['far'])
    expect(ids(index.search({ now: MONDAY_10H, near: GUERET, q: 'cabanis' }))).toEqual([])
  })
})

describe('property: the index finds what a full scan finds', () => {
  it('for random lieux, points and filters', () => {
    const point = fc.record({
      latitude: fc.double({ min: 42, max: 51, noNaN: true }),
      longitude: fc.double({ min: -4, max: 8, noNaN: true }),
    })
    const services = [
      'Aide aux démarches administratives',
      'Maîtrise des outils numériques du quotidien',
      'Accès internet et matériel informatique',
    ]
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: point, service: fc.constantFrom(...services) }), { minLength: 1, maxLength: 120 }),
        point,
        fc.constantFrom(...services),
        (specs, near, service) => {
          const random = specs.map((s, i) =>
            aLieu(`l${i}`, { latitude: s.at.latitude, longitude: s.at.longitude, services: s.service }),
          )
          const filters = { services: [service] }
          const fromIndex = createLieuxIndex(random)
            .search({ near, filters, limit: 10, radiusKm: 300, now: MONDAY_10H })
            .results.map((r) => r.lieu.id)
          const fromScan = scanNearest(random, near, {
            limit: 10,
            radiusKm: 300,
            accept: (l) => matchesFilters(l, filters),
          }).map((r) => r.lieu.id)
          expect(fromIndex).toEqual(fromScan)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('property: the total within the radius is the count a full scan finds', () => {
  it('for random lieux, points and radii, across the antimeridian too', () => {
    const point = fc.record({
      latitude: fc.double({ min: -60, max: 60, noNaN: true }),
      longitude: fc.double({ min: -180, max: 180, noNaN: true }),
    })
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 150 }),
        point,
        fc.double({ min: 1, max: 3000, noNaN: true }),
        (points, near, radiusKm) => {
          const random = points.map((p, i) => aLieu(`l${i}`, { latitude: p.latitude, longitude: p.longitude }))
          const total = createLieuxIndex(random).search({ near, radiusKm, withTotal: true, now: MONDAY_10H }).total
          expect(total).toBe(scanNearest(random, near, { limit: Number.POSITIVE_INFINITY, radiusKm }).length)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('merged duplicates and data quality', () => {
  it('finds a merged lieu by any of its ids', () => {
    const index = createLieuxIndex([aLieu('kept')], { aliases: new Map([['merged', 'kept']]) })
    expect(index.byId('merged')?.id).toBe('kept')
    expect(index.byId('unknown')).toBeUndefined()
  })
  it('puts the better data first among lieux at the same distance', () => {
    const old = aLieu('old', { date_maj: '2023-01-01', horaires: 'Mo-Fr 09:00-12:00' })
    const fresh = aLieu('fresh', { date_maj: '2026-10-01', horaires: 'Mo-Fr 09:00-12:00', telephone: '+33555123456' })
    const results = createLieuxIndex([old, fresh]).search({ near: GUERET, limit: 2, now: MONDAY_10H }).results
    expect(results.map((r) => r.lieu.id)).toEqual(['fresh', 'old'])
  })
})
