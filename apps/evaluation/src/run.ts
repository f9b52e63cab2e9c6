/*
 * Runs cases through the current engine, in process, built as packages/assistant/src/corpus.test.ts builds it: the
 * official geography (every commune at one point) and no lieux, so each turn is judged on what was understood only.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createAssistant, type Assistant } from '@aiguillage/assistant'
import { createLieuxIndex } from '@aiguillage/recherche'
import { createTerritoires, geographyFromDecoupage } from '@aiguillage/territoires'
import { type Reading, scoreCase, type CaseScore } from './score.js'
import type { EvalCase } from './types.js'

const require = createRequire(import.meta.url)

async function readDecoupage(name: string): Promise<unknown[]> {
  const file = require.resolve(`@etalab/decoupage-administratif/data/${name}.json`)
  return JSON.parse(await readFile(file, 'utf8')) as unknown[]
}

export async function createEngine(): Promise<Assistant> {
  const [communes, departements, regions] = await Promise.all(
    ['communes', 'departements', 'regions'].map(readDecoupage),
  )
  const geography = geographyFromDecoupage({
    communes: communes ?? [],
    departements: departements ?? [],
    regions: regions ?? [],
  })
  const territoires = createTerritoires({
    geography,
    coordinates: new Map(geography.communes.map((c) => [c.code, { latitude: 46.5, longitude: 2.5 }])),
  })
  let next = 0
  // One fixed instant (a Monday, 10:30 in Paris), which the engine's own conversation store shares, so that
  // "today", "now" and the store's expiry give the same answers whatever the day the evaluation runs.
  const now = new Date('2026-11-23T09:30:00Z')
  return createAssistant({
    territoires,
    index: createLieuxIndex([]),
    newId: () => `eval-${++next}`,
    now: () => now,
  })
}

export type CaseOutcome = { case: EvalCase; reading: Reading; score: CaseScore }

/** Replays each case as a new conversation and scores the understanding after its last turn. */
export async function runCases(engine: Assistant, cases: readonly EvalCase[]): Promise<CaseOutcome[]> {
  const out: CaseOutcome[] = []
  for (const c of cases) {
    let conversationId: string | undefined
    let reading: Reading = {}
    for (const text of c.turns) {
      const turn = await engine.reply({ text, ...(conversationId ? { conversationId } : {}) })
      conversationId = turn.conversationId
      reading = turn.understanding
    }
    out.push({ case: c, reading, score: scoreCase(c.expect, reading) })
  }
  return out
}
