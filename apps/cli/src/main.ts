import { parseArgs } from 'node:util'
import { parseArgsProblem, runSearch } from './search-command.js'
import { runServe } from './serve-command.js'
import { runSync } from './sync-command.js'
import { ExitCode, runValidate } from './validate-command.js'

const HELP = `aiguillage — outils du standard des lieux de médiation numérique

Utilisation :
  aiguillage validate FICHIER… [--json]   Vérifie des fichiers CSV ou JSON du standard (v1.0.2 ou v0.1.0).
                                           Code de sortie : 0 tout est valide, 1 des lignes sont rejetées,
                                           2 un fichier est inutilisable.
  aiguillage search --lieux FICHIER[,FICHIER…] (--commune TEXTE --communes FICHIER | --near LAT,LON)
                    [--services V]… [--frais-a-charge V] [--prise-en-charge-specifique V] [--publics-specifiquement-adresses V]
                    [--modalites-accompagnement V] [--dispositif-programmes-nationaux V] [--typologie CODE] [--prise-rdv]
                    [--ouvert-maintenant] [--ouvert-le samedi|AAAA-MM-JJ] [--q NOM] [--rayon-km N] [--limit N] [--strict] [--json]
                                           Les lieux les plus proches. Chaque champ du standard est un filtre
                                           (--service, --frais, --prise-en-charge, --public : noms courts).
                                           Sans --strict, si rien ne correspond, des critères sont abandonnés et dits.
  aiguillage serve [--port 3000] [--host 127.0.0.1] [--lieux FICHIER[,…] --communes FICHIER] [--data-dir DOSSIER]
                                           Lance l’API (documentation sur /docs). Sans fichiers : le dernier
                                           instantané, sinon les données de démonstration.
  aiguillage sync [--from DOSSIER] [--lieux-url URL] [--communes-url URL] [--data-dir DOSSIER] [--timeout-s N]
                                           Télécharge les lieux nationaux et les communes, les valide et écrit
                                           l’instantané que « serve » charge. Un échec garde l’instantané précédent.
  aiguillage --help                        Affiche cette aide.
`

// `aiguillage validate … | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})

const output = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    output.out(HELP)
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
      return runValidate(parsed.positionals, { json: parsed.values.json ?? false, cwd, now: new Date() }, output)
    }
    case 'search':
      return runSearch(rest, { cwd, now: new Date() }, output)
    case 'serve':
      return runServe(rest, { cwd, env: process.env }, output)
    case 'sync':
      return runSync(rest, { cwd, env: process.env, progressStream: process.stderr }, output)
    default:
      output.err(`Commande inconnue : « ${command} ».\n\n${HELP}`)
      return ExitCode.Unusable
  }
}

function parseValidateArgs(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } })
}

process.exitCode = await main(process.argv.slice(2))
