import { foldMessage } from './sms.js'
import { Service } from '@aiguillage/lieux'

/**
 * The ten domains of démarches of Aidants Connect (settings.DEMARCHES): an aidant's mandate names the domains it covers.
 */
export const Demarche = {
  Papiers: 'papiers',
  Famille: 'famille',
  Social: 'social',
  Travail: 'travail',
  Logement: 'logement',
  Transports: 'transports',
  Argent: 'argent',
  Justice: 'justice',
  Etranger: 'etranger',
  Loisirs: 'loisirs',
} as const
export type Demarche = (typeof Demarche)[keyof typeof Demarche]

/** The titles Aidants Connect shows for each domain. */
export const demarcheTitles: Readonly<Record<Demarche, string>> = {
  papiers: 'Papiers - Citoyenneté - Élections',
  famille: 'Famille - Scolarité',
  social: 'Social - Santé',
  travail: 'Travail - Formation',
  logement: 'Logement',
  transports: 'Transports - Mobilité',
  argent: 'Argent - Impôts - Consommation',
  justice: 'Justice',
  etranger: 'Étranger - Europe',
  loisirs: 'Loisirs - Sport - Culture',
}

type ServiceValue = (typeof Service)[keyof typeof Service]
type NeedRule = {
  name: string
  pattern: RegExp
  services: readonly ServiceValue[]
  demarche?: Demarche
  /** Words that are a need only when nothing else is asked: "sur internet" is the way of a démarche, not a need. */
  aloneOnly?: boolean
}

const ADM = Service.AdministrativeProcedures
const OUT = Service.EverydayDigitalTools
const INS = Service.EmploymentThroughDigital
const SEC = Service.SafeDigitalUse
const PAR = Service.ParentingAndEducation
const LOI = Service.LeisureAndCreation
const COM = Service.UnderstandingDigitalWorld
const ACC = Service.InternetAndEquipmentAccess
const EQU = Service.AffordableEquipment

const w = (source: string) => new RegExp(`(?:^| )(?:${source})(?= |$)`)

/**
 * What people write → the services of the standard (and the domain of a démarche). Patterns run on folded text
 * (lower case, no accents, apostrophes as spaces: "l'ENT" is "l ent"). Written from the procedures and sites people
 * name (CAF, Ameli, impots.gouv, ANTS, France Travail…) and the ANCT orientation wording, in French and plain English.
 */
