import type { Lieu } from './lieu-schema.js'
import { directionsLink } from './links.js'
import { formatWhen, openingStatus, weeklyTimetable } from './opening-hours.js'
import { formatPhone } from './phone.js'
import { emailText, lieuPageLink, type ShareParts, shareMailto, smsText } from './share.js'

/** Everything to send about a lieu: the SMS text, the e-mail (and its `mailto:`), its page, the directions. */
export type LieuShare = {
  sms: string
  email: { subject: string; body: string }
  mailto: string
  lien: string
  itineraire?: string
}

/** The address on one line, as it is written on an envelope: « 1 place Bonnyaud, 23000 Guéret ». */
export function addressLine(lieu: Pick<Lieu, 'adresse' | 'complement_adresse' | 'code_postal' | 'commune'>): string {
  return `${lieu.adresse}${lieu.complement_adresse ? `, ${lieu.complement_adresse}` : ''}, ${lieu.code_postal} ${lieu.commune}`
}

/**
 * Today's hours if the lieu is still to open or open today (« Aujourd'hui : 9 h – 12 h, 14 h – 17 h »), else its next
 * opening (« Prochaine ouverture : demain à 9 h »), in Paris time; nothing when the hours are missing or unknown.
 */
export function openingLine(horaires: string | undefined, now: Date): string | undefined {
  const status = openingStatus(horaires, now)
  if (status.state === 'unknown') return undefined
  const today = weeklyTimetable(horaires, now)?.find((day) => day.today)
  const next = status.state === 'closed' ? status.nextChange : undefined
  const opensToday = next !== undefined && formatWhen(next, now).startsWith('à ')
  if (today && today.spans.length > 0 && (status.state === 'open' || opensToday))
    return `Aujourd’hui : ${today.text.replace(/^\S+ : /, '')}`
  return next ? `Prochaine ouverture : ${formatWhen(next, now)}` : undefined
}

/** The pieces of a share from the lieu's data, at `now` (Paris time), for the page at `publicUrl`. */
export function shareParts(lieu: Lieu, now: Date, publicUrl: string): ShareParts {
  const ouverture = openingLine(lieu.horaires, now)
  const semaine = weeklyTimetable(lieu.horaires, now)?.map((day) => day.text)
  const courriel = lieu.courriels?.[0]
  return {
    nom: lieu.nom,
    adresse: addressLine(lieu),
    ...(lieu.telephone ? { telephone: formatPhone(lieu.telephone) } : {}),
    ...(courriel ? { courriel } : {}),
    ...(ouverture ? { ouverture } : {}),
    ...(semaine ? { semaine } : {}),
    lien: lieuPageLink(publicUrl, lieu.id),
    ...(lieu.latitude !== undefined && lieu.longitude !== undefined
      ? { itineraire: directionsLink(lieu.latitude, lieu.longitude) }
      : {}),
  }
}

/**
 * What an operator or a person sends about a lieu: an SMS text (GSM-7, 300 characters at most, with the address, the
 * phone and the link), an e-mail, the link to the lieu's page. Contact details and hours come from the data only.
 */
export function lieuShare(lieu: Lieu, now: Date, publicUrl: string): LieuShare {
  const parts = shareParts(lieu, now, publicUrl)
  const email = emailText(parts)
  return {
    sms: smsText(parts),
    email,
    mailto: shareMailto(email),
    lien: parts.lien,
    ...(parts.itineraire ? { itineraire: parts.itineraire } : {}),
  }
}
