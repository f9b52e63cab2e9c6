// The `aiguillage` command. Each command is imported when it runs, so `--help` or `validate` never load the server,
// the bot libraries or the index (they cost seconds and hundreds of megabytes).
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Clock } from '@aiguillage/lieux'
import { ExitCode, parseArgsProblem } from './command-line.js'

/** The help text, a plain text file read from the sources both from src/ and from the compiled dist/. */
const HELP = readFileSync(new URL('../src/help.txt', import.meta.url), 'utf8')

// `aiguillage validate … | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})

const output = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
}

/** The process's one clock: every command and the server it starts read the time from here, and only here. */
const clock: Clock = () => new Date()

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    output.out(HELP)
    // Without a command, the help is printed as an error would be: exit 2, as for any unusable input.
    return command === undefined ? ExitCode.Unusable : ExitCode.Valid
  }
  // pnpm runs root scripts from the repository root; INIT_CWD is where the person typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd()
  switch (command) {
    case 'validate': {
      let parsed: ReturnType<typeof parseValidateArgs>
      try {
        parsed = parseValidateArgs(rest)
      } catch (error) {
        output.err(`Erreur : ${parseArgsProblem(error) ?? String(error)}\n\n${HELP}`)
        return ExitCode.Unusable
      }
      const { runValidate } = await import('./validate-command.js')
      return runValidate(
        parsed.positionals,
        { json: parsed.values.json ?? false, strict: parsed.values.strict ?? false, cwd, now: clock() },
        output,
      )
    }
    case 'search': {
      const { runSearch } = await import('./search-command.js')
      return runSearch(rest, { cwd, now: clock() }, output)
    }
    case 'couverture': {
      const { runCouverture } = await import('./couverture-command.js')
      return runCouverture(rest, { cwd, now: clock() }, output)
    }
    case 'serve': {
      const { runServe } = await import('./serve-command.js')
      return runServe(rest, { cwd, env: process.env, now: clock }, output)
    }
    case 'sync': {
      const { runSync } = await import('./sync-command.js')
      return runSync(rest, { cwd, env: process.env, progressStream: process.stderr, now: clock }, output)
    }
    default:
      output.err(`Commande inconnue : « ${command} ».\n\n${HELP}`)
      return ExitCode.Unusable
  }
}

function parseValidateArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, strict: { type: 'boolean' } },
  })
}

process.exitCode = await main(process.argv.slice(2))
