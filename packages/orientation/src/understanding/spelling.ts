// Temporary stand-in: replaced by the speller of the `speller` branch (same interface).
export type SpellerOptions = { vocabulary: Iterable<string>; protect?: (word: string) => boolean }
export type Speller = { correct(token: string): string }
export function createSpeller(options: SpellerOptions): Speller {
  const known = new Set(options.vocabulary)
  return { correct: (token) => (known.has(token) ? token : token) }
}
