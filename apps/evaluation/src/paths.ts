import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the corpus files live (beside this package's sources) and where reports go (the repository's .reports). */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const corpusDir = path.join(packageDir, 'corpus')
export const repoDir = path.resolve(packageDir, '..', '..')
export const reportFile = path.join(repoDir, '.reports', 'eval.json')
export const baselineFile = path.join(corpusDir, 'baseline.json')
export const corpusFile = (split: string) => path.join(corpusDir, `${split}.jsonl`)
