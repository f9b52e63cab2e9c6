/*
 * A checker of Frictionless Table Schema constraints, read the way the official tools (frictionless, validata)
 * read them: the verdict *officiel* of a row. It is deliberately not lenient: no trimming, no case folding, no
 * typographic normalisation. Aiguillage's own reading (validate.ts) is lenient and says so in warnings.
 *
 * What is checked: `type` (string, number, integer, boolean, date with the default format), `required` (a missing
 * value is the empty cell, `missingValues` [""] by default), `pattern` (the whole value, as frictionless anchors it),
 * `enum` (the whole value, or each `|`-separated item of an `array` field), `minLength`/`maxLength` (characters),
 * `minimum`/`maximum`, `unique`, and the header (labels equal to the field names, in order).
 */

import { CellMemo } from './cell-memo.js'

/** The parts of a Table Schema field this checker reads. */
export type TableSchemaField = {
  name: string
  type: string
  format?: string
  constraints?: {
    required?: boolean
    unique?: boolean
    pattern?: string
    enum?: readonly unknown[]
    minLength?: number
    maxLength?: number
    minimum?: number | string
    maximum?: number | string
  }
}
/** A Table Schema (only `fields` and `missingValues` matter here). */
export type TableSchema = { fields: readonly TableSchemaField[]; missingValues?: readonly string[] }

/** Why the official schema refuses a value: the constraint, as frictionless names it. */
export type OfficialIssueCode =
  'required' | 'type' | 'pattern' | 'enum' | 'min_length' | 'max_length' | 'minimum' | 'maximum' | 'unique'
export type OfficialIssue = { field: string; code: OfficialIssueCode; value: string }

/** Why the official schema refuses a header: a label that is not the field's name at that position. */
export type OfficialHeaderIssue =
  | { code: 'incorrect_label'; position: number; label: string; expected: string }
  | { code: 'missing_label'; position: number; expected: string }
  | { code: 'extra_label'; position: number; label: string }
  | { code: 'wrong_order'; position: number; expected: string }

export type TableSchemaChecker = {
  readonly fieldNames: readonly string[]
  /** The header's problems: labels that are not exactly a field's name, fields without a label, another order. */
  checkHeader(labels: readonly string[]): OfficialHeaderIssue[]
  /**
   * A row's problems. `values[i]` is the i-th field's cell: a string, or undefined/null when absent (read as missing);
   * a JSON number is a number, anything else is kept as is (and is a type error unless the field accepts it).
   * With `positions`, the i-th field's cell is `values[positions[i]]` (-1: no such column), as a CSV reader has them.
   * `seen` remembers the unique fields' values across the rows of one file (pass the same object for every row).
   */
  checkRow(values: readonly unknown[], seen?: UniqueValues, positions?: readonly number[]): OfficialIssue[]
}
export type UniqueValues = Map<number, Set<string>>

// Python's Decimal(), which frictionless uses for `number`: spaces around, underscores between digits, NaN, Infinity.
const DIGITS = '\\d+(?:_\\d+)*'
const DECIMAL = new RegExp(
  `^\\s*[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|nan|snan|inf|infinity)\\s*$`,
  'i',
)
const INTEGER = /^\s*[+-]?\d+(?:_\d+)*\s*$/
// strptime('%Y-%m-%d'), the default date format: month and day may have one digit.
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const TRUE_VALUES = new Set(['true', 'True', 'TRUE', '1'])
const FALSE_VALUES = new Set(['false', 'False', 'FALSE', '0'])

/** A cell as the text a message shows: JSON values (numbers, arrays, objects) as JSON. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined || value === null) return ''
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : (JSON.stringify(value) ?? '')
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The value as a number, or undefined when the field's type refuses it. */
function typedNumber(type: string, value: unknown): number | undefined | false {
  if (typeof value === 'number') return type === 'integer' && !Number.isInteger(value) ? false : value
  if (typeof value !== 'string') return false
  if (type === 'integer') return INTEGER.test(value) ? Number(value.replaceAll('_', '')) : false
  if (!DECIMAL.test(value)) return false
  return Number(
    value
      .replaceAll('_', '')
      .replace(/inf(inity)?/i, 'Infinity')
      .replace(/s?nan/i, 'NaN'),
  )
}

