// The baseline of the HTTP benchmarks: a bare node:http server answering a small JSON, no framework, no middleware.
// Plain JavaScript, run by plain node, as the compiled server is: the two are compared in the same run.
// With AIGUILLAGE_BARE_ANSWER (JSON: { headers: [name, value, …], body }), it sends that answer instead: the bench gives
// it the very headers and body of the API's /healthz, to tell the cost of the answer from the cost of the stack.
import { Buffer } from 'node:buffer'
import { createServer } from 'node:http'

const given = process.env.AIGUILLAGE_BARE_ANSWER ? JSON.parse(process.env.AIGUILLAGE_BARE_ANSWER) : undefined
const body = given ? given.body : JSON.stringify({ statut: 'ok' })
const headers = given
  ? [...given.headers, 'content-length', String(Buffer.byteLength(body))]
  : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
const server = createServer((req, res) => {
  res.writeHead(200, headers)
  res.end(body)
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  process.stderr.write(`répond sur http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`)
})
process.once('SIGTERM', () => server.close(() => process.exit(0)))
