import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { readLieux, Service } from '@aiguillage/lieux'
import { matchesFilters, scanNearest } from '@aiguillage/recherche'
import { describe, expect, it } from 'vitest'
import { bin, realCommunesFile, realLieuxFiles, sharedData } from './test-support.js'

// The real command on the real lieux and communes: the answer around Guéret is the true nearest (brute force).
const lieuxFiles = realLieuxFiles

/** `aiguillage search` over the real lieux and communes, as a child process; its JSON answer. */
function search(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [bin, 'search', '--lieux', lieuxFiles.join(','), '--communes', realCommunesFile, ...args, '--json'],
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
