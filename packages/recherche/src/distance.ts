/** Mean Earth radius used for every distance of the project, the same as geokdbush's, so rankings agree. */
export const EARTH_RADIUS_KM = 6371

const rad = Math.PI / 180

/** Great-circle distance in kilometres between two points (haversine). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}

export type Point = { latitude: number; longitude: number }
