import { defineConfig } from 'vitest/config'
import { resolveSources } from './vitest.source.js'

// `pnpm test` runs the three lanes; `pnpm test:unit`, `test:integration` and `test:real-data` run one each.
//
// - unit: every package and app project, in-process and fast (no port, no child process, no browser); vitest's
//   default 5 s per test is ample there, and a unit test slower than that is a defect to fix, not a timeout to raise.
// - integration: `*.integration.test.ts`, which start real processes, servers on sockets or Chromium. Each start waits
//   for its own readiness signal with its own deadline (see the test-support files); the lane's limits only bound a
//   whole test on a loaded two-core machine: a process start through tsx takes 2–4 s there, a Chromium start 1–3 s,
//   and a test may do several in a row.
// - real-data: `*.real-data.test.ts`, over ../shared/data (skipped, and saying so, where that folder is absent); its
//   tests read and index thousands of real lieux (10–30 s each on two cores).
export default defineConfig({
  ...resolveSources,
  test: {
    projects: [
      'packages/*',
      'apps/*',
      {
        ...resolveSources,
        test: {
          name: 'docs',
          include: ['scripts/*.test.ts'],
          exclude: ['scripts/*.integration.test.ts'],
        },
      },
      {
        ...resolveSources,
        test: {
          name: 'integration',
          include: [
            'packages/*/src/**/*.integration.test.ts',
            'apps/*/src/**/*.integration.test.ts',
            'scripts/*.integration.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...resolveSources,
        test: {
          name: 'real-data',
          include: ['packages/*/src/**/*.real-data.test.ts', 'apps/*/src/**/*.real-data.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
