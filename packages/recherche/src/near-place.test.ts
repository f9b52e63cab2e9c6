import { type Lieu, LieuSchema } from '@aiguillage/lieux'
import { createTerritoires } from '@aiguillage/territoires'
import { officialGeography } from '@aiguillage/territoires/cog-data'
import { describe, expect, it } from 'vitest'
import { createLieuxIndex } from './lieux-index.js'
import { choosePlace, findLieuxNear, openingConstraint, readOpenWhen, resolvePlace } from './near-place.js'

const territoires = createTerritoires({
  geography: officialGeography(),
  coordinates: new Map([
    ['23096', { latitude: 46.1627, longitude: 1.8709 }],
    ['26362', { latitude: 44.9229, longitude: 4.9144 }],
    ['82186', { latitude: 44.1077, longitude: 0.8898 }],
    ['74281', { latitude: 46.3705, longitude: 6.4792 }],
    // An arrondissement's centre (approximate), and its city's.
    ['69383', { latitude: 45.7506, longitude: 4.8517, approximate: true }],
    ['69123', { latitude: 45.7548, longitude: 4.8364 }],
  ]),
})

const lieu = (id: string, fields: Record<string, unknown>): Lieu =>
  LieuSchema.parse({
    id,
    nom: id,
    pivot: '43493312300029',
    adresse: '1 rue X',
    commune: 'Guéret',
    code_postal: '23000',
    date_maj: '2026-10-01',
    services: 'Aide aux démarches administratives',
    ...fields,
  })

// Saturday 28 November 2026, 23:30 UTC: already Sunday 00:30 in Paris.
const SATURDAY_2330_UTC = new Date('2026-11-28T23:30:00Z')

describe('the one ambiguity policy', () => {
  it.each([
    // [what is typed, the commune taken (or undefined when the person must choose), an other offered]
    ['Valence', '26362', '82186'],
    ['Montreuil', '93048', '85148'],
    ['Thonon', '74281', undefined],
    ['Saint-Denis', undefined, undefined],
    ['Beaulieu', undefined, undefined],
  ])('%s → %s', (text, taken, offered) => {
    const choice = choosePlace(territoires.resolve(text))
    if (taken === undefined) {
      expect(choice && 'candidates' in choice && choice.candidates.length).toBeGreaterThan(1)
      return
    }
    expect(choice && 'commune' in choice && choice.commune.code).toBe(taken)
    if (offered) expect(choice && 'others' in choice && choice.others.map((c) => c.code)).toContain(offered)
  })
  it('takes a postcode’s main commune and offers the others (74200: Thonon-les-Bains and five more)', () => {
    const resolved = resolvePlace(territoires, { postcode: '74200' })
    expect('place' in resolved && resolved.place.commune?.nom).toBe('Thonon-les-Bains')
    expect('place' in resolved && resolved.place.others.length).toBe(5)
  })
  it('reads an INSEE code as that commune, even when it is also a postcode (74200 is Neuvecelle’s code)', () => {
    const resolved = resolvePlace(territoires, { commune: '82186' })
    expect('place' in resolved && resolved.place.commune?.nom).toBe('Valence')
    expect(resolvePlace(territoires, { commune: '74200' })).toMatchObject({
      problem: { kind: 'no_coordinates', commune: { nom: 'Neuvecelle' } },
    })
  })
  it('says why a place cannot be searched around', () => {
    expect(resolvePlace(territoires, { commune: 'Atlantide' })).toEqual({
      problem: { kind: 'unknown', field: 'commune', text: 'Atlantide' },
    })
    expect(resolvePlace(territoires, { postcode: '00000' })).toMatchObject({ problem: { kind: 'unknown' } })
    expect(resolvePlace(territoires, { commune: 'Saint-Denis' })).toMatchObject({
      problem: { kind: 'ambiguous', field: 'commune' },
    })
  })
})

describe('days and times, in Paris whatever the machine’s zone', () => {
  it.each([
    ['samedi', { weekday: 6 }],
    ['Dimanche', { weekday: 0 }],
    ['demain', { daysAhead: 1 }],
    ["aujourd'hui", { daysAhead: 0 }],
    ['2026-11-23', { date: '2026-11-23' }],
    ['2026-11-23T10:00:00+01:00', { at: new Date('2026-11-23T09:00:00Z') }],
    ['bientôt', undefined],
    ['2026-02-30', undefined],
  ])('reads %j', (text, expected) => expect(readOpenWhen(text)).toEqual(expected))
  it('at Saturday 23:30 UTC, « dimanche » and « aujourd’hui » are today in Paris, « samedi » is six days on', () => {
    const day = (text: string) =>
      openingConstraint(readOpenWhen(text), SATURDAY_2330_UTC).openOn?.toISOString().slice(0, 10)
    expect(day('dimanche')).toBe('2026-11-29')
    expect(day("aujourd'hui")).toBe('2026-11-29')
    expect(day('demain')).toBe('2026-11-30')
    expect(day('samedi')).toBe('2026-12-05')
  })
})

describe('findLieuxNear', () => {
  const sundayOnly = lieu('dimanche-seulement', { latitude: 46.17, longitude: 1.87, horaires: 'Su 10:00-12:00' })
  const saturdayOnly = lieu('samedi-seulement', { latitude: 46.18, longitude: 1.88, horaires: 'Sa 10:00-12:00' })
  const index = createLieuxIndex([sundayOnly, saturdayOnly])
  const near = (open: string) =>
    findLieuxNear(
      { index, territoires },
      { place: { commune: 'Guéret' }, open: readOpenWhen(open), relax: false, now: SATURDAY_2330_UTC },
    )

  it('gives the lieux open on the Paris day asked for (at Saturday 23:30 UTC)', () => {
    const ids = (outcome: ReturnType<typeof near>) =>
      outcome.kind === 'results' ? outcome.results.map((r) => r.lieu.id) : outcome.problem.kind
    expect(ids(near('dimanche'))).toEqual(['dimanche-seulement'])
    expect(ids(near('samedi'))).toEqual(['samedi-seulement'])
  })
  it('returns the place problem rather than results', () => {
    const outcome = findLieuxNear({ index, territoires }, { place: { commune: 'Saint-Denis' }, now: SATURDAY_2330_UTC })
    expect(outcome).toMatchObject({ kind: 'place', problem: { kind: 'ambiguous' } })
  })
  it('gives an arrondissement’s own lieux first, its centre being approximate, and pages through the same order', () => {
    // Lyon 3e's centre is nearer to a lieu of the 8e than to the 3e's own.
    const lyon = createLieuxIndex([
      lieu('lyon-8e', { code_postal: '69008', latitude: 45.744, longitude: 4.856 }),
      lieu('lyon-3e', { code_postal: '69003', latitude: 45.7638, longitude: 4.8611 }),
      lieu('lyon-7e', { code_postal: '69007', latitude: 45.745, longitude: 4.845 }),
    ])
    const page = (offset: number) => {
      const outcome = findLieuxNear(
        { index: lyon, territoires },
        { place: { commune: 'Lyon 3e' }, limit: 1, offset, withTotal: true, now: SATURDAY_2330_UTC },
      )
      return outcome.kind === 'results' ? [outcome.results.map((r) => r.lieu.id), outcome.total] : outcome
    }
    expect(page(0)).toEqual([['lyon-3e'], 3])
    expect(page(1)).toEqual([['lyon-8e'], 3])
    expect(page(2)).toEqual([['lyon-7e'], 3])
  })
})
