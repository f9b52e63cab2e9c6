/*
 * No library prints what people write. Botkit logs every incoming activity, its text included, through the `debug`
 * package (namespaces `botkit` and `botkit:conversation`): with `DEBUG=*` the raw message, a secret typed by mistake
 * included, went to stderr before the assistant masked it. Imported once, before botkit, by the channel: the botkit
 * namespaces are excluded from whatever `DEBUG` enables, now and on any later `debug.enable(…)`.
 */
import { createRequire } from 'node:module'

/** Namespaces whose messages carry what people write. */
export const silencedNamespaces = ['botkit', 'botkit:*'] as const

type Debug = { enable(namespaces: string): void; disable(): string }

/** The `debug` module botkit itself loads (botkit's own dependency, not one of ours). */
function botkitDebug(): Debug {
  const botkitMain = createRequire(import.meta.url).resolve('botkit')
  return createRequire(botkitMain)('debug') as Debug
}

/** `namespaces` with the silenced ones skipped (`-botkit,-botkit:*`), whatever it enables. */
export function withoutSilenced(namespaces: string): string {
  const kept = namespaces
    .split(/[\s,]+/)
    .filter((ns) => ns !== '' && !silencedNamespaces.some((silenced) => ns === `-${silenced}`))
  return [...kept, ...silencedNamespaces.map((ns) => `-${ns}`)].join(',')
}

function quietBotkit(): void {
  const debug = botkitDebug()
  const enable = debug.enable.bind(debug)
  debug.enable = (namespaces: string) => enable(withoutSilenced(namespaces ?? ''))
  const current = debug.disable() // calls `enable('')`, already without the silenced namespaces
  if (current !== '') debug.enable(current)
}

quietBotkit()
