import { type Lieu, LieuSchema } from '@aiguillage/lieux'
import { createLieuxIndex } from '@aiguillage/recherche'
import { createTerritoires } from '@aiguillage/territoires'
import { officialGeography } from '@aiguillage/territoires/cog-data'
import { describe, expect, it } from 'vitest'
import { createAssistant, type Message, ofPlace, type TurnResult } from './engine.js'
import { MemoryConversationStore } from './store.js'

const geography = officialGeography()
const territoires = createTerritoires({
  geography,
  coordinates: new Map([
    ['23096', { latitude: 46.1627, longitude: 1.8709 }],
    ['23030', { latitude: 45.9494, longitude: 1.7482 }],
    ['87085', { latitude: 45.8567, longitude: 1.2626 }],
  ]),
})
const lieu = (id: string, fields: Record<string, unknown>): Lieu =>
  LieuSchema.parse({
    id,
    pivot: '43493312300029',
    commune: 'Guéret',
    code_postal: '23000',
    adresse: '1 rue X',
    date_maj: '2026-10-01',
    latitude: 46.17,
    longitude: 1.87,
    ...fields,
  })
const lieux = [
  lieu('fs', {
    nom: 'France services de Guéret',
    services: 'Aide aux démarches administratives',
    dispositif_programmes_nationaux: 'France Services',
    telephone: '+33536490101',
    horaires: 'Mo-Fr 09:00-12:00',
    frais_a_charge: 'Gratuit',
  }),
  lieu('epn', {
    nom: 'EPN de Guéret',
    longitude: 1.88,
    services: 'Maîtrise des outils numériques du quotidien|Aide aux démarches administratives',
    telephone: '+33536490102',
    frais_a_charge: 'Payant',
  }),
  lieu('atelier', {
    nom: 'Atelier tablette',
    longitude: 1.9,
    services: 'Maîtrise des outils numériques du quotidien',
    modalites_accompagnement: 'Dans un atelier collectif',
  }),
  lieu('loin', {
    nom: 'Médiathèque de Bourganeuf',
    latitude: 45.95,
    longitude: 1.75,
    services: 'Maîtrise des outils numériques du quotidien',
  }),
]
const MONDAY_10H30 = new Date('2026-11-23T09:30:00Z')

function newAssistant(options: { mode?: 'citizen' | 'operator'; store?: MemoryConversationStore; more?: Lieu[] } = {}) {
  let n = 0
  const { more = [], ...rest } = options
  return createAssistant({
    territoires,
    index: createLieuxIndex([...lieux, ...more]),
    newId: () => `conv-${++n}`,
    now: () => MONDAY_10H30,
    ...rest,
  })
}

async function talk(turns: string[], assistant = newAssistant()): Promise<TurnResult[]> {
  const results: TurnResult[] = []
  let id: string | undefined
  for (const text of turns) {
    const turn = await assistant.reply({ text, ...(id ? { conversationId: id } : {}) })
    id = turn.conversationId
    results.push(turn)
  }
  return results
}
const texts = (messages: Message[]) =>
  messages.flatMap((m) => (m.type === 'text' ? [m.text] : m.type === 'choices' ? [m.question] : []))

describe('a search in one turn', () => {
  it('understands the need and the commune, and answers with the nearest lieux and their data', async () => {
    const [turn] = await talk([
      "bonjour je narrive pas a faire ma declaration trimestrielle caf sur internet, j'habite guéret",
    ])
    expect(turn?.understanding).toMatchObject({
      intent: 'trouver_lieu',
      services: expect.arrayContaining(['Aide aux démarches administratives']),
      location: { codeInsee: '23096' },
    })
    // "sur internet" is the way of the démarche, not a need: the atelier (tools only) is not proposed.
    expect(turn?.lieux.map((l) => l.id)).toEqual(['fs', 'epn'])
    expect(turn?.lieux[0]).toMatchObject({
      telephone: '+33536490101',
      telephoneAffichage: '05 36 49 01 01',
      horaires: 'Mo-Fr 09:00-12:00',
      ouvertMaintenant: true,
      ouvertureTexte: 'Ouvert. Ferme à 12 h.',
    })
    expect(turn?.messages.map((m) => m.type)).toEqual(['text', 'lieux', 'text', 'text', 'choices'])
  })
  it('never invents a phone or hours: a lieu without them has none', async () => {
    const [turn] = await talk(['apprendre à utiliser une tablette en atelier à Guéret'])
    const atelier = turn?.lieux.find((l) => l.id === 'atelier')
    expect(atelier).toBeDefined()
    expect(atelier?.telephone).toBeUndefined()
    expect(atelier?.horaires).toBeUndefined()
    expect(atelier?.ouvertMaintenant).toBeNull()
  })
  it('puts France Services and Aidants Connect first when the person wants it done for them', async () => {
    const [turn] = await talk(['quelqu’un peut faire ma déclaration d’impôts à ma place ? Guéret'])
    expect(turn?.understanding).toMatchObject({
      intent: 'faire_a_ma_place',
      demarche: 'argent',
      constraints: { dispositif_programmes_nationaux: ['France Services', 'Aidants Connect'] },
    })
    expect(turn?.lieux[0]?.id).toBe('fs')
    expect(texts(turn?.messages ?? []).join(' ')).toContain('aidant habilité')
  })
  it('says honestly which wish it could not meet', async () => {
    const [turn] = await talk(['cours gratuits pour apprendre la tablette le dimanche à Guéret'])
    expect(texts(turn?.messages ?? [])[0]).toMatch(/^Je n’ai pas trouvé de lieu .*(ouvert ce jour-là|gratuit)/)
  })
})

