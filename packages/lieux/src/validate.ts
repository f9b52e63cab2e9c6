import type { z } from 'zod'
import { dataAgeDays, staleAfterDays } from './freshness.js'
import { type Lieu, LieuSchema, safeParseCells } from './lieu-schema.js'
import { webAddress } from './links.js'
import { checkHoraires, suspiciousHoraires } from './opening-hours.js'
import { officialDeviation } from './official.js'
import { hasValidSiretChecksum, PLACEHOLDER_PIVOT, pivotKind } from './pivot.js'
import { officialChecker, type OfficialIssue, type UniqueValues } from './table-schema.js'
import { closestValue, excerpt } from './text.js'
import { AccessMode, Typologie } from './vocabularies.js'

/** Stable codes of row errors (the row is rejected). */
export const errorCodes = [
  'required',
  'invalid_format',
  'invalid_value',
  'invalid_number',
  'invalid_type',
  'out_of_range',
  'too_long',
  'invalid_date',
  'duplicate_id',
  'column_count',
  'unclosed_quote',
  'invalid_encoding',
] as const
/** Stable codes of warnings (the row is kept). */
export const warningCodes = [
  'pivot_placeholder',
  'siret_checksum',
  'stale_date',
  'future_date',
  'horaires_unparsable',
  'horaires_corrected',
  'missing_coordinates',
  'no_services',
  'contradictory_access',
  'unknown_typologie',
  'invalid_email',
  'invalid_url',
  'unknown_column',
  'missing_column',
  'duplicate_column',
  'blank_lines',
  'not_utf8',
  'delimiter',
  'v0_converted',
  'v0_value_approximated',
  'v0_field_dropped',
  'v0_summary_shortened',
  'not_official',
  'horaires_suspicious',
] as const
export type ErrorCode = (typeof errorCodes)[number]
export type WarningCode = (typeof warningCodes)[number]

/** One problem found in a file: where (line, field), what (stable code), and a French message for people. */
export type RowIssue = {
  /** Line in the file where the row starts (CSV: the header is line 1; JSON: where the object opens). */
  line: number
  /** The standard's field name, or the column's name; null when the problem is the whole row. */
  field: string | null
  code: string
  message: string
}

/**
 * Two verdicts per row. `officiel`: what the official Table Schema (schema.json v1.0.2) accepts, exactly.
 * Accepted or rejected is the *utilisable* verdict: what Aiguillage can serve after its documented normalisations
 * (each one a `not_official` warning). A rejected row can be `officiel` (Aiguillage is stricter: latitude out of
 * range, `NaN`, a name of spaces), an accepted one can be not `officiel` (a trailing `|`, a curly apostrophe…).
 */
export type AcceptedRow = { line: number; lieu: Lieu; officiel: boolean }
export type RejectedRow = {
  line: number
  officiel: boolean
  /** The row as it was read, so nothing is lost and it can be corrected. */
  raw: Record<string, unknown>
  errors: RowIssue[]
}

/** The outcome of validating rows: `accepted.length + rejected.length === total`, always. */
export type LieuxReport = {
  total: number
  accepted: AcceptedRow[]
  rejected: RejectedRow[]
  warnings: RowIssue[]
}

/** A row to validate: its values keyed by field name, plus problems found while reading it. */
export type RawRow = {
  line: number
  values: Record<string, unknown>
  /** What the reader already found wrong (wrong column count, bad encoding…): the row will be rejected. */
  errors?: RowIssue[]
  warnings?: RowIssue[]
  /** The values cannot be trusted field by field (shifted columns, cut record): only `errors` are reported. */
  unreadable?: boolean
  /** A CSV reader's faster form of `values`: the cells, and the position of each field of the standard among them (or -1). */
  cells?: { cells: readonly string[]; cellOfField: readonly number[] }
  /** The official tools refuse the file or the row whatever its values (header, v0 format): already said in a warning. */
  notOfficial?: boolean
}

export type ValidateOptions = {
  /** The reference instant for date checks (the caller's clock). */
  now: Date
  /** After how many days `date_maj` is considered old (the cartographie nationale says one year). */
  staleAfterDays?: number
  /**
   * `'report'` (the default): each row's warnings and the official schema's verdict, for people who publish or fix a
   * file. `'acceptance'`: only whether each row is accepted, the same rows with the same errors, for a server that
   * serves the lieux and shows no report (a sixth of a cold read); the rows then have no warning and `officiel` is
   * false.
   */
  detail?: 'report' | 'acceptance'
}

const EMAIL = /^[^\s@|]+@[^\s@|]+\.[a-z]{2,}$/i

