import { describe, expect, it } from 'vitest'
import {
  type ClassifierModel,
  featuresOf,
  featureText,
  fromBase64,
  heads,
  loadClassifier,
  probeText,
  toBase64,
  trainClassifier,
} from './classifier.js'
import model from './model.json' with { type: 'json' }

const classifier = loadClassifier(model as ClassifierModel)
const top = (head: Parameters<typeof classifier.predict>[0], text: string) => classifier.predict(head, text)[0]
const probabilityOf = (head: Parameters<typeof classifier.predict>[0], text: string, label: string) =>
  classifier.predict(head, text).find((p) => p.label === label)?.probability ?? 0

describe('the committed classifier', () => {
  it('finds safe use of digital tools in an English question on scams', () => {
    expect(
      probabilityOf('service', 'Can someone help me avoid online scams?', 'Utilisation sécurisée du numérique'),
    ).toBeGreaterThan(0.5)
  })

  it('reads thanks and greetings', () => {
    expect(top('intent', 'merci beaucoup')?.label).toBe('remerciement')
    expect(top('intent', 'bonjour')?.label).toBe('salutation')
  })

  it('reads a question on a programme', () => {
    expect(top('intent', 'c’est quoi france services ?')?.label).toBe('information')
    expect(top('topic', 'c’est quoi france services ?')?.label).toBe('france_services')
  })

  it('reads someone who wants it done for them', () => {
    expect(top('intent', 'pouvez vous faire ma carte grise a ma place')?.label).toBe('faire_a_ma_place')
  })

  it.each(['déclaration d’impôts', 'declaraton d impots', 'jdoi fer ma declaraton dimpot', 'DECLARATION IMPOTS'])(
    'puts « %s » in the domain argent, with administrative help',
    (text) => {
      expect(top('demarche', text)?.label).toBe('argent')
      expect(top('service', text)?.label).toBe('Aide aux démarches administratives')
    },
  )

  it('finds no service and no domain in a message that only names a place', () => {
    for (const text of ['j’habite à Lyon', 'Nanterre']) {
      expect(top('service', text)?.probability).toBeLessThan(0.5)
      expect(top('demarche', text)?.label).toBe('none')
    }
  })

  it.each(['intent', 'demarche', 'topic'] as const)(
    'gives %s probabilities that sum to 1, most probable first',
    (head) => {
      for (const text of ['bonjour', 'je dois refaire ma carte grise à Lyon', '', 'zzz qwx']) {
        const predictions = classifier.predict(head, text)
        expect(predictions.reduce((sum, p) => sum + p.probability, 0)).toBeCloseTo(1, 9)
        expect(predictions.map((p) => p.probability)).toEqual(
          predictions.map((p) => p.probability).sort((a, b) => b - a),
        )
      }
    },
  )

  it('gives every service its own probability', () => {
    const predictions = classifier.predict('service', 'je cherche un ordinateur pas cher et apprendre à m’en servir')
    expect(predictions).toHaveLength(model.heads.service.labels.length)
    for (const p of predictions) expect(p.probability).toBeGreaterThanOrEqual(0)
    for (const p of predictions) expect(p.probability).toBeLessThanOrEqual(1)
  })

  it('has a none class for demarche and topic', () => {
    expect(model.heads.demarche.labels).toContain('none')
    expect(model.heads.topic.labels).toContain('none')
  })

  it('answers the same to the same text, whatever was asked before', () => {
    const first = heads.map((h) => classifier.predict(h, 'besoin d’aide pour ma retraite'))
    classifier.predict('intent', 'merci')
    const again = loadClassifier(model as ClassifierModel)
    expect(heads.map((h) => classifier.predict(h, 'besoin d’aide pour ma retraite'))).toEqual(first)
    expect(heads.map((h) => again.predict(h, 'besoin d’aide pour ma retraite'))).toEqual(first)
  })
})

describe('model.json', () => {
  it('was trained with the current featureText (after changing it: pnpm --filter @aiguillage/evaluation train)', () => {
    expect(model.features.probe).toBe(featureText(probeText))
  })
})

describe('featuresOf', () => {
  it('gives char n-grams inside word boundaries, words and word pairs of the folded text', () => {
    const features = featuresOf('Déclaration')
    expect(features).toContain(' de')
    expect(features).toContain('ion ')
    expect(features).toContain('_declaration')
    expect(features).toContain('_^_declaration')
    expect(features).not.toContain('n d')
  })
})

describe('base64', () => {
  it('round-trips bytes of every length', () => {
    for (let length = 0; length < 8; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 200) % 256)
      expect(fromBase64(toBase64(bytes))).toEqual(bytes)
    }
  })
})

describe('trainClassifier', () => {
  const examples = [
    { text: 'bonjour', intent: 'salutation', services: [] },
    { text: 'bonjour à vous', intent: 'salutation', services: [] },
    { text: 'merci beaucoup', intent: 'remerciement', services: [] },
    { text: 'merci bien', intent: 'remerciement', services: [] },
    {
      text: 'ma déclaration d’impôts',
      intent: 'trouver_lieu',
      services: ['Aide aux démarches administratives'],
      demarche: 'argent',
    },
    {
      text: 'faire ma déclaration',
      intent: 'trouver_lieu',
      services: ['Aide aux démarches administratives'],
      demarche: 'argent',
    },
  ]

  it('learns a small set and is deterministic', () => {
    const a = trainClassifier(examples, { folds: 1, epochs: 20 })
    expect(JSON.stringify(trainClassifier(examples, { folds: 1, epochs: 20 }))).toBe(JSON.stringify(a))
    const trained = loadClassifier(a)
    expect(trained.predict('intent', 'merci')[0]?.label).toBe('remerciement')
    expect(trained.predict('demarche', 'declaration')[0]?.label).toBe('argent')
  })

  it('rejects a model of another version', () => {
    expect(() => loadClassifier({ ...(model as ClassifierModel), version: 2 as 1 })).toThrow(/version 2/)
  })
})
