// pnpm bench: POST /v1/chat with two instances sharing a real Redis, against one instance keeping its conversations in
// memory, in the same run, on the real lieux and communes of ../shared/data (the compiled server: `pnpm build` first).
// Twenty clients replay the conversations of the development set with no pause; with two instances, each turn goes to
// the other instance than the previous one (the worst case: every turn reads a conversation another process wrote).
// Both instances, Redis and the load generator share this machine's cores: the figure is what sharing costs, not
// what two machines would add.
import { existsSync, readFileSync } from 'node:fs'
import { Agent } from 'node:http'
import path from 'node:path'
import { noRedisMessage, redisServerPath, sharedData, startRedis } from '../src/test-support.js'
import { assertBuilt, benchEnv, compiledCli, percentile, realDataArgs, rssMb, send, start } from './server-process.js'

const casesFile = path.resolve(sharedData, '../eval/orientation-dev.jsonl')
if (!existsSync(sharedData) || !existsSync(casesFile) || !redisServerPath) {
  console.log(`Benchmark skipped: ${redisServerPath ? '../shared/data or ../shared/eval is absent' : noRedisMessage}`)
  process.exit(0)
}
assertBuilt()
const conversations: string[][] = readFileSync(casesFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { turns: string[] }).turns)

const CLIENTS = 20
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const agent = new Agent({ keepAlive: true, maxSockets: 2 * CLIENTS })

/** Twenty clients, each replaying conversations turn after turn; turn n goes to urls[n % urls.length]. */
async function drive(urls: string[]) {
  const times: number[] = []
  let failed = 0
  const end = performance.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      let turn = 0
      for (let c = client; performance.now() < end; c += CLIENTS) {
        const script = conversations[c % conversations.length] as string[]
        let conversationId: string | undefined
        for (const text of script) {
          if (performance.now() >= end) break
          const begin = performance.now()
          const answer = await send(
            agent,
            `${urls[turn++ % urls.length] as string}/v1/chat`,
            'POST',
            JSON.stringify({ text, ...(conversationId ? { conversationId } : {}) }),
          )
          times.push(performance.now() - begin)
          if (answer.status !== 200) failed++
          else conversationId = (JSON.parse(answer.text) as { conversationId: string }).conversationId
        }
      }
    }),
  )
  return { rps: Math.round(times.length / SECONDS), p50: percentile(times, 50), p95: percentile(times, 95), failed }
}

/** Ready (/readyz: the chat's library loaded), then one conversation: the engine is built on the first turn. */
async function warm(url: string): Promise<void> {
  const ready = () =>
    fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    )
  while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 100))
  let conversationId: string | undefined
  for (const text of conversations[0] as string[]) {
    const answer = await send(
      agent,
      `${url}/v1/chat`,
      'POST',
      JSON.stringify({ text, ...(conversationId ? { conversationId } : {}) }),
    )
    conversationId = (JSON.parse(answer.text) as { conversationId: string }).conversationId
  }
}

const quiet = { ...benchEnv, LOG_LEVEL: 'warn' }

const single = await start(compiledCli, ['serve', '--port', '0', ...realDataArgs], { env: quiet })
await warm(single.url)
const memory = await drive([single.url])
const singleRss = rssMb(single.pid)
await single.stop()

const redis = await startRedis()
const shared = { ...quiet, AIGUILLAGE_REDIS_URL: redis.url }
const [a, b] = await Promise.all([
  start(compiledCli, ['serve', '--port', '0', ...realDataArgs], { env: shared }),
  start(compiledCli, ['serve', '--port', '0', ...realDataArgs], { env: shared }),
])
await Promise.all([warm(a.url), warm(b.url)])
const pair = await drive([a.url, b.url])
const pairRss = [rssMb(a.pid), rssMb(b.pid)]
await Promise.all([a.stop(), b.stop()])
await redis.stop()

const line = (label: string, r: Awaited<ReturnType<typeof drive>>) =>
  `${label.padEnd(36)} ${String(r.rps).padStart(5)} tours/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  échecs ${r.failed}`
console.log(`POST /v1/chat, ${CLIENTS} conversations sans pause, ${SECONDS} s chacun (serveur compilé, vraies données)`)
console.log(line('1 instance, conversations en mémoire', memory))
console.log(line('2 instances + Redis, tours alternés', pair))
console.log(
  `ratio débit 2 instances + Redis / 1 instance : ${(pair.rps / memory.rps).toFixed(2)} ; p95 : ${(pair.p95 / memory.p95).toFixed(2)}×`,
)
console.log(`RSS : 1 instance ${singleRss} Mo ; 2 instances ${pairRss.join(' + ')} Mo`)
if (memory.failed || pair.failed) process.exitCode = 1
