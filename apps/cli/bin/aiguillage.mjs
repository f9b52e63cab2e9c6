#!/usr/bin/env node
// The `aiguillage` command, compiled: plain Node, one process, no TypeScript loader (`pnpm build` writes dist/).
// From the sources, without a build: `pnpm aiguillage …` (bin/dev.mjs).
try {
  await import('../dist/main.js')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/main.js')) throw error
  process.stderr.write('Erreur : Aiguillage n’est pas compilé. Lancez d’abord « pnpm build » à la racine du dépôt.\n')
  process.exitCode = 2
}
