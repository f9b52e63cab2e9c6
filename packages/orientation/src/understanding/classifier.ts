/*
 * A small statistical classifier that fills the gaps of the rules: a linear model over character n-grams (3 to 5
 * letters inside word boundaries, so « declaraton » still shares most of its n-grams with « declaration ») and word
 * unigrams and bigrams, trained on the labelled corpus. Four heads: intent, demarche and topic are multiclass (softmax),
 * service is multi-label (one sigmoid per service). Training is plain L2-regularised logistic regression with AdaGrad
 * in a fixed order (a seeded shuffle), so the same examples always give the same model, byte for byte. Probabilities
 * are calibrated by one temperature per head, fitted on predictions for held-out template families.
 */
import { foldMessage } from '../reading.js'

export type Head = 'intent' | 'service' | 'demarche' | 'topic'
export const heads: readonly Head[] = ['intent', 'service', 'demarche', 'topic']
export type Prediction = { label: string; probability: number }

/** The label of the multiclass heads `demarche` and `topic` when the message has none. */
export const noneLabel = 'none'

export type HeadModel = {
  /** `softmax`: exactly one label; `sigmoid`: each label on its own (one-vs-rest). */
  kind: 'softmax' | 'sigmoid'
  labels: string[]
  /** Logits are divided by it before softmax or sigmoid (fitted on held-out families). */
  temperature: number
  /** A stored integer q stands for the weight q × scale. */
  scale: number
  /** One bias per label (not quantised, 4 decimals). */
  bias: number[]
  /**
   * The weights, quantised to signed bytes q (weight = q × scale) in feature-major order (feature f, label c at
   * f × labels + c), in base64: about 1.3 bytes a weight, where JSON numbers would take 3 to 5.
   */
  weights: string
}

export type ClassifierModel = {
  version: 1
  features: {
    /** Character n-gram lengths, inside « mot » padded with one space each side. */
    ngrams: [number, number]
    /** Known features: char n-grams as is, word unigrams as `_mot`, bigrams as `_mot_suivant`. */
    vocabulary: string[]
    /** featureText(probeText) at training time: a changed normalisation shows here until the model is retrained. */
    probe: string
  }
  heads: Record<Head, HeadModel>
  /** What the model was trained on, to tell a stale model from the corpus it claims to come from. */
  trainedOn: { examples: number; digest: string }
}

export type Classifier = {
  /**
   * Labels of a head for a text, most probable first. 'intent', 'demarche', 'topic' are multiclass (with a 'none'
   * class for demarche and topic): the probabilities sum to 1. 'service' is multi-label one-vs-rest: every service
   * with its own probability.
   */
  predict(head: Head, text: string): Prediction[]
}

/** One labelled message. `group` (the template family) keeps similar examples together when calibrating. */
export type TrainingExample = {
  text: string
  intent: string
  services: string[]
  demarche?: string
  topic?: string
  group?: string
}

export type TrainingOptions = {
  /** Passes over the examples (default 6). */
  epochs?: number
  /** AdaGrad step (default 0.5). */
  learningRate?: number
  /** L2 penalty on the weights of the features of each example (default 1e-5). */
  l2?: number
  /** A feature must appear in at least this many examples (default 2). */
  minCount?: number
  /** Held-out folds of groups for the temperatures (default 2; 1 keeps temperatures at 1). */
  folds?: number
  /** Seed of the shuffles (default 1). */
  seed?: number
  /** Rare classes of the multiclass heads weigh (n / (k × n_class))^power (default 0.5; 0: all alike). */
  classWeightPower?: number
  /** An example whose error on a label is below this leaves that label's weights alone (default 1e-3). */
  tolerance?: number
}

const ngramRange: [number, number] = [3, 5]

/** A message written as people write, to tell whether featureText still folds it as when the model was trained. */
export const probeText = 'Jsuis a Guéret, bsoin d’aide pr ma declaraton d impot SVP !'

/** The one normalisation of a message, at training and run time: folded text with SMS words spelled out. */
export function featureText(text: string): string {
  return foldMessage(text)
}

/** The features of a text (with repeats removed, in first-seen order). */
export function featuresOf(text: string, ngrams: readonly [number, number] = ngramRange): string[] {
  const words = featureText(text)
    .split(' ')
    .filter((w) => w !== '')
  const seen = new Set<string>()
  for (const word of words) {
    const padded = ` ${word} `
    for (let n = ngrams[0]; n <= ngrams[1]; n++)
      for (let i = 0; i + n <= padded.length; i++) seen.add(padded.slice(i, i + n))
  }
  for (let i = 0; i < words.length; i++) {
    seen.add(`_${words[i]}`)
    seen.add(`_${i === 0 ? '^' : words[i - 1]}_${words[i]}`)
  }
  if (words.length > 0) seen.add(`_${words[words.length - 1]}_$`)
  return [...seen]
}

