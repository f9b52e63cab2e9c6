import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// A domain package is pure: no I/O, no framework, no environment. The apps do that.
const forbidden = /from ['"](node:[^'"]+|fs|path|http|https|hono[^'"]*|botbuilder[^'"]*|botkit[^'"]*|@microsoft\/[^'"]+)['"]/
const sourceFiles = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))

describe('@aiguillage/lieux stays pure', () => {
  it.each(sourceFiles)('%s imports no I/O, framework or bot library, and reads no environment', (file) => {
    const source = readFileSync(path.join(import.meta.dirname, file), 'utf8')
    expect(source).not.toMatch(forbidden)
    expect(source).not.toMatch(/process\.env|\bfetch\(|\brequire\(/)
  })
})
