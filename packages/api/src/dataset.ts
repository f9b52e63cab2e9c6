import { type Lieu, type LieuMerge, type LieuxFileReport, mergeDuplicates } from '@aiguillage/lieux'
import { createLieuxIndex, type LieuxIndex } from '@aiguillage/recherche'
import { type CoordinateTable, createTerritoires, type Geography, type Territoires } from '@aiguillage/territoires'

/** Where the data being served came from: shown in /healthz and flagged in every answer when it is the demo. */
export type DatasetSource = {
  kind: 'fichiers' | 'instantane' | 'demo'
  /** True for the demo dataset shipped with the project: invented lieux. */
  demo: boolean
  /** Files or URLs the data were read from. */
  origins: string[]
  /** When the data were produced or downloaded (ISO date-time), when known. */
  date?: string
}

/** Everything a request needs, built once at start-up (and again when a newer snapshot is loaded). */
export type Dataset = {
  source: DatasetSource
  lieux: readonly Lieu[]
  index: LieuxIndex
  territoires: Territoires
  /** Rows of the lieux files that were rejected (kept out, counted). */
  rejectedRows: number
  /** Duplicates merged into another lieu (`mergeDuplicates`): their ids lead to the lieu kept. */
  merges: readonly LieuMerge[]
  /** How many rows were merged into another lieu. */
  mergedRows: number
  loadedAt: Date
}

export type DatasetInput = {
  source: DatasetSource
  reports: readonly LieuxFileReport[]
  geography: Geography
  coordinates: CoordinateTable
  /** When the data were read: the loader's clock, for `/healthz`. */
  loadedAt: Date
}

/**
 * Builds the index and the communes from validated files. Duplicates are merged across files first, so the API, the
 * chat and Teams only ever see one lieu per place; a merged id still finds it (`index.byId`).
 */
export function buildDataset(input: DatasetInput): Dataset {
  const read = input.reports.flatMap((report) => report.accepted.map((row) => row.lieu))
  const { lieux, merges, aliases } = mergeDuplicates(read)
  return {
    source: input.source,
    lieux,
    merges,
    mergedRows: read.length - lieux.length,
    index: createLieuxIndex(lieux, { aliases }),
    territoires: createTerritoires({ geography: input.geography, coordinates: input.coordinates }),
    rejectedRows: input.reports.reduce((n, report) => n + report.rejected.length, 0),
    loadedAt: input.loadedAt,
  }
}

/** Holds the dataset being served; a background sync can swap in a newer one without a restart. */
export class DatasetStore {
  /** Increases at each replacement: what was computed on older data is stale. */
  version = 1
  constructor(private dataset: Dataset) {}
  get current(): Dataset {
    return this.dataset
  }
  replace(dataset: Dataset): void {
    this.dataset = dataset
    this.version++
  }
}