// ---------------------------------------------------------------------------------------------------------------
// Inference

type Encoded = { active: number[]; value: number }

/**
 * The known features of a text, each worth 1/√(number of features, known or not): the vector has unit length before
 * unknown features are dropped, so a message made mostly of unknown words (« j'habite à Lyon ») says little, instead
 * of its two known n-grams speaking loudly.
 */
function encode(features: readonly string[], index: ReadonlyMap<string, number>): Encoded {
  const active: number[] = []
  for (const f of features) {
    const i = index.get(f)
    if (i !== undefined) active.push(i)
  }
  active.sort((a, b) => a - b)
  return { active, value: features.length > 0 ? 1 / Math.sqrt(features.length) : 0 }
}

type Dense = { kind: HeadModel['kind']; labels: string[]; temperature: number; bias: Float64Array; w: Float32Array }

const base64Digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Bytes to base64 (written here: the package has neither Buffer nor btoa). */
export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += base64Digits[n >> 18] + (base64Digits[(n >> 12) & 63] as string)
    out += i + 1 < bytes.length ? base64Digits[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? base64Digits[n & 63] : '='
  }
  return out
}

/** Base64 to bytes. */
export function fromBase64(text: string): Uint8Array {
  const values = new Uint8Array(128)
  for (let i = 0; i < base64Digits.length; i++) values[base64Digits.charCodeAt(i)] = i
  const length = Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0)
  const bytes = new Uint8Array(length)
  for (let i = 0, o = 0; i < text.length; i += 4) {
    const n =
      ((values[text.charCodeAt(i)] as number) << 18) |
      ((values[text.charCodeAt(i + 1)] as number) << 12) |
      ((values[text.charCodeAt(i + 2)] as number) << 6) |
      (values[text.charCodeAt(i + 3)] as number)
    if (o < length) bytes[o++] = n >> 16
    if (o < length) bytes[o++] = (n >> 8) & 255
    if (o < length) bytes[o++] = n & 255
  }
  return bytes
}

function densify(head: HeadModel, features: number): Dense {
  const q = new Int8Array(fromBase64(head.weights).buffer)
  if (q.length !== features * head.labels.length)
    throw new Error(`Poids du classifieur : ${q.length} octets, attendu ${features * head.labels.length}`)
  const w = new Float32Array(q.length)
  for (let i = 0; i < q.length; i++) w[i] = (q[i] as number) * head.scale
  return {
    kind: head.kind,
    labels: head.labels,
    temperature: head.temperature,
    bias: Float64Array.from(head.bias),
    w,
  }
}

function logitsOf(head: Dense, active: readonly number[], value: number): Float64Array {
  const k = head.labels.length
  const z = Float64Array.from(head.bias)
  for (const j of active) for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (head.w[j * k + c] as number) * value
  return z
}

function softmax(z: Float64Array, temperature: number): Float64Array {
  let max = -Infinity
  for (const v of z) if (v / temperature > max) max = v / temperature
  const p = z.map((v) => Math.exp(v / temperature - max))
  let sum = 0
  for (const v of p) sum += v
  return p.map((v) => v / sum)
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v))

function probabilities(head: Dense, z: Float64Array, temperature = head.temperature): Float64Array {
  return head.kind === 'softmax' ? softmax(z, temperature) : z.map((v) => sigmoid(v / temperature))
}

