import { createRequire } from 'node:module'
import { afterAll, describe, expect, it } from 'vitest'
import { silencedNamespaces, withoutSilenced } from './quiet-libraries.js'

type Debug = ((namespace: string) => { enabled: boolean }) & { enable(ns: string): void; disable(): string }
const require = createRequire(import.meta.url)
const debug = createRequire(require.resolve('botkit'))('debug') as Debug

describe('botkit prints nothing, whatever DEBUG enables', () => {
  afterAll(() => {
    debug.disable()
  })

  it('skips the botkit namespaces in any list of namespaces', () => {
    expect(silencedNamespaces).toEqual(['botkit', 'botkit:*'])
    expect(withoutSilenced('*')).toBe('*,-botkit,-botkit:*')
    expect(withoutSilenced('botkit, express:*')).toBe('botkit,express:*,-botkit,-botkit:*')
    expect(withoutSilenced('*,-botkit')).toBe('*,-botkit,-botkit:*')
    expect(withoutSilenced('')).toBe('-botkit,-botkit:*')
  })

  it('a later debug.enable("*") leaves botkit off and the other namespaces on', () => {
    debug.enable('*')
    expect(debug('botkit').enabled).toBe(false)
    expect(debug('botkit:conversation').enabled).toBe(false)
    expect(debug('express:router').enabled).toBe(true)
    debug.enable('botkit')
    expect(debug('botkit').enabled).toBe(false)
  })
})
