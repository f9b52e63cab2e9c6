export { EARTH_RADIUS_KM, haversineKm } from './distance.js'
export type { Point } from './distance.js'
export { createLieuxIndex, LieuxIndex, relaxationOrder } from './lieux-index.js'
export type {
  LieuFilters,
  LieuOpening,
  LieuxIndexOptions,
  Relaxation,
  SearchQuery,
  SearchResponse,
  SearchResult,
} from './lieux-index.js'
export { processFrenchTerm } from './name-index.js'
export { isSearchable, matchesFilters, scanNearest } from './scan.js'
export {
  choosePlace,
  DEFAULT_LIMIT,
  DEFAULT_RADIUS_KM,
  findLieuxNear,
  openingConstraint,
  readOpenWhen,
  relaxationText,
  resolvePlace,
} from './near-place.js'
export type { NearOutcome, NearQuery, OpenWhen, Place, PlaceInput, PlaceProblem } from './near-place.js'
