// Small builders for tests (not exported by the package): a valid row of the standard, and CSV text from rows.
import { formatCsvLine } from './csv.js'
import { type LieuField, lieuFields } from './fields.js'

/** A valid v1.0.2 row in the standard's text form; override any field. */
export function aLieuRecord(
  overrides: Partial<Record<LieuField | (string & {}), string>> = {},
): Record<string, string> {
  return {
    id: 'lieu-1',
    pivot: '43493312300029',
    nom: 'Espace numérique de Guéret',
    commune: 'Guéret',
    code_postal: '23000',
    code_insee: '23096',
    adresse: '1 place Bonnyaud',
    latitude: '46.1712',
    longitude: '1.8713',
    telephone: '+33555123456',
    horaires: 'Mo-Fr 09:00-12:00,14:00-17:00',
    date_maj: '2026-10-01',
    services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien',
    frais_a_charge: 'Gratuit',
    modalites_acces: 'Se présenter|Téléphoner',
    ...overrides,
  }
}

/** A CSV file of the standard (all 32 columns, official order) from rows. */
export function csvOf(rows: readonly Record<string, string>[], columns: readonly string[] = lieuFields): string {
  return (
    [formatCsvLine(columns), ...rows.map((row) => formatCsvLine(columns.map((c) => row[c] ?? '')))].join('\n') + '\n'
  )
}

/** The reference instant of the tests: Sunday 22 November 2026, noon in Paris. */
export const NOW = new Date('2026-11-22T11:00:00Z')
