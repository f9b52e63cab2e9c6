import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import OpeningHours from 'opening_hours'
import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv.js'
import { checkHoraires } from './opening-hours.js'
import { LieuSchema } from './lieu-schema.js'
import { readLieux } from './read.js'
import { mergeDuplicates } from './merge.js'
import { toCsv } from './serialise.js'
import { officialSchemaV1, type TableSchema, tableSchemaChecker } from './table-schema.js'
import { vocabularies } from './vocabularies.js'

// Real open data from ../shared/data (never copied into the repository). Skipped, visibly, where it is absent.
const sharedData = process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
const hasSharedData = existsSync(sharedData)
const file = (...parts: string[]) => path.join(sharedData, ...parts)
const now = new Date('2026-11-22T11:00:00Z')

function readReport(filePath: string) {
  const result = readLieux(readFileSync(filePath), { fileName: filePath, now })
  if (!result.ok) throw new Error(`${filePath}: ${result.error.message}`)
  return result.report
}

describe.skipIf(!hasSharedData)('real data: the files of the standard in ../shared/data', () => {
  it.each([
    ['lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv', '1.0.2', 2845],
    ['lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv', '1.0.2', 687],
    ['lieux-hinaura-2022/hinaura-source-schema-v0.1.json', '0.1.0', 687],
    ['standard-mediation-numerique/exemple-valide-v1.0.2.csv', '1.0.2', 1],
    ['standard-mediation-numerique/exemple-valide-v0.1.0.csv', '0.1.0', 1],
  ])('%s (v%s): %i rows, none rejected', (name, version, rows) => {
    const report = readReport(file(name))
    console.info(
      `${name}: ${report.total} lignes, ${report.accepted.length} acceptées, ${report.rejected.length} rejetées, ${report.warnings.length} avertissements`,
    )
    expect(report.schemaVersion).toBe(version)
    expect(report.total).toBe(rows)
    expect(report.rejected).toEqual([])
  })

  it.each([
    'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
    'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
  ])('%s: the reader’s fast path gives, row by row, the lieux the schema gives', (name) => {
    const text = readFileSync(file(name), 'utf8')
    // Read twice: the second time, every verdict comes from what the first reading kept.
    for (const pass of [1, 2]) {
      const fast = readReport(file(name)).accepted.map((row) => JSON.stringify(row.lieu))
      const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, '')).records
      const reference = records.map((record) => {
        const row = Object.fromEntries(record.cells.map((cell, i) => [header?.cells[i] ?? '', cell]))
        const parsed = LieuSchema.safeParse(row)
        return parsed.success ? JSON.stringify(parsed.data) : 'refusée'
      })
      expect(fast, `passe ${pass}`).toEqual(reference)
    }
  })

  it('every raw regional input is either refused as a whole with a reason, or fully accounted for row by row', () => {
    const folder = file('lieux-mednum-cli-raw-inputs')
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      const result = readLieux(readFileSync(path.join(folder, name)), { fileName: name, now })
      if (!result.ok) {
        console.info(`${name}: inutilisable (${result.error.code})`)
        expect(result.error.message).toMatch(/standard/)
        continue
      }
      const { report } = result
      console.info(
        `${name}: ${report.total} lignes, ${report.accepted.length} acceptées, ${report.rejected.length} rejetées`,
      )
      expect(report.accepted.length + report.rejected.length).toBe(report.total)
      expect(
        report.rejected.every((row) => row.errors.length > 0 && row.errors.every((e) => e.message.length > 0)),
      ).toBe(true)
    }
  })

  it("reading only for acceptance (a server's reading) accepts and rejects the same rows of every real file", () => {
    const raw = file('lieux-mednum-cli-raw-inputs')
    const files = [
      file('lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv'),
      file('lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv'),
      file('lieux-hinaura-2022/hinaura-source-schema-v0.1.json'),
      ...readdirSync(raw).map((name) => path.join(raw, name)),
    ]
    let rejected = 0
    for (const name of files.filter((f) => /\.(csv|json)$/.test(f))) {
      const full = readLieux(readFileSync(name), { fileName: name, now })
      const served = readLieux(readFileSync(name), { fileName: name, now, detail: 'acceptance' })
      if (!full.ok || !served.ok) {
        expect(served.ok, name).toBe(full.ok)
        continue
      }
      const lieux = (report: typeof full.report) => report.accepted.map((row) => [row.line, JSON.stringify(row.lieu)])
      const refusals = (report: typeof full.report) => report.rejected.map((row) => [row.line, row.errors])
      expect(lieux(served.report), name).toEqual(lieux(full.report))
      expect(refusals(served.report), name).toEqual(refusals(full.report))
      rejected += full.report.rejected.length
    }
    expect(rejected).toBeGreaterThan(0)
  })

  it('the vocabularies are exactly those of schema-v1.0.2.json (but the unspaced "Étapes numériques(La Poste)")', () => {
    const schema = JSON.parse(readFileSync(file('standard-mediation-numerique/schema-v1.0.2.json'), 'utf8')) as {
      fields: { name: string; constraints?: { pattern?: string } }[]
    }
    for (const [field, values] of Object.entries(vocabularies)) {
      const pattern = schema.fields.find((f) => f.name === field)?.constraints?.pattern ?? ''
      const inner = /\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$/.exec(pattern)?.[1] ?? ''
      const official = inner.split('|').map((v) => v.replace(/\\(.)/g, '$1'))
      expect(official.map((v) => (v === 'Étapes numériques(La Poste)' ? 'Étapes numériques (La Poste)' : v))).toEqual([
        ...values,
      ])
    }
  })

  it('converting the Hinaura v0.1 JSON gives the same v1 values as the published v1 conversion', () => {
    const converted = readReport(file('lieux-hinaura-2022/hinaura-source-schema-v0.1.json')).accepted.map((r) => r.lieu)
    const published = new Map(
      readReport(file('lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv')).accepted.map((r) => [
        r.lieu.id,
        r.lieu,
      ]),
    )
    const compared = [
      'services',
      'publics_specifiquement_adresses',
      'prise_en_charge_specifique',
      'frais_a_charge',
      'modalites_accompagnement',
      'courriels',
      'site_web',
      'horaires',
      'telephone',
    ] as const
    let differences = 0
    for (const lieu of converted) {
      const reference = published.get(`hinaura-${lieu.id}`)
      expect(reference).toBeDefined()
      for (const field of compared)
        if (JSON.stringify(lieu[field]) !== JSON.stringify(reference?.[field])) differences++
    }
    expect(differences).toBe(0)
  })

  it('the 2 845 France Services survive a CSV round trip unchanged', () => {
    const lieux = readReport(
      file('lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv'),
    ).accepted.map((r) => r.lieu)
    const again = readLieux(toCsv(lieux), { fileName: 'x.csv', now })
    expect(again.ok && again.report.accepted.map((r) => r.lieu)).toEqual(lieux)
  })

  it('every horaires judged valid is read by opening_hours (the fast check never lets a bad value through)', () => {
    const values = new Set<string>()
    for (const name of [
      'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
      'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
    ])
      for (const row of readReport(file(name)).accepted) if (row.lieu.horaires) values.add(row.lieu.horaires)
    let valid = 0
    for (const value of values) {
      if (!checkHoraires(value).valid) continue
      valid++
      expect(
        () => new OpeningHours(value, { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } }),
      ).not.toThrow()
    }
    console.info(`${values.size} horaires distincts, ${valid} valides`)
    expect(valid).toBe(values.size)
  })

  describe('the official verdict equals the one of schema.json itself, row for row', () => {
    const readSchema = () =>
      JSON.parse(readFileSync(file('standard-mediation-numerique/schema-v1.0.2.json'), 'utf8')) as TableSchema
    it('the embedded copy of the schema has its fields, types and constraints exactly', () => {
      const schema = readSchema()
      const strip = ({ name, type, format, constraints }: TableSchema['fields'][number]) => ({
        name,
        type,
        ...(format && format !== 'default' ? { format } : {}),
        constraints: Object.fromEntries(
          Object.entries(constraints ?? {}).filter(([key, value]) => !(key === 'required' && value === false)),
        ),
      })
      expect(officialSchemaV1.fields.map(strip)).toEqual(schema.fields.map(strip))
    })
    it.each([
      ['standard-mediation-numerique/exemple-valide-v1.0.2.csv', 1],
      ['lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv', 2845],
      ['lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv', 687],
    ])('%s', (name, rows) => {
      // The schema's verdict: schema.json read now, applied to the cells as the CSV holds them.
      const checker = tableSchemaChecker(readSchema())
      const [header, ...records] = parseCsv(readFileSync(file(name), 'utf8').replace(/^\uFEFF/, '')).records
      const labels = header?.cells ?? []
      const headerOk = checker.checkHeader(labels).length === 0
      const seen = new Map()
      const schemaVerdicts = new Map(
        records.map((record) => {
          const positions = checker.fieldNames.map((name) => labels.indexOf(name))
          const issues = checker.checkRow(record.cells, seen, positions)
          return [record.line, headerOk && record.cells.length === labels.length && issues.length === 0]
        }),
      )
      const report = readReport(file(name))
      const ours = new Map([...report.accepted, ...report.rejected].map((row) => [row.line, row.officiel]))
      let agree = 0
      let officiel = 0
      for (const [line, verdict] of schemaVerdicts) {
        if (ours.get(line) === verdict) agree++
        if (verdict) officiel++
      }
      console.info(
        `${name}: ${schemaVerdicts.size} lignes, ${officiel} acceptées par schema.json, ${report.accepted.length} utilisables ; verdict officiel identique sur ${agree} lignes`,
      )
      expect(schemaVerdicts.size).toBe(rows)
      expect(agree).toBe(rows)
    })
  })

  it('flags the 30 France Services with 00:00-00:00 as suspicious hours, never as open 24 h', () => {
    const report = readReport(
      file('lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv'),
    )
    const suspicious = report.warnings.filter((w) => w.code === 'horaires_suspicious')
    const zero = report.accepted.filter((row) => row.lieu.horaires?.includes('00:00-00:00'))
    console.info(`France Services : ${suspicious.length} horaires suspects, dont ${zero.length} avec 00:00-00:00`)
    expect(zero).toHaveLength(30)
    for (const row of zero) expect(suspicious.map((w) => w.line)).toContain(row.line)
  })

  it('merges France Services + Hinaura duplicates (Aurillac among them) and records every merged id', () => {
    const lieux = [
      'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
      'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
    ].flatMap((name) => readReport(file(name)).accepted.map((row) => row.lieu))
    const result = mergeDuplicates(lieux)
    const byRule = new Map<string, number>()
    for (const merge of result.merges) for (const rule of merge.rules) byRule.set(rule, (byRule.get(rule) ?? 0) + 1)
    console.info(
      `${lieux.length} lieux → ${result.lieux.length} ; ${result.merges.length} fusions, ${result.aliases.size} ids fusionnés ; par règle : ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}`,
    )
    expect(result.lieux.length + result.aliases.size).toBe(lieux.length)
    const aurillac = result.merges.find((merge) => [merge.keptId, ...merge.mergedIds].includes('hinaura-880'))
    expect(aurillac && [aurillac.keptId, ...aurillac.mergedIds].sort()).toEqual([
      'hinaura-765',
      'hinaura-828',
      'hinaura-880',
    ])
    // Buses are never merged with the fixed France Services where they are parked.
    const ids = new Map(lieux.map((lieu) => [lieu.id, lieu]))
    for (const merge of result.merges) {
      const names = [merge.keptId, ...merge.mergedIds].map((id) => ids.get(id)?.nom ?? '')
      expect(new Set(names.map((name) => /\bBus\b/.test(name))).size).toBe(1)
    }
  })
})
