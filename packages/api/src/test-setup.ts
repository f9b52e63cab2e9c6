// Every unit test file of the API: the demo dataset (35 000 communes, the index) is loaded once before its tests, with
// the time a loaded machine needs, rather than inside whichever test comes first.
import { beforeAll } from 'vitest'
import { demoDataset } from './test-support.js'

beforeAll(async () => {
  await demoDataset()
}, 60_000)
