export { chatEngine, createApp, defaultApiConfig } from './app.js'
export type { ApiConfig, ApiDeps } from './app.js'
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
  repositoryRoot,
  verifySnapshot,
} from './load.js'
export type { FileCheck, LieuxSourceCount, SnapshotMeta } from './load.js'
export { apiConfigFromEnv, parseRateLimit } from './config.js'
export { createLogger } from './logger.js'
export { startServer } from './server.js'
export type { Channel, ChannelContext, RunningServer, ServeOptions } from './server.js'
export {
  defaultSyncOptions,
  download,
  mergeLieux,
  OFFICIAL_COMMUNES_URL,
  OFFICIAL_LIEUX_URL,
  SyncError,
  syncSnapshot,
} from './sync.js'
export type { DownloadProgress, MergedLieux, SyncOptions, SyncResult } from './sync.js'
export { HISTORY_SIZE, historyFile, readHistory, referenceCount } from './sync-guard.js'
export type { HistoryEntry } from './sync-guard.js'
export { problem, ProblemType, sendProblem } from './problem.js'
export type { Problem, ProblemIssue } from './problem.js'
export { communeJson, nearResponseText, referenceJson, relaxationJson } from './serialize.js'
export { ReponseLieuxSchema } from './contract.js'
export { clientAddress, parseTrustProxy } from './client-address.js'
