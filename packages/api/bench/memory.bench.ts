// pnpm bench:memory: the compiled server on the real lieux and communes under a mixed load for 3 minutes (questions
// around communes and points, conversations of three turns on POST /v1/chat, each cycle a new conversation), its RSS
// read every 15 s, and where it levels off. The server runs with the heap size recommended for production
// (NODE_OPTIONS=--max-old-space-size=256, see README.md); AIGUILLAGE_BENCH_HEAP=default runs it with V8's default.
// AIGUILLAGE_MEMORY_BENCH_SECONDS shortens (or lengthens) the run.
import { existsSync } from 'node:fs'
import autocannon from 'autocannon'
import { sharedData } from '../src/test-support.js'
import { assertBuilt, benchEnv, compiledCli, median, realDataArgs, rssMb, start } from './server-process.js'

if (!existsSync(sharedData)) {
  console.log('Benchmark skipped: ../shared/data is absent.')
  process.exit(0)
}
assertBuilt()

const SECONDS = Number(process.env.AIGUILLAGE_MEMORY_BENCH_SECONDS ?? 180)
const EVERY = 15
const heap = process.env.AIGUILLAGE_BENCH_HEAP ?? '256'
const nodeArgs = heap === 'default' ? [] : [`--max-old-space-size=${heap}`]

const communes = ['Guéret', 'Aurillac', 'Lyon', 'Marseille', 'Lille', 'Tulle', 'Rodez', 'Mende', 'Albi', 'Brest']
let seed = 7
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}
type Conversation = { conversationId?: string }
const chat = (text: string, first: boolean): autocannon.Request => ({
  method: 'POST',
  path: '/v1/chat',
  headers: { 'content-type': 'application/json' },
  // Each connection follows its own conversation: the id of the first answer goes with the next two turns.
  setupRequest: (request, context: Conversation) => ({
    ...request,
    body: JSON.stringify(
      first || !context.conversationId ? { text } : { conversationId: context.conversationId, text },
    ),
  }),
  onResponse: (status, body, context: Conversation) => {
    if (first && status === 200) context.conversationId = /^\{"conversationId":"([^"]+)"/.exec(body)?.[1]
  },
})
const requests: autocannon.Request[] = [
  {
    method: 'GET',
    setupRequest: (request) => ({
      ...request,
      path: `/v1/lieux?commune=${encodeURIComponent(communes[Math.floor(random() * communes.length)] as string)}`,
    }),
  },
  chat('Bonjour, je n’arrive pas à faire ma déclaration d’impôts sur internet', true),
  {
    method: 'GET',
    setupRequest: (request) => ({
      ...request,
      path: `/v1/lieux?latitude=${(43 + random() * 7.5).toFixed(4)}&longitude=${(-1.5 + random() * 8.5).toFixed(4)}`,
    }),
  },
  chat('J’habite à Guéret', false),
  chat('Je préfère que quelqu’un le fasse avec moi', false),
]

const api = await start(compiledCli, ['serve', '--port', '0', ...realDataArgs], { env: benchEnv, nodeArgs })
const samples: { at: number; rss: number }[] = [{ at: 0, rss: rssMb(api.pid) }]
console.log(
  `Serveur compilé, vraies données, tas ${heap === 'default' ? 'par défaut de V8' : `--max-old-space-size=${heap}`} : ${samples[0]?.rss} Mo au démarrage.`,
)
const begin = performance.now()
const timer = setInterval(() => {
  const sample = { at: Math.round((performance.now() - begin) / 1000), rss: rssMb(api.pid) }
  samples.push(sample)
  console.log(`  ${String(sample.at).padStart(4)} s : ${sample.rss} Mo`)
}, EVERY * 1000)
const result = await autocannon({ url: api.url, connections: 20, duration: SECONDS, requests })
clearInterval(timer)
const end = rssMb(api.pid)
await api.stop()

// Where it levels off: the median of the last third of the samples (at least two), and how far they spread.
const tail = samples.slice(-Math.max(2, Math.floor(samples.length / 3))).map((s) => s.rss)
const plateau = median(tail)
const peak = Math.max(...samples.map((s) => s.rss), end)
console.log(
  `${result.requests.total} requêtes en ${SECONDS} s (${Math.round(result.requests.average)} req/s, ${result.non2xx} non 2xx, ${result.errors} erreurs) ; ` +
    `RSS à la fin ${end} Mo, au plus ${peak} Mo ; palier ${plateau} Mo (médiane du dernier tiers, de ${Math.min(...tail)} à ${Math.max(...tail)} Mo).`,
)
console.log(
  `${plateau < 400 && peak < 400 ? 'PASS' : 'FAIL'} RSS après ${SECONDS} s de charge : palier ${plateau} Mo, au plus ${peak} Mo (objectif < 400 Mo).`,
)
process.exit(0)
