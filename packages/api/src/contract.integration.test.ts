import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.js'
import { DatasetStore } from './dataset.js'
import type { RunningServer } from './server.js'
import { memorySharedState, SharedStateUnavailable } from './shared-state.js'
import { demoDataset, MONDAY_10H30, startDemoServer } from './test-support.js'

// The OpenAPI document checked against the server that publishes it, over real sockets: every route is called with
// good and bad requests, and each answer must have a status the document declares for that operation, a declared
// content type, the declared headers, and a body that validates against the declared schema with no undeclared
// property. The validator is Ajv (JSON Schema 2020-12), compiled from the document itself, not the zod schemas.

type OpenApiResponse = {
  $ref?: string
  description?: string
  headers?: Record<string, unknown>
  content?: Record<string, { schema: unknown }>
}
type OpenApiDocument = {
  openapi: string
  paths: Record<string, Record<string, { operationId?: string; responses: Record<string, OpenApiResponse> }>>
  components: { schemas: Record<string, unknown>; responses: Record<string, OpenApiResponse> }
}
type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string }

// ajv-formats is CommonJS: its default export is the plugin, under `default` once more when read from ESM.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin

let server: RunningServer
let limited: RunningServer
let broken: { server: ServerType; port: number }
/** The API while Redis is down: the chat and the readiness answer 503. */
let redisDown: { server: ServerType; port: number }
let document: OpenApiDocument
let ajv: Ajv2020

beforeAll(async () => {
  server = await startDemoServer({ api: { responseCacheEntries: 0 } })
  limited = await startDemoServer({ api: { rateLimit: { limit: 1, windowSeconds: 60 } } })
  // An assistant that fails: the 500 the server answers for a bug.
  const app = createApp({
    store: new DatasetStore(await demoDataset()),
    logger: pino({ level: 'silent' }),
    now: () => MONDAY_10H30,
    config: { rateLimit: null },
    engine: () => {
      throw new Error('panne simulée')
    },
  })
  await new Promise<void>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      broken = { server: s, port: (s.address() as AddressInfo).port }
      resolve()
    })
  })
  const down = async (): Promise<never> => {
    throw new SharedStateUnavailable(new Error('Connection is closed.'))
  }
  const withoutRedis = createApp({
    store: new DatasetStore(await demoDataset()),
    logger: pino({ level: 'silent' }),
    now: () => MONDAY_10H30,
    config: { rateLimit: null },
    shared: {
      ...memorySharedState(() => MONDAY_10H30),
      kind: 'redis',
      conversations: { get: down, set: down, delete: down },
      ping: async () => false,
    },
  })
  await new Promise<void>((resolve) => {
    const s = serve({ fetch: withoutRedis.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      redisDown = { server: s, port: (s.address() as AddressInfo).port }
      resolve()
    })
  })
  document = JSON.parse((await send(server.port, 'GET', '/openapi.json')).text) as OpenApiDocument
  ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
  addFormats(ajv)
  ajv.addSchema(document, 'openapi.json')
})
afterAll(async () => {
  await Promise.all([server.close(), limited.close()])
  await new Promise((resolve) => broken.server.close(resolve))
  await new Promise((resolve) => redisDown.server.close(resolve))
})

/** One request with node:http (it reads an answer sent before the whole body, and sends any header). */
function send(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers }
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body))
    const req = http.request({ host: '127.0.0.1', port, method, path, agent: false, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    let answered = false
    req.on('response', () => (answered = true))
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    req.end(options.body)
  })
}

/** Bytes sent as they are (a request node's parser refuses), the answer read back from the socket. */
function sendRaw(port: number, bytes: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes))
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head = '', ...rest] = text.split('\r\n\r\n')
      const headers: http.IncomingHttpHeaders = {}
      for (const line of head.split('\r\n').slice(1)) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), headers, text: rest.join('\r\n\r\n') })
    })
  })
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')
const validators = new Map<string, ValidateFunction>()
function validatorAt(location: string): ValidateFunction {
  let validate = validators.get(location)
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi.json#/${location}` })
    validators.set(location, validate)
  }
  return validate
}

