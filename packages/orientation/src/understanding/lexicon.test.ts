import { NationalProgramme, Service, SpecificSupport, SupportMode, TargetPublic } from '@aiguillage/lieux'
import { describe, expect, it } from 'vitest'
import { Demarche } from '../needs.js'
import { Topic } from '../knowledge.js'
import { SafetySituation } from '../safety.js'
import {
  compileLexicon,
  cueKinds,
  type LexiconFile,
  lexiconCollisions,
  lexiconFiles,
  matchPhrase,
  openingKinds,
} from './lexicon.js'
import { createPipeline } from './pipeline.js'

/*
 * The build-time check of the lexicon: every value official, no phrase claimed by two entries that disagree, and
 * every example sentence still read as annotated.
 */

const lexicon = compileLexicon()
const pipeline = createPipeline({ lexicon })
const entries = lexiconFiles.flatMap((file) => file.entries.map((entry) => ({ file: file.domain, entry })))

const officialConstraints: Record<string, readonly string[]> = {
  frais_a_charge: ['Gratuit'],
  prise_en_charge_specifique: Object.values(SpecificSupport),
  publics_specifiquement_adresses: Object.values(TargetPublic),
  modalites_accompagnement: Object.values(SupportMode),
  dispositif_programmes_nationaux: Object.values(NationalProgramme),
}

describe('the lexicon files', () => {
  it('use only official values, known cues and known openings', () => {
    const problems: string[] = []
    for (const { file, entry } of entries) {
      const where = `${file}/${entry.id}`
      for (const s of entry.services ?? [])
        if (!(Object.values(Service) as string[]).includes(s)) problems.push(`${where}: service « ${s} »`)
      if (entry.demarche && !(Object.values(Demarche) as string[]).includes(entry.demarche))
        problems.push(`${where}: démarche « ${entry.demarche} »`)
      if (entry.topic && !(Object.values(Topic) as string[]).includes(entry.topic))
        problems.push(`${where}: sujet « ${entry.topic} »`)
      if (entry.constraint && !officialConstraints[entry.constraint.key]?.includes(entry.constraint.value))
        problems.push(`${where}: contrainte ${entry.constraint.key}=« ${entry.constraint.value} »`)
      if (entry.cue && !(cueKinds as readonly string[]).includes(entry.cue))
        problems.push(`${where}: indice « ${entry.cue} »`)
      if (
        entry.opening &&
        !([...openingKinds, 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as string[]).includes(entry.opening)
      )
        problems.push(`${where}: ouverture « ${entry.opening} »`)
      if (entry.safety && !(Object.values(SafetySituation) as string[]).includes(entry.safety))
        problems.push(`${where}: situation « ${entry.safety} »`)
      for (const id of entry.overrides ?? [])
        if (!entries.some((e) => e.entry.id === id)) problems.push(`${where}: remplace une entrée inconnue « ${id} »`)
    }
    expect(problems).toEqual([])
  })

  it('have unique entry ids, and every phrase written folded (no capitals, no accents, no apostrophes)', () => {
    const ids = entries.map((e) => e.entry.id)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
    const unfolded = entries.flatMap(({ entry }) =>
      [...entry.phrases, ...(entry.misspellings ?? [])].filter((p) => /[^a-z0-9 |*?{}_.]/.test(p)),
    )
    expect(unfolded).toEqual([])
    // An alternative is one word: « a|b c » is « (a or b) then c »; an empty alternative is a slip of the pen.
    const broken = entries.flatMap(({ entry }) =>
      [...entry.phrases, ...(entry.misspellings ?? [])].filter((p) => /(^|\s)\||\|(\s|$)|\|\||\|\?/.test(p)),
    )
    expect(broken).toEqual([])
  })

  it('claim no phrase twice with two meanings', () => {
    expect(lexiconCollisions(lexicon)).toEqual([])
  })

  it('report a phrase claimed by two entries that disagree (the check can fail)', () => {
    const clash: LexiconFile = {
      domain: 'test',
      description: '',
      entries: [
        { id: 'a', phrases: ['carte grise'], services: [Service.AdministrativeProcedures], demarche: 'transports' },
        { id: 'b', phrases: ['carte grise'], services: [Service.EverydayDigitalTools] },
        { id: 'c', phrases: ['carte grise'], services: [Service.AdministrativeProcedures], demarche: 'transports' },
      ],
    }
    expect(lexiconCollisions(compileLexicon([clash]))).toHaveLength(1)
  })

  it('still read every example sentence as annotated, and never read a counter-example so', () => {
    const problems: string[] = []
    for (const { file, entry } of entries) {
      for (const [sentence, wanted] of [
        ...(entry.examples?.positive ?? []).map((s) => [s, true] as const),
        ...(entry.examples?.negative ?? []).map((s) => [s, false] as const),
      ]) {
        const reading = pipeline.read(sentence, 'Mo')
        const read = reading.spans.some((s) => s.entry === entry.id)
        // What the entry means must come out too: its services, its constraint, its topic.
        // A weak entry means its need only when no other need is named.
        const strongerNeed = reading.spans.some((s) => {
          const other = entries.find((e) => e.entry.id === s.entry)?.entry
          return other?.services !== undefined && other.weak !== true && other.id !== entry.id
        })
        const meant =
          read &&
          (entry.services === undefined ||
            (entry.services.every((s) => reading.services.includes(s)) && !(entry.weak === true && strongerNeed))) &&
          (entry.constraint === undefined ||
            JSON.stringify(reading.constraints).includes(JSON.stringify(entry.constraint.value)))
        if (meant !== wanted)
          problems.push(
            `${file}/${entry.id}: « ${sentence} » ${wanted ? 'n’est plus lu ainsi' : 'est lu ainsi à tort'}`,
          )
      }
    }
    expect(problems).toEqual([])
  })
})

describe('phrases', () => {
  const [file] = [{ domain: 'test', description: '', entries: [] }]
  const compile = (phrase: string) => {
    const l = compileLexicon([{ ...file, entries: [{ id: 'x', phrases: [phrase] }] }])
    return [...l.byFirstWord.values()].flat()[0] ?? l.prefixStarts[0]!.phrase
  }

  it('match words, alternatives, prefixes, classes, optional words and gaps', () => {
    expect(matchPhrase(compile('carte grise'), ['ma', 'carte', 'grise'], 1)).toEqual([1, 2])
    expect(matchPhrase(compile('impot*'), ['impots'], 0)).toEqual([0])
    expect(matchPhrase(compile('declar* {d}? {poss}? revenus'), ['declarer', 'mes', 'revenus'], 0)).toEqual([0, 1, 2])
    expect(matchPhrase(compile('faire ... pour moi'), ['faire', 'ma', 'declaration', 'pour', 'moi'], 0)).toEqual([
      0, 3, 4,
    ])
    expect(matchPhrase(compile('carte grise'), ['carte', 'bleue'], 0)).toBeUndefined()
  })

  it('do not run past the end given (a sentence)', () => {
    expect(matchPhrase(compile('carte grise'), ['carte', 'grise'], 0, 1)).toBeUndefined()
  })
})
