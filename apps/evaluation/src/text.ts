/** Small text helpers shared by the generator and the perturbations. */

export type Person = 'self' | 'third'

const thirdPerson: Readonly<Record<string, string>> = {
  '{mon}': 'son',
  '{ma}': 'sa',
  '{mes}': 'ses',
  '{me}': 'se',
  "{m'}": 's’',
}
const firstPerson: Readonly<Record<string, string>> = {
  '{mon}': 'mon',
  '{ma}': 'ma',
  '{mes}': 'mes',
  '{me}': 'me',
  "{m'}": 'm’',
}

/** Fills the person tokens of a task: "déclarer {mes} impôts" → "déclarer mes impôts" or "déclarer ses impôts". */
export function inPerson(text: string, person: Person): string {
  const table = person === 'self' ? firstPerson : thirdPerson
  return text.replace(/\{(?:mon|ma|mes|me|m')\}/g, (token) => table[token] ?? token)
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "à Tarbes", "au Havre", "aux Abymes". */
export function atPlace(name: string): string {
  const m = /^(le|les|la|l’|l')\s*(.*)$/i.exec(name)
  if (!m) return `à ${name}`
  const article = (m[1] ?? '').toLowerCase()
  const rest = m[2] ?? ''
  if (article === 'le') return `au ${rest}`
  if (article === 'les') return `aux ${rest}`
  return `à ${name}`
}

/** "près de Tarbes", "près du Lamentin", "près d'Albi". */
export function nearPlace(name: string): string {
  const m = /^(le|les)\s+(.*)$/i.exec(name)
  if (m) return `près ${(m[1] ?? '').toLowerCase() === 'le' ? 'du' : 'des'} ${m[2] ?? ''}`
  return /^[aeiouyéèâîôûœh]/i.test(name) ? `près d’${name}` : `près de ${name}`
}

/** Lower case without accents (œ and æ spelt out), as typed on a phone without care. */
export function stripAccents(text: string): string {
  return text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
}

const smsWords: readonly [RegExp, string][] = [
  [/\bje suis\b/g, 'jsuis'],
  [/\bj['’]habite\b/g, 'jhabite'],
  [/\bquelqu['’]un\b/g, 'qqn'],
  [/\bpour\b/g, 'pr'],
  [/\bbesoin\b/g, 'bsoin'],
  [/\bbonjour\b/g, 'bjr'],
  [/\bsalut\b/g, 'slt'],
  [/\bs['’]il vous pla[iî]t\b/g, 'svp'],
  [/\bbeaucoup\b/g, 'bcp'],
  [/\bc['’]est\b/g, 'c'],
  [/\bje ne sais pas\b/g, 'jsais pas'],
  [/\bje sais pas\b/g, 'jsais pa'],
  [/\bordinateur\b/g, 'ordi'],
  [/\bmerci\b/g, 'mrc'],
  [/\bqui\b/g, 'ki'],
  [/\bquoi\b/g, 'koi'],
  [/\bj['’]ai\b/g, 'jai'],
  [/\bm['’]aider\b/g, 'maider'],
  [/\bd['’]aide\b/g, 'daide'],
]

/** SMS style: lower case, no accents, no final punctuation, the usual short forms. Digits are kept. */
export function toSms(text: string): string {
  let out = stripAccents(text.toLowerCase())
  for (const [pattern, short] of smsWords) out = out.replace(pattern, short)
  return out
    .replace(/[.!?;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Dictation: what a speech-to-text gives without punctuation commands: lower case, no punctuation. */
export function toDictation(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,!?;:()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
