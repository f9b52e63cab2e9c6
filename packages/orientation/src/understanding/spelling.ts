/*
 * Spelling slips on the words that carry a need, corrected token by token towards the lexicon's vocabulary:
 * « declaraton », « intrenet », « smartfone », glued elisions « dimpot », « jhabite », stretched letters « merciiii ».
 *
 * What a real French word is comes from a frequency list of spoken French (the OpenSubtitles 2018 counts of hermitdave's
 * FrequencyWords, CC BY-SA 4.0, as shipped ranked by @zxcvbn-ts/language-fr): a frequent word is never "corrected"
 * ("retrait", "permis", "passe", "vital"). Distances are Damerau-Levenshtein (a swap of two letters is one slip) from
 * the damerau-levenshtein package, computed only for the few vocabulary words whose length and letter counts are close
 * enough; a word of the list or the vocabulary costs a map look-up, and every answer is cached.
 */
import { foldText } from '@aiguillage/lieux'
// The ranked list itself (28 000 words, 15 ms to load) rather than the package's entry point, which also decompresses
// its Wikipedia and name lists (70 ms) that are of no use here.
import commonWords from '@zxcvbn-ts/language-fr/src/commonWords.json' with { type: 'json' }
import damerauLevenshtein from 'damerau-levenshtein'

export type SpellerOptions = {
  /** Folded words (lower case, no accents, apostrophes/hyphens as spaces) of the lexicon: what we want to recognise. */
  vocabulary: Iterable<string>
  /** Words never to correct (e.g. commune names), folded. Optional. */
  protect?: (word: string) => boolean
}

export type Speller = {
  /**
   * A folded token → its correction (a vocabulary word, or two words for a glued elision "dimpot" → "d impot",
   * "jhabite" → "j habite", "lordinateur" → "l ordinateur"), or the token itself.
   */
  correct(token: string): string
}

/** Words of the list ranked before this one are frequent enough never to be taken for a slip. */
const frequentRank = 15_000
/** Tokens shorter than this are left alone: too many real words lie one letter away from each other. */
const minLength = 4
/** Beyond this many distinct tokens the cache starts again: a server reads what anyone types. */
const cacheLimit = 20_000
/** Elisions glued to a word that is too short to be told from a slip: « jai » is also in the list of words. */
const gluedShortWords: ReadonlyMap<string, string> = new Map([['jai', 'j ai']])

type Candidate = { word: string; distance: number }

/** Ranks of the folded words of the frequency list (0 is the most frequent), built once for every speller. */
let frenchRanks: Map<string, number> | undefined
function loadFrenchRanks(): Map<string, number> {
  if (frenchRanks) return frenchRanks
  const ranks = new Map<string, number>()
  commonWords.forEach((entry, rank) => {
    // « aujourd'hui », « est-ce »: each folded part is a word of its own.
    const words = /^[a-z]+$/.test(entry) ? [entry] : foldText(entry).split(' ')
    for (const word of words) if (word && !ranks.has(word)) ranks.set(word, rank)
  })
  frenchRanks = ranks
  return ranks
}

/** `word`, and every string made by deleting one of its letters. */
function deletions(word: string): string[] {
  const found = [word]
  for (let i = 0; i < word.length; i++) found.push(word.slice(0, i) + word.slice(i + 1))
  return found
}

/** a to z, then every other character. */
const alphabetSize = 27

/** Adds the letter counts of `word` into `counts` from `offset`. */
function countLetters(word: string, counts: Uint8Array, offset: number): void {
  for (let i = 0; i < word.length; i++) {
    const letter = word.charCodeAt(i) - 97
    const at = offset + (letter >= 0 && letter < 26 ? letter : 26)
    counts[at] = (counts[at] ?? 0) + 1
  }
}

/** A rough French sound key: « arnac » and « arnaque », « internette » and « internet » share one. */
function soundKey(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/qu|ck|c(?=[aou]|$)|q/g, 'k')
    .replace(/y/g, 'i')
    .replace(/h/g, '')
    .replace(/eau|au/g, 'o')
    .replace(/ai|ei/g, 'e')
    .replace(/(?<=[aeiou])z(?=[aeiou])/g, 's')
    .replace(/(.)\1+/g, '$1')
    .replace(/er$/, 'e')
    .replace(/[estx]+$/, '')
}

