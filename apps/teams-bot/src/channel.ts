import { type Channel, chatEngine, problem as problemOf, ProblemType, sendProblem } from '@aiguillage/api'
import { TeamsAdapter } from '@microsoft/teams-ai'
import type { Context } from 'hono'
import { createTeamsBot } from './bot.js'
import type { TeamsConfig } from './config.js'

function adapterFor(config: TeamsConfig): TeamsAdapter {
  if (config.mode === 'development') return new TeamsAdapter()
  return new TeamsAdapter({
    MicrosoftAppId: config.appId,
    MicrosoftAppType: config.tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
    ...(config.password ? { MicrosoftAppPassword: config.password } : {}),
    ...(config.certificate
      ? { CertificateThumbprint: config.certificate.thumbprint, CertificatePrivateKey: config.certificate.privateKey }
      : {}),
  })
}

const problem = (c: Context, status: 400 | 401 | 415, detail: string, field?: string) =>
  sendProblem(
    c,
    problemOf(
      status,
      status === 401 ? ProblemType.Unauthorized : ProblemType.InvalidParameter,
      detail,
      field ? { issues: [{ path: field.split('.'), code: 'invalid', message: detail }] } : {},
    ),
  )

/** The fields every Bot Framework activity has; anything else is refused before botbuilder sees it. */
function activityProblem(body: unknown): { detail: string; field: string } | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { detail: 'Le corps doit être une activité Bot Framework (un objet JSON).', field: '' }
  const activity = body as Record<string, unknown>
  const text = (key: string) => {
    const value = activity[key]
    return typeof value === 'string' && value.length > 0
  }
  const idOf = (key: string) => typeof (activity[key] as { id?: unknown } | undefined)?.id === 'string'
  if (!text('type')) return { detail: '« type » manque : par exemple « message ».', field: 'type' }
  if (!text('serviceUrl')) return { detail: '« serviceUrl » manque.', field: 'serviceUrl' }
  if (!text('channelId')) return { detail: '« channelId » manque.', field: 'channelId' }
  if (!idOf('conversation')) return { detail: '« conversation.id » manque.', field: 'conversation.id' }
  if (!idOf('from')) return { detail: '« from.id » manque.', field: 'from.id' }
  if (activity.text !== undefined && typeof activity.text !== 'string')
    return { detail: '« text » doit être du texte.', field: 'text' }
  return undefined
}

/**
 * The Teams bot mounted on the main process at POST /api/messages. botbuilder expects Express's request and response;
 * the shim below gives it the parsed body and headers, and collects what it answers (an invoke's body, the replies of
 * `deliveryMode: 'expectReplies'`, or 401).
 */
export function teamsChannel(config: TeamsConfig): Channel {
  return {
    name: 'teams',
    routes: (app, context) => {
      if (config.mode === 'development')
        context.logger.warn(
          'TEAMS EN MODE DÉVELOPPEMENT : /api/messages accepte toute requête SANS VÉRIFIER LE JETON Bot Framework. Ne jamais exposer ce serveur ainsi ; en production, donnez MicrosoftAppId et son secret ou certificat.',
        )
      const adapter = adapterFor(config)
      const engine = chatEngine(context.store, { mode: 'operator', now: context.now })
      const bot = createTeamsBot({
        engine,
        lieuById: (id) => context.store.current.index.byId(id),
        adapter,
        now: context.now,
      })
      adapter.onTurnError = async (turnContext, error) => {
        // A bug in a turn: logged without the text, and the operator gets a French sentence.
        context.logger.error({ err: { message: error.message }, canal: 'teams' }, 'erreur pendant un tour Teams')
        await turnContext.sendActivity({
          type: 'message',
          text: 'Un problème est survenu. Réessayez dans un instant.',
          textFormat: 'plain',
        })
      }

      app.post('/api/messages', async (c) => {
        if (!(c.req.header('content-type') ?? '').includes('json'))
          return problem(c, 415, 'Le corps doit être du JSON (Content-Type: application/json).')
        let body: unknown
        try {
          body = await c.req.json()
        } catch {
          return problem(c, 400, 'Le corps n’est pas du JSON valide.')
        }
        const invalid = activityProblem(body)
        if (invalid) return problem(c, 400, invalid.detail, invalid.field || undefined)

        const out: { status: number; headers: Record<string, string>; body: unknown } = {
          status: 200,
          headers: {},
          body: undefined,
        }
        const response = {
          socket: undefined,
          status(code: number) {
            out.status = code
            return response
          },
          header(name: string, value: unknown) {
            out.headers[name.toLowerCase()] = String(value)
            return response
          },
          send(payload: unknown) {
            out.body = payload
            return response
          },
          end() {
            return response
          },
        }
        const headers = Object.fromEntries(c.req.raw.headers)
        try {
          await adapter.process(
            { body: body as Record<string, unknown>, headers, method: 'POST' },
            response,
            (turnContext) => bot.run(turnContext).then(() => undefined),
          )
        } catch {
          // botbuilder's own validation refused the activity.
          return problem(c, 400, 'Activité Bot Framework invalide.')
        }
        if (out.status === 401) return problem(c, 401, 'Jeton Bot Framework absent ou invalide.')
        if (out.status >= 500) {
          context.logger.error({ status: out.status, canal: 'teams' }, 'botbuilder a répondu une erreur')
          return problem(c, 400, 'Activité refusée par le canal Teams.')
        }
        if (out.body === undefined) return c.body(null, out.status as 200)
        return c.json(out.body as object, out.status as 200)
      })
    },
  }
}
