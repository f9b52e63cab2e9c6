import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { demoPage, loadWidget, demoStylesheet } from '@aiguillage/widget'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Logger } from 'pino'

/**
 * `/widget.js` (the script other sites embed: loadable cross-origin, cached, gzipped when the browser accepts it)
 * and `/`, the demo page: the widget on a page of ours, with a strict Content-Security-Policy that also proves the
 * widget needs nothing from elsewhere.
 */
export function widgetRoutes(app: OpenAPIHono, options: { socketPath: string; logger: Logger }): void {
  // Built once at start-up, in memory (about 0.1 s): nothing generated is committed.
  const bundle = loadWidget().then((js) => ({
    js,
    gzip: gzipSync(js, { level: 9 }),
    etag: `"${createHash('sha256').update(js).digest('base64url').slice(0, 22)}"`,
  }))
  // A failed build is a bug: logged once; /widget.js then answers 500 and the rest of the server goes on.
  bundle.catch((error: unknown) =>
    options.logger.error({ err: { message: (error as Error).message } }, 'le widget n’a pas pu être construit'),
  )
  app.get('/widget.js', async (c) => {
    const { js, gzip, etag } = await bundle
    const headers: Record<string, string> = {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      etag,
      vary: 'accept-encoding',
      'cross-origin-resource-policy': 'cross-origin',
      'access-control-allow-origin': '*',
    }
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers)
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? ''))
      return c.body(new Uint8Array(gzip), 200, { ...headers, 'content-encoding': 'gzip' })
    return c.body(js, 200, headers)
  })
  app.get('/demo.css', (c) =>
    c.body(demoStylesheet, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' }),
  )
  app.get('/', (c) =>
    c.html(demoPage({ socketPath: options.socketPath }), 200, {
      'content-security-policy':
        "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    }),
  )
}
