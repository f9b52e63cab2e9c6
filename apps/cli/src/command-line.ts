// What every command shares, with no domain import: `aiguillage --help` loads this file and main.ts only.

/** Exit codes of the commands: every row valid, rows rejected, input unusable. */
export const ExitCode = { Valid: 0, RowsRejected: 1, Unusable: 2, NotOfficial: 3 } as const

export type Output = { out: (text: string) => void; err: (text: string) => void }

/** The options of a command, or undefined after saying in French what is wrong with them. */
export function readOptions<T>(parse: () => T, output: Output): T | undefined {
  try {
    return parse()
  } catch (error) {
    output.err(`Erreur : ${parseArgsProblem(error) ?? String(error)}`)
    return undefined
  }
}

/** node:util parseArgs speaks English: say its complaints in French. */
export function parseArgsProblem(error: unknown): string | undefined {
  const code = (error as { code?: string }).code
  if (!code?.startsWith('ERR_PARSE_ARGS')) return undefined
  const option = /'(-[^']*)'/.exec((error as Error).message)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `option inconnue ${option}`
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `valeur inattendue ${option || (error as Error).message.split("'")[1] || ''}`.trim()
  return `valeur manquante ou mal placée pour l’option ${option}`
}
