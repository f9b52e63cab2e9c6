import { describe, expect, it } from 'vitest'
import { demoApp } from './test-support.js'

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({
  method: 'POST',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

describe('POST /v1/chat', () => {
  it('answers per the contract: conversation id, messages, cumulative understanding, lieux', async () => {
    const { get } = await demoApp()
    const first = await get('/v1/chat', post({ text: 'je voudrais apprendre à utiliser ma tablette' }))
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      conversationId: expect.any(String),
      understanding: { intent: 'trouver_lieu', awaiting: 'location' },
      lieux: [],
      donnees: { demo: true },
    })
    const second = await get(
      '/v1/chat',
      post({ conversationId: first.body.conversationId, text: "j'habite à Aurillac" }),
    )
    expect(second.body.conversationId).toBe(first.body.conversationId)
    expect(second.body.understanding).toMatchObject({
      services: ['Maîtrise des outils numériques du quotidien'],
      location: { codeInsee: '15014', nom: 'Aurillac' },
    })
    expect(second.body.lieux[0]).toMatchObject({
      id: 'demo-aurillac-tablette',
      telephone: '+33465710202',
      distanceKm: expect.any(Number),
      ouvertMaintenant: false,
    })
    expect(second.body.messages.map((m: { type: string }) => m.type)).toContain('lieux')
  })
  it('reads « samedi » and « dimanche » in Paris time, as the API and the CLI do: at Saturday 23:30 UTC it is Sunday', async () => {
    const { get } = await demoApp({}, () => new Date('2026-11-28T23:30:00Z'))
    const ask = async (day: string) =>
      (await get('/v1/chat', post({ text: `un lieu ouvert ${day} pour apprendre l'informatique à Guéret` }))).body
    // The médiathèque opens on Saturdays and never on Sundays.
    const saturday = await ask('samedi')
    expect(saturday.understanding.constraints.ouvert_jour).toBe('Sa')
    expect(saturday.lieux[0]?.id).toBe('demo-gueret-mediatheque')
    // None opens on Sunday: said, and the nearest are given instead.
    const sunday = await ask('dimanche')
    expect(sunday.messages[0].text).toBe('Je n’ai pas trouvé de lieu ouvert le dimanche. Voici les plus proches.')
  })
  it('takes a clear favourite among homonyms and offers the others, as the API and the CLI do', async () => {
    const { get } = await demoApp()
    const { body } = await get('/v1/chat', post({ text: 'aide pour la caf à Valence' }))
    expect(body.understanding.location).toMatchObject({ codeInsee: '26362' })
    expect(body.lieux.length).toBeGreaterThan(0)
    const texts = body.messages.filter((m: { type: string }) => m.type === 'text').map((m: { text: string }) => m.text)
    expect(texts).toContain(
      'J’ai cherché autour de Valence (Drôme). Si vous pensiez à Valence (Tarn-et-Garonne) ou à Valence (Charente), dites-le-moi.',
    )
  })
  it('asks which commune when no homonym is a clear favourite, as the API and the CLI do', async () => {
    const { get } = await demoApp()
    const { body } = await get('/v1/chat', post({ text: 'aide pour la caf à Saint-Denis' }))
    expect(body.lieux).toEqual([])
    const choices = body.messages.find((m: { type: string }) => m.type === 'choices')
    expect(choices.choices.map((c: { value: string }) => c.value)).toEqual(expect.arrayContaining(['93066', '97411']))
  })
  it('takes the position given with consent when no commune is named', async () => {
    const { get } = await demoApp()
    const { body } = await get(
      '/v1/chat',
      post({ text: 'aide pour mes démarches', position: { latitude: 46.17, longitude: 1.87 } }),
    )
    expect(body.lieux[0].id).toBe('demo-gueret-fs')
  })
  it('starts a new conversation for an unknown id, and never shows another one', async () => {
    const { get } = await demoApp()
    const mine = await get('/v1/chat', post({ text: 'aide impôts à Guéret' }))
    const stranger = await get('/v1/chat', post({ conversationId: 'invente-123', text: 'et à côté ?' }))
    expect(stranger.body.conversationId).not.toBe('invente-123')
    expect(stranger.body.conversationId).not.toBe(mine.body.conversationId)
    expect(stranger.body.understanding.location).toBeUndefined()
  })
  it.each([
    [{}, 'text', 'text est obligatoire'],
    [{ text: '' }, 'text', 'Le message est vide.'],
    [{ text: 'x'.repeat(1001) }, 'text', '1 000 caractères'],
    [{ text: 42 }, 'text', ''],
    [{ text: 'bonjour', position: { latitude: 200, longitude: 2 } }, 'position', ''],
    [{ text: 'bonjour', user: 'autre' }, 'user', 'non reconnue'],
  ])('refuses %j with a 400 problem naming the field', async (body, field, detail) => {
    const { get } = await demoApp()
    const response = await get('/v1/chat', post(body))
    expect(response.status).toBe(400)
    expect(response.type).toMatch(/^application\/problem\+json/)
    expect(JSON.stringify(response.body.issues)).toContain(field)
    expect(response.body.detail).toContain(detail)
  })
  it('refuses a body that is not JSON, with a problem', async () => {
    const { get } = await demoApp()
    const broken = await get('/v1/chat', post('{"text": "bonjour"'))
    expect(broken).toMatchObject({ status: 400, body: { detail: 'Le corps de la requête n’est pas du JSON valide.' } })
    const wrongType = await get('/v1/chat', post('text=bonjour', { 'content-type': 'text/plain' }))
    expect(wrongType.status).toBe(415)
    expect(wrongType.type).toMatch(/^application\/problem\+json/)
  })
  it('logs nothing of what the person typed, and masks secrets in the answer', async () => {
    const { get, logs } = await demoApp()
    const { body } = await get('/v1/chat', post({ text: 'mon mot de passe impots est Secret123, aide à Guéret' }))
    expect(JSON.stringify(body)).not.toContain('Secret123')
    expect(body.messages[0].text).toMatch(/^Attention : vous avez écrit un mot de passe/)
    expect(JSON.stringify(logs)).not.toMatch(/Secret123|Guéret|impots/)
  })
})
