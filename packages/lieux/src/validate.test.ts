import { describe, expect, it } from 'vitest'
import { readLieux } from './read.js'
import { aLieuRecord, csvOf, NOW } from './test-factories.js'
import { type RowIssue, validateLieux } from './validate.js'
import { vocabularies } from './vocabularies.js'

const options = { now: NOW }
const errorsOf = (record: Record<string, unknown>) => {
  const report = validateLieux([record], options)
  return report.rejected[0]?.errors.map(({ field, code }) => ({ field, code })) ?? []
}
const warningsOf = (record: Record<string, unknown>) =>
  validateLieux([record], options).warnings.map(({ field, code }: RowIssue) => ({ field, code }))
const messageOf = (record: Record<string, unknown>) => validateLieux([record], options).rejected[0]?.errors[0]?.message

describe('validateLieux: a valid row', () => {
  it('is accepted with typed values: lists as arrays, coordinates as numbers', () => {
    const report = validateLieux([aLieuRecord()], options)
    expect(report.rejected).toEqual([])
    expect(report.accepted[0]?.lieu).toMatchObject({
      id: 'lieu-1',
      latitude: 46.1712,
      services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
      frais_a_charge: ['Gratuit'],
    })
    expect(report.warnings).toEqual([])
  })
  it('leaves blank optional fields out', () => {
    const lieu = validateLieux([aLieuRecord({ complement_adresse: '  ', site_web: '' })], options).accepted[0]?.lieu
    expect(lieu && 'complement_adresse' in lieu ? lieu.complement_adresse : undefined).toBeUndefined()
    expect(lieu?.site_web).toBeUndefined()
  })
  it('accepts the typed form too (arrays, numbers), as JSON producers write it', () => {
    const report = validateLieux(
      [{ ...aLieuRecord(), latitude: 46.17, services: ['Aide aux démarches administratives'], code_postal: 23000 }],
      options,
    )
    expect(report.rejected).toEqual([])
    expect(report.accepted[0]?.lieu.code_postal).toBe('23000')
  })
})

describe('validateLieux: required fields', () => {
  it.each(['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'])(
    'rejects a row without %s',
    (field) => {
      expect(errorsOf(aLieuRecord({ [field]: '' }))).toEqual([{ field, code: 'required' }])
    },
  )
  it('does not require services since v1.0.1', () => {
    expect(errorsOf(aLieuRecord({ services: '' }))).toEqual([])
  })
  it('reports every error of a row at once, not only the first', () => {
    expect(errorsOf(aLieuRecord({ nom: '', code_postal: '123', services: 'Cuisine' }))).toEqual([
      { field: 'nom', code: 'required' },
      { field: 'code_postal', code: 'invalid_format' },
      { field: 'services', code: 'invalid_value' },
    ])
  })
})

