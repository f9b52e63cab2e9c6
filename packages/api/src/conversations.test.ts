import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { conversationsDir, recordAll, renderTranscript, scripts, transcriptOf } from './conversations.js'

// docs/conversations/ shows what the assistant says: a recording that no longer matches the engine is out of date
// (record again with `pnpm --filter @aiguillage/api conversations`, then read the reviews again).
describe('docs/conversations', () => {
  it('holds thirty conversations, each recorded as the engine answers today and reviewed', async () => {
    expect(scripts.length).toBeGreaterThanOrEqual(30)
    const stale: string[] = []
    for (const { script, turns } of await recordAll()) {
      const file = await readFile(path.join(conversationsDir, `${script.id}.md`), 'utf8').catch(() => '')
      if (transcriptOf(file) !== renderTranscript(script, turns).trimEnd()) stale.push(script.id)
      expect(file, script.id).toMatch(/## Relecture/)
      expect(file, `${script.id} n’est pas relue`).not.toMatch(/À relire\./)
    }
    expect(stale).toEqual([])
  }, 30_000) // thirty conversations of several turns each
})