export const needRules: readonly NeedRule[] = [
  // Démarches, by domain.
  {
    name: 'impôts',
    pattern: w(
      'banques?|compte bancaire|comptes bancaires|virements?|impots?|impot gouv|impots gouv|declar\\w* (?:de |d )?(?:mes |ses |nos |leurs )?revenus|declaration d impots?|taxe d habitation|taxe fonciere|prelevement a la source|timbres? fiscal|taxes?|tax return',
    ),
    services: [ADM],
    demarche: 'argent',
  },
  {
    name: 'véhicule',
    pattern: w(
      'carte grise|certificat d immatriculation|permis de conduire|permis|code de la route|crit ?air|amendes?|antai|driving licen[cs]e',
    ),
    services: [ADM],
    demarche: 'transports',
  },
  {
    name: 'papiers d’identité',
    pattern: w(
      'carte d identite|cni|passeport|carte electorale|listes? electorales?|procuration|acte de deces|id card|passport',
    ),
    services: [ADM],
    demarche: 'papiers',
  },
  {
    name: 'famille',
    pattern: w(
      'pension alimentaire|aripa|allocations? familiales?|declaration de naissance|naissance|prime de naissance|garde d enfants?|creche|paje|bourses? scolaires?|inscription (?:a l |a la |au )?(?:ecole|cantine|college|lycee)|cantine|parcoursup|affelnet|bourses? (?:du )?(?:college|lycee|crous)|crous|dossier social etudiant',
    ),
    services: [ADM],
    demarche: 'famille',
  },
  {
    name: 'santé et social',
    pattern: w(
      'assurance maladie|ameli|cpam|carte vitale|securite sociale|mutuelle|complementaire sante|css|rsa|mdph|aah|msa|prime d activite|mon espace sante|health insurance',
    ),
    services: [ADM],
    demarche: 'social',
  },
  {
    name: 'logement',
    pattern: w(
      'cheques? energie|factures? (?:d )?(?:edf|engie|electricite|gaz|eau)|fournisseur d (?:electricite|energie|gaz)|edf|engie|enedis|apl|aides? au logement|aide logement|allocation logement|logement social|logements? sociaux|demande de logement|hlm|loyer|logement|housing',
    ),
    services: [ADM],
    demarche: 'logement',
  },
  {
    name: 'travail et retraite',
    pattern: w(
      '(?:ma|sa|la|(?<!maison )de|une|mon|leur|notre|dossier de|demande de|depart a la|depart en) retraite|retraite complementaire|france travail|pole emploi|chomage|actualis\\w*|mon compte formation|cpf|info retraite|carsat|pension de retraite|pension application|my pension|state pension|retirement',
    ),
    services: [ADM],
    demarche: 'travail',
  },
  {
    name: 'étrangers',
    pattern: w(
      'titres? de sejour|cartes? de sejour|naturalisation|visa|anef|ofpra|asile|residence permit|residency|immigration',
    ),
    services: [ADM],
    demarche: 'etranger',
  },
  {
    name: 'justice',
    pattern: w('casier judiciaire|plainte|tribunal|justice|avocat|jugement'),
    services: [ADM],
    demarche: 'justice',
  },
  {
    name: 'loisirs',
    pattern: w('pass culture|permis de chasse|permis de peche|licence sportive'),
    services: [ADM],
    demarche: 'loisirs',
  },
  {
    name: 'démarches',
    pattern: w(
      'ants|urssaf|demarches?|dossiers?|formulaires?|papiers|administrati\\w*|caf|allocations?|aides? sociales?|franceconnect|france connect|prefecture|mairie en ligne|service public|services publics|administration|paperwork|forms?',
    ),
    services: [ADM],
  },
  // Everyday digital tools.
  {
    name: 'outils du quotidien',
    pattern: w(
      'smartphones?|tablettes?|portables?|telephone portable|telephones?|mails?|e ?mails?|courriels?|messagerie|boite mail|word|excel|traitement de texte|cours d informatique|informatique|clavier|souris|applications?|applis?|whatsapp|visio|appels? video|skype|zoom|doctolib|rendez vous (?:medical |medicaux )?en ligne|rdv (?:medical )?en ligne|achats? en ligne|navigateur|google|debutante?s?|utiliser (?:un |une |mon |ma |son |sa |l )?(?:ordinateur|ordi|pc)|(?:aider|aide|probleme|problemes|souci|soucis|galere) (?:avec|sur|pour) (?:l |mon |ma |un |une |le |la |son |sa )?(?:ordinateur|ordi|pc|tablette|telephone|portable|smartphone|internet)|(?:me |se |te |nous |vous )?servir (?:d un |d une |de mon |de ma |de son |de sa |de leur |du |de l )?(?:ordinateur|ordi|pc|tablette|smartphone|telephone|portable|internet)|computer|smartphone|tablet|emails?',
    ),
    services: [OUT],
  },
  {
    name: 'apprendre',
    pattern: w('apprendre|apprentissage|initiation|m initier|cours|formation informatique|me former|learn|learning'),
    services: [OUT],
  },
  // Access to a computer, the internet, a printer.
  {
    name: 'accès au matériel',
    pattern: w(
      'cyber ?cafes?|cyber ?bases?|espaces? publics? numeriques?|epn|(?:pas d|sans|besoin d un|besoin d une|besoin d|acces a un|acces a une|acces a|acces|utiliser un) (?:ordinateur|ordi|pc|internet|imprimante|scanner|wifi|connexion)|imprimer|impression de documents?|imprimante|scanner|scanne\\w*|numeriser|photocop\\w*|wifi|connexion internet|poste informatique|ordinateurs? en libre acces|envoyer un dossier|print|printer',
    ),
    services: [ACC],
  },
  // Equipment at a low price.
  {
    name: 'équipement solidaire',
    pattern: w(
      '(?:acheter|achat|trouver|obtenir|avoir) (?:un |une )?(?:ordinateur|ordi|smartphone|telephone|tablette|pc)|d occasion|reconditionn\\w*|petit prix|pas cher|bon marche|prix solidaire|prix reduit|moins cher|cheap|second hand',
    ),
    services: [EQU],
  },
  // Safety online.
  {
    name: 'sécurité',
    pattern: w(
      'pirat\\w*|hack\\w*|arnaqu\\w*|escroqu\\w*|phishing|hameconnage|virus|securi\\w*|compte bloque|compte vole|lien suspect|lien bizarre|clique sur un lien|proteger (?:mes|ses|nos) (?:donnees|comptes)|faux (?:mail|sms|message|site)|usurpation|spam|scam|hacked',
    ),
    services: [SEC],
  },
  // Parents and school.
  {
    name: 'parentalité',
    pattern: w(
      'ent|pronote|educonnect|ecole directe|ecrans?|controle parental|proteger (?:mes|ses|nos|les) enfants|parents?|parentalite|(?:college|lycee|ecole) (?:de |d )?(?:mon|ma|mes|son|sa|ses) (?:fils|fille|enfants?)|devoirs',
    ),
    services: [PAR],
  },
  // Leisure and creation.
  {
    name: 'création',
    pattern: w(
      'fablab|fab lab|impression 3d|imprimante 3d|3d|montage (?:photo|video)|retouch\\w*|jeux? video|creer (?:un site|une video|de la musique)|musique assistee|graphisme|dessin numerique|video',
    ),
    services: [LOI],
  },
  // Understanding the digital world.
  {
    name: 'culture numérique',
    pattern: w(
      'fake news|infox|desinformation|facebook|vraies? ou fausses?|informations? (?:est |sont )?vraies?|verifier (?:une |les )?informations?|reseaux sociaux|intelligence artificielle|ia|chat ?gpt|donnees personnelles|culture numerique|algorithmes?|cookies|comprendre (?:le|les) (?:numerique|reseaux)',
    ),
    services: [COM],
  },
  // "Internet" alone ("je ne sais pas aller sur internet") is learning the tools; with a démarche it is only the way.
  { name: 'internet', pattern: w('internet'), services: [OUT], aloneOnly: true },
  // Finding a job.
  {
    name: 'emploi',
    pattern: w(
      '(?:chercher|trouver|recherche|rechercher|cherche) (?:du |un |une )?(?:travail|emploi|job|boulot|stage|alternance)|emplois?|cv|curriculum|lettre de motivation|candidatures?|offres? d emploi|entretien d embauche|linkedin|indeed|insertion|reconversion|creer (?:mon|une|ma) (?:entreprise|societe)|auto entrepreneur|micro entreprise|find a job|job',
    ),
    services: [INS],
  },
]

