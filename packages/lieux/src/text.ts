/** Lower-case, strip accents and collapse punctuation, so "Démarches" and "demarches" compare equal. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Shortens a value for a message: people need to recognise it, not read 2 000 characters. */
export function excerpt(value: string, max = 60): string {
  const oneLine = value.replace(/\s+/g, ' ')
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`
}

function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * The official value closest to what was typed, when it is close enough to be a typo, a case or
 * accent difference, or a truncation; `undefined` otherwise (no wild guesses in error messages).
 */
export function closestValue(input: string, candidates: readonly string[]): string | undefined {
  const folded = foldText(input)
  if (folded.length === 0) return undefined
  let best: string | undefined
  let bestScore = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const target = foldText(candidate)
    if (target === folded) return candidate
    const score = target.startsWith(folded) && folded.length >= 5 ? 1 : editDistance(folded, target)
    if (score < bestScore) {
      bestScore = score
      best = candidate
    }
  }
  return bestScore <= Math.max(2, Math.floor(folded.length / 4)) ? best : undefined
}
