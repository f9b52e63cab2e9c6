import { describe, expect, it } from 'vitest'
import { convertV0Row, PASS_NUMERIQUE_LABEL } from './v0.js'

const convert = (row: Record<string, unknown>) => convertV0Row(row)

describe('convertV0Row', () => {
  it('maps the 15 v0 services onto the 9 of v1, in order, without repeats', () => {
    expect(
      convert({
        services:
          'Accéder à une connexion internet;Accéder à du matériel;Accompagner les démarches de santé;Créer avec le numérique',
      }).record.services,
    ).toBe('Accès internet et matériel informatique|Aide aux démarches administratives|Loisirs et créations numériques')
  })
  it('turns publics into targeted publics only for places that do not also receive adults', () => {
    expect(convert({ publics_accueillis: 'Seniors (+ 65 ans);Surdité' }).record).toEqual({
      publics_specifiquement_adresses: 'Seniors',
      prise_en_charge_specifique: 'Surdité',
    })
    expect(convert({ publics_accueillis: 'Adultes;Seniors (+ 65 ans);Public langues étrangères' }).record).toEqual({
      prise_en_charge_specifique: 'Langues étrangères (autres)',
    })
  })
  it('maps conditions d’accès to frais à charge by their label, and keeps the Pass numérique as a free label', () => {
    const result = convert({
      conditions_acces:
        'Adhésion : L’accès au lieu et/ou à ses services nécessite d’y adhérer;Accepte le Pass numérique : Il est possible…',
    })
    expect(result.record).toEqual({
      frais_a_charge: 'Payant|Gratuit sous condition',
      autres_formations_labels: PASS_NUMERIQUE_LABEL,
    })
    expect(result.warnings.map((w) => w.code)).toEqual(['v0_value_approximated'])
  })
  it('splits labels nationaux between programmes, labels and free labels', () => {
    expect(
      convert({
        labels_nationaux: 'CNFS;Fabriques de Territoire;French Tech;Point numérique CAF',
        labels_autres: 'SudLabs',
      }).record,
    ).toEqual({
      dispositif_programmes_nationaux: "Conseillers numériques|Point d'accès numérique CAF",
      formations_labels: 'Fabriques de Territoire',
      autres_formations_labels: 'French Tech|SudLabs',
    })
  })
  it('maps modalités d’accompagnement by their label', () => {
    expect(
      convert({
        modalites_accompagnement:
          'Seul : j’ai accès…;A ma place : une personne habilitée fait les démarches à ma place',
      }).record,
    ).toEqual({ modalites_accompagnement: 'En autonomie|Accompagnement individuel' })
  })
  it('renames courriel and accessibilite, changes ; into |, and says cle_ban is dropped', () => {
    const result = convert({
      courriel: 'a@b.fr',
      site_web: 'https://a.fr;https://b.fr',
      accessibilite: 'https://acceslibre.beta.gouv.fr/x',
      cle_ban: '13001_3079_00001',
    })
    expect(result.record).toEqual({
      courriels: 'a@b.fr',
      site_web: 'https://a.fr|https://b.fr',
      fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/x',
    })
    expect(result.warnings.map((w) => [w.field, w.code])).toEqual([['cle_ban', 'v0_field_dropped']])
  })
  it('shortens a summary over 280 characters and keeps the whole text in presentation_detail', () => {
    const long = 'x'.repeat(400)
    const result = convert({ presentation_resume: long, presentation_detail: 'Suite.' })
    expect(String(result.record.presentation_resume)).toHaveLength(280)
    expect(result.record.presentation_detail).toBe(`${long}\n\nSuite.`)
    expect(result.warnings[0]?.code).toBe('v0_summary_shortened')
  })
  it('reports unknown v0 values as errors, with the closest v0 value', () => {
    const result = convert({ services: 'Prendre en main un ordinateurs' })
    expect(result.errors).toEqual([
      {
        field: 'services',
        code: 'invalid_value',
        message: expect.stringContaining('Vouliez-vous dire « Prendre en main un ordinateur » ?'),
      },
    ])
  })
})
