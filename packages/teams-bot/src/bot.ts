import type { Assistant, Message, TurnResult } from '@aiguillage/assistant'
import { ExpiringStorage } from '@aiguillage/api'
import { type Clock, type Lieu, lieuShare } from '@aiguillage/lieux'
import {
  Application,
  type DefaultConversationState,
  type Query,
  type TeamsAdapter,
  TurnState,
} from '@microsoft/teams-ai'
import {
  type Activity,
  ActivityTypes,
  CardFactory,
  type MessagingExtensionResult,
  type Storage,
  type TurnContext,
} from 'botbuilder'
import { choiceInputId, choicesCard, ficheCard, lieuCard, Verb } from './cards.js'

/** What the bot keeps per Teams conversation: the engine's conversation (the understanding lives in the engine). */
type Conversation = DefaultConversationState & { engineId?: string }
export type BotState = TurnState<Conversation>

export type TeamsBotOptions = {
  /** The assistant in operator mode, over the data being served (the same engine as the other channels). */
  engine: () => Pick<Assistant, 'reply'>
  /** A lieu's full record, by id (the served data). */
  lieuById: (id: string) => Lieu | undefined
  adapter?: TeamsAdapter
  /** The bot's state between turns; forgotten after 30 minutes by default. */
  storage?: Storage
  /** The server's clock (today's hours, the data's age, the state's expiry). */
  now: Clock
  /** The server's public address, for the texts to send (a lieu's page); without it, the fiche has no « Texte à envoyer ». */
  publicUrl?: () => string | undefined
}

/** The contract's limit on a message; an operator's longer paste is read up to it, and told so. */
export const maxTextLength = 1000

export const helpText = [
  'Écrivez la commune et le besoin de l’appelant, en mots simples ou avec ses propres mots. Par exemple :',
  '« Guéret démarches gratuit samedi », « 15000 apprendre tablette », « elle veut qu’on fasse sa déclaration d’impôts, elle habite Aurillac ».',
  'Sur chaque lieu : « Fiche » pour tout lire, « Plus » pour les lieux suivants.',
  'Commandes : « aide », « nouvelle recherche ».',
].join('\n\n')

const emptyText =
  'Message vide. Écrivez la commune et le besoin de l’appelant, par exemple « Guéret démarches gratuit samedi ».'

/**
 * The helpline operators' bot, on teams-ai's `Application`: a thin channel over the engine in operator mode (compact,
 * 5 lieux at a time, no small talk). Lieux are Adaptive Cards; homonyms and needs are buttons; a message extension
 * finds a lieu to insert in any chat.
 */
