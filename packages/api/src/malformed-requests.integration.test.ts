import http from 'node:http'
import net from 'node:net'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './server.js'
import { startDemoServer } from './test-support.js'

// Over a real socket: five thousand generated malformed requests (wrong types, huge values, injection strings,
// unknown parameters, invalid UTF-8, wrong methods, oversized bodies) each get a 4xx problem+json, never a 5xx.

let server: RunningServer
beforeAll(async () => {
  // No limit of requests in flight: each request must reach the parameter it is about, not a 429.
  server = await startDemoServer({ api: { concurrencyPerClient: null } })
})
afterAll(() => server.close())

function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const injections = [
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '"; DROP TABLE lieux;--',
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '\u0000',
  '%00',
  '%FF',
  '%C3%28',
  '%ED%A0%80',
  '🙂'.repeat(40),
  'é'.repeat(300),
  '9'.repeat(400),
  '[]',
  '{}',
  'null',
  '__proto__',
]
const notNumbers = ['abc', '1e309', 'NaN', 'Infinity', '', '1,5', '0x10', '١٢', ' ', '--1', ...injections]
const notBooleans = ['peut-être', '2', 'yes', '', 'TRUE!', ...injections]
const notDates = [
  'demain matin',
  '2026-13-01',
  '2026-02-30',
  '23/11/2026',
  '2026-11-23T25:00:00Z',
  '2026-11-23T10:00:00',
  'lundi prochain',
  ...injections,
]
const vocabularyFields = [
  'services',
  'frais_a_charge',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'itinerance',
  'modalites_acces',
  'modalites_accompagnement',
  'dispositif_programmes_nationaux',
  'formations_labels',
]
const unknownNames = [
  'service',
  'frais',
  'commune2',
  'constructor',
  'toString',
  'a'.repeat(300),
  'lat',
  'lon',
  'lng',
  'radius',
  'page',
  'size',
  'q[]',
  '%FF',
]

/** Each request carries at least one certainly invalid element. */
function generateRequests(): { method: string; path: string; body?: string }[] {
  const next = random(2026)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T
  const enc = (value: string) => (/%[0-9A-F]{2}/.test(value) ? value : encodeURIComponent(value))
  const requests: { method: string; path: string; body?: string }[] = []
  const near = 'commune=gueret'
  for (const value of notNumbers)
    for (const name of ['latitude', 'longitude', 'rayon_km', 'limit', 'offset'])
      requests.push({
        method: 'GET',
        path: `/v1/lieux?${name === 'latitude' || name === 'longitude' ? `latitude=${enc(value)}&longitude=2` : `${near}&${name}=${enc(value)}`}`,
      })
  for (const value of ['0', '101', '2.5', '-3', '1000000'])
    requests.push({ method: 'GET', path: `/v1/lieux?${near}&limit=${value}` })
  for (const value of notBooleans)
    for (const name of ['ouvert_maintenant', 'elargir', 'prise_rdv', 'fiche_acces_libre'])
      requests.push({ method: 'GET', path: `/v1/lieux?${near}&${name}=${enc(value)}` })
  for (const value of notDates) requests.push({ method: 'GET', path: `/v1/lieux?${near}&ouvert_le=${enc(value)}` })
  for (const field of vocabularyFields)
    for (const value of ['Cuisine', 'gratuitement', ...injections])
      requests.push({ method: 'GET', path: `/v1/lieux?${near}&${field}=${enc(value)}` })
  for (const name of unknownNames) requests.push({ method: 'GET', path: `/v1/lieux?${near}&${enc(name)}=1` })
  for (const value of injections) {
    requests.push({ method: 'GET', path: `/v1/lieux?commune=${enc(value)}` })
    requests.push({ method: 'GET', path: `/v1/lieux?code_postal=${enc(value)}` })
    requests.push({ method: 'GET', path: `/v1/lieux/${enc(value)}` })
    requests.push({ method: 'GET', path: `/v1/lieux.csv?${near}&services=${enc(value)}` })
    requests.push({ method: 'GET', path: `/v1/communes?q=${enc(value)}&limit=${enc(value)}` })
  }
  requests.push(
    { method: 'GET', path: '/v1/communes' },
    { method: 'GET', path: `/v1/communes?q=${'x'.repeat(201)}` },
    { method: 'GET', path: '/v1/lieux' },
  )
  for (const path of ['/v1/lieux', '/v1/lieux.csv', '/v1/lieux/demo-gueret-fs', '/v1/communes?q=a', '/healthz'])
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'])
      requests.push({ method, path }, { method, path, body: 'x'.repeat(1024 * 1024) })
  // Costly on purpose: too many values in one filter, addresses past the limit (the red team's 14 KB one).
  for (const count of [21, 100, 2000])
    requests.push({
      method: 'GET',
      path: `/v1/lieux?${near}&typologie=${Array.from({ length: count }, (_, i) => `T${i}`).join('|')}`,
    })
  for (const length of [4097, 8000, 14_000])
    requests.push({ method: 'GET', path: `/v1/lieux?${near}&q=${'a'.repeat(length)}` })
  // Fill up to five thousand with random combinations of several bad parameters.
  while (requests.length < 5000) {
    const parts = [near, `${pick(['rayon_km', 'limit', 'offset'])}=${enc(pick(notNumbers))}`]
    if (next() < 0.5) parts.push(`${pick(vocabularyFields)}=${enc(pick(injections))}`)
    if (next() < 0.5) parts.push(`${enc(pick(unknownNames))}=${enc(pick(injections))}`)
    if (next() < 0.3) parts.push(`ouvert_le=${enc(pick(notDates))}`)
    requests.push({ method: 'GET', path: `${pick(['/v1/lieux', '/v1/lieux.csv'])}?${parts.join('&')}` })
  }
  return requests
}

