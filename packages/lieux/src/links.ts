// Links built from a lieu's data, for every channel (widget, Teams). Small and dependency-free: the widget bundles it.

/** What the standard accepts as a web address (`site_web`, `prise_rdv`): http(s) and a host. */
export const webAddress = /^https?:\/\/[^\s/$.?#][^\s]*$/i

/** A web address from the data as a link, only if it is http(s): never javascript:, data:, file:… */
export function webLink(address: string | undefined): string | undefined {
  const trimmed = address?.trim()
  return trimmed && webAddress.test(trimmed) ? trimmed : undefined
}

// The `tel:` link is phone.ts's `phoneHref` (a dialable number or nothing), re-exported for the browser's bundle.
export { phoneHref } from './phone.js'

/** The lieu on OpenStreetMap, with a marker (a link: nothing is loaded until the person follows it). */
export function mapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`
}

/** Directions to the lieu on OpenStreetMap, from wherever the person is (she picks the start and the mode there). */
export function directionsLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/directions?route=%3B${latitude}%2C${longitude}#map=16/${latitude}/${longitude}`
}

/** A `mailto:` link for an address that looks like one (no spaces, one @, a dot in the domain), else nothing. */
export function mailtoLink(address: string | undefined): string | undefined {
  const trimmed = address?.trim()
  return trimmed && /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/.test(trimmed)
    ? `mailto:${trimmed}`
    : undefined
}

// Sharing a lieu (SMS text, e-mail, link), composed from pieces the caller writes: also dependency-free.
export { emailText, gsm7Length, isGsm7, lieuPageLink, maxSmsLength, shareMailto, smsText, toGsm7 } from './share.js'
export type { ShareParts } from './share.js'