/** The document's path template an actual path falls under. */
function templateOf(path: string): string | undefined {
  const pathname = path.split('?')[0] as string
  return Object.keys(document.paths).find((template) =>
    new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname),
  )
}

type Check = { label: string; method: string; path: string; answer: Answer }
const checked: { label: string; operation: string; status: number }[] = []

/** What is wrong with an answer according to the document (nothing: an empty list). */
function conformance({ label, method, path, answer }: Check): string[] {
  const where = `${label} — ${method} ${path.slice(0, 80)} → ${answer.status}`
  const template = templateOf(path)
  // A wrong method has no operation of its own: its 405 is the one declared by the operation `Allow` names.
  const allowed = answer.status === 405 ? String(answer.headers.allow ?? '') : method
  const operation = template ? document.paths[template]?.[allowed.toLowerCase()] : undefined
  if (!template || !operation) return [`${where}: no operation in the document`]
  checked.push({ label, operation: `${allowed} ${template}`, status: answer.status })
  const declared = operation.responses[String(answer.status)]
  if (!declared)
    return [`${where}: status ${answer.status} not declared (declared: ${Object.keys(operation.responses).join(', ')})`]
  let location = pointer('paths', template, allowed.toLowerCase(), 'responses', String(answer.status))
  let response = declared
  if (declared.$ref) {
    const name = declared.$ref.replace('#/components/responses/', '')
    response = document.components.responses[name] as OpenApiResponse
    location = pointer('components', 'responses', name)
  }
  const failures: string[] = []
  for (const [header, declared] of Object.entries(response.headers ?? {}))
    if ((declared as { required?: boolean }).required && answer.headers[header.toLowerCase()] === undefined)
      failures.push(`${where}: required header ${header} missing`)
  const mediaType = String(answer.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
  const content = mediaType ? response.content?.[mediaType] : undefined
  if (!content) return [...failures, `${where}: content type « ${mediaType} » not declared`]
  let body: unknown = answer.text
  if (/json$/.test(mediaType as string)) {
    try {
      body = JSON.parse(answer.text)
    } catch {
      return [...failures, `${where}: body is not JSON`]
    }
  }
  const validate = validatorAt(`${location}/${pointer('content', mediaType as string, 'schema')}`)
  if (!validate(body))
    for (const error of validate.errors ?? [])
      failures.push(
        `${where}: ${error.instancePath || '(body)'} ${error.message}${
          error.keyword === 'additionalProperties'
            ? ` « ${(error.params as { additionalProperty: string }).additionalProperty} »`
            : ''
        }`,
      )
  return failures
}

const json = { 'content-type': 'application/json' }

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with servers, tags and an operationId on every operation', () => {
    expect(document.openapi).toBe('3.1.0')
    const operations = Object.values(document.paths).flatMap((operations) => Object.values(operations))
    expect(operations.length).toBe(13)
    for (const operation of operations) {
      expect(operation.operationId).toBeTruthy()
      expect(operation.responses).toHaveProperty('405')
      expect(operation.responses).toHaveProperty('413')
    }
  })

  it('closes every object schema: no property can go undocumented', () => {
    const open: string[] = []
    const walk = (schema: unknown, at: string) => {
      if (!schema || typeof schema !== 'object') return
      const s = schema as Record<string, unknown>
      if (s.type === 'object' && s.properties && s.additionalProperties !== false) open.push(at)
      if (JSON.stringify(s).includes('"nullable"') && !('type' in s && Array.isArray(s.type))) {
        if ('nullable' in s) open.push(`${at} (nullable without a type array)`)
      }
      for (const [key, value] of Object.entries(s)) if (typeof value === 'object') walk(value, `${at}/${key}`)
    }
    for (const [name, schema] of Object.entries(document.components.schemas)) walk(schema, name)
    expect(open).toEqual([])
  })
})

