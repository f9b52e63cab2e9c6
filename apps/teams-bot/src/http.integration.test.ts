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

async function serve(config: Parameters<typeof teamsChannel>[0]): Promise<RunningServer> {
  return startServer({
    port: 0,
    now: runningClock(),
    lieux: [path.join(fixtures, 'lieux.csv')],
    communes: path.join(fixtures, 'communes.csv'),
    autoSync: false,
    api: { rateLimit: null },
    logger: pino({ level: 'silent' }),
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
  beforeAll(async () => {
    server = await serve({
      mode: 'credentials',
      appId: '6f1c0c4e-0000-4000-8000-000000000001',
      password: 'secret-de-test',
      tenantId: '6f1c0c4e-0000-4000-8000-0000000000aa',
    })
  })
  afterAll(async () => {
    await server.close()
  })

  it('refuses with 401 a request without a Bot Framework token, or with a token that is not one', async () => {
    const bare = await post(server, activity({ text: 'Guéret démarches' }))
    expect(bare.status).toBe(401)
    expect(((await bare.json()) as { detail: string }).detail).toContain('Jeton')
    const forged = await post(server, activity({ text: 'Guéret démarches' }), { authorization: 'Bearer pas-un-jeton' })
    expect(forged.status).toBe(401)
  })
})

describe('teamsConfigFromEnv', () => {
  it('mounts nothing without configuration, the dev mode only behind its flag, and refuses an app id without secret', () => {
    expect(teamsConfigFromEnv({})).toBeUndefined()
    expect(teamsConfigFromEnv({ AIGUILLAGE_TEAMS_DEV: '1' })).toEqual({ mode: 'development' })
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
