/*
 * Sharing a lieu: a text ready for an SMS, an e-mail (subject and body), the link to its page. Pure and
 * dependency-free (the widget bundles it through `@aiguillage/lieux/links`): the caller gives the pieces already
 * written from the data (the phone as it is read, the opening sentence), this file only puts them together.
 * No destructuring in this file: the widget bundles it for old Safari (12–14), which miscompiles it.
 */

/** The longest SMS text: two concatenated SMS hold 2 × 153 GSM-7 characters; 300 leaves a margin. */
export const maxSmsLength = 300

// GSM 03.38: the basic set (one character each) and its extension (two: the escape and the character).
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const gsmExtension = '^{}\\[~]|€\f'

/** What French text needs that GSM-7 lacks, written the way a phone would show it. */
const gsmReplacements: Record<string, string> = {
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '`': "'",
  '´': "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '‑': '-',
  '−': '-',
  '…': '...',
  œ: 'oe',
  Œ: 'OE',
  ç: 'c',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
  '\t': ' ',
  '•': '-',
  '·': '-',
}

/**
 * The text in GSM-7 characters only, so that an SMS costs one part per 153 characters, not per 67 (UCS-2): « é », « è »,
 * « à », « ù » stay; « ê », « ç », « œ », « ’ », « « », non-breaking spaces are written with their nearest GSM-7 form.
 * @example toGsm7('L’œuvre « fête »') // 'L\'oeuvre "fete"'
 */
export function toGsm7(text: string): string {
  let out = ''
  for (const char of text) {
    if (gsmBasic.includes(char) || gsmExtension.includes(char)) out += char
    else if (gsmReplacements[char] !== undefined) out += gsmReplacements[char]
    else {
      // Other accented letters lose their accent (ê → e, Â → A); anything else that GSM-7 cannot write is dropped.
      const bare = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      out += [...bare].filter((c) => gsmBasic.includes(c) || gsmExtension.includes(c)).join('')
    }
  }
  return out
}

/** How many GSM-7 characters the text takes in an SMS (an extension character such as « € » or « [ » counts two). */
export function gsm7Length(text: string): number {
  let length = 0
  for (const char of text) length += gsmExtension.includes(char) ? 2 : 1
  return length
}

/** True when every character of the text is in GSM-7 (basic set or extension). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!gsmBasic.includes(char) && !gsmExtension.includes(char)) return false
  return true
}

/** The page of a lieu on the server: `https://exemple.fr/lieux/france-services-1`. */
export function lieuPageLink(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/lieux/${encodeURIComponent(id)}`
}

/** What a share is made of, written from the data by the caller. */
export type ShareParts = {
  nom: string
  /** The address on one line: « 1 place Bonnyaud, 23000 Guéret ». */
  adresse: string
  /** The phone as people read it (« 05 55 12 34 56 »), if the data give one. */
  telephone?: string
  /** The lieu's e-mail address, if the data give one. */
  courriel?: string
  /** Today's hours or the next opening, in one short sentence (« Aujourd'hui : 9 h - 12 h »). */
  ouverture?: string
  /** The week's hours, one line per day (for the e-mail). */
  semaine?: readonly string[]
  /** The lieu's page, where the rest is (and a QR code to print). */
  lien: string
  /** Directions to the lieu, if it has coordinates (for the e-mail). */
  itineraire?: string
}

const cut = (text: string, max: number): string => {
  if (gsm7Length(text) <= max) return text
  let out = ''
  for (const char of text) {
    if (gsm7Length(out + char) > max - 3) break
    out += char
  }
  return `${out.trimEnd()}...`
}

/**
 * A text ready for an SMS: the name, the address, the phone, today's or the next opening, the link; in GSM-7 and at
 * most 300 characters (two SMS). When it would be longer, the opening goes first, then the name is shortened: the
 * address, the phone and the link are always there whole.
 */
export function smsText(parts: ShareParts): string {
  const adresse = toGsm7(parts.adresse)
  const telephone = parts.telephone ? `Tel : ${toGsm7(parts.telephone)}` : undefined
  const ouverture = parts.ouverture ? toGsm7(parts.ouverture) : undefined
  const lien = toGsm7(parts.lien)
  const nom = toGsm7(parts.nom)
  const join = (name: string, withOpening: boolean) =>
    [name, adresse, telephone, withOpening ? ouverture : undefined, lien].filter(Boolean).join('\n')
  const full = join(nom, true)
  if (gsm7Length(full) <= maxSmsLength) return full
  const withoutOpening = join(nom, false)
  if (gsm7Length(withoutOpening) <= maxSmsLength) return withoutOpening
  const room = maxSmsLength - gsm7Length(join('', false)) - 1
  return join(cut(nom, Math.max(room, 10)), false)
}

/** An e-mail about the lieu: a subject, and a plain-text body with everything needed to go there. */
export function emailText(parts: ShareParts): { subject: string; body: string } {
  const lines = [
    parts.nom,
    parts.adresse,
    parts.telephone ? `Téléphone : ${parts.telephone}` : undefined,
    parts.courriel ? `Courriel : ${parts.courriel}` : undefined,
    '',
    ...(parts.semaine?.length ? ['Horaires de la semaine :', ...parts.semaine, ''] : []),
    parts.ouverture,
    parts.itineraire ? `Itinéraire : ${parts.itineraire}` : undefined,
    `La fiche du lieu, à imprimer : ${parts.lien}`,
  ]
  return {
    subject: `Un lieu pour vous aider avec le numérique : ${parts.nom}`,
    body: lines.filter((line) => line !== undefined).join('\n'),
  }
}

/** A `mailto:` link with the subject and body filled in and no recipient (the person chooses it). RFC 6068. */
export function shareMailto(email: { subject: string; body: string }): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'))
  return `mailto:?subject=${encode(email.subject)}&body=${encode(email.body)}`
}
