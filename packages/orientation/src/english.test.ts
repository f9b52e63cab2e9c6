import { describe, expect, it } from 'vitest'
import { helpWays, helpWaysEn, knowledge, knowledgeFor, safety, safetyLines, SafetySituation, Topic } from './index.js'

// Words that only French sentences use: none of them may appear in the English text.
const frenchWords = /\b(votre|vous|est|les|une|pour|avec|dans|gratuit|où)\b/i

describe('the knowledge base in English', () => {
  it.each(Object.values(Topic))('%s has a faithful English entry', (topic) => {
    const entry = knowledge[topic]
    expect(entry.en.title.trim()).not.toBe('')
    expect(entry.en.answer).toHaveLength(entry.answer.length)
    for (const sentence of entry.en.answer) {
      expect(sentence.trim()).not.toBe('')
      expect(sentence.length, sentence).toBeLessThanOrEqual(200)
      expect(sentence, sentence).not.toMatch(frenchWords)
    }
    expect(entry.en.nextStep === undefined).toBe(entry.nextStep === undefined)
    if (entry.en.nextStep) expect(entry.en.nextStep).not.toMatch(frenchWords)
  })

  it('keeps the numbers of the French answers', () => {
    const digits = (sentences: string[]) => sentences.map((sentence) => sentence.replace(/\D/g, ''))
    for (const topic of Object.values(Topic)) {
      expect(digits(knowledge[topic].en.answer), topic).toEqual(digits(knowledge[topic].answer))
    }
  })

  it('knowledgeFor gives French by default and English on demand', () => {
    expect(knowledgeFor(Topic.PassNumerique)).toEqual({
      title: knowledge.pass_numerique.title,
      answer: knowledge.pass_numerique.answer,
      nextStep: knowledge.pass_numerique.nextStep,
    })
    expect(knowledgeFor(Topic.DevenirMediateur)).not.toHaveProperty('nextStep')
    expect(knowledgeFor(Topic.PassNumerique, 'en').answer[0]).toMatch(/€10 vouchers/)
    expect(knowledgeFor(Topic.SolidariteNumerique, 'en').answer.join(' ')).toMatch(/suspended/)
  })
})

describe('safety advice in English', () => {
  it('tells where to turn after a scam, with the same numbers', () => {
    const lines = safetyLines(SafetySituation.Scam, 'en')
    const text = lines.join(' ')
    expect(text).toContain('33700')
    expect(text).toContain('0 805 805 817')
    expect(lines.at(-1)).toMatch(/^Where to turn: /)
    expect(text).not.toMatch(frenchWords)
  })

  it.each(Object.values(SafetySituation))('%s: as many sentences in English as in French', (situation) => {
    expect(safety[situation].en.advice).toHaveLength(safety[situation].advice.length)
    expect(safetyLines(situation, 'en')).toHaveLength(safetyLines(situation).length)
    for (const resource of safety[situation].resources) expect(resource.whatEn).not.toMatch(frenchWords)
    expect(safetyLines(situation, 'en').join(' ')).not.toMatch(frenchWords)
  })

  it('keeps the French lines as they were', () => {
    expect(safetyLines(SafetySituation.Scam)).toEqual(safetyLines(SafetySituation.Scam, 'fr'))
    expect(safetyLines(SafetySituation.Scam).at(-1)).toBe(
      'Où vous adresser : 33700, transférez-y gratuitement un SMS ou un appel suspect ; Info Escroqueries (0 805 805 817), appel gratuit en semaine, pour un conseil ; Cybermalveillance.gouv.fr (cybermalveillance.gouv.fr), un diagnostic et des conseils pour les victimes.',
    )
  })
})

describe('helpWaysEn', () => {
  it('has the keys of helpWays, in English', () => {
    expect(Object.keys(helpWaysEn).sort()).toEqual(Object.keys(helpWays).sort())
    for (const text of Object.values(helpWaysEn)) expect(text).not.toMatch(frenchWords)
    expect(helpWaysEn.doneForThem).toMatch(/mandate/)
  })
})
