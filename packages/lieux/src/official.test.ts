import { describe, expect, it } from 'vitest'
import { lieuFields } from './fields.js'
import { readLieux } from './read.js'
import { officialChecker, officialSchemaV1, tableSchemaChecker } from './table-schema.js'
import { aLieuRecord, csvOf, NOW } from './test-factories.js'
import { validateLieux } from './validate.js'

const read = (text: string, fileName = 'lieux.csv') => {
  const result = readLieux(text, { now: NOW, fileName })
  if (!result.ok) throw new Error(result.error.message)
  return result.report
}
/** The official verdict of one CSV row, and Aiguillage's: accepted (utilisable) or not, with the `not_official` warnings. */
function verdicts(overrides: Record<string, string>) {
  const report = read(csvOf([aLieuRecord(overrides)]))
  const row = report.accepted[0] ?? report.rejected[0]
  return {
    officiel: row?.officiel,
    utilisable: report.accepted.length === 1,
    deviations: report.warnings
      .filter((w) => w.code === 'not_official')
      .map((w) => ({ field: w.field, message: w.message })),
  }
}

describe('tableSchemaChecker', () => {
  const rowOf = (record: Record<string, unknown>) => lieuFields.map((f) => record[f])
  const check = (field: string, value: unknown) => officialChecker.checkRow(rowOf({ ...aLieuRecord(), [field]: value }))
  it('follows the field order of the standard', () => {
    expect(officialChecker.fieldNames).toEqual(lieuFields)
  })
  it('accepts the factory row', () => {
    expect(officialChecker.checkRow(rowOf(aLieuRecord()))).toEqual([])
  })
  it('anchors patterns on the whole value, without trimming', () => {
    expect(check('code_postal', ' 23000')).toEqual([{ field: 'code_postal', code: 'pattern', value: ' 23000' }])
    expect(check('services', 'Aide aux démarches administratives|')).toMatchObject([{ code: 'pattern' }])
    expect(check('services', 'Aide aux démarches administratives | Loisirs et créations numériques')).toMatchObject([
      { code: 'pattern' },
    ])
  })
  it('reads the empty cell as missing, and a cell of spaces as a value', () => {
    expect(check('nom', '')).toEqual([{ field: 'nom', code: 'required', value: '' }])
    expect(check('nom', null)).toEqual([{ field: 'nom', code: 'required', value: '' }])
    expect(check('nom', '   ')).toEqual([])
  })
  it('reads numbers as Python’s Decimal does: NaN and spaces accepted, a comma refused, no range', () => {
    expect(check('latitude', 'NaN')).toEqual([])
    expect(check('latitude', ' 46.1 ')).toEqual([])
    expect(check('latitude', '146.1')).toEqual([])
    expect(check('latitude', '46,1')).toMatchObject([{ code: 'type' }])
  })
  it('reads dates with the default format and refuses impossible ones', () => {
    expect(check('date_maj', '2024-2-5')).toEqual([])
    expect(check('date_maj', '2024-02-30')).toMatchObject([{ code: 'type' }])
    expect(check('date_maj', '05/02/2024')).toMatchObject([{ code: 'type' }])
  })
  it('checks maxLength in characters, enum (items of an array field), minimum and maximum', () => {
    expect(check('presentation_resume', 'é'.repeat(280))).toEqual([])
    expect(check('presentation_resume', 'é'.repeat(281))).toMatchObject([{ code: 'max_length' }])
    const custom = tableSchemaChecker({
      fields: [
        { name: 'a', type: 'array', constraints: { enum: ['x', 'y'] } },
        { name: 'n', type: 'integer', constraints: { minimum: 1, maximum: 3 } },
      ],
    })
    expect(custom.checkRow(['x|y', '2'])).toEqual([])
    expect(custom.checkRow(['x|z', '4']).map((issue) => issue.code)).toEqual(['enum', 'maximum'])
  })
  it('reports a second use of a unique value', () => {
    const seen = new Map()
    const row = rowOf(aLieuRecord())
    expect(officialChecker.checkRow(row, seen)).toEqual([])
    expect(officialChecker.checkRow(row, seen)).toEqual([{ field: 'id', code: 'unique', value: 'lieu-1' }])
  })
  it('compares header labels exactly', () => {
    const labels = lieuFields.map((f) => (f === 'adresse' ? 'Adresse' : f))
    expect(officialChecker.checkHeader(labels)).toEqual([
      { code: 'incorrect_label', position: 6, label: 'Adresse', expected: 'adresse' },
    ])
    expect(officialChecker.checkHeader([...lieuFields].reverse())).toMatchObject([{ code: 'wrong_order' }])
  })
  it('keeps the schema’s fields in the embedded copy', () => {
    expect(officialSchemaV1.fields).toHaveLength(32)
  })
})

