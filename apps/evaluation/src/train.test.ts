import { readFileSync } from 'node:fs'
import { type ClassifierModel, examplesDigest, trainClassifier } from '@aiguillage/orientation/classifier'
import { describe, expect, it } from 'vitest'
import { readSplit } from './corpus.js'
import { calibrationError, formatModel, modelFile, needTurn, trainingExamples } from './train-cli.js'
import type { EvalCase } from './types.js'

const train = readSplit('train')
const committed = readFileSync(modelFile, 'utf8')

describe('training the classifier', () => {
  it('gives the same model, byte for byte, when trained twice', () => {
    // A subset keeps the test fast; the full training (pnpm train) takes several seconds.
    const subset = trainingExamples(train.filter((_, i) => i % 16 === 0))
    const once = formatModel(trainClassifier(subset))
    expect(formatModel(trainClassifier(subset))).toBe(once)
  }, 30_000)

  it('committed model.json comes from the committed corpus, as pnpm train writes it', () => {
    const model = JSON.parse(committed) as ClassifierModel
    const examples = trainingExamples(train)
    expect(model.trainedOn).toEqual({ examples: examples.length, digest: examplesDigest(examples) })
    expect(formatModel(model)).toBe(committed)
  })
})

describe('trainingExamples', () => {
  const aCase = (turns: string[]): EvalCase => ({
    id: 'x-001',
    family: 'x',
    turns,
    expect: { intent: 'trouver_lieu', services: ['Aide aux démarches administratives'], demarche: 'argent' },
  })

  it('labels the need turn of a multi-turn case, and the place turns as asking for nothing', () => {
    const examples = trainingExamples([aCase(['j’habite à Bobigny', 'je dois déclarer mes impôts en ligne'])])
    expect(examples).toEqual([
      {
        text: 'je dois déclarer mes impôts en ligne',
        intent: 'trouver_lieu',
        services: ['Aide aux démarches administratives'],
        demarche: 'argent',
        group: 'x',
      },
      { text: 'j’habite à Bobigny', intent: 'trouver_lieu', services: [], group: 'x' },
    ])
  })

  it('takes the longest turn as the need turn', () => {
    expect(needTurn(aCase(['besoin d’aide pour chercher du travail sur internet', 'Nanterre', 'non, Dunkerque']))).toBe(
      'besoin d’aide pour chercher du travail sur internet',
    )
  })
})

describe('calibrationError', () => {
  it('is 0 when confidence matches accuracy, and the gap otherwise', () => {
    expect(calibrationError([{ probability: 1, correct: true }])).toBe(0)
    expect(calibrationError([{ probability: 0.95, correct: false }])).toBeCloseTo(0.95)
    const half = [true, false].map((correct) => ({ probability: 0.5, correct }))
    expect(calibrationError(half)).toBe(0)
  })
})
