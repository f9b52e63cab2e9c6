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

/** Lower case, no accents, œ/æ spelled out, every non-alphanumeric character a space (the same folding as the lieux). */
export const foldPlace: (text: string) => string = foldText

/** The words of a place name, abbreviations expanded ("st etienne" → saint etienne). */
export function placeTokens(text: string): string[] {
  const folded = foldPlace(text)
  if (folded === '') return []
  return folded.split(' ').map((token) => abbreviations[token] ?? token)
}

const articles: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l'])

/** The lookup keys of a name: the whole name, and without its leading article ("puy en velay"). */
export function nameKeys(name: string): string[] {
  const tokens = placeTokens(name)
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