export type DetectedNeed = {
  /** Official `services` values, in the order their words appear. */
  services: ServiceValue[]
  /** The domain of the démarche, when the words name one. */
  demarche?: Demarche
  /** Names of the rules that matched (for explanations and tests). */
  matched: string[]
}

/**
 * The services (and démarche domain) a text asks for. Several may match ("apprendre Word pour trouver un emploi"):
 * all are returned, the first written first.
 */
export function detectNeeds(text: string): DetectedNeed {
  const folded = ` ${foldMessage(text)} `
  const hits: { index: number; rule: NeedRule }[] = []
  for (const rule of needRules) {
    const match = rule.pattern.exec(folded)
    if (match) hits.push({ index: match.index, rule })
  }
  if (hits.some((hit) => !hit.rule.aloneOnly)) hits.splice(0, hits.length, ...hits.filter((hit) => !hit.rule.aloneOnly))
  hits.sort((a, b) => a.index - b.index)
  const services: ServiceValue[] = []
  for (const { rule } of hits)
    for (const service of rule.services) if (!services.includes(service)) services.push(service)
  const demarche = hits.find((hit) => hit.rule.demarche)?.rule.demarche
  return { services, ...(demarche ? { demarche } : {}), matched: hits.map((hit) => hit.rule.name) }
}
