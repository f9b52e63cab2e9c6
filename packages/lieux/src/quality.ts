import { dataAgeDays, staleAfterDays } from './freshness.js'
import type { Lieu } from './lieu-schema.js'
import { checkHoraires, suspiciousHoraires } from './opening-hours.js'

/** data·inclusion's freshness: full under six months, falling linearly to nothing at two years. */
export const freshForDays = 183
export const worthlessAfterDays = 730
/** Under this score a lieu is shown « à vérifier ». */
export const toCheckBelow = 0.5

/** How far a lieu's data can be trusted, from 0 to 1, and why. */
export type LieuQuality = {
  /** 0.5 × freshness + 0.25 × contact + 0.25 × hours, two decimals. */
  score: number
  /** 1 under six months, 0 at two years, linear in between (data·inclusion's `score_qualite` freshness). */
  freshness: number
  /** 0.6 for a phone, 0.4 for another way in (mail, web site, online booking). */
  contact: number
  /** 1 for readable hours that look right; 0 when missing, unreadable or suspicious. */
  hours: number
  /** Shown « à vérifier »: data over a year old, suspicious hours, or a low score. */
  toCheck: boolean
  /** Why, in French, for people: « mis à jour il y a plus d’un an », « horaires à vérifier »… */
  reasons: string[]
}

/**
 * The quality of a lieu's data at `now`: freshness as data·inclusion scores it, plus contact and hours completeness.
 * @example lieuQuality(lieu, new Date('2026-11-22T11:00:00Z')) // { score: 0.88, freshness: 0.75, contact: 1, hours: 1, toCheck: false, reasons: [] }
 */
export function lieuQuality(lieu: Lieu, now: Date): LieuQuality {
  const age = dataAgeDays(lieu.date_maj, now)
  const freshness =
    age <= freshForDays
      ? 1
      : age >= worthlessAfterDays
        ? 0
        : (worthlessAfterDays - age) / (worthlessAfterDays - freshForDays)
  const otherWay = (lieu.courriels?.length ?? 0) > 0 || (lieu.site_web?.length ?? 0) > 0 || lieu.prise_rdv !== undefined
  const contact = (lieu.telephone ? 0.6 : 0) + (otherWay ? 0.4 : 0)
  const readable = lieu.horaires !== undefined && checkHoraires(lieu.horaires).valid
  const suspicious = readable && suspiciousHoraires(lieu.horaires as string) !== undefined
  const hours = readable && !suspicious ? 1 : 0
  const score = Math.round((0.5 * freshness + 0.25 * contact + 0.25 * hours) * 100) / 100
  const reasons: string[] = []
  if (age > staleAfterDays) reasons.push('informations de plus d’un an')
  if (suspicious) reasons.push('horaires à vérifier')
  else if (!readable) reasons.push('horaires non indiqués')
  if (!lieu.telephone) reasons.push('pas de téléphone')
  const toCheck = age > staleAfterDays || suspicious || score < toCheckBelow
  return { score, freshness: Math.round(freshness * 100) / 100, contact, hours, toCheck, reasons }
}
