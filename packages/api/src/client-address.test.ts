import { describe, expect, it } from 'vitest'
import { clientAddress, parseTrustProxy } from './client-address.js'

describe('the client address behind reverse proxies', () => {
  it.each([
    // [X-Forwarded-For, socket, proxies trusted, the client]
    [undefined, '10.0.0.2', 1, '10.0.0.2'],
    ['203.0.113.7', '10.0.0.2', 0, '10.0.0.2'],
    ['203.0.113.7', '10.0.0.2', 1, '203.0.113.7'],
    // The client writes what it likes on the left: never read.
    ['6.6.6.6, 203.0.113.7', '10.0.0.2', 1, '203.0.113.7'],
    ['1.1.1.1,2.2.2.2 , 203.0.113.7', '10.0.0.2', 1, '203.0.113.7'],
    // Two proxies (a load balancer, then nginx): the second from the right.
    ['6.6.6.6, 203.0.113.7, 10.0.0.9', '10.0.0.2', 2, '203.0.113.7'],
    ['203.0.113.7', '10.0.0.2', 2, '203.0.113.7'],
    [' , ', '10.0.0.2', 1, '10.0.0.2'],
  ])('X-Forwarded-For %j from %s with %i proxy(ies) → %s', (forwarded, socket, hops, expected) =>
    expect(clientAddress(forwarded, socket, hops)).toBe(expected),
  )
  it('reads AIGUILLAGE_TRUST_PROXY as a number of proxies', () => {
    expect(['0', 'false', '1', 'true', 'oui', '2'].map(parseTrustProxy)).toEqual([0, 0, 1, 1, 1, 2])
    expect(() => parseTrustProxy('nginx')).toThrow('AIGUILLAGE_TRUST_PROXY')
  })
})