function issueCode(zodIssue: z.core.$ZodIssue, input: unknown): string {
  switch (zodIssue.code) {
    case 'custom': {
      const code = (zodIssue.params as { code?: unknown } | undefined)?.code
      return typeof code === 'string' ? code : 'invalid_value'
    }
    case 'invalid_type':
      if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return 'required'
      return zodIssue.expected === 'number' ? 'invalid_number' : 'invalid_type'
    case 'invalid_value':
      return 'invalid_value'
    case 'too_big':
      return zodIssue.origin === 'string' ? 'too_long' : 'out_of_range'
    case 'too_small':
      return 'out_of_range'
    case 'invalid_format':
      return 'invalid_format'
    default:
      return zodIssue.code
  }
}

// Files repeat the same update date on thousands of rows: build each message once.
const staleMessages = new Map<string, string>()
function staleMessage(date: string, ageDays: number): string {
  const key = `${date}/${ageDays}`
  let message = staleMessages.get(key)
  if (message === undefined) {
    if (staleMessages.size > 1000) staleMessages.clear()
    message = `Mis à jour le ${date}, il y a ${yearsAgo(ageDays)} : les informations sont peut-être périmées.`
    staleMessages.set(key, message)
  }
  return message
}

/*
 * The rows of a file mostly share their update date, and the reader gives the same string to the rows that wrote
 * the same date: the last answer is kept, and found again by comparing references.
 */
let lastDate: { date: string; now: Date; staleAfter: number; warning: DateWarning | undefined } | undefined
type DateWarning = { code: 'stale_date' | 'future_date'; message: string }

/** The warning on a lieu's `date_maj`: old (past `staleAfterDays`) or in the future. */
function dateWarning(date: string, options: ValidateOptions): DateWarning | undefined {
  const staleAfter = options.staleAfterDays ?? staleAfterDays
  if (lastDate?.date === date && lastDate.now === options.now && lastDate.staleAfter === staleAfter)
    return lastDate.warning
  const ageDays = dataAgeDays(date, options.now)
  const warning: DateWarning | undefined =
    ageDays > staleAfter
      ? { code: 'stale_date', message: staleMessage(date, ageDays) }
      : ageDays < -1
        ? { code: 'future_date', message: `La date de mise à jour ${date} est dans le futur.` }
        : undefined
  lastDate = { date, now: options.now, staleAfter, warning }
  return warning
}

function yearsAgo(days: number): string {
  const years = Math.floor(days / 365)
  return years >= 2 ? `${years} ans` : years === 1 ? 'plus d’un an' : `${days} jours`
}

/** Warnings on a valid lieu: things that do not break the standard but mislead the people it is shown to. */
// Functions rather than closures: lieuWarnings runs for every row of every file.
function warn(into: RowIssue[], line: number, field: string | null, code: WarningCode, message: string): void {
  into.push({ line, field, code, message })
}

function checkUrl(into: RowIssue[], line: number, field: string, url: string): void {
  if (!webAddress.test(url))
    warn(into, line, field, 'invalid_url', `L’adresse « ${excerpt(url)} » n’est pas un lien web (attendu : https://…).`)
}

/** The one empty list of this module's loops and answers (nothing allocated per row). */
const none: readonly never[] = []