/** Builds the classifier of a model (trained by trainClassifier, usually the committed model.json). */
export function loadClassifier(model: ClassifierModel): Classifier {
  if (model.version !== 1) throw new Error(`Modèle de classifieur en version ${String(model.version)}, attendu : 1`)
  const index = new Map<string, number>()
  model.features.vocabulary.forEach((feature, i) => index.set(feature, i))
  const dense = Object.fromEntries(
    heads.map((h) => [h, densify(model.heads[h], model.features.vocabulary.length)]),
  ) as Record<Head, Dense>
  let lastText: string | undefined
  let last: Encoded = { active: [], value: 0 }
  return {
    predict(head, text) {
      // The four heads usually read the same message in a row: extract its features once.
      if (text !== lastText) {
        last = encode(featuresOf(text, model.features.ngrams), index)
        lastText = text
      }
      const h = dense[head]
      const p = probabilities(h, logitsOf(h, last.active, last.value))
      return h.labels
        .map((label, c) => ({ label, probability: p[c] as number }))
        .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1))
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Training

type HeadData = { kind: HeadModel['kind']; labels: string[]; targets: number[][] }

/** mulberry32: a small seeded generator, so that the shuffles (and the model) are the same on every machine. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a, 32 bits, in hexadecimal: a fingerprint of the training examples. */
export function examplesDigest(examples: readonly TrainingExample[]): string {
  let h = 0x811c9dc5
  const text = JSON.stringify(examples.map((e) => [e.text, e.intent, e.services, e.demarche, e.topic, e.group]))
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort()

function headData(examples: readonly TrainingExample[]): Record<Head, HeadData> {
  const oneHot = (labels: string[], label: string) => labels.map((l) => (l === label ? 1 : 0))
  const intents = sorted(examples.map((e) => e.intent))
  const services = sorted(examples.flatMap((e) => e.services))
  const demarches = sorted([noneLabel, ...examples.map((e) => e.demarche ?? noneLabel)])
  const topics = sorted([noneLabel, ...examples.map((e) => e.topic ?? noneLabel)])
  return {
    intent: { kind: 'softmax', labels: intents, targets: examples.map((e) => oneHot(intents, e.intent)) },
    service: {
      kind: 'sigmoid',
      labels: services,
      targets: examples.map((e) => services.map((s) => (e.services.includes(s) ? 1 : 0))),
    },
    demarche: {
      kind: 'softmax',
      labels: demarches,
      targets: examples.map((e) => oneHot(demarches, e.demarche ?? noneLabel)),
    },
    topic: { kind: 'softmax', labels: topics, targets: examples.map((e) => oneHot(topics, e.topic ?? noneLabel)) },
  }
}

type Trained = { bias: Float64Array; w: Float64Array }

function fitHead(
  data: HeadData,
  rows: readonly number[],
  encoded: readonly Encoded[],
  features: number,
  o: Required<TrainingOptions>,
): Trained {
  const k = data.labels.length
  const w = new Float64Array(features * k)
  const bias = new Float64Array(k)
  const gw = new Float64Array(features * k)
  const gb = new Float64Array(k)
  // Rare labels count more (weight (n / (k × n_label))^power): 5 « merci » among 1 800 needs must still be learnt.
  const seen = new Float64Array(k)
  for (const row of rows) (data.targets[row] as number[]).forEach((y, c) => (seen[c] = (seen[c] as number) + y))
  const labelWeight = Float64Array.from(seen, (n) =>
    data.kind === 'softmax' && n > 0 ? Math.pow(rows.length / (k * n), o.classWeightPower) : 1,
  )
  const random = randomFrom(o.seed)
  const order = [...rows]
  const g = new Float64Array(k)
  const z = new Float64Array(k)
  const labels = new Int32Array(k)
  const rate = o.learningRate
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j] as number, order[i] as number]
    }
    for (const row of order) {
      const { active, value } = encoded[row] as Encoded
      const y = data.targets[row] as number[]
      z.set(bias)
      for (const f of active) {
        const base = f * k
        for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (w[base + c] as number) * value
      }
      const p = data.kind === 'softmax' ? softmax(z, 1) : z.map(sigmoid)
      const rowWeight = data.kind === 'softmax' ? (labelWeight[y.indexOf(1)] as number) : 1
      for (let c = 0; c < k; c++) {
        const gc = ((p[c] as number) - (y[c] as number)) * rowWeight
        g[c] = gc
        gb[c] = (gb[c] as number) + gc * gc
        bias[c] = (bias[c] as number) - (rate * gc) / Math.sqrt((gb[c] as number) + 1e-8)
      }
      // A label this example already fits changes nothing worth the time (and training stays fast).
      let moving = 0
      for (let c = 0; c < k; c++) if (Math.abs(g[c] as number) >= o.tolerance) labels[moving++] = c
      for (const f of active) {
        const base = f * k
        for (let m = 0; m < moving; m++) {
          const c = labels[m] as number
          const at = base + c
          const grad = (g[c] as number) * value + o.l2 * (w[at] as number)
          gw[at] = (gw[at] as number) + grad * grad
          w[at] = (w[at] as number) - (rate * grad) / Math.sqrt(gw[at])
        }
      }
    }
  }
  return { bias, w }
}

