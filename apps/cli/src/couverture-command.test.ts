import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ReponseCouvertureSchema } from '@aiguillage/api'
import { runCouverture } from './couverture-command.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures')
const MONDAY_10H30 = '2026-11-23T09:30:00Z'

async function couverture(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCouverture(
    ['--lieux', 'lieux-valides.csv', '--communes', 'communes-extrait.csv', ...args],
    { cwd: fixtures, now: new Date(MONDAY_10H30) },
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

// Each run loads the official geography and its EPCI (35 000 communes): seconds on a loaded two-core machine.
describe('aiguillage couverture', { timeout: 30_000 }, () => {
  it('prints the figures of a département, by EPCI, with the largest needs and the method', async () => {
    const result = await couverture('--departement', '23')
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^Couverture : Creuse — /)
    expect(result.out).toContain('Par EPCI :')
    expect(result.out).toContain('Communes au plus grand besoin')
    expect(result.out).toContain('vol d’oiseau')
  })
  it('writes the JSON of GET /v1/couverture with --json, and one CSV row per area with --csv', async () => {
    const json = JSON.parse((await couverture('--departement', '23', '--json', '--sites', '1')).out)
    expect(ReponseCouvertureSchema.safeParse(json).error).toBeUndefined()
    expect(json.zone).toMatchObject({ type: 'departement', code: '23' })
    const csv = (await couverture('--departement', '23', '--csv')).out.split('\r\n')
    expect(csv[0]).toMatch(/^type,code,nom,communes,population/)
    expect(csv[1]).toMatch(/^departement,23,Creuse,/)
  })
  it('refuses bad usage with exit code 2 and a French message naming the option', async () => {
    expect(await couverture('--sites', '3')).toMatchObject({ code: 2, err: expect.stringMatching(/^Erreur : --sites/) })
    expect(await couverture('--par', 'canton')).toMatchObject({ code: 2, err: expect.stringMatching(/--par/) })
    expect(await couverture('--service', 'nimporte')).toMatchObject({ code: 2 })
  })
})
