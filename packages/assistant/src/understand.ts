import { type Demarche, type Topic, understandMessage, type TurnReading as Reading } from '@aiguillage/orientation'

/*
 * What one message says is read by the understanding pipeline of @aiguillage/orientation (normalise, correct, tag
 * spans with the lexicon, decide). The engine merges the reading into the conversation and asks @aiguillage/territoires
 * for the place, on the words the pipeline left unclaimed.
 */

export { Intent } from '@aiguillage/orientation'
export type { Constraints } from '@aiguillage/orientation'

/** The reading of one message, with the orientation package's topic and démarche types. */
export type TurnReading = Omit<Reading, 'topic' | 'demarche'> & { topic?: Topic; demarche?: Demarche }

/** Reads one message (already freed of secrets); `today` is the weekday code in Paris (Mo…Su). */
export function readTurn(text: string, today: string): TurnReading {
  return understandMessage(text, today) as TurnReading
}
