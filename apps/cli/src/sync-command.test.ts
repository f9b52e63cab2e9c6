import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { demoDir, fileSyncLock } from '@aiguillage/api'
import { describe, expect, it } from 'vitest'
import { runSync, sourceLines, SyncExitCode } from './sync-command.js'

/** Monday 23 November 2026, 10:30 in Paris. */
const MONDAY = new Date('2026-11-23T09:30:00Z')

const source = { origin: '/dossier/x', total: 0, kept: 0 }

describe('sourceLines', () => {
  it('says in French how many lieux each file gave, then the duplicates', () => {
    const lines = sourceLines({
      sources: [
        { ...source, file: 'lieux-a.csv', accepted: 2845, rejected: 3 },
        { ...source, file: 'lieux-b.json', accepted: 1, rejected: 0 },
      ],
      duplicates: 12,
    })
    expect(lines.map((line) => line.replace(/\s/g, ' '))).toEqual([
      'lieux-a.csv : 2 845 lieux acceptés, 3 refusés',
      'lieux-b.json : 1 lieu accepté, 0 refusé',
      '12 lieux présents dans plusieurs fichiers : la version la plus récente (date_maj) est gardée, celle du dernier fichier à date égale.',
    ])
  })

  it('says nothing of duplicates when there are none', () => {
    expect(
      sourceLines({ sources: [{ ...source, file: 'lieux.csv', accepted: 5, rejected: 0 }], duplicates: 0 }),
    ).toHaveLength(1)
  })
})

describe('aiguillage sync --from', () => {
  const demo = readFileSync(path.join(demoDir, 'lieux-demo.csv'), 'utf8').trimEnd().split('\n')
  const [header, ...rows] = demo as [string, ...string[]]
  /** n valid lieux: the demo rows over and over, each with a new id (the id is the first column). */
  const lieuxOf = (n: number) =>
    `${[header, ...Array.from({ length: n }, (_, i) => (rows[i % rows.length] as string).replace(/^[^,]+/, `lieu-${i}`))].join('\n')}\n`
  const communes = 'code_insee,nom,latitude,longitude\n23096,Guéret,46.16268,1.87093\n15014,Aurillac,44.92447,2.44162\n'
  const run = async (dataDir: string, lieux: string, ...extra: string[]) => {
    const from = mkdtempSync(path.join(tmpdir(), 'aiguillage-cli-sync-'))
    writeFileSync(path.join(from, 'lieux.csv'), lieux)
    writeFileSync(path.join(from, 'communes.csv'), communes)
    const out: string[] = []
    const err: string[] = []
    const code = await runSync(
      ['--from', from, '--data-dir', dataDir, ...extra],
      { cwd: from, env: {}, progressStream: { write: () => true }, now: () => MONDAY },
      { out: (text) => out.push(text), err: (text) => err.push(text) },
    )
    return { code, out: out.join('\n'), err: err.join('\n').replace(/\s/g, ' ') }
  }

  it('refuses a file with 60 % of the lieux (exit 1, snapshot unchanged), and accepts it with --accepter-ecart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aiguillage-cli-data-'))
    expect((await run(dataDir, lieuxOf(100))).code).toBe(0)
    const meta = readFileSync(path.join(dataDir, 'snapshot/meta.json'), 'utf8')
    const refused = await run(dataDir, lieuxOf(60))
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/n’a que 60 lieux valides contre 100 .* −40 %/)
    expect(refused.err).toMatch(/relancez avec --accepter-ecart/)
    expect(readFileSync(path.join(dataDir, 'snapshot/meta.json'), 'utf8')).toBe(meta)
    const forced = await run(dataDir, lieuxOf(60), '--accepter-ecart')
    expect(forced.code).toBe(0)
    expect(forced.out).toMatch(/60 lieux valides sur 60/)
    expect(forced.err).toMatch(/^Écart accepté \(--accepter-ecart\) : Le nouveau fichier n’a que 60 lieux valides/)
  })

  it('refuses a file cut in the middle of a row, naming the line (exit 1)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aiguillage-cli-data-'))
    const whole = lieuxOf(40)
    const cut = whole.slice(0, whole.indexOf('lieu-38,') + 40)
    const refused = await run(dataDir, cut)
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/coupé en cours de ligne : la ligne 40 est incomplète/)
    expect(existsSync(path.join(dataDir, 'snapshot/meta.json'))).toBe(false)
  })

  it('says a sync is already running and exits 3 without touching the snapshot, or waits with --attendre', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aiguillage-cli-data-'))
    expect((await run(dataDir, lieuxOf(30))).code).toBe(0)
    const meta = readFileSync(path.join(dataDir, 'snapshot/meta.json'), 'utf8')
    const other = await fileSyncLock({ dataDir, now: () => MONDAY }).acquire()
    if (!other.acquired) throw new Error('verrou attendu')
    const busy = await run(dataDir, lieuxOf(31))
    expect(busy.code).toBe(SyncExitCode.AlreadyRunning)
    expect(busy.code).toBe(3)
    expect(busy.err).toMatch(
      new RegExp(
        `^Une synchronisation est déjà en cours \\(processus ${process.pid} sur la machine .*--attendre SECONDES\\.$`,
      ),
    )
    expect(readFileSync(path.join(dataDir, 'snapshot/meta.json'), 'utf8')).toBe(meta)
    // Given back while this one waits: it then runs.
    setTimeout(() => void other.release(), 300)
    const waited = await run(dataDir, lieuxOf(31), '--attendre', '5')
    expect(waited.code).toBe(0)
    expect(waited.out).toMatch(/31 lieux valides sur 31/)
  })

  it('refuses an --attendre that is not a number of seconds (exit 2)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aiguillage-cli-data-'))
    const refused = await run(dataDir, lieuxOf(3), '--attendre', 'longtemps')
    expect(refused).toMatchObject({
      code: 2,
      err: 'Erreur : --attendre attend un nombre de secondes (0 ou plus), trouvé « longtemps ».',
    })
  })
})
