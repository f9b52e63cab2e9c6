export { helpline, knowledge, knowledgeFor, Topic, whatToBring } from './knowledge.js'
export type { KnowledgeEntry, KnowledgeText } from './knowledge.js'
export { Demarche, demarcheTitles } from './needs.js'
export { detectNeeds, detectTopic, foldMessage, wantsItDoneForThem } from './reading.js'
export type { DetectedNeed } from './reading.js'
export { doneForThemProgrammes, helpWays, helpWaysEn } from './rules.js'
export { safety, safetyLines, SafetySituation } from './safety.js'
export type { SafetyEntry, SafetyResource } from './safety.js'
export {
  compileLexicon,
  cueKinds,
  lexiconCollisions,
  lexiconFiles,
  macros,
  matchPhrase,
} from './understanding/lexicon.js'
export type { CompiledLexicon, CueKind, LexiconEntry, LexiconFile } from './understanding/lexicon.js'
export { smsWords, tokenise } from './understanding/normalise.js'
export type { Token } from './understanding/normalise.js'
export { createPipeline, Intent, understandMessage } from './understanding/pipeline.js'
export type { Ask, Constraints, Pipeline, PipelineOptions, Span, TurnReading } from './understanding/pipeline.js'
export { createSpeller } from './understanding/spelling.js'
export type { Speller, SpellerOptions } from './understanding/spelling.js'
export { accessWords, priceWords, whyThisPlace } from './why.js'
export type { Language, WhyLieu } from './why.js'
