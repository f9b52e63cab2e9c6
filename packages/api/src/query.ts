import { closestValue, foldText, normaliseVocabularyValue, type VocabularyField, vocabularies } from '@aiguillage/lieux'
import { type LieuFilters, type OpenWhen, readOpenWhen } from '@aiguillage/recherche'
import { z } from '@hono/zod-openapi'

/*
 * The query parameters of /v1/lieux and /v1/lieux.csv, named after the standard's fields. Lists may be repeated
 * (`services=A&services=B`) or `|`-separated. Unknown parameters are refused, with the closest known name:
 * a typo ("service") must not silently widen the search.
 */

type Ctx = {
  value: unknown
  issues: { code: 'custom'; message: string; input: unknown; params?: Record<string, unknown> }[]
}
const fail = (ctx: Ctx, code: string, message: string) =>
  ctx.issues.push({ code: 'custom', message, input: ctx.value, params: { code } })

/**
 * At most this many values in one list parameter: more than any vocabulary has, and a bound on what one request
 * costs (thousands of values made one request cost seconds of CPU and megabytes of answer).
 */
export const MAX_VALUES_PER_PARAMETER = 20

/** Lieux per page of the CSV export: a whole département in one page, and a bounded answer (about 3 MB). */
export const MAX_EXPORT_PAGE = 5_000

/** One or several values, as a list: repeated parameters and `|`-separated values alike, duplicates once. */
const rawList = z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
  const values = [
    ...new Set(
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split('|'))
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ]
  if (values.length > MAX_VALUES_PER_PARAMETER) {
    ctx.issues.push({
      code: 'custom',
      input: `${values.length} valeurs`,
      params: { code: 'too_many_values' },
      message: `Au plus ${MAX_VALUES_PER_PARAMETER} valeurs par paramètre, trouvé ${values.length}.`,
    })
    return z.NEVER
  }
  return values
})

function vocabularyParam(field: VocabularyField) {
  const values: readonly string[] = vocabularies[field]
  return rawList
    .transform((typed, ctx) => {
      const out: string[] = []
      for (const value of typed) {
        const normalised = normaliseVocabularyValue(value)
        const official = values.find((v) => v === normalised) ?? values.find((v) => foldText(v) === foldText(value))
        if (official) {
          if (!out.includes(official)) out.push(official)
          continue
        }
        const suggestion = closestValue(value, values)
        ctx.issues.push({
          code: 'custom',
          input: value,
          params: { code: 'invalid_value' },
          message: `« ${value.slice(0, 80)} » n'est pas une valeur de ${field}.${suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ''} Valeurs admises : ${values.join(' ; ')}.`,
        })
      }
      return out
    })
    .optional()
    .openapi({
      description: `Valeurs officielles de \`${field}\` (répétez le paramètre ou séparez par \`|\`) : ${values.join(' ; ')}.`,
      example: values[0],
    })
}

const freeList = (description: string) =>
  rawList
    .check((ctx) => {
      if (ctx.value.some((v) => v.length > 100))
        fail(ctx as Ctx, 'too_long', 'Chaque valeur fait au plus 100 caractères.')
    })
    .optional()
    .openapi({ description })

const booleanParam = (description: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const folded = value.trim().toLowerCase()
      if (['true', '1', 'oui', 'vrai'].includes(folded)) return true
      if (['false', '0', 'non', 'faux'].includes(folded)) return false
      ctx.issues.push({
        code: 'custom',
        input: value,
        params: { code: 'invalid_boolean' },
        message: `Attendu true ou false, trouvé « ${value.slice(0, 40)} ».`,
      })
      return z.NEVER
    })
    .optional()
    .openapi({ description, example: 'true' })

function numberParam(description: string, min: number, max: number, integer = false) {
  return z
    .string()
    .transform((value, ctx) => {
      const number = /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN
      if (!Number.isFinite(number) || (integer && !Number.isInteger(number))) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          params: { code: 'invalid_number' },
          message: `Attendu un nombre${integer ? ' entier' : ''}, trouvé « ${value.slice(0, 40)} ».`,
        })
        return z.NEVER
      }
      if (number < min || number > max) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          params: { code: 'out_of_range' },
          message: `Attendu entre ${min} et ${max}, trouvé ${number}.`,
        })
        return z.NEVER
      }
      return number
    })
    .optional()
    .openapi({ description })
}

/** `ouvert_le`: an instant (open at that moment), a date (open at some time that day), or a day (« samedi », « demain »). */
const openWhen = z
  .string()
  .transform((value, ctx): OpenWhen => {
    const when = readOpenWhen(value)
    if (when) return when
    ctx.issues.push({
      code: 'custom',
      input: value,
      params: { code: 'invalid_date' },
      message: `Attendu un instant ISO (2026-11-23T10:00:00+01:00), une date (2026-11-23) ou un jour (samedi, demain), trouvé « ${value.slice(0, 40)} ».`,
    })
    return z.NEVER
  })
  .optional()
  .openapi({
    description:
      'Ouvert à cet instant (ISO 8601 avec fuseau), ou à un moment de cette date (AAAA-MM-JJ), ou le prochain jour nommé à l’heure de Paris (« samedi », « demain »).',
    example: 'samedi',
  })

