import v8 from 'node:v8'
import vm from 'node:vm'
import http from 'node:http'
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, lieuxNames, startChatServer } from './test-support.js'

// Real server, real sockets: `startServer` as `aiguillage serve` runs it, with the web channel, on the fixtures.
let chat: Awaited<ReturnType<typeof startChatServer>>
beforeAll(async () => {
  chat = await startChatServer({
    connectionsPerAddress: 400,
    perAddress: { burst: 2000, perMs: 1 },
    newSessionsPerAddress: { burst: 2000, perMs: 1 },
  })
})
afterAll(async () => {
  await chat.server.close()
})

describe('the web chat over a real websocket', () => {
  it('answers a person with the lieux near Aurillac, through botkit and the same engine as /v1/chat', async () => {
    const { client, ready } = await Client.ready(chat.socketUrl, chat.origin)
    expect(ready.resumed).toBe(false)
    // The fixtures are real files, not the demo dataset: the widget shows no demo banner.
    expect(ready.demo).toBe(false)
    const reply = await client.ask('je voudrais apprendre à utiliser ma tablette, j’habite à Aurillac')
    expect(reply.type).toBe('reply')
    expect(lieuxNames(reply)[0]).toBe('Médiathèque Pierre-Mac-Orlan')
    // The same sentence through the HTTP channel gives the same lieux.
    const http = await fetch(`${chat.server.url}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'je voudrais apprendre à utiliser ma tablette, j’habite à Aurillac' }),
    })
    const body = (await http.json()) as { lieux: { nom: string }[] }
    expect(lieuxNames(reply)).toEqual(body.lieux.map((l) => l.nom))
    client.close()
  })

  it('names the weekday asked about in the reply (« ouvert samedi »), for the cards to show that day’s hours', async () => {
    const { client } = await Client.ready(chat.socketUrl, chat.origin)
    const reply = await client.ask('tablette à Aurillac, ouvert samedi ?')
    expect(reply.type === 'reply' && reply.jour).toBe('Sa')
    const plain = await client.ask('et à Saint-Flour ?')
    expect(plain.type === 'reply' && plain.jour).toBe('Sa')
    client.close()
  })

  it('keeps what was said across turns of one conversation (need, then commune)', async () => {
    const { client } = await Client.ready(chat.socketUrl, chat.origin)
    const first = await client.ask('je voudrais apprendre à me servir de mon smartphone')
    expect(first.type === 'reply' && first.awaiting).toBe('location')
    const second = await client.ask('Saint-Flour')
    expect(lieuxNames(second)[0]).toBe('Espace public numérique de Saint-Flour')
    client.close()
  })

  it('offers homonym communes as choices, and the chosen value searches there', async () => {
    const { client } = await Client.ready(chat.socketUrl, chat.origin)
    const reply = await client.ask('aide pour apprendre l’ordinateur à Sainte-Marie')
    expect(reply.type === 'reply' && reply.awaiting).toBe('commune_choice')
    const choices = reply.type === 'reply' ? reply.messages.flatMap((m) => (m.type === 'choices' ? m.choices : [])) : []
    expect(choices.map((c) => c.label).join(' | ')).toMatch(/Sainte-Marie \(La Réunion\).*Sainte-Marie \(Gers\)/)
    const gers = choices.find((c) => /Gers/.test(c.label))
    const chosen = await client.ask(gers?.value ?? '')
    expect(lieuxNames(chosen)[0]).toBe('Point numérique de Sainte-Marie (Gers)')
    client.close()
  })

  it('a second connection can neither read nor write another conversation', async () => {
    const alice = await Client.ready(chat.socketUrl, chat.origin)
    const mallory = await Client.ready(chat.socketUrl, chat.origin)
    expect(mallory.ready.token).not.toBe(alice.ready.token)
    await alice.client.ask('je voudrais apprendre à utiliser ma tablette')

    // Ids sent by the client are ignored: the server's binding decides the conversation.
    const sessionOfAlice = alice.ready.token.split('.')[0]
    const forged = await mallory.client.ask('Saint-Flour', {
      user: sessionOfAlice,
      conversationId: sessionOfAlice,
      channel: sessionOfAlice,
    })
    expect(forged.type === 'reply' && forged.awaiting).toBe('need') // Mallory's own, empty conversation
    // A token with Alice's session and an invented signature (or an altered expiry) starts a new conversation.
    const parts = alice.ready.token.split('.')
    for (const token of [
      `${parts[0]}.${parts[1]}.${'A'.repeat(43)}`,
      `${parts[0]}.${Number(parts[1]) + 1000}.${parts[2]}`,
      sessionOfAlice,
    ]) {
      const impostor = await Client.ready(chat.socketUrl, chat.origin, token)
      expect(impostor.ready.resumed).toBe(false)
      impostor.client.close()
    }
    // Alice's conversation is intact and only she got her replies.
    const aliceNext = await alice.client.ask('Aurillac')
    expect(lieuxNames(aliceNext)[0]).toBe('Médiathèque Pierre-Mac-Orlan')
    expect(mallory.client.frames.filter((f) => f.type === 'reply')).toEqual([])
    alice.client.close()
    mallory.client.close()
  })

  it('resumes the conversation on a new socket with the token, and delivers a reply produced while away', async () => {
    const first = await Client.ready(chat.socketUrl, chat.origin)
    await first.client.ask('je voudrais apprendre à utiliser ma tablette')
    // The message leaves, then the socket drops before the answer arrives.
    first.client.send({ type: 'message', id: 'perdu', text: 'Aurillac' })
    first.client.ws.terminate()
    // Whether the message reached the server before the cut or not, it is answered once on the new socket.
    const second = await Client.open(chat.socketUrl, chat.origin)
    second.send({ type: 'hello', token: first.ready.token, waiting: ['perdu'] })
    const ready = await second.next('ready')
    expect(ready.resumed).toBe(true)
    if (ready.missing) {
      expect(ready.missing).toEqual(['perdu'])
      second.send({ type: 'message', id: 'perdu', text: 'Aurillac' })
    }
    const late = await second.next('reply')
    expect(late.replyTo).toBe('perdu')
    expect(lieuxNames(late)[0]).toBe('Médiathèque Pierre-Mac-Orlan')
    const more = await second.ask('d’autres ?')
    expect(lieuxNames(more)).not.toContain('Médiathèque Pierre-Mac-Orlan')
    expect(second.frames.filter((f) => f.type === 'reply')).toEqual([])
    second.close()
  })

  it('a message sent twice with the same id (a resend) runs once and gets the same answer again', async () => {
    const { client } = await Client.ready(chat.socketUrl, chat.origin)
    client.send({ type: 'message', id: 'deux-fois', text: 'je voudrais apprendre à utiliser ma tablette' })
    const first = await client.next('reply')
    client.send({ type: 'message', id: 'deux-fois', text: 'je voudrais apprendre à utiliser ma tablette' })
    expect(await client.next('reply')).toEqual(first)
    // The conversation goes on from there.
    expect(lieuxNames(await client.ask('Aurillac'))[0]).toBe('Médiathèque Pierre-Mac-Orlan')
    client.close()
  })

  it('a resumed token takes the conversation over: the old socket is told and closed', async () => {
    const first = await Client.ready(chat.socketUrl, chat.origin)
    const second = await Client.ready(chat.socketUrl, chat.origin, first.ready.token)
    expect(second.ready.resumed).toBe(true)
    expect((await first.client.next('bye')).reason).toBe('replaced')
    expect((await first.client.closed).code).toBe(1000)
    second.client.close()
  })

  it('revokes a resume token once it is renewed: the old one no longer brings the conversation back', async () => {
    const first = await Client.ready(chat.socketUrl, chat.origin)
    await first.client.ask('je voudrais apprendre à utiliser ma tablette')
    first.client.close()
    const second = await Client.ready(chat.socketUrl, chat.origin, first.ready.token)
    expect(second.ready.resumed).toBe(true)
    expect(second.ready.token).not.toBe(first.ready.token)
    second.client.close()
    // Someone who kept the first token (a copied link, a stolen tab) starts an empty conversation.
    const replay = await Client.ready(chat.socketUrl, chat.origin, first.ready.token)
    expect(replay.ready.resumed).toBe(false)
    const answer = await replay.client.ask('Aurillac')
    expect(answer.type === 'reply' && answer.awaiting).toBe('need')
    replay.client.close()
    // The renewed token still works.
    const third = await Client.ready(chat.socketUrl, chat.origin, second.ready.token)
    expect(third.ready.resumed).toBe(true)
    third.client.close()
  })

  it('limits new conversations per address and in all, with a French goodbye, and measures what one costs', async () => {
    const limited = await startChatServer({
      newSessionsPerAddress: { burst: 3, perMs: 60_000 },
      maxSessions: 5,
      trustProxy: 1,
    })
    const from = async (address: string) => {
      const client = await Client.open(limited.socketUrl, limited.origin, { 'x-forwarded-for': address })
      client.send({ type: 'hello' })
      return { client, frame: await client.next() }
    }
    // One address: three new conversations, then « come back in a minute » (a resumed one is not counted).
    const opened = []
    for (let i = 0; i < 3; i++) opened.push(await from('203.0.113.7'))
    expect(opened.map((o) => o.frame.type)).toEqual(['ready', 'ready', 'ready'])
    const fourth = await from('203.0.113.7')
    expect(fourth.frame).toMatchObject({ type: 'bye', reason: 'busy' })
    expect((fourth.frame as { message: string }).message).toMatch(/^Trop de discussions ouvertes/)
    expect((await fourth.client.closed).code).toBe(1013)
    // All addresses: five conversations at most; the sixth is asked to come back.
    opened.push(await from('203.0.113.8'), await from('203.0.113.9'))
    const sixth = await from('203.0.113.10')
    expect(sixth.frame).toMatchObject({ type: 'bye', reason: 'busy' })
    expect((sixth.frame as { message: string }).message).toMatch(/^Beaucoup de personnes discutent/)
    expect(limited.channel.stats().sessions).toBe(5)
    for (const o of opened) o.client.close()
    await limited.server.close()

    // What a conversation costs in memory, opened and left (the flood the cap is for): measured, and small.
    const roomy = await startChatServer({
      newSessionsPerAddress: { burst: 5000, perMs: 1 },
      connectionsPerAddress: 5000,
    })
    // Retained memory, not garbage: a full collection before each reading (gc exposed at run time).
    v8.setFlagsFromString('--expose_gc')
    const gc = vm.runInNewContext('gc') as () => void
    gc()
    const before = process.memoryUsage().heapUsed
    const count = 1000
    for (let batch = 0; batch < count / 100; batch++) {
      const clients = await Promise.all(
        Array.from({ length: 100 }, async () => (await Client.ready(roomy.socketUrl, roomy.origin)).client),
      )
      for (const client of clients) client.close()
      await Promise.all(clients.map((client) => client.closed))
    }
    gc()
    const perSession = (process.memoryUsage().heapUsed - before) / count
    console.info(
      `${roomy.channel.stats().sessions} conversations kept; about ${Math.round(perSession)} bytes of heap each`,
    )
    expect(roomy.channel.stats().sessions).toBe(count)
    expect(perSession).toBeLessThan(20_000)
    await roomy.server.close()
  })

  it('answers a refused upgrade with a French problem+json', async () => {
    for (const [path, origin, status] of [
      ['/ailleurs', chat.origin, 404],
      ['/v1/discussion', 'https://pirate.example', 403],
    ] as const) {
      const response = await new Promise<http.IncomingMessage & { text: string }>((resolve, reject) => {
        const request = http.request(new URL(path, chat.origin), {
          headers: {
            connection: 'Upgrade',
            upgrade: 'websocket',
            origin,
            'sec-websocket-version': '13',
            'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
          },
        })
        request.on('response', (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8')
          })
          res.on('end', () => resolve(Object.assign(res, { text })))
        })
        request.on('error', reject)
        request.end()
      })
      expect(response.statusCode).toBe(status)
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(JSON.parse(response.text)).toMatchObject({ status, instance: path, detail: expect.any(String) })
    }
  })

  it('refuses a page from another site (403) and a request with no Origin, before any websocket exists', async () => {
    await expect(Client.open(chat.socketUrl, 'https://pirate.example')).rejects.toThrow('HTTP 403')
    await expect(Client.open(chat.socketUrl, undefined)).rejects.toThrow('HTTP 403')
    await expect(Client.open(chat.socketUrl.replace('/v1/discussion', '/ailleurs'), chat.origin)).rejects.toThrow(
      'HTTP 404',
    )
  })

  it('accepts a site on the allowlist', async () => {
    const allowed = await startChatServer({ allowedOrigins: ['https://www.mairie-aurillac.example'] })
    const { client, ready } = await Client.ready(allowed.socketUrl, 'https://www.mairie-aurillac.example')
    expect(ready.type).toBe('ready')
    client.close()
    await expect(Client.open(allowed.socketUrl, 'https://mairie-aurillac.example.pirate.example')).rejects.toThrow(
      'HTTP 403',
    )
    await allowed.server.close()
  })

  it('answers malformed frames with a French error naming the field, and keeps serving that socket', async () => {
    const client = await Client.open(chat.socketUrl, chat.origin)
    client.send({ type: 'message', text: 'bonjour' })
    expect(await client.next('error')).toMatchObject({ code: 'not_ready', message: expect.stringMatching(/hello/) })
    client.send({ type: 'hello' })
    await client.next('ready')
    const cases: [unknown, string, string | undefined][] = [
      ['pas du json {', 'malformed', undefined],
      ['[1,2]', 'malformed', undefined],
      [{ type: 'ouvrir' }, 'invalid', 'type'],
      [{ type: 'message' }, 'invalid', 'text'],
      [{ type: 'message', text: 42 }, 'invalid', 'text'],
      [{ type: 'message', text: '   ' }, 'invalid', 'text'],
      [{ type: 'message', text: 'x'.repeat(1001) }, 'invalid', 'text'],
      [{ type: 'message', text: 'Aurillac', position: { latitude: 'nord' } }, 'invalid', 'position'],
      [{ type: 'hello' }, 'invalid', 'type'],
    ]
    for (const [frame, code, field] of cases) {
      client.send(frame)
      const error = await client.next('error')
      expect(error.code).toBe(code)
      expect(error.field).toBe(field)
      expect(error.message).toMatch(/[a-zé]/)
    }
    client.ws.send(Buffer.from([0, 1, 2]), { binary: true })
    expect((await client.next('error')).message).toMatch(/texte JSON/)
    // Still open, still answering.
    expect((await client.ask('je voudrais apprendre à utiliser ma tablette à Aurillac')).type).toBe('reply')
    client.close()
  })

  it('closes a socket that keeps sending bad frames', async () => {
    const client = await Client.open(chat.socketUrl, chat.origin)
    for (let i = 0; i < 25; i++) client.send('{')
    expect((await client.closed).code).toBe(1008)
  })

  it('closes a socket that sends an oversize frame (1009), and the other conversations go on', async () => {
    const bystander = await Client.ready(chat.socketUrl, chat.origin)
    const big = await Client.ready(chat.socketUrl, chat.origin)
    big.client.send({ type: 'message', text: 'a'.repeat(20_000) })
    expect((await big.client.closed).code).toBe(1009)
    expect(lieuxNames(await bystander.client.ask('tablette à Aurillac'))[0]).toBe('Médiathèque Pierre-Mac-Orlan')
    bystander.client.close()
  })

  it('200 concurrent conversations each get their own, correct answer', async () => {
    const towns = [
      ['Aurillac', 'Médiathèque Pierre-Mac-Orlan'],
      ['Saint-Flour', 'Espace public numérique de Saint-Flour'],
    ] as const
    const clients = await Promise.all(Array.from({ length: 200 }, () => Client.ready(chat.socketUrl, chat.origin)))
    expect(new Set(clients.map((c) => c.ready.token)).size).toBe(200)
    // Turn 1 for all at once (the need), then turn 2 (each its town): answers must follow each one's own story.
    const firsts = await Promise.all(
      clients.map(({ client }) => client.ask('je voudrais apprendre à utiliser ma tablette')),
    )
    expect(firsts.every((f) => f.type === 'reply' && f.awaiting === 'location')).toBe(true)
    const seconds = await Promise.all(
      clients.map(({ client }, i) => client.ask((towns[i % 2] as readonly [string, string])[0])),
    )
    seconds.forEach((reply, i) => expect(lieuxNames(reply)[0]).toBe((towns[i % 2] as readonly [string, string])[1]))
    for (const { client } of clients) client.close()
  })
})

describe('limits', () => {
  it('slows down one socket that sends too fast, without closing it', async () => {
    const limited = await startChatServer({ perConnection: { burst: 3, perMs: 60_000 } })
    const { client } = await Client.ready(limited.socketUrl, limited.origin)
    for (let i = 0; i < 3; i++) expect((await client.ask('bonjour')).type).toBe('reply')
    const refused = await client.ask('bonjour')
    expect(refused).toMatchObject({ type: 'error', code: 'rate_limited' })
    // Another socket from the same address is not affected by this socket's limit.
    const other = await Client.ready(limited.socketUrl, limited.origin)
    expect((await other.client.ask('bonjour')).type).toBe('reply')
    client.close()
    other.client.close()
    await limited.server.close()
  })

  it('limits the sockets open at once from one address (429)', async () => {
    const limited = await startChatServer({ connectionsPerAddress: 2 })
    const a = await Client.open(limited.socketUrl, limited.origin)
    const b = await Client.open(limited.socketUrl, limited.origin)
    await expect(Client.open(limited.socketUrl, limited.origin)).rejects.toThrow('HTTP 429')
    a.close()
    await a.closed
    await new Promise((resolve) => setTimeout(resolve, 50))
    const c = await Client.open(limited.socketUrl, limited.origin)
    b.close()
    c.close()
    await limited.server.close()
  })

  it('counts sockets behind a proxy by the address the proxy saw, not by a forged X-Forwarded-For', async () => {
    const limited = await startChatServer({ connectionsPerAddress: 2, trustProxy: 1 })
    const as = (i: number, client = '203.0.113.7') =>
      Client.open(limited.socketUrl, limited.origin, { 'x-forwarded-for': `6.6.6.${i}, ${client}` })
    const a = await as(1)
    const b = await as(2)
    await expect(as(3)).rejects.toThrow('HTTP 429')
    const other = await as(4, '203.0.113.8')
    for (const client of [a, b, other]) client.close()
    await limited.server.close()
  })

  it('cuts a socket that never says hello, one idle too long, and one that stops answering pings', async () => {
    const strict = await startChatServer({ heartbeatMs: 100, helloTimeoutMs: 150, idleTimeoutMs: 400 })
    const silent = await Client.open(strict.socketUrl, strict.origin)
    expect((await silent.closed).code).toBe(1008)
    const idle = await Client.ready(strict.socketUrl, strict.origin)
    expect((await idle.client.next('bye', 3000)).reason).toBe('idle')
    expect((await idle.client.closed).code).toBe(1000)
    const deaf = await Client.ready(strict.socketUrl, strict.origin)
    // A peer that stops answering pings (its pong handler muted) is terminated.
    ;(deaf.client.ws as unknown as { pong: () => void }).pong = () => {}
    deaf.client.ws.removeAllListeners('ping')
    ;(
      deaf.client.ws as unknown as { _receiver: { removeAllListeners: (e: string) => void } }
    )._receiver.removeAllListeners('ping')
    expect((await deaf.client.closed).code).toBe(1006)
    for (let i = 0; i < 50 && strict.channel.stats().sockets > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    expect(strict.channel.stats().sockets).toBe(0)
    await strict.server.close()
    expect(strict.channel.stats().heartbeat).toBe(false)
  })

  it('stopping the server leaves nothing running: the process exits by itself', async () => {
    const script = `
      import { Client, startChatServer } from './test-support.ts'
      const chat = await startChatServer()
      const { client } = await Client.ready(chat.socketUrl, chat.origin)
      await client.ask('tablette à Aurillac')
      await chat.server.close()
      console.log('fermé')
    `
    const child = spawn(
      process.execPath,
      ['--conditions=@aiguillage/source', '--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: path.join(import.meta.dirname),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const { out, exit } = await outputOf(child)
    expect(out).toContain('fermé')
    expect(exit).toBe(0)
  }, 30_000)
})

describe('what libraries print', () => {
  it('with DEBUG=* no library prints what the person wrote (botkit logs every incoming activity)', async () => {
    // A distinctive word and a card number: neither may reach stdout or stderr, even with every debug namespace on.
    const script = `
      import { Client, startChatServer } from './test-support.ts'
      const chat = await startChatServer()
      const { client } = await Client.ready(chat.socketUrl, chat.origin)
      await client.ask('Zorglubette tablette à Aurillac, ma carte 4970 1012 3456 7899')
      await chat.server.close()
      console.log('fermé')
    `
    const child = spawn(
      process.execPath,
      ['--conditions=@aiguillage/source', '--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: path.join(import.meta.dirname),
        env: { ...process.env, DEBUG: '*', DEBUG_COLORS: 'no' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const { out, exit } = await outputOf(child)
    expect(out).toContain('fermé')
    expect(exit).toBe(0)
    expect(out).not.toMatch(/Zorglubette/)
    expect(out.replace(/\D/g, '')).not.toContain('4970101234567899')
  }, 30_000)
})

/** Everything a child process prints, and how it ended (a hang is killed after 20 s and said so). */
async function outputOf(child: ChildProcess): Promise<{ out: string; exit: number | string }> {
  let out = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  const exit = await new Promise<number | string>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve('encore en vie après 20 s')
    }, 20_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(code ?? -1)
    })
  })
  return { out, exit }
}
