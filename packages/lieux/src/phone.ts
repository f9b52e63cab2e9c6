/*
 * Phone numbers: the standard stores them in international form without spaces (+33555123456);
 * people read and dial them in the national form (05 55 12 34 56).
 * No destructuring in this file: the widget bundles it for old Safari (12–14), which miscompiles it.
 */

/** Overseas departments share the French 10-digit plan but have their own country codes. */
const overseasPrefixes: ReadonlyArray<readonly [RegExp, string]> = [
  [/^0(590|690|691)/, '+590'], // Guadeloupe, Saint-Martin, Saint-Barthélemy
  [/^0(594|694)/, '+594'], // Guyane
  [/^0(262|263|692|693|269|639)/, '+262'], // La Réunion, Mayotte
  [/^0(596|696|697)/, '+596'], // Martinique
]

/** Country codes whose numbers belong to the French 10-digit national plan. */
const nationalPlanCodes = ['+33', '+590', '+594', '+262', '+596', '+269'] as const
/** Overseas collectivities with short numbers, dialled with their country code from anywhere else. */
const shortNumberCodes: ReadonlyArray<readonly [string, number]> = [
  ['+687', 6], // Nouvelle-Calédonie
  ['+689', 8], // Polynésie française
  ['+508', 6], // Saint-Pierre-et-Miquelon
  ['+681', 6], // Wallis-et-Futuna
]

/**
 * Converts a phone number as people write it ("05 55 12 34 56", "05.55.12.34.56", "+33 (0)5 55 12 34 56",
 * "0033555123456") to the standard's form "+33555123456". Returns undefined when it is not a French number.
 * @example toE164('05 55 12 34 56') // '+33555123456'
 */
export function toE164(input: string): string | undefined {
  let compact = input.replace(/\(0\)/g, '').replace(/[\s.\-/()]/g, '')
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`
  if (/^\+\d{8,12}$/.test(compact)) {
    const code = [...nationalPlanCodes, ...shortNumberCodes.map((entry) => entry[0])].find((c) => compact.startsWith(c))
    if (!code) return undefined
    const rest = compact.slice(code.length)
    // "+33 0555…" written with the trunk 0 kept.
    return `${code}${rest.length === 10 && rest.startsWith('0') ? rest.slice(1) : rest}`
  }
  if (/^0[1-9]\d{8}$/.test(compact)) {
    const overseas = overseasPrefixes.find((entry) => entry[0].test(compact))
    return `${overseas ? overseas[1] : '+33'}${compact.slice(1)}`
  }
  return undefined
}

const pairs = (digits: string): string => digits.replace(/(\d{2})(?=\d)/g, '$1 ')

/**
 * The number as people read it: "05 55 12 34 56" for the French national plan (overseas departments
 * included), "+687 12 34 56" for overseas collectivities. Unknown shapes are returned unchanged.
 * @example formatPhone('+33555123456') // '05 55 12 34 56'
 */
export function formatPhone(input: string): string {
  const e164 = toE164(input)
  if (!e164) return input.trim()
  for (const code of nationalPlanCodes) {
    if (e164.startsWith(code) && e164.length === code.length + 9) return pairs(`0${e164.slice(code.length)}`)
  }
  for (const entry of shortNumberCodes) {
    const code = entry[0]
    if (e164.startsWith(code) && e164.length === code.length + entry[1])
      return `${code} ${pairs(e164.slice(code.length))}`
  }
  return input.trim()
}

/** A `tel:` link target for the number, or undefined when there is none or it cannot be dialled as is. */
export function phoneHref(input: string | undefined): string | undefined {
  const e164 = input ? toE164(input) : undefined
  return e164 ? `tel:${e164}` : undefined
}
