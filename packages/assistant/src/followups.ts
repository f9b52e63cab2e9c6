import { type DayTimetable, formatFrenchTime, weeklyTimetable } from '@aiguillage/lieux'
import { type Ask, priceWords } from '@aiguillage/orientation'
import type { LieuResult } from './engine.js'
import type { Language, Phrases } from './phrases.js'

/*
 * Answers to a question about the lieux just shown (« leur numéro ? », « et samedi ? », « c'est loin ? »): only what
 * was asked, from each lieu's data, without showing the same list again. A card is shown only for a lieu that was not
 * in the list (the nearest one open on the day asked, when none of them is).
 */

export type FollowUpQuestion = {
  asks: readonly Ask[]
  /** OpenStreetMap weekday code of the day asked about (« et samedi ? »). */
  day?: string
  /** « C'est ouvert ? » / « ouvert maintenant ? ». */
  openNow: boolean
}

export type FollowUpContext = {
  phrases: Phrases
  language: Language
  /** The lieux the question is about, in the order they were shown (one, when the person named it). */
  lieux: readonly LieuResult[]
  /** « du centre de Guéret », « de votre position ». */
  from: string
  /** A Paris noon on the day asked about (today when no day is asked). */
  dayDate: Date
  /** The nearest lieu of the same search open that day, when none of the ones shown is. */
  nearestOnDay?: () => { lieu: LieuResult; otherNeed: boolean } | undefined
  /** The nearest lieu of the same search open now, when none of the ones shown is. */
  nearestOpenNow?: () => LieuResult | undefined
}

export type FollowUpAnswer = { texts: string[]; lieux: LieuResult[] }

const weekdayIndex: Readonly<Record<string, number>> = { Mo: 0, Tu: 1, We: 2, Th: 3, Fr: 4, Sa: 5, Su: 6 }
const frenchDays = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']
const englishDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** "9 h – 12 h 30 et 13 h 30 – 17 h" / "09:00–12:30 and 13:30–17:00". */
function spansText(day: DayTimetable, language: Language): string {
  const parts = day.spans.map((span) =>
    language === 'en'
      ? `${span.from}–${span.to}`
      : `${formatFrenchTime(span.from)} – ${formatFrenchTime(span.to)}${span.unknown ? ' (à confirmer)' : ''}`,
  )
  const last = parts.pop()
  return parts.length > 0 ? `${parts.join(', ')}${language === 'en' ? ' and ' : ' et '}${last}` : (last ?? '')
}

/** A week in few words: days with the same hours grouped, « du lundi au vendredi », closed days left out. */
export function compactWeek(days: readonly DayTimetable[], language: Language): string {
  const names = language === 'en' ? englishDays : frenchDays
  const groups = new Map<string, number[]>()
  days.forEach((day, i) => {
    if (day.spans.length === 0) return
    const key = spansText(day, language)
    groups.set(key, [...(groups.get(key) ?? []), i])
  })
  if (groups.size === 0) return language === 'en' ? 'closed all week' : 'fermé toute la semaine'
  return [...groups.entries()]
    .map(([hours, indices]) => {
      const run = indices.every((d, k) => k === 0 || d === (indices[k - 1] as number) + 1)
      const first = names[indices[0] as number] as string
      const last = names[indices.at(-1) as number] as string
      const when =
        indices.length === 1
          ? first
          : run && indices.length >= 3
            ? language === 'en'
              ? `${first} to ${last}`
              : `du ${first} au ${last}`
            : `${indices
                .slice(0, -1)
                .map((d) => names[d])
                .join(', ')}${language === 'en' ? ' and ' : ' et '}${last}`
      return `${when}${language === 'en' ? ': ' : ' : '}${hours}`
    })
    .join(' ; ')
}

/** The hours of one lieu on the day that contains `date` (Paris), or undefined when closed or unknown. */
function hoursOn(lieu: LieuResult, date: Date, language: Language): string | undefined {
  const day = weeklyTimetable(lieu.horaires, date)?.find((d) => d.today)
  return day && day.spans.length > 0 ? spansText(day, language) : undefined
}

function listNames(names: readonly string[], language: Language): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')}${language === 'en' ? ' and ' : ' et '}${names.at(-1)}`
}

