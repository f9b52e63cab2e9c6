// pnpm bench (in packages/lieux or at the root): parse + validate throughput on real data, of the compiled package
// (dist/, what `aiguillage validate` and the server run; the script builds it first), not of the TypeScript sources.
// - the 2 845 France Services of ../shared/data (a real national file),
// - a 100 000-row file built from them (ids made unique, coordinates jittered),
// each as the median of several runs, in rows/second, against a bare `split` of the same text measured in the
// same run (the floor of any CSV reader), with the peak memory of the process.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { readLieux, toCsv } from '@aiguillage/lieux'

const sharedData = process.env.AIGUILLAGE_SHARED_DATA ?? path.resolve(import.meta.dirname, '../../../../shared/data')
const source = path.join(
  sharedData,
  'lieux-france-services-2024/france-services-2024-08-01.lieux-mediation-numerique-v1.csv',
)
if (!existsSync(source)) {
  console.log(`Benchmark skipped: ${source} is absent (the real data lives in ../shared/data).`)
  process.exit(0)
}

const now = new Date()
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
let peakRss = process.memoryUsage.rss()
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
}
// process.memoryUsage.rss() only reads the RSS (memoryUsage() also walks the heap spaces, which would weigh on the runs).
const timer = setInterval(sampleMemory, 5)

/** The floor: cutting the text into lines and cells, no quotes, no checks. Returns its duration. */
function bareSplit(text: string): number {
  const start = performance.now()
  const lines = text.split('\n').map((line) => line.split(','))
  if (lines.length === 0) throw new Error('empty')
  return performance.now() - start
}

/** One parse + validate; its duration. */
function parseOnce(label: string, text: string): { ms: number; rows: number } {
  const start = performance.now()
  const result = readLieux(text, { fileName: 'bench.csv', now })
  const ms = performance.now() - start
  sampleMemory()
  if (!result.ok || result.report.rejected.length > 0) throw new Error(`${label}: unexpected rejection`)
  return { ms, rows: result.report.total }
}

/** The heap the report of one reading occupies, measured apart (a forced GC before a timed run would time a cold heap). */
function reportHeapMb(text: string): number {
  globalThis.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const result = readLieux(text, { fileName: 'bench.csv', now })
  globalThis.gc?.()
  const retained = process.memoryUsage().heapUsed - heapBefore
  if (!result.ok) throw new Error('unreadable')
  return Math.round(retained / 1e6)
}

/*
 * Throughput: the median of runs one after the other, as a server reloading its data or a tool checking files in a
 * row would see them (no forced GC in between). The first run (cold code and heap, as a one-off `aiguillage validate`)
 * is reported apart.
 */
function measure(label: string, text: string, runs: number) {
  const parse: number[] = []
  const split: number[] = []
  let rows = 0
  // The baseline's runs first, then the garbage they leave is collected (outside any timing): the split of a large
  // file leaves millions of strings, which a parse run right after it would pay to collect.
  for (let i = 0; i < runs; i++) split.push(bareSplit(text))
  globalThis.gc?.()
  for (let i = 0; i < runs; i++) {
    const run = parseOnce(label, text)
    parse.push(run.ms)
    rows = run.rows
  }
  const retainedMb = reportHeapMb(text)
  const ms = median(parse)
  const result = {
    label,
    rows,
    runs,
    firstRunMs: Math.round(parse[0] as number),
    firstRunRowsPerSecond: Math.round((rows / (parse[0] as number)) * 1000),
    medianMs: Math.round(ms),
    rowsPerSecond: Math.round((rows / ms) * 1000),
    bareSplitMedianMs: Math.round(median(split) * 10) / 10,
    ratioToBareSplit: Math.round((ms / median(split)) * 10) / 10,
    reportHeapMb: retainedMb,
  }
  console.log(
    `${label}: ${rows} lignes, médiane ${result.medianMs} ms sur ${runs} passes → ${result.rowsPerSecond.toLocaleString('fr-FR')} lignes/s ` +
      `(1re passe : ${result.firstRunMs} ms, ${result.firstRunRowsPerSecond.toLocaleString('fr-FR')} lignes/s) ; ` +
      `${result.ratioToBareSplit}× le temps d'un simple split (${result.bareSplitMedianMs} ms) ; le rapport occupe ${retainedMb} Mo de tas`,
  )
  return result
}

const text = readFileSync(source, 'utf8')
const small = measure('France Services (2 845 lignes réelles)', text, 25)

// 100 000 rows from the real ones: unique ids, coordinates moved by up to ~1 km, everything else as published.
// Built in a function so that the bench does not keep 100 000 objects alive while it measures.
function buildLargeFile(): string {
  const parsed = readLieux(text, { fileName: 'fs.csv', now })
  if (!parsed.ok) throw new Error('unreadable source')
  const base = parsed.report.accepted.map((row) => row.lieu)
  return toCsv(
    Array.from({ length: 100_000 }, (_, i) => {
      const lieu = base[i % base.length] as (typeof base)[number]
      const jitter = ((i * 7919) % 1000) / 100_000
      return {
        ...lieu,
        id: `${lieu.id}-${i}`,
        ...(lieu.latitude === undefined ? {} : { latitude: Math.round((lieu.latitude + jitter) * 1e6) / 1e6 }),
        ...(lieu.longitude === undefined ? {} : { longitude: Math.round((lieu.longitude - jitter) * 1e6) / 1e6 }),
      }
    }),
  )
}
const bigText = buildLargeFile()
const large = measure(`Fichier construit (100 000 lignes, ${Math.round(bigText.length / 1e6)} Mo)`, bigText, 7)

clearInterval(timer)
const peakMb = Math.round(peakRss / 1e6)
console.log(`Mémoire maximale du processus (RSS) : ${peakMb} Mo. Objectif : ≥ 50 000 lignes/s.`)
const reportDir = path.resolve(import.meta.dirname, '../../../.reports')
mkdirSync(reportDir, { recursive: true })
writeFileSync(
  path.join(reportDir, 'bench-lieux.json'),
  `${JSON.stringify({ date: now.toISOString(), small, large, peakRssMb: peakMb }, null, 2)}\n`,
)
