#!/usr/bin/env node
// `pnpm aiguillage …` and the tests: the command run from its TypeScript sources, without a build (tsx compiles each
// module as it is imported). Production runs the compiled `aiguillage` (bin/aiguillage.mjs → dist/main.js) instead.
import { register } from 'node:module'
import { register as registerTsx } from 'tsx/esm/api'

registerTsx()
// Registered last, so it runs first: it adds the condition, then tsx and Node resolve as usual.
register('./source-hooks.mjs', import.meta.url)
await import('../src/main.ts')
