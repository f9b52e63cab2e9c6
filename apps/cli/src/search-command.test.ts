import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ReponseLieuxSchema } from '@aiguillage/api'
import { runSearch } from './search-command.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures')
const MONDAY_10H30 = '2026-11-23T09:30:00Z'

async function search(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runSearch(
    ['--lieux', 'lieux-valides.csv', '--communes', 'communes-extrait.csv', '--instant', MONDAY_10H30, ...args],
    { cwd: fixtures, now: new Date(MONDAY_10H30) },
    {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    },
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('aiguillage search', () => {
  it('prints the nearest lieux around a commune as a table: distance, name, phone, hours', async () => {
    const result = await search('--commune', 'gueret')
    expect(result.code).toBe(0)
    const lines = result.out.split('\n')
    expect(lines[0]).toBe('Autour de Guéret (Creuse, 23) (rayon 50 km) :')
    expect(lines[3]).toMatch(/^1 +950 m +Médiathèque de Guéret +23000 Guéret +05 55 12 34 56 +Ouvert\. Ferme à 12 h\./)
    expect(lines.at(-1)).toBe('3 lieu(x) dans le rayon.')
  })
  it('gives the full JSON with --json: reference point, distances, opening, the standard’s fields', async () => {
    const json = JSON.parse((await search('--commune', 'Bourganeuf', '--json', '--limit', '2')).out)
    // The same JSON as GET /v1/lieux: its very schema.
    expect(ReponseLieuxSchema.safeParse(json).error).toBeUndefined()
    expect(json.reference).toMatchObject({ via: 'commune', code_insee: '23030', nom: 'Bourganeuf' })
    expect(json.donnees).toMatchObject({ demo: false, source: 'fichiers' })
    expect(json.lieux.map((l: { id: string }) => l.id)).toEqual(['demo-2', 'demo-1'])
    expect(json.lieux[0]).toMatchObject({
      distance_km: expect.any(Number),
      ouverture: { etat: 'ouvert' },
      telephone: '+33555641234',
      dispositif_programmes_nationaux: ['France Services'],
    })
  })
  it('filters with the standard’s field names and their short forms, any case or accents', async () => {
    const byField = JSON.parse(
      (await search('--near', '46.17,1.87', '--frais-a-charge', 'Gratuit sous condition', '--json')).out,
    )
    const byShortName = JSON.parse(
      (await search('--near', '46.17,1.87', '--frais', 'gratuit sous condition', '--json')).out,
    )
    expect(byField.lieux.map((l: { id: string }) => l.id)).toEqual(['demo-3'])
    expect(byShortName.lieux.map((l: { id: string }) => l.id)).toEqual(['demo-3'])
  })
  it('keeps to the lieux open at the instant with --ouvert-maintenant', async () => {
    const json = JSON.parse((await search('--near', '46.17,1.87', '--ouvert-maintenant', '--json')).out)
    expect(json.lieux.map((l: { id: string }) => l.id)).toEqual(['demo-1', 'demo-2'])
  })
  it('says which criteria were given up when nothing matches, unless --strict', async () => {
    const relaxed = await search(
      '--near',
      '46.17,1.87',
      '--service',
      'Loisirs et créations numériques',
      '--ouvert-le',
      'dimanche',
    )
    expect(relaxed.out).toContain('Critères abandonnés : ouvert le jour demandé.')
    expect(relaxed.out).toContain('Espace numérique d’Aubusson')
    const strict = await search(
      '--near',
      '46.17,1.87',
      '--service',
      'Loisirs et créations numériques',
      '--ouvert-le',
      'dimanche',
      '--strict',
    )
    expect(strict.out).toContain('Aucun lieu trouvé.')
  })
  it('reads --ouvert-le samedi in Paris time: at Saturday 23:30 UTC it is Sunday in Paris', async () => {
    const late = '2026-11-28T23:30:00Z'
    const run = async (day: string) => {
      const out: string[] = []
      await runSearch(
        ['--lieux', 'lieux-valides.csv', '--near', '46.17,1.87', '--ouvert-le', day, '--strict', '--json'],
        { cwd: fixtures, now: new Date(late) },
        { out: (t) => out.push(t), err: () => {} },
      )
      return out.join('\n')
    }
    // Aubusson's espace numérique opens on Saturdays, not on Sundays.
    expect(await run('samedi')).toContain('Espace numérique d’Aubusson')
    expect(await run('dimanche')).not.toContain('Espace numérique d’Aubusson')
  })
  it('takes a clear favourite among homonyms and names the others (the one ambiguity policy)', async () => {
    const result = await search('--commune', 'Valence')
    expect(result.code).toBe(0)
    expect(result.out.split('\n')[0]).toMatch(/^Autour de Valence \(Drôme, 26\)/)
    expect(result.out).toContain('Autres communes possibles : Valence (Tarn-et-Garonne, 82)')
    const json = JSON.parse((await search('--commune', 'Valence', '--json')).out)
    expect(json.reference.autres_communes.map((c: { code_insee: string }) => c.code_insee)).toContain('82186')
  })
  it('takes the main commune of a postcode with --code-postal', async () => {
    const json = JSON.parse((await search('--code-postal', '23000', '--json')).out)
    expect(json.reference).toMatchObject({ via: 'code_postal', nom: 'Guéret' })
  })
  it('asks which commune when no homonym is a clear favourite (exit 2)', async () => {
    const result = await search('--commune', 'Saint-Denis')
    expect(result.code).toBe(2)
    expect(result.err).toMatch(
      /Plusieurs communes correspondent à « Saint-Denis » : .*Saint-Denis \(Seine-Saint-Denis, 93\)/,
    )
    const json = JSON.parse((await search('--commune', 'Saint-Denis', '--json')).out)
    expect(json.candidats.map((c: { code_insee: string }) => c.code_insee)).toContain('93066')
  })
  it.each([
    [['--commune', 'Atlantide'], 'Commune introuvable'],
    [['--near', 'nord'], '--near : attendu « latitude,longitude »'],
    [['--near', '46.17,1.87', '--frais', 'pas cher'], "n'est pas une valeur de frais_a_charge"],
    [['--near', '46.17,1.87', '--limit', '0'], '--limit : attendu un nombre'],
    [['--near', '46.17,1.87', '--limit'], 'valeur manquante'],
    [['--near', '46.17,1.87', '--ouvert-le', 'bientôt'], '--ouvert-le'],
    [[], 'Indiquez où chercher'],
    [['--commune', 'Guéret', '--near', '1,1'], 'un seul des trois'],
    [['--near', '1,1', '--inconnu'], 'option inconnue --inconnu'],
  ])('refuses %j with a clear message (exit 2)', async (args, message) => {
    const result = await search(...args)
    expect(result.code).toBe(2)
    expect(result.err).toContain(message)
  })
})