describe('a conversation over several turns', () => {
  it('asks only for what is missing, then searches with everything said', async () => {
    const [first, second] = await talk(['j’ai besoin d’aide pour ma carte grise', 'Guéret'])
    expect(first?.understanding.awaiting).toBe('location')
    expect(texts(first?.messages ?? [])).toEqual([
      'Dans quelle commune habitez-vous ? Vous pouvez aussi donner votre code postal.',
    ])
    expect(second?.understanding).toMatchObject({ demarche: 'transports', location: { codeInsee: '23096' } })
    expect(second?.lieux.length).toBeGreaterThan(0)
  })
  it('asks for the need when only the commune is known, with choices', async () => {
    const [turn] = await talk(['j’habite à Guéret'])
    expect(turn?.understanding.awaiting).toBe('need')
    expect(turn?.messages.at(-1)).toMatchObject({
      type: 'choices',
      choices: expect.arrayContaining([expect.objectContaining({ value: 'Aide aux démarches administratives' })]),
    })
    const [, chosen] = await talk(['j’habite à Guéret', 'Aide aux démarches administratives'])
    expect(chosen?.understanding).toMatchObject({
      intent: 'trouver_lieu',
      services: ['Aide aux démarches administratives'],
    })
    expect(chosen?.lieux.map((l) => l.id)).toEqual(['fs', 'epn'])
  })
  it('offers the homonym communes as choices, and takes the answer', async () => {
    const [first, second] = await talk(['aide pour mes papiers', 'Saint-Denis', '93'])
    expect(second?.understanding.awaiting).toBe('commune_choice')
    expect(second?.messages.at(-1)).toMatchObject({
      type: 'choices',
      choices: expect.arrayContaining([{ label: 'Saint-Denis (Seine-Saint-Denis)', value: '93066' }]),
    })
    expect(first?.understanding.awaiting).toBe('location')
  })
  it('refines the search on « c’est gratuit ? », and answers « c’est payant ? » about the lieux shown', async () => {
    const [, free] = await talk(['aide pour mes démarches à Guéret', 'c’est gratuit ?'])
    expect(free?.understanding.constraints.frais_a_charge).toEqual(['Gratuit'])
    expect(free?.lieux.map((l) => l.id)).toEqual(['fs'])
    const [, price] = await talk(['aide pour mes démarches à Guéret', 'c’est payant ?'])
    expect(texts(price?.messages ?? [])).toEqual(
      expect.arrayContaining(['France services de Guéret : gratuit.', 'EPN de Guéret : payant.']),
    )
    expect(price?.lieux).toEqual([])
    expect(price?.understanding.constraints.frais_a_charge).toBeUndefined()
    const assistant = newAssistant({ mode: 'citizen' })
    const [page1, page2] = await talk(['apprendre l’informatique à Guéret', 'plus de résultats'], assistant)
    expect(page1?.lieux.map((l) => l.id)).toEqual(['epn', 'atelier', 'loin'])
    expect(texts(page2?.messages ?? [])[0]).toBe('Je n’ai pas d’autre lieu à vous proposer.')
  })
  it.each(['d’autres ?', 'un autre', 'la suite', 'encore'])('shows the next lieux on « %s »', async (more) => {
    // Four lieux teach the tools near Guéret: three on the first page, the fourth on the next.
    const cyber = lieu('cyber', {
      nom: 'Cyber-base',
      longitude: 1.95,
      services: 'Maîtrise des outils numériques du quotidien',
    })
    const assistant = newAssistant({ more: [cyber] })
    const [page1, page2] = await talk(['apprendre l’informatique à Guéret', more], assistant)
    expect(page1?.lieux.map((l) => l.id)).toEqual(['epn', 'atelier', 'cyber'])
    expect(page2?.understanding.intent).toBe('trouver_lieu')
    expect(page2?.lieux.map((l) => l.id)).toEqual(['loin'])
    expect(texts(page2?.messages ?? [])[0]).toMatch(/^Voici d’autres lieux/)
  })
  it('asks about Saturday, not about now, on « c’est ouvert le samedi ? », about the lieux shown', async () => {
    const [, saturday] = await talk(['aide pour mes démarches à Guéret', 'c’est ouvert le samedi ?'])
    expect(texts(saturday?.messages ?? [])[0]).toBe('Aucun lieu d’aide proche n’ouvre le samedi, ceux-ci non plus.')
    expect(saturday?.understanding.constraints).toEqual({})
  })
  it('keeps the same search on « moins loin ? », and says how to look nearer', async () => {
    const [first, closer] = await talk(['aide pour mes démarches à Guéret', 'moins loin ?'])
    expect(closer?.understanding.intent).toBe('trouver_lieu')
    expect(first?.lieux.map((l) => l.id)).toEqual(['fs', 'epn'])
    expect(texts(closer?.messages ?? [])[0]).toBe(
      'Ce sont les lieux les plus proches du centre de Guéret que je connaisse.',
    )
    expect(texts(closer?.messages ?? [])[1]).toMatch(/code postal/)
    expect(closer?.lieux).toEqual([])
  })
  it('reads inflected words as written: « retraités » are seniors, « téléphoner à quelqu’un » is a person', async () => {
    const [seniors] = await talk(['cours d’informatique gratuits pour retraités à Guéret ?'])
    expect(seniors?.understanding.constraints.publics_specifiquement_adresses).toEqual(['Seniors'])
    const [person] = await talk(['je veux téléphoner à quelqu’un'])
    expect(person?.understanding.intent).toBe('parler_a_quelqu_un')
  })
  it('takes a département said after a commune as « that name, in that département »', async () => {
    const [, valence, corrected] = await talk(['aide pour mes démarches', 'Valence', '82'])
    expect(valence?.understanding.location?.codeInsee).toBe('26362')
    expect(corrected?.understanding.location?.codeInsee).toBe('82186')
    const [, gueret, same] = await talk(['aide pour mes démarches', 'Guéret', 'dans la Creuse'])
    expect(same?.understanding.location?.codeInsee).toBe(gueret?.understanding.location?.codeInsee)
  })
  it('does not take « aide » said again for a commune, and never asks the same way twice', async () => {
    const [first, second, third] = await talk(['aide', 'aide', 'aide'])
    expect(third?.understanding.location).toBeUndefined()
    expect(third?.understanding.awaiting).toBe('need')
    const question = (turn: TurnResult | undefined) => turn?.messages.find((m) => m.type === 'choices')
    expect(question(first)).toMatchObject({ question: 'Je suis là pour vous aider. De quoi avez-vous besoin ?' })
    expect(question(second)).not.toEqual(question(first))
  })
  it('answers « is it free? » about a programme from the knowledge base', async () => {
    const [turn] = await talk(['je voudrais savoir si c’est payant, le conseiller numérique'])
    expect(turn?.understanding).toMatchObject({ intent: 'information', topic: 'conseiller_numerique' })
    expect(texts(turn?.messages ?? [])).toContain('C’est gratuit.')
  })
  it('starts over on "nouvelle recherche"', async () => {
    const [, , last] = await talk(['aide impôts à Guéret', 'nouvelle recherche', 'apprendre la tablette'])
    expect(last?.understanding).toMatchObject({
      services: ['Maîtrise des outils numériques du quotidien'],
      awaiting: 'location',
    })
    expect(last?.understanding.demarche).toBeUndefined()
  })
  it('hands over to a human after two misunderstandings, without the paused helpline', async () => {
    const [, second] = await talk(['zzz', 'qwerty'])
    const said = texts(second?.messages ?? []).join(' ')
    expect(said).toMatch(/Je n’arrive pas à comprendre.*mairie ou une France Services/)
    expect(said).not.toMatch(/Solidarité Numérique/)
  })
  it('hands over to the nearest lieu with a phone when the commune is known', async () => {
    const [, , third] = await talk(['aide démarches à Guéret', 'zzz', 'qwerty'])
    const said = texts(third?.messages ?? []).join(' ')
    expect(said).toContain(
      'Le plus simple est d’appeler le lieu le plus proche : France services de Guéret, au 05 36 49 01 01.',
    )
    expect(said).not.toContain('mairie')
    expect(third?.lieux.map((l) => l.id)).toEqual(['fs'])
  })
  it('gives a person who asks for one the phone of a lieu near her, open now, with its hours; the paused helpline only when asked about', async () => {
    // Monday 10:30: the France Services of Guéret is open (Mo-Fr 09:00-12:00).
    const [, turn] = await talk(['je voudrais parler à quelqu’un', 'Guéret'])
    const said = texts(turn?.messages ?? []).join(' ')
    expect(said).toContain('au 05 36 49 01 01')
    expect(said).not.toMatch(/Solidarité Numérique|01 70 772 372/)
    expect(turn?.lieux[0]).toMatchObject({ id: 'fs', ouvertMaintenant: true })
    const [asked] = await talk(['je voudrais parler à quelqu’un de Solidarité Numérique'])
    expect(texts(asked?.messages ?? []).join(' ')).toContain('01 70 772 372) est suspendue depuis 2022')
  })
  it('calls first the lieu that is open, even a little farther, when the nearest with a phone is closed', async () => {
    // Saturday 10:30: the France Services (weekdays) is closed; a lieu open on Saturday, 1 km farther, answers.
    const saturday = new Date('2026-11-28T09:30:00Z')
    const open = lieu('samedi', {
      nom: 'Médiathèque ouverte le samedi',
      longitude: 1.89,
      services: 'Maîtrise des outils numériques du quotidien',
      telephone: '+33536490109',
      horaires: 'Sa 09:00-17:00',
    })
    const assistant = createAssistant({
      territoires,
      index: createLieuxIndex([...lieux, open]),
      newId: () => 'sat',
      now: () => saturday,
    })
    const [, turn] = await talk(['je voudrais parler à quelqu’un', 'Guéret'], assistant)
    const said = texts(turn?.messages ?? []).join(' ')
    expect(said).toContain('Médiathèque ouverte le samedi, au 05 36 49 01 09 : il est ouvert en ce moment')
    expect(turn?.lieux[0]).toMatchObject({ id: 'samedi', ouvertMaintenant: true })
  })
  it('gives safety advice before anything else to someone a scammer is working on', async () => {
    const [turn] = await talk(['un faux conseiller bancaire me demande le code reçu par SMS, je suis à Guéret'])
    const said = texts(turn?.messages ?? [])
    expect(said[0]).toMatch(/arnaque/)
    expect(said.join(' ')).toMatch(/ne vous demandent jamais un code reçu par SMS/)
    expect(said.join(' ')).toMatch(/33700/)
    expect(turn?.understanding).toMatchObject({ services: ['Utilisation sécurisée du numérique'] })
    const [hacked] = await talk(['mon compte Facebook a été piraté'])
    expect(texts(hacked?.messages ?? [])[0]).toMatch(/changez tout de suite le mot de passe/)
    const [harassed] = await talk(['on me harcèle sur internet, je reçois des menaces'])
    expect(texts(harassed?.messages ?? []).join(' ')).toMatch(/3018/)
    const [plain] = await talk(['aide pour ma carte grise à Guéret'])
    expect(texts(plain?.messages ?? []).join(' ')).not.toMatch(/arnaque|33700/)
  })
  it('uses the browser’s position when no commune is named', async () => {
    const assistant = newAssistant()
    const turn = await assistant.reply({
      text: 'aide pour mes démarches',
      position: { latitude: 45.95, longitude: 1.75 },
    })
    expect(turn.understanding.location).toMatchObject({ nom: 'votre position' })
    expect(turn.lieux[0]?.id).toBe('fs')
  })
  it('takes a position shared in answer to "which commune?" as the place ("Me localiser" in the widget)', async () => {
    const assistant = newAssistant()
    const first = await assistant.reply({ text: 'je voudrais de l’aide pour mes démarches' })
    expect(first.understanding.awaiting).toBe('location')
    const second = await assistant.reply({
      conversationId: first.conversationId,
      text: 'près de ma position',
      position: { latitude: 45.95, longitude: 1.75 },
    })
    expect(second.understanding).toMatchObject({
      intent: 'trouver_lieu',
      location: { nom: 'votre position' },
      services: ['Aide aux démarches administratives'],
    })
    expect(second.lieux[0]?.id).toBe('fs')
  })
  it('lets a position shared later replace an earlier commune, but not a commune named with it', async () => {
    const assistant = newAssistant()
    const first = await assistant.reply({ text: 'aide pour mes démarches à Limoges' })
    const moved = await assistant.reply({
      conversationId: first.conversationId,
      text: 'près de ma position',
      position: { latitude: 45.95, longitude: 1.75 },
    })
    expect(moved.understanding.location).toMatchObject({ nom: 'votre position', latitude: 45.95 })
    const named = await assistant.reply({
      conversationId: first.conversationId,
      text: 'plutôt à Guéret',
      position: { latitude: 45.2, longitude: 1.2 },
    })
    expect(named.understanding.location).toMatchObject({ nom: 'Guéret' })
  })
  it('in operator mode, reads a town named like a word at the start (« Tulle démarches »)', async () => {
    const operator = newAssistant({ mode: 'operator' })
    expect((await operator.reply({ text: 'Tulle démarches' })).understanding.location?.codeInsee).toBe('19272')
    expect((await newAssistant().reply({ text: 'Tulle démarches' })).understanding.location).toBeUndefined()
  })
  it('gives each lieu its week in words, for the fiche', async () => {
    const turn = await newAssistant().reply({ text: 'aide pour mes démarches à Guéret' })
    const week = turn.lieux[0]?.horairesSemaine ?? []
    expect(week).toHaveLength(7)
    expect(week[0]).toMatch(/^lundi : /)
    expect(week[6]).toMatch(/^dimanche : /)
    // Monday 23 November at 10:30 in Paris: today's line is Monday's.
    expect(turn.lieux[0]?.horairesAujourdhui).toBe(week[0])
  })
  it('answers questions on the programmes from the knowledge base, then searches their lieux', async () => {
    const [info, search] = await talk(['c’est quoi un conseiller numérique ?', 'Guéret'])
    expect(info?.understanding).toMatchObject({
      intent: 'information',
      topic: 'conseiller_numerique',
      awaiting: 'location',
    })
    expect(texts(info?.messages ?? [])[0]).toContain('conseiller numérique vous apprend')
    expect(search?.understanding.constraints.dispositif_programmes_nationaux).toEqual(['Conseillers numériques'])
  })
  it('understands the question in SMS style too ("c koi")', async () => {
    const [info] = await talk(['c koi aidants connect ?'])
    expect(info?.understanding).toMatchObject({ intent: 'information', topic: 'aidants_connect' })
    expect(texts(info?.messages ?? [])[0]).toContain('aidant habilité')
  })
  it('names the day it could not find open', async () => {
    const [saturday] = await talk(['atelier tablette ouvert le samedi a gueret'])
    expect(texts(saturday?.messages ?? [])[0]).toBe(
      'Je n’ai pas trouvé de lieu ouvert le samedi. Voici les plus proches.',
    )
  })
  it('is short in operator mode: no small talk, five lieux', async () => {
    const assistant = newAssistant({ mode: 'operator' })
    const [turn] = await talk(['Guéret démarches'], assistant)
    expect(turn?.messages.map((m) => m.type)).toEqual(['text', 'lieux', 'choices'])
  })
  it('starts a new conversation, with a new id, for an unknown or expired id', async () => {
    const assistant = newAssistant()
    const turn = await assistant.reply({ conversationId: 'n-existe-pas', text: 'bonjour' })
    expect(turn.conversationId).not.toBe('n-existe-pas')
  })
})

