export { Assistant, createAssistant, nextWeekday } from './engine.js'
export type {
  AssistantOptions,
  Choice,
  ConversationState,
  LieuResult,
  Message,
  Point,
  TurnInput,
  TurnResult,
  Understanding,
} from './engine.js'
export { redactSensitive, sensitiveLabels } from './sensitive.js'
export type { Redaction, SensitiveKind } from './sensitive.js'
export { MemoryConversationStore } from './store.js'
export type { ConversationStore } from './store.js'
export { Intent, readTurn } from './understand.js'
export type { Constraints, TurnReading } from './understand.js'
