/*
 * Secrets people should never type to anyone: passwords, secret codes, social-security numbers (NIR), bank cards, IBANs.
 * The assistant never asks for them; when someone types one anyway it is replaced before anything is kept or logged,
 * and the person is warned.
 *
 * Numbers are recognised by their structure, whatever separates their groups (spaces, non-breaking spaces, tabs, dots,
 * dashes, slashes): a card passes the Luhn check, a NIR has a sex, a month and a département where they belong (and its
 * key when written), an IBAN passes its mod-97 check. Passwords and codes are recognised by what is said just before
 * them, in French or English, as people write it (« mot-de-passe », « mdp », « my pass is », « le code reçu par sms »).
 *
 * Pure and linear: every pattern is bounded or unambiguous (separators and the characters they separate never
 * overlap), so a long message of digits and separators costs no more than a short one per character.
 */

export type SensitiveKind = 'mot_de_passe' | 'code_secret' | 'nir' | 'carte_bancaire' | 'iban'

export const sensitiveLabels: Readonly<Record<SensitiveKind, string>> = {
  mot_de_passe: 'un mot de passe',
  code_secret: 'un code secret',
  nir: 'un numéro de sécurité sociale',
  carte_bancaire: 'un numéro de carte bancaire',
  iban: 'un IBAN',
}

const PLACEHOLDER = '[masqué]'

// ---------------------------------------------------------------------------------------------------------------------
// Checks on the compact form of a number.

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** A number's remainder modulo 97, digit by digit (no BigInt needed, any length). */
function mod97(digits: string): number {
  let rest = 0
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97
  return rest
}

/** The 13 digits of a NIR as numbers: Corsica's 2A and 2B count as 19 and 18 for the key. */
function nirDigits(first13: string): string {
  return first13.slice(0, 5) + first13.slice(5, 7).replace('2A', '19').replace('2B', '18') + first13.slice(7)
}

/**
 * A NIR: sex (1, 2, or 3, 4, 7, 8 for temporary numbers), year, month (01–12, or 20–42 and 50–99 when unknown),
 * département (01–99, 2A, 2B), commune and order (6 digits), then a key of 2 digits, 97 − (number mod 97).
 * `keyed` says whether the key was written and is right; `shaped` whether the rest has the structure.
 */
export function nirCheck(compact: string): { shaped: boolean; keyed: boolean } {
  const upper = compact.toUpperCase()
  if (upper.length !== 13 && upper.length !== 15) return { shaped: false, keyed: false }
  const shaped = /^[123478]\d{2}(?:0[1-9]|1[0-2]|2\d|3\d|4[0-2]|[5-9]\d)(?:0[1-9]|[1-9]\d|2[AB])\d{6}(?:\d{2})?$/.test(
    upper,
  )
  if (!shaped || upper.length === 13) return { shaped, keyed: false }
  const key = Number(upper.slice(13))
  return { shaped, keyed: key === 97 - mod97(nirDigits(upper.slice(0, 13))) }
}

/** IBAN lengths of the countries people here mostly have an account in; any other country: 15 to 34 characters. */
// prettier-ignore
const ibanLengths: Readonly<Record<string, number>> = {
  FR: 27, MC: 27, DE: 22, BE: 16, LU: 20, CH: 21, ES: 24, IT: 27, PT: 25, NL: 18, GB: 22, IE: 22, AT: 20,
}

export function validIban(compact: string): boolean {
  const upper = compact.toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(upper)) return false
  const expected = ibanLengths[upper.slice(0, 2)]
  if (expected !== undefined && upper.length !== expected) return false
  const rearranged = (upper.slice(4) + upper.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))
  return mod97(rearranged) === 1
}

/** A card number: 13 to 19 digits, a card network's first digit (2 to 6), the Luhn check. 14 digits passing Luhn is
 *  a SIRET far more often than a (Diners) card. */
export function cardCheck(digits: string): boolean {
  return /^[2-6]\d{12,18}$/.test(digits) && digits.length !== 14 && luhn(digits)
}

