#!/usr/bin/env node
// The `aiguillage` command. Help is printed from the text file alone (a few milliseconds, no TypeScript loader);
// every other command runs the TypeScript entry point through tsx, which imports that command and nothing else.
import { readFileSync } from 'node:fs'

const [command] = process.argv.slice(2)
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(`${readFileSync(new URL('../src/help.txt', import.meta.url), 'utf8')}\n`)
  // Without a command, the help is printed as an error would be: exit 2, as for any unusable input.
  process.exitCode = command === undefined ? 2 : 0
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/main.ts')
}
