import { describe, expect, it } from 'vitest'
import { lieuFields } from './fields.js'
import { readLieux } from './read.js'
import { aLieuRecord, csvOf, NOW } from './test-factories.js'

const read = (input: string | Uint8Array, fileName?: string) => {
  const result = readLieux(input, { now: NOW, ...(fileName ? { fileName } : {}) })
  if (!result.ok) throw new Error(`unusable: ${result.error.message}`)
  return result.report
}
const codes = (issues: { line: number; field: string | null; code: string }[]) =>
  issues.map(({ line, field, code }) => ({ line, field, code }))
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('readLieux: CSV of the standard', () => {
  it('reads a valid file, with BOM and CRLF line ends', () => {
    const text = `\uFEFF${csvOf([aLieuRecord({ id: 'a' }), aLieuRecord({ id: 'b' })]).replace(/\n/g, '\r\n')}`
    const report = read(utf8(text), 'lieux.csv')
    expect(report).toMatchObject({ format: 'csv', schemaVersion: '1.0.2', total: 2 })
    expect(report.accepted.map((r) => [r.line, r.lieu.id])).toEqual([
      [2, 'a'],
      [3, 'b'],
    ])
    expect(report.rejected).toEqual([])
  })
  it('gives the line where a row starts, even after a multi-line cell', () => {
    const report = read(
      csvOf([
        aLieuRecord({ id: 'a', presentation_detail: 'Ligne 1\nLigne 2\nLigne 3' }),
        aLieuRecord({ id: 'b', code_postal: '2300' }),
      ]),
    )
    expect(codes(report.rejected.flatMap((r) => r.errors))).toEqual([
      { line: 5, field: 'code_postal', code: 'invalid_format' },
    ])
  })
  it('keeps the valid rows when some are bad, each problem once with its line and field', () => {
    const report = read(
      csvOf([
        aLieuRecord({ id: '1' }),
        aLieuRecord({ id: '2', code_postal: '2300' }),
        aLieuRecord({ id: '3', services: 'Apprendre la cuisine' }),
        aLieuRecord({ id: '4' }),
      ]),
    )
    expect(report.accepted.map((r) => r.lieu.id)).toEqual(['1', '4'])
    expect(codes(report.rejected.flatMap((r) => r.errors))).toEqual([
      { line: 3, field: 'code_postal', code: 'invalid_format' },
      { line: 4, field: 'services', code: 'invalid_value' },
    ])
  })
  it('rejects a row with the wrong number of columns, keeps its cells, and reads the others', () => {
    const good = csvOf([aLieuRecord({ id: '1' }), aLieuRecord({ id: '3' })]).split('\n')
    const shortRow = 'x,43493312300029,Sans la suite'
    const text = [good[0], good[1], shortRow, good[2], ''].join('\n')
    const report = read(text)
    expect(report.total).toBe(3)
    expect(report.accepted.map((r) => r.lieu.id)).toEqual(['1', '3'])
    expect(codes(report.rejected[0]?.errors ?? [])).toEqual([{ line: 3, field: null, code: 'column_count' }])
    expect(report.rejected[0]?.raw).toMatchObject({ id: 'x', pivot: '43493312300029', nom: 'Sans la suite' })
  })
  it('rejects a row with one cell too many, even an empty one: every later column would be shifted', () => {
    const [header, row] = csvOf([aLieuRecord()]).split('\n')
    const shifted = (row as string).replace(',Guéret,', ',Guéret,Guéret,').replace(/,$/, '')
    const report = read(`${header}\n${shifted},\n`)
    expect(codes(report.rejected[0]?.errors ?? [])).toEqual([{ line: 2, field: null, code: 'column_count' }])
  })
  it('recovers from an unclosed quote at the end of the file: that row is rejected, the others are kept', () => {
    const lines = csvOf([aLieuRecord({ id: '1' }), aLieuRecord({ id: '2', horaires: 'Mo-Fr 09:00-12:00' })]).split('\n')
    lines[2] = (lines[2] as string).replace('Espace numérique de Guéret', '"Espace numérique de Guéret')
    const report = read(lines.join('\n'))
    expect(report.total).toBe(2)
    expect(report.accepted.map((r) => r.lieu.id)).toEqual(['1'])
    expect(codes(report.rejected[0]?.errors ?? [])).toEqual([{ line: 3, field: null, code: 'unclosed_quote' }])
    expect(report.rejected[0]?.raw).toMatchObject({ id: '2' })
  })
  it('gives back the rows a stray quote would swallow', () => {
    const plain = { horaires: 'Mo-Fr 09:00-12:00' }
    const lines = csvOf([
      aLieuRecord({ id: '1', ...plain }),
      aLieuRecord({ id: '2', ...plain }),
      aLieuRecord({ id: '3' }),
      aLieuRecord({ id: '4' }),
    ]).split('\n')
    lines[2] = (lines[2] as string).replace('Espace numérique de Guéret', '"Espace numérique de Guéret')
    const report = read(lines.join('\n'))
    expect(report.total).toBe(4)
    expect(report.accepted.map((r) => r.lieu.id)).toEqual(['1', '3', '4'])
    expect(codes(report.rejected[0]?.errors ?? [])).toEqual([{ line: 3, field: null, code: 'unclosed_quote' }])
  })
  it('reports a stray quote closed on its own line as a wrong column count', () => {
    const lines = csvOf([aLieuRecord({ id: '1' }), aLieuRecord({ id: '2' })]).split('\n')
    lines[2] = (lines[2] as string).replace('Espace numérique de Guéret', '"Espace numérique de Guéret')
    lines.push((lines[1] as string).replace(/^1,/, '3,'), '')
    const report = read(lines.join('\n'))
    expect(report.accepted).toHaveLength(2)
    expect(codes(report.rejected[0]?.errors ?? [])).toEqual([{ line: 3, field: null, code: 'column_count' }])
  })
  it('rejects the rows of a non-UTF-8 file that hold non-UTF-8 text, keeps the others, and reads accents right', () => {
    const ascii = { nom: 'EPN', commune: 'Gueret', services: '', modalites_acces: '' }
    const text = csvOf([aLieuRecord({ id: '1', ...ascii }), aLieuRecord({ id: '2', ...ascii, nom: 'Médiathèque' })])
    // Windows-1252: é is one byte, 0xE9, invalid in UTF-8.
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)))
    const report = read(bytes)
    expect(report.accepted.map((r) => r.lieu.id)).toEqual(['1'])
    expect(codes(report.warnings)).toContainEqual({ line: 3, field: null, code: 'not_utf8' })
    expect(codes(report.rejected[0]?.errors ?? [])).toEqual([{ line: 3, field: 'nom', code: 'invalid_encoding' }])
    expect(report.rejected[0]?.raw.nom).toBe('Médiathèque')
  })
  it('warns about unknown columns, missing required columns, and a semicolon separator', () => {
    const columns = lieuFields.filter((f) => f !== 'pivot')
    const text = csvOf([aLieuRecord({ remarque: 'à revoir' })], [...columns, 'remarque']).replace(/,/g, ';')
    const report = read(text)
    expect(codes(report.warnings).filter((w) => w.line === 1)).toEqual([
      { line: 1, field: null, code: 'delimiter' },
      { line: 1, field: 'remarque', code: 'unknown_column' },
      { line: 1, field: 'remarque', code: 'not_official' },
      { line: 1, field: 'pivot', code: 'not_official' },
      { line: 1, field: 'pivot', code: 'missing_column' },
    ])
    expect(codes(report.rejected[0]?.errors ?? [])).toEqual([{ line: 2, field: 'pivot', code: 'required' }])
  })
  it('skips blank lines and says how many', () => {
    const report = read(`${csvOf([aLieuRecord()])},,,\n\n`)
    expect(report.total).toBe(1)
    expect(codes(report.warnings)).toContainEqual({ line: 3, field: null, code: 'blank_lines' })
  })
  it('reads a v0.1.0 file and converts each row to v1', () => {
    const header =
      'id,pivot,nom,commune,code_postal,adresse,date_maj,services,publics_accueillis,conditions_acces,labels_nationaux,courriel'
    const row =
      'v0-1,43493312300029,Cyber-base,Aurillac,15000,1 rue X,2022-06-02,"Prendre en main un ordinateur;Devenir autonome dans les démarches administratives",Seniors (+ 65 ans);Surdité,"Gratuit : Je peux accéder gratuitement au lieu et à ses services",CNFS;APTIC,contact@cyber.fr'
    const report = read(`${header}\n${row}\n`)
    expect(report.schemaVersion).toBe('0.1.0')
    expect(report.accepted[0]?.lieu).toMatchObject({
      services: ['Maîtrise des outils numériques du quotidien', 'Aide aux démarches administratives'],
      publics_specifiquement_adresses: ['Seniors'],
      prise_en_charge_specifique: ['Surdité'],
      frais_a_charge: ['Gratuit'],
      dispositif_programmes_nationaux: ['Conseillers numériques'],
      autres_formations_labels: ['APTIC'],
      courriels: ['contact@cyber.fr'],
    })
  })
})

