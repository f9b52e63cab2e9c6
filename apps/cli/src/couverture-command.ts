import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { AreaCoverage } from '@aiguillage/couverture'
import { createTerritoires, parseCommuneCoordinates } from '@aiguillage/territoires'
import {
  couverture,
  couvertureCsv,
  couvertureJson,
  couvertureMethode,
  CouvertureProblem,
  type CouvertureRequest,
  loadEpci,
  loadOfficialGeography,
} from '@aiguillage/api'
import { ExitCode, type Output, parseArgsProblem } from './command-line.js'
import { filterOptions, filtersOf, loadLieux, UsageError } from './search-command.js'

function parseCouvertureArgs(args: string[]) {
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
      departement: { type: 'string' },
      region: { type: 'string' },
      epci: { type: 'string' },
      'ouvert-samedi': { type: 'boolean' },
      'sans-itinerance': { type: 'boolean' },
      'prise-rdv': { type: 'boolean' },
      sites: { type: 'string' },
      site: { type: 'string' },
      par: { type: 'string' },
      instant: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
    },
  })
}

const percent = (share: number) => `${(share * 100).toFixed(1).replace('.', ',')} %`
const km = (value: number | null) => (value === null ? '—' : `${value.toFixed(1).replace('.', ',')} km`)
const people = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ')

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, c) => Math.min(40, Math.max(title.length, ...rows.map((r) => (r[c] ?? '').length))))
  const cell = (text: string, c: number) => {
    const w = widths[c] as number
    const cut = text.length > w ? `${text.slice(0, w - 1)}…` : text
    return c === 0 ? cut.padEnd(w) : cut.padStart(w)
  }
  return [
    header.map(cell).join('  '),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map((r) => r.map(cell).join('  ')),
  ]
}

function areaRows(areas: readonly AreaCoverage[]): string[] {
  return table(
    ['Zone', 'Population', 'Médiane', 'P90', '> 5 km', '> 10 km', '> 20 km'],
    areas.map((a) => [
      `${a.nom} (${a.code})`,
      people(a.population),
      km(a.medianKm),
      km(a.p90Km),
      ...a.beyond.map((b) => percent(b.share)),
    ]),
  )
}

/**
 * `aiguillage couverture`: who lives too far from help, by région, département or EPCI (a table, `--json` as
 * GET /v1/couverture, `--csv`). Exit code 0, or 2 for bad usage.
 */
