import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CellMemo, detached } from './cell-memo.js'
import { lieuFields } from './fields.js'
import { isPlainDecimal, LieuSchema, safeParseCells } from './lieu-schema.js'
import { aLieuRecord } from './test-factories.js'

/*
 * The reader's fast path (safeParseCells: verdicts kept per cell, the lieu built in one shape) must say exactly what
 * the schema says of the same row: same lieu (same keys, same order), or same issues.
 */

const positions = lieuFields.map((_, i) => i)
const cellsOf = (record: Record<string, string>) => lieuFields.map((field) => record[field] ?? '')

function expectSameVerdict(record: Record<string, string>) {
  const fast = safeParseCells(cellsOf(record), positions)
  const reference = LieuSchema.safeParse(record)
  expect(fast.success).toBe(reference.success)
  if (fast.success && reference.success) expect(JSON.stringify(fast.data)).toBe(JSON.stringify(reference.data))
  else expect(fast.error?.issues).toEqual(reference.error?.issues)
}

// For every field, values the schema accepts, normalises or refuses.
const cellsByField: Record<string, string[]> = {
  id: ['lieu-1', ' lieu-2 ', '', '   '],
  pivot: ['43493312300029', '434 933 123 00029', '', '00000000000000', 'W123456789'],
  nom: ['EPN', '  ', 'Médiathèque « La Source »'],
  code_postal: ['23000', '2300', ' 23000', 'abcde', ''],
  code_insee: ['23096', '2A004', '2300', '', '99999x'],
  latitude: ['46.1712', '46,17', '-91', 'NaN', '', ' 46.2 ', '1e1'],
  longitude: ['1.8713', '181', 'x', ''],
  telephone: ['+33555123456', '05 55 12 34 56', '', '+3355'],
  horaires: ['Mo-Fr 09:00-12:00', 'Mo-Fr 00:00-00:00', '', 'lundi 9h-12h'],
  presentation_resume: ['Un lieu.', 'x'.repeat(281), ''],
  date_maj: ['2026-10-01', '2024-02-30', '01/10/2026', '', '2026-1-5'],
  services: [
    'Aide aux démarches administratives',
    'Aide aux démarches administratives | Maîtrise des outils numériques du quotidien|',
    'Aide aux demarches administratives',
    'Inconnu',
    '|',
    '',
  ],
  frais_a_charge: ['Gratuit', 'Gratuit|Payant', 'gratuit', ''],
  modalites_acces: ['Se présenter|Téléphoner', 'Ce lieu n’accueille pas de public', 'Venir', ''],
  dispositif_programmes_nationaux: ['France Services', 'Point d’accès numérique CAF', 'Autre', ''],
  formations_labels: ['Étapes numériques (La Poste)', 'Étapes numériques(La Poste)', ''],
  itinerance: ['Fixe', 'Itinérant|Fixe', 'Mobile', ''],
  typologie: ['EPN', 'EPN|MDS', 'Inconnue', ''],
  courriels: ['a@b.fr', 'a@b.fr|c@d.fr', 'pas un courriel', ''],
  site_web: ['https://a.fr', 'a.fr', ''],
}

describe('safeParseCells (the CSV fast path) says what LieuSchema says', () => {
  it('for every crafted value of every field, the first time and when the verdict is kept', () => {
    for (const [field, values] of Object.entries(cellsByField))
      for (const value of values) {
        expectSameVerdict(aLieuRecord({ [field]: value }))
        expectSameVerdict(aLieuRecord({ [field]: value }))
      }
  })

  it('for random rows mixing them (fast-check), whatever the order the cells were first seen in', () => {
    const row = fc.record(
      Object.fromEntries(Object.entries(cellsByField).map(([field, values]) => [field, fc.constantFrom(...values)])),
    )
    fc.assert(
      fc.property(row, (overrides) => {
        expectSameVerdict(aLieuRecord(overrides))
      }),
      { numRuns: 2_000 },
    )
  })

  it('shares the lists of rows that wrote the same cell, frozen so that no row can change another', () => {
    const first = safeParseCells(cellsOf(aLieuRecord({ id: 'a' })), positions)
    const second = safeParseCells(cellsOf(aLieuRecord({ id: 'b' })), positions)
    if (!first.success || !second.success) throw new Error('valid rows expected')
    expect(second.data.services).toBe(first.data.services)
    expect(Object.isFrozen(first.data.services)).toBe(true)
    expect(second.data.id).toBe('b')
  })
})

describe('CellMemo', () => {
  it('gives back what was kept, by text', () => {
    const memo = new CellMemo<number>()
    memo.set('a', 1)
    memo.set('b', 2)
    expect(memo.get('a')).toBe(1)
    expect(memo.get('b')).toBe(2)
    expect(memo.get('c')).toBeUndefined()
  })

  it('keeps no more than its limit', () => {
    const memo = new CellMemo<number>(2)
    for (const [i, text] of ['a', 'b', 'c'].entries()) memo.set(text, i)
    memo.set('z', 9) // the last one set is answered without a lookup: move it away from 'c'
    expect(memo.get('c')).toBeUndefined()
    expect(memo.get('a')).toBe(0)
  })

  it('stops looking up a field whose cells are all different, and starts again once they repeat', () => {
    const memo = new CellMemo<number>()
    // A field of ids: every lookup misses, so lookups pause (what is set meanwhile is not kept).
    for (let i = 0; i < 300; i++) {
      expect(memo.get(`id-${i}`)).toBeUndefined()
      memo.set(`id-${i}`, i)
    }
    memo.set('kept-while-paused', 1)
    memo.set('other', 2)
    expect(memo.get('kept-while-paused')).toBeUndefined()
    // After the pause, values that repeat are kept and found again.
    let computed = 0
    for (let i = 0; i < 3_000; i++)
      for (const [text, value] of [
        ['x', 7],
        ['y', 8],
      ] as const)
        if (memo.get(text) === undefined) {
          computed++
          memo.set(text, value)
        }
    expect(computed).toBeLessThan(2_100)
    memo.set('z', 9)
    expect(memo.get('x')).toBe(7)
    expect(memo.get('y')).toBe(8)
  })
})

describe('detached', () => {
  it('copies texts and lists to equal values, lists frozen, anything else as it is', () => {
    const text = 'Aide aux démarches administratives|Loisirs'
    const cut = text.slice(0, 34)
    expect(detached(cut)).toBe('Aide aux démarches administratives')
    const list = detached(['Aide aux démarches administratives', 'x'])
    expect(list).toEqual(['Aide aux démarches administratives', 'x'])
    expect(Object.isFrozen(list)).toBe(true)
    expect(detached(46.1)).toBe(46.1)
  })
})

describe('isPlainDecimal', () => {
  const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
  it('says what the regular expression of a plain decimal says, on crafted texts', () => {
    for (const text of [
      '',
      '.',
      '+',
      '-',
      '1',
      '-1.',
      '.5',
      '+.5e-3',
      '45.1234',
      '1e',
      'e5',
      '1e+',
      '1.2.3',
      '1,5',
      ' 1',
      '1 ',
      '--1',
      '0x1F',
      'NaN',
      '1_000',
    ])
      expect(isPlainDecimal(text), text).toBe(PLAIN_DECIMAL.test(text))
  })
  it('says what the regular expression says, on random texts made of the characters that matter', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '7', '.', '+', '-', 'e', 'E', ' ', 'a'), maxLength: 8 })
    fc.assert(
      fc.property(text, (value) => isPlainDecimal(value) === PLAIN_DECIMAL.test(value)),
      { numRuns: 5000 },
    )
  })
})
