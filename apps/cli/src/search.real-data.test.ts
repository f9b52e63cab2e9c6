import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { readLieux, Service } from '@aiguillage/lieux'
import { matchesFilters, scanNearest } from '@aiguillage/recherche'
import { describe, expect, it } from 'vitest'

// The real command on the real lieux and communes: the answer around Guéret is the true nearest (brute force).
const sharedData = process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
const bin = path.resolve(import.meta.dirname, '../bin/aiguillage.mjs')
const lieuxFiles = [
  'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
  'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
].map((f) => path.join(sharedData, f))

/** `aiguillage search` over the real lieux and communes, as a child process; its JSON answer. */
function search(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [
      bin,
      'search',
      '--lieux',
      lieuxFiles.join(','),
      '--communes',
      path.join(sharedData, 'communes-france/communes-france.csv'),
      ...args,
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 90_000 }, // its own deadline: spawnSync blocks the test's timer
  )
  expect(run.status, run.stderr).toBe(0)
  return JSON.parse(run.stdout)
}

describe.skipIf(!existsSync(sharedData))('aiguillage search on the real data (real process)', () => {
  it('around Guéret, for administrative procedures, gives the true nearest 10', () => {
    const answer = search('--commune', 'Guéret', '--service', Service.AdministrativeProcedures)
    expect(answer.reference.code_insee).toBe('23096')
    const lieux = lieuxFiles.flatMap((file) => {
      const result = readLieux(readFileSync(file), { fileName: file, now: new Date('2026-11-23T09:30:00Z') })
      return result.ok ? result.report.accepted.map((row) => row.lieu) : []
    })
    const expected = scanNearest(lieux, answer.reference, {
      limit: 10,
      radiusKm: 50,
      accept: (l) => matchesFilters(l, { services: [Service.AdministrativeProcedures] }),
    })
    expect(answer.lieux.map((l: { id: string }) => l.id)).toEqual(expected.map((e) => e.lieu.id))
    expect(answer.criteres_elargis).toEqual([])
  })
  it.each([
    ['paris 18', Service.AdministrativeProcedures, '75018'],
    ['marseille 13eme', Service.AdministrativeProcedures, '13013'],
    ['Lyon 3e', Service.UnderstandingDigitalWorld, '69003'],
  ])('around %s, for %s, gives a lieu of the arrondissement first', (commune, service, postcode) => {
    expect(search('--commune', commune, '--service', service, '--limit', '1').lieux[0].code_postal).toBe(postcode)
  })
})
