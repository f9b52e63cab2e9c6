import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  closestValue,
  describeOpeningStatus,
  foldText,
  formatDistance,
  formatPhone,
  type Lieu,
  mergeDuplicates,
  normaliseVocabularyValue,
  readLieux,
  type VocabularyField,
  vocabularies,
} from '@aiguillage/lieux'
import {
  createLieuxIndex,
  findLieuxNear,
  type LieuFilters,
  type NearOutcome,
  type PlaceInput,
  readOpenWhen,
  relaxationText,
} from '@aiguillage/recherche'
import { type Commune, createTerritoires, parseCommuneCoordinates, type Territoires } from '@aiguillage/territoires'
import { communeJson, loadOfficialGeography, nearResponseText } from '@aiguillage/api'
import { ExitCode, type Output, parseArgsProblem } from './command-line.js'

/** Filter options: the standard's field names (with dashes), plus the short names people type. */
export const filterOptions: Record<string, VocabularyField | 'typologie' | 'autres_formations_labels'> = {
  ...Object.fromEntries(Object.keys(vocabularies).map((field) => [field.replace(/_/g, '-'), field as VocabularyField])),
  typologie: 'typologie',
  'autres-formations-labels': 'autres_formations_labels',
  service: 'services',
  frais: 'frais_a_charge',
  'prise-en-charge': 'prise_en_charge_specifique',
  public: 'publics_specifiquement_adresses',
  dispositif: 'dispositif_programmes_nationaux',
  accompagnement: 'modalites_accompagnement',
}

export class UsageError extends Error {}

/** An official value from what was typed: exact, a typographic variant, or the same letters without accents or case. */
export function officialValue(field: VocabularyField, typed: string): string {
  const values: readonly string[] = vocabularies[field]
  const normalised = normaliseVocabularyValue(typed)
  const exact = values.find((v) => v === normalised) ?? values.find((v) => foldText(v) === foldText(typed))
  if (exact) return exact
  const suggestion = closestValue(typed, values)
  throw new UsageError(
    `« ${typed} » n'est pas une valeur de ${field}.${suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ''} Valeurs admises : ${values.join(' ; ')}.`,
  )
}

function parseSearchArgs(args: string[]) {
  const options = Object.fromEntries(
    Object.keys(filterOptions).map((name) => [name, { type: 'string', multiple: true }] as const),
  )
  return parseArgs({
    args,
    allowPositionals: false,
    options: {
      ...options,
      lieux: { type: 'string', multiple: true },
      communes: { type: 'string' },
      commune: { type: 'string' },
      'code-postal': { type: 'string' },
      near: { type: 'string' },
      q: { type: 'string' },
      limit: { type: 'string' },
      'rayon-km': { type: 'string' },
      'ouvert-maintenant': { type: 'boolean' },
      'ouvert-le': { type: 'string' },
      'prise-rdv': { type: 'boolean' },
      strict: { type: 'boolean' },
      instant: { type: 'string' },
      json: { type: 'boolean' },
    },
  })
}

function positiveNumber(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0 || value > max)
    throw new UsageError(`--${name} : attendu un nombre entre 0 et ${max}, trouvé « ${text} ».`)
  return value
}

function formatTable(response: Extract<NearOutcome, { kind: 'results' }>, reference: string, now: Date): string {
  const lines = [`Autour de ${reference} (rayon ${response.radiusKm} km) :`]
  if (response.relaxed.length > 0)
    lines.push(
      `Aucun lieu ne répond à toute la demande. Critères abandonnés : ${response.relaxed.map(relaxationText).join(' ; ')}.`,
    )
  if (response.results.length === 0) {
    lines.push('Aucun lieu trouvé.')
    return lines.join('\n')
  }
  const rows = response.results.map((result, i) => [
    String(i + 1),
    formatDistance(result.distanceKm),
    result.lieu.nom,
    `${result.lieu.code_postal} ${result.lieu.commune}`,
    result.lieu.telephone ? formatPhone(result.lieu.telephone) : '—',
    describeOpeningStatus(result.lieu.horaires, now),
  ])
  const header = ['#', 'Distance', 'Nom', 'Commune', 'Téléphone', 'Horaires']
  const widths = header.map((title, c) =>
    Math.min(48, Math.max(title.length, ...rows.map((row) => (row[c] as string).length))),
  )
  const cell = (text: string, c: number) =>
    text.length > (widths[c] as number)
      ? `${text.slice(0, (widths[c] as number) - 1)}…`
      : text.padEnd(widths[c] as number)
  lines.push(
    header.map(cell).join('  '),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map((row) => row.map(cell).join('  ')),
  )
  lines.push(`${response.total} lieu(x) dans le rayon.`)
  return lines.join('\n')
}

