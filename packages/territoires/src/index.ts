export { parseCommuneCoordinates } from './coordinates.js'
export type { CommuneCoordinates, CoordinateTable } from './coordinates.js'
export { geographyFromDecoupage } from './geography.js'
export type { CogCommune, DecoupageData, Departement, FormerCommune, Geography, Region } from './geography.js'
export { editDistance, foldPlace, nameKeys, placeTokens } from './normalise.js'
export { commonWordNames } from './common-words.js'
export { createTerritoires, Territoires } from './territoires.js'
export type {
  Candidate,
  Commune,
  CreateTerritoiresOptions,
  MatchKind,
  Resolution,
  ResolveOptions,
} from './territoires.js'
