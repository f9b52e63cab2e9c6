import { describe, expect, it } from 'vitest'
import { createSpeller } from './spelling.js'

/** A needs lexicon as the pipeline folds it: the words people use to say what they need, and their forms. */
const vocabulary = `
  accompagnement accompagner accompagne acces achat achats actualisation actualiser adresse administratif administrative
  administratives administration aidant aidants aide aider aides allocation allocations ameli amende amendes ant
  appareil application applications apprendre arnaque arnaques assurance attestation attestations avis banque bancaire
  besoin besoins bonjour bonsoir bourse bulletin caf candidature candidatures carte cartes casier certificat chomage
  classe clavier code colis complementaire compte comptes conduire connect connecter connexion conseiller conseillere
  contrat controle courrier courriel courriels creer cv debutant declaration declarations declarer demande demander
  demandes demarche demarches demenagement dematerialisation depannage diplome document documents dossier dossiers
  droit droits ecran email emails emploi enfant enfants envoyer etranger etrangers facture factures famille
  familiale fichier fichiers formation formations formulaire formulaires france franceconnect gmail grise habilite
  habite habiter handicap identifiant identifiants identite immatriculation impot impots imprimante imprimer
  informatique inscription inscrire internet judiciaire jeux justificatif justificatifs logement logements logiciel
  maladie mail mails maison mdph merci messagerie mobile mot motivation mutuelle naissance nationalite naturalisation
  numerique numeriques ordinateur ordinateurs ordonnance paiement papiers parent parental parents passe passeport
  passeports pass payer pension permis personnel photo photos piece pieces pirate piratage portable prefecture prime
  procuration rdv recherche rechercher rendez renouveler renouvellement retraite retraites revenu rsa sante scanner
  sejour securite senior service services smartphone smartphones social sociale sociales souris stage tablette
  tablettes telecharger telephone telephones titre travail trouver usager utiliser virus visa vitale vous
`
  .split(/\s+/)
  .filter(Boolean)

const speller = createSpeller({ vocabulary })

describe('createSpeller', () => {
  it.each([
    ['declaraton', 'declaration'],
    ['identiter', 'identite'],
    ['informatiqe', 'informatique'],
    ['ordinnateur', 'ordinateur'],
    ['intrenet', 'internet'],
    ['smartfone', 'smartphone'],
    ['tablete', 'tablette'],
    ['logemant', 'logement'],
    ['retraitte', 'retraite'],
    ['naturalistion', 'naturalisation'],
    ['bezoin', 'besoin'],
    ['dosier', 'dossier'],
    ['inprimer', 'imprimer'],
    ['scaner', 'scanner'],
    ['arnake', 'arnaque'],
    ['judiciare', 'judiciaire'],
    ['conect', 'connect'],
    ['pasport', 'passeport'],
  ])('corrects the slip %s to %s', (token, expected) => {
    expect(speller.correct(token)).toBe(expected)
  })

  it.each([
    ['passepor', 'passeport'],
    ['inpots', 'impots'],
    ['impos', 'impots'],
    ['declarasion', 'declaration'],
    ['ordinateure', 'ordinateur'],
    ['internette', 'internet'],
    ['smarphone', 'smartphone'],
    ['tabelette', 'tablette'],
    ['alocations', 'allocations'],
    ['logment', 'logement'],
    ['retrete', 'retraite'],
    ['judiciere', 'judiciaire'],
    ['amelie', 'ameli'],
    ['amely', 'ameli'],
    ['dossie', 'dossier'],
    ['scanne', 'scanner'],
    ['parentale', 'parental'],
    ['arnac', 'arnaque'],
    ['piratte', 'pirate'],
    ['conduir', 'conduire'],
    ['permi', 'permis'],
    ['indentite', 'identite'],
    ['naturalisaton', 'naturalisation'],
    ['grize', 'grise'],
    ['abite', 'habite'],
    ['francetravail', 'france travail'],
  ])('corrects the evaluation corpus typo %s to %s', (token, expected) => {
    expect(speller.correct(token)).toBe(expected)
  })

  it.each([
    ['dimpot', 'd impot'],
    ['dimpots', 'd impots'],
    ['jhabite', 'j habite'],
    ['jabite', 'j habite'],
    ['lordinateur', 'l ordinateur'],
    ['lordinnateur', 'l ordinateur'],
    ['daide', 'd aide'],
    ['jai', 'j ai'],
  ])('splits the glued elision %s into %s', (token, expected) => {
    expect(speller.correct(token)).toBe(expected)
  })

  it.each([
    ['merciiii', 'merci'],
    ['biiien', 'bien'],
    ['connnect', 'connect'],
    ['intreneeeet', 'internet'],
  ])('collapses the letters typed three times or more in %s', (token, expected) => {
    expect(speller.correct(token)).toBe(expected)
  })

  it.each(['permis', 'retrait', 'mairie', 'passe', 'carte', 'sens', 'touche', 'signes', 'vital', 'pas', 'numerique'])(
    'keeps the French word %s',
    (word) => {
      expect(speller.correct(word)).toBe(word)
    },
  )

  it('leaves short tokens and tokens with digits as written', () => {
    for (const token of ['caf', 'imp', 'ds', 'a', '75018', 'cv2', 'l3gement'])
      expect(speller.correct(token)).toBe(token)
  })

  it('leaves the protected words as written', () => {
    const communes = new Set(['mercy', 'taillette'])
    const withCommunes = createSpeller({ vocabulary, protect: (word) => communes.has(word) })
    expect(withCommunes.correct('mercy')).toBe('mercy')
    expect(withCommunes.correct('taillette')).toBe('taillette')
    expect(speller.correct('mercy')).toBe('merci')
    expect(speller.correct('taillette')).toBe('tablette')
  })

  it('does not take a word for a slip of a word with another first letter when it is two letters away', () => {
    expect(speller.correct('farges')).toBe('farges')
    expect(speller.correct('lapenne')).toBe('lapenne')
  })

  it('returns every vocabulary word unchanged', () => {
    const changed = vocabulary.filter((word) => speller.correct(word) !== word)
    expect(changed).toEqual([])
  })

  it('gives the same answer whatever the order of the vocabulary and the cache', () => {
    const reversed = createSpeller({ vocabulary: [...vocabulary].reverse() })
    const tokens = ['impos', 'intrenet', 'dimpot', 'arnac', 'retrete', 'tablete', 'documant', 'servise']
    const first = tokens.map((token) => speller.correct(token))
    expect(tokens.map((token) => reversed.correct(token))).toEqual(first)
    expect(tokens.map((token) => speller.correct(token))).toEqual(first)
  })

  it('is quick to build and to run', () => {
    let start = performance.now()
    const fresh = createSpeller({ vocabulary })
    const createMs = performance.now() - start
    const message = 'bonjour jai besoin daide pour ma declaraton dimpot sur intrenet avec mon ordinnateur et la tablete'
    const tokens = `${message} ${message} ${message}`.split(' ')
    start = performance.now()
    for (let round = 0; round < 100; round++) for (const token of tokens) fresh.correct(token)
    const perMessageMs = (performance.now() - start) / 100
    expect(createMs).toBeLessThan(300)
    expect(perMessageMs).toBeLessThan(1)
  })
})
