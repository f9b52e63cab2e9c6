import { createLieuxIndex } from '@aiguillage/recherche'
import { createTerritoires } from '@aiguillage/territoires'
import { officialGeography } from '@aiguillage/territoires/cog-data'
import { describe, expect, it } from 'vitest'
import { type CorpusCase, corpus } from '../fixtures/corpus.js'
import { createAssistant, type Understanding } from './engine.js'

// Understanding only: every commune gets the same point and there are no lieux, so each turn is judged on what was
// understood, as the evaluation contract does.
const geography = officialGeography()
const territoires = createTerritoires({
  geography,
  coordinates: new Map(geography.communes.map((c) => [c.code, { latitude: 46.5, longitude: 2.5 }])),
})
let next = 0
const assistant = createAssistant({
  territoires,
  index: createLieuxIndex([]),
  newId: () => `t${++next}`,
  now: () => new Date('2026-11-23T09:30:00Z'),
})

function check(c: CorpusCase, u: Understanding): string[] {
  const e = c.expect
  const failures: string[] = []
  if (e.intent && u.intent !== e.intent) failures.push(`intent ${u.intent}`)
  if (e.intent_any && !e.intent_any.includes(u.intent)) failures.push(`intent ${u.intent}`)
  if (e.topic && u.topic !== e.topic) failures.push(`topic ${u.topic}`)
  if (e.services && !e.services.some((s) => u.services.includes(s))) failures.push(`services ${u.services.join('|')}`)
  if (e.demarche && u.demarche !== e.demarche) failures.push(`demarche ${u.demarche}`)
  const code = u.location?.codeInsee
  if (e.codeInsee || e.codeInsee_any) {
    const ok =
      code === e.codeInsee ||
      (e.codeInsee_any ?? []).includes(code ?? '') ||
      (e.clarify_ok && (u.awaiting === 'commune_choice' || u.awaiting === 'location'))
    if (!ok) failures.push(`commune ${code} awaiting ${u.awaiting}`)
  }
  for (const [key, value] of Object.entries(e.constraints ?? {})) {
    const got = (u.constraints as Record<string, unknown>)[key]
    if (!(Array.isArray(got) ? got.includes(value) : got === value)) failures.push(`${key} ${JSON.stringify(got)}`)
  }
  if (e.awaiting && u.awaiting !== e.awaiting) failures.push(`awaiting ${u.awaiting}`)
  return failures
}

describe(`the corpus of ${corpus.length} conversations`, () => {
  it('has at least 300 utterances', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300)
  })
  it('is understood: every expected intent, topic, service, démarche, commune and constraint', async () => {
    const failed: string[] = []
    for (const c of corpus) {
      let id: string | undefined
      let understanding: Understanding | undefined
      for (const text of c.turns) {
        const turn = await assistant.reply({ text, ...(id ? { conversationId: id } : {}) })
        id = turn.conversationId
        understanding = turn.understanding
      }
      const failures = check(c, understanding as Understanding)
      if (failures.length > 0) failed.push(`${c.id} ${JSON.stringify(c.turns)} → ${failures.join(', ')}`)
    }
    expect(failed).toEqual([])
  })
})
