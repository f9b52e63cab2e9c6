// The baseline of the HTTP benchmarks: a bare node:http server answering a small JSON, no framework, no middleware.
// Plain JavaScript, run by plain node, as the compiled server is: the two are compared in the same run.
import { Buffer } from 'node:buffer'
import { createServer } from 'node:http'

const body = JSON.stringify({ statut: 'ok' })
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  process.stderr.write(`répond sur http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`)
})
process.once('SIGTERM', () => server.close(() => process.exit(0)))
