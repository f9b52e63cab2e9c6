#!/usr/bin/env node
// `pnpm test`: runs every vitest project (unit suites + the real-data suite) and ends with the plain
// "N passed, N failed" line that CI reads (vitest's own summary is not a format CI recognises).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const reportFile = path.join(root, '.reports', 'vitest.json')
mkdirSync(path.dirname(reportFile), { recursive: true })

const vitest = path.join(root, 'node_modules', '.bin', 'vitest')
const run = spawnSync(
  vitest,
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
)

let counts
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'))
  counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  }
  // A suite that fails to load counts no test: count it as a failure so the line cannot look green.
  const brokenSuites = report.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length
  counts.failed += brokenSuites
} catch {
  counts = { passed: 0, failed: 1, skipped: 0 }
}
const exitCode = run.status === 0 && counts.failed === 0 ? 0 : 1
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
process.exit(exitCode)
