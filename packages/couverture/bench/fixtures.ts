// Shared by the benchmark, the real-data test and the README example: the real lieux and communes of ../shared/data.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type Lieu, readLieux } from '@aiguillage/lieux'
import { createTerritoires, geographyFromDecoupage, parseCommuneCoordinates } from '@aiguillage/territoires'
import { epciByCommune } from '../src/index.js'

export const sharedData =
  process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
export const hasSharedData = existsSync(sharedData)
export const franceServicesFile = path.join(
  sharedData,
  'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
)
export const hinauraFile = path.join(sharedData, 'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv')
export const communesFile = path.join(sharedData, 'communes-france/communes-france.csv')

export function readLieuxFiles(files: readonly string[], now: Date): Lieu[] {
  return files.flatMap((file) => {
    const result = readLieux(readFileSync(file), { fileName: file, now })
    return result.ok ? result.report.accepted.map((row) => row.lieu) : []
  })
}

const require = createRequire(import.meta.url)
const readDecoupage = (name: string): unknown[] =>
  JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8')) as unknown[]

/** The communes of France with their coordinates, and the EPCI table. */
export function realCommunes() {
  const territoires = createTerritoires({
    geography: geographyFromDecoupage({
      communes: readDecoupage('communes'),
      departements: readDecoupage('departements'),
      regions: readDecoupage('regions'),
    }),
    coordinates: parseCommuneCoordinates(readFileSync(communesFile, 'utf8')),
  })
  return { communes: territoires.communes, epci: epciByCommune(readDecoupage('epci')).byCommune }
}
