import OpeningHours from 'opening_hours'
import { fromShiftedLocal, parisWallClock, toShiftedLocal } from './paris-time.js'

/*
 * `horaires` holds an OpenStreetMap opening_hours value ("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00").
 * Everything here is evaluated in Europe/Paris. Missing or unparsable hours give the state "unknown":
 * never "fermé" by default, since a person would then not go to a place that may well be open.
 */

/** France, for public holidays (`PH off`): the library needs a country to know which days they are. */
const FRANCE = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } }

type Parsed = { ok: true; hours: OpeningHours; prettified: string; corrected: boolean } | { ok: false; message: string }

// Parsing costs ~0.3 ms (the library's typo corrector compiles regexes); real files repeat the same
// values a lot, so each distinct string is parsed once. Bounded so a hostile file cannot grow it forever.
const cache = new Map<string, Parsed>()
const CACHE_LIMIT = 20_000

function parse(value: string): Parsed {
  const cached = cache.get(value)
  if (cached) return cached
  let parsed: Parsed
  try {
    const hours = new OpeningHours(value, FRANCE)
    const prettified = hours.prettifyValue()
    parsed = { ok: true, hours, prettified, corrected: hours.getWarnings().length > 0 && prettified !== value }
  } catch (error) {
    parsed = { ok: false, message: String(error instanceof Error ? error.message : error).split('\n')[0] ?? '' }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(value, parsed)
  return parsed
}

// The strict core of the syntax that real files use ("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off").
// Any value it matches is valid for opening_hours, so validation can skip the slow parser for it.
const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)'
const DAYS = `${DAY}(?:-${DAY})?(?:,${DAY}(?:-${DAY})?)*`
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d'
const END_TIME = '(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)'
const SPANS = `${TIME}-${END_TIME}(?:,${TIME}-${END_TIME})*`
const RULE = `(?:(?:${DAYS}|PH)(?:,PH)? (?:${SPANS}|off|closed)|${SPANS}|24/7)`
const SIMPLE_HOURS = new RegExp(`^${RULE}(?:; ${RULE})*$`)

export type HorairesCheck = { valid: true; corrected?: string } | { valid: false; message: string }

/**
 * Checks an opening_hours value. `corrected` is set when the library had to guess ("lundi 9h-12h"
 * is read as "Mo 09:00-12:00"): the value works, but the file should say it in the standard syntax.
 */
export function checkHoraires(value: string): HorairesCheck {
  if (SIMPLE_HOURS.test(value)) return VALID_HOURS
  const parsed = parse(value)
  if (!parsed.ok) return { valid: false, message: parsed.message }
  return parsed.corrected ? { valid: true, corrected: parsed.prettified } : VALID_HOURS
}
/** One answer for every valid value (this runs for every row of every file). */
const VALID_HOURS: HorairesCheck = Object.freeze({ valid: true })

/** Why valid hours are not to be believed as written: they would be shown as 24 h, or overnight, or twice. */
export type SuspiciousHorairesCode = 'empty_range' | 'reversed_range' | 'overlapping_ranges' | 'whole_day'
export type SuspiciousHoraires = { code: SuspiciousHorairesCode; range: string; message: string }

/** A range of one rule: minutes from midnight, and where it is written (`start`, `end`) in the text. */
type Range = { from: number; to: number; start: number; end: number }

/*
 * The ranges of the rule being read, four numbers each (from, to, start, end), and the range just found: reused by
 * every call (the check is synchronous). A new object per range and an array per rule were a fifth of what reading a
 * file allocates, and its young-generation collections cost more than the check itself.
 */
let ruleRanges = new Int32Array(4 * 16)
let ruleRangeCount = 0
const found: Range = { from: 0, to: 0, start: 0, end: 0 }

function keepRange(range: Range): void {
  if (4 * (ruleRangeCount + 1) > ruleRanges.length) {
    const larger = new Int32Array(ruleRanges.length * 2)
    larger.set(ruleRanges)
    ruleRanges = larger
  }
  const at = 4 * ruleRangeCount++
  ruleRanges[at] = range.from
  ruleRanges[at + 1] = range.to
  ruleRanges[at + 2] = range.start
  ruleRanges[at + 3] = range.end
}

/**
 * Hours that parse but cannot be what the lieu means: `00:00-00:00` (read as 24 h by opening_hours), a range that
 * ends before it starts (read as overnight), two different ranges of one rule that overlap, or a whole day (`00:00-24:00`,
 * `24/7`) — no desk of médiation numérique is open all night. Undefined when nothing looks wrong.
 * @example suspiciousHoraires('Mo-Fr 00:00-00:00')?.code // 'empty_range'
 */
