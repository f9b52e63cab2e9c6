// `pnpm bench`: the coverage of the whole country (every commune's nearest lieu, then every aggregate) on the real
// lieux (France Services 2024 + Hinaura 2022), for any lieu and for France Services only. Target: under 2 s.
import { computeCoverage } from '../src/index.js'
import { franceServicesFile, hasSharedData, hinauraFile, readLieuxFiles, realCommunes } from './fixtures.js'

if (!hasSharedData) {
  console.log('../shared/data absent : banc ignoré.')
  process.exit(0)
}
const now = new Date('2026-11-23T09:30:00Z')
const lieux = readLieuxFiles([franceServicesFile, hinauraFile], now)
const { communes, epci } = realCommunes()
const TARGET_MS = 2000

for (const [label, filters] of [
  ['tout lieu', {}],
  ['France Services', { dispositif_programmes_nationaux: ['France Services'] }],
] as const) {
  const times: number[] = []
  let report
  for (let run = 0; run < 5; run++) {
    globalThis.gc?.()
    const start = performance.now()
    report = computeCoverage(lieux, communes, { filters, epci })
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[2] as number
  console.log(
    `couverture France entière (${label}, ${report?.communes.length} communes, ${report?.lieux} lieux) : médiane ${median.toFixed(0)} ms — cible < ${TARGET_MS} ms ${median < TARGET_MS ? '✓' : '✗'}`,
  )
}
