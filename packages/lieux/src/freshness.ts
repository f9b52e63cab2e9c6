const DAY_MS = 86_400_000

/** The cartographie nationale warns after a year: past this, a lieu's information may be out of date. */
export const staleAfterDays = 365

/** Whole days since the lieu's `date_maj` (taken at UTC midnight); negative when the date is in the future. */
export function dataAgeDays(dateMaj: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${dateMaj}T00:00:00Z`)) / DAY_MS)
}
