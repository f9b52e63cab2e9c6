import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { type Epci, epciByCommune } from '@aiguillage/couverture'
import { type Geography, geographyFromDecoupage } from '@aiguillage/territoires'
import { readUtf8 } from './read-text.js'

const require = createRequire(import.meta.url)

/**
 * The official geography, read once. A build (`pnpm build`) writes it next to this module as JSON of the `Geography`
 * itself (`dist/official-geography.json`, 5.5 MB): read in a quarter of the time the files of
 * @etalab/decoupage-administratif take (8.6 MB, then reshaped), at each start. Without it (sources, tests) or when it
 * was built from another version of the package, the package's files are read.
 */
export function loadOfficialGeography(): Promise<Geography> {
  // The official files do not change while the process runs: read once (a data reload builds new territoires from it).
  official ??= readCompiledGeography().then((compiled) => compiled ?? readDecoupageGeography())
  return official
}

let official: Promise<Geography> | undefined

/** The version of @etalab/decoupage-administratif installed: a compiled geography is only used if it is the same. */
export function decoupageVersion(): string {
  return (require('@etalab/decoupage-administratif/package.json') as { version: string }).version
}

export const compiledGeographyFile = fileURLToPath(new URL('./official-geography.json', import.meta.url))

/** The geography a build wrote, or `undefined` when there is none or it was built from another version of the files. */
export async function readCompiledGeography(file = compiledGeographyFile): Promise<Geography | undefined> {
  const text = await readUtf8(file).catch(() => undefined)
  if (text === undefined) return undefined
  const compiled = JSON.parse(text) as { decoupage: string; geography: Geography }
  return compiled.decoupage === decoupageVersion() ? compiled.geography : undefined
}

/** The geography from the files of @etalab/decoupage-administratif, read with JSON.parse. */
export async function readDecoupageGeography(): Promise<Geography> {
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
