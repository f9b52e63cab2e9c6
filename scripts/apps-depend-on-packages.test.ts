import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Apps (the programs: the `aiguillage` command, the evaluation) are composed of packages; an app never imports another
// app. What several programs share (server start-up, problem responses, the TTL store, the rate limiter, settings, the
// channels) is a package.
const root = path.resolve(import.meta.dirname, '..')
const nameOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name as string
const apps = readdirSync(path.join(root, 'apps')).map((name) => path.join(root, 'apps', name))
const appNames = new Set(apps.map(nameOf))
const packageNames = new Set(
  readdirSync(path.join(root, 'packages')).map((n) => nameOf(path.join(root, 'packages', n))),
)

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (name === 'node_modules' || name === 'dist' || name === '.turbo') return []
    if (statSync(full).isDirectory()) return sources(full)
    return /\.(ts|mjs|js)$/.test(name) ? [full] : []
  })
}

describe('apps depend only on packages', () => {
  it('no app declares another app as a dependency', () => {
    const offenders = apps.flatMap((dir) => {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
      return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
        .filter((dependency) => appNames.has(dependency))
        .map((dependency) => `${manifest.name} → ${dependency}`)
    })
    expect(offenders).toEqual([])
  })
  it('no package or app imports an app, and every @aiguillage import is a package', () => {
    const importOf = /(?:from\s+|import\()\s*['"](@aiguillage\/[^/'"]+)/g
    const offenders = ['apps', 'packages'].flatMap((group) =>
      readdirSync(path.join(root, group)).flatMap((name) =>
        sources(path.join(root, group, name)).flatMap((file) =>
          [...readFileSync(file, 'utf8').matchAll(importOf)]
            .map((match) => match[1] as string)
            .filter((imported) => !packageNames.has(imported))
            .map((imported) => `${path.relative(root, file)} imports ${imported}`),
        ),
      ),
    )
    expect(packageNames.size).toBeGreaterThan(5)
    expect(offenders).toEqual([])
  })
})
