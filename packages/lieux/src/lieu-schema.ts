import { z } from 'zod'
import { CellMemo } from './cell-memo.js'
import { isListLieuField, LIST_SEPARATOR, type LieuField, lieuFields } from './fields.js'
import { toE164 } from './phone.js'
import { closestValue, excerpt } from './text.js'
import {
  AccessMode,
  Fee,
  Itinerance,
  NationalProgramme,
  normaliseVocabularyValue,
  Service,
  SpecificSupport,
  SupportMode,
  TargetPublic,
  TrainingLabel,
  vocabularies,
} from './vocabularies.js'

/*
 * One schema per field of the standard v1.0.2, gathered in LieuSchema. LieuSchema accepts the standard's own
 * text form (a CSV cell, a `|`-joined list, "46.1") as well as the typed form (an array, a number): one pass,
 * `toTypedInput`, trims cells, splits lists and reads numbers before the field schemas check them, so the
 * same schema validates a CSV row, a JSON file of the standard, or an object built in code.
 * (One pass for the whole row rather than a preprocess per field: it halves the cost of validating a file.)
 * Messages are French and say what was expected and what was found; `params.code` carries the stable code.
 */

type Issue = { code: 'custom'; message: string; input: unknown; params: { code: string } }
function issue(code: string, message: string, input: unknown): Issue {
  return { code: 'custom', message, input, params: { code } }
}
const found = (value: unknown): string => `« ${excerpt(String(value))} »`

/** Trims text and treats blank cells as absent (CSV has no other way to say "no value"). */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** A text cell; a JSON number (`"id": 4`, `"code_postal": 23000`) is read as its text. */
function textCell(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : blankToUndefined(value)
}

const requiredMessage = (label: string) => (iss: { input?: unknown }) =>
  iss.input === undefined
    ? `${label} est obligatoire et il est vide.`
    : `${label} doit être un texte, trouvé ${found(JSON.stringify(iss.input))}.`

function requiredText(label: string) {
  return z.string({ error: requiredMessage(label) })
}

function optionalText(label: string, maxLength?: number) {
  const text = z.string({ error: (iss) => `${label} doit être un texte, trouvé ${found(JSON.stringify(iss.input))}.` })
  const bounded =
    maxLength === undefined
      ? text
      : text.max(maxLength, {
          error: (iss) =>
            `${label} dépasse ${maxLength} caractères : ${(iss.input as string).length} trouvés (« ${excerpt(iss.input as string, 40)} »). Placez la suite dans presentation_detail.`,
        })
  return bounded.optional()
}

/*
 * A cheaper test for the valid values of a field, written next to its schema from the same pattern or bounds: the
 * reader's fast path runs it on every row for fields whose values are all different (pivot, phone, coordinates),
 * where the schema itself would cost several times more. A value it does not accept goes through the schema.
 */
const cheapAcceptance = new WeakMap<z.ZodType, (value: unknown) => boolean>()
function acceptedCheaply<T extends z.ZodType>(schema: T, accepts: (value: unknown) => boolean): T {
  cheapAcceptance.set(schema, accepts)
  return schema
}

function patterned(label: string, pattern: RegExp, expected: string, hint?: (value: string) => string | undefined) {
  const schema = z.string({ error: requiredMessage(label) }).check((ctx) => {
    if (pattern.test(ctx.value)) return
    const suggestion = hint?.(ctx.value)
    ctx.issues.push(
      issue(
        'invalid_format',
        `${label} : attendu ${expected}, trouvé ${found(ctx.value)}.${suggestion ? ` ${suggestion}` : ''}`,
        ctx.value,
      ),
    )
  })
  return acceptedCheaply(schema, (value) => typeof value === 'string' && pattern.test(value))
}

