import { describe, expect, it } from 'vitest'
import { sourceLines } from './sync-command.js'

const source = { origin: '/dossier/x', total: 0, kept: 0 }

describe('sourceLines', () => {
  it('says in French how many lieux each file gave, then the duplicates', () => {
    const lines = sourceLines({
      sources: [
        { ...source, file: 'lieux-a.csv', accepted: 2845, rejected: 3 },
        { ...source, file: 'lieux-b.json', accepted: 1, rejected: 0 },
      ],
      duplicates: 12,
    })
    expect(lines.map((line) => line.replace(/\s/g, ' '))).toEqual([
      'lieux-a.csv : 2 845 lieux acceptés, 3 refusés',
      'lieux-b.json : 1 lieu accepté, 0 refusé',
      '12 lieux présents dans plusieurs fichiers : la version la plus récente (date_maj) est gardée, celle du dernier fichier à date égale.',
    ])
  })

  it('says nothing of duplicates when there are none', () => {
    expect(
      sourceLines({ sources: [{ ...source, file: 'lieux.csv', accepted: 5, rejected: 0 }], duplicates: 0 }),
    ).toHaveLength(1)
  })
})