export function lieuWarnings(lieu: Lieu, line: number, options: ValidateOptions, into: RowIssue[] = []): RowIssue[] {
  const warnings = into

  if (lieu.pivot === PLACEHOLDER_PIVOT)
    warn(
      warnings,
      line,
      'pivot',
      'pivot_placeholder',
      'Le pivot 00000000000000 est une valeur d’attente : indiquez le SIRET de la structure (ou son numéro RNA).',
    )
  else if (pivotKind(lieu.pivot) === 'siret' && !hasValidSiretChecksum(lieu.pivot))
    warn(
      warnings,
      line,
      'pivot',
      'siret_checksum',
      `Le SIRET ${lieu.pivot} ne passe pas le contrôle de clé (Luhn) : un chiffre est sans doute faux.`,
    )

  const date = dateWarning(lieu.date_maj, options)
  if (date) warn(warnings, line, 'date_maj', date.code, date.message)

  if (lieu.horaires !== undefined) {
    const check = checkHoraires(lieu.horaires)
    if (!check.valid)
      warn(
        warnings,
        line,
        'horaires',
        'horaires_unparsable',
        `Les horaires « ${excerpt(lieu.horaires)} » ne suivent pas la syntaxe OpenStreetMap (ex. « Mo-Fr 09:00-12:00,14:00-17:00 ») : ils seront affichés comme non renseignés.`,
      )
    else {
      if (check.corrected)
        warn(
          warnings,
          line,
          'horaires',
          'horaires_corrected',
          `Les horaires « ${excerpt(lieu.horaires)} » ont été compris comme « ${excerpt(check.corrected)} » : écrivez-les ainsi.`,
        )
      const suspicious = suspiciousHoraires(lieu.horaires)
      if (suspicious)
        warn(warnings, line, 'horaires', 'horaires_suspicious', `Horaires à vérifier : ${suspicious.message}`)
    }
  }

  const hasCoordinates =
    lieu.latitude !== undefined && lieu.longitude !== undefined && !(lieu.latitude === 0 && lieu.longitude === 0)
  if (!hasCoordinates)
    warn(
      warnings,
      line,
      lieu.latitude === undefined ? 'latitude' : 'longitude',
      'missing_coordinates',
      'Coordonnées absentes (ou 0, 0) : le lieu ne sera pas trouvé par une recherche autour d’une commune.',
    )

  const noPublic = lieu.modalites_acces?.includes(AccessMode.NoPublicReception) ?? false
  if (!lieu.services?.length)
    warn(
      warnings,
      line,
      'services',
      'no_services',
      'Aucun service : le standard considère que ce lieu n’accueille pas de public. Il ne sera pas proposé aux personnes.',
    )
  else if (noPublic)
    warn(
      warnings,
      line,
      'modalites_acces',
      'contradictory_access',
      '« Ce lieu n’accueille pas de public » alors que des services sont proposés : le lieu ne sera pas proposé aux personnes.',
    )

  // Index loops: an iterator per list per row was a twentieth of what reading a file allocates.
  const typologie = lieu.typologie ?? none
  for (let i = 0; i < typologie.length; i++) {
    const code = typologie[i] as string
    if (code in Typologie) continue
    const suggestion = closestValue(code, Object.keys(Typologie))
    warn(
      warnings,
      line,
      'typologie',
      'unknown_typologie',
      `Typologie « ${excerpt(code)} » inconnue.${suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ''}`,
    )
  }
  const courriels = lieu.courriels ?? none
  for (let i = 0; i < courriels.length; i++) {
    const email = courriels[i] as string
    if (!EMAIL.test(email))
      warn(
        warnings,
        line,
        'courriels',
        'invalid_email',
        `Le courriel « ${excerpt(email)} » n’a pas la forme nom@domaine.fr.`,
      )
  }
  const sites = lieu.site_web ?? none
  for (let i = 0; i < sites.length; i++) checkUrl(warnings, line, 'site_web', sites[i] as string)
  if (lieu.fiche_acces_libre) checkUrl(warnings, line, 'fiche_acces_libre', lieu.fiche_acces_libre)
  if (lieu.prise_rdv) checkUrl(warnings, line, 'prise_rdv', lieu.prise_rdv)
  return warnings
}

/**
 * Rows pulled one by one until `undefined`: what a reader of a large file gives, cheaper than an iterator (no
 * result object per row).
 */
export type NextRow = () => RawRow | undefined

/** The rows of an iterable, pulled one by one. */
export function nextRowOf(rows: Iterable<RawRow>): NextRow {
  const iterator = rows[Symbol.iterator]()
  return () => {
    const result = iterator.next()
    return result.done ? undefined : result.value
  }
}

/**
 * Validates rows against the standard v1.0.2. Never stops at a bad row and never drops one:
 * each row is accepted (with its warnings) or rejected (with all its errors and its raw values).
 * `id` must be unique: a repeated id rejects the later row.
 */
