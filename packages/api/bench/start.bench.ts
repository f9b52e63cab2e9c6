// pnpm bench: how long the production start (`node apps/cli/dist/main.js serve`, on the real lieux and communes) takes
// to answer 200 on /healthz (listening: the data are loaded, validated, merged and indexed) and on /readyz (every
// channel ready: the web chat's botkit is loaded after listening), against a bare node:http server started and polled
// the same way in the same run (what starting node itself costs). Rounds alternate the two; figures are medians.
// The speed of a shared machine varies (by up to 1.6× within an hour on the 2-core development machine): compare start
// times measured in the same run, or at least the same hour.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { Agent } from 'node:http'
import { freePort, sharedData } from '../src/test-support.js'
import {
  assertBuilt,
  bareServer,
  benchEnv,
  compiledCli,
  median,
  realDataArgs,
  root,
  rssMb,
  send,
} from './server-process.js'

if (!existsSync(sharedData)) {
  console.log('Benchmark skipped: ../shared/data is absent.')
  process.exit(0)
}
assertBuilt()

const ROUNDS = 7
const POLL_MS = 10

/** Milliseconds from `begin` to the first 200 on `url`, asked every POLL_MS on a new connection. */
async function firstOk(url: string, begin: number, child: ChildProcess): Promise<number> {
  const agent = new Agent({ keepAlive: false })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped (code ${child.exitCode})`)
    const status = await send(agent, url, 'GET').then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) return performance.now() - begin
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

type Start = { healthzMs: number; readyzMs?: number; rssMb: number }

async function timeStart(script: string, args: (port: number) => string[], ready: boolean): Promise<Start> {
  const port = await freePort()
  const begin = performance.now()
  const child = spawn(process.execPath, [script, ...args(port)], {
    cwd: root,
    env: { ...process.env, ...benchEnv, PORT: String(port) },
    stdio: 'ignore',
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    const healthzMs = await firstOk(`http://127.0.0.1:${port}/healthz`, begin, child)
    const readyzMs = ready ? await firstOk(`http://127.0.0.1:${port}/readyz`, begin, child) : undefined
    return { healthzMs, ...(readyzMs === undefined ? {} : { readyzMs }), rssMb: rssMb(child.pid as number) }
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

const bare: Start[] = []
const api: Start[] = []
for (let round = 0; round < ROUNDS; round++) {
  bare.push(await timeStart(bareServer, () => [], false))
  api.push(await timeStart(compiledCli, (port) => ['serve', '--port', String(port), ...realDataArgs], true))
}

const ms = (values: number[]) => Math.round(median(values))
const healthz = ms(api.map((s) => s.healthzMs))
const readyz = ms(api.map((s) => s.readyzMs ?? 0))
const bareMs = ms(bare.map((s) => s.healthzMs))
const sorted = api.map((s) => Math.round(s.healthzMs)).sort((a, b) => a - b)
console.log(
  `Démarrage compilé (node apps/cli/dist/main.js serve, France Services + Hinaura, 35 000 communes), médiane de ${ROUNDS} : ` +
    `200 sur /healthz en ${healthz} ms (de ${sorted[0]} à ${sorted.at(-1)} ms), sur /readyz en ${readyz} ms, ` +
    `${ms(api.map((s) => s.rssMb))} Mo de RSS. Serveur node:http nu : ${bareMs} ms (écart : ${healthz - bareMs} ms). ` +
    `Objectif : < 2 000 ms sur /healthz.`,
)