describe('privacy', () => {
  it('warns about a password or a social-security number, masks it, and keeps nothing of it', async () => {
    const store = new MemoryConversationStore({ now: () => MONDAY_10H30 })
    const assistant = newAssistant({ store })
    const turn = await assistant.reply({
      text: 'mon mot de passe ameli est Soleil2024 et mon numéro de sécu 1 85 05 78 006 084 36, aide à Guéret',
    })
    expect(turn.sensitive).toEqual(['mot_de_passe', 'nir'])
    expect(texts(turn.messages)[0]).toMatch(
      /^Attention : vous avez écrit un mot de passe et un numéro de sécurité sociale\. Ne le donnez jamais/,
    )
    const kept = JSON.stringify(await store.get(turn.conversationId))
    expect(kept).not.toMatch(/Soleil2024|185057800608436|1 85 05/)
    expect(JSON.stringify(turn)).not.toMatch(/Soleil2024|1 85 05 78/)
  })
  it('keeps only the understanding between turns, never the texts', async () => {
    const store = new MemoryConversationStore({ now: () => MONDAY_10H30 })
    const assistant = newAssistant({ store })
    const turn = await assistant.reply({ text: 'ma fille Julie ne sait pas utiliser Pronote, on habite Guéret' })
    expect(JSON.stringify(await store.get(turn.conversationId))).not.toContain('Julie')
  })
  it('forgets conversations after their time', async () => {
    let now = 0
    const store = new MemoryConversationStore({ ttlMs: 1000, now: () => new Date(now) })
    await store.set({ id: 'a', understanding: null, misunderstood: 0, shown: 0, updatedAt: 0 })
    now = 500
    expect(await store.get('a')).toBeDefined()
    now = 1501
    expect(await store.get('a')).toBeUndefined()
  })
})