/**
 * The filters of the options (`--services`, `--frais`…, values repeated or separated by `|`, read leniently into the
 * official ones), shared by `search` and `couverture`.
 */
export function filtersOf(values: Record<string, unknown>): LieuFilters {
  const filters: LieuFilters = {}
  for (const [option, field] of Object.entries(filterOptions)) {
    const typed = (values[option] as string[] | undefined)
      ?.flatMap((v) => v.split('|'))
      .map((v) => v.trim())
      .filter((v) => v !== '')
    if (!typed?.length) continue
    const resolved =
      field === 'typologie' || field === 'autres_formations_labels' ? typed : typed.map((v) => officialValue(field, v))
    filters[field] = [...(filters[field] ?? []), ...resolved]
  }
  if (values['prise-rdv']) filters.prise_rdv = true
  return filters
}

export async function loadLieux(files: readonly string[], cwd: string, now: Date, output: Output): Promise<Lieu[]> {
  const lieux: Lieu[] = []
  for (const file of files) {
    let bytes: Uint8Array
    try {
      bytes = await readFile(path.resolve(cwd, file))
    } catch {
      throw new UsageError(`Fichier de lieux introuvable : ${file}`)
    }
    const result = readLieux(bytes, { fileName: file, now })
    if (!result.ok) throw new UsageError(`${file} : ${result.error.message}`)
    if (result.report.rejected.length > 0)
      output.err(
        `${file} : ${result.report.rejected.length} ligne(s) rejetée(s), non chargée(s) (détail : aiguillage validate ${file}).`,
      )
    lieux.push(...result.report.accepted.map((row) => row.lieu))
  }
  return lieux
}

/**
 * `aiguillage search`: the nearest lieux around a commune or a point, with the standard's filters.
 * Returns the exit code: 0 (results printed, even none), 2 (bad usage, unknown or ambiguous commune).
 */
