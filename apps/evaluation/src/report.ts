/*
 * The report of one run, its comparison with the baseline, and the tables printed by `pnpm eval`.
 */
import type { Summary } from './score.js'

export type RunReport = {
  config: string
  split: string
  perturbed: boolean
  corpusDigest: string
  seconds: number
  clean: Summary
  byKind: Record<string, { cases: number; fullyUnderstoodRate: number; perturbedRate?: number }>
  perturbedRun?: Summary & {
    /** Of the cases understood fully when clean, the share still understood fully once perturbed. */
    retention: number
    byPerturbation: Record<string, { cases: number; fullyUnderstoodRate: number }>
  }
  failures: { id: string; turns: string[]; wrong: string[]; perturbed?: boolean }[]
}

/** What the baseline keeps of a run: the figures gated, flat, each a share in [0, 1]. */
export type BaselineEntry = { corpusDigest: string; cases: number; metrics: Record<string, number> }
export type Baseline = { note: string; tolerance: Tolerance; runs: Record<string, BaselineEntry> }
export type Tolerance = { aggregate: number; label: number; minSupport: number }

export const defaultTolerance: Tolerance = { aggregate: 0.01, label: 0.03, minSupport: 20 }

export function metricsOf(report: RunReport, minSupport: number): Record<string, number> {
  const out: Record<string, number> = {}
  const put = (prefix: string, s: Summary) => {
    out[`${prefix}fully-understood`] = s.fullyUnderstoodRate
    for (const [name, f] of Object.entries(s.fields)) out[`${prefix}field.${name}`] = f.accuracy
    for (const [label, l] of Object.entries(s.labels))
      if (l.tp + l.fn >= minSupport) out[`${prefix}label.${label}.f1`] = l.f1
  }
  put('', report.clean)
  if (report.perturbedRun) {
    put('perturbed.', report.perturbedRun)
    out['perturbed.retention'] = report.perturbedRun.retention
  }
  return out
}

export type Change = { metric: string; before: number; after: number; delta: number; regression: boolean }

export function compare(before: BaselineEntry, after: Record<string, number>, tolerance: Tolerance): Change[] {
  const changes: Change[] = []
  const names = new Set([...Object.keys(before.metrics), ...Object.keys(after)])
  for (const metric of [...names].sort()) {
    const b = before.metrics[metric]
    const a = after[metric]
    if (b === undefined || a === undefined) continue
    const delta = a - b
    if (Math.abs(delta) < 1e-9) continue
    const allowed = metric.includes('.label.') || metric.startsWith('label.') ? tolerance.label : tolerance.aggregate
    changes.push({ metric, before: b, after: a, delta, regression: delta < -allowed - 1e-9 })
  }
  return changes
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7)
const num = (x: number, w = 5) => String(x).padStart(w)

export function formatFields(clean: Summary, perturbed?: Summary): string {
  const lines = [`field        judged  accuracy${perturbed ? '  perturbed' : ''}`]
  for (const [name, f] of Object.entries(clean.fields)) {
    const p = perturbed?.fields[name]
    lines.push(`${name.padEnd(12)} ${num(f.judged, 6)}  ${pct(f.accuracy)}${p ? `    ${pct(p.accuracy)}` : ''}`)
  }
  lines.push(
    `${'fully'.padEnd(12)} ${num(clean.cases, 6)}  ${pct(clean.fullyUnderstoodRate)}${perturbed ? `    ${pct(perturbed.fullyUnderstoodRate)}` : ''}`,
  )
  return lines.join('\n')
}

export function formatLabels(clean: Summary, perturbed?: Summary): string {
  const width = Math.max(10, ...Object.keys(clean.labels).map((l) => l.length))
  const head = `${'label'.padEnd(width)}    tp    fp    fn  precision  recall      F1${perturbed ? '  F1 perturbed' : ''}`
  const lines = [head]
  for (const [label, l] of Object.entries(clean.labels)) {
    const p = perturbed?.labels[label]
    lines.push(
      `${label.padEnd(width)} ${num(l.tp)} ${num(l.fp)} ${num(l.fn)}    ${pct(l.precision)} ${pct(l.recall)} ${pct(l.f1)}${p ? `       ${pct(p.f1)}` : ''}`,
    )
  }
  return lines.join('\n')
}

export function formatChanges(changes: readonly Change[], limit = 40): string {
  if (changes.length === 0) return 'no change'
  const sorted = [...changes].sort((a, b) => a.delta - b.delta)
  const shown = sorted.slice(0, limit)
  const width = Math.max(...shown.map((c) => c.metric.length))
  const lines = shown.map(
    (c) =>
      `${c.regression ? 'REGRESSION' : c.delta < 0 ? 'worse     ' : 'better    '} ${c.metric.padEnd(width)} ${pct(c.before)} → ${pct(c.after)} (${c.delta > 0 ? '+' : ''}${(100 * c.delta).toFixed(1)} pts)`,
  )
  if (sorted.length > limit) lines.push(`… and ${sorted.length - limit} more changes (see the JSON report)`)
  return lines.join('\n')
}
