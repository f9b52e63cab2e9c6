// Part of `pnpm build`: writes the official geography as JSON of the `Geography` itself next to the compiled
// geography module (dist/official-geography.json), which the server then reads at each start instead of reshaping the
// files of @etalab/decoupage-administratif (see src/geography.ts).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { decoupageVersion, readDecoupageGeography } from '../src/geography.js'

const geography = await readDecoupageGeography()
const file = path.resolve(import.meta.dirname, '../dist/official-geography.json')
writeFileSync(file, JSON.stringify({ decoupage: decoupageVersion(), geography }))
console.log(
  `${path.relative(process.cwd(), file)} : ${geography.communes.length} communes (découpage ${decoupageVersion()})`,
)