export function suspiciousHoraires(value: string): SuspiciousHoraires | undefined {
  return findSuspicious(value)
}

/*
 * One pass over the text, by hand, not cached: it runs for every row of every file, whose hours are mostly all
 * different (a regular expression and a cache cost several times more). A range is `H:MM-H:MM` or `HH:MM - HH:MM`;
 * rules are separated by `;`, `||`, or a comma before a new day selector (« Mo 09:00-12:00, Tu 14:00-17:00 »); each
 * rule's ranges are compared when the next rule starts.
 */
function findSuspicious(value: string): SuspiciousHoraires | undefined {
  const then = ' Ils seront montrés comme « horaires à vérifier, appelez avant de venir ».'
  if (value.includes('24/7') && /\b24\/7\b/.test(value))
    return {
      code: 'whole_day',
      range: '24/7',
      message: `« 24/7 » : ouvert jour et nuit, ce qui est improbable pour un lieu d’accueil. Indiquez les vraies heures.${then}`,
    }
  ruleRangeCount = 0
  let scanned = 0 // where the search for a rule separator is
  for (let colon = value.indexOf(':'); ; colon = value.indexOf(':', colon + 1)) {
    const range = colon === -1 ? undefined : rangeAt(value, colon) ? found : undefined
    if (colon !== -1 && !range) continue
    // A separator between the previous range and this one (or the end) closes the rule.
    const until = range ? range.start : value.length
    if (hasRuleSeparator(value, scanned, until)) {
      const overlap = overlappingRanges(value, then)
      if (overlap) return overlap
      ruleRangeCount = 0
    }
    if (!range) return overlappingRanges(value, then)
    const { from, to: end } = range
    if (from === end) {
      const text = value.slice(range.start, range.end)
      return {
        code: 'empty_range',
        range: text,
        message: `« ${text} » commence et finit à la même heure : c’est lu comme ouvert 24 h sur 24. Fermé ce jour-là ? Écrivez « off ». Sinon, indiquez les vraies heures.${then}`,
      }
    }
    // Ending at midnight is written 00:00 as often as 24:00: that is not a reversed range.
    const to = end === 0 ? 1440 : end
    if (to < from) {
      const text = value.slice(range.start, range.end)
      return {
        code: 'reversed_range',
        range: text,
        message: `« ${text} » finit avant de commencer : c’est lu comme ouvert toute la nuit. Écrivez les heures dans l’ordre.${then}`,
      }
    }
    if (from === 0 && to >= 1439) {
      const text = value.slice(range.start, range.end)
      return {
        code: 'whole_day',
        range: text,
        message: `« ${text} » : ouvert 24 h sur 24, ce qui est improbable pour un lieu d’accueil. Indiquez les vraies heures.${then}`,
      }
    }
    range.to = to
    keepRange(range)
    scanned = range.end
    colon = range.end - 1
  }
}

const COLON = 58
const HYPHEN = 45
const SEMICOLON = 59
const PIPE = 124
const COMMA = 44
const isDigit = (code: number) => code >= 48 && code <= 57
const isSpace = (code: number) =>
  code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)))

/**
 * Whether a range `H:MM - H:MM` has its first colon at `colon` (its hour is the one or two digits before); if so, it
 * is written into `found`.
 */
function rangeAt(value: string, colon: number): boolean {
  const start = colon >= 2 && isDigit(value.charCodeAt(colon - 2)) ? colon - 2 : colon - 1
  if (start < 0 || !isDigit(value.charCodeAt(colon - 1))) return false
  if (!isDigit(value.charCodeAt(colon + 1)) || !isDigit(value.charCodeAt(colon + 2))) return false
  let i = colon + 3
  while (isSpace(value.charCodeAt(i))) i++
  if (value.charCodeAt(i) !== HYPHEN) return false
  i++
  while (isSpace(value.charCodeAt(i))) i++
  const hourDigits = isDigit(value.charCodeAt(i))
    ? isDigit(value.charCodeAt(i + 1)) && value.charCodeAt(i + 2) === COLON
      ? 2
      : 1
    : 0
  if (hourDigits === 0 || value.charCodeAt(i + hourDigits) !== COLON) return false
  const minutes = i + hourDigits + 1
  if (!isDigit(value.charCodeAt(minutes)) || !isDigit(value.charCodeAt(minutes + 1))) return false
  found.from = number(value, start, colon) * 60 + number(value, colon + 1, colon + 3)
  found.to = number(value, i, i + hourDigits) * 60 + number(value, minutes, minutes + 2)
  found.start = start
  found.end = minutes + 2
  return true
}

