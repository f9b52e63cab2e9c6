// Shared by the bot's tests: the fixtures' data, the engine in operator mode at a fixed instant, the bot on botbuilder's
// TestAdapter (Microsoft's offline adapter: no Bot Framework service is reached), and readers for the cards.
import path from 'node:path'
import { chatEngine, DatasetStore, loadFromFiles } from '@aiguillage/api'
import { type Activity, TestAdapter } from 'botbuilder'
import { createTeamsBot } from './bot.js'

export const fixtures = path.join(import.meta.dirname, '../fixtures')
/** Saturday 28 November 2026, 10:30 in Paris. */
export const SATURDAY_10H30 = new Date('2026-11-28T09:30:00Z')

export async function fixtureStore(): Promise<DatasetStore> {
  const dataset = await loadFromFiles(
    [path.join(fixtures, 'lieux.csv')],
    path.join(fixtures, 'communes.csv'),
    {
      kind: 'fichiers',
      demo: false,
      origins: ['fixtures'],
    },
    SATURDAY_10H30,
  )
  return new DatasetStore(dataset)
}

export async function testBot(now = SATURDAY_10H30) {
  const store = await fixtureStore()
  const bot = createTeamsBot({
    engine: chatEngine(store, { mode: 'operator', now: () => now }),
    lieuById: (id) => store.current.index.byId(id),
    now: () => now,
    publicUrl: () => 'https://aiguillage.exemple.fr',
  })
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context)
  })
  /** One activity in, every activity the bot sent back out. */
  const send = async (activity: string | Partial<Activity>): Promise<Partial<Activity>[]> => {
    await adapter.processActivity(activity, async (context) => {
      await bot.run(context)
    })
    return adapter.activeQueue.splice(0)
  }
  return { bot, adapter, send, store }
}

export type Json = any

/** The Adaptive Cards of the replies, in order. */
export function cardsOf(activities: Partial<Activity>[]): Json[] {
  return activities.flatMap((a) =>
    (a.attachments ?? [])
      .filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((x) => x.content),
  )
}

/** Every text of a card (TextRuns, TextBlocks, the choice set's label), joined: what an operator reads. */
export function cardText(card: Json): string {
  const texts: string[] = []
  const walk = (node: Json) => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (node && typeof node === 'object') {
      if ((node.type === 'TextRun' || node.type === 'TextBlock') && typeof node.text === 'string') texts.push(node.text)
      if (node.type === 'Input.ChoiceSet' && typeof node.label === 'string') texts.push(node.label)
      for (const value of Object.values(node)) walk(value)
    }
  }
  walk(card.body)
  return texts.join('')
}

/** The card's title (its first run; a question's label). */
export const cardTitle = (card: Json): string => card.body[0].inlines?.[0]?.text ?? card.body[0].label

export const textsOf = (activities: Partial<Activity>[]) => activities.flatMap((a) => (a.text ? [a.text] : []))