/**
 * Compiles a Table Schema into a checker (patterns compiled once: it runs on every row of every file).
 * @example tableSchemaChecker({ fields: [{ name: 'code_postal', type: 'string', constraints: { pattern: '^\\d{5}$' } }] }).checkRow([' 23000']) // [{ field: 'code_postal', code: 'pattern', value: ' 23000' }]
 */
export function tableSchemaChecker(schema: TableSchema): TableSchemaChecker {
  const missing = new Set(schema.missingValues ?? [''])
  const fields = schema.fields.map((field) => {
    const c = field.constraints ?? {}
    return {
      name: field.name,
      type: field.type,
      required: c.required === true,
      unique: c.unique === true,
      // frictionless anchors the pattern: the whole value must match. `u`: patterns are read as Unicode, as Python does.
      pattern: c.pattern === undefined ? undefined : new RegExp(`^(?:${c.pattern})$`, 'u'),
      enum: c.enum === undefined ? undefined : new Set(c.enum.map(String)),
      minLength: c.minLength,
      maxLength: c.maxLength,
      minimum: c.minimum === undefined ? undefined : Number(c.minimum),
      maximum: c.maximum === undefined ? undefined : Number(c.maximum),
      // Values of this field already found valid (type, pattern, enum, length), for the fields whose check costs more
      // than a lookup: patterns with alternatives (the vocabularies), enums, dates. A simple pattern (a postcode, a
      // pivot) is cheaper to test again than to look up among thousands of different values.
      valid:
        c.enum !== undefined || field.type === 'date' || (c.pattern?.includes('|') ?? false)
          ? new CellMemo<true>()
          : undefined,
      // A free text: any string passes (no pattern, enum, length or uniqueness to check).
      plain:
        field.type === 'string' &&
        c.pattern === undefined &&
        c.enum === undefined &&
        c.minLength === undefined &&
        c.maxLength === undefined &&
        c.unique !== true,
    }
  })
  // The default: only the empty cell is missing (a comparison, not a lookup, for every cell).
  const onlyEmptyIsMissing = missing.size === 1 && missing.has('')
  const isMissing = (value: string) => (onlyEmptyIsMissing ? value === '' : missing.has(value))
  const emptyIsMissing = missing.has('')
  const fieldNames = fields.map((f) => f.name)

  function checkValue(index: number, value: unknown, seen: UniqueValues | undefined, into: OfficialIssue[]) {
    const field = fields[index]
    if (field === undefined) return
    // The common cases first, without allocating: an empty optional cell, a free text, a value already checked.
    if (typeof value === 'string') {
      if (value === '' && !field.required && emptyIsMissing) return
      if (field.plain && value !== '' && !isMissing(value)) return
    }
    const text = cellText(value)
    // No closure here: this runs for every cell (and tsx/esbuild name every closure they create, which is slow).
    const name = field.name
    if (value === undefined || value === null || (typeof value === 'string' && isMissing(value))) {
      if (field.required) into.push({ field: name, code: 'required', value: text })
      return
    }
    if (typeof value === 'string' && field.valid?.get(value)) {
      if (field.unique && seen && isRepeated(index, value, seen)) into.push({ field: name, code: 'unique', value })
      return
    }
    const before = into.length
    let number: number | undefined
    switch (field.type) {
      case 'string':
        if (typeof value !== 'string') return void into.push({ field: name, code: 'type', value: text })
        break
      case 'number':
      case 'integer': {
        if (field.minimum === undefined && field.maximum === undefined) {
          // Only whether it is a number matters: skip reading it.
          if (
            typeof value === 'number'
              ? field.type === 'integer' && !Number.isInteger(value)
              : typeof value !== 'string' || !(field.type === 'integer' ? INTEGER : DECIMAL).test(value)
          )
            return void into.push({ field: name, code: 'type', value: text })
          break
        }
        const read = typedNumber(field.type, value)
        if (read === false) return void into.push({ field: name, code: 'type', value: text })
        number = read
        break
      }
      case 'boolean':
        if (
          typeof value !== 'boolean' &&
          !(typeof value === 'string' && (TRUE_VALUES.has(value) || FALSE_VALUES.has(value)))
        )
          return void into.push({ field: name, code: 'type', value: text })
        break
      case 'date':
        if (typeof value !== 'string' || !isCalendarDate(value))
          return void into.push({ field: name, code: 'type', value: text })
        break
      case 'array':
        break
      default:
        // `any` and the types no field of the standard uses: accepted as they are.
        break
    }
    if (field.pattern && !field.pattern.test(text)) into.push({ field: name, code: 'pattern', value: text })
    if (field.enum) {
      const items = field.type === 'array' ? text.split('|') : [text]
      if (items.some((item) => !field.enum?.has(item))) into.push({ field: name, code: 'enum', value: text })
    }
    if (field.minLength !== undefined || field.maxLength !== undefined) {
      // Characters, not UTF-16 units (Python's len).
      const length =
        text.length > (field.maxLength ?? 0) || field.minLength !== undefined ? [...text].length : text.length
      if (field.minLength !== undefined && length < field.minLength)
        into.push({ field: name, code: 'min_length', value: text })
      if (field.maxLength !== undefined && length > field.maxLength)
        into.push({ field: name, code: 'max_length', value: text })
    }
    if (number !== undefined) {
      if (field.minimum !== undefined && number < field.minimum)
        into.push({ field: name, code: 'minimum', value: text })
      if (field.maximum !== undefined && number > field.maximum)
        into.push({ field: name, code: 'maximum', value: text })
    }
    if (typeof value === 'string' && into.length === before && number === undefined) field.valid?.set(value, true)
    if (field.unique && seen && isRepeated(index, text, seen)) into.push({ field: name, code: 'unique', value: text })
  }

  function isRepeated(index: number, text: string, seen: UniqueValues): boolean {
    let values = seen.get(index)
    if (!values) seen.set(index, (values = new Set()))
    // One lookup, not has() then add(): on a large file the set outgrows the caches and each lookup is a miss.
    const size = values.size
    return values.add(text).size === size
  }

  return {
    fieldNames,
    checkHeader(labels) {
      // Said by label rather than by position: one missing column would otherwise shift every later label.
      const issues: OfficialHeaderIssue[] = []
      const exact = new Set(labels)
      const folded = new Map(fieldNames.map((name) => [name.toLowerCase(), name]))
      const present = new Set<string>()
      labels.forEach((label, position) => {
        if (folded.has(label) && fieldNames.includes(label)) return void present.add(label)
        const expected = folded.get(label.trim().toLowerCase())
        if (expected !== undefined && !exact.has(expected)) {
          present.add(expected)
          issues.push({ code: 'incorrect_label', position, label, expected })
        } else issues.push({ code: 'extra_label', position, label })
      })
      fieldNames.forEach((expected, position) => {
        if (!present.has(expected)) issues.push({ code: 'missing_label', position, expected })
      })
      if (issues.length === 0 && labels.some((label, position) => label !== fieldNames[position]))
        issues.push({ code: 'wrong_order', position: 0, expected: fieldNames.join(',') })
      return issues
    },
    checkRow(values, seen, positions) {
      const issues: OfficialIssue[] = []
      for (let i = 0; i < fields.length; i++) {
        const position = positions ? (positions[i] as number) : i
        checkValue(i, position < 0 ? undefined : values[position], seen, issues)
      }
      return issues
    },
  }
}

