import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    // Real data and real processes, sockets and browsers have their own lanes (see the root vitest.config.ts).
    exclude: ['src/**/*.real-data.test.ts', 'src/**/*.integration.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
})
