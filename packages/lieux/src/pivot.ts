/** The SIREN of La Poste: its establishments' SIRETs follow a different checksum (sum of digits divisible by 5). */
const LA_POSTE_SIREN = '356000000'

/** The "unknown pivot" importers write when a source has no SIRET (mednum-cli's default). */
export const PLACEHOLDER_PIVOT = '00000000000000'

/** True when a 14-digit SIRET passes its checksum (Luhn, or La Poste's rule). */
export function hasValidSiretChecksum(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false
  if (siret.startsWith(LA_POSTE_SIREN)) {
    let sum = 0
    for (const digit of siret) sum += Number(digit)
    return sum % 5 === 0
  }
  let sum = 0
  for (let i = 0; i < 14; i++) {
    let digit = Number(siret[13 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** What kind of identifier a pivot is: SIRET (14 digits), RNA (W + 9 characters), or another (RIDET…). */
export function pivotKind(pivot: string): 'siret' | 'rna' | 'other' {
  if (/^\d{14}$/.test(pivot)) return 'siret'
  if (/^W[0-9A-Z]{9}$/i.test(pivot)) return 'rna'
  return 'other'
}
