/*
 * `pnpm eval [--split test|dev|train|all] [--kind story] [--perturbed] [--update-baseline] [--tolerance 0.01] [--verbose]`
 * Runs the corpus through the current engine, prints per-field accuracy and per-label precision, recall and F1,
 * writes .reports/eval.json, compares with corpus/baseline.json and exits 1 on a regression beyond the tolerance.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { digest, kindOfFamily, readCasesFile, readSplit } from './corpus.js'
import { splits } from './generate.js'
import { baselineFile, reportFile } from './paths.js'
import { perturbCase } from './perturb.js'
import {
  type Baseline,
  compare,
  defaultTolerance,
  formatChanges,
  formatFields,
  formatLabels,
  metricsOf,
  type RunReport,
} from './report.js'
import { type CaseOutcome, createEngine, runCases } from './run.js'
import { type FieldName, summarise } from './score.js'
import type { EvalCase, Split } from './types.js'

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'test' },
    // A labelled file kept outside the repository (an unpublished set): measured, never recorded as a baseline.
    cases: { type: 'string' },
    perturbed: { type: 'boolean', default: false },
    'update-baseline': { type: 'boolean', default: false },
    tolerance: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    kind: { type: 'string' },
    labels: { type: 'boolean', default: true },
  },
  allowNegative: true,
})

const started = performance.now()
const wanted = values.split === 'all' ? [...splits] : [values.split as Split]
if (!wanted.every((s) => splits.includes(s))) {
  console.error(`eval: --split must be one of ${splits.join(', ')} or all`)
  process.exit(2)
}
// --kind story: only the families of one kind, to work on it (such a run has no baseline).
const cases: EvalCase[] = (values.cases ? readCasesFile(values.cases) : wanted.flatMap((s) => readSplit(s))).filter(
  (c) => !values.kind || kindOfFamily.get(c.family) === values.kind,
)
if ((values.kind || values.cases) && values['update-baseline']) {
  console.error('eval: the baseline keeps whole splits; --kind cannot be recorded')
  process.exit(2)
}
if (cases.length === 0) {
  console.error(`eval: no case of kind ${values.kind ?? '?'} in ${values.split}`)
  process.exit(2)
}
const config = `${values.cases ? `file:${values.cases}` : values.split}${values.kind ? `:${values.kind}` : ''}${values.perturbed ? '+perturbed' : ''}`
const baseline: Baseline = existsSync(baselineFile)
  ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as Baseline)
  : { note: '', tolerance: defaultTolerance, runs: {} }
const tolerance = {
  ...defaultTolerance,
  ...baseline.tolerance,
  ...(values.tolerance ? { aggregate: Number(values.tolerance) } : {}),
}

const engine = await createEngine()
const clean = await runCases(engine, cases)
const perturbedCases = values.perturbed ? cases.map((c) => perturbCase(c)) : []
const perturbed = values.perturbed ? await runCases(engine, perturbedCases) : []

const wrongFields = (o: CaseOutcome) =>
  (Object.entries(o.score.fields) as [FieldName, boolean][])
    .filter(([, ok]) => !ok)
    .map(([name]) => {
      const got = o.reading
      const value =
        name === 'location'
          ? `${got.location?.codeInsee ?? 'none'} (awaiting ${got.awaiting ?? 'nothing'})`
          : JSON.stringify(name === 'services' ? got.services : (got as Record<string, unknown>)[name])
      return `${name}: got ${value}`
    })

const byKind: RunReport['byKind'] = {}
for (const [i, o] of clean.entries()) {
  const kind = kindOfFamily.get(o.case.family) ?? o.case.family
  const k = (byKind[kind] ??= { cases: 0, fullyUnderstoodRate: 0, ...(values.perturbed ? { perturbedRate: 0 } : {}) })
  k.cases++
  if (o.score.full) k.fullyUnderstoodRate++
  if (values.perturbed && perturbed[i]?.score.full) k.perturbedRate = (k.perturbedRate ?? 0) + 1
}
for (const k of Object.values(byKind)) {
  k.fullyUnderstoodRate = Math.round((10000 * k.fullyUnderstoodRate) / k.cases) / 10000
  if (k.perturbedRate !== undefined) k.perturbedRate = Math.round((10000 * k.perturbedRate) / k.cases) / 10000
}

let perturbedRun: RunReport['perturbedRun']
if (values.perturbed) {
  const understoodClean = clean.filter((o) => o.score.full)
  const kept = clean.filter((o, i) => o.score.full && perturbed[i]?.score.full).length
  const byPerturbation: Record<string, { cases: number; fullyUnderstoodRate: number }> = {}
  for (const [i, c] of perturbedCases.entries()) {
    for (const kind of c.perturbations) {
      const b = (byPerturbation[kind] ??= { cases: 0, fullyUnderstoodRate: 0 })
      b.cases++
      if (perturbed[i]?.score.full) b.fullyUnderstoodRate++
    }
  }
  for (const b of Object.values(byPerturbation))
    b.fullyUnderstoodRate = Math.round((10000 * b.fullyUnderstoodRate) / b.cases) / 10000
  perturbedRun = {
    ...summarise(perturbed.map((o) => o.score)),
    retention: understoodClean.length ? Math.round((10000 * kept) / understoodClean.length) / 10000 : 1,
    byPerturbation,
  }
}

const report: RunReport = {
  config,
  split: values.split,
  perturbed: values.perturbed,
  corpusDigest: digest(cases),
  seconds: Math.round((performance.now() - started) / 100) / 10,
  clean: summarise(clean.map((o) => o.score)),
  byKind,
  ...(perturbedRun ? { perturbedRun } : {}),
  failures: [
    ...clean.filter((o) => !o.score.full).map((o) => ({ id: o.case.id, turns: o.case.turns, wrong: wrongFields(o) })),
    ...perturbed
      .filter((o, i) => !o.score.full && clean[i]?.score.full)
      .map((o) => ({ id: o.case.id, turns: o.case.turns, wrong: wrongFields(o), perturbed: true })),
  ],
}

// Print.
console.log(`Aiguillage evaluation: ${cases.length} cases (${config}), corpus ${report.corpusDigest}\n`)
console.log(formatFields(report.clean, perturbedRun))
if (perturbedRun) {
  console.log(`\nperturbed cases still fully understood: ${(100 * perturbedRun.fullyUnderstoodRate).toFixed(1)}%`)
  console.log(
    `of the cases understood when clean, still understood once perturbed: ${(100 * perturbedRun.retention).toFixed(1)}%`,
  )
  for (const [kind, b] of Object.entries(perturbedRun.byPerturbation))
    console.log(
      `  with ${kind.padEnd(8)} ${String(b.cases).padStart(5)} cases  ${(100 * b.fullyUnderstoodRate).toFixed(1)}% fully understood`,
    )
}
if (values.labels) console.log(`\n${formatLabels(report.clean, perturbedRun)}`)
console.log('\nfully understood, by kind of family')
for (const [kind, k] of Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b)))
  console.log(
    `  ${kind.padEnd(16)} ${String(k.cases).padStart(5)}  ${(100 * k.fullyUnderstoodRate).toFixed(1).padStart(5)}%${k.perturbedRate !== undefined ? `  perturbed ${(100 * k.perturbedRate).toFixed(1).padStart(5)}%` : ''}`,
  )
if (values.verbose)
  for (const f of report.failures)
    console.log(`FAIL ${f.id}${f.perturbed ? ' (perturbed)' : ''} ${JSON.stringify(f.turns)} → ${f.wrong.join('; ')}`)

// Report file, then the comparison with the last recorded run and with the baseline.
const previous = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as RunReport) : undefined
mkdirSync(path.dirname(reportFile), { recursive: true })
writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n')
const metrics = metricsOf(report, tolerance.minSupport)
if (previous?.config === config && previous.corpusDigest === report.corpusDigest) {
  const since = compare(
    {
      corpusDigest: previous.corpusDigest,
      cases: previous.clean.cases,
      metrics: metricsOf(previous, tolerance.minSupport),
    },
    metrics,
    { ...tolerance, aggregate: Infinity, label: Infinity },
  )
  console.log(`\nsince the last run of ${config}:`)
  console.log(formatChanges(since, 15).replace('against the baseline', 'since the last run'))
}
let exitCode = 0
if (values['update-baseline']) {
  baseline.note ||=
    'Figures of the current engine, per run configuration (split, +perturbed). Rewrite with `pnpm eval --update-baseline` (and --perturbed) when a change is meant.'
  baseline.tolerance = tolerance
  baseline.runs[config] = { corpusDigest: report.corpusDigest, cases: cases.length, metrics }
  baseline.runs = Object.fromEntries(Object.entries(baseline.runs).sort(([a], [b]) => a.localeCompare(b)))
  writeFileSync(baselineFile, JSON.stringify(baseline, null, 2) + '\n')
  console.log(`\nbaseline for ${config} written to ${path.relative(process.cwd(), baselineFile)}`)
} else {
  const before = baseline.runs[config]
  if (!before) console.log(`\nno baseline for ${config}: record one with --update-baseline`)
  else {
    if (before.corpusDigest !== report.corpusDigest)
      console.log(
        `\nwarning: the baseline was recorded on another corpus (${before.corpusDigest}); figures may not compare`,
      )
    const changes = compare(before, metrics, tolerance)
    console.log(
      `\nagainst the baseline (tolerance ${100 * tolerance.aggregate} pts, ${100 * tolerance.label} pts per label):`,
    )
    console.log(formatChanges(changes))
    const regressions = changes.filter((c) => c.regression)
    if (regressions.length > 0) {
      console.log(`\n${regressions.length} regression(s) beyond tolerance`)
      exitCode = 1
    }
  }
}
console.log(
  `\n${cases.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s; report in ${path.relative(process.cwd(), reportFile)}`,
)
process.exit(exitCode)
