// The baseline of the HTTP benchmark: a trivial Hono route, served the same way as the API (@hono/node-server).
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.get('/trivial', (c) => c.json({ ok: true }))
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  process.stderr.write(`répond sur http://127.0.0.1:${info.port}\n`)
})
