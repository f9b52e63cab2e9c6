/**
 * The client's address behind `hops` trusted reverse proxies. Each proxy appends to `X-Forwarded-For` the address it
 * received the request from, so only the last `hops` entries were written by proxies we trust: whatever lies to their
 * left was written by the client and can be forged. With one proxy (nginx's `$proxy_add_x_forwarded_for`), the client
 * is the rightmost entry; with two (a load balancer, then nginx), the second from the right.
 * @example clientAddress('6.6.6.6, 203.0.113.7', '10.0.0.2', 1) // '203.0.113.7' (the forged 6.6.6.6 is ignored)
 */
export function clientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  hops: number,
): string {
  const socket = socketAddress ?? 'inconnue'
  if (hops <= 0 || !forwardedFor) return socket
  const chain = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  // A chain shorter than the proxies configured: every entry came from a trusted proxy, the leftmost is the client.
  return chain[Math.max(0, chain.length - hops)] ?? socket
}

/**
 * `AIGUILLAGE_TRUST_PROXY`: how many reverse proxies stand in front of the server (0: none, the socket's address is
 * the client's). `1`, `true` or `oui` mean one.
 */
export function parseTrustProxy(text: string): number {
  const folded = text.trim().toLowerCase()
  if (['', '0', 'false', 'non', 'faux'].includes(folded)) return 0
  if (['true', 'oui', 'vrai'].includes(folded)) return 1
  if (/^\d{1,2}$/.test(folded)) return Number(folded)
  throw new Error(
    `AIGUILLAGE_TRUST_PROXY : attendu le nombre de proxys devant le serveur (0, 1, 2…), trouvé « ${text} ».`,
  )
}
