// `pnpm --filter @aiguillage/api conversations`: records docs/conversations/ again (the reviews are kept).
import { mkdir } from 'node:fs/promises'
import { conversationsDir, recordAll, writeRecording } from './conversations.js'

await mkdir(conversationsDir, { recursive: true })
for (const { script, turns } of await recordAll()) await writeRecording(script, turns)
console.log(`Conversations enregistrées dans ${conversationsDir}`)
