import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import { type Lieu, readLieux, toCsv } from '@aiguillage/lieux'
import { describe, expect, it } from 'vitest'
import { DataError, demoDir, loadSnapshot, readSnapshotMetaState } from './load.js'
import { mergeLieux, removeUnreferenced, SyncError, type SyncOptions, syncSnapshot } from './sync.js'
import { countGap, historyFile, referenceCount, truncation } from './sync-guard.js'
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

  it('judges a drop from the largest recent good snapshot and a growth from the median', () => {
    expect(referenceCount([2845], 'baisse')).toBe(2845)
    expect(referenceCount([2845, 2850, 1696, 2860, 2840], 'baisse')).toBe(2860)
    expect(referenceCount([2845, 2850, 1696, 2860, 2840], 'hausse')).toBe(2845)
    // After 2 845 then 2 600, a drop is still judged from 2 845; after a forced outlier upwards, a growth is judged
    // from the lower middle value, so the outlier is not the reference alone.
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

  /** Feeds counts one after the other to the guard as a sync would: each accepted count joins the last 5. */
  const walk = (start: number[], steps: number[], guard: typeof limits) => {
    const history = [...start]
    const refused: number[] = []
    for (const step of steps) {
      if (countGap(step, history, guard, 'lieux valides')) refused.push(step)
      else history.push(step)
      history.splice(0, history.length - 5)
    }
    return { history, refused }
  }

  it('refuses 51 % then 51 % of that: on the first step with the default limits, on the second with lax ones', () => {
    expect(walk([100], [51, 26], limits).refused).toEqual([51, 26])
    // Limits that let 51 % through: the next half is still measured from 100, not from 51.
    const lax = { minKeepRatio: 0.5, maxGrowthRatio: 3 }
    expect(walk([100], [51, 26], lax)).toEqual({ history: [100, 51], refused: [26] })
    expect(countGap(26, [100, 51], lax, 'lieux valides')?.replace(/\s/g, ' ')).toMatch(
      /26 lieux valides contre 100 au plus haut des 2 derniers instantanés acceptés : −74 %/,
    )
  })

  it('cannot be walked down by repeated partial files: the largest of the window stays the reference', () => {
    // Four files at 91 % after three good ones: all accepted (−9 %), yet 82 is refused every time (−18 % from 100).
    const { history, refused } = walk([100, 100, 100], [91, 82, 91, 82, 91, 82], limits)
    expect(refused).toEqual([82, 82, 82])
    expect(history).toEqual([100, 100, 91, 91, 91])
    // With the median, [100, 100, 91, 91, 91] would have let 82 through.
    expect(referenceCount(history, 'baisse')).toBe(100)
  })

  it('refuses a drop of more than 10 % or a growth of more than 3×, and says the counts and the share', () => {
    expect(countGap(2845, [], limits, 'lieux valides')).toBeUndefined()
    expect(countGap(2600, [2845], limits, 'lieux valides')).toBeUndefined()
    expect(countGap(8000, [2845], limits, 'lieux valides')).toBeUndefined()
    const drop = countGap(1696, [2845, 2845, 2850], limits, 'lieux valides')?.replace(/\s/g, ' ')
    expect(drop).toBe(
      'Le nouveau fichier n’a que 1 696 lieux valides contre 2 850 au plus haut des 3 derniers instantanés acceptés : −40 %, au-delà de la baisse admise (−10 %). Il semble partiel.',
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

describe('a corrupt meta.json', () => {
  const demoLieux = (() => {
    const read = readLieux(readFileSync(path.join(demoDir, 'lieux-demo.csv')), { fileName: 'd.csv', now: MONDAY_10H30 })
    if (!read.ok) throw new Error(read.error.message)
    return read.report.accepted.map((row) => row.lieu)
  })()
  const lieuxOf = (n: number) =>
    toCsv(Array.from({ length: n }, (_, i) => ({ ...(demoLieux[i % demoLieux.length] as Lieu), id: `lieu-${i}` })))
  const communes = JSON.stringify([
    { code: '23096', nom: 'Guéret', centre: { type: 'Point', coordinates: [1.87093, 46.16268] } },
  ])
  const fresh = () => mkdtempSync(path.join(tmpdir(), 'aiguillage-meta-'))
  const syncFrom = (dataDir: string, n: number, extra: Partial<SyncOptions> = {}) => {
    const from = fresh()
    writeFileSync(path.join(from, 'lieux.csv'), lieuxOf(n))
    writeFileSync(path.join(from, 'communes.json'), communes)
    return syncSnapshot({ dataDir, from, now: () => MONDAY_10H30, ...extra })
  }
  const metaFile = (dataDir: string) => path.join(dataDir, 'snapshot/meta.json')
  const refusal = async (attempt: Promise<unknown>) => {
    const error = await attempt.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SyncError)
    return (error as Error).message.replace(/\s/g, ' ')
  }

  it.each([
    ['cut JSON', '{ "date": "2026-11-2'],
    ['empty', ''],
    ['JSON of another shape', '{ "date": "2026-11-23", "lieux": { "accepted": 25 } }'],
  ])('never lowers the guard (%s): a quarter of the lieux is refused against the history', async (_case, text) => {
    const dataDir = fresh()
    await syncFrom(dataDir, 100)
    writeFileSync(metaFile(dataDir), text)
    expect(await refusal(syncFrom(dataDir, 25))).toMatch(/25 lieux valides contre 100 .* −75 %/)
    expect(readFileSync(metaFile(dataDir), 'utf8')).toBe(text)
  })

  it('is refused without a history, saying what is wrong with it', async () => {
    const dataDir = fresh()
    await syncFrom(dataDir, 100)
    rmSync(historyFile(dataDir))
    writeFileSync(metaFile(dataDir), '{ "date": 1 }')
    expect(await refusal(syncFrom(dataDir, 100))).toMatch(
      /Pas d’historique et .*meta.json est illisible \(champ « date » inattendu .*\).*L’instantané actuel est gardé/,
    )
  })

  it('is replaced by a file the history finds right, and the sync says so', async () => {
    const dataDir = fresh()
    await syncFrom(dataDir, 100)
    writeFileSync(metaFile(dataDir), '{')
    const result = await syncFrom(dataDir, 98)
    expect(result.warnings?.[0]?.replace(/\s/g, ' ')).toMatch(
      /meta.json était illisible \(JSON invalide .*\) ; le nouveau fichier, en accord avec l’historique des derniers instantanés acceptés, l’a remplacé/,
    )
    expect((await readSnapshotMetaState(dataDir)).status).toBe('ok')
  })

  it('makes loadSnapshot say what is wrong, and where', async () => {
    const dataDir = fresh()
    await syncFrom(dataDir, 30)
    writeFileSync(metaFile(dataDir), '{ "date": "2026-11-2')
    const error = await loadSnapshot(dataDir, MONDAY_10H30).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataError)
    expect((error as Error).message).toMatch(
      /^Instantané illisible : .*snapshot\/meta.json est corrompu \(JSON invalide .*\)\. .* Relancez « aiguillage sync »/,
    )
  })
})

describe('removeUnreferenced', () => {
  const write = (dir: string, names: string[]) => names.forEach((name) => writeFileSync(path.join(dir, name), 'x'))
  const setUp = () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aiguillage-menage-'))
    const dir = path.join(dataDir, 'snapshot')
    mkdirSync(dir)
    write(dir, ['lieux-A.csv', 'communes-A.json', 'rapport-validation-A.json'])
    writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(metaOf('A')))
    return { dataDir, dir }
  }
  const metaOf = (id: string) => ({
    date: MONDAY_10H30.toISOString(),
    lieux: { file: `lieux-${id}.csv`, origin: 'o', total: 1, accepted: 1, rejected: 0 },
    communes: { file: `communes-${id}.json`, origin: 'o', count: 1 },
  })
  const marker = (dir: string, id: string, pid: number) =>
    writeFileSync(
      path.join(dir, `en-cours-${id}.json`),
      JSON.stringify({ pid, host: hostname(), startedAt: MONDAY_10H30.toISOString(), token: id }),
    )
  const now = () => MONDAY_10H30

  it('keeps the files meta.json points to, with their report, and removes the others', async () => {
    const { dataDir, dir } = setUp()
    write(dir, ['lieux-B.csv', 'communes-B.json', 'meta.json.B.tmp', 'lieux-2026-11-20T09-30-00-000Z.csv'])
    expect((await removeUnreferenced(dataDir, now)).sort()).toEqual(
      ['communes-B.json', 'lieux-2026-11-20T09-30-00-000Z.csv', 'lieux-B.csv', 'meta.json.B.tmp'].sort(),
    )
    expect(readdirSync(dir).sort()).toEqual([
      'communes-A.json',
      'lieux-A.csv',
      'meta.json',
      'rapport-validation-A.json',
    ])
  })

  it('keeps the files of a sync under way (its marker names a live process), not those of a dead one', async () => {
    const { dataDir, dir } = setUp()
    write(dir, ['lieux-VIVANT.csv', 'lieux-MORT.csv'])
    marker(dir, 'VIVANT', process.ppid)
    marker(dir, 'MORT', 4_194_305)
    expect((await removeUnreferenced(dataDir, now)).sort()).toEqual(['en-cours-MORT.json', 'lieux-MORT.csv'])
    expect(readdirSync(dir)).toContain('lieux-VIVANT.csv')
  })

  it('removes nothing while meta.json cannot be read', async () => {
    const { dataDir, dir } = setUp()
    write(dir, ['lieux-B.csv'])
    writeFileSync(path.join(dir, 'meta.json'), '{')
    expect(await removeUnreferenced(dataDir, now)).toEqual([])
  })
})
