import { type Channel, chatEngine, problem as problemOf, ProblemType, sendProblem } from '@aiguillage/api'
import { TeamsAdapter } from '@microsoft/teams-ai'
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder'
import type { Context } from 'hono'
import { createTeamsBot } from './bot.js'
import { localServiceUrlHosts, type TeamsConfig } from './config.js'

/**
 * botbuilder's `process` reads an Express request and prints every refused token with console.error; the channel
 * calls what it calls next, `processActivity`, itself (authenticates the header, then runs the turn).
 */
class ChannelAdapter extends TeamsAdapter {
  authenticateAndRun(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic)
  }
}

function adapterFor(config: TeamsConfig): ChannelAdapter {
  if (config.mode === 'development') return new ChannelAdapter()
  return new ChannelAdapter({
    MicrosoftAppId: config.appId,
    MicrosoftAppType: config.tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
    ...(config.password ? { MicrosoftAppPassword: config.password } : {}),
    ...(config.certificate
      ? { CertificateThumbprint: config.certificate.thumbprint, CertificatePrivateKey: config.certificate.privateKey }
      : {}),
  })
}

const problem = (c: Context, status: 400 | 401 | 403 | 415, detail: string, field?: string) =>
  sendProblem(
    c,
    problemOf(
      status,
      status === 401 ? ProblemType.Unauthorized : status === 403 ? ProblemType.Forbidden : ProblemType.InvalidParameter,
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
 * The Teams bot mounted on the main process at POST /api/messages. The body is checked here, then handed to botbuilder's
 * `processActivity` with the Authorization header: it checks the Bot Framework token and runs the turn, and answers an
 * invoke's body or the replies of `deliveryMode: 'expectReplies'`. Every refused token is a 401 problem, logged once
 * at `warn` without the token.
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
      const engine = chatEngine(context.store, {
        mode: 'operator',
        now: context.now,
        conversations: context.shared.conversations,
      })
      // The links sent (a lieu's page): the configured public address, else the one Microsoft posts activities to.
      let requestOrigin: string | undefined
      const bot = createTeamsBot({
        engine,
        lieuById: (id) => context.store.current.index.byId(id),
        adapter,
        now: context.now,
        storage: context.shared.botStorage('teams', 30 * 60_000),
        publicUrl: () => context.config.publicUrl ?? requestOrigin,
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
        requestOrigin = new URL(c.req.url).origin
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
        // Without a token check, posting replies to any serviceUrl would make this server send requests wherever a
        // caller says: the development mode posts only to the hosts allowed (this machine by default).
        if (config.mode === 'development') {
          const { serviceUrl, deliveryMode } = body as { serviceUrl: string; deliveryMode?: string }
          const allowed = config.serviceUrlHosts ?? localServiceUrlHosts
          let host: string
          try {
            host = new URL(serviceUrl).host.toLowerCase()
          } catch {
            return problem(c, 400, '« serviceUrl » doit être une adresse http(s).', 'serviceUrl')
          }
          const hostname = host.replace(/:\d+$/, '')
          if (deliveryMode !== 'expectReplies' && !allowed.includes(hostname) && !allowed.includes(host))
            return problem(
              c,
              403,
              `En mode développement, le bot ne répond qu’aux serviceUrl de ${allowed.join(', ')} (AIGUILLAGE_TEAMS_DEV_HOTES), ou avec deliveryMode « expectReplies ».`,
              'serviceUrl',
            )
        }

        // The activity goes to botbuilder's processActivity (what its `process` does after reading an Express
        // request), so that a refused token is an exception here rather than a line botbuilder prints itself.
        const authorization = c.req.header('authorization') ?? ''
        let turnStarted = false
        let invokeResponse: { status: number; body?: unknown } | undefined
        try {
          invokeResponse = await adapter.authenticateAndRun(authorization, body as Activity, (turnContext) => {
            turnStarted = true
            return bot.run(turnContext).then(() => undefined)
          })
        } catch (error) {
          if (turnStarted) {
            context.logger.error({ err: { message: (error as Error).message }, canal: 'teams' }, 'erreur Teams')
            return sendProblem(
              c,
              problemOf(500, ProblemType.Internal, 'Une erreur inattendue est survenue. Elle a été enregistrée.'),
            )
          }
          // Nothing ran: the token was missing, forged, expired, or could not be checked against Microsoft's keys.
          // Logged once, without the token (nor the message, which may quote it).
          context.logger.warn(
            {
              canal: 'teams',
              jeton: authorization ? 'refusé' : 'absent',
              // botframework-connector's AuthenticationError carries the status; other errors: Microsoft unreachable.
              raison:
                (error as { statusCode?: unknown }).statusCode === 401 ? 'jeton invalide' : 'vérification impossible',
            },
            'requête Teams refusée : jeton Bot Framework',
          )
          return problem(
            c,
            401,
            'Jeton Bot Framework absent ou invalide : la requête doit venir du service Bot Framework.',
          )
        }
        const out = { status: invokeResponse?.status ?? 200, body: invokeResponse?.body }
        if (out.body === undefined) return c.body(null, out.status as 200)
        return c.json(out.body as object, out.status as 200)
      })
    },
  }
}
