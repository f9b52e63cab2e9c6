import { foldText } from '@aiguillage/lieux'

/*
 * Place names as people type them: no accents, any case, hyphens or spaces, "st" for "saint",
 * with or without the article. Everything is compared on these folded tokens.
 */

const abbreviations: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
  mt: 'mont',
  s: 'sur',
}

/**
 * What {@link foldText} makes of each character below U+0180 (Latin-1 and Latin Extended-A, every commune name):
 * its letters, or a space for a separator. Computed from foldText itself, so the two cannot disagree.
 */
const LATIN_LIMIT = 0x180
const latinFolds: readonly string[] = Array.from({ length: LATIN_LIMIT }, (_, code) => {
  const folded = foldText(`a${String.fromCharCode(code)}a`)
  return folded === 'a a' ? ' ' : folded.slice(1, -1)
})

/**
 * Lower case, no accents, œ/æ spelled out, every non-alphanumeric character a space (the same folding as the lieux).
 * One pass over a table for Latin text (four times faster than foldText's seven: 35 000 names are folded at start-up),
 * foldText itself for anything else.
 */
export function foldPlace(text: string): string {
  let folded = ''
  let space = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= LATIN_LIMIT) return foldText(text)
    const fold = latinFolds[code] as string
    if (fold === ' ') space = folded !== ''
    else {
      if (space) folded += ' '
      space = false
      folded += fold
    }
  }
  return folded
}

/** The words of a place name, abbreviations expanded ("st etienne" → saint etienne). */
export function placeTokens(text: string): string[] {
  const folded = foldPlace(text)
  if (folded === '') return []
  return folded.split(' ').map((token) => abbreviations[token] ?? token)
}

const articles: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l'])
/** Whether a folded name may have an abbreviation to expand or a leading article to drop (a cheap test first). */
const mayExpand = /^(le|la|les|l) |(^| )(st|ste|sts|stes|mt|s)( |$)/

/** The lookup keys of a name: the whole name, and without its leading article ("puy en velay"). */
export function nameKeys(name: string): string[] {
  const folded = foldPlace(name)
  // Most names have no abbreviation and no article: the folded name is their one key.
  if (!mayExpand.test(folded)) return [folded]
  const tokens = folded === '' ? [] : folded.split(' ').map((token) => abbreviations[token] ?? token)
  const key = tokens.join(' ')
  if (tokens.length > 1 && articles.has(tokens[0] as string)) return [key, tokens.slice(1).join(' ')]
  return [key]
}

/** Distance between two short strings (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previousPrevious: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1)
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return max + 1
    previousPrevious = previous
    previous = current
  }
  return previous[b.length] as number
}

/** The trigrams of a key, padded so that the start of a word counts ("  gr", " gre"…). */
export function trigrams(key: string): string[] {
  const padded = `  ${key} `
  const out: string[] = []
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3))
  return out
}
