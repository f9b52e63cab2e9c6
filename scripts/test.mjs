#!/usr/bin/env node
// `pnpm test`: runs every vitest project (unit suites + the real-data suite) and ends with the plain
// "N passed, N failed" line that CI reads (vitest's own summary is not a format CI recognises).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const reportFile = path.join(root, '.reports', 'vitest.json')
mkdirSync(path.dirname(reportFile), { recursive: true })

// `--lane unit|integration|real-data` runs one lane (see vitest.config.ts); without it, all three. The unit lane is every
// package's and app's own project (named after its folder) plus the repository's own checks (`docs`).
const args = process.argv.slice(2)
const laneAt = args.indexOf('--lane')
const lane = laneAt === -1 ? undefined : args.splice(laneAt, 2)[1]
const projectsOf = {
  unit: [
    ...['packages', 'apps'].flatMap((group) =>
      readdirSync(path.join(root, group)).filter((name) =>
        existsSync(path.join(root, group, name, 'vitest.config.ts')),
      ),
    ),
    'docs',
  ],
  integration: ['integration'],
  'real-data': ['real-data'],
}
if (lane !== undefined && !projectsOf[lane]) {
  console.error(`--lane : attendu unit, integration ou real-data, trouvé « ${lane} ».`)
  process.exit(2)
}
const projects = lane === undefined ? [] : projectsOf[lane].flatMap((name) => ['--project', name])

// The integration lane also runs the compiled server (dist/, as in production): build it first (cached by turbo when
// nothing changed). The unit lane runs the sources only.
if (lane !== 'unit' && lane !== 'real-data') {
  const build = spawnSync(
    path.join(root, 'node_modules', '.bin', 'turbo'),
    ['run', 'build', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) {
    console.error('pnpm build a échoué : la suite ne peut pas tester le serveur compilé.')
    console.log('\n0 passed, 1 failed, 0 skipped')
    process.exit(1)
  }
}

const vitest = path.join(root, 'node_modules', '.bin', 'vitest')
const run = spawnSync(
  vitest,
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...projects, ...args],
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
