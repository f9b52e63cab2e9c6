import { afterEach, describe, expect, it } from 'vitest'
import {
  checkHoraires,
  describeOpeningStatus,
  isOpenAt,
  isOpenOnDay,
  nextClosing,
  nextOpening,
  openingStatus,
  suspiciousHoraires,
  weeklyTimetable,
} from './opening-hours.js'

const HOURS = 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00'
const originalTz = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTz
})

// Whatever zone the server runs in, hours are Paris hours.
describe.each(['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Pacific/Noumea'])(
  'evaluated in Europe/Paris on a machine in %s',
  (zone) => {
    const inZone = () => {
      process.env.TZ = zone
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone) // the host zone really changed
    }
    it('is open at 10:00 Paris time on a weekday, closed at 12:30 and at 8:59', () => {
      inZone()
      expect(isOpenAt(HOURS, new Date('2026-11-23T09:00:00Z'))).toBe(true) // Monday 10:00 Paris (UTC+1)
      expect(isOpenAt(HOURS, new Date('2026-11-23T11:30:00Z'))).toBe(false) // 12:30 Paris
      expect(isOpenAt(HOURS, new Date('2026-11-23T07:59:00Z'))).toBe(false) // 8:59 Paris
    })
    it('gives the next closing and the next opening as real instants', () => {
      inZone()
      const mondayTen = new Date('2026-11-23T09:00:00Z')
      expect(nextClosing(HOURS, mondayTen)?.toISOString()).toBe('2026-11-23T11:00:00.000Z')
      expect(nextOpening(HOURS, mondayTen)?.toISOString()).toBe('2026-11-23T13:00:00.000Z')
      // Saturday 13:00 Paris: next opening is Monday 9:00.
      expect(nextOpening(HOURS, new Date('2026-11-28T12:00:00Z'))?.toISOString()).toBe('2026-11-30T08:00:00.000Z')
    })
    it('follows the spring DST change (29 March 2026): 9:00 Paris is 7:00 UTC after it, 8:00 UTC before', () => {
      inZone()
      expect(nextOpening(HOURS, new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-30T07:00:00.000Z')
      expect(isOpenAt(HOURS, new Date('2026-03-30T07:30:00Z'))).toBe(true) // 9:30 CEST
      expect(isOpenAt(HOURS, new Date('2026-03-27T07:30:00Z'))).toBe(false) // 8:30 CET
    })
    it('follows the autumn DST change (25 October 2026)', () => {
      inZone()
      expect(nextOpening(HOURS, new Date('2026-10-24T11:00:00Z'))?.toISOString()).toBe('2026-10-26T08:00:00.000Z')
      expect(isOpenAt('Su 01:00-04:00', new Date('2026-10-25T02:30:00Z'))).toBe(true) // 3:30 CET, after the change
    })
    it('builds the weekly timetable of the current week in French', () => {
      inZone()
      expect(weeklyTimetable(HOURS, new Date('2026-11-25T12:00:00Z'))?.map((d) => d.text)).toEqual([
        'lundi : 9 h – 12 h, 14 h – 17 h',
        'mardi : 9 h – 12 h, 14 h – 17 h',
        'mercredi : 9 h – 12 h, 14 h – 17 h',
        'jeudi : 9 h – 12 h, 14 h – 17 h',
        'vendredi : 9 h – 12 h, 14 h – 17 h',
        'samedi : 9 h – 12 h',
        'dimanche : fermé',
      ])
      // Wednesday 25 November is the day of the instant asked about.
      expect(
        weeklyTimetable(HOURS, new Date('2026-11-25T12:00:00Z'))
          ?.filter((d) => d.today)
          .map((d) => d.day),
      ).toEqual(['mercredi'])
    })
  },
)

describe('openingStatus', () => {
  it('is "unknown", never "closed", when hours are missing or unreadable', () => {
    const at = new Date('2026-11-23T09:00:00Z')
    expect(openingStatus(undefined, at)).toEqual({ state: 'unknown', unknownReason: 'missing' })
    expect(openingStatus('  ', at)).toEqual({ state: 'unknown', unknownReason: 'missing' })
    expect(openingStatus('le matin sauf le mardi', at)).toEqual({ state: 'unknown', unknownReason: 'unparsable' })
    expect(weeklyTimetable('le matin sauf le mardi', at)).toBeUndefined()
  })
  it('says "unknown" when the hours say so, and carries the rule comment', () => {
    const at = new Date('2026-11-23T09:30:00Z')
    expect(openingStatus('Mo 10:00-12:00 unknown', at)).toMatchObject({
      state: 'unknown',
      unknownReason: 'unspecified',
    })
    // In the OSM syntax a rule with only a comment is "unknown"; `open "…"` makes it open.
    expect(openingStatus('Mo 10:00-12:00 "sur rendez-vous"', at)).toMatchObject({
      state: 'unknown',
      comment: 'sur rendez-vous',
    })
    expect(openingStatus('Mo 10:00-12:00 open "sur rendez-vous"', at)).toMatchObject({
      state: 'open',
      comment: 'sur rendez-vous',
    })
    expect(describeOpeningStatus('Mo 10:00-12:00 "sur rendez-vous"', at)).toBe(
      'Horaires à confirmer (sur rendez-vous).',
    )
  })
  it('closes on French public holidays with PH off', () => {
    const christmas = new Date('2026-12-25T10:00:00Z') // a Friday
    expect(isOpenAt(`${HOURS}; PH off`, christmas)).toBe(false)
    expect(isOpenAt(HOURS, christmas)).toBe(true)
  })
})

describe('isOpenOnDay', () => {
  it('tells whether the lieu opens at some time that Paris day', () => {
    expect(isOpenOnDay(HOURS, new Date('2026-11-28T20:00:00Z'))).toBe(true) // Saturday
    expect(isOpenOnDay(HOURS, new Date('2026-11-29T10:00:00Z'))).toBe(false) // Sunday
    expect(isOpenOnDay(HOURS, new Date('2026-11-28T23:30:00Z'))).toBe(false) // already Sunday 0:30 in Paris
    expect(isOpenOnDay(undefined, new Date('2026-11-28T10:00:00Z'))).toBe(false)
  })
})

describe('describeOpeningStatus', () => {
  it('says it in one short French sentence', () => {
    expect(describeOpeningStatus(HOURS, new Date('2026-11-23T09:00:00Z'))).toBe('Ouvert. Ferme à 12 h.')
    expect(describeOpeningStatus(HOURS, new Date('2026-11-23T11:30:00Z'))).toBe('Fermé. Ouvre à 14 h.')
    expect(describeOpeningStatus(HOURS, new Date('2026-11-23T17:30:00Z'))).toBe('Fermé. Ouvre demain à 9 h.')
    expect(describeOpeningStatus(HOURS, new Date('2026-11-28T12:00:00Z'))).toBe('Fermé. Ouvre lundi à 9 h.')
    expect(describeOpeningStatus('Mo-Fr 08:30-12:00', new Date('2026-11-23T05:00:00Z'))).toBe('Fermé. Ouvre à 8 h 30.')
    expect(describeOpeningStatus(undefined, new Date())).toBe('Horaires non renseignés.')
    expect(describeOpeningStatus('n’importe quoi', new Date())).toBe('Horaires non lisibles.')
  })
})

describe('checkHoraires', () => {
  it('accepts the standard syntax without calling the slow parser, and values the library reads', () => {
    expect(checkHoraires('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off')).toEqual({ valid: true })
    expect(checkHoraires('Mo-Su 00:00-24:00')).toEqual({ valid: true })
    expect(checkHoraires('Mo,We 10:00-12:00; Jan-Jun Tu 10:00-11:00')).toEqual({ valid: true })
  })
  it('says how the library understood a value it had to correct', () => {
    expect(checkHoraires('lundi 9h-12h')).toEqual({ valid: true, corrected: 'Mo 09:00-12:00' })
  })
  it('rejects what cannot be read', () => {
    expect(checkHoraires('ouvert le matin')).toMatchObject({ valid: false })
  })
})

describe('suspiciousHoraires', () => {
  it.each([
    ['Mo-Fr 00:00-00:00', 'empty_range'],
    ['Mo-Fr 09:00-12:00,14:00-14:00', 'empty_range'],
    ['Mo-Fr 14:00-12:00', 'reversed_range'],
    ['Mo-Fr 09:00-12:00,11:00-17:00', 'overlapping_ranges'],
    // In the last rule, the middle one, and a rule after a comma followed by a day.
    ['Mo 09:00-12:00; Tu 09:00-12:00,11:00-14:00', 'overlapping_ranges'],
    ['Mo 09:00-12:00; Tu 13:00-18:00,14:00-15:00; We 09:00-10:00', 'overlapping_ranges'],
    ['Mo 09:00-12:00, Tu 10:00-12:00,09:00-11:00', 'overlapping_ranges'],
    ['Mo 09:00-12:00; Tu 18:00-08:00', 'reversed_range'],
    ['Mo 00:00-24:00', 'whole_day'],
    ['24/7', 'whole_day'],
  ])('flags %s (%s)', (value, code) => {
    expect(suspiciousHoraires(value)?.code).toBe(code)
  })
  it.each([
    'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00',
    'Mo 09:00-12:00, Tu 10:00-11:00',
    'Fr 18:00-00:00',
    'Mo-Fr 08:30-11:30,08:30-11:30',
    // Ranges of different rules may overlap: they are different days.
    'Mo 09:00-12:00; Tu 10:00-13:00',
    'Mo 09:00-12:00, Tu 10:00-13:00; We 11:00-14:00',
  ])('leaves ordinary hours alone: %s', (value) => {
    expect(suspiciousHoraires(value)).toBeUndefined()
  })
  it('is shown as « horaires à vérifier », never as 24 h, and stays distinct from missing and closed', () => {
    const monday = new Date('2026-11-23T09:00:00Z')
    expect(openingStatus('Mo-Fr 00:00-00:00', monday)).toEqual({ state: 'unknown', unknownReason: 'suspicious' })
    expect(describeOpeningStatus('Mo-Fr 00:00-00:00', monday)).toBe('Horaires à vérifier, appelez avant de venir.')
    expect(describeOpeningStatus(undefined, monday)).toBe('Horaires non renseignés.')
    expect(weeklyTimetable('Mo-Fr 00:00-00:00', monday)).toBeUndefined()
    expect(isOpenAt('Mo-Fr 00:00-00:00', monday)).toBe(false)
    expect(isOpenOnDay('Mo-Fr 00:00-00:00', monday)).toBe(false)
  })
})