describe('readLieux: JSON of the standard', () => {
  it('reads an array of objects, with the line where each object starts', () => {
    const text = `[\n  ${JSON.stringify(aLieuRecord({ id: 'a' }))},\n  ${JSON.stringify(aLieuRecord({ id: 'b', code_postal: '1' }))}\n]`
    const report = read(text, 'lieux.json')
    expect(report.format).toBe('json')
    expect(report.accepted[0]?.line).toBe(2)
    expect(codes(report.rejected[0]?.errors ?? [])).toEqual([{ line: 3, field: 'code_postal', code: 'invalid_format' }])
  })
  it('reads a { "lieux": [...] } wrapper and warns about fields outside the standard', () => {
    const report = read(JSON.stringify({ lieux: [{ ...aLieuRecord(), note: 'x' }] }))
    expect(report.accepted).toHaveLength(1)
    expect(codes(report.warnings)).toEqual([{ line: 1, field: 'note', code: 'unknown_column' }])
  })
  it('rejects an element that is not an object, and keeps it', () => {
    const report = read(JSON.stringify([aLieuRecord(), 42]))
    expect(report.rejected[0]).toMatchObject({ line: 1, raw: { valeur: 42 }, errors: [{ code: 'invalid_type' }] })
  })
})

describe('readLieux: unusable input', () => {
  it.each([
    ['', 'empty_file'],
    ['   \n\n', 'empty_file'],
    ['[{"id": 1,}]', 'invalid_json'],
    ['{"type": "x"}', 'not_a_table'],
    ['prenom,age\nAlice,80\n', 'no_standard_column'],
    ['[{"prenom": "Alice"}]', 'no_standard_column'],
  ])('%j is unusable (%s), with a French message', (text, code) => {
    const result = readLieux(text, { now: NOW })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe(code)
      expect(result.error.message).toMatch(/fichier|JSON|colonne|champ/i)
    }
  })
  it('says on which line a JSON file is broken', () => {
    const result = readLieux('[\n{"id": "a"},\n{"id": }\n]', { fileName: 'x.json', now: NOW })
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'invalid_json', line: 3 })
  })
})