const vocabularyFields = Object.keys(vocabularies) as VocabularyField[]

export const filterShape = {
  ...(Object.fromEntries(vocabularyFields.map((field) => [field, vocabularyParam(field)])) as Record<
    VocabularyField,
    ReturnType<typeof vocabularyParam>
  >),
  typologie: freeList('Codes de typologie de structure (data·inclusion), ex. EPN, BIB, RFS.'),
  autres_formations_labels: freeList('Autres formations et labels, ex. QPV, FRR.'),
  prise_rdv: booleanParam(
    'Seulement les lieux qui ont un lien de prise de rendez-vous en ligne (true), ou qui n’en ont pas (false).',
  ),
  fiche_acces_libre: booleanParam('Seulement les lieux qui ont (true) ou n’ont pas (false) de fiche Accès libre.'),
}

const locationShape = {
  latitude: numberParam('Latitude du point de référence (WGS84), avec longitude.', -90, 90),
  longitude: numberParam('Longitude du point de référence (WGS84), avec latitude.', -180, 180),
  commune: z.string().max(200).optional().openapi({
    description:
      'Une commune : code INSEE ou texte (« Guéret », « st etienne », « Paris 18e », « Valence 26 »). Des homonymes : la commune nettement la plus peuplée est prise et les autres sont dans `reference.autres_communes` ; sans favori net, la réponse 400 donne les candidates.',
    example: 'Guéret',
  }),
  code_postal: z
    .string()
    .regex(/^\d{5}$/, 'Attendu 5 chiffres.')
    .optional()
    .openapi({
      description: 'Un code postal (la commune la plus peuplée qu’il dessert, ou son arrondissement).',
      example: '23000',
    }),
}

const searchShape = {
  ouvert_maintenant: booleanParam('Seulement les lieux ouverts maintenant (heure de Paris).'),
  ouvert_le: openWhen,
  rayon_km: numberParam('Rayon de recherche en km (50 par défaut).', 0.1, 1000),
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Recherche par nom du lieu, de sa commune ou de son réseau.', example: 'médiathèque' }),
  elargir: booleanParam(
    'Si rien ne correspond, abandonner des critères dans un ordre documenté et le dire (true par défaut).',
  ),
}

export function withSuggestions<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape)
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code !== 'unrecognized_keys') return undefined
      return iss.keys
        .map((key) => {
          const suggestion = closestValue(key, known)
          return `Paramètre inconnu « ${key.slice(0, 60)} »${suggestion ? ` : vouliez-vous dire « ${suggestion} » ?` : '.'}`
        })
        .join(' ')
    },
  })
}

export const LieuxQuerySchema = withSuggestions({
  ...locationShape,
  ...filterShape,
  ...searchShape,
  limit: numberParam('Nombre de lieux (1 à 100, 10 par défaut).', 1, 100, true),
  offset: numberParam('À partir du combientième (0 par défaut), pour paginer.', 0, 10_000, true),
})
export type LieuxQuery = z.output<typeof LieuxQuerySchema>

export const ExportQuerySchema = withSuggestions({
  ...locationShape,
  ...filterShape,
  ...searchShape,
  limit: numberParam(
    `Nombre de lieux par page (${MAX_EXPORT_PAGE} au plus, par défaut) ; l’en-tête \`Link\` donne la page suivante.`,
    1,
    MAX_EXPORT_PAGE,
    true,
  ),
  offset: numberParam('À partir du combientième (0 par défaut), pour paginer.', 0, 1_000_000, true),
})
export type ExportQuery = z.output<typeof ExportQuerySchema>

export const CommunesQuerySchema = withSuggestions({
  q: z
    .string()
    .min(1, 'Indiquez au moins un caractère.')
    .max(200)
    .openapi({ description: 'Ce que la personne tape : nom, code postal, « Paris 18e »…', example: 'gueret' }),
  limit: numberParam('Nombre de communes (1 à 20, 10 par défaut).', 1, 20, true),
})

/** The filter parameters of a query (/v1/lieux, /v1/lieux.csv, /v1/couverture). */
export type FilterQuery = { [K in keyof typeof filterShape]?: z.output<(typeof filterShape)[K]> }

/** The filters of a query, for the index. */
export function filtersOf(query: FilterQuery): LieuFilters {
  const filters: LieuFilters = {}
  for (const field of vocabularyFields) {
    const values = query[field]
    if (values?.length) filters[field] = values
  }
  if (query.typologie?.length) filters.typologie = query.typologie
  if (query.autres_formations_labels?.length) filters.autres_formations_labels = query.autres_formations_labels
  if (query.prise_rdv !== undefined) filters.prise_rdv = query.prise_rdv
  if (query.fiche_acces_libre !== undefined) filters.fiche_acces_libre = query.fiche_acces_libre
  return filters
}
