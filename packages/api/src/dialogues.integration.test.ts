import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './server.js'
import { startDemoServer } from './test-support.js'

// Multi-turn conversations with the assistant, over a real socket, on the demo lieux (Monday 23 November 2026,
// 10:30 in Paris). They assert behaviour (which lieux, which phone, hours, addresses, prices from the data, the
// understanding, the order of the messages), never the exact wording. Every turn of every conversation also checks
// the invariants in `converse`: no 5xx, no official vocabulary in running text, a reason on every card, no request
// for a password, and the paused helpline number only where Solidarité Numérique was asked about.

type Card = { id: string; pourquoi: string; [key: string]: unknown }
type Message =
  | { type: 'text'; text: string }
  | { type: 'lieux'; lieux: Card[] }
  | { type: 'choices'; question: string; choices: { label: string; value: string }[] }
type Understanding = {
  intent?: string
  services?: string[]
  constraints?: Record<string, unknown>
  location?: { codeInsee?: string; nom?: string }
  awaiting?: string
  forSomeoneElse?: boolean
  language?: string
  topic?: string
}
type Turn = {
  said: string
  status: number
  messages: Message[]
  understanding: Understanding
  /** Texts of the text messages and the choices questions, in order. */
  texts: string[]
  /** All of them joined, to match wording loosely. */
  all: string
  /** The ids of the cards of the lieux messages, in order. */
  shown: string[]
  cards: Card[]
  /** Index of the first lieux message, -1 when none. */
  firstLieux: number
}

let server: RunningServer
beforeAll(async () => {
  server = await startDemoServer()
})
afterAll(() => server.close())

const officialVocabulary = [
  'Langues étrangères',
  'Accompagnement individuel',
  'Dans un atelier collectif',
  'En autonomie',
  'Maîtrise des outils numériques du quotidien',
  'Aide aux démarches administratives',
  'Insertion professionnelle via le numérique',
  'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
  'Utilisation sécurisée du numérique',
  'Compréhension du monde numérique',
  'Loisirs et créations numériques',
  'Parentalité et éducation avec le numérique',
  'Prendre un RDV en ligne',
  'Se présenter',
]
const pausedHelpline = '01 70 772 372'
const asksPassword =
  /(donnez|envoyez|écrivez|ecrivez|indiquez|communiquez)[- ]moi (votre|son|ton) (mot de passe|code)|quel est (votre|ton) (mot de passe|code)|(tell|give|send) me your (password|code)|what is your password/i

