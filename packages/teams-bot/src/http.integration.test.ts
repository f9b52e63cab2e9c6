import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { type RunningServer, startServer } from '@aiguillage/api'
import { runningClock } from '@aiguillage/api/test-support'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { teamsChannel } from './channel.js'
import { teamsConfigFromEnv } from './config.js'
import { cardsOf, cardTitle, cardText, fixtures, type Json } from './test-support.js'

// The real server (startServer, as `aiguillage serve` runs it), Bot Framework activities over real HTTP. Microsoft's
// token service cannot be reached here: the credentials test checks only that a request without a valid token is refused.
const activity = (extra: Record<string, unknown> = {}) => ({
  type: 'message',
  id: `a${Math.random()}`,
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:operatrice', name: 'Opératrice' },
  recipient: { id: '28:aiguillage', name: 'Aiguillage' },
  conversation: { id: 'a:conversation-http', conversationType: 'personal' },
  locale: 'fr-FR',
  deliveryMode: 'expectReplies',
  ...extra,
})

async function serve(
  config: Parameters<typeof teamsChannel>[0],
  logger = pino({ level: 'silent' }),
): Promise<RunningServer> {
  return startServer({
    port: 0,
    now: runningClock(),
    lieux: [path.join(fixtures, 'lieux.csv')],
    communes: path.join(fixtures, 'communes.csv'),
    autoSync: false,
    api: { rateLimit: null },
    logger,
    channels: [teamsChannel(config)],
  })
}

