import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testBot } from './test-support.js'

const dir = path.join(import.meta.dirname, '../appPackage')
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const bytes = readFileSync(path.join(dir, file))
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('the Teams app package', () => {
  it('has the icons Teams requires: 192 × 192 in colour, 32 × 32 outline', () => {
    expect(pngSize(manifest.icons.color)).toEqual([192, 192])
    expect(pngSize(manifest.icons.outline)).toEqual([32, 32])
  })

  it('leaves the tenant’s values as placeholders, never real ids', () => {
    const text = JSON.stringify(manifest)
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}')
    expect(manifest.bots[0].botId).toBe('${{BOT_ID}}')
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)
  })

  it('declares the commands and the search command the bot really answers', async () => {
    const { send } = await testBot()
    for (const command of manifest.bots[0].commandLists[0].commands)
      expect((await send(command.title)).length).toBeGreaterThan(0)
    const search = manifest.composeExtensions[0].commands[0]
    const [response] = await send({
      type: 'invoke',
      name: 'composeExtension/query',
      value: {
        commandId: search.id,
        parameters: [{ name: search.parameters[0].name, value: 'Guéret démarches' }],
        queryOptions: { count: 5, skip: 0 },
      },
    })
    const value = response?.value as { body: { composeExtension: { attachments: unknown[] } } }
    expect(value.body.composeExtension.attachments.length).toBeGreaterThan(0)
  })
})
