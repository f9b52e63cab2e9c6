// The data of @etalab/decoupage-administratif as modules, for bundlers and test runners that import JSON efficiently.
// On Node, an app should rather read the files with JSON.parse (see apps/cli/src/geography.ts): some TypeScript
// loaders turn a JSON import into a JavaScript object literal, which costs hundreds of megabytes for 37 000 communes.
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' }
import departements from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' }
import regions from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' }
import { type Geography, geographyFromDecoupage } from './geography.js'

let cached: Geography | undefined

/** The official geography (COG 2026) from the bundled data of @etalab/decoupage-administratif 6.0.0. */
export function officialGeography(): Geography {
  cached ??= geographyFromDecoupage({ communes, departements, regions })
  return cached
}
