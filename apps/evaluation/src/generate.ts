/*
 * Builds the corpus from the template families: deterministic (one fixed seed), each family drawn with its own
 * stream and placed whole in one split. Within each kind of family the families are shuffled with the seed and dealt
 * train, dev, test, train, train… so every kind with three families or more is present in each split.
 */
import { families, type Family } from './families.js'
import { createRng } from './rng.js'
import type { EvalCase, Split } from './types.js'

export const CORPUS_SEED = 'aiguillage-corpus-v1'
export const splits: readonly Split[] = ['train', 'dev', 'test']
const deal: readonly Split[] = ['train', 'dev', 'test', 'train', 'train']

/** Which split each family goes to. */
export function assignSplits(list: readonly Family[] = families, seed = CORPUS_SEED): Map<string, Split> {
  const byKind = new Map<string, Family[]>()
  for (const f of list) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f])
  const out = new Map<string, Split>()
  for (const [kind, members] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    const ordered = createRng(`${seed}/${kind}`).shuffle(members.sort((a, b) => a.id.localeCompare(b.id)))
    ordered.forEach((f, i) => out.set(f.id, deal[i % deal.length] as Split))
  }
  return out
}

/** The cases of one family: up to `count` distinct conversations (same turns drawn twice are kept once). */
export function drawFamily(family: Family, seed = CORPUS_SEED): EvalCase[] {
  const rng = createRng(`${seed}/${family.id}`)
  const seen = new Set<string>()
  const out: EvalCase[] = []
  let attempts = 0
  while (out.length < family.count && attempts < family.count * 20) {
    attempts++
    const draft = family.draw(rng)
    const key = JSON.stringify(draft.turns)
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ id: `${family.id}-${String(out.length + 1).padStart(3, '0')}`, family: family.id, ...draft })
  }
  return out
}

export type Corpus = Record<Split, EvalCase[]>

export function buildCorpus(seed = CORPUS_SEED): Corpus {
  const assigned = assignSplits(families, seed)
  const corpus: Corpus = { train: [], dev: [], test: [] }
  for (const family of families) corpus[assigned.get(family.id) ?? 'train'].push(...drawFamily(family, seed))
  return corpus
}

export function toJsonl(cases: readonly EvalCase[]): string {
  return cases.map((c) => JSON.stringify(c)).join('\n') + '\n'
}