async function say(text: string, conversationId?: string, position?: { latitude: number; longitude: number }) {
  const response = await fetch(`http://127.0.0.1:${server.port}/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...(conversationId ? { conversationId } : {}), text, ...(position ? { position } : {}) }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** Plays the turns in one conversation, checks the invariants on each answer, and returns the answers. */
async function converse(turns: string[], position?: { latitude: number; longitude: number }): Promise<Turn[]> {
  const answers: Turn[] = []
  let conversationId: string | undefined
  let solidariteAsked = false
  for (const said of turns) {
    const { status, body } = await say(said, conversationId, position)
    expect(status, `« ${said} »`).toBeLessThan(500)
    expect(status, `« ${said} »`).toBe(200)
    conversationId = body.conversationId as string
    const messages = body.messages as Message[]
    const texts = messages.flatMap((m) => (m.type === 'text' ? [m.text] : m.type === 'choices' ? [m.question] : []))
    const cards = messages.flatMap((m) => (m.type === 'lieux' ? m.lieux : []))
    const all = texts.join('\n')
    // Plain words: never the standard's vocabulary in a sentence or a question.
    for (const term of officialVocabulary) expect(all, `« ${said} »`).not.toContain(term)
    // Why this place: every card says why, in a sentence.
    for (const card of cards) expect(card.pourquoi, card.id).toMatch(/\S{3,}/)
    // Never asks for a password or a code.
    expect(all).not.toMatch(asksPassword)
    // The paused helpline only when Solidarité Numérique was asked about (by its name or its number).
    if (/solidarit[eé] num[eé]rique|01 ?70 ?772 ?372/i.test(said)) solidariteAsked = true
    if (!solidariteAsked) expect(JSON.stringify(body), `« ${said} »`).not.toContain(pausedHelpline)
    answers.push({
      said,
      status,
      messages,
      understanding: body.understanding as Understanding,
      texts,
      all,
      shown: cards.map((c) => c.id),
      cards,
      firstLieux: messages.findIndex((m) => m.type === 'lieux'),
    })
  }
  return answers
}

const GUERET = '23096'
const AURILLAC = '15014'

describe('1. follow-ups about the lieux just shown', () => {
  it('« et samedi ? »: the one open on Saturday, with its Saturday hours, and no list again', async () => {
    const [first, saturday] = await converse(['aide tablette à Guéret', 'et samedi ?'])
    expect(first!.shown).toEqual(['demo-gueret-mediatheque', 'demo-gueret-fs', 'demo-bourganeuf-bus'])
    expect(saturday!.firstLieux).toBe(-1)
    expect(saturday!.all).toMatch(/Médiathèque du Grand Guéret[^\n]*samedi[^\n]*10 h – 12 h et 14 h – 18 h/)
    expect(saturday!.all).toMatch(/France services de Guéret[^\n]*fermé/)
  })
  it('« cé ouver le samdi ? » in SMS spelling, from Bourganeuf', async () => {
    const [, saturday] = await converse(['tablette à Bourganeuf', 'cé ouver le samdi ?'])
    expect(saturday!.firstLieux).toBe(-1)
    expect(saturday!.all).toMatch(/Médiathèque du Grand Guéret[^\n]*samedi[^\n]*10 h – 12 h/)
    expect(saturday!.all).toMatch(/Bus numérique de la Creuse[^\n]*fermé/)
  })
  it('« et samedi ? » in Toulouse: the Montauban EPN open on Saturday, 9 h – 12 h', async () => {
    const [first, saturday] = await converse(['démarches à Toulouse', 'et samedi ?'])
    expect(first!.shown).toEqual(['demo-toulouse-fs', 'demo-montauban-epn'])
    expect(saturday!.all).toMatch(/EPN de Montauban[^\n]*samedi[^\n]*9 h – 12 h et 14 h – 18 h/)
    expect(saturday!.all).toMatch(/Toulouse Mirail[^\n]*fermé/)
    expect(saturday!.firstLieux).toBe(-1)
  })
  it('« et dimanche ? » when nothing opens on Sunday says so, without inventing a place', async () => {
    const [, sunday] = await converse(['démarches à Bourganeuf', 'et dimanche ?'])
    expect(sunday!.all).toMatch(/dimanche/)
    expect(sunday!.shown).toEqual([])
  })
  it('« et le lundi » after « d’autres »: the nearest lieu open on Monday, as a card', async () => {
    const [, more, monday] = await converse(['aide tablette a gueret', 'd’autres', 'et le lundi ?'])
    expect(more!.shown).toEqual(['demo-aubusson-epn'])
    expect(monday!.all).toMatch(/lundi/)
    expect(monday!.shown).toEqual(['demo-gueret-fs'])
    expect(monday!.all).toMatch(/9 h – 12 h 30 et 13 h 30 – 17 h/)
  })
  // Nothing near opens that day (the Aurillac lieux that help open on weekdays; the shop of second-hand computers is
  // not a place to be helped): said plainly, with no far-away card.
  it('« et samedi ? » when nothing near opens that day: said plainly, no card from far away', async () => {
    const [, saturday] = await converse(['atelier gratuit à Aurillac', 'et samedi ?'])
    expect(saturday!.shown).toEqual([])
    expect(saturday!.all).toMatch(/aucun lieu d’aide proche n’ouvre le samedi/i)
  })
  it('« leur numéro ? » gives every phone, « le numéro du premier » only the first', async () => {
    const [, phones, first] = await converse(['aide tablette a gueret', 'leur numéro ?', 'le numéro du premier'])
    expect(phones!.all).toContain('05 36 49 01 02')
    expect(phones!.all).toContain('05 36 49 01 01')
    expect(phones!.all).toContain('05 36 49 01 04')
    expect(phones!.firstLieux).toBe(-1)
    expect(first!.all).toContain('05 36 49 01 02')
    expect(first!.all).not.toContain('05 36 49 01 01')
    expect(first!.firstLieux).toBe(-1)
  })
  it('« l’adresse ? » and « c’est ou ? »: the street addresses from the data', async () => {
    const [, address] = await converse(['aide caf a Aurillac', 'l’adresse ?'])
    expect(address!.all).toContain('10 place de l’Hôtel de Ville')
    expect(address!.all).toContain('15000 Aurillac')
    expect(address!.firstLieux).toBe(-1)
    const [, where] = await converse(['imprimer à Guéret', "c'est ou ?"])
    expect(where!.all).toContain('12 avenue de la Sénatorerie')
    expect(where!.all).toContain('1 rue de la Mairie')
    expect(where!.firstLieux).toBe(-1)
  })
  it('« c’est payant ? »: free ones said free, the Payant one said payant', async () => {
    const [, free] = await converse(['aide tablette a gueret', "c'est payant ?"])
    expect(free!.all).toMatch(/gratuit/i)
    expect(free!.all).not.toMatch(/payant/i)
    expect(free!.firstLieux).toBe(-1)
    const [, mixed] = await converse(['acheter un ordinateur pas cher à Lyon', 'cest payant ?'])
    expect(mixed!.all).toMatch(/Fablab des Pentes[^\n]*payant/i)
    expect(mixed!.all).toMatch(/Lyon 8e[^\n]*gratuit/i)
    expect(mixed!.firstLieux).toBe(-1)
  })
  it('« cest combien » in Montauban', async () => {
    const [, price] = await converse(['ordi a montauban', 'cest combien'])
    expect(price!.all).toMatch(/gratuit/i)
    expect(price!.firstLieux).toBe(-1)
  })
  it('« c’est loin ? »: distances from the data, as the crow flies, without the list again', async () => {
    const [, far] = await converse(['aide tablette a gueret', "c'est loin ?"])
    expect(far!.all).toMatch(/Médiathèque du Grand Guéret[^\n]*\d+ m/)
    expect(far!.all).toMatch(/Bus numérique de la Creuse[^\n]*\d+ km/)
    expect(far!.firstLieux).toBe(-1)
  })
  it('« plus pres de chez moi »: asks for a postcode or « Me localiser », the commune kept', async () => {
    const [, closer] = await converse(['aide tablette a gueret', 'plus pres de chez moi'])
    expect(closer!.all).toMatch(/code postal|Me localiser/)
    expect(closer!.understanding.location?.codeInsee).toBe(GUERET)
    expect(closer!.firstLieux).toBe(-1)
  })
  it('« plus près » keeps Guéret and is read as a follow-up, not as the commune Les Prés', async () => {
    const [, closer] = await converse(['aide tablette a gueret', 'plus près'])
    expect(closer!.understanding.location?.codeInsee).toBe(GUERET)
    expect(closer!.all).not.toMatch(/Les Prés/)
  })
  it('« d’autres » and « voir d’autres lieux »: the next lieux, never the same ones', async () => {
    for (const more of ['d’autres', "voir d'autres lieux", 'plus de résultats']) {
      const [first, next] = await converse(['aide tablette a gueret', more])
      expect(next!.shown.length).toBeGreaterThan(0)
      for (const id of next!.shown) expect(first!.shown).not.toContain(id)
      expect(next!.understanding.location?.codeInsee).toBe(GUERET)
    }
  })
  it('« autre chose »: asks the new need and keeps the commune, then finds for it', async () => {
    const [, other, print] = await converse(['aide caf a Aurillac', 'autre chose', 'imprimer un document'])
    expect(other!.understanding).toMatchObject({ awaiting: 'need', services: [] })
    expect(other!.understanding.location?.codeInsee).toBe(AURILLAC)
    expect(other!.firstLieux).toBe(-1)
    expect(print!.shown).toContain('demo-aurillac-ressourcerie')
    expect(print!.understanding.location?.codeInsee).toBe(AURILLAC)
  })
  it('« pourquoi celui-là ? »: the reason, without the card again', async () => {
    const [, why] = await converse(['aide caf a Aurillac', 'pourquoi celui-là ?'])
    expect(why!.all).toMatch(/France Services/)
    expect(why!.firstLieux).toBe(-1)
  })
  it('« le deuxième »: that lieu only, with why it was chosen', async () => {
    const [, second] = await converse(['aide tablette a gueret', 'le deuxieme'])
    expect(second!.shown).toEqual(['demo-gueret-fs'])
    expect(second!.all).toMatch(/France services de Guéret/)
  })
  it('« leurs horaires ? » and « c’est ouvert ? »: the week and the state now, without the list again', async () => {
    const [, hours, open] = await converse(['aide caf a Aurillac', 'leurs horaires ?', "c'est ouvert ?"])
    expect(hours!.all).toMatch(/lundi au vendredi[^\n]*8 h 30 – 12 h et 13 h 30 – 17 h/)
    expect(hours!.firstLieux).toBe(-1)
    expect(open!.all).toMatch(/Ouvert/)
    expect(open!.all).toMatch(/12 h/)
    expect(open!.firstLieux).toBe(-1)
  })
  it('a chain of follow-ups never shows the list again and keeps the need', async () => {
    const turns = await converse([
      'aide tablette a gueret',
      'leur numéro ?',
      "c'est payant ?",
      "c'est loin ?",
      'leurs horaires ?',
      "c'est ouvert ?",
    ])
    for (const turn of turns.slice(1)) {
      expect(turn.firstLieux, turn.said).toBe(-1)
      expect(turn.understanding.services).toEqual(['Maîtrise des outils numériques du quotidien'])
    }
  })
})

describe('2. safety first', () => {
  const beforeAnyLieu = (turn: Turn, pattern: RegExp) => {
    const index = turn.messages.findIndex((m) => m.type === 'text' && pattern.test(m.text))
    expect(index, turn.said).toBeGreaterThanOrEqual(0)
    if (turn.firstLieux >= 0) expect(index).toBeLessThan(turn.firstLieux)
  }
  it('a code received by SMS asked by a « bank adviser »: never give it, hang up, 33700; then a place', async () => {
    const [scam, place] = await converse([
      "j'ai recu un code par sms et un conseiller de ma banque me le demande",
      'Guéret',
    ])
    beforeAnyLieu(scam!, /jamais un code/)
    expect(scam!.all).toMatch(/raccrochez/i)
    expect(scam!.all).toContain('33700')
    expect(scam!.understanding).toMatchObject({
      services: ['Utilisation sécurisée du numérique'],
      awaiting: 'location',
    })
    expect(place!.shown.length).toBeGreaterThan(0)
  })
  it('a fake bank adviser with the commune in the message: the advice before the lieux', async () => {
    const [turn] = await converse(["un faux conseiller bancaire m'a appelé, je suis à Marseille"])
    beforeAnyLieu(turn!, /arnaque/)
    beforeAnyLieu(turn!, /33700/)
    expect(turn!.shown).toEqual(['demo-marseille-epn'])
  })
  it('a suspicious link clicked in an SMS: scam advice, then the safe-use place in Aurillac', async () => {
    const [advice, place] = await converse(["j'ai cliqué sur un lien bizarre dans un sms", 'Aurillac'])
    expect(advice!.all).toMatch(/arnaque/)
    expect(advice!.all).toMatch(/cybermalveillance/i)
    expect(advice!.firstLieux).toBe(-1)
    expect(place!.shown).toEqual(['demo-aurillac-tablette'])
  })
  it('a code asked by SMS, written without accents: never give it', async () => {
    const [turn] = await converse(['jai recu un sms qui me demande le code de ma banque a toulouse'])
    expect(turn!.all).toMatch(/code/)
    expect(turn!.all).toMatch(/33700|banque/)
    if (turn!.firstLieux >= 0) beforeAnyLieu(turn!, /33700|banque/)
  })
  it('a suspicious call in heavy SMS spelling: never give a code', async () => {
    const [turn] = await converse(['un mec ma apeler il di ke cé ma banque il veu le code ke jai recu a toulouse'])
    expect(turn!.all).toMatch(/code/)
    expect(turn!.all).toMatch(/33700|banque/)
    if (turn!.firstLieux >= 0) beforeAnyLieu(turn!, /33700|banque/)
  })
  it('a hacked account: change the password from a safe device, cybermalveillance, 17Cyber; then Toulouse', async () => {
    const [advice, place] = await converse(['mon compte facebook a été piraté', 'Toulouse'])
    expect(advice!.all).toMatch(/mot de passe/)
    expect(advice!.all).toMatch(/cybermalveillance/i)
    expect(advice!.all).toMatch(/17Cyber/)
    expect(place!.shown).toEqual(['demo-toulouse-bib'])
  })
  it('a hacked mail account in SMS spelling, commune in the message', async () => {
    const [turn] = await converse(['mon mail a ete pirate je sui a marseille'])
    beforeAnyLieu(turn!, /piraté|mot de passe/)
    expect(turn!.shown).toContain('demo-marseille-epn')
  })
  it('harassment and threats: do not answer, keep the messages, 17, 3018; then a place in Lille', async () => {
    const [advice, place] = await converse(['on me harcèle sur internet, des menaces', 'Lille'])
    expect(advice!.all).toMatch(/gardez les messages/)
    expect(advice!.all).toContain('3018')
    expect(advice!.all).toMatch(/\b17\b/)
    expect(advice!.firstLieux).toBe(-1)
    expect(place!.shown.length).toBeGreaterThan(0)
  })
  it('harassment with the commune given: the advice before any lieu', async () => {
    const [turn] = await converse(['je recois des menaces sur facebook, jhabite a Lille'])
    beforeAnyLieu(turn!, /3018|17Cyber/)
  })
  it('far from any safe-use place, the widening is said once, plainly', async () => {
    const [, place] = await converse([
      "j'ai recu un code par sms et un conseiller de ma banque me le demande",
      'Guéret',
    ])
    expect(place!.all).not.toMatch(/50 km, à moins de 100 km/)
  })
})

describe('3. a human', () => {
  it('« je veux parler à quelqu’un » then Guéret: the phone of the lieu open now, with its hours', async () => {
    const [ask, phone] = await converse(["je veux parler à quelqu'un", 'Guéret'])
    expect(ask!.understanding).toMatchObject({ intent: 'parler_a_quelqu_un', awaiting: 'location' })
    expect(phone!.all).toContain('05 36 49 01 01')
    expect(phone!.all).toMatch(/ouvert/i)
    expect(phone!.all).toMatch(/12 h 30/)
    expect(phone!.shown).toEqual(['demo-gueret-fs'])
  })
  it('from Aurillac: the France services phone, open now', async () => {
    const [, phone] = await converse(['je voudrais parler a une vraie personne', 'Aurillac'])
    expect(phone!.all).toContain('04 65 71 02 01')
    expect(phone!.all).toMatch(/ouvert/i)
  })
  // Was a lexicon bug: « quelqun » (no apostrophe) was not read as wanting a person (fixed in intents.json).
  it('« je veux parler a quelqun a aurillac »: a phone, not the list of needs', async () => {
    const [turn] = await converse(['je veux parler a quelqun a aurillac'])
    expect(turn!.understanding.intent).toBe('parler_a_quelqu_un')
    expect(turn!.all).toContain('04 65 71 02 01')
  })
  it('twice not understood with the commune known: a phone to call', async () => {
    const [, once, twice] = await converse(['Guéret', 'blabla zorglub', 'xkcd qwerty'])
    expect(once!.all).not.toContain('05 36 49 01 01')
    expect(twice!.all).toContain('05 36 49 01 01')
    expect(twice!.all).not.toMatch(/Je ne peux pas vous aider pour cela/)
  })
  it('twice not understood without a commune: someone to call, never a dead end', async () => {
    const [, twice] = await converse(['zzzz', 'grmbl fgh'])
    expect(twice!.all).toMatch(/appeler|mairie|France Services/i)
    expect(twice!.all).not.toMatch(/Je ne peux pas vous aider pour cela/)
  })
  it('the paused helpline is given only when Solidarité Numérique is asked about, said to be paused', async () => {
    const [turn] = await converse(['le numéro de Solidarité Numérique ?'])
    expect(turn!.all).toContain(pausedHelpline)
    expect(turn!.all).toMatch(/suspendue/)
    expect(turn!.understanding.topic).toBe('solidarite_numerique')
    const [what, place] = await converse(["c'est quoi solidarite numerique", 'Aurillac'])
    expect(what!.all).toContain(pausedHelpline)
    expect(place!.all + JSON.stringify(place!.cards)).toMatch(/04 65 71 02 0|\+33465710/)
  })
  it('a person asking for a phone number to be helped never gets the paused helpline', async () => {
    // The invariant in converse fails on the paused number.
    await converse(['un numero de telephone pour etre aidé avec internet', 'Guéret'])
    await converse(['je veux parler à quelqu’un', 'Rennes'])
  })
})

describe('4. why this place', () => {
  it('every card has a reason; France Services lieux say France Services', async () => {
    for (const text of ['démarches à Guéret', 'aide caf a Aurillac', 'aide caf a paris', 'démarches à Toulouse']) {
      const [turn] = await converse([text])
      expect(turn!.cards.length, text).toBeGreaterThan(0)
      for (const card of turn!.cards)
        if (card.id.endsWith('-fs')) expect(card.pourquoi, card.id).toMatch(/France Services/)
    }
  })
  it('a Payant lieu’s reason says payant, a free one says free', async () => {
    const [lyon] = await converse(['atelier à Lyon'])
    expect(lyon!.cards.find((c) => c.id === 'demo-lyon-fablab')?.pourquoi).toMatch(/payant/i)
    const [aurillac] = await converse(['imprimer à Aurillac'])
    expect(aurillac!.cards.find((c) => c.id === 'demo-aurillac-ressourcerie')?.pourquoi).toMatch(/payant/i)
    const [gueret] = await converse(['aide tablette a gueret'])
    for (const card of gueret!.cards) expect(card.pourquoi).toMatch(/gratuit/i)
  })
  it('« Gratuit sous condition » is said plainly in the reason', async () => {
    const [, more] = await converse(['aide tablette a gueret', 'd’autres'])
    expect(more!.cards.find((c) => c.id === 'demo-aubusson-epn')?.pourquoi).toMatch(/gratuit sous conditions/i)
  })
  it('an Aidants Connect lieu’s reason says what Aidants Connect does', async () => {
    const [turn] = await converse(['démarches à Guéret'])
    expect(turn!.cards.find((c) => c.id === 'demo-gueret-ccas')?.pourquoi).toMatch(/Aidants Connect/)
  })
  it('« pourquoi celui-là » repeats the card’s reason', async () => {
    const [first, why] = await converse(['atelier à Lyon', 'pourquoi celui-là'])
    expect(why!.all).toContain(first!.cards[0]!.pourquoi)
  })
})

describe('5. English', () => {
  const french = /\b(Voici|Appelez|Dans quelle commune|gratuit|De quoi avez-vous besoin)\b/
  it('an English message is answered in English; the English-speaking Paris lieu comes first', async () => {
    const [turn] = await converse(['Hello, I need help with online forms in Paris'])
    expect(turn!.understanding.language).toBe('en')
    expect(turn!.shown[0]).toBe('demo-paris18-emmaus')
    expect(turn!.all).toMatch(/Here is|place/)
    expect(turn!.all).not.toMatch(french)
    expect(turn!.cards[0]!.pourquoi).toMatch(/Free/)
  })
  it('printing in Paris in English: Emmaüs Connect first, answer in English', async () => {
    const [turn] = await converse(['english please, I need to print in Paris'])
    expect(turn!.understanding.language).toBe('en')
    expect(turn!.shown[0]).toBe('demo-paris18-emmaus')
    expect(turn!.all).not.toMatch(french)
  })
  it('an English follow-up about the price is answered in English', async () => {
    // « Is it free? » keeps free lieux (as « c'est gratuit ? »); « how much does it cost? » asks about those shown.
    const [, free, price] = await converse([
      'I need help with my computer in Paris',
      'is it free?',
      'how much does it cost?',
    ])
    expect(free!.understanding.constraints?.frais_a_charge).toEqual(['Gratuit'])
    expect(free!.all).not.toMatch(french)
    expect(price!.all).toMatch(/free/i)
    expect(price!.all).not.toMatch(french)
    expect(price!.firstLieux).toBe(-1)
  })
  it('an English question without a commune asks for it in English', async () => {
    const [turn] = await converse(['I would like to learn how to use a tablet'])
    expect(turn!.understanding).toMatchObject({ language: 'en', awaiting: 'location' })
    expect(turn!.all).not.toMatch(french)
    expect(turn!.all).toMatch(/town|city|postcode|postal|where/i)
  })
  it('an English scam message gets the safety advice in English', async () => {
    const [turn] = await converse(['someone called pretending to be my bank and asked for the code I got by text'])
    expect(turn!.understanding.language).toBe('en')
    expect(turn!.all).toMatch(/never|code|bank/i)
    expect(turn!.all).not.toMatch(french)
  })
  it('the conversation stays in English over follow-ups', async () => {
    const [, , phone] = await converse([
      'I need help with my computer in Paris',
      'is it free?',
      'what is their phone number?',
    ])
    expect(phone!.all).toContain('01 99 00 01 02')
    expect(phone!.understanding.language).toBe('en')
  })
})

describe('6. plain words', () => {
  it('the English-speaking lieu is never described with « Langues étrangères (anglais) »', async () => {
    // The invariant in converse checks every text and question.
    const [turn] = await converse(['je parle anglais, aide pour la caf a paris'])
    expect(turn!.shown).toContain('demo-paris18-emmaus')
  })
  it('a lieu doing one-to-one help is never described as « Accompagnement individuel »', async () => {
    await converse(['quelqu’un pour m’aider seul à seul à Guéret', 'pourquoi celui-là ?', 'leurs horaires ?'])
  })
  it('the deaf and visually impaired lieu is described plainly', async () => {
    const [turn] = await converse(['ma femme est sourde, elle a besoin d’aide pour la caf a gueret'])
    expect(turn!.shown).toContain('demo-gueret-ccas')
  })
  it('workshops and free access are said plainly in answers and questions', async () => {
    await converse(['atelier gratuit à Aurillac', 'et à Guéret ?', 'aide', 'je sais pas'])
  })
})

describe('7. remembered context', () => {
  it('« le Pass numérique c’est quoi ? » then « Guéret »: lieux, not the list of needs', async () => {
    const [what, place] = await converse(["le Pass numérique c'est quoi ?", 'Guéret'])
    expect(what!.understanding).toMatchObject({ topic: 'pass_numerique', awaiting: 'location' })
    expect(place!.shown.length).toBeGreaterThan(0)
    expect(place!.all).not.toMatch(/De quoi avez-vous besoin/)
    expect(place!.all).toMatch(/Pass numérique/)
  })
  it('« c’est quoi France Services » then a commune: the France Services there', async () => {
    const [, place] = await converse(['cest quoi une france services ?', 'Lille'])
    expect(place!.shown[0]).toBe('demo-lille-fs')
  })
  // The commune named in the same message as a question about a programme (« … a valence »): its lieux, at once.
  it('« cest ou la france service a valence »: the Valence France Services, not « your commune? »', async () => {
    const [turn] = await converse(['cest ou la france service a valence'])
    expect(turn!.shown).toContain('demo-valence-fs')
  })
  it('« pour ma mère » is kept: the question asks about the person helped, and still after the commune', async () => {
    const [ask, place] = await converse(['pour ma mère, elle veut apprendre la tablette', 'Guéret'])
    expect(ask!.understanding).toMatchObject({ forSomeoneElse: true, awaiting: 'location' })
    expect(ask!.all).toMatch(/la personne que vous aidez|son code postal/)
    expect(place!.understanding.forSomeoneElse).toBe(true)
    expect(place!.shown[0]).toBe('demo-gueret-mediatheque')
  })
  it('« pour ma mère » then the need in another turn: still for her', async () => {
    const [, need] = await converse(['pour ma mère', 'elle veut apprendre internet'])
    expect(need!.understanding.forSomeoneElse).toBe(true)
    expect(need!.all).toMatch(/la personne que vous aidez/)
  })
  it('« pour mon père »: the need question asks about the person helped', async () => {
    const [ask] = await converse(['pour mon père'])
    expect(ask!.understanding.forSomeoneElse).toBe(true)
    expect(ask!.all).toMatch(/la personne que vous aidez|il|elle/)
  })
  it('a constraint (gratuit, atelier) is kept over a change of commune', async () => {
    const [aurillac, gueret] = await converse(['atelier gratuit à Aurillac', 'et à Guéret ?'])
    expect(aurillac!.shown).toEqual(['demo-aurillac-tablette'])
    expect(gueret!.understanding.constraints).toMatchObject({
      frais_a_charge: ['Gratuit'],
      modalites_accompagnement: ['Dans un atelier collectif'],
    })
    expect(gueret!.understanding.location?.codeInsee).toBe(GUERET)
    // Aubusson is only « gratuit sous condition »: the constraint still applies.
    expect(gueret!.shown).toEqual(['demo-gueret-mediatheque'])
  })
  it('« gratuit » is kept over a commune change by postcode', async () => {
    const [, , next] = await converse(['ordinateur gratuit', '15000', 'et a Gueret'])
    expect(next!.understanding.constraints).toMatchObject({ frais_a_charge: ['Gratuit'] })
    expect(next!.understanding.location?.codeInsee).toBe(GUERET)
    expect(next!.shown).not.toContain('demo-aubusson-epn')
  })
  it('« pas forcément gratuit » removes the constraint and searches again', async () => {
    const [, , notFree] = await converse(['atelier gratuit à Aurillac', 'et à Guéret ?', 'pas forcément gratuit'])
    expect(notFree!.understanding.constraints?.frais_a_charge).toBeUndefined()
    expect(notFree!.understanding.intent).toBe('trouver_lieu')
    expect(notFree!.all).not.toMatch(/pas bien compris/)
  })
  it('« pas forcément gratuit » at least takes the constraint back', async () => {
    const [, notFree] = await converse(['atelier gratuit à Aurillac', 'pas forcément gratuit'])
    expect(notFree!.understanding.constraints?.frais_a_charge).toBeUndefined()
  })
  it('a day asked before the commune is kept for the search', async () => {
    const [ask, place] = await converse(['cé ouver le samdi ? ', 'aide tablette a gueret'])
    expect(ask!.understanding.constraints).toMatchObject({ ouvert_jour: 'Sa' })
    expect(place!.shown).toContain('demo-gueret-mediatheque')
    expect(place!.shown).not.toContain('demo-gueret-fs')
  })
  // BUG (orientation): « paris » at the end of the message without « à » is not read as the commune.
  it.fails('« aide caf paris »: Paris understood without « à »', async () => {
    const [turn] = await converse(['aide caf paris'])
    expect(turn!.understanding.location?.codeInsee).toBe('75056')
  })
})

describe('8. dead ends', () => {
  it('« aide » twice never gets the same question twice', async () => {
    const [one, two] = await converse(['aide', 'aide'])
    expect(one!.understanding.awaiting).toBe('need')
    expect(two!.all).not.toBe(one!.all)
    expect(two!.all).not.toMatch(/Je ne peux pas vous aider pour cela/)
  })
  it('« aide » three times: still a different question, never a dead end', async () => {
    const turns = await converse(['aide', 'aide svp', 'aidez moi'])
    expect(new Set(turns.map((t) => t.all)).size).toBeGreaterThan(1)
    for (const t of turns) expect(t.all).not.toMatch(/Je ne peux pas vous aider pour cela/)
  })
  it('« je sais pas » after « dans quelle commune ? » helps: code postal, « Me localiser »', async () => {
    const [ask, help] = await converse(['aide tablette', 'je sais pas'])
    expect(ask!.understanding.awaiting).toBe('location')
    expect(help!.all).toMatch(/code postal/)
    expect(help!.all).toMatch(/Me localiser/)
    expect(help!.all).not.toMatch(/Je ne peux pas vous aider pour cela/)
    expect(help!.all).not.toBe(ask!.all)
  })
  it('« jsp » and « je ne sais pas » in other words help too', async () => {
    for (const unsure of ['jsp', 'je ne sais pas', 'chai pas']) {
      const [, help] = await converse(['faire ma declaration impot', unsure])
      expect(help!.all, unsure).toMatch(/code postal|Me localiser/)
      expect(help!.all).not.toMatch(/Je ne peux pas vous aider pour cela/)
    }
  })
  it('a postcode after « je sais pas » finds the lieux', async () => {
    const [, , place] = await converse(['aide tablette', 'je sais pas', '23000'])
    expect(place!.understanding.location?.codeInsee).toBe(GUERET)
    expect(place!.shown[0]).toBe('demo-gueret-mediatheque')
  })
  it('« Guéret » after two « aide »: the need is still asked, differently', async () => {
    const [, , place] = await converse(['aide', 'aide', 'Guéret'])
    expect(place!.understanding.location?.codeInsee).toBe(GUERET)
    expect(place!.all).not.toMatch(/Je ne peux pas vous aider pour cela/)
  })
})

describe('secrets and bad turns', () => {
  it('a password typed is masked and warned about, and the search goes on', async () => {
    const [turn] = await converse(['mon mot de passe est Secret123 aide Guéret'])
    expect(JSON.stringify([turn!.messages, turn!.understanding])).not.toContain('Secret123')
    expect(turn!.texts[0]).toMatch(/mot de passe/)
    expect(turn!.texts[0]).toMatch(/Ne le donnez jamais/)
    expect(turn!.understanding.location?.codeInsee).toBe(GUERET)
  })
  it('a social security number typed is masked and warned about', async () => {
    const [turn] = await converse(['mon numéro de sécu 1 84 12 75 118 042 36 aide caf a Lyon'])
    expect(JSON.stringify([turn!.messages, turn!.understanding])).not.toMatch(/1 84 12 75 118 042 36|184127511804236/)
    expect(turn!.texts[0]).toMatch(/sécurité sociale/)
  })
  it('a password typed in the middle of a conversation is masked too', async () => {
    const [, secret] = await converse(['aide caf a Aurillac', 'mon mdp cest Azerty!2024'])
    expect(JSON.stringify([secret!.messages, secret!.understanding])).not.toContain('Azerty!2024')
    expect(secret!.all).toMatch(/mot de passe/)
  })
  it('odd turns never get a 5xx', async () => {
    await converse(['', '   '].map((t) => t || '?'))
    await converse(['🙂🙂🙂', '<script>alert(1)</script>', '${7*7}', 'é'.repeat(900), '0', 'null'])
    await converse(['aide tablette a gueret', 'le dixième', 'et le 31 février ?', 'le numéro du cinquième'])
  })
  it('an unknown conversation id starts afresh', async () => {
    const { status, body } = await say('et samedi ?', 'inconnue-42')
    expect(status).toBe(200)
    expect(body.conversationId).not.toBe('inconnue-42')
    expect(body.lieux).toEqual([])
  })
})

describe('9. after a first blind review', () => {
  it('a parcel SMS paid by card: the scam advice first (block the card), and again on « je fais quoi ? »', async () => {
    const [scam, next] = await converse([
      'jai recu un sms colissimo colis en attente payer 1,99 euros frais de port avec un lien. jai clique et mis ma carte bleue',
      'je fais quoi maintenant',
    ])
    expect(scam!.all).toMatch(/arnaque/)
    expect(scam!.all).toMatch(/opposition/)
    expect(next!.all).toMatch(/opposition/)
    expect(next!.all).not.toMatch(/Je n’ai pas bien compris/)
  })
  it('a fake Ameli agent asking the NIR and the IBAN, then « elle a l’air gentille »: never give them', async () => {
    const [scam, next] = await converse([
      'une dame de l ameli au telephone veut mon numero de secu et mon iban pour un remboursement',
      'elle a l air gentille',
    ])
    expect(scam!.all).toMatch(/arnaque/)
    expect(next!.all).toMatch(/ne donnez|ne payez/i)
  })
  it('« maman, j’ai changé de numéro, paie par ce lien »: a scam', async () => {
    const [scam] = await converse([
      'ma fille m ecrit depuis un nouveau numero et me demande de payer une facture urgente par un lien',
    ])
    expect(scam!.all).toMatch(/arnaque/)
  })
  it('a scam told in English gets the advice in English, before the place', async () => {
    const [scam] = await converse([
      'Hi, someone called me saying he is from my bank and asked for the code they sent me by text. I live in Aurillac',
    ])
    expect(scam!.understanding.language).toBe('en')
    expect(scam!.all).toMatch(/scam/)
    expect(scam!.all).toContain('33700')
    expect(scam!.firstLieux).toBeGreaterThan(0)
    expect(scam!.cards[0]?.ouvertureTexte).toMatch(/^(Open|Closed)/)
  })
  it('« comment je prends rdv ? »: the booking link, or « sans rendez-vous », from the data', async () => {
    const [, booking] = await converse(['apprendre la tablette à Guéret', 'comment je prend rdv ?'])
    expect(booking!.all).toContain('https://rdv.example.org/mediat')
    expect(booking!.shown).toEqual([])
    const [, walkIn] = await converse(['aide caf a Aurillac', 'il faut telephoner avant ?'])
    expect(walkIn!.all).toMatch(/sans rendez-vous/)
  })
  it('« c ouvert jusqua kel heure » and « le bus passe quand »: the hours of the lieux shown', async () => {
    const [, until] = await converse(['aide caf a Aurillac', 'c ouvert jusqua kel heure'])
    expect(until!.all).toMatch(/8 h 30 – 12 h et 13 h 30 – 17 h/)
    const [, bus] = await converse(['apprendre internet a Bourganeuf', 'le bus passe quand'])
    expect(bus!.all).toMatch(/jeudi/)
  })
  it('« j habite paris 14 »: the France Services of the 14e first', async () => {
    const [turn] = await converse(['aide pour ma declaration d impots, j habite paris 14'])
    expect(turn!.shown[0]).toBe('demo-paris14-fs')
  })
  it('after Solidarité Numérique, « alors je fais comment » asks the commune again, then gives a phone', async () => {
    const [, again, place] = await converse([
      'jai essaye dappeler le 01 70 772 372 personne repond',
      'alors je fais comment',
      'Bourganeuf',
    ])
    expect(again!.understanding.awaiting).toBe('location')
    expect(again!.all).not.toMatch(/Je n’ai pas bien compris/)
    expect(place!.all).toMatch(/05 36 49 01 0\d/)
  })
  it('a new need after the lieux shown is a new search, not « the same lieux »', async () => {
    const [, cheap] = await converse([
      'aide pour faire mon dossier pole emploi a Clermont Ferrand',
      'et aussi je voudrais un ordinateur pas cher',
    ])
    expect(cheap!.understanding.services).toEqual(['Acquisition de matériel informatique à prix solidaire'])
    expect(cheap!.all).not.toMatch(/mêmes? lieux?/)
  })
})