// ---------------------------------------------------------------------------------------------------------------------
// Numbers written in groups.

/** What people put between the groups of a number: spaces of every width, tabs, dots, dashes, slashes. */
const SEP = '[\\t\\v\\f \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000.\\-/\\u2010-\\u2013]'

/** Groups of digits (2A/2B inside for a Corsican NIR) with 1 to 3 separators between them. */
const DIGIT_RUN = new RegExp(`(?<![\\p{L}\\p{N}])\\d+(?:[AB]\\d*)?(?:${SEP}{1,3}\\d+(?:[AB]\\d*)?)*`, 'giu')
/** Two country letters, two check digits, then groups of letters and digits (at most 34 characters are looked at). */
const IBAN_RUN = new RegExp(`(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}[A-Z0-9]{0,32}(?:${SEP}{1,3}[A-Z0-9]{1,32}){0,16}`, 'giu')
const GROUP = new RegExp(`[^\\t\\v\\f \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000.\\-/\\u2010-\\u2013]+`, 'gu')

type Group = { text: string; start: number; end: number }

function groupsOf(run: string, offset: number): Group[] {
  return [...run.matchAll(GROUP)].map((m) => ({
    text: m[0],
    start: offset + (m.index ?? 0),
    end: offset + (m.index ?? 0) + m[0].length,
  }))
}

/** The ways a card is printed and copied: in fours (the last group shorter), 4-6-5 (Amex), or in one piece. */
function cardGrouping(groups: readonly Group[]): boolean {
  if (groups.length === 1) return true
  const sizes = groups.map((g) => g.text.length)
  if (sizes.join('-') === '4-6-5') return true
  return sizes.slice(0, -1).every((s) => s === 4) && (sizes.at(-1) ?? 0) <= 4
}

/** « 1 234 567 » : an amount in thousands, not a card however many digits. */
function thousands(groups: readonly Group[]): boolean {
  return groups.length > 1 && groups.every((g, k) => (k === 0 ? g.text.length <= 3 : g.text.length === 3))
}

type Span = { start: number; end: number; kind: SensitiveKind }

/**
 * Cards and NIRs among groups of digits. Every window of whole consecutive groups is tried (at most 19 characters
 * long, so a few per group): a NIR whose key is right or a card in its printed grouping anywhere in the run; a NIR
 * without its key (or with a wrong one: one mistyped digit) or a card grouped otherwise only when it is the whole run.
 */
function numberSpans(text: string): Span[] {
  const spans: Span[] = []
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = groupsOf(run[0], run.index ?? 0)
    let i = 0
    while (i < groups.length) {
      let found: Span | undefined
      let next = i + 1
      let compact = ''
      for (let j = i; j < groups.length; j++) {
        compact += (groups[j] as Group).text
        if (compact.length > 19) break
        if (compact.length < 13) continue
        const whole = i === 0 && j === groups.length - 1
        const start = (groups[i] as Group).start
        const end = (groups[j] as Group).end
        const nir = nirCheck(compact)
        const window = groups.slice(i, j + 1)
        const card = cardCheck(compact) && (cardGrouping(window) || (whole && !thousands(window)))
        // A right NIR key first; then a card (an Amex number can have a NIR's shape); then a NIR shape alone.
        if (nir.keyed) found = { start, end, kind: 'nir' }
        else if (card) found = { start, end, kind: 'carte_bancaire' }
        else if (nir.shaped && whole) found = { start, end, kind: 'nir' }
        else continue
        next = j + 1
      }
      if (found) spans.push(found)
      i = next
    }
  }
  return spans
}

/** IBANs: from the country letters, the longest whole groups that make a valid IBAN. A run may go on into the next
 *  words (« FR76 … 189 et DE89 … »): the search resumes after the IBAN found, or after the run's first group. */