/** Splits a list cell; accepts an array too (JSON). Empty items (a trailing `|`) carry no value. */
function splitList(value: unknown): unknown {
  const present = blankToUndefined(value)
  if (present === undefined) return undefined
  if (typeof present === 'string' && !present.includes(LIST_SEPARATOR)) return [present] // one value: the common case
  const items = typeof present === 'string' ? present.split(LIST_SEPARATOR) : present
  if (!Array.isArray(items)) return present
  const out: unknown[] = []
  for (const item of items) {
    const cleaned = blankToUndefined(item)
    if (cleaned !== undefined && !out.includes(cleaned)) out.push(cleaned)
  }
  return out.length === 0 ? undefined : out
}

/** A vocabulary list, with typographic variants brought to the official spelling. */
function splitVocabularyList(value: unknown): unknown {
  const items = splitList(value)
  if (!Array.isArray(items)) return items
  const normalised: unknown[] = []
  for (const item of items as unknown[]) {
    const official = typeof item === 'string' ? normaliseVocabularyValue(item) : item
    if (!normalised.includes(official)) normalised.push(official)
  }
  return normalised
}

/** A number cell; the original text is kept when it is not a plain decimal, so the message can show it. */
function numberCell(value: unknown): unknown {
  const present = blankToUndefined(value)
  if (typeof present !== 'string') return present
  return isPlainDecimal(present) ? Number(present) : present
}

const ZERO = 48
const NINE = 57
const isDigit = (code: number) => code >= ZERO && code <= NINE

/**
 * Whether the text is a plain decimal: /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, read by hand because every
 * coordinate of a file goes through it (a regular expression costs several times more on such short texts).
 */
export function isPlainDecimal(text: string): boolean {
  const length = text.length
  let i = 0
  let code = text.charCodeAt(0)
  if (code === 43 || code === 45) code = text.charCodeAt(++i) // + -
  const integerStart = i
  while (isDigit(code)) code = text.charCodeAt(++i)
  let digits = i - integerStart
  if (code === 46) {
    // .
    const fractionStart = ++i
    code = text.charCodeAt(i)
    while (isDigit(code)) code = text.charCodeAt(++i)
    digits += i - fractionStart
  }
  if (digits === 0) return false
  if (code === 101 || code === 69) {
    // e E
    code = text.charCodeAt(++i)
    if (code === 43 || code === 45) code = text.charCodeAt(++i)
    const exponentStart = i
    while (isDigit(code)) code = text.charCodeAt(++i)
    if (i === exponentStart) return false
  }
  return i === length
}

function vocabularyList<const T extends Readonly<Record<string, string>>>(label: string, vocabulary: T) {
  const values = Object.values(vocabulary)
  const item = z.enum(vocabulary, {
    error: (iss) => {
      const suggestion = typeof iss.input === 'string' ? closestValue(iss.input, values) : undefined
      return `${label} : la valeur ${found(iss.input)} n'est pas une valeur du standard.${
        suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ` Valeurs admises : ${values.join(' ; ')}.`
      }`
    },
  })
  return z
    .array(item, {
      error: (iss) =>
        `${label} doit être une liste de valeurs séparées par « | », trouvé ${found(JSON.stringify(iss.input))}.`,
    })
    .optional()
}

function freeList(label: string) {
  return z
    .array(
      z.string({
        error: (iss) => `${label} : chaque valeur doit être un texte, trouvé ${found(JSON.stringify(iss.input))}.`,
      }),
    )
    .optional()
}

