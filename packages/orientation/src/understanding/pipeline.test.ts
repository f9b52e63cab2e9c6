import { NationalProgramme, Service, SpecificSupport } from '@aiguillage/lieux'
import { describe, expect, it } from 'vitest'
import { createPipeline, Intent } from './pipeline.js'

const pipeline = createPipeline({ placeWord: (w) => ['nevers', 'gueret', 'tulle'].includes(w) })
const read = (text: string, today = 'Mo') => pipeline.read(text, today)

describe('the understanding pipeline', () => {
  it('reads each word once: a constraint’s words are not left for a place or another need', () => {
    const r = read('Je suis sourde, je cherche quelqu’un qui connaît la langue des signes à Annecy')
    expect(r.constraints.prise_en_charge_specifique).toEqual([SpecificSupport.Deafness])
    expect(r.placeText).not.toMatch(/signes/)
    expect(r.placeText).toMatch(/Annecy/)
  })

  it('takes the longest reading: a device next to a need is where the need happens', () => {
    expect(read('mettre un contrôle parental sur la tablette des enfants').services).toEqual([
      Service.ParentingAndEducation,
    ])
    expect(read('trouver un ordinateur en libre accès').services).toEqual([Service.InternetAndEquipmentAccess])
    expect(read('avoir un smartphone à petit prix').services).toEqual([Service.AffordableEquipment])
    expect(read('utiliser une imprimante 3D').services).toEqual([Service.LeisureAndCreation])
    expect(read('ma tablette').services).toEqual([Service.EverydayDigitalTools])
  })

  it('keeps the rules apart: a hunting licence is leisure, parents with a tablet are not parenting', () => {
    expect(read('aide pour mon permis de chasse').demarche).toBe('loisirs')
    expect(read('mes parents ne savent pas utiliser leur tablette').services).toEqual([Service.EverydayDigitalTools])
    expect(read('ma mère est en maison de retraite, elle veut apprendre la tablette').demarche).toBeUndefined()
  })

  it('leaves the word after « j’habite » to the place: Job is a commune, not a job', () => {
    const r = read('j’habite Job, besoin d’aide pour la CAF')
    expect(r.services).toEqual([Service.AdministrativeProcedures])
    expect(r.placeText).toMatch(/Job/)
  })

  it('answers politeness, out-of-scope requests and questions with the right intent', () => {
    expect(read('merci encore !').intent).toBe(Intent.Thanks)
    expect(read('bonjour').intent).toBe(Intent.Greeting)
    const plumber = read('je cherche un plombier à Lille')
    expect([plumber.intent, plumber.outOfScope]).toEqual([Intent.OffTopic, true])
    expect(read('un plombier m’a arnaqué par SMS, qui peut m’aider ?').intent).toBe(Intent.FindPlace)
    expect(read('un EPN, ça veut dire quoi ?').intent).toBe(Intent.Information)
    const host = read('Je suis secrétaire de mairie, comment accueillir un conseiller numérique dans notre commune ?')
    expect([host.intent, host.topic]).toEqual([Intent.Information, 'accueillir_conseiller'])
    expect(read('je voudrais parler à un humain').intent).toBe(Intent.TalkToSomeone)
  })

  it('tells « do it for me » from « teach me », negation included', () => {
    expect(read('je cherche quelqu’un qui fasse ma déclaration à ma place').intent).toBe(Intent.DoItForMe)
    expect(read('je voudrais qu’on remplisse le dossier CAF pour moi').intent).toBe(Intent.DoItForMe)
    const learn = read('je veux apprendre à faire ma déclaration, surtout pas qu’on la fasse à ma place')
    expect(learn.intent).toBe(Intent.FindPlace)
    expect(learn.demarche).toBe('argent')
  })

  it('reads a programme as a topic in a question and as a constraint in a search', () => {
    const question = read('c’est quoi France Services ?')
    expect([question.intent, question.topic]).toEqual([Intent.Information, 'france_services'])
    const search = read('où trouver une France Services ?')
    expect(search.intent).toBe(Intent.FindPlace)
    expect(search.constraints.dispositif_programmes_nationaux).toEqual([NationalProgramme.FranceServices])
  })

  it('understands requests typed badly: no accents, slips, SMS, letters held down, no punctuation', () => {
    expect(read('refaire ma carte grize').demarche).toBe('transports')
    expect(read('renouveler mon pasport').demarche).toBe('papiers')
    expect(read('mettre a jour ma carte vital').demarche).toBe('social')
    expect(read('un controle parentale sur le telephone').services).toEqual([Service.ParentingAndEducation])
    expect(read('c koi aidant conect').topic).toBe('aidants_connect')
    expect(read('comment avoir le pas numerique').topic).toBe('pass_numerique')
    expect(read('jsuis a gueret bsoin d aide pr la caf').services).toEqual([Service.AdministrativeProcedures])
    expect(read('declaraton dimpot').demarche).toBe('argent')
    expect(read('merciiii').intent).toBe(Intent.Thanks)
    expect(
      read('bonjour je vous appelle parce que je narrive pas a imprimer un document je suis a tulle merci').services,
    ).toEqual([Service.InternetAndEquipmentAccess])
  })

  it('never corrects a commune name or an English word into a word of need', () => {
    expect(read('Nevers').services).toEqual([])
    expect(read('I want to apply for a residence permit').services).toEqual([Service.AdministrativeProcedures])
  })

  it('reads opening wishes against today', () => {
    expect(read('c’est ouvert le samedi ?').constraints).toEqual({ ouvert_jour: 'Sa' })
    expect(read('c’est ouvert maintenant ?').constraints).toEqual({ ouvert_maintenant: true })
    expect(read('ouvert demain ?', 'Mo').constraints).toEqual({ ouvert_jour: 'Tu' })
    expect(read('ouvert demain ?', 'Su').constraints).toEqual({ ouvert_jour: 'Mo' })
    expect(read('il fera beau demain').constraints).toEqual({})
  })

  it('is sure of what it read, and unsure of what it did not', () => {
    expect(read('aide pour ma carte grise').confidence).toBeGreaterThanOrEqual(0.9)
    const unknown = read('blablabla truc machin')
    expect(unknown.intent).toBe(Intent.OffTopic)
    expect(unknown.confidence).toBeLessThan(0.5)
  })

  it('answers in English to English', () => {
    const r = read('I need help with my computer, I live in Lyon')
    expect(r.english).toBe(true)
    expect(r.services).toEqual([Service.EverydayDigitalTools])
  })

  it('gives the same reading for the same message, whatever was read before', () => {
    const first = read('aide pour ma carte grise à Tulle')
    read('je cherche un plombier')
    expect(read('aide pour ma carte grise à Tulle')).toEqual(first)
  })
})

describe('the model fills what the rules miss', () => {
  it('names the need of a request for help in words no rule knows, and says the model decided', () => {
    const r = read('aide pour créer mon compte Ameile')
    expect(r.services).toEqual([Service.AdministrativeProcedures])
    expect(r.decidedBy).toBe('model')
  })

  it('does not invent a need from words that are off topic', () => {
    expect(read('je cherche de l’aide pour mon chien').services).toEqual([])
  })

  it('is not consulted when the rules are sure', () => {
    const rulesOnly = createPipeline({ classifier: null, placeWord: () => false })
    const text = 'je dois refaire ma carte grise'
    expect(read(text).decidedBy).toBe('rules')
    expect({ ...read(text), placeText: '' }).toEqual({ ...rulesOnly.read(text, 'Mo'), placeText: '' })
  })
})