/** The bucket of words of this length that start like `word`: two slips are never looked for across first letters. */
function startAndLength(word: string, length: number): string {
  return `${word.replace(/^h/, '')[0] ?? ''}${length}`
}

/** Whether two words start with the same letter, a silent h aside (« abite », « habite »). */
function sameStart(a: string, b: string): boolean {
  return a.replace(/^h/, '')[0] === b.replace(/^h/, '')[0]
}

/** Letters typed three times or more, once and twice: « merciiii » → « merci », « connnect » → « connect ». */
function collapseRepeats(token: string): { once: string; twice: string } {
  return { once: token.replace(/(.)\1{2,}/g, '$1'), twice: token.replace(/(.)\1{2,}/g, '$1$1') }
}

/**
 * A spelling corrector for one vocabulary. `correct` answers from a cache after the first time it sees a token.
 * @example
 * const speller = createSpeller({ vocabulary: ['impot', 'internet', 'habite'] })
 * speller.correct('intrenet') // 'internet'
 * speller.correct('dimpot') // 'd impot'
 * speller.correct('permis') // 'permis': a French word, even if not in the vocabulary
 */
export function createSpeller(options: SpellerOptions): Speller {
  const ranks = loadFrenchRanks()
  const protect = options.protect ?? (() => false)
  const vocabulary = new Set<string>()
  for (const entry of options.vocabulary) for (const word of entry.split(' ')) if (word) vocabulary.add(word)

  /** Vocabulary words absent from the list rank after every listed word. */
  const rankOf = (word: string): number => ranks.get(word) ?? commonWords.length
  const byFrequency = (a: string, b: string): number => rankOf(a) - rankOf(b) || (a < b ? -1 : 1)
  const nearestFirst = (a: Candidate, b: Candidate): number => a.distance - b.distance || byFrequency(a.word, b.word)

  // One slip away: a word and a token share a string made by deleting at most one letter from each (symmetric delete).
  // Two slips away, rarer: words with the same first letter and about the token's length and letters, before any
  // distance is computed. Each edit changes a word's length by at most one and its letter counts by at most two (a
  // swap changes neither).
  const words = [...vocabulary].sort()
  const byDeletion = new Map<string, number[]>()
  const letterCounts = new Uint8Array(words.length * alphabetSize)
  const byStartAndLength = new Map<string, number[]>()
  const bySound = new Map<string, string[]>()
  words.forEach((word, index) => {
    for (const shorter of deletions(word)) {
      const list = byDeletion.get(shorter)
      if (!list) byDeletion.set(shorter, [index])
      // A word's deletions are indexed one after the other: a repeat is always the last one.
      else if (list[list.length - 1] !== index) list.push(index)
    }
    countLetters(word, letterCounts, index * alphabetSize)
    const bucket = byStartAndLength.get(startAndLength(word, word.length))
    if (bucket) bucket.push(index)
    else byStartAndLength.set(startAndLength(word, word.length), [index])
    if (word.length >= minLength) {
      const key = soundKey(word)
      bySound.set(key, [...(bySound.get(key) ?? []), word])
    }
  })
  for (const same of bySound.values()) same.sort(byFrequency)
  const tokenCounts = new Uint8Array(alphabetSize)

  const isFrequentWord = (word: string): boolean => (ranks.get(word) ?? Infinity) < frequentRank
  const isKnown = (word: string): boolean => vocabulary.has(word) || isFrequentWord(word)

  /** Vocabulary words one slip from `token`, nearest then most frequent first. */
  function oneSlipAway(token: string): Candidate[] {
    const seen = new Set<number>()
    const found: Candidate[] = []
    for (const shorter of deletions(token))
      for (const index of byDeletion.get(shorter) ?? []) {
        if (seen.has(index)) continue
        seen.add(index)
        const word = words[index] ?? ''
        const distance = damerauLevenshtein(token, word).steps
        if (distance <= 1) found.push({ word, distance })
      }
    return found.sort(nearestFirst)
  }

  /** Vocabulary words two slips from `token` that start with the same letter, most frequent first. */
  function twoSlipsAway(token: string): Candidate[] {
    tokenCounts.fill(0)
    countLetters(token, tokenCounts, 0)
    const found: Candidate[] = []
    for (let length = token.length - 2; length <= token.length + 2; length++)
      for (const index of byStartAndLength.get(startAndLength(token, length)) ?? []) {
        let apart = 0
        const offset = index * alphabetSize
        for (let letter = 0; letter < alphabetSize && apart <= 4; letter++)
          apart += Math.abs((tokenCounts[letter] ?? 0) - (letterCounts[offset + letter] ?? 0))
        if (apart > 4) continue
        const word = words[index] ?? ''
        if (damerauLevenshtein(token, word).steps === 2) found.push({ word, distance: 2 })
      }
    return found.sort(nearestFirst)
  }

  /** The vocabulary word `token` was meant to be, by edit distance, if one is close enough to be trusted. */
  function nearestWord(token: string, maxDistance: 1 | 2): Candidate | undefined {
    if (token.length < minLength) return undefined
    if (vocabulary.has(token)) return { word: token, distance: 0 }
    const near = oneSlipAway(token)[0]
    // In a short word, one letter away is not far: « reux » is not « jeux ».
    if (near) return token.length >= 6 || sameStart(token, near.word) ? near : undefined
    if (maxDistance < 2 || token.length < 6) return undefined
    const found = twoSlipsAway(token)
    const best = found[0]
    if (!best) return undefined
    if (token.length >= 8) return best
    // Two slips in a word of six or seven letters ("pasport", "arnake"): only towards the one word it can be.
    return found.length === 1 ? best : undefined
  }

  /** The most frequent vocabulary word that `token` sounds like (« arnac » → « arnaque »), nearly as long. */
  function soundsLike(token: string): string | undefined {
    if (token.length < minLength + 1) return undefined
    return bySound
      .get(soundKey(token))
      ?.find((word) => sameStart(token, word) && Math.abs(word.length - token.length) <= 2)
  }

  /** Two vocabulary words typed without the space: « francetravail » → « france travail ». */
  function gluedWords(token: string): string | undefined {
    for (let cut = 3; cut <= token.length - 3; cut++) {
      const first = token.slice(0, cut)
      const second = token.slice(cut)
      if (vocabulary.has(first) && vocabulary.has(second)) return `${first} ${second}`
    }
    return undefined
  }

  /** « dimpot » → « d impot », « jabite » → « j habite »: an elided article or pronoun glued to a vocabulary word. */
  function gluedElision(token: string, whole: Candidate | undefined): string | undefined {
    const elision = /^(qu|[dljmnst])(?=[aeiouyh])/.exec(token)?.[0]
    if (!elision) return undefined
    const rest = token.slice(elision.length)
    if (vocabulary.has(rest) && rest.length >= minLength) return `${elision} ${rest}`
    // « lavion » is « l avion », a word we were not asked to recognise: not a slip of a vocabulary word either.
    if (isFrequentWord(rest)) return undefined
    const fixed = rest.length >= 5 ? nearestWord(rest, 1) : undefined
    // One slip at most in what follows a guessed elision, and the word must still start with the sound that made the
    // elision (« tablete » is not « t ablete »); a split wins ties with the whole token (« jabite » → « j habite »).
    if (fixed && /^[aeiouyh]/.test(fixed.word) && (!whole || fixed.distance <= whole.distance))
      return `${elision} ${fixed.word}`
    return undefined
  }

  function correctUncached(token: string): string {
    if (/\d/.test(token) || protect(token) || vocabulary.has(token)) return token
    const glued = gluedShortWords.get(token)
    if (glued) return glued
    if (/(.)\1\1/.test(token)) {
      const { once, twice } = collapseRepeats(token)
      if (isKnown(twice) || protect(twice)) return twice
      if (isKnown(once) || protect(once) || once.length < minLength) return once
      const fixed = correctWord(twice)
      return fixed === twice ? correctWord(once) : fixed
    }
    return correctWord(token)
  }

  function correctWord(token: string): string {
    if (token.length < minLength || isKnown(token) || protect(token)) return token
    const rareWord = ranks.has(token)
    // A rare word of the list may still be a slip (« scanne », « parentale »), but only by one letter.
    const whole = nearestWord(token, rareWord ? 1 : 2)
    if (rareWord) return whole?.word ?? token
    return gluedElision(token, whole) ?? whole?.word ?? gluedWords(token) ?? soundsLike(token) ?? token
  }

  const cache = new Map<string, string>()
  return {
    correct(token) {
      const cached = cache.get(token)
      if (cached !== undefined) return cached
      const corrected = correctUncached(token)
      if (cache.size >= cacheLimit) cache.clear()
      cache.set(token, corrected)
      return corrected
    },
  }
}
