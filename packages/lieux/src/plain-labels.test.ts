import { describe, expect, it } from 'vitest'
import { plainCriterion, plainLabel, plainLabelFields } from './plain-labels.js'
import {
  Fee,
  NationalProgramme,
  Service,
  SpecificSupport,
  SupportMode,
  TargetPublic,
  vocabularies,
} from './vocabularies.js'

const cases = plainLabelFields.flatMap((field) => vocabularies[field].map((value) => [field, value] as const))

describe('plain labels of the standard’s values', () => {
  it('covers the seven vocabularies', () => {
    expect(cases.length).toBe(9 + 5 + 7 + 3 + 6 + 4 + 11)
  })

  it.each(cases)('%s « %s » has a label and a criterion in French and English', (field, value) => {
    for (const lang of ['fr', 'en'] as const) {
      for (const text of [plainLabel(field, value, lang), plainCriterion(field, value, lang)]) {
        expect(text.trim()).not.toBe('')
        expect(text).not.toMatch(/[()]/)
        expect(text).not.toMatch(/'/) // typographic apostrophes only
      }
    }
    if (/[(/]/.test(value)) expect(plainCriterion(field, value)).not.toBe(value)
  })

  it('gives the expected words', () => {
    expect(plainLabel('prise_en_charge_specifique', SpecificSupport.Deafness)).toBe(
      'Accueil des personnes sourdes ou malentendantes',
    )
    expect(plainLabel('prise_en_charge_specifique', SpecificSupport.Deafness, 'en')).toBe(
      'Support for deaf or hard-of-hearing people',
    )
    expect(plainLabel('prise_en_charge_specifique', SpecificSupport.ForeignLanguagesEnglish)).toBe('Accueil en anglais')
    expect(plainLabel('prise_en_charge_specifique', SpecificSupport.ForeignLanguagesEnglish, 'en')).toBe(
      'Help in English',
    )
    expect(plainLabel('frais_a_charge', Fee.Paid, 'en')).toBe('Paid')
    expect(plainLabel('frais_a_charge', Fee.FreeUnderConditions)).toBe('Gratuit sous conditions')
    expect(plainLabel('services', Service.AdministrativeProcedures)).toBe('Aide pour les démarches en ligne')

    expect(plainCriterion('frais_a_charge', Fee.Free)).toBe('gratuit')
    expect(plainCriterion('frais_a_charge', Fee.Free, 'en')).toBe('that is free')
    expect(plainCriterion('prise_en_charge_specifique', SpecificSupport.Deafness)).toBe(
      'qui accueille les personnes sourdes',
    )
    expect(plainCriterion('prise_en_charge_specifique', SpecificSupport.ForeignLanguagesEnglish)).toBe(
      'où l’on parle anglais',
    )
    expect(plainCriterion('prise_en_charge_specifique', SpecificSupport.ForeignLanguagesEnglish, 'en')).toBe(
      'where English is spoken',
    )
    expect(plainCriterion('publics_specifiquement_adresses', TargetPublic.Seniors, 'en')).toBe('for older people')
    expect(plainCriterion('modalites_accompagnement', SupportMode.Workshop)).toBe('avec des ateliers en groupe')
    expect(plainCriterion('dispositif_programmes_nationaux', NationalProgramme.FranceServices)).toBe('France Services')
    expect(plainCriterion('dispositif_programmes_nationaux', NationalProgramme.FranceServices, 'en')).toBe(
      'that is a France Services centre',
    )
    expect(plainCriterion('services', Service.AdministrativeProcedures)).toMatch(/^pour /)
    expect(plainCriterion('services', Service.AdministrativeProcedures, 'en')).toMatch(/^for /)
  })

  it('reads a value spelled with a curly apostrophe', () => {
    expect(plainLabel('modalites_acces', 'Ce lieu n’accueille pas de public')).toBe('N’accueille pas de public')
  })

  it('gives back an unknown value or field as it is, without throwing', () => {
    expect(plainLabel('services', 'Réparation de vélos')).toBe('Réparation de vélos')
    expect(plainCriterion('services', 'Réparation de vélos', 'en')).toBe('Réparation de vélos')
    expect(plainLabel('couleur', 'Gratuit')).toBe('Gratuit')
    expect(plainCriterion('toString', 'constructor')).toBe('constructor')
    expect(plainLabel('services', 'toString')).toBe('toString')
  })
})