export async function runSearch(args: string[], context: { cwd: string; now: Date }, output: Output): Promise<number> {
  try {
    const { values } = parseSearchArgs(args)
    const now = values.instant ? new Date(values.instant) : context.now
    if (Number.isNaN(now.getTime())) throw new UsageError(`--instant : date illisible « ${values.instant} ».`)
    const lieuxFiles = (values.lieux ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '')
    if (lieuxFiles.length === 0) throw new UsageError('Indiquez les lieux : --lieux FICHIER.csv[,AUTRE.csv]')
    if ([values.commune, values['code-postal'], values.near].filter(Boolean).length !== 1)
      throw new UsageError(
        'Indiquez où chercher : --commune "Guéret", --code-postal 23000 ou --near 46.17,1.87 (un seul des trois).',
      )

    const filters = filtersOf(values)

    let place: PlaceInput
    if (values.near) {
      const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(values.near)
      const latitude = Number(match?.[1])
      const longitude = Number(match?.[2])
      if (!match || Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
        throw new UsageError(`--near : attendu « latitude,longitude » (ex. 46.17,1.87), trouvé « ${values.near} ».`)
      place = { point: { latitude, longitude } }
    } else {
      if (!values.communes)
        throw new UsageError(
          'Pour chercher autour d’une commune, indiquez la table des communes : --communes communes-france.csv',
        )
      // As in the API: --commune is an INSEE code or a name, --code-postal a postcode.
      place = values['code-postal'] ? { postcode: values['code-postal'] } : { commune: values.commune as string }
    }
    const opening = values['ouvert-le'] ? readOpenWhen(values['ouvert-le']) : undefined
    if (values['ouvert-le'] && (!opening || 'at' in opening))
      throw new UsageError(
        `--ouvert-le : attendu un jour (« samedi », « demain ») ou une date AAAA-MM-JJ, trouvé « ${values['ouvert-le']} ».`,
      )
    const radiusKm = positiveNumber('rayon-km', values['rayon-km'], 1000)
    const limit = positiveNumber('limit', values.limit, 100)

    let territoires: Territoires | undefined
    if (values.communes) {
      let text: string
      try {
        text = await readFile(path.resolve(context.cwd, values.communes), 'utf8')
      } catch {
        throw new UsageError(`Fichier des communes introuvable : ${values.communes}`)
      }
      territoires = createTerritoires({
        geography: await loadOfficialGeography(),
        coordinates: parseCommuneCoordinates(text),
      })
    }
    // Duplicates merged across files, as the server does (`buildDataset`): one lieu per place.
    const merged = mergeDuplicates(await loadLieux(lieuxFiles, context.cwd, context.now, output))
    const index = createLieuxIndex(merged.lieux, { aliases: merged.aliases })
    const found = findLieuxNear(
      { index, ...(territoires ? { territoires } : {}) },
      {
        place,
        filters,
        open: [...(values['ouvert-maintenant'] ? [{ now: true } as const] : []), ...(opening ? [opening] : [])],
        ...(values.q ? { q: values.q } : {}),
        ...(radiusKm !== undefined ? { radiusKm } : {}),
        ...(limit !== undefined ? { limit } : {}),
        relax: !values.strict,
        withTotal: true,
        now,
      },
    )
    const label = (c: Commune) => `${c.nom} (${c.departementNom}, ${c.departement})`
    if (found.kind === 'place') {
      const problem = found.problem
      if (problem.kind === 'unknown')
        throw new UsageError(
          problem.field === 'code_postal'
            ? `Aucune commune n’a le code postal ${problem.text}.`
            : `Commune introuvable : « ${problem.text} ». Essayez son code postal.`,
        )
      if (problem.kind === 'no_coordinates')
        throw new UsageError(`Pas de coordonnées pour ${label(problem.commune)} dans ${values.communes}.`)
      if (values.json)
        output.out(
          JSON.stringify(
            {
              ambigu: true,
              candidats: problem.candidates.map((c) => ({ ...communeJson(c.commune), confiance: c.confidence })),
            },
            null,
            2,
          ),
        )
      const [first] = problem.candidates
      throw new UsageError(
        `Plusieurs communes correspondent à « ${problem.text} » : ${problem.candidates
          .map((c) => label(c.commune))
          .join(' ; ')}. Précisez, par exemple --commune "${first?.commune.nom} ${first?.commune.departement}".`,
      )
    }
    const { commune, others } = found.place
    const reference = commune ? label(commune) : `${found.place.point.latitude}, ${found.place.point.longitude}`
    // The same JSON as GET /v1/lieux, so that a script can move from one to the other.
    if (values.json)
      output.out(
        JSON.stringify(
          JSON.parse(nearResponseText(found, { kind: 'fichiers', demo: false, origins: lieuxFiles }, now)),
          null,
          2,
        ),
      )
    else {
      output.out(formatTable(found, reference, now))
      if (others.length > 0)
        output.out(
          `Autres communes possibles : ${others.map(label).join(' ; ')}. Pour l’une d’elles : --commune CODE_INSEE (${others
            .map((c) => c.code)
            .join(', ')}).`,
        )
    }
    if (index.excluded.withoutCoordinates > 0)
      output.err(
        `${index.excluded.withoutCoordinates} lieu(x) sans coordonnées ne peuvent pas être proposés par distance.`,
      )
    return ExitCode.Valid
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`Erreur : ${error.message}`)
      return ExitCode.Unusable
    }
    const argsProblem = parseArgsProblem(error)
    if (argsProblem) {
      output.err(`Erreur : ${argsProblem} (aiguillage --help pour l’aide).`)
      return ExitCode.Unusable
    }
    throw error
  }
}
