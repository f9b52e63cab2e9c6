// Generated variants: a few real-looking secrets × the separators people put in them × the ways they say them.
// Every variant must come out masked, every ordinary number (phone, postcode, date, amount, SIRET…) untouched.
import { describe, expect, it } from 'vitest'
import { cardCheck, nirCheck, redactSensitive, validIban } from './sensitive.js'

/** Appends the Luhn check digit. */
function withLuhn(partial: string): string {
  for (let check = 0; check <= 9; check++) if (cardCheck(partial + check)) return partial + check
  throw new Error(`no Luhn digit for ${partial}`)
}

/** Appends a NIR's key, 97 − (number mod 97), with Corsica's 2A/2B as 19/18. */
function withKey(nir13: string): string {
  const digits = nir13.slice(0, 5) + nir13.slice(5, 7).replace('2A', '19').replace('2B', '18') + nir13.slice(7)
  let rest = 0
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97
  return nir13 + String(97 - rest).padStart(2, '0')
}

/** Splits a compact number into groups of the given sizes. */
function split(compact: string, sizes: readonly number[]): string[] {
  const groups: string[] = []
  let at = 0
  for (const size of sizes) {
    if (at >= compact.length) break
    groups.push(compact.slice(at, at + size))
    at += size
  }
  if (at < compact.length) groups.push(compact.slice(at))
  return groups
}

const fours = (n: number) => Array.from({ length: Math.ceil(n / 4) }, () => 4)

/** Between groups: space, NBSP, narrow NBSP, tab, dot, dash, slash, « - », and none at all. */
const separators: Record<string, string> = {
  space: ' ',
  nbsp: '\u00A0',
  'narrow nbsp': '\u202F',
  tab: '\t',
  dot: '.',
  dash: '-',
  slash: '/',
  'spaced dash': ' - ',
  none: '',
}

const cards = [
  { brand: 'Visa', number: '4111111111111111', sizes: fours(16) },
  { brand: 'Visa (CB)', number: withLuhn('497010123456789'), sizes: fours(16) },
  { brand: 'Mastercard', number: '5555555555554444', sizes: fours(16) },
  { brand: 'Mastercard 2-series', number: withLuhn('222300004841001'), sizes: fours(16) },
  { brand: 'Amex', number: '378282246310005', sizes: [4, 6, 5] },
  { brand: 'Maestro 19', number: withLuhn('676770123456789012'), sizes: fours(19) },
]
/** Corsica's NIRs carry 2A/2B as written, their key computed with 19/18. */
const nirs = [
  { who: 'man born 1985 in Moselle', number: withKey('1850578006084') },
  { who: 'woman born 1969 in Corse-du-Sud', number: withKey('269112A004123') },
  { who: 'man born 1955 in Haute-Corse', number: withKey('155032B033045') },
  { who: 'woman born abroad', number: withKey('2870699123456') },
  { who: 'man born 1962 in Cantal', number: withKey('1620115014003') },
]
const nirSizes = [1, 2, 2, 2, 3, 3, 2]
const ibans = [
  { country: 'FR', number: 'FR7630006000011234567890189' },
  { country: 'FR with a letter', number: 'FR1420041010050500013M02606' },
  { country: 'DE', number: 'DE89370400440532013000' },
  { country: 'BE', number: 'BE68539007547034' },
]

const numberContexts = [
  '{x}',
  'voila mon numero {x} merci',
  'MA CB : {x}',
  'mon numéro de sécu c’est {x} voila',
  'my number is {x}',
  'Bonjour, je m’appelle Jeanne, j’ai 78 ans et ma fille m’a dit d’écrire ici. {x} voilà c’est ça. Je cherche de l’aide à Guéret pour mes papiers, merci beaucoup.',
]

const passwords = ['Soleil2024', 'azerty123', 'Hunter2!', 'MaMaison#75', 'chat-noir-89']
const passwordContexts = [
  'mon mot de passe est {x}',
  'mon mot-de-passe est {x}',
  'motdepasse {x}',
  'mot de pass : {x}',
  'mot 2 passe {x}',
  'mdp: {x}',
  'MDP = {x}',
  'mon mdp cest {x}',
  'Mon Mot De Passe Impots Est {x}',
  'mon mot de passe ameli c’est {x}',
  'mon mot de passe ameli {x}',
  'le mot de passe de ma boite mail c’est {x}',
  'mot de passe : « {x} »',
  'voila mon identifiant jean.dupont et mon mot de passe {x} svp aidez moi',
  'my password is {x}',
  'PASSWORD IS {x}',
  'password: {x}',
  'my pass is {x}',
  'pass: {x}',
  'pwd {x}',
  'my passwd = {x}',
  'the password for my email is {x}',
  'j’ai 82 ans et mon petit fils a mis le mot de passe {x} sur la tablette, je trouve pas le bouton',
  'mot de pase {x}',
  'mon mot de passse c {x}',
  'mon mdp c {x}',
  'mn mdp c’est {x}',
  'MOT DE PASSE : {x}',
  'mots de passe = {x}',
  'voici mon mdp {x}',
  'my pasword is {x}',
  'password={x}',
  'bjr jai un souci avec ameli mon mdp c {x} et sa marche pa',
]

