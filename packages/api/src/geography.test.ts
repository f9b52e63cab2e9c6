import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decoupageVersion, readCompiledGeography, readDecoupageGeography } from './geography.js'

describe('the official geography written by the build', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aiguillage-geographie-'))
  const write = (name: string, decoupage: string, geography: unknown) => {
    const file = path.join(dir, name)
    writeFileSync(file, JSON.stringify({ decoupage, geography }))
    return file
  }

  it('reads back as the same geography as the files of @etalab/decoupage-administratif', async () => {
    const fromFiles = await readDecoupageGeography()
    const file = write('geographie.json', decoupageVersion(), fromFiles)
    const compiled = await readCompiledGeography(file)
    expect(compiled?.communes.length).toBe(35_014)
    expect(compiled).toEqual(fromFiles)
  })

  it('is ignored when built from another version of the files, or absent', async () => {
    const file = write('ancienne.json', '5.9.0', { communes: [], formerCommunes: [], departements: [], regions: [] })
    expect(await readCompiledGeography(file)).toBeUndefined()
    expect(await readCompiledGeography(path.join(dir, 'absente.json'))).toBeUndefined()
  })
})
