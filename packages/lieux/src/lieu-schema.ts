import { z } from 'zod'
import { LIST_SEPARATOR } from './fields.js'
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
} from './vocabularies.js'

/*
 * One schema per field of the standard v1.0.2. Each accepts the standard's own text form (a CSV cell,
 * a `|`-joined list, "46.1") as well as the typed form (an array, a number), so the same schema
 * validates a CSV row, a JSON file of the standard, or an object built in code.
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
  iss.input === undefined ? `${label} est obligatoire et il est vide.` : `${label} doit être un texte, trouvé ${found(JSON.stringify(iss.input))}.`

function requiredText(label: string) {
  return z.preprocess(textCell, z.string({ error: requiredMessage(label) }))
}

function optionalText(label: string, maxLength?: number) {
  const text = z.string({ error: (iss) => `${label} doit être un texte, trouvé ${found(JSON.stringify(iss.input))}.` })
  const bounded =
    maxLength === undefined
      ? text
      : text.max(maxLength, {
          error: (iss) =>
            `${label} dépasse ${maxLength} caractères : ${String(iss.input).length} trouvés (« ${excerpt(String(iss.input), 40)} »). Placez la suite dans presentation_detail.`,
        })
  return z.preprocess(textCell, bounded.optional())
}

function patterned(label: string, pattern: RegExp, expected: string, hint?: (value: string) => string | undefined) {
  return z.string({ error: requiredMessage(label) }).check((ctx) => {
    if (pattern.test(ctx.value)) return
    const suggestion = hint?.(ctx.value)
    ctx.issues.push(
      issue('invalid_format', `${label} : attendu ${expected}, trouvé ${found(ctx.value)}.${suggestion ? ` ${suggestion}` : ''}`, ctx.value),
    )
  })
}

/** Splits a list cell; accepts an array too (JSON). Empty items (a trailing `|`) carry no value. */
function splitList(value: unknown): unknown {
  const present = blankToUndefined(value)
  if (present === undefined) return undefined
  const items = typeof present === 'string' ? present.split(LIST_SEPARATOR) : present
  if (!Array.isArray(items)) return present
  const out: unknown[] = []
  for (const item of items) {
    const cleaned = blankToUndefined(item)
    if (cleaned !== undefined && !out.includes(cleaned)) out.push(cleaned)
  }
  return out.length === 0 ? undefined : out
}

function vocabularyList<const T extends Readonly<Record<string, string>>>(label: string, vocabulary: T) {
  const values = Object.values(vocabulary)
  const item = z.preprocess(
    (v) => (typeof v === 'string' ? normaliseVocabularyValue(v) : v),
    z.enum(vocabulary, {
      error: (iss) => {
        const suggestion = typeof iss.input === 'string' ? closestValue(iss.input, values) : undefined
        return `${label} : la valeur ${found(iss.input)} n'est pas une valeur du standard.${
          suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ` Valeurs admises : ${values.join(' ; ')}.`
        }`
      },
    }),
  )
  return z.preprocess(
    splitList,
    z.array(item, { error: (iss) => `${label} doit être une liste de valeurs séparées par « | », trouvé ${found(JSON.stringify(iss.input))}.` }).optional(),
  )
}

function freeList(label: string) {
  return z.preprocess(
    splitList,
    z
      .array(z.string({ error: (iss) => `${label} : chaque valeur doit être un texte, trouvé ${found(JSON.stringify(iss.input))}.` }))
      .optional(),
  )
}

function coordinate(label: string, min: number, max: number) {
  return z.preprocess(
    (value) => {
      const present = blankToUndefined(value)
      if (typeof present !== 'string') return present
      // Keep the original text when it is not a plain decimal number, so the message can show it.
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(present) ? Number(present) : present
    },
    z
      .number({
        error: (iss) =>
          typeof iss.input === 'string' && /^[+-]?\d+,\d+$/.test(iss.input)
            ? `${label} : attendu un nombre décimal avec un point, trouvé ${found(iss.input)} (écrivez ${iss.input.replace(',', '.')}).`
            : `${label} : attendu un nombre décimal (WGS84), trouvé ${found(iss.input)}.`,
      })
      .check((ctx) => {
        if (ctx.value < min || ctx.value > max)
          ctx.issues.push(issue('out_of_range', `${label} : attendu entre ${min} et ${max}, trouvé ${ctx.value}.`, ctx.value))
      })
      .optional(),
  )
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** True for a real calendar date written `YYYY-MM-DD` (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const dateMaj = z.preprocess(
  blankToUndefined,
  z.string({ error: requiredMessage('La date de mise à jour (date_maj)') }).check((ctx) => {
    if (isIsoDate(ctx.value)) return
    const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(ctx.value)
    const hint = french
      ? ` Écrivez ${french[3]}-${french[2]?.padStart(2, '0')}-${french[1]?.padStart(2, '0')}.`
      : ''
    ctx.issues.push(
      issue('invalid_date', `date_maj : attendu une date réelle au format AAAA-MM-JJ, trouvé ${found(ctx.value)}.${hint}`, ctx.value),
    )
  }),
)

/** The standard's `pivot` pattern: a SIRET, an RNA or a RIDET, 9 to 14 letters or digits. */
export const PIVOT_PATTERN = /^[a-zA-Z0-9]{9,14}$/
export const POSTCODE_PATTERN = /^\d{5}$/
export const INSEE_CODE_PATTERN = /^([013-9]\d|2[AB1-9])\d{3}$/
export const PHONE_PATTERN = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/

export const LieuSchema = z.object({
  id: requiredText("L'identifiant (id)"),
  pivot: z.preprocess(
    textCell,
    patterned('Le pivot (SIRET, RNA ou RIDET)', PIVOT_PATTERN, '9 à 14 lettres ou chiffres sans espace', (v) => {
      const compact = v.replace(/[\s.]/g, '')
      return PIVOT_PATTERN.test(compact) ? `Écrivez ${compact}.` : undefined
    }),
  ),
  nom: requiredText('Le nom du lieu (nom)'),
  commune: requiredText('La commune (commune)'),
  code_postal: z.preprocess(
    textCell,
    patterned('Le code postal (code_postal)', POSTCODE_PATTERN, '5 chiffres', (v) =>
      /^\d{4}$/.test(v) ? `Le zéro initial a sans doute été perdu par un tableur : écrivez 0${v}.` : undefined,
    ),
  ),
  code_insee: z.preprocess(
    textCell,
    patterned('Le code INSEE (code_insee)', INSEE_CODE_PATTERN, 'un code commune à 5 caractères (ex. 23096, 2A004)', (v) =>
      /^\d{4}$/.test(v) ? `Le zéro initial a sans doute été perdu par un tableur : écrivez 0${v}.` : undefined,
    ).optional(),
  ),
  adresse: requiredText("L'adresse (adresse)"),
  complement_adresse: optionalText("Le complément d'adresse (complement_adresse)"),
  latitude: coordinate('La latitude', -90, 90),
  longitude: coordinate('La longitude', -180, 180),
  typologie: freeList('La typologie'),
  telephone: z.preprocess(
    textCell,
    patterned('Le téléphone', PHONE_PATTERN, 'un numéro au format international sans espace (ex. +33555123456)', (v) => {
      const e164 = toE164(v)
      return e164 && PHONE_PATTERN.test(e164) ? `Écrivez ${e164}.` : undefined
    }).optional(),
  ),
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

/** A lieu de médiation numérique, with the standard's field names; lists are arrays, coordinates numbers. */
export type Lieu = z.output<typeof LieuSchema>
