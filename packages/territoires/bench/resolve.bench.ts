// pnpm bench: commune resolution latency (p50, p99) over the 164 real-world inputs of the tests, against a plain
// approach measured in the same run (fold the text, compare it with every commune name), the latency of finding a place
// inside a sentence (extractPlace, p50, p95, p99), and the build time.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createTerritoires, foldPlace, geographyFromDecoupage } from '../src/index.js'
import { placeSentences } from '../fixtures/place-sentences.js'
import { resolveCases } from '../fixtures/resolve-cases.js'

const require = createRequire(import.meta.url)
const read = (name: string) =>
  JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8'))
let start = performance.now()
const geography = geographyFromDecoupage({
  communes: read('communes'),
  departements: read('departements'),
  regions: read('regions'),
})
const territoires = createTerritoires({ geography })
const buildMs = Math.round(performance.now() - start)

const inputs = resolveCases.map(([input]) => input)
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((p / 100) * values.length)] as number
const micro = (ms: number) => Math.round(ms * 10_000) / 10

for (let i = 0; i < 3; i++) for (const input of inputs) territoires.resolve(input) // warm-up
const times: number[] = []
for (let round = 0; round < 20; round++)
  for (const input of inputs) {
    start = performance.now()
    territoires.resolve(input)
    times.push(performance.now() - start)
  }

// The plain way: compare the folded text with every commune's folded name (exact names only, no typo, no hint).
const folded = geography.communes.map((c) => foldPlace(c.nom))
const plain: number[] = []
for (let round = 0; round < 3; round++)
  for (const input of inputs) {
    start = performance.now()
    const query = foldPlace(input)
    folded.filter((name) => name === query)
    plain.push(performance.now() - start)
  }

console.log(
  `Résolution de commune (${inputs.length} saisies réelles × 20) : p50 ${micro(percentile(times, 50))} µs, p99 ${micro(percentile(times, 99))} µs ; ` +
    `comparaison naïve avec les 35 014 noms : p50 ${micro(percentile(plain, 50))} µs. Construction : ${buildMs} ms. Objectif : p50 < 200 µs.`,
)

for (let i = 0; i < 3; i++) for (const sentence of placeSentences) territoires.extractPlace(sentence) // warm-up
const extract: number[] = []
for (let round = 0; round < 20; round++)
  for (const sentence of placeSentences) {
    start = performance.now()
    territoires.extractPlace(sentence)
    extract.push(performance.now() - start)
  }
console.log(
  `Lieu dans une phrase (extractPlace, ${placeSentences.length} phrases × 20) : p50 ${micro(percentile(extract, 50))} µs, ` +
    `p95 ${micro(percentile(extract, 95))} µs, p99 ${micro(percentile(extract, 99))} µs. Objectif : p95 < 1 000 µs.`,
)
