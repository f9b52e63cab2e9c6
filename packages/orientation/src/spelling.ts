/*
 * Spelling slips on the words that carry a need: « declaraton », « identiter », « informatiqe », and elisions written
 * without their apostrophe, « dimpot », « lordinateur ». Only long words are corrected, by one letter, towards this list:
 * a short or common word ("retrait", "permis") is left as written.
 */

/** The words of the needs lexicon that people misspell, folded. */
const vocabulary: readonly string[] = [
  'accompagnement',
  'actualisation',
  'administratif',
  'administrative',
  'administratives',
  'administration',
  'allocation',
  'allocations',
  'application',
  'applications',
  'apprendre',
  'attestation',
  'candidature',
  'certificat',
  'complementaire',
  'connexion',
  'declaration',
  'declarations',
  'demarche',
  'demarches',
  'document',
  'documents',
  'dossier',
  'formation',
  'formulaire',
  'formulaires',
  'franceconnect',
  'identifiant',
  'identifiants',
  'identite',
  'immatriculation',
  'imprimante',
  'imprimer',
  'impots',
  'impot',
  'informatique',
  'inscription',
  'internet',
  'messagerie',
  'motivation',
  'naissance',
  'naturalisation',
  'ordinateur',
  'ordinateurs',
  'passeport',
  'prefecture',
  'procuration',
  'renouveler',
  'renouvellement',
  'retraite',
  'smartphone',
  'smartphones',
  'tablette',
  'tablettes',
  'telephone',
  'telecharger',
  'utiliser',
]
const known = new Set(vocabulary)
/** Slips that look like another form of the word, so the rule below leaves them: corrected by name. */
const usualSlips = new Map([
  ['identiter', 'identite'],
  ['identitee', 'identite'],
  ['declarationn', 'declaration'],
])
const byLength = new Map<number, string[]>()
for (const word of vocabulary) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word])

/** Edit distance, stopping early beyond 1: all that is needed here. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (a.length < b.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

function closeWord(word: string): string | undefined {
  if (known.has(word)) return word
  if (word.length < 8) return undefined
  for (const length of [word.length, word.length - 1, word.length + 1])
    for (const candidate of byLength.get(length) ?? [])
      // One letter more or less at the end is another form of the word ("retraites", "telephoner"), not a slip.
      if (withinOneEdit(word, candidate) && !word.startsWith(candidate) && !candidate.startsWith(word)) return candidate
  return undefined
}

/** A folded word with its spelling slip corrected, or its glued elision split ("dimpot" → "d impot"); else itself. */
export function correctWord(word: string): string {
  if (word.length < 5 || known.has(word)) return word
  const usual = usualSlips.get(word)
  if (usual) return usual
  // "dimpot", "lordinateur", "jai" is handled with the SMS words.
  if (/^[dljmnst][aeiouyh]/.test(word)) {
    const rest = closeWord(word.slice(1)) ?? (word.length >= 6 && known.has(word.slice(1)) ? word.slice(1) : undefined)
    if (rest && (known.has(word.slice(1)) || word.length >= 9)) return `${word[0]} ${rest}`
  }
  return closeWord(word) ?? word
}
