// Links built from a lieu's data, for every channel (widget, Teams). Small and dependency-free: the widget bundles it.

/** A web address from the data as a link, only if it is http(s): never javascript:, data:, file:… */
export function webLink(address: string | undefined): string | undefined {
  const trimmed = address?.trim()
  return trimmed && /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(trimmed) ? trimmed : undefined
}

/** "tel:+33555510101" from a phone number of the data (digits and "+" only). */
export function telLink(telephone: string | undefined): string | undefined {
  const digits = telephone?.replace(/[^+\d]/g, '')
  return digits ? `tel:${digits}` : undefined
}

/** The lieu on OpenStreetMap, with a marker (a link: nothing is loaded until the person follows it). */
export function mapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`
}
