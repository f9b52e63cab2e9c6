/*
 * Scoring what the engine understood against the labels. Two views:
 * - per field: the share of cases where the field is exactly right (services as a set: an extra service is wrong);
 * - per label (an intent, a service, a démarche, a constraint value, "a commune"): true positives, false positives,
 *   false negatives, then precision, recall and F1.
 * Information questions are judged on intent and topic only (naming a programme may rightly set a constraint).
 * "Do it for me" means the lieux that can act under a mandate: the programmes of `doneForThemProgrammes` are part
 * of that understanding (the search is restricted to them), so they are expected unless the person named one.
 * A case is fully understood when every field judged is right.
 */
import { doneForThemProgrammes } from '@aiguillage/orientation'
import type { Expect } from './types.js'

/** What the engine says it understood (the contract's `understanding`, loosely typed). */
export type Reading = {
  intent?: string
  topic?: string
  services?: string[]
  demarche?: string
  location?: { codeInsee?: string }
  constraints?: Record<string, unknown>
  awaiting?: string
}

export const fieldNames = ['intent', 'topic', 'services', 'demarche', 'location', 'constraints', 'awaiting'] as const
export type FieldName = (typeof fieldNames)[number]

export type CaseScore = {
  fields: Partial<Record<FieldName, boolean>>
  full: boolean
  /** label → [tp, fp, fn] for this case. */
  labels: Record<string, [number, number, number]>
}

export function constraintLabels(constraints: Record<string, unknown> | undefined): string[] {
  const out: string[] = []
  for (const [key, value] of Object.entries(constraints ?? {})) {
    const list: unknown[] = Array.isArray(value) ? value : value === undefined || value === false ? [] : [value]
    for (const v of list) out.push(`${key}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
  }
  return out.sort()
}

function compareSets(prefix: string, want: readonly string[], got: readonly string[], labels: CaseScore['labels']) {
  for (const w of want) add(labels, `${prefix}${w}`, got.includes(w) ? [1, 0, 0] : [0, 0, 1])
  for (const g of got) if (!want.includes(g)) add(labels, `${prefix}${g}`, [0, 1, 0])
  return want.length === got.length && want.every((w) => got.includes(w))
}

function add(labels: CaseScore['labels'], label: string, [tp, fp, fn]: [number, number, number]) {
  const t = (labels[label] ??= [0, 0, 0])
  t[0] += tp
  t[1] += fp
  t[2] += fn
}

export function scoreCase(e: Expect, r: Reading): CaseScore {
  const labels: CaseScore['labels'] = {}
  const fields: CaseScore['fields'] = {}
  fields.intent = compareSets('intent=', [e.intent], r.intent ? [r.intent] : [], labels)
  if (e.intent === 'information') {
    fields.topic = compareSets('topic=', e.topic ? [e.topic] : [], r.topic ? [r.topic] : [], labels)
  } else {
    fields.services = compareSets('service=', e.services ?? [], r.services ?? [], labels)
    fields.demarche = compareSets('demarche=', e.demarche ? [e.demarche] : [], r.demarche ? [r.demarche] : [], labels)
    const expected =
      e.intent === 'faire_a_ma_place' && !e.constraints?.dispositif_programmes_nationaux
        ? { ...e.constraints, dispositif_programmes_nationaux: [...doneForThemProgrammes] }
        : e.constraints
    fields.constraints = compareSets('constraint.', constraintLabels(expected), constraintLabels(r.constraints), labels)
    fields.location = scoreLocation(e, r, labels)
    if (e.awaiting) fields.awaiting = compareSets('awaiting=', [e.awaiting], r.awaiting ? [r.awaiting] : [], labels)
  }
  return { fields, full: Object.values(fields).every(Boolean), labels }
}

/** "commune" as one label: found (tp), a commune where none or another was meant (fp), a commune missed (fn). */
function scoreLocation(e: Expect, r: Reading, labels: CaseScore['labels']): boolean {
  const want = e.codeInsee_any ?? (e.codeInsee ? [e.codeInsee] : [])
  const got = r.location?.codeInsee
  const asked = e.clarify_ok === true && (r.awaiting === 'commune_choice' || r.awaiting === 'location')
  if (want.length === 0) {
    if (got) add(labels, 'commune', [0, 1, 0])
    return !got
  }
  if (got && want.includes(got)) {
    add(labels, 'commune', [1, 0, 0])
    return true
  }
  if (asked) {
    add(labels, 'commune', [1, 0, 0])
    return true
  }
  add(labels, 'commune', [0, got ? 1 : 0, 1])
  return false
}

export type LabelStats = { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export type FieldStats = { judged: number; correct: number; accuracy: number }
export type Summary = {
  cases: number
  fullyUnderstood: number
  fullyUnderstoodRate: number
  fields: Record<string, FieldStats>
  labels: Record<string, LabelStats>
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b)
const round = (x: number) => Math.round(x * 10000) / 10000

export function summarise(scores: readonly CaseScore[]): Summary {
  const fields: Record<string, FieldStats> = {}
  const totals: Record<string, [number, number, number]> = {}
  for (const s of scores) {
    for (const [name, ok] of Object.entries(s.fields)) {
      const f = (fields[name] ??= { judged: 0, correct: 0, accuracy: 0 })
      f.judged++
      if (ok) f.correct++
    }
    for (const [label, t] of Object.entries(s.labels)) add(totals, label, t)
  }
  for (const f of Object.values(fields)) f.accuracy = round(ratio(f.correct, f.judged))
  const labels: Record<string, LabelStats> = {}
  for (const [label, [tp, fp, fn]] of Object.entries(totals).sort(([a], [b]) => a.localeCompare(b))) {
    const precision = ratio(tp, tp + fp)
    const recall = ratio(tp, tp + fn)
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    labels[label] = { tp, fp, fn, precision: round(precision), recall: round(recall), f1: round(f1) }
  }
  const full = scores.filter((s) => s.full).length
  return {
    cases: scores.length,
    fullyUnderstood: full,
    fullyUnderstoodRate: round(ratio(full, scores.length)),
    fields: Object.fromEntries(fieldNames.filter((n) => fields[n]).map((n) => [n, fields[n] as FieldStats])),
    labels,
  }
}