const post = (server: RunningServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('POST /api/messages in development mode (no credentials, behind the explicit flag)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await serve({ mode: 'development' })
  })
  afterAll(async () => {
    await server.close()
  })

  it('gets the cards back in the body with deliveryMode expectReplies', async () => {
    const response = await post(server, activity({ text: 'Guéret démarches gratuit samedi' }))
    expect(response.status).toBe(200)
    const body = (await response.json()) as { activities: Json[] }
    const cards = cardsOf(body.activities)
    expect(cards.length).toBeGreaterThan(0)
    expect(cardText(cards[0])).toMatch(/Téléphone : 05 55 51 01 0\d/)
    // "Fiche complète" through HTTP too.
    const fiche = await post(server, activity({ value: { verb: 'fiche', id: 'gueret-fs' } }))
    expect(cardTitle(cardsOf(((await fiche.json()) as { activities: Json[] }).activities)[0])).toBe(
      'France services de Guéret',
    )
  })

  it('posts replies only to this machine (or in the body with expectReplies), never where a caller says', async () => {
    // A local « Bot Framework connector » that records what it receives.
    const received: string[] = []
    const connector = http.createServer((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8')
      })
      req.on('end', () => {
        received.push(`${req.method} ${req.url} ${body.slice(0, 200)}`)
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}')
      })
    })
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve))
    const local = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`
    const elsewhere = await post(
      server,
      activity({ text: 'Guéret', deliveryMode: undefined, serviceUrl: 'https://attaquant.example/' }),
    )
    expect(elsewhere.status).toBe(403)
    expect(elsewhere.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(((await elsewhere.json()) as { issues: { path: string[] }[] }).issues[0]?.path).toEqual(['serviceUrl'])
    const here = await post(server, activity({ text: 'Guéret', deliveryMode: undefined, serviceUrl: local }))
    expect(here.status).toBeLessThan(300)
    expect(received.some((line) => line.startsWith('POST /v3/conversations/'))).toBe(true)
    connector.close()
  })

  it('answers malformed activities with a French 4xx problem naming the field, and keeps serving', async () => {
    const cases: [unknown, number, string | undefined][] = [
      ['{pas du json', 400, undefined],
      [[1, 2], 400, undefined],
      [{ ...activity(), type: undefined }, 400, 'type'],
      [{ ...activity(), conversation: {} }, 400, 'conversation.id'],
      [{ ...activity(), from: null }, 400, 'from.id'],
      [{ ...activity(), serviceUrl: 42 }, 400, 'serviceUrl'],
      [{ ...activity(), text: { html: '<b>' } }, 400, 'text'],
    ]
    for (const [body, status, field] of cases) {
      const response = await post(server, body)
      expect(response.status).toBe(status)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      const problem = (await response.json()) as { detail: string; issues?: { path: string[] }[] }
      expect(problem.detail).toMatch(/[a-zé]/)
      if (field) expect(problem.issues?.[0]?.path.join('.')).toBe(field)
    }
    const wrongType = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'bonjour',
    })
    expect(wrongType.status).toBe(415)
    expect((await post(server, activity({ text: 'aide' }))).status).toBe(200)
  })
})

describe('POST /api/messages with Microsoft credentials configured', () => {
  let server: RunningServer
  const lines: Record<string, unknown>[] = []
  beforeAll(async () => {
    server = await serve(
      {
        mode: 'credentials',
        appId: '6f1c0c4e-0000-4000-8000-000000000001',
        password: 'secret-de-test',
        tenantId: '6f1c0c4e-0000-4000-8000-0000000000aa',
      },
      pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) }),
    )
  })
  afterAll(async () => {
    await server.close()
  })

  /** A token shaped like Microsoft's (a JWT naming the Bot Framework as issuer and our app as audience), not signed by it. */
  const forgedJwt = () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    return [
      part({ alg: 'RS256', typ: 'JWT', kid: 'cle-inventee' }),
      part({
        iss: 'https://api.botframework.com',
        aud: '6f1c0c4e-0000-4000-8000-000000000001',
        serviceurl: 'https://smba.trafficmanager.net/emea/',
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
      'c2lnbmF0dXJlLWludmVudGVl',
    ].join('.')
  }

  it(
    'refuses with a French 401 problem, logged once at warn without the token, every token failure (missing, not a ' +
      'token, a forged JWT: Microsoft’s token service cannot be reached here, so its keys are unavailable too)',
    { timeout: 60_000 },
    async () => {
      const cases: [string, Record<string, string>][] = [
        ['absent', {}],
        ['pas un jeton', { authorization: 'Bearer pas-un-jeton' }],
        ['schéma inconnu', { authorization: 'Basic b3BlcmF0cmljZTpzZWNyZXQ=' }],
        ['JWT forgé', { authorization: `Bearer ${forgedJwt()}` }],
      ]
      for (const [name, headers] of cases) {
        lines.length = 0
        const response = await post(server, activity({ text: 'Guéret démarches' }), headers)
        expect(response.status, name).toBe(401)
        expect(response.headers.get('content-type'), name).toContain('application/problem+json')
        const problem = (await response.json()) as { status: number; detail: string; type: string }
        expect(problem.status).toBe(401)
        expect(problem.type).toBe('urn:aiguillage:probleme:non-autorise')
        expect(problem.detail).toContain('Jeton Bot Framework absent ou invalide')
        const refusals = lines.filter((line) => line.msg !== 'requête')
        expect(refusals, name).toHaveLength(1)
        expect(refusals[0]).toMatchObject({ level: 40, canal: 'teams' })
        const logged = JSON.stringify(lines)
        for (const value of Object.values(headers)) expect(logged).not.toContain(value.split(' ')[1])
        expect(logged).not.toContain('Guéret')
      }
    },
  )
})

describe('teamsConfigFromEnv', () => {
  it('mounts nothing without configuration, the dev mode only behind its flag, and refuses an app id without secret', () => {
    expect(teamsConfigFromEnv({})).toBeUndefined()
    expect(teamsConfigFromEnv({ AIGUILLAGE_TEAMS_DEV: '1' })).toEqual({ mode: 'development' })
    expect(
      teamsConfigFromEnv({ AIGUILLAGE_TEAMS_DEV: '1', AIGUILLAGE_TEAMS_DEV_HOTES: 'emulateur.local, 10.0.0.5' }),
    ).toEqual({
      mode: 'development',
      serviceUrlHosts: ['emulateur.local', '10.0.0.5'],
    })
    expect(
      teamsConfigFromEnv({
        MicrosoftAppId: 'id',
        MicrosoftAppPassword: 'p',
        MicrosoftAppTenantId: 't',
        AIGUILLAGE_TEAMS_DEV: '1',
      }),
    ).toEqual({ mode: 'credentials', appId: 'id', password: 'p', tenantId: 't' })
    expect(
      teamsConfigFromEnv({
        MicrosoftAppId: 'id',
        MicrosoftAppCertificateThumbprint: 'AB12',
        MicrosoftAppCertificatePrivateKey: '-----BEGIN PRIVATE KEY-----',
      }),
    ).toMatchObject({
      mode: 'credentials',
      certificate: { thumbprint: 'AB12' },
    })
    expect(() => teamsConfigFromEnv({ MicrosoftAppId: 'id' })).toThrow(/sans MicrosoftAppPassword ni certificat/)
  })
})