function ibanSpans(text: string): Span[] {
  const spans: Span[] = []
  IBAN_RUN.lastIndex = 0
  for (let run = IBAN_RUN.exec(text); run; run = IBAN_RUN.exec(text)) {
    const groups = groupsOf(run[0], run.index)
    let compact = ''
    let found: Span | undefined
    for (const group of groups) {
      compact += group.text
      if (compact.length > 34) break
      if (validIban(compact)) found = { start: run.index, end: group.end, kind: 'iban' }
    }
    if (found) spans.push(found)
    IBAN_RUN.lastIndex = found ? found.end : (groups[0] as Group).end
  }
  return spans
}

function maskSpans(text: string, spans: readonly Span[], kinds: Set<SensitiveKind>): string {
  let out = ''
  let at = 0
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue
    out += text.slice(at, span.start) + PLACEHOLDER
    at = span.end
    kinds.add(span.kind)
  }
  return out + text.slice(at)
}

// ---------------------------------------------------------------------------------------------------------------------
// Passwords and codes, by what is said before them.

/**
 * Lower case, accents off, one apostrophe, and the same length as the text: what the patterns below read, while
 * the positions they find are those of the text as written.
 */
function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7F]*$/.test(text)) return text.toLowerCase()
  let out = ''
  for (const c of text) out += c.charCodeAt(0) < 0x80 ? c.toLowerCase() : foldChar(c)
  return out
}

const folded = new Map<string, string>()
function foldChar(c: string): string {
  let f = folded.get(c)
  if (f === undefined) {
    const lower = c.toLowerCase()
    const base = lower.length === c.length ? (lower.normalize('NFD')[0] ?? lower) : c
    f = /[’‘ʼ´]/.test(base) ? "'" : base.length === c.length ? base : c
    if (folded.size < 4096) folded.set(c, f)
  }
  return f
}

const S = '[^\\S\\r\\n]' // a space on the line
/** « mot de passe », « mot-de-passe », « motdepasse », « mot de pass », « mots de passe », « mot 2 passe », « mdp »,
 *  « password », « pasword », « pass word », « pwd », « passwd ». */
const PASSWORD_LABEL =
  "(?:mots?[\\s_.-]{0,3}(?:de|d'|d|2)?[\\s_.-]{0,3}pas+e?s?|m[.]?d[.]?p|pwd|pas+e?[\\s-]?w(?:or|r|o)?ds?|pass?wd)(?![\\p{L}])"
/** Strong: these words alone say a secret code follows. */
const CODE_LABEL_STRONG =
  "(?:code[\\s_-]*(?:secret|confidentiel|confidenciel|pin|perso(?:nnel)?|d'acces|d acces|dacces|de (?:verification|validation|confirmation|securite|connexion)|sms|otp|a usage unique|provisoire|temporaire|de ma carte|carte bleue|cb|bancaire)|pin(?:[\\s-]*code)?|passcode|otp|cvv|cvc|cryptogramme(?: visuel)?|(?:security|verification|confirmation|access|one[\\s-]time|sms) code)(?![\\p{L}])"
/** « : », « = », « est », « c'est », « cest », SMS « c », « is », « was »… (the patterns below add « or nothing »). */
const SAID = `(?:${S}*[:=]+${S}*|${S}+(?:est|c'est|c est|cest|c(?=${S})|is|was|etait)(?:${S}*[:=])?${S}*)`
/** Words between the label and the secret (« ameli », « de ma carte », « reçu par sms »), but not a separator. */
const WORD = "\\p{L}[\\p{L}'.@-]*"
const NOT_WORD = "(?:est|c'est|c|cest|is|was|etait)(?![\\p{L}'])"
/** After « code », words that say it is no secret: a postcode, a legal code, a promotion… */
const CODE_NOT_SECRET =
  '(?:postal|postaux|insee|promo|promotionnel|reduction|route|civil|penal|travail|commerce|sante|article|naf|ape|barre|barres|qr|couleur|source|commune|departement|region|client|dossier|adherent|abonne|wifi|pays)(?![\\p{L}])'
