import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { waitForUrl } from './test-support.js'

// The production start: `node apps/cli/dist/main.js serve` (or the `aiguillage` bin), compiled by `pnpm build`, which
// `pnpm test` runs first. One Node process, no TypeScript loader, no bundler.
const cliDir = path.resolve(import.meta.dirname, '..')
const compiledMain = path.join(cliDir, 'dist/main.js')
const compiledBin = path.join(cliDir, 'bin/aiguillage.mjs')

/** A preload that makes importing tsx or esbuild fail: the compiled server must never need them. */
function forbidLoaders(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'compiled-'))
  writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  if (/^(tsx|esbuild)(\\/|$)/.test(specifier)) throw new Error('forbidden in production: ' + specifier)
  return next(specifier, context)
}\n`,
  )
  writeFileSync(
    path.join(dir, 'forbid.mjs'),
    `import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n`,
  )
  return path.join(dir, 'forbid.mjs')
}

describe('the compiled server (pnpm build, then plain node)', () => {
  it('has been built', () => {
    expect(existsSync(compiledMain), `${compiledMain} is missing: run pnpm build`).toBe(true)
  })

  for (const entry of [compiledMain, compiledBin])
    it(`${path.relative(cliDir, entry)} serves the API, the widget and the chat as one process without tsx or esbuild`, async () => {
      const child = spawn(process.execPath, ['--import', forbidLoaders(), entry, 'serve', '--port', '0'], {
        env: {
          ...process.env,
          AIGUILLAGE_AUTO_SYNC: '0',
          AIGUILLAGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'compiled-data-')),
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      const url = await waitForUrl(child)
      expect((await fetch(`${url}/healthz`)).status).toBe(200)
      const widget = await fetch(`${url}/widget.js`)
      expect(widget.status).toBe(200)
      expect(await widget.text()).toMatch(/^"use strict";\(\(\)=>\{/)
      // The chat's understanding (the lexicons and the model are JSON next to the compiled code) answers with lieux.
      const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/discussion`, { origin: url })
      const frames: { type: string; messages?: { type: string }[] }[] = []
      socket.on('message', (data) => frames.push(JSON.parse((data as Buffer).toString('utf8'))))
      await new Promise((resolve) => socket.once('open', resolve))
      socket.send(JSON.stringify({ type: 'hello' }))
      socket.send(JSON.stringify({ type: 'message', id: 'm1', text: 'aide pour la CAF à Guéret' }))
      await expect
        .poll(() => frames.find((f) => f.type === 'reply')?.messages?.some((m) => m.type === 'lieux'), {
          timeout: 10_000,
        })
        .toBe(true)
      // One process: node started no child (no tsx, no esbuild service).
      const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim()
      expect(children).toBe('')
      // SIGTERM: a request under way is answered, the websocket is told « bye », the process exits 0 within 10 s.
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
      const closed = new Promise<number>((resolve) => socket.once('close', resolve))
      const inFlight = fetch(`${url}/v1/lieux.csv?commune=Guéret`)
      const stopAt = performance.now()
      child.kill('SIGTERM')
      expect((await inFlight).status).toBe(200)
      expect(await closed).toBe(1001)
      expect(frames.at(-1)).toMatchObject({ type: 'bye', reason: 'closing' })
      expect(await exited).toBe(0)
      expect(performance.now() - stopAt).toBeLessThan(10_000)
    })
})
