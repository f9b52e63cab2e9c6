// pnpm bench: time from an operator's activity to the bot's replies, in process (target p95 < 30 ms): teams-ai's
// Application on botbuilder's TestAdapter (routing, turn state, the engine in operator mode, the Adaptive Cards).
// Baseline of the same run: the engine's turn alone, for the same sentences. On the real lieux and communes of
// ../shared/data when present (France Services 2024 + Hinaura 2022), else on the demo data.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { chatEngine, DatasetStore, loadDemo, loadFromFiles } from '@aiguillage/api'
import { realLieuxFiles, sharedData } from '@aiguillage/api/test-support'
import { TestAdapter } from 'botbuilder'
import { createTeamsBot } from '../src/bot.js'

// A benchmark is its own start-up: the one place it reads the machine's clock.
const now = () => new Date()
const real = existsSync(sharedData)
const dataset = real
  ? await loadFromFiles(
      realLieuxFiles,
      path.join(sharedData, 'communes-france/communes-france.csv'),
      {
        kind: 'fichiers',
        demo: false,
        origins: realLieuxFiles,
      },
      now(),
    )
  : await loadDemo(now())
const store = new DatasetStore(dataset)
const communes = real
  ? [
      'Guéret',
      'Aurillac',
      'Clermont-Ferrand',
      'Lyon',
      'Grenoble',
      'Annecy',
      'Valence 26',
      'Moulins',
      'Le Puy-en-Velay',
      'Saint-Étienne',
      'Chambéry',
      'Vichy',
      'Montluçon',
      'Roanne',
      'Bourg-en-Bresse',
      'Privas',
      'Thonon-les-Bains',
      'Vienne',
      'Limoges',
      'Tulle',
    ]
  : ['Guéret', 'Aurillac', 'Lyon', 'Marseille', 'Lille', 'Toulouse', 'Rennes', 'Bourganeuf', 'Aubusson', 'Montauban']
const needs = [
  'démarches gratuit samedi',
  'apprendre tablette',
  'imprimer un document',
  'aidants connect',
  'chercher un emploi CV',
]
const sentences = communes.flatMap((commune) => needs.map((need) => `${commune} ${need}`))

const engine = chatEngine(store, { mode: 'operator', now })
const bot = createTeamsBot({ engine, lieuById: (id) => store.current.index.byId(id), now })
const adapter = new TestAdapter(async (context) => {
  await bot.run(context)
})
let conversation = 0
async function botTurn(text: string): Promise<number> {
  const start = performance.now()
  // A new conversation each time: a lookup as an operator starts one.
  await adapter.processActivity(
    { type: 'message', text, conversation: { id: `bench-${conversation++}` } as never },
    async (context) => {
      await bot.run(context)
    },
  )
  const elapsed = performance.now() - start
  if (!adapter.activeQueue.splice(0).some((a) => a.attachments?.length))
    throw new Error(`pas de carte pour « ${text} »`)
  return elapsed
}
async function engineTurn(text: string): Promise<number> {
  const start = performance.now()
  await engine().reply({ text })
  return performance.now() - start
}

for (const text of sentences.slice(0, 20)) {
  await botTurn(text)
  await engineTurn(text)
} // warm-up
const botTimes: number[] = []
const engineTimes: number[] = []
for (let round = 0; round < 5; round++)
  for (const text of sentences) {
    botTimes.push(await botTurn(text))
    engineTimes.push(await engineTurn(text))
  }

const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] as number
const line = (name: string, values: number[]) =>
  `  ${name.padEnd(44)} p50 ${pct(values, 50).toFixed(2).padStart(6)} ms   p95 ${pct(values, 95).toFixed(2).padStart(6)} ms   p99 ${pct(values, 99).toFixed(2).padStart(6)} ms`
console.log(
  `Teams lookup, activity → replies in process (${botTimes.length} lookups, ${real ? `${dataset.lieux.length} real lieux` : 'demo data'})`,
)
console.log(line('bot (teams-ai Application + cards)', botTimes))
console.log(line('baseline: engine turn alone', engineTimes))
const p95 = pct(botTimes, 95)
console.log(
  `  target p95 < 30 ms: ${p95 < 30 ? 'OK' : 'DÉPASSÉ'} (${p95.toFixed(2)} ms); bot / engine at p50: ×${(pct(botTimes, 50) / pct(engineTimes, 50)).toFixed(1)}`,
)