const SECRET_TOKEN = `["«“'(]?${S}*([^\\s"»”)]{3,})`
/** A code: 3 to 8 digits, maybe spaced (« 1 2 3 4 », « 12.34 ») or after « le », and no more digits after it. */
const CODE_VALUE = `(?:(?:le|the)${S}+)?(\\d(?:${SEP}?\\d){2,7})(?!${SEP}?\\p{N})(?![\\p{L}])`

const PASSWORD_SAID = new RegExp(
  `(?<![\\p{L}])(${PASSWORD_LABEL}(?:(?:${S}+(?!${NOT_WORD})${WORD}){0,5}?))${SAID}${SECRET_TOKEN}`,
  'gdu',
)
/** English « my pass is X », « pass: X »: the bare word needs « my »/« mon » or a colon (« le pass numérique »). */
const PASS_SAID = new RegExp(
  `(?<![\\p{L}])((?:my|mon|ma)${S}+pass|pass(?=${S}*[:=]))(?![\\p{L}])(?:${S}*[:=]+${S}*|${S}+(?:is|est|c'est|cest)(?:${S}*[:=])?${S}*)${SECRET_TOKEN}`,
  'gdu',
)
/** « mot de passe Soleil2024 »: no separator, only what looks like a password. */
const PASSWORD_SHOWN = new RegExp(
  `(?<![\\p{L}])(${PASSWORD_LABEL}(?:${S}+(?!${NOT_WORD})${WORD})?)${S}+${SECRET_TOKEN}`,
  'gdu',
)
const CODE_STRONG = new RegExp(
  `(?<![\\p{L}])(${CODE_LABEL_STRONG}(?:(?:${S}+(?!${NOT_WORD})${WORD}){0,4}?))(?:${SAID}|${S}+)${CODE_VALUE}`,
  'gdu',
)
/** « code d'accès : Rose1942 », « passcode is Abc123 »: a code of letters and digits, after a separator. */
const CODE_STRONG_SAID = new RegExp(
  `(?<![\\p{L}])(${CODE_LABEL_STRONG}(?:(?:${S}+(?!${NOT_WORD})${WORD}){0,4}?))${SAID}${SECRET_TOKEN}`,
  'gdu',
)
/** « mon code c'est 4821 », « le code reçu : 482913 »: 4 or 6 to 8 digits after « code » (5 digits is a postcode). */
const CODE_SAID = new RegExp(
  `(?<![\\p{L}])((?:codes?|pin)(?![\\p{L}])(?!${S}+${CODE_NOT_SECRET})(?:(?:${S}+(?!${NOT_WORD}|${CODE_NOT_SECRET})${WORD}){0,5}?))(?:${SAID}|${S}+)${CODE_VALUE}`,
  'gdu',
)

/** Not a secret but what is said about it: « mot de passe : oublié », « my password is wrong ». */
const NOT_A_SECRET = new RegExp(
  "^(?:(?:oubli|perdu|bloqu|chang|refus|incorrect|invalid|errone|expir|perim|oblig|necessaire|demand|requis|different|envoy|recu|arriv|accept|enregistr|sauvegard|memoris|compliqu|difficile|identique|nimport|forgot|expired|blocked|locked|masque|\\[masqu|n'|d'|l'|qu')" +
    '|(?:faux|fausse|trop|plus|pas|ne|de|du|des|pour|sur|qui|que|quoi|et|le|la|les|un|une|mon|ma|mes|son|sa|ses|votre|vos|ton|ta|a|au|aux|en|dans|avec|sans|bon|bien|correct|valide|simple|long|court|celui|celle|toujours|encore|comment|combien|ou|quand|pourquoi|koi|kwa|pkoi|pourkoi|pk|note|ecrit|tres|super|nul|mauvais|meme|sensible|personnel|secret|confidentiel|facile|dur|wrong|lost|not|no|the|my|your|for|to|and|too|changed|reset|what|how|where|when|why|ok|okay|good|fine|right|case|sent|saved|required|needed|private|hard|easy|same|still|also)(?![\\p{L}]))',
  'u',
)
/** Names that follow « mot de passe » without being one (« mot de passe FranceConnect »). */
const SERVICE =
  /^(?:franceconnect|france[-]?connect|ameli|impots?|caf|cpam|msa|urssaf|ants|gmail|hotmail|outlook|yahoo|laposte|orange|sfr|free|bouygues|facebook|whatsapp|doctolib|iphone|ipad|android|windows|apple|google|microsoft|wifi|wi-fi|e-?mail|mail|internet|pole-?emploi|francetravail|leboncoin|amazon|netflix|paypal|linkedin|instagram|skype|zoom|teams)\b/