export function createTeamsBot(options: TeamsBotOptions): Application<BotState> {
  const now = options.now
  const app = new Application<BotState>({
    ...(options.adapter ? { adapter: options.adapter } : {}),
    storage: options.storage ?? new ExpiringStorage(30 * 60_000, now),
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
    turnStateFactory: () => new TurnState<Conversation>(),
  })

  /** One turn of the engine, shown as a compact text, one card per lieu, and the questions as buttons. */
  const lookup = async (context: TurnContext, state: BotState, rawText: string): Promise<void> => {
    const trimmed = rawText.trim()
    if (!trimmed) {
      await context.sendActivity(plain(emptyText))
      return
    }
    const text = trimmed.slice(0, maxTextLength)
    const conversationId = state.conversation.engineId
    const turn: TurnResult = await options.engine().reply({ text, ...(conversationId ? { conversationId } : {}) })
    state.conversation.engineId = turn.conversationId
    await context.sendActivities(activitiesOf(turn.messages, trimmed.length > maxTextLength))
  }

  // Routes are tried in order: commands and card buttons before free text.
  app.message(/^\s*(aide|help|\?)\s*$/i, async (context) => {
    await context.sendActivity(plain(helpText))
  })
  app.message(/^\s*nouvelle recherche\s*$/i, async (context, state) => {
    delete state.conversation.engineId
    await context.sendActivity(plain('Nouvelle recherche. Indiquez la commune et le besoin de l’appelant.'))
  })
  app.adaptiveCards.actionSubmit(Verb.More, async (context, state) => lookup(context, state, 'plus de résultats'))
  // The choice set's value (`choix`); `value` is what the cards sent before it (one button per answer).
  app.adaptiveCards.actionSubmit<{ [choiceInputId]?: string; value?: string }>(
    Verb.Choice,
    async (context, state, data) => lookup(context, state, String(data[choiceInputId] ?? data.value ?? '')),
  )
  app.adaptiveCards.actionSubmit<{ id?: string }>(Verb.Fiche, async (context, _state, data) => {
    const lieu = typeof data.id === 'string' ? options.lieuById(data.id) : undefined
    if (!lieu) {
      await context.sendActivity(plain('Ce lieu n’est plus dans les données. Relancez la recherche.'))
      return
    }
    const instant = now()
    const publicUrl = options.publicUrl?.()
    await context.sendActivity({
      type: ActivityTypes.Message,
      attachments: [
        CardFactory.adaptiveCard(ficheCard(lieu, instant, publicUrl ? lieuShare(lieu, instant, publicUrl) : undefined)),
      ],
    })
  })
  app.activity(ActivityTypes.Message, async (context, state) => {
    // A button of an old card without a known verb, or an attachment alone: read as text (empty → the hint).
    await lookup(context, state, context.activity.text ?? '')
  })

  // The message extension: a search box in any chat's compose area; the chosen lieu's card is inserted.
  app.messageExtensions.query(
    'chercherLieu',
    async (_context, _state, query: Query<Record<string, unknown>>): Promise<MessagingExtensionResult> => {
      const raw = query.parameters.recherche ?? Object.values(query.parameters)[0]
      const asked = (typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '').trim()
      if (!asked) return { type: 'message', text: 'Tapez une commune et un besoin, par exemple « Guéret démarches ».' }
      const turn = await options.engine().reply({ text: asked.slice(0, maxTextLength) })
      if (turn.lieux.length === 0) {
        const question = turn.messages.find((m) => m.type === 'choices')
        return {
          type: 'message',
          text:
            question?.type === 'choices' && turn.understanding.awaiting === 'commune_choice'
              ? 'Plusieurs communes portent ce nom : ajoutez le département, par exemple « Valence 26 ».'
              : (firstText(turn.messages) ?? 'Aucun lieu trouvé.'),
        }
      }
      return {
        type: 'result',
        attachmentLayout: 'list',
        attachments: turn.lieux.slice(0, Math.max(1, Math.min(query.count || 10, 10))).map((lieu) => ({
          ...CardFactory.adaptiveCard(lieuCard(lieu, { botActions: false })),
          preview: CardFactory.thumbnailCard(
            lieu.nom,
            `${lieu.distanceTexte} · ${lieu.commune}${lieu.telephoneAffichage ? ` · ${lieu.telephoneAffichage}` : ''}`,
          ),
        })),
      }
    },
  )

  return app
}

/** A plain-text message: Teams must not read a name or a sentence from the data as Markdown. */
function plain(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'plain' }
}

function firstText(messages: readonly Message[]): string | undefined {
  const first = messages.find((m) => m.type === 'text')
  return first?.type === 'text' ? first.text : undefined
}

/** The engine's messages as activities: texts together, the lieux as cards, questions as buttons. */
export function activitiesOf(messages: readonly Message[], truncated: boolean): Partial<Activity>[] {
  const activities: Partial<Activity>[] = []
  const texts = messages.flatMap((m) => (m.type === 'text' ? [m.text] : []))
  if (truncated) texts.unshift(`Message long : seuls les ${maxTextLength} premiers caractères ont été lus.`)
  if (texts.length) activities.push(plain(texts.join('\n\n')))
  for (const message of messages) {
    if (message.type === 'lieux' && message.lieux.length)
      activities.push({
        type: ActivityTypes.Message,
        attachmentLayout: 'list',
        attachments: message.lieux.map((lieu) => CardFactory.adaptiveCard(lieuCard(lieu))),
      })
    // "Et maintenant ?" is on every card already (« Plus »); "nouvelle recherche" is a command.
    if (message.type === 'choices' && message.question !== 'Et maintenant ?')
      activities.push({
        type: ActivityTypes.Message,
        attachments: [CardFactory.adaptiveCard(choicesCard(message.question, message.choices))],
      })
  }
  return activities
}
