// pnpm bench: one turn of the engine, in process (target p95 < 2 ms), replaying the 304 conversations of the corpus on
// the real lieux of ../shared/data, against the bare commune resolution + search of the same turns measured in the
// same run (what any answer costs at least).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type Lieu, readLieux, Service } from '@aiguillage/lieux'
import { createLieuxIndex } from '@aiguillage/recherche'
import { createTerritoires, geographyFromDecoupage, parseCommuneCoordinates } from '@aiguillage/territoires'
import { corpus } from '../fixtures/corpus.js'
import { createAssistant } from '../src/index.js'

const shared = process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
if (!existsSync(shared)) {
  console.log('Benchmark skipped: ../shared/data is absent.')
  process.exit(0)
}
const require = createRequire(import.meta.url)
const read = (name: string) =>
  JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8'))
const territoires = createTerritoires({
  geography: geographyFromDecoupage({
    communes: read('communes'),
    departements: read('departements'),
    regions: read('regions'),
  }),
  coordinates: parseCommuneCoordinates(readFileSync(path.join(shared, 'communes-france/communes-france.csv'), 'utf8')),
})
// A benchmark is its own start-up: the one place it reads the machine's clock.
const now = () => new Date()
const lieux: Lieu[] = [
  'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
  'lieux-hinaura-2022/hinaura-2022.lieux-mediation-numerique-v1.csv',
].flatMap((file) => {
  const result = readLieux(readFileSync(path.join(shared, file)), { fileName: file, now: now() })
  return result.ok ? result.report.accepted.map((row) => row.lieu) : []
})
const index = createLieuxIndex(lieux)
let n = 0
const assistant = createAssistant({ territoires, index, now, newId: () => `b${++n}` })
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((p / 100) * values.length)] as number
const micro = (ms: number) => Math.round(ms * 1000)

// Each conversation ends with a question about the lieux shown, as people ask them (answered from the lieux kept).
const followUps = [
  'et samedi ?',
  'leur numéro ?',
  'c’est loin ?',
  'pourquoi celui-là ?',
  'd’autres',
  'plus près',
  'leurs horaires ?',
  'c’est payant ?',
  'le deuxième',
  'c’est ouvert maintenant ?',
]

async function replay(times: number[] | undefined) {
  for (const [k, c] of corpus.entries()) {
    let id: string | undefined
    for (const text of [...c.turns, followUps[k % followUps.length] as string]) {
      const start = performance.now()
      const turn = await assistant.reply({ text, ...(id ? { conversationId: id } : {}) })
      times?.push(performance.now() - start)
      id = turn.conversationId
    }
  }
}
await replay(undefined) // warm-up
const times: number[] = []
for (let round = 0; round < 5; round++) await replay(times)

// Baseline: what every answer needs at least, a commune found in the text and one search.
const baseline: number[] = []
for (let round = 0; round < 5; round++)
  for (const c of corpus)
    for (const text of c.turns) {
      const start = performance.now()
      const place = territoires.extractPlace(text)?.candidates[0]?.commune
      if (place?.latitude !== undefined && place.longitude !== undefined)
        index.search({
          near: { latitude: place.latitude, longitude: place.longitude },
          filters: { services: [Service.AdministrativeProcedures] },
          limit: 3,
          now: now(),
        })
      baseline.push(performance.now() - start)
    }

console.log(
  `Tour du moteur (${times.length} tours, corpus de ${corpus.length} conversations, chacune suivie d’une question sur les lieux montrés, données réelles) : p50 ${micro(percentile(times, 50))} µs, p95 ${micro(percentile(times, 95))} µs, p99 ${micro(percentile(times, 99))} µs ; ` +
    `référence (commune trouvée dans le texte + une recherche) : p50 ${micro(percentile(baseline, 50))} µs, p95 ${micro(percentile(baseline, 95))} µs. Objectif : p95 < 2 ms.`,
)
