import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { capturingLogger, MONDAY_10H30 } from './test-support.js'
import { createLogger, type RequestFields, requestLogger } from './logger.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const requests: RequestFields[] = [
  { method: 'GET', route: '/healthz', status: 200, ms: 0.1 },
  { method: 'HEAD', route: '/v1/lieux/:id', status: 404, ms: 12 },
  { method: 'POST', route: '*', status: 429, ms: 0 },
  // Anything a client may send as a method, and a route with characters to escape.
  { method: 'M"É\\\u0007', route: '/fiche/é "x"', status: 500, ms: 1234.5 },
]

describe('requestLogger', () => {
  it('writes, for a logger of createLogger, the very line pino writes for the same fields, at the app’s time', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'logger-'))
    folders.push(folder)
    const file = path.join(folder, 'log')
    const fd = openSync(file, 'w')
    const logger = createLogger('info', { fd, now: () => MONDAY_10H30 })
    const log = requestLogger(logger)
    for (const fields of requests) {
      log(fields)
      logger.info(fields, 'requête')
    }
    logger.flush()
    closeSync(fd)
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1)
    expect(lines).toHaveLength(requests.length * 2)
    for (let i = 0; i < requests.length; i++) {
      expect(lines[2 * i], JSON.stringify(requests[i])).toBe(lines[2 * i + 1])
      // The app's clock, not the machine's.
      expect(JSON.parse(lines[2 * i] as string)).toMatchObject({
        ...requests[i],
        level: 30,
        time: MONDAY_10H30.getTime(),
        msg: 'requête',
      })
    }
  })

  it('goes through logger.info for any other logger', () => {
    const { logger, lines } = capturingLogger()
    requestLogger(logger)(requests[1] as RequestFields)
    expect(lines).toEqual([expect.objectContaining({ ...requests[1], level: 30, msg: 'requête' })])
  })
})