describe('validate: the official verdict next to the usable one', () => {
  it.each([
    [
      'spaces around |',
      'services',
      'Aide aux démarches administratives | Loisirs et créations numériques',
      'Aide aux démarches administratives|Loisirs et créations numériques',
      /espaces autour de « \| »/,
    ],
    ['a trailing |', 'modalites_acces', 'Se présenter|', 'Se présenter', /« \| » en trop/],
    [
      'a curly apostrophe',
      'dispositif_programmes_nationaux',
      'Point d’accès numérique CAF',
      "Point d'accès numérique CAF",
      /apostrophe courbe/,
    ],
    ['a non-breaking space', 'frais_a_charge', 'Gratuit\u00a0sous condition', 'Gratuit sous condition', /insécable/],
    ['a postcode with a leading space', 'code_postal', ' 23000', '23000', /espace au début/],
    [
      '« Étapes numériques (La Poste) »',
      'formations_labels',
      'Étapes numériques (La Poste)',
      'Étapes numériques(La Poste)',
      /sans espace avant la parenthèse/,
    ],
  ])(
    '%s: usable, not official, and the warning names the field and the exact fix',
    (_, field, written, fix, reason) => {
      const result = verdicts({ [field]: written })
      expect(result).toMatchObject({ officiel: false, utilisable: true })
      expect(result.deviations).toHaveLength(1)
      expect(result.deviations[0]?.field).toBe(field)
      expect(result.deviations[0]?.message).toContain(`Écrivez « ${fix} »`)
      expect(result.deviations[0]?.message).toMatch(reason)
    },
  )
  it.each([
    ['a latitude out of range (swapped pair)', { latitude: '-149.5585', longitude: '-17.5334' }, 'latitude'],
    ['NaN', { latitude: 'NaN' }, 'latitude'],
    ['a name of spaces', { nom: '   ' }, 'nom'],
  ])('%s: official, but refused by Aiguillage, and the row says so', (_, overrides, field) => {
    const report = read(csvOf([aLieuRecord(overrides)]))
    expect(report.rejected[0]).toMatchObject({ officiel: true })
    expect(report.rejected[0]?.errors.map((e) => e.field)).toContain(field)
  })
  it('a header in another case: every row is usable, none official, and the header is named once', () => {
    const columns = lieuFields.map((f) => (f === 'adresse' ? 'Adresse' : f))
    const report = read(
      csvOf([aLieuRecord({ id: 'a', Adresse: '1 rue X' }), aLieuRecord({ id: 'b', Adresse: '2 rue X' })], columns),
    )
    expect(report.accepted.map((row) => row.officiel)).toEqual([false, false])
    expect(report.warnings.filter((w) => w.code === 'not_official')).toMatchObject([
      { line: 1, field: 'adresse', message: expect.stringContaining('Écrivez « adresse »') },
    ])
  })
  it('a JSON key in capitals is read, and named once as not official', () => {
    const { adresse, ...rest } = aLieuRecord()
    const report = read(JSON.stringify([{ ...rest, Adresse: adresse }]), 'lieux.json')
    expect(report.accepted[0]?.officiel).toBe(false)
    expect(report.warnings.filter((w) => w.code === 'not_official')).toMatchObject([{ field: 'adresse' }])
  })
  it('a clean row is official and usable, with no deviation', () => {
    expect(verdicts({})).toEqual({ officiel: true, utilisable: true, deviations: [] })
  })
  it('a JSON number where the schema wants a text: usable, not official, and the fix says to quote it', () => {
    const report = validateLieux([{ ...aLieuRecord(), id: 4 }], { now: NOW })
    expect(report.accepted[0]).toMatchObject({ officiel: false, lieu: { id: '4' } })
    expect(report.warnings.filter((w) => w.code === 'not_official')).toMatchObject([
      { field: 'id', message: expect.stringContaining('entre guillemets') },
    ])
  })
  it('"id": null is reported as required, not as a type error', () => {
    const report = validateLieux([{ ...aLieuRecord(), id: null }], { now: NOW })
    expect(report.rejected[0]?.errors).toMatchObject([{ field: 'id', code: 'required' }])
    expect(report.rejected[0]?.officiel).toBe(false)
  })
})

describe('validate: suspicious hours', () => {
  it('warns on 00:00-00:00 with the line and the field, and keeps the row', () => {
    const report = read(csvOf([aLieuRecord({ horaires: 'Mo-Fr 00:00-00:00' })]))
    expect(report.accepted).toHaveLength(1)
    expect(report.warnings.filter((w) => w.code === 'horaires_suspicious')).toMatchObject([
      { line: 2, field: 'horaires', message: expect.stringContaining('24 h sur 24') },
    ])
  })
})