/**
 * One request with node:http, which, unlike fetch, reads a response that comes before the whole body was sent
 * (a 413 answered as soon as Content-Length is too large).
 */
function request(
  port: number,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: body ? { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) } : {},
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    let answered = false
    req.on('response', () => {
      answered = true
    })
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    req.end(body)
  })
}

/** A raw HTTP request, so that bytes that are not UTF-8 can be sent as they are. */
function rawRequest(port: number, requestLine: Buffer): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end(Buffer.concat([requestLine, Buffer.from('\r\nHost: localhost\r\nConnection: close\r\n\r\n')]))
    })
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head = '', body = ''] = text.split('\r\n\r\n')
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]),
        type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
        body,
      })
    })
  })
}

describe('malformed requests (real server)', () => {
  it('five thousand generated requests all get a 4xx problem+json with a French detail, never a 5xx', async () => {
    const requests = generateRequests()
    expect(requests.length).toBeGreaterThanOrEqual(5000)
    const failures: string[] = []
    for (let i = 0; i < requests.length; i += 25) {
      await Promise.all(
        requests.slice(i, i + 25).map(async ({ method, path, body }) => {
          const response = await request(server.port, method, path, body).catch((error: Error) => ({
            status: 0,
            type: '',
            text: error.message,
          }))
          const { text, type } = response
          let problem: { status?: number; detail?: string } = {}
          try {
            problem = JSON.parse(text)
          } catch {
            // reported below
          }
          if (
            response.status < 400 ||
            response.status >= 500 ||
            !type.startsWith('application/problem+json') ||
            problem.status !== response.status ||
            !problem.detail
          )
            failures.push(`${method} ${path.slice(0, 120)} → ${response.status} ${type} ${text.slice(0, 120)}`)
        }),
      )
    }
    expect(failures).toEqual([])
  })

  it('invalid UTF-8 bytes sent raw in the path or the query get a 4xx problem+json', async () => {
    const lines = [
      Buffer.concat([Buffer.from('GET /v1/lieux?commune='), Buffer.from([0xff, 0xfe]), Buffer.from(' HTTP/1.1')]),
      Buffer.concat([Buffer.from('GET /v1/lieux/'), Buffer.from([0xc3, 0x28]), Buffer.from(' HTTP/1.1')]),
      Buffer.concat([
        Buffer.from('GET /v1/lieux?commune=gueret&services='),
        Buffer.from([0xe9]),
        Buffer.from(' HTTP/1.1'),
      ]),
    ]
    for (const line of lines) {
      const response = await rawRequest(server.port, line)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      if (response.type) expect(response.type).toMatch(/^application\/problem\+json/)
    }
  })
})