const codes = ['4821', '7391', '482913', '105338']
/** A code as typed: as is, digit by digit, in two halves. */
const codeWritings = (code: string) => [
  code,
  code.split('').join(' '),
  `${code.slice(0, code.length / 2)} ${code.slice(code.length / 2)}`,
]
const codeContexts = [
  'mon code secret est {x}',
  'code confidentiel : {x}',
  'code pin {x}',
  'mon code pin c’est {x}',
  'mon code c’est {x}',
  'mon code c est {x}',
  'le code reçu par sms {x}',
  'le code recu par SMS : {x}',
  'code sms {x}',
  'voila le code {x} que j’ai reçu',
  'my pin is {x}',
  'my PIN code: {x}',
  'passcode {x}',
  'the code I got by text is {x}',
  'code de verification = {x}',
  'mon code de carte bleue est le {x}',
  'mon code pin c {x}',
  'CODE SECRET : {x}',
  'mon code secre c’est {x}',
  'le code ke jai recu par sms c {x}',
  'jai recu le code {x} par texto',
]

type Variant = { name: string; text: string; secret: string; kind: string; context: string }

function variants(): Variant[] {
  const out: Variant[] = []
  for (const [sepName, sep] of Object.entries(separators)) {
    for (const card of cards)
      for (const context of numberContexts)
        out.push({
          name: `${card.brand} card, ${sepName}`,
          text: context.replace('{x}', split(card.number, card.sizes).join(sep)),
          secret: card.number,
          kind: 'carte_bancaire',
          context,
        })
    for (const nir of nirs)
      for (const context of numberContexts)
        out.push({
          name: `NIR of a ${nir.who}, ${sepName}`,
          text: context.replace('{x}', split(nir.number, nirSizes).join(sep)),
          secret: nir.number,
          kind: 'nir',
          context,
        })
    if (sep === '/') continue // an IBAN is not written with slashes
    for (const iban of ibans)
      for (const context of numberContexts)
        out.push({
          name: `${iban.country} IBAN, ${sepName}`,
          text: context.replace('{x}', split(iban.number, fours(34)).join(sep)),
          secret: iban.number,
          kind: 'iban',
          context,
        })
  }
  for (const password of passwords)
    for (const context of passwordContexts)
      out.push({
        name: `password in « ${context} »`,
        text: context.replace('{x}', password),
        secret: password,
        kind: 'mot_de_passe',
        context,
      })
  for (const code of codes)
    for (const written of codeWritings(code))
      for (const context of codeContexts)
        out.push({
          name: `code in « ${context} »`,
          text: context.replace('{x}', written),
          secret: code,
          kind: 'code_secret',
          context,
        })
  return out
}

/** Whether any of the secret is left: for numbers, any digit beyond the context's own; otherwise the secret itself. */
function leaks(v: Variant, masked: string): boolean {
  if (v.kind === 'mot_de_passe') return masked.includes(v.secret)
  const digits = (s: string) => s.replace(/\D/g, '')
  if (digits(masked) !== digits(v.context)) return true
  return v.kind === 'iban' && masked.replace(/[^A-Z0-9]/gi, '').includes(v.secret.slice(0, 4))
}

const negatives = [
  // phones
  'appelez le 06 12 34 56 78',
  'mon tel 06.12.34.56.78',
  'tel : 04 71 12 34 56',
  '+33 6 12 34 56 78',
  '0612345678',
  '01-23-45-67-89',
  'mon fixe 05 55 12 34 56 ou le portable 06 12 34 56 78',
  '06 12 34 56 78 / 05 55 12 34 56',
  'appeler le 3939',
  'le 17 ou le 112',
  // postcodes and addresses
  '23000',
  '15000 Aurillac',
  'j’habite au 12 rue de la Gare, 23000 Guéret',
  '3 bis avenue Jean Jaurès 15000 Aurillac',
  'code postal 15000',
  'mon code postal c’est 23000',
  'le code c est 23000 à Guéret',
  'code INSEE 15014',
  // dates and times
  'rendez-vous le 12/05/2024',
  'le 12.05.2024 à 14h30',
  'né le 3 mars 1941',
  '2024-05-12',
  'ouvert du lundi au vendredi 9h-12h / 14h-17h',
  'horaires 08:30-12:00 13:30-17:00',
  'ouvert 9 h 30 - 12 h',
  'j’ai 85 ans, né en 1939',
  // amounts
  '1 234,56 €',
  'une facture de 1 234 567,89 €',
  '12 345 €',
  'un montant de 4 970 101 234 567 893 €', // Luhn-valid, but written in thousands
  '1.234,56 euros',
  'prix 19,99 €',
  'pass culture 300 €',
  // company numbers, other numbers
  'SIRET 43493312300029',
  'SIRET 434 933 123 00029',
  'SIREN 434 933 123',
  'facture n° 123456789012',
  'mon numero allocataire caf est 1234567',
  'numéro de dossier 2024-123456',
  'ma carte 4111 1111 1111 1112', // fails Luhn
  '1234 5678 9012 3456', // fails Luhn
  'commande 1234567890123456789012',
  // words about secrets, not secrets
  'j’ai oublié mon mot de passe ameli',
  'mon mot de passe ne marche plus',
  'mot de passe : oublié',
  'mon mot de passe est bloqué',
  'my password is wrong',
  'I forgot my password',
  'je voudrais des infos sur le pass numérique',
  'le pass navigo',
  'the pass is free',
  'mon passeport est perimé',
  'le code de la route 2024',
  'code promo 2024',
  'j’ai 2 enfants de 4 et 6 ans',
  'ligne 12, bus 4',
  'Windows 10 sur mon iPhone 12',
  'est ce que l’aidant va me demander mon mot de passe ?',
  'mot de passe FranceConnect',
  'mon mdp c pa bon',
  'mot de passe c quoi',
  'c koi le code postal de Tulle',
  'le mdp c nimporte quoi',
  'MON MOT DE PASSE EST PERDU',
  'mon mot de passe est toujours refusé',
  'mdp oublie',
]

