import { NationalProgramme, Service } from '@aiguillage/lieux'
import { describe, expect, it } from 'vitest'
import {
  Demarche,
  demarcheTitles,
  detectNeeds,
  detectTopic,
  doneForThemProgrammes,
  foldMessage,
  helpline,
  helpWays,
  knowledge,
  Topic,
  wantsItDoneForThem,
} from './index.js'

const ADM = Service.AdministrativeProcedures

describe('detectNeeds: the procedures and sites people name', () => {
  it.each([
    // The CAF belongs to two Aidants Connect domains (famille, logement): no domain is guessed.
    ['je narrive pas a faire ma declaration trimestrielle caf', [ADM], undefined],
    ['renouveler ma carte vitale sur ameli', [ADM], 'social'],
    ['déclarer mes revenus sur impots.gouv', [ADM], 'argent'],
    ['faire ma carte grise sur le site de l ANTS', [ADM], 'transports'],
    ['refaire mon passeport', [ADM], 'papiers'],
    ['mactualiser sur france travail', [ADM], 'travail'],
    // Aidants Connect files info-retraite.fr under « Travail - Formation ».
    ['demander ma retraite en ligne', [ADM], 'travail'],
    ['remplir le dossier MDPH de mon fils', [ADM], 'social'],
    ['créer mon compte FranceConnect', [ADM], undefined],
    ['I need help with my tax return', [ADM], 'argent'],
  ])('« %s » → %j, démarche %s', (text, services, demarche) => {
    const need = detectNeeds(text)
    expect(need.services.slice(0, services.length)).toEqual(services)
    expect(need.demarche).toBe(demarche)
  })

  it.each([
    ['mon pere voudrait apprendre a utiliser son smartphone', Service.EverydayDigitalTools],
    ['je cherche du travail, il faut un CV', Service.EmploymentThroughDigital],
    ['suivre les notes de ma fille sur pronote', Service.ParentingAndEducation],
    ['je me suis fait arnaquer par un faux sms, piratage', Service.SafeDigitalUse],
    ['je voudrais un ordinateur pas cher', Service.AffordableEquipment],
    ['prendre rendez-vous sur Doctolib', Service.EverydayDigitalTools],
  ])('« %s » → %s', (text, service) => {
    expect(detectNeeds(text).services).toContain(service)
  })

  it('returns every need, the first written first', () => {
    const need = detectNeeds('apprendre à me servir de Word pour trouver un emploi')
    expect(need.services[0]).toBe(Service.EverydayDigitalTools)
    expect(need.services).toContain(Service.EmploymentThroughDigital)
    expect(need.matched.length).toBeGreaterThanOrEqual(2)
  })

  it('finds nothing in a message without a need', () => {
    expect(detectNeeds('bonjour')).toEqual({ services: [], matched: [] })
    expect(detectNeeds('j habite a Gueret').services).toEqual([])
  })

  it('names the ten Aidants Connect domains (the lexicon uses no other: src/understanding/lexicon.test.ts)', () => {
    expect(Object.values(Demarche).sort()).toEqual(Object.keys(demarcheTitles).sort())
    expect(Object.keys(demarcheTitles).sort()).toEqual([
      'argent',
      'etranger',
      'famille',
      'justice',
      'logement',
      'loisirs',
      'papiers',
      'social',
      'transports',
      'travail',
    ])
  })
})

describe('faire avec ou faire à ma place', () => {
  it.each([
    'je voudrais que quelqu un fasse ma declaration a ma place',
    'pouvez vous le faire pour moi',
    'ma mere veut quelqu un qui remplisse le dossier a sa place',
    'can someone do it for me',
    'il ne peut pas le faire seul, il faudrait que quelqu’un le fasse pour lui',
  ])('« %s » wants it done for them', (text) => {
    expect(wantsItDoneForThem(text)).toBe(true)
  })
  it.each([
    'je veux apprendre a faire ma declaration',
    'aidez moi a comprendre le site de la caf',
    'je cherche un atelier pour moi',
  ])('« %s » wants to learn', (text) => {
    expect(wantsItDoneForThem(text)).toBe(false)
  })
  it('points to France Services and Aidants Connect, and never asks for passwords', () => {
    expect(doneForThemProgrammes).toEqual([NationalProgramme.FranceServices, NationalProgramme.AidantsConnect])
    expect(helpWays.doneForThem).toMatch(/mandat/)
    expect(helpWays.doneForThem).toMatch(/Ne donnez jamais vos mots de passe/)
  })
})

