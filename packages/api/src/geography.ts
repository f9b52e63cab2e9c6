import { createRequire } from 'node:module'
import { type Epci, epciByCommune } from '@aiguillage/couverture'
import { type Geography, geographyFromDecoupage } from '@aiguillage/territoires'
import { readUtf8 } from './read-text.js'

const require = createRequire(import.meta.url)

/**
 * The official geography, read from the files of @etalab/decoupage-administratif with JSON.parse
 * (importing them as modules through a TypeScript loader would cost hundreds of megabytes).
 */
export function loadOfficialGeography(): Promise<Geography> {
  // The official files do not change while the process runs: read once (a data reload builds new territoires from it).
  official ??= readOfficialGeography()
  return official
}

let official: Promise<Geography> | undefined

async function readOfficialGeography(): Promise<Geography> {
  const read = async (name: string): Promise<unknown[]> =>
    JSON.parse(await readUtf8(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`))) as unknown[]
  const [communes, departements, regions] = await Promise.all([read('communes'), read('departements'), read('regions')])
  return geographyFromDecoupage({ communes, departements, regions })
}

let epci: Promise<Map<string, Epci>> | undefined

/** The EPCI of each commune (data/epci.json of @etalab/decoupage-administratif), read once. */
export function loadEpci(): Promise<Map<string, Epci>> {
  epci ??= readUtf8(require.resolve('@etalab/decoupage-administratif/data/epci.json')).then(
    (text) => epciByCommune(JSON.parse(text) as unknown[]).byCommune,
  )
  return epci
}