function coordinate(label: string, min: number, max: number) {
  const schema = z
    .number({
      error: (iss) =>
        typeof iss.input === 'string' && /^[+-]?\d+,\d+$/.test(iss.input)
          ? `${label} : attendu un nombre décimal avec un point, trouvé ${found(iss.input)} (écrivez ${iss.input.replace(',', '.')}).`
          : `${label} : attendu un nombre décimal (WGS84), trouvé ${found(iss.input)}.`,
    })
    .check((ctx) => {
      if (ctx.value < min || ctx.value > max)
        ctx.issues.push(
          issue('out_of_range', `${label} : attendu entre ${min} et ${max}, trouvé ${ctx.value}.`, ctx.value),
        )
    })
  return acceptedCheaply(
    schema,
    (value) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max,
  ).optional()
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** True for a real calendar date written `YYYY-MM-DD` (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (value === lastValidDate) return true // rows of a file mostly share their update date
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  if (valid) lastValidDate = value
  return valid
}
let lastValidDate = ''

const dateMaj = z.string({ error: requiredMessage('La date de mise à jour (date_maj)') }).check((ctx) => {
  if (isIsoDate(ctx.value)) return
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(ctx.value)
  const hint = french ? ` Écrivez ${french[3]}-${french[2]?.padStart(2, '0')}-${french[1]?.padStart(2, '0')}.` : ''
  ctx.issues.push(
    issue(
      'invalid_date',
      `date_maj : attendu une date réelle au format AAAA-MM-JJ, trouvé ${found(ctx.value)}.${hint}`,
      ctx.value,
    ),
  )
})

/** The standard's `pivot` pattern: a SIRET, an RNA or a RIDET, 9 to 14 letters or digits. */
export const PIVOT_PATTERN = /^[a-zA-Z0-9]{9,14}$/
export const POSTCODE_PATTERN = /^\d{5}$/
export const INSEE_CODE_PATTERN = /^([013-9]\d|2[AB1-9])\d{3}$/
export const PHONE_PATTERN = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/

const LieuFieldsSchema = z.object({
  id: requiredText("L'identifiant (id)"),
  pivot: patterned('Le pivot (SIRET, RNA ou RIDET)', PIVOT_PATTERN, '9 à 14 lettres ou chiffres sans espace', (v) => {
    const compact = v.replace(/[\s.]/g, '')
    return PIVOT_PATTERN.test(compact) ? `Écrivez ${compact}.` : undefined
  }),
  nom: requiredText('Le nom du lieu (nom)'),
  commune: requiredText('La commune (commune)'),
  code_postal: patterned('Le code postal (code_postal)', POSTCODE_PATTERN, '5 chiffres', (v) =>
    /^\d{4}$/.test(v) ? `Le zéro initial a sans doute été perdu par un tableur : écrivez 0${v}.` : undefined,
  ),
  code_insee: patterned(
    'Le code INSEE (code_insee)',
    INSEE_CODE_PATTERN,
    'un code commune à 5 caractères (ex. 23096, 2A004)',
    (v) => (/^\d{4}$/.test(v) ? `Le zéro initial a sans doute été perdu par un tableur : écrivez 0${v}.` : undefined),
  ).optional(),
  adresse: requiredText("L'adresse (adresse)"),
  complement_adresse: optionalText("Le complément d'adresse (complement_adresse)"),
  latitude: coordinate('La latitude', -90, 90),
  longitude: coordinate('La longitude', -180, 180),
  typologie: freeList('La typologie'),
  telephone: patterned(
    'Le téléphone',
    PHONE_PATTERN,
    'un numéro au format international sans espace (ex. +33555123456)',
    (v) => {
      const e164 = toE164(v)
      return e164 && PHONE_PATTERN.test(e164) ? `Écrivez ${e164}.` : undefined
    },
  ).optional(),
  courriels: freeList('Les courriels'),
  site_web: freeList('Les sites web'),
  horaires: optionalText('Les horaires'),
  presentation_resume: optionalText('Le résumé (presentation_resume)', 280),
  presentation_detail: optionalText('La présentation détaillée'),
  source: optionalText('La source'),
  itinerance: vocabularyList("L'itinérance", Itinerance),
  structure_parente: optionalText('La structure parente'),
  date_maj: dateMaj,
  services: vocabularyList('Les services', Service),
  publics_specifiquement_adresses: vocabularyList('Les publics spécifiquement adressés', TargetPublic),
  prise_en_charge_specifique: vocabularyList('La prise en charge spécifique', SpecificSupport),
  frais_a_charge: vocabularyList('Les frais à charge', Fee),
  dispositif_programmes_nationaux: vocabularyList('Les dispositifs et programmes nationaux', NationalProgramme),
  formations_labels: vocabularyList('Les formations et labels', TrainingLabel),
  autres_formations_labels: freeList('Les autres formations et labels'),
  modalites_acces: vocabularyList("Les modalités d'accès", AccessMode),
  modalites_accompagnement: vocabularyList("Les modalités d'accompagnement", SupportMode),
  fiche_acces_libre: optionalText('La fiche Accès libre'),
  prise_rdv: optionalText('Le lien de prise de rendez-vous'),
})

// How each field's cell is read, by field position (index loops: this runs for every row of every file).
const TEXT = 0
const NUMBER = 1
const LIST = 2
const VOCABULARY = 3
const fields: readonly LieuField[] = [...lieuFields]
const cellKinds: readonly number[] = fields.map((field) =>
  field === 'latitude' || field === 'longitude'
    ? NUMBER
    : field in vocabularies
      ? VOCABULARY
      : isListLieuField(field)
        ? LIST
        : TEXT,
)

function readCell(kind: number, cell: unknown): unknown {
  return kind === TEXT
    ? textCell(cell)
    : kind === NUMBER
      ? numberCell(cell)
      : kind === LIST
        ? splitList(cell)
        : splitVocabularyList(cell)
}

/** The one pass before the field schemas: trimmed text, blank as absent, lists split, numbers read. */
function toTypedInput(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const cells = value as Record<string, unknown>
  const typed: Record<string, unknown> = {}
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as LieuField
    const cell = cells[field]
    if (cell === undefined || cell === null || cell === '') continue
    const read = readCell(cellKinds[i] as number, cell)
    if (read !== undefined) typed[field] = read
  }
  return typed
}

