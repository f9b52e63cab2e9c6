import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'teams-bot',
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.real-data.test.ts'],
  },
})
