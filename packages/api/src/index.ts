export { chatEngine, createApp, defaultApiConfig } from './app.js'
export type { ApiConfig, ApiDeps, ChatEngine } from './app.js'
export { buildDataset, DatasetStore } from './dataset.js'
export { ExpiringStorage } from './expiring-storage.js'
export type { StoreItems } from './expiring-storage.js'
export type { Dataset, DatasetSource } from './dataset.js'
export { loadOfficialGeography } from './geography.js'
export {
  DataError,
  defaultDataDir,
  demoDir,
  loadDemo,
  loadFromFiles,
  loadSnapshot,
  readSnapshotMeta,
  readSnapshotMetaState,
  repositoryRoot,
  SnapshotMetaSchema,
  verifySnapshot,
} from './load.js'
export type { FileCheck, LieuxSourceCount, SnapshotMeta, SnapshotMetaState } from './load.js'
export { apiConfigFromEnv, parseRateLimit, parseRedisUrl, parseSyncInterval } from './config.js'
export { createLogger } from './logger.js'
export { BatchedWriter, type BatchedWriterOptions } from './log-writer.js'
export { startServer } from './server.js'
export { memorySharedState, SharedStateUnavailable } from './shared-state.js'
export type { BotStorage, RecordStore, SharedLimiter, SharedState } from './shared-state.js'
export { redisSharedState } from './redis-state.js'
export type { AttachedChannel, Channel, ChannelContext, RunningServer, ServeOptions } from './server.js'
export {
  defaultSyncOptions,
  download,
  mergeLieux,
  OFFICIAL_COMMUNES_URL,
  OFFICIAL_LIEUX_URL,
  removeUnreferenced,
  SyncBusyError,
  SyncError,
  syncSnapshot,
} from './sync.js'
export type { DownloadProgress, MergedLieux, SyncOptions, SyncResult } from './sync.js'
export { HISTORY_SIZE, historyFile, readHistory, referenceCount } from './sync-guard.js'
export type { HistoryEntry } from './sync-guard.js'
export { fileSyncLock, SYNC_LOCK_MAX_AGE_MS, syncLockFile } from './sync-lock.js'
export type { LockAttempt, LockOwner, SyncLock } from './sync-lock.js'
export { problem, ProblemType, sendProblem } from './problem.js'
export type { Problem, ProblemIssue } from './problem.js'
export { communeJson, nearResponseText, referenceJson, relaxationJson } from './serialize.js'
export { ReponseCouvertureSchema, ReponseLieuxSchema } from './contract.js'
export { clientAddress, parseTrustProxy } from './client-address.js'
export {
  couverture,
  couvertureCsv,
  couvertureJson,
  CouvertureProblem,
  couvertureRequest,
  METHODE as couvertureMethode,
} from './couverture.js'
export type { CouvertureRequest, CouvertureResult } from './couverture.js'
export { loadEpci } from './geography.js'
