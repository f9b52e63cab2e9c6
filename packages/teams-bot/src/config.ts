// No bot library here: `aiguillage serve` reads this at start-up, and imports teams-ai (≈ 1 s) only when the bot is configured.

/**
 * How the bot talks to Microsoft: with the bot's credentials (every request must carry a valid Bot Framework token,
 * else 401), or — only behind an explicit flag — in development mode, without any check.
 */
export type TeamsConfig =
  | {
      mode: 'credentials'
      appId: string
      tenantId?: string
      /** A client secret, or a certificate (thumbprint and private key in PEM). */
      password?: string
      certificate?: { thumbprint: string; privateKey: string }
    }
  | {
      mode: 'development'
      /**
       * The hosts the bot may post replies to (an activity's `serviceUrl`): the local emulators by default, never an
       * address a caller names (the dev mode checks no token). `deliveryMode: 'expectReplies'` posts nothing anywhere.
       */
      serviceUrlHosts?: readonly string[]
    }

/** Reads the Bot Framework's usual variables; undefined when the bot is not configured (then it is not mounted). */
export function teamsConfigFromEnv(env: NodeJS.ProcessEnv): TeamsConfig | undefined {
  const appId = env.MicrosoftAppId?.trim()
  if (appId) {
    const password = env.MicrosoftAppPassword?.trim()
    const thumbprint = env.MicrosoftAppCertificateThumbprint?.trim()
    const privateKey = env.MicrosoftAppCertificatePrivateKey?.trim()
    if (!password && !(thumbprint && privateKey))
      throw new Error(
        'AIGUILLAGE_TEAMS : MicrosoftAppId est donné sans MicrosoftAppPassword ni certificat (MicrosoftAppCertificateThumbprint et MicrosoftAppCertificatePrivateKey).',
      )
    return {
      mode: 'credentials',
      appId,
      ...(env.MicrosoftAppTenantId?.trim() ? { tenantId: env.MicrosoftAppTenantId.trim() } : {}),
      ...(password ? { password } : {}),
      ...(thumbprint && privateKey ? { certificate: { thumbprint, privateKey } } : {}),
    }
  }
  if (['1', 'true', 'oui'].includes((env.AIGUILLAGE_TEAMS_DEV ?? '').toLowerCase())) {
    const hosts = env.AIGUILLAGE_TEAMS_DEV_HOTES?.split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean)
    return { mode: 'development', ...(hosts?.length ? { serviceUrlHosts: hosts } : {}) }
  }
  return undefined
}

/** Where the development mode may post replies when nothing else is configured: this machine only. */
export const localServiceUrlHosts: readonly string[] = ['localhost', '127.0.0.1', '[::1]']