describe('robustness', () => {
  it.each([
    '',
    ' ',
    '???',
    '😀😀😀',
    'a'.repeat(5000),
    '<script>alert(1)</script>',
    '0'.repeat(40),
    'SELECT * FROM lieux;',
  ])('answers %j with a question, never a crash', async (text) => {
    const [turn] = await talk([text])
    expect(turn?.messages.length).toBeGreaterThan(0)
  })
})

describe('ofPlace: French elision before a commune name', () => {
  it.each([
    ['Guéret', 'de Guéret'],
    ['Aurillac', 'd’Aurillac'],
    ['Évry-Courcouronnes', 'd’Évry-Courcouronnes'],
    ['Le Puy-en-Velay', 'du Puy-en-Velay'],
    ['Les Sables-d’Olonne', 'des Sables-d’Olonne'],
    ['La Rochelle', 'de La Rochelle'],
    ['Hyères', 'd’Hyères'],
    ['Le Havre', 'du Havre'],
  ])('%s → %s', (name, expected) => {
    expect(ofPlace(name)).toBe(expected)
  })
})

describe('understanding where words mislead (the pipeline’s readings, in a conversation)', () => {
  it('takes the département not negated in a correction: « non pas celui de la Réunion, celui du 93 »', async () => {
    for (const answer of ['non pas celui de la Réunion, celui du 93', 'celui du 93, pas la Réunion']) {
      const [, , chosen] = await talk(['aide pour mes papiers', 'Saint-Denis', answer])
      expect(chosen?.understanding.location?.codeInsee, answer).toBe('93066')
    }
    const [, , reunion] = await talk(['aide pour mes papiers', 'Saint-Denis', 'la Réunion'])
    expect(reunion?.understanding.location?.codeInsee).toBe('97411')
  })

  it('does not take everyday words for communes: sign language is deafness, « a eu » is a verb, Job after « j’habite » is a place', async () => {
    const [signs] = await talk(['Je suis sourde, je cherche quelqu’un qui connaît la langue des signes à Annecy'])
    expect(signs?.understanding).toMatchObject({
      location: { codeInsee: '74010' },
      constraints: { prise_en_charge_specifique: ['Surdité'] },
    })
    const [stroke] = await talk(['mon mari a eu un AVC, il faut refaire sa carte vitale, on habite à Guéret'])
    expect(stroke?.understanding.location?.codeInsee).toBe('23096')
    const [job] = await talk(['j’habite Job, besoin d’aide pour la CAF'])
    expect(job?.understanding).toMatchObject({
      services: ['Aide aux démarches administratives'],
      location: { codeInsee: '63179' },
    })
  })

  it('says plainly that a plumber is out of its reach, and offers what it does', async () => {
    const [turn] = await talk(['je cherche un plombier à Guéret'])
    expect(turn?.understanding.intent).toBe('hors_sujet')
    expect(texts(turn?.messages ?? [])[0]).toMatch(/^Je ne peux pas vous aider pour cela/)
    expect(turn?.lieux).toEqual([])
  })

  it('asks one short question when nothing is understood', async () => {
    const [turn] = await talk(['blablabla truc machin'])
    expect(texts(turn?.messages ?? [])[0]).toMatch(/^Je n’ai pas bien compris\. Que voulez-vous faire \?/)
    expect(turn?.understanding.awaiting).toBe('need')
  })
})
