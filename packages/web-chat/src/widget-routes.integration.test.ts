import http from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChatServer } from './test-support.js'

let chat: Awaited<ReturnType<typeof startChatServer>>
beforeAll(async () => {
  chat = await startChatServer()
})
afterAll(async () => {
  await chat.server.close()
})

describe('the widget’s routes on the main server', () => {
  it('serves /widget.js to other sites: cross-origin resource policy, gzip when accepted, 304 when unchanged', async () => {
    const plain = await fetch(`${chat.server.url}/widget.js`, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(plain.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const js = await plain.text()
    expect(js).toContain('/v1/discussion')
    expect(js).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write|eval\(/)

    // node:http, not fetch: fetch would unzip the body before the test sees its size.
    const zipped = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
      http
        .get(`${chat.server.url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }))
        })
        .on('error', reject),
    )
    const etag = zipped.headers.etag as string
    expect(zipped.headers['content-encoding']).toBe('gzip')
    const body = zipped.body
    expect(body.length).toBeLessThan(20 * 1024)
    expect(gunzipSync(body).toString()).toBe(js)

    const again = await fetch(`${chat.server.url}/widget.js`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it('serves the demo page at / under a CSP that allows only the server itself', async () => {
    const page = await fetch(`${chat.server.url}/`)
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    const html = await page.text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toMatch(/<script src="\/widget\.js" data-container="#discussion"[^>]*defer><\/script>/)
    expect(html).not.toMatch(/https?:\/\/(?!127)/)
  })

  it('gives every answer of the real server the security headers once each, a route’s own header winning', async () => {
    // Over a real socket: node's response adds them as it writes the answer's headers (app.request() takes another path).
    const rawHeaders = (path: string) =>
      new Promise<{ status: number; names: string[]; headers: http.IncomingHttpHeaders }>((resolve, reject) =>
        http
          .get(`${chat.server.url}${path}`, (response) => {
            response.resume()
            resolve({
              status: response.statusCode ?? 0,
              names: response.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase()),
              headers: response.headers,
            })
          })
          .on('error', reject),
      )
    for (const path of ['/healthz', '/v1/lieux?commune=Gu%C3%A9ret', '/pas-de-page', '/widget.js', '/']) {
      const { status, names, headers } = await rawHeaders(path)
      expect(status, path).toBeLessThan(500)
      expect(new Set(names).size, `${path}: a header written twice`).toBe(names.length)
      expect(headers['x-content-type-options'], path).toBe('nosniff')
      expect(headers['x-frame-options'], path).toBe('SAMEORIGIN')
      expect(headers['content-security-policy'], path).toBeTruthy()
    }
    expect((await rawHeaders('/widget.js')).headers['cross-origin-resource-policy']).toBe('cross-origin')
    expect((await rawHeaders('/healthz')).headers['cross-origin-resource-policy']).toBe('same-site')
    expect((await rawHeaders('/')).headers['content-security-policy']).toContain("default-src 'none'")
  })
})
