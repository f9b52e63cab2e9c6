import type { Lieu } from '@aiguillage/lieux'
import { describe, expect, it } from 'vitest'
import { mergeLieux } from './sync.js'

const lieu = (id: string, date_maj: string, nom = id) => ({ line: 2, lieu: { id, date_maj, nom } as Lieu })

describe('mergeLieux', () => {
  it('keeps every lieu of every file, in order', () => {
    const merged = mergeLieux([{ accepted: [lieu('a', '2026-10-01')] }, { accepted: [lieu('b', '2026-10-01')] }])
    expect(merged.lieux.map((l) => l.id)).toEqual(['a', 'b'])
    expect(merged).toMatchObject({ keptBySource: [1, 1], duplicates: 0 })
  })

  it('keeps an id found in two files once: the most recent date_maj, the later file on a tie', () => {
    const merged = mergeLieux([
      {
        accepted: [
          lieu('plus-recent-avant', '2026-10-02', 'A'),
          lieu('egal', '2026-10-01', 'A'),
          lieu('seul', '2026-01-01'),
        ],
      },
      { accepted: [lieu('plus-recent-avant', '2026-10-01', 'B'), lieu('egal', '2026-10-01', 'B')] },
      { accepted: [lieu('egal', '2026-09-30', 'C')] },
    ])
    expect(merged.lieux.map((l) => [l.id, l.nom])).toEqual([
      ['plus-recent-avant', 'A'],
      ['egal', 'B'],
      ['seul', 'seul'],
    ])
    expect(merged).toMatchObject({ keptBySource: [2, 1, 0], duplicates: 3 })
  })
})