export function validateRows(rows: Iterable<RawRow> | NextRow, options: ValidateOptions): LieuxReport {
  const report: LieuxReport = { total: 0, accepted: [], rejected: [], warnings: [] }
  const ids = new AcceptedIds(report.accepted)
  const unique: UniqueValues = new Map()
  const next = typeof rows === 'function' ? rows : nextRowOf(rows)
  const full = options.detail !== 'acceptance'
  for (let row = next(); row !== undefined; row = next()) {
    report.total++
    // Most rows have no error: the array is only made for a row that has one.
    let errors: RowIssue[] | undefined = row.errors?.length ? [...row.errors] : undefined
    if (row.warnings) report.warnings.push(...row.warnings)
    if (row.unreadable) {
      report.rejected.push({ line: row.line, officiel: false, raw: row.values, errors: errors ?? [] })
      continue
    }
    const official = full ? officialIssuesOf(row, unique) : none
    const officiel = full && official.length === 0 && !row.notOfficial && errors === undefined
    const result = row.cells ? safeParseCells(row.cells.cells, row.cells.cellOfField) : LieuSchema.safeParse(row.values)
    if (!result.success) {
      errors ??= []
      for (const zodIssue of result.error.issues) {
        const field = typeof zodIssue.path[0] === 'string' ? zodIssue.path[0] : null
        const input = field === null ? undefined : row.values[field]
        errors.push({ line: row.line, field, code: issueCode(zodIssue, input), message: zodIssue.message })
      }
    } else {
      const earlier = ids.firstLineOf(result.data.id, row, full ? official : undefined)
      if (earlier !== undefined)
        (errors ??= []).push({
          line: row.line,
          field: 'id',
          code: 'duplicate_id',
          message: `L’identifiant « ${excerpt(result.data.id)} » est déjà utilisé ligne ${earlier} : chaque lieu doit avoir un id unique.`,
        })
    }
    if (errors !== undefined || !result.success) {
      report.rejected.push({ line: row.line, officiel, raw: row.values, errors: errors ?? [] })
      continue
    }
    report.accepted.push({ line: row.line, lieu: result.data, officiel })
    ids.accepted(result.data.id, row.line)
    if (!full) continue
    for (const issue of official) {
      const deviation = officialDeviation(issue, result.data)
      report.warnings.push({ line: row.line, field: issue.field, code: 'not_official', message: deviation })
    }
    lieuWarnings(result.data, row.line, options, report.warnings)
  }
  return report
}

const ID = officialChecker.fieldNames.indexOf('id')

/**
 * The line of the first accepted row of each id, to reject a repeated one. Looking every id up in a table of a
 * hundred thousand costs as much as reading the row, and the official check already looks up every id cell: in a
 * CSV file where no id has spaces around it, an id the official check has not seen before cannot be repeated, and
 * the table is only built (from the rows accepted so far) the first time one might be.
 */
class AcceptedIds {
  #lines: Map<string, number> | undefined
  #spaced = false
  constructor(private readonly acceptedSoFar: readonly AcceptedRow[]) {}

  /** `official`: the official check's issues for the row, which tell when an id was already seen; absent when not run. */
  firstLineOf(id: string, row: RawRow, official: readonly OfficialIssue[] | undefined): number | undefined {
    if (this.#lines === undefined && row.cells && official) {
      const cell = row.cells.cells[row.cells.cellOfField[ID] as number]
      if (cell !== id) this.#spaced = true
      const seenByOfficialCheck = official.some((issue) => issue.field === 'id' && issue.code === 'unique')
      if (!this.#spaced && !seenByOfficialCheck) return undefined
    }
    return this.#table().get(id)
  }

  accepted(id: string, line: number): void {
    if (this.#lines && !this.#lines.has(id)) this.#lines.set(id, line)
  }

  #table(): Map<string, number> {
    if (this.#lines === undefined) {
      this.#lines = new Map()
      for (const { lieu, line } of this.acceptedSoFar) if (!this.#lines.has(lieu.id)) this.#lines.set(lieu.id, line)
    }
    return this.#lines
  }
}

/** What the official schema says of the row's cells, as they were written (before any normalisation). */
function officialIssuesOf(row: RawRow, unique: UniqueValues) {
  let issues
  if (row.cells) issues = officialChecker.checkRow(row.cells.cells, unique, row.cells.cellOfField)
  else {
    const values = row.values
    issues = officialChecker.checkRow(
      officialChecker.fieldNames.map((name) => values[name]),
      unique,
    )
  }
  return issues.length === 0 ? none : issues
}

/**
 * Validates objects already in memory (a JSON array, an API body): the "line" of each is its position, from 1.
 * @example validateLieux([{ id: 'a', pivot: '43493312300029', nom: 'EPN', commune: 'Guéret', code_postal: '23000', adresse: '1 rue X', date_maj: '2026-01-05' }])
 */
export function validateLieux(objects: readonly unknown[], options: ValidateOptions): LieuxReport {
  return validateRows(
    objects.map((value, index) => rowFromUnknown(value, index + 1)),
    options,
  )
}

/** A raw row from any value: a non-object is kept (under `valeur`) and rejected with a clear error. */
export function rowFromUnknown(value: unknown, line: number): RawRow {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return { line, values: value as Record<string, unknown> }
  return {
    line,
    values: { valeur: value },
    unreadable: true,
    errors: [
      {
        line,
        field: null,
        code: 'invalid_type',
        message: `Attendu un objet { "id": …, "nom": … }, trouvé ${Array.isArray(value) ? 'un tableau' : `« ${excerpt(JSON.stringify(value) ?? String(value))} »`}.`,
      },
    ],
  }
}