/** Mean negative log-likelihood of held-out logits at a temperature. */
function nll(data: HeadData, rows: readonly number[], logits: readonly Float64Array[], temperature: number): number {
  let total = 0
  rows.forEach((row, i) => {
    const z = logits[i] as Float64Array
    const y = data.targets[row] as number[]
    if (data.kind === 'softmax') {
      const p = softmax(z, temperature)
      total -= Math.log(Math.max(p[y.indexOf(1)] as number, 1e-12))
    } else
      z.forEach((v, c) => {
        const p = sigmoid(v / temperature)
        total -= Math.log(Math.max(y[c] === 1 ? p : 1 - p, 1e-12))
      })
  })
  return total / Math.max(rows.length, 1)
}

/** The temperature that minimises the held-out log-loss (golden-section search on its logarithm). */
function fitTemperature(data: HeadData, rows: readonly number[], logits: readonly Float64Array[]): number {
  let a = Math.log(0.05)
  let b = Math.log(20)
  const ratio = (Math.sqrt(5) - 1) / 2
  const loss = (t: number) => nll(data, rows, logits, Math.exp(t))
  for (let i = 0; i < 60; i++) {
    const c = b - ratio * (b - a)
    const d = a + ratio * (b - a)
    if (loss(c) < loss(d)) b = d
    else a = c
  }
  return Math.round(Math.exp((a + b) / 2) * 1000) / 1000
}

function quantise(data: HeadData, trained: Trained, temperature: number): HeadModel {
  let max = 0
  for (const v of trained.w) max = Math.max(max, Math.abs(v))
  // Scales are rounded to 6 significant digits so the JSON is the same wherever it is written.
  const scale = Number((max / 127 || 1).toPrecision(6))
  const weights = Int8Array.from(trained.w, (v) => Math.round(v / scale))
  return {
    kind: data.kind,
    labels: data.labels,
    temperature,
    scale,
    bias: Array.from(trained.bias, (v) => Math.round(v * 10_000) / 10_000),
    weights: toBase64(new Uint8Array(weights.buffer)),
  }
}

/**
 * Trains the four heads on labelled messages. Pure and deterministic: the same examples and options give the same
 * model. Temperatures are fitted on out-of-fold predictions, folds made of whole groups (template families), then
 * the final weights are trained on every example.
 */
export function trainClassifier(examples: readonly TrainingExample[], options: TrainingOptions = {}): ClassifierModel {
  const o: Required<TrainingOptions> = {
    epochs: 6,
    learningRate: 0.5,
    l2: 1e-5,
    minCount: 2,
    folds: 2,
    seed: 1,
    classWeightPower: 0.5,
    tolerance: 1e-3,
    ...options,
  }
  const featureLists = examples.map((e) => featuresOf(e.text))
  const counts = new Map<string, number>()
  for (const list of featureLists) for (const f of list) counts.set(f, (counts.get(f) ?? 0) + 1)
  const vocabulary = sorted([...counts].filter(([, n]) => n >= o.minCount).map(([f]) => f))
  const index = new Map(vocabulary.map((f, i) => [f, i]))
  const encoded = featureLists.map((list) => encode(list, index))
  const data = headData(examples)
  const all = examples.map((_, i) => i)

  // Folds of whole groups, dealt in the sorted order of the group names.
  const groups = sorted(examples.map((e, i) => e.group ?? String(i)))
  const foldOfGroup = new Map(groups.map((g, i) => [g, i % o.folds]))
  const foldOf = examples.map((e, i) => foldOfGroup.get(e.group ?? String(i)) ?? 0)

  const model: ClassifierModel = {
    version: 1,
    features: { ngrams: ngramRange, vocabulary, probe: featureText(probeText) },
    heads: {} as Record<Head, HeadModel>,
    trainedOn: { examples: examples.length, digest: examplesDigest(examples) },
  }
  for (const head of heads) {
    const d = data[head]
    let temperature = 1
    if (o.folds > 1) {
      const heldOut: number[] = []
      const logits: Float64Array[] = []
      for (let fold = 0; fold < o.folds; fold++) {
        const trainRows = all.filter((i) => foldOf[i] !== fold)
        const testRows = all.filter((i) => foldOf[i] === fold)
        if (trainRows.length === 0 || testRows.length === 0) continue
        const t = fitHead(d, trainRows, encoded, vocabulary.length, o)
        const dense: Dense = { kind: d.kind, labels: d.labels, temperature: 1, bias: t.bias, w: Float32Array.from(t.w) }
        for (const row of testRows) {
          const e = encoded[row] as Encoded
          heldOut.push(row)
          logits.push(logitsOf(dense, e.active, e.value))
        }
      }
      if (heldOut.length > 0) temperature = fitTemperature(d, heldOut, logits)
    }
    model.heads[head] = quantise(d, fitHead(d, all, encoded, vocabulary.length, o), temperature)
  }
  return model
}