/** The answer to a follow-up question about the lieux just shown. */
export function answerFollowUp(question: FollowUpQuestion, context: FollowUpContext): FollowUpAnswer {
  const { phrases: p, language, lieux } = context
  const texts: string[] = []
  const cards: LieuResult[] = []
  const dayName = (code: string) => p.weekdays[weekdayIndex[code] ?? 0] as string

  for (const ask of question.asks) {
    if (ask === 'phone')
      for (const lieu of lieux)
        texts.push(
          lieu.telephoneAffichage
            ? p.phoneOf(lieu.nom, lieu.telephoneAffichage)
            : lieu.courriels?.[0]
              ? p.emailOf(lieu.nom, lieu.courriels[0])
              : p.noPhone(lieu.nom),
        )
    if (ask === 'address')
      for (const lieu of lieux) {
        const address = [lieu.adresse, lieu.complement_adresse, `${lieu.code_postal} ${lieu.commune}`]
          .filter(Boolean)
          .join(', ')
        texts.push(p.addressOf(lieu.nom, address, lieu.distanceTexte))
      }
    if (ask === 'price') {
      const prices = lieux.map((lieu) => priceWords(lieu, language))
      const same = prices.every((price) => price !== undefined && price === prices[0])
      if (same && prices[0]) texts.push(p.allPriced(lieux.length, prices[0]))
      else {
        lieux.forEach((lieu, i) => texts.push(p.priceOf(lieu.nom, prices[i])))
        if (prices.some((price) => price !== 'gratuit' && price !== 'free')) texts.push(p.onlyFreeOffer)
      }
    }
    if (ask === 'distance') {
      for (const lieu of lieux) texts.push(p.distanceOf(lieu.nom, lieu.distanceTexte, context.from))
      texts.push(p.asTheCrowFlies)
    }
    if (ask === 'why') for (const lieu of lieux) texts.push(p.whyOf(lieu.nom, lieu.pourquoi))
    if (ask === 'booking')
      for (const lieu of lieux) {
        const modes = lieu.modalites_acces ?? []
        texts.push(
          lieu.prise_rdv && modes.includes('Se présenter')
            ? p.walkInOrBook(lieu.nom, lieu.prise_rdv)
            : lieu.prise_rdv
              ? p.bookOnline(lieu.nom, lieu.prise_rdv)
              : modes.includes('Se présenter')
                ? p.walkIn(lieu.nom)
                : lieu.telephoneAffichage
                  ? p.callToBook(lieu.nom, lieu.telephoneAffichage)
                  : p.noPhone(lieu.nom),
        )
      }
    if (ask === 'hours' && !question.day && !question.openNow)
      for (const lieu of lieux) {
        const days = weeklyTimetable(lieu.horaires, context.dayDate)
        texts.push(days ? p.hoursOf(lieu.nom, compactWeek(days, language)) : p.noHours(lieu.nom))
      }
  }

  if (question.day) {
    const day = dayName(question.day)
    const open = lieux
      .map((lieu) => ({ lieu, hours: hoursOn(lieu, context.dayDate, language) }))
      .filter((x): x is { lieu: LieuResult; hours: string } => x.hours !== undefined)
    const closed = lieux.filter((lieu) => !open.some((o) => o.lieu === lieu))
    for (const { lieu, hours } of open) texts.push(p.openThatDay(lieu.nom, day, hours))
    if (open.length > 0 && closed.length > 0)
      texts.push(
        p.closedThatDay(
          listNames(
            closed.map((l) => l.nom),
            language,
          ),
          day,
          closed.length,
        ),
      )
    if (open.length === 0) {
      texts.push(p.noneThatDay(day))
      const found = context.nearestOnDay?.()
      const nearest = found?.lieu
      const hours = nearest ? hoursOn(nearest, context.dayDate, language) : undefined
      if (found && nearest && hours) {
        const farthest = Math.max(...lieux.map((l) => l.distanceKm))
        texts.push(
          found.otherNeed
            ? p.nearestThatDayOtherNeed(day, nearest.nom, nearest.distanceTexte, hours)
            : p.nearestThatDay(day, nearest.nom, nearest.distanceTexte, hours, nearest.distanceKm > farthest),
        )
        cards.push(nearest)
      } else {
        // Nothing near that day: say it once, and when the nearest one shown does open.
        texts.pop()
        texts.push(p.nothingThatDay(day))
        const first = lieux[0]
        const days = first ? weeklyTimetable(first.horaires, context.dayDate) : undefined
        if (first && days?.some((d) => d.spans.length > 0))
          texts.push(p.hoursOf(first.nom, compactWeek(days, language)))
      }
    }
  } else if (question.openNow) {
    const open = lieux.filter((lieu) => lieu.ouvertMaintenant === true)
    if (open.length === 0) {
      texts.push(p.noneOpenNow)
      const nearest = context.nearestOpenNow?.()
      if (nearest) {
        texts.push(p.nearestOpenNow(nearest.nom, nearest.distanceTexte, nearest.ouvertureTexte))
        cards.push(nearest)
      }
    } else for (const lieu of lieux) texts.push(p.openNowOf(lieu.nom, lieu.ouvertureTexte))
  }
  return { texts, lieux: cards }
}
