// `pnpm --filter @aiguillage/evaluation generate`: rewrites corpus/{train,dev,test}.jsonl from the families.
import { writeFileSync } from 'node:fs'
import { buildCorpus, splits, toJsonl } from './generate.js'
import { corpusFile } from './paths.js'

const corpus = buildCorpus()
for (const split of splits) {
  writeFileSync(corpusFile(split), toJsonl(corpus[split]))
  const families = new Set(corpus[split].map((c) => c.family)).size
  console.log(`${split.padEnd(5)} ${String(corpus[split].length).padStart(5)} cases, ${families} families`)
}