describe('oversized bodies (real server)', () => {
  it('POST /v1/chat with a body of 500 KB or more gets a 413 problem+json 20 times in a row, never a reset', async () => {
    const body = JSON.stringify({ message: 'x'.repeat(600 * 1024) })
    const answers: string[] = []
    for (let i = 0; i < 20; i++) {
      // fetch (undici) is the client that used to see its connection reset: it keeps sending while the 413 comes back.
      const response = await fetch(`${server.url}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).catch((error: Error) => error)
      if (response instanceof Error) {
        answers.push(`erreur ${response.message} ${(response.cause as Error | undefined)?.message ?? ''}`)
        continue
      }
      const problem = (await response.json()) as { status: number; detail: string }
      answers.push(`${response.status} ${response.headers.get('content-type')} ${problem.status}`)
      expect(problem.detail).toMatch(/dépasse \d+ octets/)
    }
    expect(answers).toEqual(Array(20).fill('413 application/problem+json; charset=utf-8 413'))
    for (let i = 0; i < 5; i++) {
      const response = await request(server.port, 'POST', '/v1/chat', 'x'.repeat(500 * 1024))
      expect(response.status).toBe(413)
      expect(response.type).toMatch(/^application\/problem\+json/)
    }
  })
})

describe('raw UTF-8 in the request line (real server)', () => {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = []
  let logged: RunningServer
  beforeAll(async () => {
    logged = await startDemoServer({
      logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }),
    })
  })
  afterAll(() => logged.close())

  /** Sends the bytes without closing our side (as curl does, keep-alive): the server must answer and close. */
  const send = (bytes: Buffer) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const socket = net.connect(logged.port, '127.0.0.1', () => socket.write(bytes))
      const chunks: Buffer[] = []
      socket.on('data', (chunk) => chunks.push(chunk))
      socket.on('error', reject)
      socket.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const head = text.slice(0, text.indexOf('\r\n\r\n'))
        resolve({
          status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]),
          type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
          body: text.slice(text.indexOf('\r\n\r\n') + 4),
        })
      })
    })
  const get = (target: Buffer | string, close = false) =>
    send(
      Buffer.concat([
        Buffer.from('GET '),
        Buffer.from(target),
        Buffer.from(' HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n'),
        Buffer.from(close ? 'Connection: close\r\n\r\n' : '\r\n'),
      ]),
    )
  const ids = (body: string) => (JSON.parse(body) as { lieux: { id: string }[] }).lieux.map((r) => r.id)

  it('reads GET /v1/lieux?commune=Guéret sent as raw UTF-8 bytes (the README’s curl) like commune=Gu%C3%A9ret', async () => {
    const encoded = await get('/v1/lieux?commune=Gu%C3%A9ret', true)
    const raw = await get(Buffer.from('/v1/lieux?commune=Guéret', 'utf8'))
    expect(encoded.status).toBe(200)
    expect(raw.status).toBe(200)
    expect(raw.type).toMatch(/^application\/json/)
    expect(ids(raw.body)).toEqual(ids(encoded.body))
    expect(ids(raw.body).length).toBeGreaterThan(0)
    // Raw UTF-8 in the path too: an unknown lieu is a 404 problem, not node's empty 400.
    const path = await get(Buffer.from('/v1/lieux/lieu-inconnu-é', 'utf8'))
    expect(path.status).toBe(404)
    expect(path.type).toMatch(/^application\/problem\+json/)
    // Logged as any request: one line, its route, no query string.
    const requests = lines.filter((line) => line.msg === 'requête' && line.route === '/v1/lieux')
    expect(requests.length).toBeGreaterThanOrEqual(2)
    expect(JSON.stringify(lines)).not.toContain('Gu')
  })

  it('answers bytes that are not UTF-8 with a French 400 problem+json, logged once at warn without the bytes', async () => {
    lines.length = 0
    const response = await get(
      Buffer.concat([Buffer.from('/v1/lieux?commune=Gu'), Buffer.from([0xe9]), Buffer.from('ret')]),
    )
    expect(response.status).toBe(400)
    expect(response.type).toMatch(/^application\/problem\+json/)
    const problem = JSON.parse(response.body) as { status: number; detail: string; type: string }
    expect(problem).toMatchObject({ status: 400, type: 'urn:aiguillage:probleme:parametre-invalide' })
    expect(problem.detail).toMatch(/encodez-la en UTF-8/)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 40, code: 'HPE_INVALID_URL', status: 400 })
    expect(JSON.stringify(lines)).not.toContain('ret')
  })

  it('logs an upload the client aborts at info, never as an internal error', async () => {
    lines.length = 0
    const socket = net.connect(logged.port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write(
      'POST /v1/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{"text":"bonjo',
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    socket.destroy()
    for (let i = 0; i < 50 && !lines.some((line) => line.msg === 'requête'); i++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    expect(lines.filter((line) => line.level >= 50)).toEqual([])
    expect(lines.find((line) => line.msg === 'requête')).toMatchObject({ method: 'POST', status: 400 })
    expect(lines.some((line) => line.msg === 'requête interrompue par le client' && line.level === 30)).toBe(true)
  })
})
