// Writes the OpenAPI document the API serves to a temporary file and lints it with Redocly (rules in redocly.yaml).
// Offline: telemetry and update checks are turned off. `--out FILE` keeps the document instead of linting it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { createApp } from '../src/app.js'
import { DatasetStore } from '../src/dataset.js'
import { loadDemo } from '../src/load.js'

// The document does not depend on the clock: a fixed instant keeps this script out of the "no Date in src" rule.
const instant = new Date('2026-11-23T09:30:00Z')
const store = new DatasetStore(await loadDemo(instant))
const app = createApp({ store, logger: pino({ level: 'silent' }), now: () => instant, config: { rateLimit: null } })
// Indented, so that Redocly's positions point at a line.
const document = JSON.stringify(await (await app.request('/openapi.json')).json(), null, 2)

const out = process.argv.indexOf('--out')
if (out > 0 && process.argv[out + 1]) {
  writeFileSync(process.argv[out + 1] as string, document)
  process.exit(0)
}
const directory = mkdtempSync(path.join(tmpdir(), 'aiguillage-openapi-'))
const file = path.join(directory, 'openapi.json')
writeFileSync(file, document)
const apiDir = path.resolve(import.meta.dirname, '..')
const result = spawnSync(
  'pnpm',
  ['exec', 'redocly', 'lint', file, '--config', path.join(apiDir, 'redocly.yaml'), '--format', 'stylish'],
  {
    cwd: apiDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
    },
  },
)
rmSync(directory, { recursive: true, force: true })
process.exit(result.status ?? 1)
