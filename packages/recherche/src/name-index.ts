import MiniSearch from 'minisearch'

/*
 * Name search for lieux ("france services gueret", "mediatheque aubusson", "EPN"). minisearch only lower-cases by
 * default: terms are folded here (accents, œ), elisions dropped (l', d', qu'), and French stopwords ignored.
 */

const stopwords: ReadonlySet<string> = new Set([
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'des',
  'de',
  'du',
  'd',
  'et',
  'ou',
  'a',
  'au',
  'aux',
  'en',
  'pour',
  'par',
  'sur',
  'dans',
  'avec',
  'qu',
  'que',
  'se',
  'ce',
  'son',
  'sa',
  'ses',
])

/** A search term as indexed and searched: folded, without elision, null for a stopword. */
export function processFrenchTerm(term: string): string | null {
  const folded = term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/^(l|d|qu|j|m|n|s|t|c)['’]/, '')
  return folded === '' || stopwords.has(folded) ? null : folded
}

export type NameDocument = { id: number; nom: string; commune: string; structure_parente: string }

export function buildNameIndex(documents: readonly NameDocument[]): MiniSearch<NameDocument> {
  const index = new MiniSearch<NameDocument>({
    fields: ['nom', 'commune', 'structure_parente'],
    // Apostrophes stay inside tokens so that processTerm can drop the elision ("l'espace" → espace).
    tokenize: (text) => text.split(/[\s,;:.!?()[\]{}"«»/\\|+*=<>#&-]+/u).filter((t) => t !== ''),
    processTerm: processFrenchTerm,
    searchOptions: { boost: { nom: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  })
  index.addAll(documents)
  return index
}