describe('validateLieux: field rules', () => {
  it('code_postal needs 5 digits, and says when a spreadsheet ate the leading zero', () => {
    expect(errorsOf(aLieuRecord({ code_postal: '1000' }))).toEqual([{ field: 'code_postal', code: 'invalid_format' }])
    expect(messageOf(aLieuRecord({ code_postal: '1000' }))).toContain('écrivez 01000')
  })
  it('code_insee follows the COG pattern, Corsica included', () => {
    expect(errorsOf(aLieuRecord({ code_insee: '2A004' }))).toEqual([])
    expect(errorsOf(aLieuRecord({ code_insee: '20004' }))).toEqual([{ field: 'code_insee', code: 'invalid_format' }])
  })
  it('pivot takes 9 to 14 letters or digits, and proposes the value without spaces', () => {
    expect(errorsOf(aLieuRecord({ pivot: 'W123456789' }))).toEqual([])
    expect(errorsOf(aLieuRecord({ pivot: '434 933 123 00029' }))).toEqual([{ field: 'pivot', code: 'invalid_format' }])
    expect(messageOf(aLieuRecord({ pivot: '434 933 123 00029' }))).toContain('Écrivez 43493312300029')
  })
  it('telephone is in international form, and the message gives the converted number', () => {
    expect(errorsOf(aLieuRecord({ telephone: '+590590123456' }))).toEqual([])
    expect(errorsOf(aLieuRecord({ telephone: '05 55 12 34 56' }))).toEqual([
      { field: 'telephone', code: 'invalid_format' },
    ])
    expect(messageOf(aLieuRecord({ telephone: '05 55 12 34 56' }))).toContain('Écrivez +33555123456')
  })
  it('coordinates are decimal numbers with a point, within range', () => {
    expect(errorsOf(aLieuRecord({ latitude: '46,17' }))).toEqual([{ field: 'latitude', code: 'invalid_number' }])
    expect(messageOf(aLieuRecord({ latitude: '46,17' }))).toContain('46.17')
    expect(errorsOf(aLieuRecord({ longitude: '200' }))).toEqual([{ field: 'longitude', code: 'out_of_range' }])
    expect(errorsOf(aLieuRecord({ latitude: 'nord' }))).toEqual([{ field: 'latitude', code: 'invalid_number' }])
  })
  it('presentation_resume is at most 280 characters', () => {
    expect(errorsOf(aLieuRecord({ presentation_resume: 'a'.repeat(280) }))).toEqual([])
    expect(errorsOf(aLieuRecord({ presentation_resume: 'a'.repeat(281) }))).toEqual([
      { field: 'presentation_resume', code: 'too_long' },
    ])
  })
  it('date_maj is a real date written AAAA-MM-JJ, and a French date gets the corrected form', () => {
    expect(errorsOf(aLieuRecord({ date_maj: '2024-02-30' }))).toEqual([{ field: 'date_maj', code: 'invalid_date' }])
    expect(errorsOf(aLieuRecord({ date_maj: '2024-02-29' }))).toEqual([])
    expect(messageOf(aLieuRecord({ date_maj: '2/4/2024' }))).toContain('Écrivez 2024-04-02')
  })
  it('a value outside a vocabulary is rejected, with the closest official value', () => {
    expect(errorsOf(aLieuRecord({ services: 'Aide aux demarches administratives' }))).toEqual([
      { field: 'services', code: 'invalid_value' },
    ])
    expect(messageOf(aLieuRecord({ services: 'Aide aux demarches administratives' }))).toContain(
      'Vouliez-vous dire « Aide aux démarches administratives » ?',
    )
    expect(messageOf(aLieuRecord({ frais_a_charge: 'Cher' }))).toContain(
      'Valeurs admises : Gratuit ; Gratuit sous condition ; Payant.',
    )
  })
  it('accepts both apostrophes and both spellings of Étapes numériques, and keeps the official form', () => {
    const report = validateLieux(
      [
        aLieuRecord({
          modalites_acces: 'Se présenter|Ce lieu n’accueille pas de public',
          formations_labels: 'Étapes numériques(La Poste)',
        }),
      ],
      options,
    )
    expect(report.accepted[0]?.lieu.modalites_acces).toEqual(['Se présenter', "Ce lieu n'accueille pas de public"])
    expect(report.accepted[0]?.lieu.formations_labels).toEqual(['Étapes numériques (La Poste)'])
  })
  it('checks every vocabulary field', () => {
    for (const field of Object.keys(vocabularies))
      expect(errorsOf(aLieuRecord({ [field]: 'Valeur inventée' }))).toEqual([{ field, code: 'invalid_value' }])
  })
  it('ignores empty list items and repeated values', () => {
    const lieu = validateLieux(
      [aLieuRecord({ services: 'Aide aux démarches administratives||Aide aux démarches administratives|' })],
      options,
    ).accepted[0]?.lieu
    expect(lieu?.services).toEqual(['Aide aux démarches administratives'])
  })
})

