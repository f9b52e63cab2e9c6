import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// `aiguillage --help` and `aiguillage validate` must stay light: the server, the bot libraries and the index cost
// seconds and hundreds of megabytes. Read the import graph of the CLI's own files, statically.
const src = import.meta.dirname
const heavy = /^(@aiguillage\/(api|web-chat|teams-bot|assistant|recherche)|botbuilder|botkit|@microsoft\/teams-ai|hono)/

/** The modules a file imports when it is loaded (static imports, not `await import()`), and those of its local files. */
function staticImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  const text = readFileSync(path.join(src, file), 'utf8')
  const specifiers = [...text.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] as string)
  return specifiers.flatMap((specifier) =>
    specifier.startsWith('./') ? [specifier, ...staticImports(specifier.replace(/\.js$/, '.ts'), seen)] : [specifier],
  )
}

describe('the aiguillage command loads only what a command needs', () => {
  it('main.ts imports no command statically', () => {
    const imports = staticImports('main.ts')
    expect(imports).not.toContain('./validate-command.js')
    expect(imports.filter((m) => heavy.test(m))).toEqual([])
  })
  it('validate loads neither the server, nor the bots, nor the index', () => {
    const imports = staticImports('validate-command.ts')
    expect(imports).toContain('@aiguillage/lieux')
    expect(imports.filter((m) => heavy.test(m))).toEqual([])
  })
  it('the check sees a heavy import where there is one', () => {
    expect(staticImports('serve-command.ts').filter((m) => heavy.test(m))).toContain('@aiguillage/api')
  })
})
