// pnpm bench: k = 10 nearest lieux with one service filter, at national scale (the real lieux replicated and jittered
// to 20 000 and 200 000), p50 and p99, against a brute-force scan measured in the same run; then the build time and
// memory of the index (20 000 lieux) with the 35 000 communes.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { vocabularies } from '@aiguillage/lieux'
import { createLieuxIndex, matchesFilters, scanNearest } from '../src/index.js'
import { hasSharedData, percentile, queryPoints, realLieux, replicate } from './fixtures.js'

if (!hasSharedData) {
  console.log('Benchmark skipped: ../shared/data is absent.')
  process.exit(0)
}

const services = vocabularies.services.slice(0, 4) // the services present in the real data
const now = new Date() // a benchmark is its own start-up: the one place it reads the clock
const real = realLieux()
const micro = (ms: number) => Math.round(ms * 1000 * 10) / 10

function measure(size: number, indexQueries: number, scanQueries: number) {
  const lieux = replicate(real, size)
  const index = createLieuxIndex(lieux)
  const points = queryPoints(Math.max(indexQueries, scanQueries))
  const filtersOf = (i: number) => ({ services: [services[i % services.length] as string] })
  for (let i = 0; i < 200; i++)
    index.search({ near: points[i % points.length] as (typeof points)[number], filters: filtersOf(i), now }) // warm-up
  const indexTimes: number[] = []
  const withOpeningTimes: number[] = []
  for (let i = 0; i < indexQueries; i++) {
    const near = points[i] as (typeof points)[number]
    let start = performance.now()
    const response = index.search({ near, filters: filtersOf(i), limit: 10, now })
    indexTimes.push(performance.now() - start)
    start = performance.now()
    for (const result of index.search({ near, filters: filtersOf(i), limit: 10, now }).results)
      void result.opening.state
    withOpeningTimes.push(performance.now() - start)
    if (response.results.length > 10) throw new Error('limit')
  }
  const scanTimes: number[] = []
  for (let i = 0; i < scanQueries; i++) {
    const filters = filtersOf(i)
    const start = performance.now()
    scanNearest(lieux, points[i] as (typeof points)[number], {
      limit: 10,
      radiusKm: 50,
      accept: (lieu) => matchesFilters(lieu, filters),
    })
    scanTimes.push(performance.now() - start)
  }
  const result = {
    lieux: size,
    indexP50Us: micro(percentile(indexTimes, 50)),
    indexP99Us: micro(percentile(indexTimes, 99)),
    withOpeningP50Us: micro(percentile(withOpeningTimes, 50)),
    scanP50Us: micro(percentile(scanTimes, 50)),
    scanP99Us: micro(percentile(scanTimes, 99)),
    speedup: Math.round(percentile(scanTimes, 50) / percentile(indexTimes, 50)),
  }
  console.log(
    `${size.toLocaleString('fr-FR')} lieux — index : p50 ${result.indexP50Us} µs, p99 ${result.indexP99Us} µs ` +
      `(avec l'état d'ouverture des 10 résultats : p50 ${result.withOpeningP50Us} µs) ; parcours complet : p50 ${result.scanP50Us} µs, ` +
      `p99 ${result.scanP99Us} µs → ${result.speedup}× plus rapide`,
  )
  return result
}

const small = measure(20_000, 5000, 300)
const large = measure(200_000, 5000, 100)

const child = spawnSync(
  process.execPath,
  [
    '--expose-gc',
    '--conditions=@aiguillage/source',
    '--import',
    'tsx',
    path.join(import.meta.dirname, 'build-memory.ts'),
  ],
  { encoding: 'utf8' },
)
const build = JSON.parse(child.stdout || '{}')
console.log(
  `Construction : ${build.lieux} lieux indexés + ${build.communes} communes en ${build.buildMs} ms ; mémoire du processus ${build.rssMb} Mo (dont ${build.addedRssMb} Mo pour les index).`,
)
console.log(
  'Objectifs : p50 < 50 µs à 20 000 lieux ; ≥ 50× le parcours complet à 200 000 ; construction < 2 s et < 300 Mo.',
)
const reportDir = path.resolve(import.meta.dirname, '../../../.reports')
mkdirSync(reportDir, { recursive: true })
writeFileSync(
  path.join(reportDir, 'bench-recherche.json'),
  `${JSON.stringify({ date: new Date().toISOString(), small, large, build }, null, 2)}\n`,
)
