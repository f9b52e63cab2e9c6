import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lieuFields } from './fields.js'
import type { Lieu } from './lieu-schema.js'
import { readLieux } from './read.js'
import { toCsv, toCsvChunks, toJson, toStandardRecord } from './serialise.js'
import { aLieuRecord, csvOf, NOW } from './test-factories.js'
import { validateLieux } from './validate.js'
import { vocabularies } from './vocabularies.js'

const lieuxOf = (text: string, fileName: string): Lieu[] => {
  const result = readLieux(text, { fileName, now: NOW })
  if (!result.ok) throw new Error(result.error.message)
  expect(result.report.rejected).toEqual([])
  return result.report.accepted.map((row) => row.lieu)
}

describe('toCsv and toJson', () => {
  it('write the 32 columns in the official order, lists joined with |', () => {
    const [lieu] = validateLieux([aLieuRecord()], { now: NOW }).accepted.map((r) => r.lieu)
    const csv = toCsv([lieu as Lieu])
    expect(csv.split('\n')[0]).toBe(lieuFields.join(','))
    expect(csv).toContain('Aide aux démarches administratives|Maîtrise des outils numériques du quotidien')
    expect(JSON.parse(toJson([lieu as Lieu]))[0]).toMatchObject({ latitude: 46.1712, frais_a_charge: 'Gratuit' })
  })
  it('give back the same data after a round trip of a file', () => {
    const text = csvOf([
      aLieuRecord({ id: 'a', presentation_detail: 'Sur deux\nlignes, avec "guillemets"' }),
      aLieuRecord({ id: 'b', latitude: '', longitude: '', services: '', itinerance: 'Itinérant|Fixe' }),
    ])
    const lieux = lieuxOf(text, 'a.csv')
    expect(lieuxOf(toCsv(lieux), 'b.csv')).toEqual(lieux)
    expect(lieuxOf(toJson(lieux), 'c.json')).toEqual(lieux)
    expect(toStandardRecord(lieux[1] as Lieu).latitude).toBe('')
  })
  it('write the same CSV a few rows at a time (the header with the first ones)', () => {
    const lieux = lieuxOf(csvOf(['a', 'b', 'c', 'd', 'e'].map((id) => aLieuRecord({ id }))), 'a.csv')
    const chunks = [...toCsvChunks(lieux, 2)]
    expect(chunks.map((chunk) => chunk.split('\n').length - 1)).toEqual([2, 2, 2])
    expect(chunks.join('')).toBe(toCsv(lieux))
    expect([...toCsvChunks([], 2)]).toEqual([`${lieuFields.join(',')}\n`])
  })
})

// Arbitrary valid lieux: text with commas, quotes, line breaks and any Unicode; every vocabulary; numbers.
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .map((s) => s.replace(/\uFFFD/g, '').trim())
  .filter((s) => s.length > 0)
const listItem = text.map((s) => s.replace(/\|/g, '/').trim()).filter((s) => s.length > 0)
const subset = (values: readonly string[]) => fc.subarray([...values], { minLength: 1 })
const day = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })

const lieuArbitrary: fc.Arbitrary<Lieu> = fc
  .record({
    id: text,
    pivot: fc.stringMatching(/^[a-zA-Z0-9]{9,14}$/),
    nom: text,
    commune: text,
    code_postal: fc.stringMatching(/^\d{5}$/),
    code_insee: optional(fc.stringMatching(/^([013-9]\d|2[AB1-9])\d{3}$/)),
    adresse: text,
    complement_adresse: optional(text),
    latitude: optional(fc.double({ min: -90, max: 90, noNaN: true, noDefaultInfinity: true })),
    longitude: optional(fc.double({ min: -180, max: 180, noNaN: true, noDefaultInfinity: true })),
    typologie: optional(fc.uniqueArray(listItem, { minLength: 1, maxLength: 3 })),
    telephone: optional(fc.stringMatching(/^\+33\d{9}$/)),
    courriels: optional(fc.uniqueArray(listItem, { minLength: 1, maxLength: 3 })),
    horaires: optional(text),
    presentation_resume: optional(text),
    presentation_detail: optional(
      fc
        .string({ maxLength: 400 })
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && !s.includes('\uFFFD')),
    ),
    date_maj: day,
    services: optional(subset(vocabularies.services)),
    itinerance: optional(subset(vocabularies.itinerance)),
    frais_a_charge: optional(subset(vocabularies.frais_a_charge)),
    modalites_acces: optional(subset(vocabularies.modalites_acces)),
    formations_labels: optional(subset(vocabularies.formations_labels)),
    dispositif_programmes_nationaux: optional(subset(vocabularies.dispositif_programmes_nationaux)),
  })
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Lieu)

describe('property: parse(serialise(x)) = x', () => {
  it('holds for CSV', () => {
    fc.assert(
      fc.property(fc.uniqueArray(lieuArbitrary, { selector: (l) => l.id, minLength: 1, maxLength: 5 }), (lieux) => {
        const result = readLieux(toCsv(lieux), { fileName: 'x.csv', now: NOW })
        expect(result.ok && result.report.rejected).toEqual([])
        expect(result.ok && result.report.accepted.map((r) => r.lieu)).toEqual(lieux.map((l) => normalised(l)))
      }),
      { numRuns: 300 },
    )
  })
  it('holds for JSON', () => {
    fc.assert(
      fc.property(fc.uniqueArray(lieuArbitrary, { selector: (l) => l.id, minLength: 1, maxLength: 5 }), (lieux) => {
        const result = readLieux(toJson(lieux), { fileName: 'x.json', now: NOW })
        expect(result.ok && result.report.accepted.map((r) => r.lieu)).toEqual(lieux.map((l) => normalised(l)))
      }),
      { numRuns: 300 },
    )
  })
})

/** -0 is written "0" by every CSV tool: the round trip keeps the number, not its sign bit. */
function normalised(lieu: Lieu): Lieu {
  const copy = { ...lieu }
  if (Object.is(copy.latitude, -0)) copy.latitude = 0
  if (Object.is(copy.longitude, -0)) copy.longitude = 0
  return copy
}
