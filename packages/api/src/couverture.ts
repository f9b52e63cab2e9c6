/*
 * The coverage of the territory (GET /v1/couverture, /couverture, `aiguillage couverture`): the query, the JSON, the CSV
 * and the page with its SVG map. The figures come from @aiguillage/couverture; this file only asks and renders.
 */
import {
  type AreaCoverage,
  type CommuneCoverage,
  computeCoverage,
  type CoverageReport,
  type Epci,
  type SiteGain,
  siteGain,
  suggestSites,
} from '@aiguillage/couverture'
import { formatCsvLine, type Lieu } from '@aiguillage/lieux'
import type { LieuFilters } from '@aiguillage/recherche'
import type { Commune } from '@aiguillage/territoires'
import { z } from '@hono/zod-openapi'
import { filterShape, filtersOf, withSuggestions } from './query.js'

const booleanText = z
  .enum(['true', 'false', 'oui', 'non', '1', '0'])
  .transform((v) => ['true', 'oui', '1'].includes(v))
  .optional()

export const CouvertureQuerySchema = withSuggestions({
  departement: z
    .string()
    .regex(/^(\d{2,3}|2[AB])$/, 'Attendu un code de département (23, 2A, 974).')
    .optional()
    .openapi({ description: 'Un département (code INSEE) : ses communes seulement.', example: '23' }),
  region: z
    .string()
    .regex(/^\d{2}$/, 'Attendu un code de région à 2 chiffres (84).')
    .optional()
    .openapi({ description: 'Une région (code INSEE) : ses communes seulement.', example: '75' }),
  epci: z
    .string()
    .regex(/^\d{9}$/, 'Attendu un SIREN d’EPCI à 9 chiffres.')
    .optional()
    .openapi({ description: 'Un EPCI (SIREN) : ses communes seulement.', example: '200034700' }),
  ...filterShape,
  ouvert_samedi: booleanText.openapi({
    description: 'Seulement les lieux ouverts le samedi (au moins une plage horaire un samedi).',
    example: 'true',
  }),
  sans_itinerance: booleanText.openapi({
    description:
      'Laisser de côté les lieux seulement itinérants (bus, permanences mobiles), comptés sinon à l’adresse qu’ils déclarent.',
    example: 'true',
  }),
  sites: z
    .string()
    .regex(/^([0-9]|10)$/, 'Attendu un entier de 0 à 10.')
    .transform(Number)
    .optional()
    .openapi({
      description:
        'Suggérer ce nombre de nouveaux sites (0 à 10), au centre de communes, choisis un à un pour réduire le plus la somme population × distance. Avec `departement` ou `epci` seulement.',
      example: '3',
    }),
  site: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/, 'Attendu un code INSEE de commune (5 caractères).')
    .optional()
    .openapi({
      description: 'Et si : le gain d’un nouveau lieu au centre de cette commune (code INSEE).',
      example: '23096',
    }),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({ description: 'json (par défaut) ou csv (une ligne par zone).', example: 'csv' }),
})
export type CouvertureQuery = z.output<typeof CouvertureQuerySchema>

export type CouvertureRequest = {
  filters: LieuFilters
  scope: { departement?: string; region?: string; epci?: string }
  saturday: boolean
  withoutItinerant: boolean
  sites: number
  site?: string
}

/** The request from the parsed query (the CLI builds the same from its options). */
export function couvertureRequest(query: CouvertureQuery): CouvertureRequest {
  return {
    filters: filtersOf(query),
    scope: {
      ...(query.departement ? { departement: query.departement } : {}),
      ...(query.region ? { region: query.region } : {}),
      ...(query.epci ? { epci: query.epci } : {}),
    },
    saturday: query.ouvert_samedi ?? false,
    withoutItinerant: query.sans_itinerance ?? false,
    sites: query.sites ?? 0,
    ...(query.site ? { site: query.site } : {}),
  }
}

export type CouvertureResult = {
  report: CoverageReport
  request: CouvertureRequest
  suggestions: SiteGain[]
  whatIf?: SiteGain
}

/** A problem with the request that the query schema cannot see (a site outside the area, suggestions without a scope). */
export class CouvertureProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

