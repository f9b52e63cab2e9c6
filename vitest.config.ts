import { defineConfig } from 'vitest/config'

// Watch mode and `pnpm test` from the root: every package and app, plus the real-data suite,
// which reads ../shared/data and skips itself (saying so) where that folder is absent.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'apps/*',
      { test: { name: 'docs', include: ['scripts/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'real-data',
          include: ['packages/*/src/**/*.real-data.test.ts', 'apps/*/src/**/*.real-data.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
})
