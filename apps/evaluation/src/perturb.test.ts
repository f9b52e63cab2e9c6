import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { perturbationKinds, perturbCase, perturbText, typos } from './perturb.js'
import { createRng } from './rng.js'
import { stripAccents } from './text.js'
import type { EvalCase } from './types.js'

const fold = (s: string) => stripAccents(s.toLowerCase()).replace(/\s+/g, ' ').trim()
const digits = (s: string) => s.match(/\d+/g) ?? []
const words = fc.constantFrom(
  'je',
  'voudrais',
  'faire',
  'ma',
  'carte grise',
  'passeport',
  'à',
  'Perpignan',
  'besoin',
  'd’aide',
  'pour',
  'impôts',
  'contrôle parental',
  '93',
  '65000',
  'Saint-Denis',
  'j’habite',
  'internet',
  'élève',
  ',',
  '?',
)
const message = fc.array(words, { minLength: 1, maxLength: 25 }).map((w) => w.join(' '))
const kinds = fc.subarray([...perturbationKinds], { minLength: 1 })

describe('perturbations', () => {
  it('are pure: the same text, seed and kinds give the same result', () => {
    fc.assert(
      fc.property(message, fc.integer(), kinds, (text, seed, k) => {
        expect(perturbText(text, createRng(seed), k)).toEqual(perturbText(text, createRng(seed), k))
      }),
    )
  })

  it('never touch digits (postcodes, départements) and never return an empty message', () => {
    fc.assert(
      fc.property(message, fc.integer(), kinds, (text, seed, k) => {
        const out = perturbText(text, createRng(seed), k).text
        expect(out.trim().length).toBeGreaterThan(0)
        expect(digits(out).sort()).toEqual(digits(text).sort())
      }),
    )
  })

  it('dropping accents changes nothing but accents', () => {
    fc.assert(
      fc.property(message, fc.integer(), (text, seed) => {
        const out = perturbText(text, createRng(seed), ['accents']).text
        expect(fold(out)).toBe(fold(text))
        expect(out).toBe(stripAccents(out))
      }),
    )
  })

  it('reordering keeps every word', () => {
    fc.assert(
      fc.property(message, fc.integer(), (text, seed) => {
        const out = perturbText(text, createRng(seed), ['reorder']).text
        const bag = (s: string) =>
          fold(s)
            .split(/[\s,.?!;]+/)
            .filter(Boolean)
            .sort()
        expect(bag(out)).toEqual(bag(text))
      }),
    )
  })

  it('makes the typos people make', () => {
    const seen = new Set<string>()
    for (let seed = 0; seed < 200; seed++) seen.add(perturbText('ma carte grise', createRng(seed), ['typos']).text)
    const wrong = typos.find(([w]) => w === 'carte grise')?.[1] ?? []
    expect(wrong.some((w) => [...seen].some((s) => s.includes(w)))).toBe(true)
    expect(perturbText('je suis à Perpignan', createRng(1), ['typos', 'accents']).text).not.toContain('Perpignan')
  })

  it('keep a case’s id, labels and number of turns, and are seeded by its id', () => {
    const turn = fc.array(words, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '))
    fc.assert(
      fc.property(fc.array(turn, { minLength: 1, maxLength: 4 }), fc.string({ minLength: 1 }), (turns, id) => {
        const c: EvalCase = { id, family: 'f', turns, expect: { intent: 'trouver_lieu', codeInsee: '65440' } }
        const p = perturbCase(c)
        expect(p.id).toBe(id)
        expect(p.expect).toEqual(c.expect)
        expect(p.turns).toHaveLength(turns.length)
        expect(perturbCase(c)).toEqual(p)
      }),
    )
  })
})