/** Noon (UTC, so the same day in Paris) of the first Saturday from `now` on: the opening hours of that day are read. */
export function comingSaturday(now: Date): Date {
  const noon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12)
  const days = (6 - new Date(noon).getUTCDay() + 7) % 7
  return new Date(noon + days * 86_400_000)
}

/** Computes the coverage for a request (`now` picks the coming Saturday for « ouvert le samedi »). */
export function couverture(
  lieux: readonly Lieu[],
  communes: readonly Commune[],
  epci: ReadonlyMap<string, Epci> | undefined,
  request: CouvertureRequest,
  now: Date,
): CouvertureResult {
  if (request.sites > 0 && !request.scope.departement && !request.scope.epci)
    throw new CouvertureProblem(
      'sites',
      'Les suggestions de sites demandent un département ou un EPCI (departement=23).',
    )
  const openOn = request.saturday ? comingSaturday(now) : undefined
  const report = computeCoverage(lieux, communes, {
    filters: request.filters,
    scope: request.scope,
    ...(epci ? { epci } : {}),
    ...(openOn ? { openOn } : {}),
    withoutItinerant: request.withoutItinerant,
  })
  let whatIf: SiteGain | undefined
  if (request.site) {
    const site = report.communes.find((c) => c.code === request.site)
    if (!site)
      throw new CouvertureProblem(
        'site',
        `La commune ${request.site} n’est pas dans la zone demandée (ou n’a pas de centre).`,
      )
    whatIf = siteGain(site, report.communes)
  }
  return {
    report,
    request,
    suggestions: request.sites > 0 ? suggestSites(report.communes, request.sites) : [],
    ...(whatIf ? { whatIf } : {}),
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10
const round3 = (n: number) => Math.round(n * 1000) / 1000

function areaJson(area: AreaCoverage) {
  return {
    type: area.kind,
    code: area.code,
    nom: area.nom,
    communes: area.communes,
    population: area.population,
    distance_mediane_km: area.medianKm,
    distance_p90_km: area.p90Km,
    au_dela: area.beyond.map((b) => ({ km: b.km, population: b.population, part: round3(b.share) })),
  }
}

function communeJson(c: CommuneCoverage) {
  return {
    code: c.code,
    nom: c.nom,
    population: c.population,
    latitude: c.latitude,
    longitude: c.longitude,
    departement: c.departement,
    ...(c.epci ? { epci: c.epci } : {}),
    distance_km: c.distanceKm === null ? null : round1(c.distanceKm),
    ...(c.nearest ? { lieu_le_plus_proche: { id: c.nearest.id, nom: c.nearest.nom } } : {}),
    besoin_population_km: Math.round(c.population * (c.distanceKm ?? 0)),
  }
}

function siteJson(site: SiteGain) {
  return {
    code: site.code,
    nom: site.nom,
    gain_population_km: site.populationKm,
    rapproches: site.broughtWithin.map((b) => ({ km: b.km, population: b.population })),
  }
}

export const METHODE = {
  centres:
    'Chaque commune est réduite à son centre (centroïde IGN ; centre approché pour les arrondissements de Paris, Lyon et Marseille) et à sa population municipale : toute sa population est comptée à ce point.',
  distance:
    'Distance à vol d’oiseau (grand cercle) jusqu’au lieu le plus proche qui offre l’aide demandée, y compris hors de la zone : ce n’est pas un temps de trajet.',
  itinerance:
    'Un lieu itinérant (bus, permanence mobile) est compté à l’adresse qu’il déclare, comme un lieu fixe ; sans_itinerance=true les laisse de côté.',
  lieux: 'Seuls les lieux qui reçoivent du public et ont des coordonnées sont comptés.',
} as const

/** The JSON of GET /v1/couverture and `aiguillage couverture --json`. */
export function couvertureJson(result: CouvertureResult, source: { origins: readonly string[]; date?: string }) {
  const { report } = result
  const scoped = Object.keys(result.request.scope).length > 0
  return {
    donnees: { sources: [...source.origins], ...(source.date ? { date: source.date } : {}) },
    methode: METHODE,
    filtres: result.request.filters,
    ouvert_samedi: result.request.saturday,
    sans_itinerance: result.request.withoutItinerant,
    lieux_retenus: report.lieux,
    zone: areaJson(report.total),
    regions: report.regions.map(areaJson),
    departements: report.departements.map(areaJson),
    epcis: report.epcis.map(areaJson),
    besoins: report.needs.map(communeJson),
    communes_sans_centre: report.unlocated,
    ...(result.suggestions.length > 0 ? { sites_suggeres: result.suggestions.map(siteJson) } : {}),
    ...(result.whatIf ? { et_si: siteJson(result.whatIf) } : {}),
    // The commune detail for an area (a département is a few hundred rows); not for the whole country.
    ...(scoped ? { communes: report.communes.map(communeJson) } : {}),
  }
}
export type CouvertureJson = ReturnType<typeof couvertureJson>

const csvHeader = [
  'type',
  'code',
  'nom',
  'communes',
  'population',
  'distance_mediane_km',
  'distance_p90_km',
  'population_au_dela_5km',
  'part_au_dela_5km',
  'population_au_dela_10km',
  'part_au_dela_10km',
  'population_au_dela_20km',
  'part_au_dela_20km',
]

/** The CSV of the figures: one row per area (the zone, then régions, départements and EPCI). */
export function couvertureCsv(result: CouvertureResult): string {
  const { report } = result
  const row = (a: AreaCoverage) =>
    formatCsvLine([
      a.kind,
      a.code,
      a.nom,
      String(a.communes),
      String(a.population),
      a.medianKm === null ? '' : String(a.medianKm),
      a.p90Km === null ? '' : String(a.p90Km),
      ...a.beyond.flatMap((b) => [String(b.population), String(round3(b.share))]),
    ])
  return [
    formatCsvLine(csvHeader),
    row(report.total),
    ...report.regions.map(row),
    ...report.departements.map(row),
    ...report.epcis.map(row),
  ].join('\r\n')
}

// ——— The page ———

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )
const km = (value: number | null) =>
  value === null ? '—' : `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`
const people = (n: number) => n.toLocaleString('fr-FR')
const percent = (share: number) => `${(share * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`

/** The classes of the map, nearest first: the same colours in the legend and the dots (colour-blind safe, and a shape). */
export const DISTANCE_CLASSES = [
  { max: 5, label: 'moins de 5 km', colour: '#1a9850' },
  { max: 10, label: '5 à 10 km', colour: '#91cf60' },
  { max: 20, label: '10 à 20 km', colour: '#fdae61' },
  { max: Number.POSITIVE_INFINITY, label: 'plus de 20 km', colour: '#b2182b' },
] as const

const classOf = (distanceKm: number | null) =>
  DISTANCE_CLASSES.findIndex((c) => (distanceKm ?? Number.POSITIVE_INFINITY) <= c.max)

/** The communes as dots on an equirectangular projection scaled at the mean latitude: no tiles, no script. */
export function coverageMapSvg(communes: readonly CommuneCoverage[], title: string): string {
  if (communes.length === 0) return ''
  const lats = communes.map((c) => c.latitude)
  const lons = communes.map((c) => c.longitude)
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)]
  const cos = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const width = 640
  const spanX = Math.max(1e-6, (maxLon - minLon) * cos)
  const spanY = Math.max(1e-6, maxLat - minLat)
  const scale = (width - 20) / Math.max(spanX, spanY)
  const height = Math.round(spanY * scale + 20)
  const maxPopulation = Math.max(1, ...communes.map((c) => c.population))
  const dots = [...communes]
    .sort((a, b) => b.population - a.population)
    .map((c) => {
      const x = 10 + (c.longitude - minLon) * cos * scale
      const y = 10 + (maxLat - c.latitude) * scale
      const r = 1.5 + 6 * Math.sqrt(c.population / maxPopulation)
      return `<circle class="d${classOf(c.distanceKm)}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"><title>${escape(c.nom)} : ${escape(km(c.distanceKm === null ? null : round1(c.distanceKm)))}</title></circle>`
    })
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="carte-titre"><title id="carte-titre">${escape(title)}</title>${dots}</svg>`
}

export type CouverturePageInput = {
  result: CouvertureResult
  source: { origins: readonly string[]; date?: string }
  demo: boolean
  query: string
}

/** The page /couverture: figures, the map and, beside it, the table that says the same (its accessible alternative). */
export function couverturePage({ result, source, demo, query }: CouverturePageInput): string {
  const { report } = result
  const total = report.total
  const filters = Object.entries(result.request.filters)
    .map(([field, values]) => `${field} = ${Array.isArray(values) ? values.join(' ou ') : String(values)}`)
    .concat(result.request.saturday ? ['ouvert le samedi'] : [])
    .concat(result.request.withoutItinerant ? ['sans les lieux itinérants'] : [])
  const help = filters.length > 0 ? filters.join(' ; ') : 'tout lieu de médiation numérique'
  const scoped = Object.keys(result.request.scope).length > 0
  const beyond = (area: AreaCoverage) =>
    area.beyond.map((b) => `<td>${people(b.population)}</td><td>${percent(b.share)}</td>`).join('')
  const areaRows = (areas: readonly AreaCoverage[]) =>
    areas
      .map(
        (a) =>
          `<tr><th scope="row">${escape(a.nom)} <span class="code">(${escape(a.code)})</span></th><td>${people(a.population)}</td><td>${km(a.medianKm)}</td><td>${km(a.p90Km)}</td>${beyond(a)}</tr>`,
      )
      .join('')
  const areaTable = (caption: string, areas: readonly AreaCoverage[]) =>
    areas.length === 0
      ? ''
      : `<table><caption>${escape(caption)}</caption><thead><tr><th scope="col">Zone</th><th scope="col">Population</th><th scope="col">Distance médiane</th><th scope="col">90 % à moins de</th><th scope="col">Au-delà de 5 km</th><th scope="col">Part</th><th scope="col">Au-delà de 10 km</th><th scope="col">Part</th><th scope="col">Au-delà de 20 km</th><th scope="col">Part</th></tr></thead><tbody>${areaRows(areas)}</tbody></table>`
  const communes = [...report.communes].sort(
    (a, b) => (b.distanceKm ?? Infinity) - (a.distanceKm ?? Infinity) || a.code.localeCompare(b.code),
  )
  const communeTable = scoped
    ? `<table class="communes"><caption>Les ${people(communes.length)} communes, de la plus éloignée à la plus proche d’une aide (ce que montre la carte)</caption><thead><tr><th scope="col">Commune</th><th scope="col">Population</th><th scope="col">Distance</th><th scope="col">Lieu le plus proche</th></tr></thead><tbody>${communes
        .map(
          (c) =>
            `<tr><th scope="row">${escape(c.nom)} <span class="code">(${escape(c.code)})</span></th><td>${people(c.population)}</td><td>${km(c.distanceKm === null ? null : round1(c.distanceKm))}</td><td>${c.nearest ? escape(c.nearest.nom) : '—'}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
  const legend = `<ul class="legende" aria-label="Légende de la carte">${DISTANCE_CLASSES.map((c, i) => `<li><span class="pastille d${i}" aria-hidden="true"></span>${escape(c.label)}</li>`).join('')}<li>La taille du point suit la population.</li></ul>`
  const needs = `<table><caption>Les communes où le besoin est le plus grand (population × distance)</caption><thead><tr><th scope="col">Commune</th><th scope="col">Population</th><th scope="col">Distance</th><th scope="col">Population × km</th></tr></thead><tbody>${report.needs
    .map(
      (c) =>
        `<tr><th scope="row">${escape(c.nom)} <span class="code">(${escape(c.code)})</span></th><td>${people(c.population)}</td><td>${km(c.distanceKm === null ? null : round1(c.distanceKm))}</td><td>${people(Math.round(c.population * (c.distanceKm ?? 0)))}</td></tr>`,
    )
    .join('')}</tbody></table>`
  const suggestions =
    result.suggestions.length > 0
      ? `<h2>Où ouvrir ${result.suggestions.length} nouveau(x) lieu(x)</h2><ol>${result.suggestions
          .map(
            (s) =>
              `<li>${escape(s.nom)} (${escape(s.code)}) : ${people(s.populationKm)} population·km en moins ; ${s.broughtWithin.map((b) => `${people(b.population)} personnes à moins de ${b.km} km`).join(', ')}.</li>`,
          )
          .join('')}</ol>`
      : ''
  const cli = `aiguillage couverture --lieux … --communes communes-france.csv${result.request.scope.departement ? ` --departement ${escape(result.request.scope.departement)}` : ''}`
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Couverture : ${escape(total.nom)} — qui vit loin d’une aide au numérique</title><link rel="stylesheet" href="/couverture.css"></head>
<body><main>
${demo ? '<p class="alerte" role="note"><strong>Données de démonstration : ces lieux sont inventés.</strong></p>' : ''}
<h1>Qui vit loin d’une aide : ${escape(total.nom)}</h1>
<p>Aide comptée : <strong>${escape(help)}</strong> (${people(report.lieux)} lieux).</p>
<ul class="chiffres">
<li><strong>${percent(total.beyond[1]?.share ?? 0)}</strong> de la population (${people(total.beyond[1]?.population ?? 0)} personnes) vit à plus de 10 km d’un tel lieu ; <strong>${percent(total.beyond[2]?.share ?? 0)}</strong> à plus de 20 km.</li>
<li>Distance médiane : ${km(total.medianKm)} ; 90 % de la population à moins de ${km(total.p90Km)}.</li>
</ul>
${
  scoped
    ? `<div class="colonnes"><figure class="carte">${coverageMapSvg(report.communes, `Carte des ${report.communes.length} communes de ${total.nom}, chacune un point coloré selon sa distance au lieu le plus proche ; le tableau ci-contre dit la même chose.`)}<figcaption>Chaque commune est un point à son centre. ${legend}</figcaption></figure>
<div class="tableau" tabindex="0" role="region" aria-label="Tableau des communes (défile)">${communeTable}</div></div>`
    : '<p>Choisissez un département (<code>?departement=23</code>) pour voir la carte de ses communes.</p>'
}
${needs}
${suggestions}
${areaTable('Par région', scoped && !result.request.scope.region ? [] : report.regions)}
${areaTable('Par département', report.departements)}
${areaTable('Par EPCI', scoped ? report.epcis : [])}
<section aria-labelledby="methode"><h2 id="methode">Méthode</h2>
<ul><li>${escape(METHODE.centres)}</li><li>${escape(METHODE.distance)}</li><li>${escape(METHODE.itinerance)}</li><li>${escape(METHODE.lieux)}</li>
<li>La médiane et le 90<sup>e</sup> centile sont pondérés par la population : la moitié (90 %) des habitants vit plus près.</li>
<li>Données : ${source.origins.map((o) => escape(o.split('/').at(-1) ?? o)).join(', ')}${source.date ? `, du ${escape(source.date.slice(0, 10))}` : ''}. Les mêmes chiffres : <code>${cli}</code>, ou <a href="/v1/couverture${escape(query)}">en JSON</a>.</li></ul>
</section>
</main></body></html>`
}

export const couvertureStylesheet = `*{box-sizing:border-box}
body{font:1.1rem/1.5 system-ui,sans-serif;margin:0;color:#161616;background:#fff}
main{max-width:80rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.25}
.colonnes{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
.carte{flex:1 1 26rem;margin:0}
.carte svg{width:100%;height:auto;border:1px solid #ddd;background:#f6f6f6}
.tableau{flex:1 1 22rem;max-height:40rem;overflow:auto}
table{border-collapse:collapse;margin:1rem 0;font-size:.95rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}
th[scope=row],thead th,.communes td:last-child{text-align:left}
.code{color:#555;font-weight:normal}
.legende{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
.pastille{display:inline-block;width:1rem;height:1rem;border-radius:50%;margin-right:.35rem;vertical-align:middle}
${DISTANCE_CLASSES.map((c, i) => `.d${i}{fill:${c.colour};background:${c.colour}}`).join('\n')}
circle{stroke:#222;stroke-width:.3;fill-opacity:.85}
.alerte{background:#fee;border:2px solid #b2182b;padding:.5rem}
a{color:#000091}
`
