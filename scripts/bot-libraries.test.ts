import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The Bot Framework SDK was archived at the end of 2025: its libraries must stay inside the two channel packages, so that
// moving off it later touches those folders only. (The CLI may load the Teams package, never the libraries themselves.)
const root = path.resolve(import.meta.dirname, '..')
const botLibraries =
  /from ['"](botbuilder[^'"]*|botkit[^'"]*|botframework-[^'"]*|@microsoft\/teams-ai[^'"]*|openai)['"]|import\(['"](botbuilder|botkit|@microsoft\/teams-ai)/
const allowed = new Set(['packages/web-chat', 'packages/teams-bot'])

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (name === 'node_modules' || name === 'dist') return []
    if (statSync(full).isDirectory()) return sources(full)
    return /\.(ts|mjs|js)$/.test(name) ? [full] : []
  })
}

describe('bot libraries stay in the channel packages', () => {
  const projects = ['packages', 'apps'].flatMap((group) =>
    readdirSync(path.join(root, group)).map((name) => `${group}/${name}`),
  )

  it('no other package or app imports them', () => {
    const offenders = projects
      .filter((project) => !allowed.has(project))
      .flatMap((project) =>
        sources(path.join(root, project)).filter((file) => botLibraries.test(readFileSync(file, 'utf8'))),
      )
      .map((file) => path.relative(root, file))
    expect(offenders).toEqual([])
  })

  it('no other package or app depends on them', () => {
    const offenders = projects
      .filter((project) => !allowed.has(project))
      .flatMap((project) => {
        const manifest = JSON.parse(readFileSync(path.join(root, project, 'package.json'), 'utf8'))
        const names = Object.keys({
          ...manifest.dependencies,
          ...manifest.devDependencies,
          ...manifest.peerDependencies,
        })
        return names
          .filter((name) => /^(botbuilder|botkit|botframework-|@microsoft\/teams-ai|openai$)/.test(name))
          .map((name) => `${project}: ${name}`)
      })
    expect(offenders).toEqual([])
  })

  it('the check itself sees an import of a bot library', () => {
    expect(botLibraries.test("import { Application } from '@microsoft/teams-ai'")).toBe(true)
    expect(botLibraries.test("import { Botkit } from 'botkit'")).toBe(true)
    expect(botLibraries.test("import { webChatChannel } from '@aiguillage/web-chat'")).toBe(false)
  })
})