describe('every answer of the server conforms to the document', () => {
  it('good and bad requests on every route, real sockets', async () => {
    const port = server.port
    const checks: Check[] = []
    const call = async (label: string, method: string, path: string, options?: Parameters<typeof send>[3], to = port) =>
      checks.push({ label, method, path, answer: await send(to, method, path, options) })

    // /v1/lieux: a commune, a postcode, a point, filters, ouvert_le, relaxation, paging.
    const lieux = [
      ['commune', '/v1/lieux?commune=Gu%C3%A9ret'],
      ['INSEE code', '/v1/lieux?commune=23096&limit=3'],
      ['postcode of several communes', '/v1/lieux?code_postal=23000'],
      ['point', '/v1/lieux?latitude=46.17&longitude=1.87&rayon_km=20'],
      [
        'filters',
        '/v1/lieux?commune=Gu%C3%A9ret&services=Aide%20aux%20d%C3%A9marches%20administratives&frais_a_charge=Gratuit&prise_rdv=false',
      ],
      ['ouvert_le weekday', '/v1/lieux?commune=Gu%C3%A9ret&ouvert_le=samedi'],
      ['ouvert_le instant', '/v1/lieux?commune=Aurillac&ouvert_le=2026-11-24T10:00:00%2B01:00'],
      ['ouvert_maintenant', '/v1/lieux?commune=Toulouse&ouvert_maintenant=true'],
      ['relaxation: nothing open on Sunday', '/v1/lieux?commune=Gu%C3%A9ret&ouvert_le=dimanche'],
      ['relaxation: radius', '/v1/lieux?commune=Nice&rayon_km=5'],
      ['relaxation: filter', '/v1/lieux?commune=Gu%C3%A9ret&prise_en_charge_specifique=Handicaps%20moteurs'],
      ['relaxation: name', '/v1/lieux?commune=Gu%C3%A9ret&q=introuvable'],
      ['no relaxation', '/v1/lieux?commune=Gu%C3%A9ret&ouvert_le=dimanche&elargir=false'],
      ['paging', '/v1/lieux?commune=Gu%C3%A9ret&limit=2&offset=2'],
      ['paging past the end', '/v1/lieux?commune=Gu%C3%A9ret&offset=500'],
      ['Paris arrondissement', '/v1/lieux?commune=Paris%2018e'],
    ]
    for (const [label, path] of lieux) await call(label as string, 'GET', path as string)
    // Bad ones.
    for (const [label, path] of [
      ['unknown parameter', '/v1/lieux?commune=Gu%C3%A9ret&service=x'],
      ['no reference', '/v1/lieux'],
      ['two references', '/v1/lieux?commune=Gu%C3%A9ret&code_postal=23000'],
      ['latitude alone', '/v1/lieux?latitude=46'],
      ['unknown commune', '/v1/lieux?commune=Zzzzyx'],
      ['ambiguous commune (candidats)', '/v1/lieux?commune=Saint-Denis'],
      ['unknown postcode', '/v1/lieux?code_postal=00000'],
      ['bad vocabulary value', '/v1/lieux?commune=Gu%C3%A9ret&services=nimporte'],
      ['bad number', '/v1/lieux?commune=Gu%C3%A9ret&limit=abc'],
      ['bad date', '/v1/lieux?commune=Gu%C3%A9ret&ouvert_le=demain'],
    ])
      await call(label as string, 'GET', path as string)

    // Fiche, CSV, communes, health.
    await call('fiche', 'GET', '/v1/lieux/demo-gueret-fs')
    await call('fiche without hours', 'GET', '/v1/lieux/demo-gueret-mediatheque')
    await call('unknown id', 'GET', '/v1/lieux/inconnu')
    await call('over-long id', 'GET', `/v1/lieux/${'a'.repeat(301)}`)
    await call('CSV near a commune', 'GET', '/v1/lieux.csv?code_postal=23000&rayon_km=30')
    await call('CSV of everything', 'GET', '/v1/lieux.csv')
    await call('CSV bad parameter', 'GET', '/v1/lieux.csv?limit=0')
    await call('communes', 'GET', '/v1/communes?q=gueret')
    await call('communes typed', 'GET', '/v1/communes?q=gue&limit=5')
    await call('communes homonyms', 'GET', '/v1/communes?q=Saint-Denis')
    await call('communes département', 'GET', '/v1/communes?q=Valence%2026')
    await call('communes postcode', 'GET', '/v1/communes?q=75018')
    await call('communes missing q', 'GET', '/v1/communes')
    await call('healthz', 'GET', '/healthz')
    await call('OpenAPI document', 'GET', '/openapi.json')
    await call('reference page', 'GET', '/docs')
    // Sharing a lieu: its page (HTML) and the texts to send.
    await call('page of a lieu', 'GET', '/lieux/demo-gueret-fs')
    await call('page of a lieu without hours', 'GET', '/lieux/demo-gueret-mediatheque')
    await call('page of an unknown lieu', 'GET', '/lieux/inconnu')
    await call('page of an unknown lieu, for a browser', 'GET', '/lieux/inconnu', { headers: { accept: 'text/html' } })
    await call('page, over-long id', 'GET', `/lieux/${'a'.repeat(301)}`)
    await call('share texts', 'GET', '/v1/lieux/demo-gueret-fs/partage')
    await call('share texts without hours', 'GET', '/v1/lieux/demo-gueret-mediatheque/partage')
    await call('share texts, unknown id', 'GET', '/v1/lieux/inconnu/partage')
    await call('share texts, over-long id', 'GET', `/v1/lieux/${'a'.repeat(301)}/partage`)
    // The coverage of the territory: figures, CSV, suggestions, and its page.
    await call('coverage of a département', 'GET', '/v1/couverture?departement=23&sites=2&site=23096')
    await call('coverage of France Services', 'GET', '/v1/couverture?dispositif_programmes_nationaux=France%20Services')
    await call('coverage CSV', 'GET', '/v1/couverture?departement=23&format=csv')
    await call('coverage bad département', 'GET', '/v1/couverture?departement=xyz')
    await call('coverage sites without an area', 'GET', '/v1/couverture?sites=2')
    await call('coverage page', 'GET', '/couverture?departement=23')
    await call('coverage page, bad parameter', 'GET', '/couverture?sites=99')

    // Chat: turns with text, lieux and choices messages.
    const turn = async (label: string, body: unknown) => {
      const answer = await send(port, 'POST', '/v1/chat', { headers: json, body: JSON.stringify(body) })
      checks.push({ label, method: 'POST', path: '/v1/chat', answer })
      return answer.status === 200
        ? (JSON.parse(answer.text) as { conversationId: string; messages: { type: string }[] })
        : undefined
    }
    const kinds = new Set<string>()
    for (const texts of [
      ['bonjour', 'je n’arrive pas à faire ma déclaration CAF', 'Guéret', 'leur numéro ?', 'et samedi ?', 'd’autres'],
      ['je cherche de l’aide pour internet à Saint-Denis', '1'],
      ['j’habite Guéret, c’est pour ma mère, elle ne sait pas se servir de son téléphone', 'c’est payant ?'],
      ['I need help with my tax return in Toulouse'],
      ['c’est quoi le pass numérique ?'],
      ['un conseiller m’a demandé mon code reçu par SMS', 'Aurillac'],
    ]) {
      let conversationId: string | undefined
      for (const text of texts) {
        const reply = await turn(`chat « ${text} »`, { text, ...(conversationId ? { conversationId } : {}) })
        conversationId = reply?.conversationId
        for (const message of reply?.messages ?? []) kinds.add(message.type)
      }
    }
    await turn('chat with a position', { text: 'un lieu près de moi', position: { latitude: 46.17, longitude: 1.87 } })
    expect([...kinds].sort()).toEqual(['choices', 'lieux', 'text'])
    await call('chat empty text', 'POST', '/v1/chat', { headers: json, body: JSON.stringify({ text: '' }) })
    await call('chat unknown field', 'POST', '/v1/chat', { headers: json, body: JSON.stringify({ text: 'a', x: 1 }) })
    await call('chat invalid JSON', 'POST', '/v1/chat', { headers: json, body: '{"text":' })
    await call('chat not JSON (415)', 'POST', '/v1/chat', {
      headers: { 'content-type': 'text/plain' },
      body: 'bonjour',
    })

    // Wrong methods (405 with Allow), bodies too large (413), headers too large (431), unreadable requests (400).
    await call('DELETE lieux', 'DELETE', '/v1/lieux')
    await call('POST fiche', 'POST', '/v1/lieux/demo-gueret-fs', { body: '' })
    await call('PUT csv', 'PUT', '/v1/lieux.csv', { body: '' })
    await call('POST communes', 'POST', '/v1/communes', { body: '' })
    await call('GET chat', 'GET', '/v1/chat')
    await call('POST healthz', 'POST', '/healthz', { body: '' })
    await call('POST readyz', 'POST', '/readyz', { body: '' })
    await call('POST openapi.json', 'POST', '/openapi.json', { body: '' })
    await call('DELETE docs', 'DELETE', '/docs')
    await call('POST page of a lieu', 'POST', '/lieux/demo-gueret-fs', { body: '' })
    await call('PUT share texts', 'PUT', '/v1/lieux/demo-gueret-fs/partage', { body: '' })
    await call('POST coverage', 'POST', '/v1/couverture', { body: '' })
    await call('POST coverage page', 'POST', '/couverture', { body: '' })
    const big = 'x'.repeat(20 * 1024)
    await call('chat body too large', 'POST', '/v1/chat', { headers: json, body: JSON.stringify({ text: big }) })
    for (const path of [
      '/v1/lieux?commune=Gu%C3%A9ret',
      '/v1/lieux/demo-gueret-fs',
      '/v1/lieux.csv',
      '/v1/communes?q=a',
      '/healthz',
      '/readyz',
      '/openapi.json',
      '/docs',
      '/lieux/demo-gueret-fs',
      '/v1/lieux/demo-gueret-fs/partage',
      '/v1/couverture?departement=23',
      '/couverture?departement=23',
    ])
      await call(`body too large on ${path}`, 'GET', path, { headers: { 'content-type': 'text/plain' }, body: big })
    const everyRoute = [
      ['GET', '/v1/lieux?commune=Gu%C3%A9ret'],
      ['GET', '/v1/lieux/demo-gueret-fs'],
      ['GET', '/v1/lieux.csv'],
      ['GET', '/v1/communes?q=gueret'],
      ['POST', '/v1/chat'],
      ['GET', '/healthz'],
      ['GET', '/readyz'],
      ['GET', '/openapi.json'],
      ['GET', '/docs'],
      ['GET', '/lieux/demo-gueret-fs'],
      ['GET', '/v1/lieux/demo-gueret-fs/partage'],
      ['GET', '/v1/couverture?departement=23'],
      ['GET', '/couverture?departement=23'],
    ] as const
    for (const [method, path] of everyRoute) {
      await call('address too long', method, `${path}${path.includes('?') ? '&' : '?'}q=${'a'.repeat(5000)}`)
      await call('headers too large', method, path, { headers: { 'x-grand': big } })
      checks.push({
        label: 'unreadable request',
        method,
        path,
        answer: await sendRaw(port, `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nMauvais en-tête\r\n\r\n`),
      })
    }

    // Bounded costs: too many values in one filter, and the CSV export in pages (Link to the next one).
    await call(
      'too many values',
      'GET',
      `/v1/lieux?commune=gueret&typologie=${Array.from({ length: 30 }, (_, i) => `T${i}`).join('|')}`,
    )
    await call('export page', 'GET', '/v1/lieux.csv?limit=5')
    expect(checks.at(-1)?.answer.headers.link).toBe('</v1/lieux.csv?limit=5&offset=5>; rel="next"')
    expect(checks.at(-2)?.answer.status).toBe(400)

    // The rate limit (1 request a minute here): after a first call, each route is refused with Retry-After.
    await call('first call under the rate limit', 'GET', '/v1/lieux/inconnu', {}, limited.port)
    for (const [method, path, body] of [
      ['GET', '/v1/lieux?commune=Gu%C3%A9ret'],
      ['GET', '/v1/lieux/demo-gueret-fs'],
      ['GET', '/v1/lieux/demo-gueret-fs/partage'],
      ['GET', '/v1/lieux.csv'],
      ['GET', '/v1/communes?q=gueret'],
      ['GET', '/v1/couverture?departement=23'],
      ['POST', '/v1/chat', JSON.stringify({ text: 'bonjour' })],
    ] as const) {
      const options = body ? { headers: json, body } : {}
      const answer = await send(limited.port, method, path, options)
      checks.push({ label: 'rate limit', method, path, answer })
    }
    // A bug: the 500 problem.
    await call(
      'internal error',
      'POST',
      '/v1/chat',
      { headers: json, body: JSON.stringify({ text: 'bonjour' }) },
      broken.port,
    )

    // Redis down: the chat refuses (503, never a local copy), readiness says so; ready otherwise.
    await call(
      'chat while Redis is down',
      'POST',
      '/v1/chat',
      { headers: json, body: JSON.stringify({ text: 'bonjour' }) },
      redisDown.port,
    )
    expect(checks.at(-1)?.answer.status).toBe(503)
    await call('readiness while Redis is down', 'GET', '/readyz', {}, redisDown.port)
    expect(checks.at(-1)?.answer.status).toBe(503)
    await call('readiness', 'GET', '/readyz')
    expect(checks.at(-1)?.answer.status).toBe(200)

    // The interesting shapes were met: each kind of widening, the other communes of a postcode, homonyms.
    const bodies = checks.filter((c) => c.answer.status < 500 && /json/.test(String(c.answer.headers['content-type'])))
    const texts = bodies.map((c) => c.answer.text).join('\n')
    const shapes = [
      '"critere":"ouvert_le"',
      '"critere":"q"',
      '"critere":"rayon_km"',
      '"critere":"prise_en_charge_specifique"',
      '"autres_communes":[{',
      '"candidats":[{',
      '"type":"choices"',
      '"type":"lieux"',
    ]
    expect(shapes.filter((shape) => !texts.includes(shape))).toEqual([])

    const failures = checks.flatMap(conformance)
    expect(failures).toEqual([])
    expect(checks.length).toBeGreaterThan(80)

    // The check itself catches an undeclared property, a missing one and an undeclared status.
    const fiche = checks.find((check) => check.label === 'fiche') as Check
    const body = JSON.parse(fiche.answer.text) as Record<string, unknown>
    const altered = (text: string, status = 200): Check => ({ ...fiche, answer: { ...fiche.answer, status, text } })
    expect(conformance(altered(JSON.stringify({ ...body, non_documente: 1 })))).toEqual([
      expect.stringMatching(/must NOT have additional properties « non_documente »/),
    ])
    expect(conformance(altered(JSON.stringify({ ...body, nom: undefined })))).toEqual([
      expect.stringMatching(/must have required property 'nom'/),
    ])
    expect(conformance(altered(fiche.answer.text, 418))).toEqual([expect.stringMatching(/status 418 not declared/)])

    // Every status each operation declares was seen, but those the suite cannot cause: 408 (minutes of waiting for a
    // slow request) and 500 on a route other than the chat (no way to break it from outside).
    const seen = new Set(checked.map(({ operation, status }) => `${operation} ${status}`))
    const unseen = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.keys(operation.responses)
          .map((status) => `${method.toUpperCase()} ${template} ${status}`)
          .filter((key) => !seen.has(key) && !/ 408$/.test(key) && !/^(?!POST \/v1\/chat ).* 500$/.test(key)),
      ),
    )
    expect(unseen).toEqual([])
  })
})