/** The typed input of the field schemas, read from the cells (the slow path, and the reference). */
function typedFromCells(cells: readonly string[], cellOfField: readonly number[]): Record<string, unknown> {
  const typed: Record<string, unknown> = {}
  for (let i = 0; i < fields.length; i++) {
    const position = cellOfField[i] as number
    if (position < 0) continue
    const cell = cells[position]
    if (cell === undefined || cell === '') continue
    const read = readCell(cellKinds[i] as number, cell)
    if (read !== undefined) typed[fields[i] as LieuField] = read
  }
  return typed
}

/*
 * The fast path of a CSV row. Each field's schema reads that field's value only, so its verdict can be kept per
 * cell: files repeat the same dates, vocabulary lists and postcodes on thousands of rows, and a Map lookup costs a
 * fraction of running the schema (reading the cell, splitting, normalising, then the object schema). Free texts and
 * free lists (a bare string or array of strings) accept any value and need no verdict. As soon as one cell is
 * refused, the whole row goes through LieuFieldsSchema, so errors are reported exactly as before. Kept values are
 * shared by the rows that wrote the same cell: arrays are frozen.
 */
type FieldSchema = z.ZodType
const fieldSchemas: readonly FieldSchema[] = fields.map((field) => LieuFieldsSchema.shape[field])
function acceptsAnyString(schema: z.ZodType): boolean {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema
  return inner instanceof z.ZodString && (inner.def.checks?.length ?? 0) === 0
}
function acceptsAnyValue(schema: z.ZodType): boolean {
  if (acceptsAnyString(schema)) return true
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema
  return (
    inner instanceof z.ZodArray && (inner.def.checks?.length ?? 0) === 0 && acceptsAnyString(inner.element as z.ZodType)
  )
}
const freeField: readonly boolean[] = fieldSchemas.map(acceptsAnyValue)
const cheapTests = fieldSchemas.map((schema) =>
  cheapAcceptance.get(schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema),
)
const requiredField: readonly boolean[] = fieldSchemas.map((schema) => !schema.safeParse(undefined).success)
const keptValues: CellMemo<unknown>[] = fields.map(() => new CellMemo())
/**
 * The lieu object from its values by field position, absent values left out (as the object schema does). Generated
 * once from the field list: one named store per field keeps every row's object in the same shapes, where a loop of
 * `lieu[fields[i]] = value` is a keyed store V8 cannot specialise (a tenth of the time of reading a file). A
 * constructor rather than a literal `{}` grown field by field: V8 then makes room for every field inside the object,
 * where each row's `{}` outgrew its few slots again and again (700 bytes of garbage per lieu, a fifth of what
 * reading a file allocates). Its prototype is Object.prototype: a lieu is a plain object.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code is built from the standard's field names only
const PlainLieu = new Function(
  'values',
  fields.map((field, i) => `if (values[${i}] !== undefined) this[${JSON.stringify(field)}] = values[${i}];`).join('\n'),
) as unknown as new (values: readonly unknown[]) => z.output<typeof LieuFieldsSchema>
PlainLieu.prototype = Object.prototype
const rowValues: unknown[] = fields.map(() => undefined)
// The previous row's cell and value, per field: a cell equal to the one above (the same pivot, source, date or
// services on every row of a national file) gives the same value, without reading it again, and the rows share it
// (a large file then holds one string or list where it would hold one per row).
const previousCells: (string | undefined)[] = fields.map(() => undefined)
const previousValues: unknown[] = fields.map(() => undefined)
const previousShared: boolean[] = fields.map(() => false)

/**
 * Validates a CSV row straight from its cells, without building the row object first (the reader's fast path).
 * `cellOfField[i]` is the position of the i-th field of the standard among the cells, or -1.
 */
