/*
 * Secrets people should never type to anyone: passwords, secret codes, social-security numbers (NIR), bank cards, IBANs.
 * The assistant never asks for them; when someone types one anyway it is replaced before anything is kept or logged,
 * and the person is warned.
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

/**
 * A NIR has 13 digits (sex, year, month, département, commune, order) and a 2-digit key. A wrong key is still
 * masked: a person who mistyped one digit has still typed their number.
 */
function nirShaped(compact: string): boolean {
  return /^\d{13}$/.test(compact.slice(0, 13).toUpperCase().replace('2A', '19').replace('2B', '18'))
}

function validIban(compact: string): boolean {
  const rearranged = (compact.slice(4) + compact.slice(0, 4))
    .toUpperCase()
    .replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))
  return /^\d+$/.test(rearranged) && BigInt(rearranged) % 97n === 1n
}

const LABEL = "(mot de passe|mdp|password|code secret|code confidentiel|code pin|code d'accès|code d’accès)"
/** "mot de passe (ameli) est X", "mdp : X": a separator says a secret follows. */
const PASSWORD_SAID = new RegExp(
  `\\b${LABEL}((?:\\s+(?!est\\b|is\\b)[\\p{L}.'’]+){0,2}?)(\\s*(?:est|c'est|c’est|:|=|is)\\s*:?)\\s*["«]?\\s*(\\S{3,})`,
  'giu',
)
/**
 * "mon code c'est 4821", "le code reçu : 482913": a code of 4 or 6 to 8 digits said after the word « code » (5 digits
 * is a postcode, and « code postal » is not a secret).
 */
const CODE_SAID =
  /\b(code|pin)((?:\s+(?!est\b|is\b|postal\b|insee\b|promo\b)[\p{L}'’]+){0,4}?)(\s*(?:est|c'est|c’est|c est|:|=|is)\s*:?)\s*(\d{4}|\d{6,8})\b/giu
/** "mot de passe Soleil2024": without a separator, only what looks like a password. */
const PASSWORD_SHOWN = new RegExp(`\\b${LABEL}\\s+["«]?(\\S{3,})`, 'giu')
const NIR =
  /\b([12][\s.]?\d{2}[\s.]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.]?(?:\d{2}|2A|2B)[\s.]?\d{3}[\s.]?\d{3}(?:[\s.]?\d{2})?)\b/gi
const CARD = /\b(\d(?:[ -]?\d){12,18})\b/g
const IBAN = /\b([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?)\b/gi

export type Redaction = { text: string; kinds: SensitiveKind[] }

/** Finds and masks secrets in a text. The masked text is the only one to keep, show back or log. */
export function redactSensitive(text: string): Redaction {
  const kinds = new Set<SensitiveKind>()
  const notASecret =
    /^(oubli|perdu|bloqu|chang|refus|faux|incorrect|invalide|ne |n'|n’|pas|de |du |pour|sur|qui|que|et )/i
  let out = text.replace(PASSWORD_SAID, (match, label: string, site: string, _separator: string, secret: string) => {
    if (notASecret.test(secret)) return match
    kinds.add('mot_de_passe')
    return `${label}${site} ${PLACEHOLDER}`
  })
  out = out.replace(CODE_SAID, (_match, label: string, words: string) => {
    kinds.add('code_secret')
    return `${label}${words} ${PLACEHOLDER}`
  })
  out = out.replace(PASSWORD_SHOWN, (match, label: string, secret: string) => {
    if (
      secret === PLACEHOLDER ||
      notASecret.test(secret) ||
      (!/[\d!@#$%^&*_+=?]/.test(secret) && !/[a-z][A-Z]|[A-Z]{2}/.test(secret))
    )
      return match
    kinds.add('mot_de_passe')
    return `${label} ${PLACEHOLDER}`
  })
  out = out.replace(IBAN, (match: string) => {
    const compact = match.replace(/\s/g, '')
    if (compact.length < 15 || !validIban(compact)) return match
    kinds.add('iban')
    return PLACEHOLDER
  })
  out = out.replace(NIR, (match: string) => {
    const compact = match.replace(/[\s.]/g, '')
    if ((compact.length !== 13 && compact.length !== 15) || !nirShaped(compact)) return match
    kinds.add('nir')
    return PLACEHOLDER
  })
  out = out.replace(CARD, (match: string) => {
    const digits = match.replace(/[ -]/g, '')
    // 14 digits passing Luhn is a SIRET far more often than a card.
    if (digits.length < 13 || digits.length > 19 || digits.length === 14 || !luhn(digits)) return match
    kinds.add('carte_bancaire')
    return PLACEHOLDER
  })
  return { text: out, kinds: [...kinds] }
}
