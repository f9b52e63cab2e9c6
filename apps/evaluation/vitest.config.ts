import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'evaluation',
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.real-data.test.ts'],
  },
})
