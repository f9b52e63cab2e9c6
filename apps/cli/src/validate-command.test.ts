import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExitCode, runValidate } from './validate-command.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures')
const now = new Date('2026-11-22T11:00:00Z')

async function validate(files: string[], json = false, strict = false, cwd = fixtures) {
  const out: string[] = []
  const err: string[] = []
  const code = await runValidate(
    files,
    { json, strict, cwd, now },
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('aiguillage validate', () => {
  it('exits 0 and says so when every row is valid', async () => {
    const result = await validate(['lieux-valides.csv'])
    expect(result.code).toBe(ExitCode.Valid)
    expect(result.out).toContain('3 lignes lues : 3 acceptées, 0 rejetée.')
  })
  it('exits 1 and lists one French message per problem, with line and field', async () => {
    const result = await validate(['lieux-corrompus.csv'])
    expect(result.code).toBe(ExitCode.RowsRejected)
    expect(result.out).toContain('5 lignes lues : 1 acceptée, 4 rejetées.')
    expect(result.out).toMatch(/ligne 3, code_postal : .*« 2340 ».*écrivez 02340/)
    expect(result.out).toMatch(/ligne 4, services : .*« Cours de cuisine »/)
    expect(result.out).toMatch(/ligne 5 : Un guillemet ouvert ligne 5 n’est jamais fermé/)
    expect(result.out).toMatch(/ligne 6 : La ligne a 33 colonnes au lieu de 32/)
  })
  it('prints the full report as JSON with --json: totals, rejected rows with their raw values, warnings', async () => {
    const result = await validate(['lieux-corrompus.csv'], true)
    const report = JSON.parse(result.out)
    expect(report).toMatchObject({ total: 5, accepted: 1 })
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6])
    expect(report.rejected[0]).toMatchObject({
      file: 'lieux-corrompus.csv',
      raw: { id: 'demo-2', code_postal: '2340' },
    })
    expect(report.rejected[0].errors[0]).toMatchObject({ line: 3, field: 'code_postal', code: 'invalid_format' })
  })
  it('is lenient by default, and exits 3 with --strict on a departure from the official schema', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aiguillage-strict-'))
    const text = readFileSync(path.join(fixtures, 'lieux-valides.csv'), 'utf8')
    const [header = '', first = '', ...others] = text.split('\n')
    const cells = first.split(',')
    const postcode = header.split(',').indexOf('code_postal')
    cells[postcode] = `" ${cells[postcode]?.replace(/"/g, '')}"`
    writeFileSync(path.join(dir, 'lieux.csv'), [header, cells.join(','), ...others].join('\n'))
    const lenient = await validate(['lieux.csv'], false, false, dir)
    expect(lenient.code).toBe(ExitCode.Valid)
    expect(lenient.out).toContain(
      'Schéma officiel : 2 lignes conformes sur 3, 1 acceptée(s) par Aiguillage après correction',
    )
    expect(lenient.out).toMatch(
      /ligne 2, code_postal : .*refusé par le schéma officiel \(une espace au début ou à la fin\)/,
    )
    const strict = await validate(['lieux.csv'], false, true, dir)
    expect(strict.code).toBe(ExitCode.NotOfficial)
    expect((await validate(['lieux-valides.csv'], false, true)).code).toBe(ExitCode.Valid)
  })
  it('lists the duplicates found across files, with the file and line of each id', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aiguillage-merge-'))
    const text = readFileSync(path.join(fixtures, 'lieux-valides.csv'), 'utf8')
    const [header = '', first = ''] = text.split('\n')
    writeFileSync(path.join(dir, 'a.csv'), `${header}\n${first}\n`)
    writeFileSync(
      path.join(dir, 'b.csv'),
      `${header}\n${first.replace(/^demo-1,/, 'autre-1,').replace('Médiathèque de Guéret', 'Espace numérique')}\n`,
    )
    const result = await validate(['a.csv', 'b.csv'], false, false, dir)
    expect(result.code).toBe(ExitCode.Valid)
    expect(result.out).toContain(
      'Doublons fusionnés : 1 lieu décrit(s) plusieurs fois (même adresse et même téléphone : 1 ; même SIRET et même adresse : 1)',
    )
    expect(result.out).toMatch(
      /demo-1 \(a\.csv, ligne 2\) ← autre-1 \(b\.csv, ligne 2\)|autre-1 \(b\.csv, ligne 2\) ← demo-1 \(a\.csv, ligne 2\)/,
    )
    const json = JSON.parse((await validate(['a.csv', 'b.csv'], true, false, dir)).out)
    expect(json.merges).toHaveLength(1)
  })
  it('reads JSON files of the standard', async () => {
    const result = await validate(['lieux-valides.json'], true)
    expect(JSON.parse(result.out)).toMatchObject({ total: 3, accepted: 3, rejected: [] })
  })
  it('exits 2 with a French message for a missing file, an empty file, or a file that is not of the standard', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aiguillage-'))
    writeFileSync(path.join(dir, 'vide.csv'), '')
    writeFileSync(path.join(dir, 'autre.csv'), 'prenom,age\nAlice,80\n')
    expect(await validate([path.join(dir, 'absent.csv')])).toMatchObject({
      code: ExitCode.Unusable,
      out: expect.stringContaining('Fichier introuvable'),
    })
    expect(await validate([path.join(dir, 'vide.csv')])).toMatchObject({
      code: ExitCode.Unusable,
      out: expect.stringContaining('Le fichier est vide.'),
    })
    expect(await validate([path.join(dir, 'autre.csv')])).toMatchObject({
      code: ExitCode.Unusable,
      out: expect.stringContaining('aucune colonne du standard'),
    })
    expect(await validate([path.join(dir, 'autre.csv')], true)).toMatchObject({
      err: expect.stringContaining('aucune colonne du standard'),
    })
  })
  it('rejects the rows of a Windows-1252 file that are not UTF-8, and keeps the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aiguillage-'))
    const text = readFileSync(path.join(fixtures, 'lieux-valides.csv'), 'utf8')
    writeFileSync(path.join(dir, 'latin1.csv'), Buffer.from(text, 'latin1'))
    const report = JSON.parse((await validate([path.join(dir, 'latin1.csv')], true)).out)
    expect(report.total).toBe(3)
    expect(report.warnings[0]).toMatchObject({ code: 'not_utf8' })
    expect(report.rejected.flatMap((r: { errors: { code: string }[] }) => r.errors.map((e) => e.code))).toContain(
      'invalid_encoding',
    )
  })
  it('asks for a file when given none', async () => {
    expect(await validate([])).toMatchObject({
      code: ExitCode.Unusable,
      err: expect.stringContaining('Indiquez au moins un fichier'),
    })
  })
})