/** The fields of the official Table Schema v1.0.2 (schema.json, commit e347ff4), copied exactly: type and constraints. */
export const officialSchemaV1: TableSchema = {
  fields: [
    { name: 'id', type: 'string', constraints: { required: true, unique: true } },
    { name: 'pivot', type: 'string', constraints: { required: true, pattern: '^[a-zA-Z0-9]{9,14}$' } },
    { name: 'nom', type: 'string', constraints: { required: true } },
    { name: 'commune', type: 'string', constraints: { required: true } },
    { name: 'code_postal', type: 'string', constraints: { required: true, pattern: '^\\d{5}$' } },
    { name: 'code_insee', type: 'string', constraints: { pattern: '^([013-9]\\d|2[AB1-9])\\d{3}$' } },
    { name: 'adresse', type: 'string', constraints: { required: true } },
    { name: 'complement_adresse', type: 'string' },
    { name: 'latitude', type: 'number' },
    { name: 'longitude', type: 'number' },
    { name: 'typologie', type: 'string' },
    {
      name: 'telephone',
      type: 'string',
      constraints: { pattern: '^(\\+33|\\+590|\\+594|\\+262|\\+596|\\+269|\\+687|\\+689|\\+508|\\+681)(\\d){6,9}$' },
    },
    { name: 'courriels', type: 'string' },
    { name: 'site_web', type: 'string' },
    { name: 'horaires', type: 'string' },
    { name: 'presentation_resume', type: 'string', constraints: { maxLength: 280 } },
    { name: 'presentation_detail', type: 'string' },
    { name: 'source', type: 'string' },
    { name: 'itinerance', type: 'string', constraints: { pattern: '(?:(?:^|\\|)(Itinérant|Fixe))+$' } },
    { name: 'structure_parente', type: 'string' },
    { name: 'date_maj', type: 'date', constraints: { required: true } },
    {
      name: 'services',
      type: 'string',
      constraints: {
        pattern:
          '(?:(?:^|\\|)(Aide aux démarches administratives|Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique|Utilisation sécurisée du numérique|Parentalité et éducation avec le numérique|Loisirs et créations numériques|Compréhension du monde numérique|Accès internet et matériel informatique|Acquisition de matériel informatique à prix solidaire))+$',
      },
    },
    {
      name: 'publics_specifiquement_adresses',
      type: 'string',
      constraints: { pattern: '(?:(?:^|\\|)(Jeunes|Étudiants|Familles et/ou enfants|Seniors|Femmes))+$' },
    },
    {
      name: 'prise_en_charge_specifique',
      type: 'string',
      constraints: {
        pattern:
          '(?:(?:^|\\|)(Surdité|Handicaps moteurs|Handicaps mentaux|Illettrisme|Langues étrangères \\(anglais\\)|Langues étrangères \\(autres\\)|Déficience visuelle))+$',
      },
    },
    {
      name: 'frais_a_charge',
      type: 'string',
      constraints: { pattern: '(?:(?:^|\\|)(Gratuit|Gratuit sous condition|Payant))+$' },
    },
    {
      name: 'dispositif_programmes_nationaux',
      type: 'string',
      constraints: {
        pattern:
          "(?:(?:^|\\|)(Aidants Connect|Bibliothèques numérique de référence|Certification PIX|Conseillers numériques|Emmaüs Connect|France Services|Grande école du numérique|La Croix Rouge|Point d'accès numérique CAF|Promeneurs du net|Relais numérique \\(Emmaüs Connect\\)))+$",
      },
    },
    {
      name: 'formations_labels',
      type: 'string',
      constraints: {
        pattern:
          '(?:(?:^|\\|)(Formé à « Mon Espace Santé »|Formé à « DUPLEX » \\(illettrisme\\)|Arnia/MedNum BFC \\(Bourgogne-Franche-Comté\\)|Collectif ressources et acteurs réemploi \\(Normandie\\)|Étapes numériques\\(La Poste\\)|Fabriques de Territoire|Les Éclaireurs du numérique \\(Drôme\\)|Mes Papiers \\(Métropole de Lyon\\)|ORDI 3.0|SUD LABS \\(PACA\\)))+$',
      },
    },
    { name: 'autres_formations_labels', type: 'string' },
    {
      name: 'modalites_acces',
      type: 'string',
      constraints: {
        pattern:
          "(?:(?:^|\\|)(Se présenter|Téléphoner|Contacter par mail|Prendre un RDV en ligne|Ce lieu n'accueille pas de public|Envoyer un mail avec une fiche de prescription))+$",
      },
    },
    {
      name: 'modalites_accompagnement',
      type: 'string',
      constraints: {
        pattern: '(?:(?:^|\\|)(En autonomie|Accompagnement individuel|Dans un atelier collectif|À distance))+$',
      },
    },
    { name: 'fiche_acces_libre', type: 'string' },
    { name: 'prise_rdv', type: 'string' },
  ],
}

/** The official v1.0.2 schema, compiled once. */
export const officialChecker: TableSchemaChecker = tableSchemaChecker(officialSchemaV1)
