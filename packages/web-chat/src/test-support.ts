// Shared by the web chat's tests: the real server (`startServer`, as `aiguillage serve` runs it) on the Cantal
// fixtures with the web channel, and a websocket client that reads the frames in order.
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer } from '@aiguillage/api'
import { runningClock } from '@aiguillage/api/test-support'
import pino from 'pino'
import { WebSocket } from 'ws'
import { type WebChatConfig, webChatChannel } from './channel.js'
import type { ServerFrame } from './protocol.js'

export const fixtures = path.join(import.meta.dirname, '../fixtures')

/** The server on the fixtures, or with `demo: true` on the project's demo dataset (as a first `aiguillage serve`). */
export async function startChatServer(
  config: Partial<WebChatConfig> = {},
  api: { corsOrigins?: string[] } = {},
  data: { demo?: boolean } = {},
) {
  const channel = webChatChannel(config)
  const server = await startServer({
    port: 0,
    now: runningClock(),
    ...(data.demo
      ? { dataDir: mkdtempSync(path.join(os.tmpdir(), 'aiguillage-demo-')) } // no snapshot there: the demo data
      : { lieux: [path.join(fixtures, 'lieux.csv')], communes: path.join(fixtures, 'communes.csv') }),
    autoSync: false,
    api: { rateLimit: null, ...api },
    logger: pino({ level: 'silent' }),
    channels: [channel],
  })
  await server.ready
  const socketUrl = `${server.url.replace('http', 'ws')}/v1/discussion`
  return { server, channel, socketUrl, origin: server.url }
}

/** A websocket client that queues every frame, so a test reads them one by one. */
export class Client {
  readonly frames: ServerFrame[] = []
  private waiters: (() => void)[] = []
  closed: Promise<{ code: number; reason: string }>

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse((data as Buffer).toString('utf8')) as ServerFrame)
      for (const wake of this.waiters.splice(0)) wake()
    })
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })))
  }

  static open(url: string, origin: string | undefined, headers: Record<string, string> = {}): Promise<Client> {
    const ws = new WebSocket(url, { headers, ...(origin === undefined ? {} : { origin }) })
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Client(ws)))
      ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)))
      ws.once('error', reject)
    })
  }

  /** Opens and says hello; resolves with the `ready` frame. */
  static async ready(
    url: string,
    origin: string,
    token?: string,
  ): Promise<{ client: Client; ready: Extract<ServerFrame, { type: 'ready' }> }> {
    const client = await Client.open(url, origin)
    client.send({ type: 'hello', ...(token ? { token } : {}) })
    return { client, ready: await client.next('ready') }
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }

  /** The next frame (of this type), waiting up to `ms`. */
  async next<T extends ServerFrame['type']>(type?: T, ms = 5000): Promise<Extract<ServerFrame, { type: T }>> {
    const deadline = Date.now() + ms
    for (;;) {
      const index = this.frames.findIndex((f) => type === undefined || f.type === type)
      if (index >= 0) return this.frames.splice(index, 1)[0] as Extract<ServerFrame, { type: T }>
      const left = deadline - Date.now()
      if (left <= 0)
        throw new Error(
          `aucun message « ${type ?? 'quelconque'} » en ${ms} ms (reçus : ${JSON.stringify(this.frames)})`,
        )
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** Sends a message and waits for its reply (or error). */
  async ask(text: string, extra: Record<string, unknown> = {}): Promise<ServerFrame> {
    const id = `t${Math.random().toString(36).slice(2)}`
    this.send({ type: 'message', id, text, ...extra })
    for (;;) {
      const frame = await this.next()
      if ((frame.type === 'reply' || frame.type === 'error') && frame.replyTo === id) return frame
    }
  }

  close(): void {
    this.ws.close()
  }
}

/** The names of the lieux proposed in a reply. */
export function lieuxNames(frame: ServerFrame): string[] {
  if (frame.type !== 'reply') return []
  return frame.messages.flatMap((m) => (m.type === 'lieux' ? m.lieux.map((l) => l.nom) : []))
}