/** What follows « mot de passe » without a separator is one only if it looks like one: a digit, a symbol, mixed case. */
function looksLikePassword(secret: string): boolean {
  return (
    secret.length >= 4 &&
    !SERVICE.test(fold(secret)) &&
    (/[\d!#$%^&*_+=?@]/.test(secret) || /\p{Ll}\p{Lu}|\p{Lu}{2}.*\p{Ll}/u.test(secret))
  )
}

/**
 * Replaces, in `text`, what `pattern` finds in its folded copy: group 1 (the label and the words after it) stays,
 * the rest of the match becomes « label [masqué] » when `accept(secret)` says so.
 */
function replaceSaid(
  text: string,
  pattern: RegExp,
  kind: SensitiveKind,
  kinds: Set<SensitiveKind>,
  accept: (secret: string, folded: string) => boolean,
): string {
  const folded = fold(text)
  let out = ''
  let at = 0
  for (const match of folded.matchAll(pattern)) {
    const indices = match.indices
    const whole = indices?.[0]
    const label = indices?.[1]
    const secret = indices?.[2]
    if (!whole || !label || !secret || whole[0] < at) continue
    const original = text.slice(secret[0], secret[1])
    if (original.startsWith('[masqu') || !accept(original, match[2] ?? '')) continue
    out += text.slice(at, label[1]) + ' ' + PLACEHOLDER
    at = whole[1]
    kinds.add(kind)
  }
  return out + text.slice(at)
}

export type Redaction = { text: string; kinds: SensitiveKind[] }

/** Finds and masks secrets in a text. The masked text is the only one to keep, show back or log. */
export function redactSensitive(text: string): Redaction {
  const kinds = new Set<SensitiveKind>()
  // A word about the secret (« oublié », « wrong ») is no secret; a token with a digit is one (« Secret123 », « Perdu2024 »).
  const said = (secret: string, folded: string) => /\p{N}/u.test(secret) || !NOT_A_SECRET.test(folded)
  let out = replaceSaid(text, PASSWORD_SAID, 'mot_de_passe', kinds, said)
  out = replaceSaid(out, PASS_SAID, 'mot_de_passe', kinds, said)
  out = replaceSaid(out, CODE_STRONG, 'code_secret', kinds, () => true)
  out = replaceSaid(
    out,
    CODE_STRONG_SAID,
    'code_secret',
    kinds,
    (secret, folded) => /\d/.test(secret) || (!NOT_A_SECRET.test(folded) && looksLikePassword(secret)),
  )
  out = replaceSaid(out, CODE_SAID, 'code_secret', kinds, (secret) => {
    const digits = secret.replace(/\D/g, '').length
    return digits === 4 || (digits >= 6 && digits <= 8)
  })
  out = replaceSaid(
    out,
    PASSWORD_SHOWN,
    'mot_de_passe',
    kinds,
    (secret, folded) => looksLikePassword(secret) && (/\p{N}/u.test(secret) || !NOT_A_SECRET.test(folded)),
  )
  out = maskSpans(out, ibanSpans(out), kinds)
  out = maskSpans(out, numberSpans(out), kinds)
  return { text: out, kinds: [...kinds] }
}
