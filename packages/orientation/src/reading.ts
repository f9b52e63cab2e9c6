import type { Demarche } from './needs.js'
import type { Topic } from './knowledge.js'
import { Intent, sharedPipeline } from './understanding/pipeline.js'
import { tokenise } from './understanding/normalise.js'

/*
 * Shortcuts over the understanding pipeline for one question at a time, with the shipped lexicon. Every rule lives in
 * the lexicon files and the pipeline: these only read its result.
 */

export type DetectedNeed = {
  /** Official `services` values, in the order their words appear. */
  services: string[]
  /** The domain of the démarche, when the words name one. */
  demarche?: Demarche
  /** The lexicon entries read (for explanations and tests). */
  matched: string[]
}

/** The services (and démarche domain) a text asks for. */
export function detectNeeds(text: string): DetectedNeed {
  const reading = sharedPipeline().read(text, 'Mo')
  const matched = reading.spans.filter((s) => s.domain === 'needs').map((s) => s.entry)
  return {
    services: reading.services,
    ...(reading.demarche ? { demarche: reading.demarche as Demarche } : {}),
    matched,
  }
}

/** The programme a text is about, if any. */
export function detectTopic(text: string): Topic | undefined {
  return sharedPipeline().read(text, 'Mo').topic as Topic | undefined
}

/** True when the person wants someone to do the procedure for them, not to learn to do it. */
export function wantsItDoneForThem(text: string): boolean {
  return sharedPipeline().read(text, 'Mo').intent === Intent.DoItForMe
}

/** The message as the pipeline reads it: folded words, SMS words spelled out, slips corrected. */
export function foldMessage(text: string): string {
  const pipeline = sharedPipeline()
  return tokenise(text, (word) => pipeline.correct(word))
    .map((t) => t.word)
    .join(' ')
}
