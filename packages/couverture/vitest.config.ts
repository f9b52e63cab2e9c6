import { defineProject } from 'vitest/config'
import { resolveSources } from '../../vitest.source.js'

export default defineProject({
  ...resolveSources,
  test: {
    name: 'couverture',
    include: ['src/**/*.test.ts'],
    // Real data and real processes, sockets and browsers have their own lanes (see the root vitest.config.ts).
    exclude: ['src/**/*.real-data.test.ts', 'src/**/*.integration.test.ts'],
  },
})