function number(value: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) n = n * 10 + value.charCodeAt(i) - 48
  return n
}

const DAY_SELECTORS = new Set(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su', 'PH'])

/** Whether a rule separator (`;`, `||`, a comma before a day selector) is in value[from, to). */
function hasRuleSeparator(value: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i)
    if (c === SEMICOLON || (c === PIPE && value.charCodeAt(i + 1) === PIPE)) return true
    if (c === COMMA) {
      let j = i + 1
      while (isSpace(value.charCodeAt(j))) j++
      if (DAY_SELECTORS.has(value.slice(j, j + 2)) && !/\w/.test(value[j + 2] ?? '')) return true
    }
  }
  return false
}

/** The first two ranges of the rule just read that overlap, in the order of their start (the same range twice is not doubtful). */
function overlappingRanges(value: string, then: string): SuspiciousHoraires | undefined {
  const count = ruleRangeCount
  if (count < 2) return undefined
  const r = ruleRanges
  // By start, in place: a few ranges, where an insertion sort costs less than Array#sort.
  for (let i = 1; i < count; i++)
    for (let j = i; j > 0 && (r[4 * (j - 1)] as number) > (r[4 * j] as number); j--)
      for (let k = 0; k < 4; k++) {
        const kept = r[4 * j + k] as number
        r[4 * j + k] = r[4 * (j - 1) + k] as number
        r[4 * (j - 1) + k] = kept
      }
  for (let i = 1; i < count; i++) {
    const previousFrom = r[4 * i - 4] as number
    const previousTo = r[4 * i - 3] as number
    const currentFrom = r[4 * i] as number
    // The same range written twice is a slip whose meaning is clear: only ranges that truly overlap are doubtful.
    const repeated = currentFrom === previousFrom && r[4 * i + 1] === previousTo
    if (currentFrom < previousTo && !repeated) {
      const first = value.slice(r[4 * i - 2], r[4 * i - 1])
      const second = value.slice(r[4 * i + 2], r[4 * i + 3])
      return {
        code: 'overlapping_ranges',
        range: `${first},${second}`,
        message: `« ${first} » et « ${second} » se chevauchent : une des deux heures est sans doute fausse.${then}`,
      }
    }
  }
  return undefined
}

export type OpeningState = 'open' | 'closed' | 'unknown'

export type OpeningStatus = {
  state: OpeningState
  /**
   * Why the state is unknown: no hours given, hours that cannot be read, hours that say "unknown", or hours that
   * read but cannot be meant (`00:00-00:00`, see {@link suspiciousHoraires}): never shown as open 24 h.
   */
  unknownReason?: 'missing' | 'unparsable' | 'unspecified' | 'suspicious'
  /** A comment of the rule in force ("sur rendez-vous"). */
  comment?: string
  /** When the current state ends (the closing time when open, the opening time when closed). */
  nextChange?: Date
}

/**
 * Whether a lieu is open at an instant, from its `horaires`.
 * @example openingStatus('Mo-Fr 09:00-12:00', new Date('2026-11-23T10:00:00+01:00')) // { state: 'open', nextChange: 2026-11-23T11:00:00.000Z }
 */
export function openingStatus(horaires: string | undefined, at: Date): OpeningStatus {
  // The syntax counts in minutes: within one minute the answer is the same, and the same lieux are asked about
  // again and again (every answer near a town shows them). Remember this minute's answers.
  const minute = Math.floor(at.getTime() / 60_000)
  return statusCache.get(minute, horaires ?? '', () =>
    Object.freeze(evaluate(horaires, new Date(minute * 60_000), true)),
  )
}

/** Answers that hold for one period (a minute, a day): forgotten when the period changes, and bounded in number. */
class PeriodCache<K, V> {
  private period: number | string = Number.NaN
  private readonly values = new Map<K, V>()

  get(period: number | string, key: K, compute: () => V): V {
    if (period !== this.period || this.values.size >= CACHE_LIMIT) {
      this.period = period
      this.values.clear()
    }
    let value = this.values.get(key)
    if (value === undefined) {
      value = compute()
      this.values.set(key, value)
    }
    return value
  }
}

const statusCache = new PeriodCache<string, Readonly<OpeningStatus>>()

