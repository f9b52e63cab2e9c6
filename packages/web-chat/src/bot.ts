import './quiet-libraries.js' // before botkit: its debug logs carry what people write
import type { Clock } from '@aiguillage/lieux'
import type { BotStorage } from '@aiguillage/api'
import { Botkit, type BotkitMessage, type BotWorker } from 'botkit'
import type { Activity, TurnContext } from 'botbuilder'
import { SocketAdapter } from './adapter.js'

/** botkit and its adapter for the web chat: what takes botkit's ~1 s of loading, kept out of the server's start. */
export type WebBot = {
  receive: (sessionId: string, text: string, channelData: Record<string, unknown>) => Promise<void>
}

export function createWebBot(options: {
  now: Clock
  storage: BotStorage
  deliver: (sessionId: string, activity: Partial<Activity>) => void
  answer: (bot: BotWorker, message: BotkitMessage) => Promise<void>
}): WebBot {
  const adapter = new SocketAdapter(options.now, options.deliver)
  const controller = new Botkit({
    adapter,
    disable_webserver: true,
    disable_console: true,
    storage: options.storage,
  })
  controller.on('message', options.answer)
  return {
    receive: (sessionId, text, channelData) =>
      adapter.receive(sessionId, text, channelData, (context: TurnContext) => controller.handleTurn(context)),
  }
}
