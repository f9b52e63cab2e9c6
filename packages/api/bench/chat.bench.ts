// pnpm bench: POST /v1/chat at 20 concurrent conversations (target p95 < 15 ms), on the real lieux and communes of
// ../shared/data. Twenty people each replay the conversations of the development set turn after turn, over keep-alive
// sockets: a turn waits for the previous answer, then for the time a person takes to read it and type the next message
// (0.5 to 1.5 s, seeded). That is the target's measure: twenty conversations at once, as people hold them.
// Then the same twenty clients with no pause at all (saturation: how many turns a second the process can answer, and
// the latency when it is that busy), against GET /healthz of the same server driven the same way in the same run
// (what the sockets, the middleware and this client cost at least).
import { existsSync, readFileSync } from 'node:fs'
import { Agent } from 'node:http'
import path from 'node:path'
import { sharedData } from '../src/test-support.js'
import { assertBuilt, benchEnv, compiledCli, percentile, realDataArgs, rssMb, send, start } from './server-process.js'

const casesFile = path.resolve(sharedData, '../eval/orientation-dev.jsonl')
if (!existsSync(sharedData) || !existsSync(casesFile)) {
  console.log('Benchmark skipped: ../shared/data or ../shared/eval is absent.')
  process.exit(0)
}
const conversations: string[][] = readFileSync(casesFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { turns: string[] }).turns)

const CLIENTS = 20
const SECONDS = 10
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })

const ms = (value: number) => value.toFixed(1)

/** A seeded generator (mulberry32): the same pauses on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `CLIENTS` sequential clients for `seconds`; `turn` does one request and says whether it went well. With
 * `think`, each client pauses between turns as a person reading and typing does.
 */
async function drive(
  turn: (client: number, step: number) => Promise<boolean>,
  options: { seconds?: number; think?: boolean } = {},
) {
  const seconds = options.seconds ?? SECONDS
  const times: number[] = []
  let failed = 0
  const end = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const random = seeded(client + 1)
      for (let step = 0; performance.now() < end; step++) {
        if (options.think) await sleep(500 + random() * 1000)
        const begin = performance.now()
        const ok = await turn(client, step)
        times.push(performance.now() - begin)
        if (!ok) failed++
      }
    }),
  )
  return {
    count: times.length,
    rps: Math.round(times.length / seconds),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    failed,
  }
}

assertBuilt()
const api = await start(compiledCli, ['serve', '--port', '0', ...realDataArgs], { env: benchEnv })
const health = new URL('/healthz', api.url)
const chat = new URL('/v1/chat', api.url)

// Each client walks the development set from its own starting point, one conversation after another.
const cursor = Array.from({ length: CLIENTS }, (_, client) => ({
  conversation: (client * 7) % conversations.length,
  turn: 0,
  id: undefined as string | undefined,
}))
async function chatTurn(client: number) {
  const state = cursor[client] as (typeof cursor)[number]
  const turns = conversations[state.conversation] as string[]
  const text = turns[state.turn] as string
  const response = await send(
    agent,
    chat,
    'POST',
    JSON.stringify(state.id ? { conversationId: state.id, text } : { text }),
  )
  state.turn++
  // The id is the first member of the answer: read it without parsing 6 kB of JSON, so the client leaves the CPU to the server.
  state.id = response.status === 200 ? /^\{"conversationId":"([^"]+)"/.exec(response.text)?.[1] : undefined
  if (state.turn >= turns.length)
    Object.assign(state, { conversation: (state.conversation + 1) % conversations.length, turn: 0, id: undefined })
  return response.status === 200
}

await drive(chatTurn) // warm-up: JIT, caches of the engine
const people = await drive(chatTurn, { seconds: 20, think: true })
const baseline = await drive(async () => (await send(agent, health, 'GET')).status === 200)
const measured = await drive(chatTurn)
const rss = rssMb(api.pid)
await api.stop()
agent.destroy()

console.log(
  `POST /v1/chat, ${CLIENTS} conversations simultanées, chaque personne lisant et écrivant 0,5 à 1,5 s entre deux tours : ` +
    `${people.count} tours en 20 s, p50 ${ms(people.p50)} ms, p95 ${ms(people.p95)} ms, p99 ${ms(people.p99)} ms, ` +
    `${people.failed} échec(s).`,
)
console.log('Objectif : p95 < 15 ms à 20 conversations simultanées.')
console.log('Saturation (les mêmes 20 clients, sans aucune pause) :')
console.log(
  `GET /healthz, ${CLIENTS} clients : ${baseline.rps} req/s, p50 ${ms(baseline.p50)} ms, p95 ${ms(baseline.p95)} ms, p99 ${ms(baseline.p99)} ms.`,
)
console.log(
  `POST /v1/chat, ${CLIENTS} conversations simultanées (${conversations.length} conversations du jeu de développement rejouées) : ${measured.rps} tours/s, ` +
    `p50 ${ms(measured.p50)} ms, p95 ${ms(measured.p95)} ms, p99 ${ms(measured.p99)} ms, ${measured.failed} échec(s) ; ${Math.round((measured.rps / baseline.rps) * 100)} % du débit de /healthz ; mémoire ${rss} Mo.`,
)
