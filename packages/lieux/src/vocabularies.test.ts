import { describe, expect, it } from 'vitest'
import { normaliseVocabularyValue, TrainingLabel, Typologie, vocabularies } from './vocabularies.js'

// One snapshot per vocabulary: changing an official value must be deliberate (and come with a changeset).
describe('official vocabularies of the standard v1.0.2', () => {
  it('services', () => {
    expect(vocabularies.services).toMatchInlineSnapshot(`
      [
        "Aide aux démarches administratives",
        "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique",
        "Utilisation sécurisée du numérique",
        "Parentalité et éducation avec le numérique",
        "Loisirs et créations numériques",
        "Compréhension du monde numérique",
        "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
      ]
    `)
  })
  it('publics_specifiquement_adresses', () => {
    expect(vocabularies.publics_specifiquement_adresses).toMatchInlineSnapshot(`
      [
        "Jeunes",
        "Étudiants",
        "Familles et/ou enfants",
        "Seniors",
        "Femmes",
      ]
    `)
  })
  it('prise_en_charge_specifique', () => {
    expect(vocabularies.prise_en_charge_specifique).toMatchInlineSnapshot(`
      [
        "Surdité",
        "Handicaps moteurs",
        "Handicaps mentaux",
        "Illettrisme",
        "Langues étrangères (anglais)",
        "Langues étrangères (autres)",
        "Déficience visuelle",
      ]
    `)
  })
  it('frais_a_charge', () => {
    expect(vocabularies.frais_a_charge).toMatchInlineSnapshot(`
      [
        "Gratuit",
        "Gratuit sous condition",
        "Payant",
      ]
    `)
  })
  it('itinerance', () => {
    expect(vocabularies.itinerance).toMatchInlineSnapshot(`
      [
        "Itinérant",
        "Fixe",
      ]
    `)
  })
  it('modalites_acces', () => {
    expect(vocabularies.modalites_acces).toMatchInlineSnapshot(`
      [
        "Se présenter",
        "Téléphoner",
        "Contacter par mail",
        "Prendre un RDV en ligne",
        "Ce lieu n'accueille pas de public",
        "Envoyer un mail avec une fiche de prescription",
      ]
    `)
  })
  it('modalites_accompagnement', () => {
    expect(vocabularies.modalites_accompagnement).toMatchInlineSnapshot(`
      [
        "En autonomie",
        "Accompagnement individuel",
        "Dans un atelier collectif",
        "À distance",
      ]
    `)
  })
  it('dispositif_programmes_nationaux', () => {
    expect(vocabularies.dispositif_programmes_nationaux).toMatchInlineSnapshot(`
      [
        "Aidants Connect",
        "Bibliothèques numérique de référence",
        "Certification PIX",
        "Conseillers numériques",
        "Emmaüs Connect",
        "France Services",
        "Grande école du numérique",
        "La Croix Rouge",
        "Point d'accès numérique CAF",
        "Promeneurs du net",
        "Relais numérique (Emmaüs Connect)",
      ]
    `)
  })
  it('formations_labels', () => {
    expect(vocabularies.formations_labels).toMatchInlineSnapshot(`
      [
        "Formé à « Mon Espace Santé »",
        "Formé à « DUPLEX » (illettrisme)",
        "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
        "Collectif ressources et acteurs réemploi (Normandie)",
        "Étapes numériques (La Poste)",
        "Fabriques de Territoire",
        "Les Éclaireurs du numérique (Drôme)",
        "Mes Papiers (Métropole de Lyon)",
        "ORDI 3.0",
        "SUD LABS (PACA)",
      ]
    `)
  })
  it('typologie codes', () => {
    expect(Object.keys(Typologie)).toMatchInlineSnapshot(`
      [
        "ACI",
        "ACIPHC",
        "AFPA",
        "AI",
        "ASE",
        "ASSO",
        "ASSO_CHOMEUR",
        "Autre",
        "AVIP",
        "BIB",
        "CAARUD",
        "CADA",
        "CAF",
        "CAP_EMPLOI",
        "CAVA",
        "CC",
        "CCAS",
        "CCONS",
        "CD",
        "CDAS",
        "CFP",
        "CHRS",
        "CHU",
        "CIAS",
        "CIDFF",
        "CITMET",
        "CMP",
        "CMS",
        "CPAM",
        "CPH",
        "CS",
        "CSAPA",
        "CSC",
        "DEETS",
        "DEPT",
        "DIPLP",
        "E2C",
        "EA",
        "EATT",
        "EI",
        "EITI",
        "ENM",
        "EPCI",
        "EPI",
        "EPIDE",
        "EPN",
        "ES",
        "ESAT",
        "ESS",
        "ETABL_PRI",
        "ETABL_PUB",
        "ETAT",
        "ETTI",
        "EVS",
        "FABLAB",
        "FABRIQUE",
        "FAIS",
        "FT",
        "GEIQ",
        "HUDA",
        "LA_POSTE",
        "MDA",
        "MDE",
        "MDEF",
        "MDH",
        "MDPH",
        "MDS",
        "MJC",
        "ML",
        "MQ",
        "MSA",
        "MSAP",
        "MUNI",
        "OACAS",
        "ODC",
        "OF",
        "OIL",
        "OPCS",
        "PAD",
        "PENSION",
        "PI",
        "PIJ_BIJ",
        "PIMMS",
        "PJJ",
        "PLIE",
        "PREF",
        "PREVENTION",
        "REG",
        "RELAIS_LECTURE",
        "RESSOURCERIE",
        "RFS",
        "RS_FJT",
        "SCP",
        "SPIP",
        "TIERS_LIEUX",
        "UDAF",
      ]
    `)
  })
})

describe('normaliseVocabularyValue', () => {
  it('turns curly apostrophes into the standard straight one', () => {
    expect(normaliseVocabularyValue('Ce lieu n’accueille pas de public')).toBe("Ce lieu n'accueille pas de public")
    expect(normaliseVocabularyValue('Point d‘accès numérique CAF')).toBe("Point d'accès numérique CAF")
  })
  it('accepts the unspaced spelling of the v1.0.2 pattern and writes the official one', () => {
    expect(normaliseVocabularyValue('Étapes numériques(La Poste)')).toBe(TrainingLabel.EtapesNumeriques)
    expect(normaliseVocabularyValue('Étapes numériques (La Poste)')).toBe('Étapes numériques (La Poste)')
  })
  it('collapses inner and outer spaces but keeps everything else as typed', () => {
    expect(normaliseVocabularyValue('  Aide aux   démarches administratives ')).toBe(
      'Aide aux démarches administratives',
    )
    expect(normaliseVocabularyValue('aide aux démarches administratives')).toBe('aide aux démarches administratives')
  })
})