export function safeParseCells(
  cells: readonly string[],
  cellOfField: readonly number[],
): z.ZodSafeParseResult<z.output<typeof LieuFieldsSchema>> {
  // One array reused by every row (validation is synchronous): the lieu object is the only allocation.
  const values = rowValues
  for (let i = 0; i < fields.length; i++) {
    values[i] = undefined
    const position = cellOfField[i] as number
    const cell = position < 0 ? undefined : cells[position]
    if (cell === undefined || cell === '') {
      if (requiredField[i]) return LieuFieldsSchema.safeParse(typedFromCells(cells, cellOfField))
      continue
    }
    if (cell === previousCells[i]) {
      const previous = previousValues[i]
      if (!previousShared[i]) {
        // Shared from now on: frozen, so that no row can change another's list.
        if (Array.isArray(previous)) Object.freeze(previous)
        previousShared[i] = true
      }
      values[i] = previous
      continue
    }
    // Free fields need no verdict, and fields with a cheap test are cheaper to test again than to look up.
    let value = freeField[i] || cheapTests[i] ? undefined : keptValues[i]?.get(cell)
    if (value === undefined) {
      value = readCell(cellKinds[i] as number, cell)
      if (value === undefined) {
        if (requiredField[i]) return LieuFieldsSchema.safeParse(typedFromCells(cells, cellOfField))
        continue
      }
      if (!freeField[i] && !cheapTests[i]?.(value)) {
        const verdict = (fieldSchemas[i] as FieldSchema).safeParse(value)
        if (!verdict.success) return LieuFieldsSchema.safeParse(typedFromCells(cells, cellOfField))
        value = Array.isArray(verdict.data) ? Object.freeze(verdict.data) : verdict.data
        keptValues[i]?.set(cell, value)
      }
    }
    values[i] = value
    previousCells[i] = cell
    previousValues[i] = value
    previousShared[i] = false
  }
  return { success: true, data: new PlainLieu(values) }
}

/**
 * A lieu of the standard v1.0.2: validates a row in the standard's text form (CSV cells, `|` lists) or in typed
 * form, and gives the typed lieu. Fields outside the standard are left out.
 * @example LieuSchema.safeParse({ id: 'a', pivot: '43493312300029', nom: 'EPN', commune: 'Guéret', code_postal: '23000', adresse: '1 rue X', date_maj: '2026-01-05', services: 'Aide aux démarches administratives' })
 */
export const LieuSchema = z.preprocess(toTypedInput, LieuFieldsSchema)

/** A lieu de médiation numérique, with the standard's field names; lists are arrays, coordinates numbers. */
export type Lieu = z.output<typeof LieuSchema>