export async function runCouverture(
  args: string[],
  context: { cwd: string; now: Date },
  output: Output,
): Promise<number> {
  try {
    const { values } = parseCouvertureArgs(args)
    const now = values.instant ? new Date(values.instant) : context.now
    if (Number.isNaN(now.getTime())) throw new UsageError(`--instant : date illisible « ${values.instant} ».`)
    const lieuxFiles = (values.lieux ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '')
    if (lieuxFiles.length === 0) throw new UsageError('Indiquez les lieux : --lieux FICHIER.csv[,AUTRE.csv]')
    if (!values.communes)
      throw new UsageError('Indiquez la table des communes (centres et population) : --communes communes-france.csv')
    if (values.json && values.csv) throw new UsageError('--json ou --csv, pas les deux.')
    const filters = filtersOf(values)
    const sites = values.sites === undefined ? 0 : Number(values.sites)
    if (!Number.isInteger(sites) || sites < 0 || sites > 10)
      throw new UsageError(`--sites : attendu un entier de 0 à 10, trouvé « ${values.sites} ».`)
    const par = values.par ?? (values.departement || values.epci ? 'epci' : values.region ? 'departement' : 'region')
    if (!['region', 'departement', 'epci'].includes(par))
      throw new UsageError(`--par : attendu region, departement ou epci, trouvé « ${par} ».`)
    const request: CouvertureRequest = {
      filters,
      scope: {
        ...(values.departement ? { departement: values.departement } : {}),
        ...(values.region ? { region: values.region } : {}),
        ...(values.epci ? { epci: values.epci } : {}),
      },
      saturday: values['ouvert-samedi'] ?? false,
      withoutItinerant: values['sans-itinerance'] ?? false,
      sites,
      ...(values.site ? { site: values.site } : {}),
    }

    let text: string
    try {
      text = await readFile(path.resolve(context.cwd, values.communes), 'utf8')
    } catch {
      throw new UsageError(`Fichier des communes introuvable : ${values.communes}`)
    }
    const territoires = createTerritoires({
      geography: await loadOfficialGeography(),
      coordinates: parseCommuneCoordinates(text),
    })
    const lieux = await loadLieux(lieuxFiles, context.cwd, now, output)
    let result
    try {
      result = couverture(lieux, territoires.communes, await loadEpci(), request, now)
    } catch (error) {
      if (error instanceof CouvertureProblem) throw new UsageError(`--${error.field} : ${error.message}`)
      throw error
    }
    if (result.report.total.communes === 0)
      throw new UsageError('Aucune commune dans cette zone : vérifiez --departement, --region ou --epci.')
    const source = { origins: lieuxFiles.map((f) => path.basename(f)) }
    if (values.json) output.out(JSON.stringify(couvertureJson(result, source), null, 2))
    else if (values.csv) output.out(couvertureCsv(result))
    else {
      const { report } = result
      const total = report.total
      const lines = [
        `Couverture : ${total.nom} — ${people(total.population)} habitants, ${people(total.communes)} communes, ${people(report.lieux)} lieux retenus.`,
        `Au-delà de 5 km : ${percent(total.beyond[0]?.share ?? 0)} ; 10 km : ${percent(total.beyond[1]?.share ?? 0)} (${people(total.beyond[1]?.population ?? 0)} habitants) ; 20 km : ${percent(total.beyond[2]?.share ?? 0)} (${people(total.beyond[2]?.population ?? 0)}).`,
        `Distance médiane ${km(total.medianKm)}, 90 % à moins de ${km(total.p90Km)} (pondérées par la population).`,
        '',
        `Par ${par === 'region' ? 'région' : par === 'departement' ? 'département' : 'EPCI'} :`,
        ...areaRows(par === 'region' ? report.regions : par === 'departement' ? report.departements : report.epcis),
        '',
        'Communes au plus grand besoin (population × distance) :',
        ...table(
          ['Commune', 'Population', 'Distance', 'Lieu le plus proche'],
          report.needs.map((c) => [
            `${c.nom} (${c.code})`,
            people(c.population),
            km(c.distanceKm),
            c.nearest?.nom ?? '—',
          ]),
        ),
      ]
      if (result.whatIf)
        lines.push(
          '',
          `Et si un lieu ouvrait à ${result.whatIf.nom} (${result.whatIf.code}) : ${people(result.whatIf.populationKm)} population·km en moins ; ${result.whatIf.broughtWithin.map((b) => `${people(b.population)} habitants ramenés à moins de ${b.km} km`).join(', ')}.`,
        )
      if (result.suggestions.length > 0)
        lines.push(
          '',
          'Nouveaux sites suggérés (un à un, au centre d’une commune) :',
          ...result.suggestions.map(
            (s, i) =>
              `${i + 1}. ${s.nom} (${s.code}) : ${people(s.populationKm)} population·km en moins ; ${s.broughtWithin.map((b) => `${people(b.population)} à moins de ${b.km} km`).join(', ')}.`,
          ),
        )
      if (report.unlocated.communes > 0)
        lines.push(
          '',
          `${report.unlocated.communes} commune(s) sans centre, non comptées (${people(report.unlocated.population)} habitants).`,
        )
      lines.push('', `Méthode : ${couvertureMethode.distance} ${couvertureMethode.itinerance}`)
      output.out(lines.join('\n'))
    }
    return ExitCode.Valid
  } catch (error) {
    const problem = parseArgsProblem(error)
    if (problem || error instanceof UsageError) {
      output.err(`Erreur : ${problem ?? (error as Error).message}`)
      return ExitCode.Unusable
    }
    throw error
  }
}
