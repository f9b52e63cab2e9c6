import { describe, expect, it } from 'vitest'
import { scoreCase, summarise } from './score.js'

const ADM = 'Aide aux démarches administratives'
const OUT = 'Maîtrise des outils numériques du quotidien'

describe('scoring', () => {
  it('counts an extra service, démarche or constraint as an error', () => {
    const s = scoreCase(
      { intent: 'trouver_lieu', services: [ADM], codeInsee: '65440' },
      {
        intent: 'trouver_lieu',
        services: [ADM, OUT],
        demarche: 'papiers',
        constraints: { frais_a_charge: ['Gratuit'] },
        location: { codeInsee: '65440' },
      },
    )
    expect(s.fields).toMatchObject({
      intent: true,
      services: false,
      demarche: false,
      constraints: false,
      location: true,
    })
    expect(s.full).toBe(false)
    expect(s.labels[`service=${OUT}`]).toEqual([0, 1, 0])
    expect(s.labels['demarche=papiers']).toEqual([0, 1, 0])
    expect(s.labels['constraint.frais_a_charge=Gratuit']).toEqual([0, 1, 0])
  })

  it('takes a commune where none was said as a false positive, and asking as right where it is allowed', () => {
    expect(
      scoreCase({ intent: 'trouver_lieu' }, { intent: 'trouver_lieu', location: { codeInsee: '83127' } }).labels
        .commune,
    ).toEqual([0, 1, 0])
    const asked = scoreCase(
      { intent: 'trouver_lieu', codeInsee_any: ['93066', '97411'], clarify_ok: true },
      { intent: 'trouver_lieu', awaiting: 'commune_choice' },
    )
    expect(asked.fields.location).toBe(true)
  })

  it('judges information questions on intent and topic only', () => {
    const s = scoreCase(
      { intent: 'information', topic: 'aidants_connect' },
      {
        intent: 'information',
        topic: 'aidants_connect',
        constraints: { dispositif_programmes_nationaux: ['Aidants Connect'] },
      },
    )
    expect(Object.keys(s.fields)).toEqual(['intent', 'topic'])
    expect(s.full).toBe(true)
  })

  it('sums precision, recall and F1 per label', () => {
    const summary = summarise([
      scoreCase({ intent: 'salutation' }, { intent: 'salutation' }),
      scoreCase({ intent: 'salutation' }, { intent: 'hors_sujet' }),
    ])
    expect(summary.labels['intent=salutation']).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 })
    expect(summary.labels['intent=hors_sujet']).toMatchObject({ tp: 0, fp: 1, precision: 0 })
    expect(summary.fullyUnderstoodRate).toBe(0.5)
  })
})
