import type { Clock } from '@aiguillage/lieux'
import { randomUUID } from 'node:crypto'
import { type Activity, BotAdapter, type ConversationReference, type ResourceResponse, TurnContext } from 'botbuilder'

/** The channel id carried by the web chat's activities. */
export const webChannelId = 'aiguillage-web'

/**
 * botkit's adapter for our websocket. Unlike botkit's stock web adapter, the conversation and the user of an
 * activity are the session the server bound to the socket, never ids sent by the browser; replies are handed to
 * `deliver`, which finds the socket of that session (or keeps them until it reconnects).
 */
export class SocketAdapter extends BotAdapter {
  /** botkit loads its adapter as a plugin, by name. */
  readonly name = 'aiguillage-web-adapter'

  constructor(
    private readonly now: Clock,
    private readonly deliver: (sessionId: string, activity: Partial<Activity>) => void,
  ) {
    super()
  }

  /** Runs one turn for a session: the activity is built here, from what the server knows. */
  async receive(
    sessionId: string,
    text: string,
    channelData: Record<string, unknown>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity: Partial<Activity> = {
      type: 'message',
      id: randomUUID(),
      timestamp: this.now(),
      channelId: webChannelId,
      from: { id: sessionId, name: 'personne' },
      recipient: { id: 'aiguillage', name: 'Aiguillage' },
      conversation: { id: sessionId, isGroup: false, conversationType: 'personal', name: '' },
      text,
      channelData,
    }
    await this.runMiddleware(new TurnContext(this, activity), logic)
  }

  sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = []
    for (const activity of activities) {
      const sessionId = activity.conversation?.id
      if (sessionId && activity.type === 'message') this.deliver(sessionId, activity)
      responses.push({ id: randomUUID() })
    }
    return Promise.resolve(responses)
  }

  updateActivity(): Promise<ResourceResponse | void> {
    return Promise.reject(new Error('Le canal web ne modifie pas les messages envoyés.'))
  }

  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('Le canal web ne supprime pas les messages envoyés.'))
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: 'event', name: 'continueConversation' },
      reference,
      true,
    )
    await this.runMiddleware(new TurnContext(this, activity), logic)
  }
}
