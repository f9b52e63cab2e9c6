import { readFileSync } from 'node:fs'
import path from 'node:path'
import { type Lieu, readLieux } from '@aiguillage/lieux'
import { describe, expect, it } from 'vitest'
import { demoDir } from './load.js'
import { mergeLieux } from './sync.js'
import { countGap, referenceCount, truncation } from './sync-guard.js'
import { MONDAY_10H30 } from './test-support.js'

const lieu = (id: string, date_maj: string, nom = id) => ({
  line: 2,
  officiel: true,
  lieu: { id, date_maj, nom } as Lieu,
})

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

describe('the content guard', () => {
  const limits = { minKeepRatio: 0.9, maxGrowthRatio: 3 }

  it('compares with the median of the history, so neither one odd snapshot nor a walk down moves it alone', () => {
    expect(referenceCount([2845], 'baisse')).toBe(2845)
    expect(referenceCount([2845, 2850, 1696, 2860, 2840], 'baisse')).toBe(2845)
    expect(referenceCount([2845, 2850, 1696, 2860, 2840], 'hausse')).toBe(2845)
    // An even count: the stricter middle value. A drop is judged from the higher one, so 2 845 then 2 600 cannot be
    // walked down to 2 360; a growth from the lower one, so one forced outlier upwards is not the reference alone.
    expect(referenceCount([2845, 2600], 'baisse')).toBe(2845)
    expect(referenceCount([2845, 370_741], 'hausse')).toBe(2845)
  })

  it('takes the level confirmed with accepterEcart, and still the usual level after a forced outlier', () => {
    const forced = [2845, 2850, { count: 370_741, force: true }]
    expect(countGap(2845, forced, limits, 'lieux valides')).toBeUndefined()
    expect(countGap(370_000, forced, limits, 'lieux valides')).toBeUndefined()
    expect(countGap(100_000, forced, limits, 'lieux valides')?.replace(/\s/g, ' ')).toMatch(
      /100 000 lieux valides contre 2 845 d’habitude \(médiane des 2 derniers instantanés acceptés\) : × 35,1/,
    )
    // A real drop confirmed once is then followed without forcing again.
    expect(
      countGap(2000, [2845, 2845, 2845, 2845, { count: 2000, force: true }], limits, 'lieux valides'),
    ).toBeUndefined()
  })

  it('cannot be walked down by steps just under 10 %', () => {
    const history: number[] = [2845]
    for (const step of [2600, 2360]) {
      if (countGap(step, history, limits, 'lieux valides')) break
      history.push(step)
    }
    expect(history).toEqual([2845, 2600])
    expect(countGap(2360, history, limits, 'lieux valides')?.replace(/\s/g, ' ')).toMatch(
      /2 360 lieux valides contre 2 845 .* −17 %/,
    )
  })

  it('refuses a drop of more than 10 % or a growth of more than 3×, and says the counts and the share', () => {
    expect(countGap(2845, [], limits, 'lieux valides')).toBeUndefined()
    expect(countGap(2600, [2845], limits, 'lieux valides')).toBeUndefined()
    expect(countGap(8000, [2845], limits, 'lieux valides')).toBeUndefined()
    const drop = countGap(1696, [2845, 2845, 2850], limits, 'lieux valides')?.replace(/\s/g, ' ')
    expect(drop).toBe(
      'Le nouveau fichier n’a que 1 696 lieux valides contre 2 845 d’habitude (médiane des 3 derniers instantanés acceptés) : −40 %, au-delà de la baisse admise (−10 %). Il semble partiel.',
    )
    expect(countGap(1451, [2845], limits, 'lieux valides')).toMatch(/−49 %/)
    const growth = countGap(370_741, [2845], limits, 'lieux valides')?.replace(/\s/g, ' ')
    expect(growth).toMatch(/370 741 lieux valides contre 2 845 dans le dernier instantané accepté : × 130,3/)
    expect(growth).toMatch(/au-delà de la hausse admise \(× 3,0\)/)
  })
})

describe('a lieux file cut in the middle', () => {
  const demo = readFileSync(path.join(demoDir, 'lieux-demo.csv'), 'utf8')
  const judge = (text: string) => {
    const read = readLieux(Buffer.from(text), { fileName: 'lieux.csv', now: MONDAY_10H30 })
    if (!read.ok) throw new Error(read.error.message)
    return truncation(Buffer.from(text), read.report)
  }
  const lines = demo.split('\n')

  it('accepts a whole file, and one cut at a row boundary (the count guard judges that)', () => {
    expect(judge(demo)).toBeUndefined()
    expect(judge(`${lines.slice(0, 10).join('\n')}\n`)).toBeUndefined()
    expect(judge(lines.slice(0, 10).join('\n'))).toBeUndefined() // a complete last row without its line break
  })

  it('refuses a file whose last row is cut, naming the line', () => {
    const cut = demo.slice(0, demo.indexOf(lines[12] as string) + 80)
    expect(judge(cut)).toMatch(/coupé en cours de ligne : la ligne 13 est incomplète \(\d+ colonnes au lieu de \d+\)/)
  })

  it('refuses a file cut inside a quoted cell', () => {
    const start = demo.indexOf(lines[5] as string)
    const cut = demo.slice(0, demo.indexOf('"', start) + 5)
    expect(judge(cut)).toMatch(/la ligne 6 est incomplète \(un guillemet ouvert ligne 6 n’est jamais fermé\)/)
  })

  it('refuses a file cut just after a line break inside a quoted cell', () => {
    const start = demo.indexOf(lines[5] as string)
    const cut = `${demo.slice(0, demo.indexOf('"', start) + 5)}\n`
    expect(judge(cut)).toMatch(
      /coupé au milieu d’un texte entre guillemets : la ligne 6 est incomplète \(un guillemet ouvert ligne 6 n’est jamais fermé\)/,
    )
  })

  it('refuses a file whose last rows all have too few cells, even with a final line break', () => {
    const shortened = lines.slice(0, 24).map((line, i) => (i >= 20 ? line.split(',').slice(0, 5).join(',') : line))
    expect(judge(`${shortened.join('\n')}\n`)).toMatch(/ses 4 dernières lignes, à partir de la ligne 21/)
  })

  it('keeps rows rejected in the middle of the file a matter for the report', () => {
    const broken = [...lines]
    broken[4] = (broken[4] as string).split(',').slice(0, 5).join(',')
    broken[5] = `"${broken[5]}`
    expect(judge(broken.join('\n'))).toBeUndefined()
  })
})