describe('redactSensitive on generated variants', () => {
  const all = variants()
  const missed = all.filter((v) => {
    const { text, kinds } = redactSensitive(v.text)
    return leaks(v, text) || !kinds.includes(v.kind as never)
  })
  it(`masks ${all.length - missed.length} of ${all.length} variants (cards, NIRs, IBANs × 9 separators, passwords and codes × phrasings)`, () => {
    expect(all.length).toBeGreaterThanOrEqual(200)
    expect(
      missed.map((v) => `${v.name}: ${JSON.stringify(v.text)} → ${JSON.stringify(redactSensitive(v.text).text)}`),
    ).toEqual([])
  })

  const touched = negatives.filter((text) => redactSensitive(text).text !== text)
  it(`leaves ${negatives.length - touched.length} of ${negatives.length} ordinary texts intact (phones, postcodes, dates, amounts, SIRET…)`, () => {
    expect(negatives.length).toBeGreaterThanOrEqual(50)
    expect(touched.map((text) => `${JSON.stringify(text)} → ${JSON.stringify(redactSensitive(text).text)}`)).toEqual([])
  })

  it('the generated secrets are valid (Luhn, NIR key, IBAN mod 97)', () => {
    for (const card of cards) expect(cardCheck(card.number), card.brand).toBe(true)
    for (const nir of nirs) expect(nirCheck(nir.number), nir.who).toEqual({ shaped: true, keyed: true })
    for (const iban of ibans) expect(validIban(iban.number), iban.country).toBe(true)
  })

  it.each([
    ['mon mot-de-passe est Soleil2024', 'mot_de_passe'],
    ['my pass is Sunshine7', 'mot_de_passe'],
    ['my password is hunter22', 'mot_de_passe'],
    ['secu 1-85-05-78-006-084-91', 'nir'],
    ['ma carte 4970.1012.3456.7893', 'carte_bancaire'],
    ['ma carte 4111\u00A01111\u00A01111\u00A01111', 'carte_bancaire'],
    ['ma carte 4111\u202F1111\u202F1111\u202F1111 et 5555\t5555\t5555\t4444', 'carte_bancaire'],
    ['IBAN FR76-3000-6000-0112-3456-7890-189', 'iban'],
  ])('masks what the red team got through: %j', (text, kind) => {
    const { text: masked, kinds } = redactSensitive(text)
    expect(kinds).toEqual([kind])
    expect(masked).not.toMatch(/\d{3}|Soleil2024|Sunshine7|hunter22/)
  })
})

describe('redactSensitive stays linear', () => {
  const adversarial = [
    '1 '.repeat(500),
    '4111 '.repeat(200),
    '1.2-3/4\t'.repeat(125),
    '1\u00A0\u202F-'.repeat(250),
    '12A '.repeat(250),
    'FR76 '.repeat(200),
    'fr76 aaaa '.repeat(100),
    'mot de passe '.repeat(77),
    'mot  de  passe est '.repeat(52),
    'code '.repeat(200),
    'code 1 2 3 4 5 6 7 8 9 '.repeat(43),
    'mdp : '.repeat(166),
    'my pass is '.repeat(90),
    '9'.repeat(1000),
  ].map((s) => s.repeat(2).slice(0, 1000))

  it('1 000 calls on each 1 000-character message of digits, separators and labels all finish', () => {
    for (const text of adversarial) {
      expect(text.length).toBe(1000)
      let calls = 0
      for (let i = 0; i < 1000; i++) {
        redactSensitive(text)
        calls++
      }
      expect(calls).toBe(1000)
    }
  }, 120_000)
})
