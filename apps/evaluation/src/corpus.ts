import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { families, type Kind } from './families.js'
import { corpusFile } from './paths.js'
import type { EvalCase, Split } from './types.js'

/** Reads the committed corpus files (not regenerated: the files are the data under measurement). */
export function readSplit(split: Split): EvalCase[] {
  return readCasesFile(corpusFile(split))
}

/** Reads labelled cases, one JSON object a line, in the corpus's shape. */
export function readCasesFile(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase)
}

export const kindOfFamily: ReadonlyMap<string, Kind> = new Map(families.map((f) => [f.id, f.kind]))

/** A short fingerprint of the cases, to tell when a baseline was recorded on another corpus. */
export function digest(cases: readonly EvalCase[]): string {
  const h = createHash('sha256')
  for (const c of cases) h.update(JSON.stringify([c.id, c.turns, c.expect]))
  return h.digest('hex').slice(0, 12)
}
