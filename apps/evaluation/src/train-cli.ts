/*
 * `pnpm --filter @aiguillage/evaluation train`
 * Trains the statistical classifier of @aiguillage/orientation on corpus/train.jsonl, writes its model.json, and
 * prints per-head accuracy, services macro-F1 and calibration error on dev, then once on test (printed only: nothing
 * is tuned on test).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  type Classifier,
  type ClassifierModel,
  type Head,
  loadClassifier,
  noneLabel,
  trainClassifier,
  type TrainingExample,
} from '@aiguillage/orientation/classifier'
import { readSplit } from './corpus.js'
import { repoDir } from './paths.js'
import type { EvalCase } from './types.js'

export const modelFile = path.join(repoDir, 'packages', 'orientation', 'src', 'understanding', 'model.json')

/**
 * The turn of a case that carries its need: the longest. The others only name or correct the place (« Nanterre »,
 * « non, Dunkerque », « j'habite à Bobigny » before the need), in every multi-turn family of the corpus.
 */
export function needTurn(c: EvalCase): string {
  return c.turns.reduce((longest, turn) => (turn.length > longest.length ? turn : longest), '')
}

/**
 * The training examples of the cases, each message on its own as the engine reads it. A single-turn case is one
 * example with its labels. A multi-turn case gives its need turn with the case's labels, and each other turn as a
 * message that continues the search (`trouver_lieu`) with no service, démarche or topic: without them, nothing in
 * the corpus says that « j'habite à Lyon » alone asks for no service.
 */
export function trainingExamples(cases: readonly EvalCase[]): TrainingExample[] {
  return cases.flatMap((c) => {
    const example = needExample(c)
    const context = c.turns.filter((turn) => turn !== example.text)
    return [example, ...context.map((text) => ({ text, intent: 'trouver_lieu', services: [], group: c.family }))]
  })
}

/** A case's need turn with the case's labels: what is scored. */
export function needExample(c: EvalCase): TrainingExample {
  return {
    text: needTurn(c),
    intent: c.expect.intent,
    services: c.expect.services ?? [],
    ...(c.expect.demarche ? { demarche: c.expect.demarche } : {}),
    ...(c.expect.topic ? { topic: c.expect.topic } : {}),
    group: c.family,
  }
}

/** The model as JSON, one key per line and every leaf array on one line: stable, and small enough to diff. */
export function formatModel(model: ClassifierModel): string {
  const format = (value: unknown, indent: string): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value)
    const inner = `${indent}  `
    if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value)
      return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`
    }
    const entries = Object.entries(value as Record<string, unknown>)
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`
  }
  return `${format(model, '')}\n`
}

/** Expected calibration error: |confidence − accuracy| over 10 equal-width bins, weighted by their size. */
export function calibrationError(points: readonly { probability: number; correct: boolean }[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }))
  for (const { probability, correct } of points) {
    const bin = bins[Math.min(9, Math.floor(probability * 10))] as (typeof bins)[number]
    bin.n++
    bin.confidence += probability
    bin.correct += correct ? 1 : 0
  }
  return bins.reduce((sum, b) => sum + Math.abs(b.confidence - b.correct), 0) / Math.max(points.length, 1)
}

export type HeadScore = { head: Head; accuracy: number; calibrationError: number; macroF1?: number; cases: number }

/**
 * Scores the classifier on cases: accuracy of the top label for intent, demarche and topic; for services, the share
 * of cases whose set (probability ≥ 0.5) is exact and the macro-F1 over the services. A question on a programme
 * (`information`) is judged on intent and topic only, as in `pnpm eval`.
 */
export function scoreClassifier(classifier: Classifier, cases: readonly EvalCase[]): HeadScore[] {
  const examples = cases.map(needExample)
  const multiclass = (head: 'intent' | 'demarche' | 'topic', rows: readonly TrainingExample[]): HeadScore => {
    const points = rows.map((e) => {
      const [top] = classifier.predict(head, e.text)
      const expected = head === 'intent' ? e.intent : (e[head] ?? noneLabel)
      return { probability: top?.probability ?? 0, correct: top?.label === expected }
    })
    return {
      head,
      accuracy: points.filter((p) => p.correct).length / Math.max(points.length, 1),
      calibrationError: calibrationError(points),
      cases: rows.length,
    }
  }
  const needs = examples.filter((e) => e.intent !== 'information')
  const counts = new Map<string, { tp: number; fp: number; fn: number }>()
  const points: { probability: number; correct: boolean }[] = []
  let exact = 0
  for (const e of needs) {
    const predicted = classifier.predict('service', e.text)
    let same = true
    for (const { label, probability } of predicted) {
      const expected = e.services.includes(label)
      const chosen = probability >= 0.5
      const count = counts.get(label) ?? { tp: 0, fp: 0, fn: 0 }
      if (chosen && expected) count.tp++
      else if (chosen) count.fp++
      else if (expected) count.fn++
      counts.set(label, count)
      if (chosen !== expected) same = false
      points.push({ probability, correct: expected })
    }
    if (same) exact++
  }
  const f1s = [...counts.values()].map(({ tp, fp, fn }) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)))
  return [
    multiclass('intent', examples),
    {
      head: 'service',
      accuracy: exact / Math.max(needs.length, 1),
      // Each service's probability against how often that service is right at that probability.
      calibrationError: calibrationError(points),
      macroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(f1s.length, 1),
      cases: needs.length,
    },
    multiclass('demarche', needs),
    multiclass('topic', examples),
  ]
}

const percent = (v: number) => `${(v * 100).toFixed(1)} %`

export function formatScores(split: string, scores: readonly HeadScore[]): string {
  return scores
    .map(
      (s) =>
        `${split.padEnd(5)} ${s.head.padEnd(9)} justesse ${percent(s.accuracy).padStart(7)}` +
        (s.macroF1 === undefined ? '' : ` (ensemble exact), F1 macro ${percent(s.macroF1)}`) +
        `, ECE ${s.calibrationError.toFixed(3)} (${s.cases} cas)`,
    )
    .join('\n')
}

function main() {
  const examples = trainingExamples(readSplit('train'))
  const started = performance.now()
  const model = trainClassifier(examples)
  const trainingMs = performance.now() - started
  const json = formatModel(model)
  writeFileSync(modelFile, json)
  const weights = model.features.vocabulary.length * Object.values(model.heads).reduce((n, h) => n + h.labels.length, 0)
  console.log(
    `Entraîné sur ${examples.length} exemples en ${(trainingMs / 1000).toFixed(1)} s : ` +
      `${model.features.vocabulary.length} traits, ${weights} poids, ` +
      `${Buffer.byteLength(json)} octets → ${path.relative(repoDir, modelFile)}`,
  )
  console.log(
    'Températures : ' +
      Object.entries(model.heads)
        .map(([h, m]) => `${h} ${m.temperature}`)
        .join(', '),
  )
  const classifier = loadClassifier(JSON.parse(json) as ClassifierModel)
  console.log(formatScores('dev', scoreClassifier(classifier, readSplit('dev'))))
  // Printed once, for the report; never used to choose anything.
  console.log(formatScores('test', scoreClassifier(classifier, readSplit('test'))))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