describe("readLieux with detail: 'acceptance' (what a server reads)", () => {
  const rows = [
    aLieuRecord({ id: 'a' }),
    aLieuRecord({ id: ' a', nom: 'Le même id, avec une espace' }),
    aLieuRecord({
      id: 'b',
      services: 'Aide aux démarches administratives |Maîtrise des outils numériques du quotidien|',
    }),
    aLieuRecord({ id: 'c', horaires: 'Mo 00:00-00:00', pivot: '00000000000000', courriels: 'pas un courriel' }),
    aLieuRecord({ id: 'd', code_postal: '2300' }),
    aLieuRecord({ id: 'b', nom: 'Id répété' }),
    aLieuRecord({ id: 'e', latitude: '1.87', longitude: '46.17' }),
    aLieuRecord({ id: 'f', date_maj: '2019-01-01', modalites_acces: 'Se presenter' }),
    aLieuRecord({ id: '', nom: '   ' }),
  ]
  const read = (detail?: 'acceptance') => {
    const result = readLieux(csvOf(rows), { fileName: 'lieux.csv', now: NOW, ...(detail ? { detail } : {}) })
    if (!result.ok) throw new Error(result.error.message)
    return result.report
  }

  it('accepts and rejects the same rows, with the same lieux and errors, as a full report', () => {
    const full = read()
    const served = read('acceptance')
    expect(served.accepted.map((row) => [row.line, row.lieu])).toEqual(full.accepted.map((row) => [row.line, row.lieu]))
    expect(served.rejected.map((row) => [row.line, row.errors])).toEqual(
      full.rejected.map((row) => [row.line, row.errors]),
    )
    expect(full.rejected.length).toBeGreaterThan(2)
    expect(full.warnings.length).toBeGreaterThan(3)
  })

  it('computes neither the warnings of rows nor the official verdict', () => {
    const served = read('acceptance')
    expect(served.warnings).toEqual([])
    expect([...served.accepted, ...served.rejected].every((row) => !row.officiel)).toBe(true)
    expect(read().accepted.some((row) => row.officiel)).toBe(true)
  })
})