describe('knowledge base', () => {
  it.each([
    ['c est quoi un conseiller numerique ?', Topic.ConseillerNumerique],
    ['comment marche aidants connect', Topic.AidantsConnect],
    ['j ai recu des cheques pass numerique', Topic.PassNumerique],
    ['c est quoi une maison france services', Topic.FranceServices],
    ['le numero solidarite numerique marche encore ?', Topic.SolidariteNumerique],
    ['comment devenir conseiller numérique', Topic.DevenirMediateur],
    ['notre mairie voudrait recruter un conseiller numerique, quel financement ?', Topic.AccueillirConseiller],
    ['je cherche un lieu de mediation numerique', Topic.MediationNumerique],
  ])('« %s » is about %s', (text, topic) => {
    expect(detectTopic(text)).toBe(topic)
  })

  it('has no topic for a plain need', () => {
    expect(detectTopic('je narrive pas a faire ma declaration caf')).toBeUndefined()
  })

  it('gives every topic short sentences and at least one source', () => {
    for (const topic of Object.values(Topic)) {
      const entry = knowledge[topic]
      expect(entry.answer.length, topic).toBeGreaterThan(0)
      expect(entry.sources.length, topic).toBeGreaterThan(0)
      for (const sentence of entry.answer) expect(sentence.length, sentence).toBeLessThanOrEqual(200)
    }
  })

  it('says what the sources say about the programmes', () => {
    expect(knowledge.devenir_mediateur.answer.join(' ')).toMatch(/350 heures/)
    expect(knowledge.pass_numerique.answer.join(' ')).toMatch(/10 €/)
    expect(knowledge.aidants_connect.answer.join(' ')).toMatch(/1 jour, 1 mois, 6 mois ou 1 an/)
    expect(knowledge.accueillir_conseiller.answer.join(' ')).toMatch(/50 000 €.*7 500 €/)
  })

  it('keeps the helpline status as data with the date it was checked', () => {
    expect(helpline).toMatchObject({ phone: '01 70 772 372', status: 'suspendue', since: '2022-01' })
    expect(helpline.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(knowledge.solidarite_numerique.answer.join(' ')).toMatch(/suspendue/)
  })
})

describe('foldMessage', () => {
  it('folds accents, case and apostrophes and spells out SMS words', () => {
    expect(foldMessage('Jsuis à Guéret, bsoin d’aide pr la CAF')).toBe('je suis a gueret besoin d aide pour la caf')
  })
  it('keeps words that are names of object properties', () => {
    expect(foldMessage('constructor toString valueOf')).toBe('constructor tostring valueof')
  })
  it('gives the same answer when asked twice, and a new one for a new text (the last text is kept folded)', () => {
    expect(foldMessage('slt')).toBe('salut')
    expect(foldMessage('slt')).toBe('salut')
    expect(foldMessage('Éric')).toBe('eric')
    expect(foldMessage('slt cv')).not.toBe('salut')
    expect(foldMessage('slt')).toBe('salut')
  })
})

describe('internet: a need alone, only the way with a démarche', () => {
  it('is learning the tools when nothing else is asked', () => {
    expect(detectNeeds('je ne sais pas aller sur internet').services).toEqual([Service.EverydayDigitalTools])
  })
  it('adds nothing to a démarche done on the internet', () => {
    expect(detectNeeds('je narrive pas a faire ma declaration caf sur internet').services).toEqual([ADM])
  })
})

describe('more of what people write', () => {
  it.each([
    ['Mon fils doit s’inscrire sur Parcoursup', [ADM], 'famille'],
    [
      'je ne sais pas me servir d’un ordinateur et je dois chercher du travail',
      [Service.EverydayDigitalTools, Service.EmploymentThroughDigital],
      undefined,
    ],
    ['ma mère ne sait pas se servir de sa tablette', [Service.EverydayDigitalTools], undefined],
  ])('« %s » → %j', (text, services, demarche) => {
    const need = detectNeeds(text)
    expect(need.services.slice(0, services.length)).toEqual(services)
    expect(need.demarche).toBe(demarche)
  })
})

describe('English', () => {
  it('reads a pension application as a démarche of « travail »', () => {
    expect(detectNeeds('can someone help me with my pension application').demarche).toBe('travail')
  })
})

describe('spelling slips', () => {
  it.each([
    ['besoin daide pr ma declaraton dimpot', [ADM], 'argent'],
    ['ma carte d identiter', [ADM], 'papiers'],
    ['apprendre linformatiqe', [Service.EverydayDigitalTools], undefined],
  ])('« %s » → %j', (text, services, demarche) => {
    const need = detectNeeds(text)
    expect(need.services.slice(0, services.length)).toEqual(services)
    expect(need.demarche).toBe(demarche)
  })
  it('leaves short and everyday words as written', () => {
    expect(foldMessage('un retrait d argent le dimanche, mon permis')).toBe(
      'un retrait d argent le dimanche mon permis',
    )
  })
  it('does not take a home for a pension: « maison de retraite »', () => {
    expect(detectNeeds('mon mari est en maison de retraite, je dois faire la declaration de revenus').demarche).toBe(
      'argent',
    )
  })
})

describe('other forms of a word are not slips', () => {
  it.each(['retraites', 'telephoner'])('%s is left as written', (word) => {
    expect(foldMessage(word)).toBe(word)
  })

  it.each([
    ['mes tablettes', Service.EverydayDigitalTools],
    ['les imprimantes', Service.InternetAndEquipmentAccess],
  ])('« %s » is read as its word, plural or not', (text, service) => {
    expect(detectNeeds(text).services).toEqual([service])
  })
})

describe('everyday procedures', () => {
  it.each([
    ['ma pension alimentaire', 'famille'],
    ['le chèque énergie', 'logement'],
    ['changer de fournisseur d’électricité', 'logement'],
    ['mon compte bancaire en ligne', 'argent'],
    ['mon compte assurance maladie', 'social'],
  ])('« %s » is a démarche of %s', (text, demarche) => {
    const need = detectNeeds(text)
    expect(need.services[0]).toBe(ADM)
    expect(need.demarche).toBe(demarche)
  })
})
