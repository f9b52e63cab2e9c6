import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Fee, NationalProgramme, Service, SpecificSupport, SupportMode, TargetPublic } from '@aiguillage/lieux'
import { Demarche, Topic } from '@aiguillage/orientation'
import { describe, expect, it } from 'vitest'
import { readSplit } from './corpus.js'
import { families } from './families.js'
import { buildCorpus, splits, toJsonl } from './generate.js'
import { corpusFile } from './paths.js'
import type { EvalCase } from './types.js'
import { communes, homonyms, overseasCommunes, wordCommunes } from './vocabulary.js'

type RawCommune = { code: string; nom: string; type: string; codesPostaux?: string[] }
const require = createRequire(import.meta.url)
const official = JSON.parse(
  readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
) as RawCommune[]
// Communes and the arrondissements of Paris, Lyon and Marseille (which the contract accepts as well).
const byCode = new Map(
  official
    .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
    .map((c) => [c.code, c]),
)
const current = official.filter((c) => c.type === 'commune-actuelle')

const corpus = Object.fromEntries(splits.map((s) => [s, readSplit(s)])) as Record<string, EvalCase[]>
const all = Object.values(corpus).flat()

const intents = [
  'trouver_lieu',
  'faire_a_ma_place',
  'information',
  'parler_a_quelqu_un',
  'salutation',
  'remerciement',
  'hors_sujet',
]
const constraintValues: Record<string, readonly unknown[]> = {
  frais_a_charge: Object.values(Fee),
  prise_en_charge_specifique: Object.values(SpecificSupport),
  publics_specifiquement_adresses: Object.values(TargetPublic),
  modalites_accompagnement: Object.values(SupportMode),
  dispositif_programmes_nationaux: Object.values(NationalProgramme),
  ouvert_maintenant: [true],
  ouvert_jour: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
}

describe('the evaluation corpus', () => {
  it('is what the generator makes (regenerate with `pnpm --filter @aiguillage/evaluation generate`)', () => {
    const built = buildCorpus()
    for (const split of splits) expect(readFileSync(corpusFile(split), 'utf8')).toBe(toJsonl(built[split]))
  })

  it('has at least 3 000 cases with unique ids, and every family in one split only', () => {
    expect(all.length).toBeGreaterThanOrEqual(3000)
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length)
    const splitOf = new Map<string, string>()
    for (const split of splits)
      for (const c of corpus[split] ?? []) {
        expect(splitOf.get(c.family) ?? split, c.family).toBe(split)
        splitOf.set(c.family, split)
      }
    expect(new Set(all.map((c) => c.family))).toEqual(new Set(families.map((f) => f.id)))
  })

  it('puts every kind of family with three families or more in each split', () => {
    const kinds = new Map<string, number>()
    for (const f of families) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1)
    const kindOf = new Map(families.map((f) => [f.id, f.kind]))
    for (const split of splits) {
      const present = new Set((corpus[split] ?? []).map((c) => kindOf.get(c.family)))
      for (const [kind, n] of kinds) if (n >= 3) expect(present.has(kind as never), `${kind} in ${split}`).toBe(true)
    }
  })

  it('labels with the official values only', () => {
    const services = Object.values(Service) as string[]
    const demarches = Object.values(Demarche) as string[]
    const topics = Object.values(Topic) as string[]
    for (const c of all) {
      const e = c.expect
      expect(intents, c.id).toContain(e.intent)
      if (e.intent === 'information') expect(topics, c.id).toContain(e.topic)
      else expect(e.topic, c.id).toBeUndefined()
      for (const s of e.services ?? []) expect(services, c.id).toContain(s)
      if (e.demarche) expect(demarches, c.id).toContain(e.demarche)
      for (const [key, value] of Object.entries(e.constraints ?? {}))
        expect(constraintValues[key], c.id).toContain(value)
      if (e.awaiting) expect(['location', 'need', 'commune_choice'], c.id).toContain(e.awaiting)
      // One service, two when the person says both (a démarche and no computer), none only for a programme asked by name.
      if (e.intent === 'trouver_lieu' || e.intent === 'faire_a_ma_place') {
        const n = e.services?.length ?? 0
        expect(n <= 2 && (n > 0 || e.constraints?.dispositif_programmes_nationaux !== undefined), c.id).toBe(true)
      }
      expect(
        c.turns.every((t) => t.trim().length > 0 && !/[{}]/.test(t)),
        c.id,
      ).toBe(true)
    }
  })

  it('names real communes: every INSEE code is a current commune (or arrondissement) of @etalab/decoupage-administratif', () => {
    for (const c of all)
      for (const code of [c.expect.codeInsee, ...(c.expect.codeInsee_any ?? [])].filter(Boolean))
        expect(byCode.has(code as string), `${c.id} ${code}`).toBe(true)
  })

  it('gives each commune of the vocabulary its official name, code and postcode', () => {
    for (const c of [...communes, ...overseasCommunes]) {
      expect(byCode.get(c.code)?.nom, c.code).toBe(c.name)
      expect(current.filter((o) => o.nom === c.name).length, `${c.name} is unique`).toBe(1)
      if (c.postcode) {
        const holders = current.filter((o) => o.codesPostaux?.includes(c.postcode as string))
        expect(
          holders.map((o) => o.code),
          `${c.postcode} is ${c.name}'s only`,
        ).toEqual([c.code])
      }
    }
    for (const h of homonyms) {
      expect(current.filter((o) => o.nom === h.name).length, h.name).toBeGreaterThan(1)
      for (const cue of h.cued) expect(byCode.get(cue.code)?.nom, cue.text).toBe(h.name)
    }
    for (const w of wordCommunes) expect(byCode.get(w.code)?.nom, w.name).toBe(w.name)
  })

  it('has negative cases, so that precision means something', () => {
    const noPlace = all.filter((c) => !c.expect.codeInsee && !c.expect.codeInsee_any)
    const noService = all.filter((c) => !c.expect.services?.length)
    const noDemarche = all.filter((c) => c.expect.services?.length && !c.expect.demarche)
    expect(noPlace.length).toBeGreaterThan(300)
    expect(noService.length).toBeGreaterThan(150)
    expect(noDemarche.length).toBeGreaterThan(500)
  })
})
