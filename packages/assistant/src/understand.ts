import { foldText } from '@aiguillage/lieux'
import {
  createPipeline,
  type Demarche,
  type Pipeline,
  type Topic,
  understandMessage,
  type TurnReading as Reading,
} from '@aiguillage/orientation'
import type { Territoires } from '@aiguillage/territoires'

/*
 * What one message says is read by the understanding pipeline of @aiguillage/orientation (normalise, correct, tag
 * spans with the lexicon, decide). The engine merges the reading into the conversation and asks @aiguillage/territoires
 * for the place, on the words the pipeline left unclaimed.
 */

export { Intent } from '@aiguillage/orientation'
export type { Constraints } from '@aiguillage/orientation'

/** The reading of one message, with the orientation package's topic and démarche types. */
export type TurnReading = Omit<Reading, 'topic' | 'demarche'> & { topic?: Topic; demarche?: Demarche }

/** Reads one message (already freed of secrets) with no gazetteer; `today` is the weekday code in Paris (Mo…Su). */
export function readTurn(text: string, today: string): TurnReading {
  return understandMessage(text, today) as TurnReading
}

const pipelines = new WeakMap<Territoires, Pipeline>()

/** A pipeline that knows the words of commune names, so that « Nevers » is never corrected into a word of need. */
export function pipelineFor(territoires: Territoires): Pipeline {
  let pipeline = pipelines.get(territoires)
  if (!pipeline) {
    const words = new Set<string>()
    for (const commune of territoires.communes) for (const word of foldText(commune.nom).split(' ')) words.add(word)
    pipeline = createPipeline({ placeWord: (word) => words.has(word) })
    pipelines.set(territoires, pipeline)
  }
  return pipeline
}
