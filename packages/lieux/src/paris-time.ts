/*
 * Europe/Paris wall-clock time, whatever the machine's time zone.
 *
 * `opening_hours` reads and builds dates with the host's local-time methods (getHours, setDate…).
 * To evaluate "Mo-Fr 09:00-12:00" in Paris on a server in UTC, we hand it a *shifted* Date whose
 * local fields equal the Paris wall clock, then map its answers back to real instants.
 * This is exact when the host zone is Europe/Paris or has no daylight-saving change (UTC, the usual
 * server setting); in another zone with DST, only times inside that zone's own DST gap could shift.
 */

/**
 * Where every component reads the time: one function, given by the app where it is composed at start-up (`() => new
 * Date()`), and by tests as a fixed or stepping instant. Nothing else reads the machine's clock, so that a conversation
 * store, a cache or an opening status can never disagree with the engine on what time it is.
 */
export type Clock = () => Date

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number }

const PARIS = 'Europe/Paris'
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
})

const HOUR_MS = 3_600_000

/** 01:00 UTC on the last Sunday of a month: when European summer time starts (March) or ends (October). */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0))
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1)
}

/**
 * Offset of Paris from UTC at an instant, in ms. The EU rule (summer time from the last Sunday of March to the last
 * Sunday of October, at 01:00 UTC) is computed directly: asking Intl costs ~5 µs, and this runs for every lieu of
 * every answer. Outside 1996–2099, where that rule may not hold, Intl is asked (a test checks both agree).
 */
export function parisOffsetMs(instant: number): number {
  const year = new Date(instant).getUTCFullYear()
  if (year < 1996 || year > 2099) return intlParisOffset(instant)
  let summer = summerTimes.get(year)
  if (!summer) {
    summer = [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)]
    summerTimes.set(year, summer)
  }
  return instant >= summer[0] && instant < summer[1] ? 2 * HOUR_MS : HOUR_MS
}
const summerTimes = new Map<number, readonly [number, number]>()

/** The Paris wall clock at an instant. */
export function parisWallClock(instant: Date): WallClock {
  const shifted = new Date(instant.getTime() + parisOffsetMs(instant.getTime()))
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  }
}

/** The Paris wall clock according to the runtime's time-zone database. */
export function intlParisWallClock(instant: Date): WallClock {
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

const wallAsUtc = (w: WallClock, ms = 0): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ms)

function intlParisOffset(instant: number): number {
  const rounded = instant - (((instant % 1000) + 1000) % 1000)
  return wallAsUtc(intlParisWallClock(new Date(rounded))) - rounded
}

/**
 * The instant at which Paris shows this wall clock. A time that does not exist (inside the spring
 * gap, 02:00–03:00 on the last Sunday of March) maps to the same minutes after the change.
 */
export function instantFromParisWallClock(wall: WallClock, ms = 0): Date {
  const asUtc = wallAsUtc(wall, ms)
  let instant = asUtc - parisOffsetMs(asUtc)
  const corrected = asUtc - parisOffsetMs(instant)
  if (corrected !== instant) instant = corrected
  return new Date(instant)
}

let lastWallClock: { instant: number; wall: WallClock } | undefined

/** A Date whose host-local fields equal the Paris wall clock at `instant` (what opening_hours reads). */
export function toShiftedLocal(instant: Date): Date {
  const time = instant.getTime()
  // Callers evaluate many lieux at the same instant: remember the last (zone-independent) conversion.
  if (lastWallClock?.instant !== time) lastWallClock = { instant: time, wall: parisWallClock(instant) }
  const w = lastWallClock.wall
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ((time % 1000) + 1000) % 1000)
}

/** The real instant for a Date produced by opening_hours from a shifted input. */
export function fromShiftedLocal(shifted: Date): Date {
  return instantFromParisWallClock(
    {
      year: shifted.getFullYear(),
      month: shifted.getMonth() + 1,
      day: shifted.getDate(),
      hour: shifted.getHours(),
      minute: shifted.getMinutes(),
      second: shifted.getSeconds(),
    },
    shifted.getMilliseconds(),
  )
}

/**
 * Noon in Paris on the next day (today included, in Paris) that is this weekday, 0 = Sunday … 6 = Saturday:
 * what « ouvert le samedi » means for every channel. At Saturday 23:30 UTC it is already Sunday in Paris: « dimanche »
 * is today, « samedi » is six days on.
 * @example nextParisWeekday(new Date('2026-11-28T23:30:00Z'), 0) // 2026-11-29T11:00:00.000Z (Sunday noon in Paris)
 */
export function nextParisWeekday(now: Date, weekday: number): Date {
  const today = parisWallClock(now)
  const todayIndex = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay()
  const ahead = (((weekday - todayIndex) % 7) + 7) % 7
  const target = new Date(Date.UTC(today.year, today.month - 1, today.day + ahead))
  return instantFromParisWallClock({
    year: target.getUTCFullYear(),
    month: target.getUTCMonth() + 1,
    day: target.getUTCDate(),
    hour: 12,
    minute: 0,
    second: 0,
  })
}
