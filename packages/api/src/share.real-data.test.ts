import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  addressLine,
  formatPhone,
  gsm7Length,
  isGsm7,
  type Lieu,
  lieuShare,
  maxSmsLength,
  readLieux,
  toGsm7,
} from '@aiguillage/lieux'
import { beforeAll, describe, expect, it } from 'vitest'
import { MONDAY_10H30, realLieuxFiles, sharedData } from './test-support.js'

/** A public address as long as a real one may be. */
const PUBLIC_URL = 'https://aiguillage.societenumerique.gouv.fr'
/** Saturday 28 November 2026, 20:00 in Paris: most lieux are closed, the text says their next opening. */
const SATURDAY_EVENING = new Date('2026-11-28T19:00:00Z')

describe.skipIf(!existsSync(sharedData))('real data: the SMS text of every lieu', () => {
  // Read before the tests, not while they are collected: a skipped describe is still collected, and without
  // ../shared/data the files are not there.
  let lieux: Lieu[] = []
  beforeAll(() => {
    lieux = realLieuxFiles.flatMap((file) => {
      const read = readLieux(readFileSync(file), { fileName: path.basename(file), now: MONDAY_10H30 })
      return read.ok ? read.report.accepted.map((row) => row.lieu) : []
    })
  })

  it.each([
    ['Monday 10:30', MONDAY_10H30],
    ['Saturday 20:00', SATURDAY_EVENING],
  ])(
    'France Services and Hinaura, %s: ≤ 300 GSM-7 characters, with the phone and the address of the data',
    (_, now) => {
      expect(lieux.length).toBeGreaterThan(3000)
      const lengths: number[] = []
      const failures: string[] = []
      let shortened = 0
      for (const lieu of lieux) {
        const sms = lieuShare(lieu, now, PUBLIC_URL).sms
        const length = gsm7Length(sms)
        lengths.push(length)
        if (!sms.startsWith(`${toGsm7(lieu.nom)}\n`)) shortened++
        if (length > maxSmsLength) failures.push(`${lieu.id}: ${length} caractères`)
        if (!isGsm7(sms)) failures.push(`${lieu.id}: pas en GSM-7`)
        if (!sms.includes(toGsm7(addressLine(lieu)))) failures.push(`${lieu.id}: adresse absente`)
        if (lieu.telephone && !sms.includes(toGsm7(formatPhone(lieu.telephone))))
          failures.push(`${lieu.id}: téléphone absent`)
        if (!sms.includes(`${PUBLIC_URL}/lieux/`)) failures.push(`${lieu.id}: lien absent`)
      }
      expect(failures).toEqual([])
      lengths.sort((a, b) => a - b)
      const median = lengths[Math.floor(lengths.length / 2)]
      console.info(
        `SMS (${_}) : ${lengths.length} lieux, longueur médiane ${median}, maximale ${lengths.at(-1)} caractères GSM-7 ; avec téléphone : ${lieux.filter((l) => l.telephone).length} ; nom raccourci : ${shortened}`,
      )
    },
  )
})
