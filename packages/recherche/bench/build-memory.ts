// Run in its own process by nearest.bench.ts: builds the index of 20 000 lieux and the 35 000 communes, and
// prints the time and the process's memory, so the figure is not mixed with the benchmark's own data.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createTerritoires, parseCommuneCoordinates } from '@aiguillage/territoires'
import { createLieuxIndex } from '../src/index.js'
import { officialGeography, realLieux, replicate, sharedData } from './fixtures.js'

const lieux = replicate(realLieux(), 20_000)
const communesText = readFileSync(path.join(sharedData, 'communes-france/communes-france.csv'), 'utf8')
globalThis.gc?.()
const rssBefore = process.memoryUsage().rss
const start = performance.now()
const index = createLieuxIndex(lieux)
const territoires = createTerritoires({
  geography: officialGeography(),
  coordinates: parseCommuneCoordinates(communesText),
})
const buildMs = performance.now() - start
globalThis.gc?.()
const rss = process.memoryUsage().rss
process.stdout.write(
  JSON.stringify({
    buildMs: Math.round(buildMs),
    rssMb: Math.round(rss / 1e6),
    addedRssMb: Math.round((rss - rssBefore) / 1e6),
    lieux: index.size,
    communes: territoires.communes.length,
  }),
)