function evaluate(horaires: string | undefined, at: Date, withNextChange: boolean): OpeningStatus {
  if (horaires === undefined || horaires.trim() === '') return { state: 'unknown', unknownReason: 'missing' }
  const parsed = parse(horaires.trim())
  if (!parsed.ok) return { state: 'unknown', unknownReason: 'unparsable' }
  if (suspiciousHoraires(horaires.trim())) return { state: 'unknown', unknownReason: 'suspicious' }
  const shifted = toShiftedLocal(at)
  const iterator = parsed.hours.getIterator(shifted)
  const current = iterator.getStateString(shifted, true)
  const state: OpeningState = current === 'open' ? 'open' : current === 'closed' ? 'closed' : 'unknown'
  const status: OpeningStatus = { state }
  if (state === 'unknown') status.unknownReason = 'unspecified'
  const comment = iterator.getComment()
  if (comment) status.comment = comment
  if (!withNextChange) return status
  // The library also stops at rule boundaries (midnight) where the state stays the same: walk on.
  const limit = new Date(shifted.getTime() + STATE_CHANGE_HORIZON_MS)
  while (iterator.advance(limit)) {
    if (iterator.getStateString(undefined, true) !== current) {
      status.nextChange = fromShiftedLocal(iterator.getDate())
      break
    }
  }
  return status
}

/** How far ahead a next opening is looked for: beyond a year, "closed" is all there is to say. */
const STATE_CHANGE_HORIZON_MS = 366 * 86_400_000

/** True when the lieu is open at that instant; false when closed or unknown. */
export function isOpenAt(horaires: string | undefined, at: Date): boolean {
  return evaluate(horaires, at, false).state === 'open'
}

/** The state alone (open, closed, unknown), without looking for the next change: cheap enough to filter thousands of lieux. */
export function openingStateAt(horaires: string | undefined, at: Date): OpeningState {
  return evaluate(horaires, at, false).state
}

/** The next instant the lieu opens, strictly after `at` if it is open now; undefined if never or unknown. */
export function nextOpening(horaires: string | undefined, at: Date): Date | undefined {
  const status = openingStatus(horaires, at)
  if (status.state === 'closed') return status.nextChange
  if (status.state === 'open' && status.nextChange) {
    const after = openingStatus(horaires, status.nextChange)
    return after.state === 'open' ? status.nextChange : after.nextChange
  }
  return undefined
}

/** The next instant the lieu closes, if it is open at `at`. */
export function nextClosing(horaires: string | undefined, at: Date): Date | undefined {
  const status = openingStatus(horaires, at)
  return status.state === 'open' ? status.nextChange : undefined
}

/**
 * Whether the lieu opens at some time during the Paris calendar day that contains `day` ("ouvert le samedi ?").
 * Missing or unreadable hours give false: the lieu cannot be promised open that day.
 */
export function isOpenOnDay(horaires: string | undefined, day: Date): boolean {
  if (horaires === undefined || horaires.trim() === '') return false
  const parsed = parse(horaires.trim())
  if (!parsed.ok || suspiciousHoraires(horaires.trim())) return false
  const w = parisWallClock(day)
  // A search "ouvert le samedi" asks the same question of many lieux sharing the same hours: answer each once per day.
  return openOnDayCache.get(`${w.year}-${w.month}-${w.day}`, parsed, () =>
    parsed.hours
      .getOpenIntervals(new Date(w.year, w.month - 1, w.day), new Date(w.year, w.month - 1, w.day + 1))
      .some(([, , unknown]) => !unknown),
  )
}

const openOnDayCache = new PeriodCache<Parsed, boolean>()

export const frenchWeekdays = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const
export type FrenchWeekday = (typeof frenchWeekdays)[number]

export type TimeSpan = { from: string; to: string; comment?: string; unknown?: boolean }
/** One day of the week's timetable; `today` marks the day that contains the instant asked about. */
export type DayTimetable = { day: FrenchWeekday; date: string; spans: TimeSpan[]; text: string; today?: true }

