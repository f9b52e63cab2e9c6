/**
 * A distance as people read it: "350 m" under 1 km (to the nearest 10 m), "1,2 km" under 10 km,
 * "12 km" beyond. French decimal comma.
 * @example formatDistance(1.234) // '1,2 km'
 */
export function formatDistance(km: number): string {
  if (!Number.isFinite(km) || km < 0) return ''
  if (km < 0.01) return 'moins de 10 m'
  const metres = Math.round(km * 100) * 10
  if (metres < 1000) return `${metres} m`
  if (km < 10) {
    const rounded = Math.round(km * 10) / 10
    return rounded >= 10 ? '10 km' : `${rounded.toFixed(1).replace('.', ',')} km`
  }
  return `${Math.round(km)} km`
}
