import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'web-chat',
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.real-data.test.ts'],
  },
})
