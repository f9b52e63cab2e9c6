import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { bin, waitForUrl } from './test-support.js'

// The real `aiguillage serve` and `aiguillage sync` processes, as a person starts them.
const demo = path.resolve(import.meta.dirname, '../../../packages/api/demo')
const env = (dataDir: string) => ({
  ...process.env,
  AIGUILLAGE_AUTO_SYNC: '0',
  AIGUILLAGE_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
})

/** A command that ends by itself (a refusal, a sync from a folder): 30 s catches a hang; spawnSync blocks the test's timer. */
const spawnDeadlineMs = 30_000

describe('aiguillage serve (real process)', () => {
  it('starts on the demo data and says so, answers, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      env: env(mkdtempSync(path.join(tmpdir(), 'serve-'))),
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    const url = await waitForUrl(child)
    const health = (await (await fetch(`${url}/healthz`)).json()) as any
    expect(health.donnees.demo).toBe(true)
    // The citizens' chat is part of the main job: the demo page, the widget and its websocket (real socket).
    expect(await (await fetch(`${url}/`)).text()).toContain('<script src="/widget.js"')
    expect((await fetch(`${url}/widget.js`)).status).toBe(200)
    const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/discussion`, { origin: url })
    const frames: any[] = []
    socket.on('message', (data) => frames.push(JSON.parse((data as Buffer).toString('utf8'))))
    await new Promise((resolve) => socket.once('open', resolve))
    socket.send(JSON.stringify({ type: 'hello' }))
    socket.send(JSON.stringify({ type: 'message', id: 'm1', text: 'aide pour la CAF à Guéret' }))
    await expect
      .poll(() => frames.find((f) => f.type === 'reply')?.messages.some((m: any) => m.type === 'lieux'), {
        timeout: 5000,
      })
      .toBe(true)
    socket.close()
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
  it('serves the files given', async () => {
    const child = spawn(
      process.execPath,
      [
        bin,
        'serve',
        '--port',
        '0',
        '--lieux',
        path.join(demo, 'lieux-demo.csv'),
        '--communes',
        path.join(demo, 'communes-demo.csv'),
      ],
      {
        env: env(mkdtempSync(path.join(tmpdir(), 'serve-'))),
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    try {
      const url = await waitForUrl(child)
      const health = (await (await fetch(`${url}/healthz`)).json()) as any
      expect(health.donnees).toMatchObject({ demo: false, source: 'fichiers' })
    } finally {
      child.kill('SIGTERM')
    }
  })
  it('mounts the Teams bot at /api/messages only when configured, and says loudly when it is the dev mode', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      env: { ...env(mkdtempSync(path.join(tmpdir(), 'serve-'))), AIGUILLAGE_TEAMS_DEV: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let said = ''
    child.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()))
    try {
      const url = await waitForUrl(child)
      expect(said).toContain('MODE DÉVELOPPEMENT')
      const activity = {
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        from: { id: '29:operatrice' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:cli' },
        deliveryMode: 'expectReplies',
        text: 'Guéret démarches',
      }
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      })
      const body = (await response.json()) as any
      expect(
        body.activities.some(
          (a: any) => a.attachments?.[0]?.content?.body?.[0]?.inlines?.[0]?.text === 'France services de Guéret (démo)',
        ),
      ).toBe(true)
    } finally {
      child.kill('SIGTERM')
    }
    // Not configured: not mounted.
    const plain = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      env: env(mkdtempSync(path.join(tmpdir(), 'serve-'))),
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    try {
      const url = await waitForUrl(plain)
      expect(
        (
          await fetch(`${url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).status,
      ).toBe(404)
    } finally {
      plain.kill('SIGTERM')
    }
  }, 30_000)
  it('refuses half a configuration with a French message', () => {
    const run = spawnSync(process.execPath, [bin, 'serve', '--port', '0', '--lieux', 'x.csv'], {
      env: env('/nonexistent'),
      encoding: 'utf8',
      timeout: spawnDeadlineMs,
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Donnez les deux')
  })
})

describe('aiguillage sync --from (real process)', () => {
  it('imports local files into a snapshot that serve then uses', () => {
    const from = mkdtempSync(path.join(tmpdir(), 'from-'))
    copyFileSync(path.join(demo, 'lieux-demo.csv'), path.join(from, 'lieux.csv'))
    copyFileSync(path.join(demo, 'communes-demo.csv'), path.join(from, 'communes.csv'))
    const dataDir = mkdtempSync(path.join(tmpdir(), 'data-'))
    const run = spawnSync(process.execPath, [bin, 'sync', '--from', from], {
      env: env(dataDir),
      encoding: 'utf8',
      timeout: spawnDeadlineMs,
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('23 lieux valides sur 23')
    const failed = spawnSync(process.execPath, [bin, 'sync', '--from', '/nonexistent'], {
      env: env(dataDir),
      encoding: 'utf8',
      timeout: spawnDeadlineMs,
    })
    expect(failed.status).toBe(1)
    expect(failed.stderr).toContain('L’instantané précédent, s’il existe, est gardé.')
  })

  it('refuses a file with far fewer lieux (exit 1), and serve refuses a snapshot whose lieux file was cut, saying so', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'from-'))
    copyFileSync(path.join(demo, 'lieux-demo.csv'), path.join(from, 'lieux.csv'))
    copyFileSync(path.join(demo, 'communes-demo.csv'), path.join(from, 'communes.csv'))
    const dataDir = mkdtempSync(path.join(tmpdir(), 'data-'))
    const sync = () =>
      spawnSync(process.execPath, [bin, 'sync', '--from', from], {
        env: env(dataDir),
        encoding: 'utf8',
        timeout: spawnDeadlineMs,
      })
    expect(sync().status).toBe(0)
    // 13 of the 23 lieux, cut at a row boundary.
    const lines = readFileSync(path.join(demo, 'lieux-demo.csv'), 'utf8').split('\n')
    writeFileSync(path.join(from, 'lieux.csv'), `${lines.slice(0, 14).join('\n')}\n`)
    const refused = sync()
    expect(refused.status).toBe(1)
    expect(refused.stderr.replace(/\s/g, ' ')).toContain(
      'n’a que 13 lieux valides contre 23 dans le dernier instantané accepté : −43 %',
    )

    const meta = JSON.parse(readFileSync(path.join(dataDir, 'snapshot/meta.json'), 'utf8'))
    const lieuxFile = path.join(dataDir, 'snapshot', meta.lieux.file)
    truncateSync(lieuxFile, Math.floor(statSync(lieuxFile).size / 2))
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      env: env(dataDir),
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let said = ''
    child.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()))
    try {
      await waitForUrl(child)
      expect(said).toContain(`ATTENTION : l’instantané n’est pas servi. Instantané corrompu : ${lieuxFile} fait`)
      expect(said).toContain('DONNÉES DE DÉMONSTRATION')
    } finally {
      child.kill('SIGTERM')
    }
  })
})