const hhmm = (d: Date): string => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`

/** "9 h", "9 h 30", "24 h": the way times are said and printed in French. */
export function formatFrenchTime(time: string): string {
  const [hours = '0', minutes = '00'] = time.split(':')
  return minutes === '00' ? `${Number(hours)} h` : `${Number(hours)} h ${minutes}`
}

function dayText(day: FrenchWeekday, spans: readonly TimeSpan[]): string {
  if (spans.length === 0) return `${day} : fermé`
  const parts = spans.map((span) => {
    const range = `${formatFrenchTime(span.from)} – ${formatFrenchTime(span.to)}`
    if (span.comment) return `${range} (${span.comment})`
    return span.unknown ? `${range} (à confirmer)` : range
  })
  return `${day} : ${parts.join(', ')}`
}

/**
 * The timetable of the week (Monday to Sunday, Paris time) that contains `at`, one line per day:
 * "lundi : 9 h – 12 h, 14 h – 17 h", "dimanche : fermé". The week is the real one, so a public holiday
 * with `PH off` shows as closed. Undefined when the hours are missing, cannot be read, or are suspicious (never
 * « lundi : 0 h – 24 h » for `00:00-00:00`).
 */
export function weeklyTimetable(horaires: string | undefined, at: Date): DayTimetable[] | undefined {
  if (horaires === undefined || horaires.trim() === '') return undefined
  // Every answer near a town shows the same lieux: their week, for a given Paris day, is computed once.
  const wall = parisWallClock(at)
  const key = `${wall.year}-${wall.month}-${wall.day}|${horaires}`
  const known = weekCache.get(key)
  if (known !== undefined) return known ?? undefined
  const week = computeWeek(horaires, at)
  if (weekCache.size >= 20_000) weekCache.clear()
  weekCache.set(key, week ? (Object.freeze(week) as DayTimetable[]) : null)
  return week
}

/** Weeks already computed, by Paris day and horaires (null: unreadable). */
const weekCache = new Map<string, DayTimetable[] | null>()

function computeWeek(horaires: string, at: Date): DayTimetable[] | undefined {
  const parsed = parse(horaires.trim())
  if (!parsed.ok || suspiciousHoraires(horaires.trim())) return undefined
  const today = parisWallClock(at)
  const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7
  const days: DayTimetable[] = []
  for (let i = 0; i < 7; i++) {
    // Local-time Dates (see paris-time.ts): day boundaries are Paris midnights.
    const start = new Date(today.year, today.month - 1, today.day - weekday + i)
    const end = new Date(today.year, today.month - 1, today.day - weekday + i + 1)
    const spans: TimeSpan[] = parsed.hours.getOpenIntervals(start, end).map(([from, to, unknown, comment]) => {
      const span: TimeSpan = { from: hhmm(from), to: to.getTime() >= end.getTime() ? '24:00' : hhmm(to) }
      if (unknown) span.unknown = true
      if (comment) span.comment = comment
      return span
    })
    const day = frenchWeekdays[i] as FrenchWeekday
    const date = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`
    days.push({ day, date, spans, text: dayText(day, spans), ...(i === weekday ? { today: true as const } : {}) })
  }
  return days
}

const monthNames = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]

/** "à 14 h", "demain à 9 h", "mardi à 9 h", "le 3 janvier à 9 h": when, relative to `at`, in Paris time. */
export function formatWhen(instant: Date, at: Date): string {
  const target = parisWallClock(instant)
  const now = parisWallClock(at)
  const time = formatFrenchTime(`${target.hour}:${String(target.minute).padStart(2, '0')}`)
  const dayNumber = (w: typeof now) => Date.UTC(w.year, w.month - 1, w.day) / 86_400_000
  const days = dayNumber(target) - dayNumber(now)
  if (days === 0) return `à ${time}`
  if (days === 1) return `demain à ${time}`
  if (days > 1 && days < 7) {
    const weekday = (new Date(Date.UTC(target.year, target.month - 1, target.day)).getUTCDay() + 6) % 7
    return `${frenchWeekdays[weekday]} à ${time}`
  }
  return `le ${target.day === 1 ? '1er' : target.day} ${monthNames[target.month - 1]} à ${time}`
}

/**
 * One short French sentence for a badge or a spoken answer: "Ouvert. Ferme à 12 h.",
 * "Fermé. Ouvre demain à 9 h.", "Horaires non renseignés.".
 */
export function describeOpeningStatus(horaires: string | undefined, at: Date): string {
  const status = openingStatus(horaires, at)
  return describeOpening(status, at, status.state === 'closed' ? status.nextChange : undefined)
}

/**
 * The same sentence from a status already computed (a search result carries one): `nextOpeningAt` is only used
 * when the lieu is closed.
 */
export function describeOpening(status: OpeningStatus, at: Date, nextOpeningAt?: Date): string {
  if (status.state === 'unknown') {
    if (status.unknownReason === 'suspicious') return 'Horaires à vérifier, appelez avant de venir.'
    if (status.unknownReason === 'unspecified')
      return status.comment ? `Horaires à confirmer (${status.comment}).` : 'Horaires à confirmer.'
    return status.unknownReason === 'missing' ? 'Horaires non renseignés.' : 'Horaires non lisibles.'
  }
  const note = status.comment ? ` (${status.comment})` : ''
  if (status.state === 'open')
    return status.nextChange ? `Ouvert${note}. Ferme ${formatWhen(status.nextChange, at)}.` : `Ouvert${note}.`
  return nextOpeningAt ? `Fermé. Ouvre ${formatWhen(nextOpeningAt, at)}.` : 'Fermé.'
}