describe('validateLieux: warnings keep the row', () => {
  it('SIRET failing its Luhn check', () => {
    expect(warningsOf(aLieuRecord({ pivot: '43493312300028' }))).toEqual([{ field: 'pivot', code: 'siret_checksum' }])
  })
  it("La Poste's SIRETs follow their own checksum", () => {
    expect(warningsOf(aLieuRecord({ pivot: '35600000049837' }))).toEqual([])
  })
  it('the placeholder pivot 00000000000000', () => {
    expect(warningsOf(aLieuRecord({ pivot: '00000000000000' }))).toEqual([
      { field: 'pivot', code: 'pivot_placeholder' },
    ])
  })
  it('date_maj older than a year, or in the future', () => {
    expect(warningsOf(aLieuRecord({ date_maj: '2025-11-20' }))).toEqual([{ field: 'date_maj', code: 'stale_date' }])
    expect(warningsOf(aLieuRecord({ date_maj: '2025-11-23' }))).toEqual([])
    expect(warningsOf(aLieuRecord({ date_maj: '2027-01-01' }))).toEqual([{ field: 'date_maj', code: 'future_date' }])
  })
  it('horaires that do not parse, and horaires the library had to guess', () => {
    expect(warningsOf(aLieuRecord({ horaires: 'le matin sauf le mardi' }))).toEqual([
      { field: 'horaires', code: 'horaires_unparsable' },
    ])
    expect(warningsOf(aLieuRecord({ horaires: 'lundi 9h-12h' }))).toEqual([
      { field: 'horaires', code: 'horaires_corrected' },
    ])
  })
  it('missing coordinates, and 0, 0', () => {
    expect(warningsOf(aLieuRecord({ latitude: '', longitude: '' }))).toEqual([
      { field: 'latitude', code: 'missing_coordinates' },
    ])
    expect(warningsOf(aLieuRecord({ latitude: '0', longitude: '0' }))).toEqual([
      { field: 'longitude', code: 'missing_coordinates' },
    ])
  })
  it('a lieu without services (the standard treats it as not receiving the public)', () => {
    expect(warningsOf(aLieuRecord({ services: '' }))).toEqual([{ field: 'services', code: 'no_services' }])
  })
  it('services offered by a lieu that says it does not receive the public', () => {
    expect(warningsOf(aLieuRecord({ modalites_acces: "Ce lieu n'accueille pas de public" }))).toEqual([
      { field: 'modalites_acces', code: 'contradictory_access' },
    ])
  })
  it('unknown typologie codes, e-mails and links that are not', () => {
    expect(
      warningsOf(
        aLieuRecord({ typologie: 'EPN|BIBLI', courriels: 'contact@epn.fr|contact.epn.fr', site_web: 'www.epn.fr' }),
      ),
    ).toEqual([
      { field: 'typologie', code: 'unknown_typologie' },
      { field: 'courriels', code: 'invalid_email' },
      { field: 'site_web', code: 'invalid_url' },
    ])
  })
})

describe('validateLieux: the whole batch', () => {
  it('never drops a row: accepted + rejected = total, rejected rows keep their raw values', () => {
    const rows = [
      aLieuRecord({ id: 'a' }),
      aLieuRecord({ id: 'b', code_postal: 'x' }),
      'pas un objet',
      aLieuRecord({ id: 'c' }),
    ]
    const report = validateLieux(rows, options)
    expect(report.total).toBe(4)
    expect(report.accepted.map((r) => r.line)).toEqual([1, 4])
    expect(report.rejected.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
      [2, ['invalid_format']],
      [3, ['invalid_type']],
    ])
    expect(report.rejected[0]?.raw).toMatchObject({ id: 'b', code_postal: 'x' })
  })
  it.each([
    ['the same id', ['x', 'x'], [2]],
    ['an id with spaces, then without', [' x ', 'x'], [2]],
    ['an id without spaces, then with', ['x', 'x '], [2]],
    ['spaces on a row further up', [' a', 'x', 'b', 'x'], [4]],
    ['no repeat', ['a', 'b', 'c'], []],
  ])('in a CSV file, rejects a repeated id (%s)', (_, ids, rejectedLines) => {
    const result = readLieux(csvOf(ids.map((id) => aLieuRecord({ id }))), { fileName: 'lieux.csv', now: NOW })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.report.rejected.map((row) => row.line - 1)).toEqual(rejectedLines)
    for (const row of result.report.rejected) expect(row.errors[0]?.code).toBe('duplicate_id')
  })
  it('in a CSV file, an id is only repeated after an accepted row: a rejected first row does not count', () => {
    const rows = [aLieuRecord({ id: 'x', code_postal: 'abc' }), aLieuRecord({ id: 'x' }), aLieuRecord({ id: 'x' })]
    const result = readLieux(csvOf(rows), { fileName: 'lieux.csv', now: NOW })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.report.accepted.map((row) => row.line)).toEqual([3])
    expect(result.report.rejected.map((row) => [row.line, row.errors[0]?.code])).toEqual([
      [2, 'invalid_format'],
      [4, 'duplicate_id'],
    ])
    expect(result.report.rejected[1]?.errors[0]?.message).toContain('ligne 3')
  })
  it('rejects a repeated id and names the line of the first one', () => {
    const report = validateLieux([aLieuRecord({ id: 'x' }), aLieuRecord({ id: 'x' })], options)
    expect(report.accepted).toHaveLength(1)
    expect(report.rejected[0]?.errors[0]).toMatchObject({ line: 2, field: 'id', code: 'duplicate_id' })
    expect(report.rejected[0]?.errors[0]?.message).toContain('ligne 1')
  })
})
