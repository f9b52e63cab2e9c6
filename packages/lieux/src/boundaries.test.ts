import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Domain packages are pure: no I/O, no framework, no environment. The surface packages (the HTTP API and server, the
// channels, the widget) and the apps do that.
const packagesDir = path.resolve(import.meta.dirname, '../..')
const domain = new Set(['lieux', 'territoires', 'recherche', 'orientation', 'assistant', 'couverture'])
const forbidden =
  /from ['"](node:[^'"]+|fs|path|http|https|hono[^'"]*|botbuilder[^'"]*|botkit[^'"]*|@microsoft\/[^'"]+)['"]/
const sourceFiles = readdirSync(packagesDir)
  .filter((pkg) => domain.has(pkg))
  .flatMap((pkg) => {
    const src = path.join(packagesDir, pkg, 'src')
    try {
      return readdirSync(src)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-factories.ts')
        .map((f) => path.join(pkg, 'src', f))
    } catch {
      return [] // not a package folder
    }
  })

describe('domain packages stay pure', () => {
  it('covers every package', () => {
    expect(new Set(sourceFiles.map((f) => f.split(path.sep)[0]))).toEqual(domain)
  })
  it.each(sourceFiles)('%s imports no I/O, framework or bot library, and reads no environment', (file) => {
    const source = readFileSync(path.join(packagesDir, file), 'utf8')
    expect(source).not.toMatch(forbidden)
    expect(source).not.toMatch(/process\.env|\bfetch\(|\brequire\(/)
  })
})
