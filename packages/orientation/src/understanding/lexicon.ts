import common from '../lexicon/common.json' with { type: 'json' }
import constraints from '../lexicon/constraints.json' with { type: 'json' }
import followups from '../lexicon/followups.json' with { type: 'json' }
import intents from '../lexicon/intents.json' with { type: 'json' }
import needs from '../lexicon/needs.json' with { type: 'json' }
import outOfScope from '../lexicon/out-of-scope.json' with { type: 'json' }
import programmes from '../lexicon/programmes.json' with { type: 'json' }
import smalltalk from '../lexicon/smalltalk.json' with { type: 'json' }

/*
 * The lexicon is data: one JSON file per domain in src/lexicon/. An entry names its phrases (and the misspellings
 * people make) and what they mean: services and a démarche, a constraint, a topic, an opening wish, or a cue of intent.
 * This module reads the files into phrase matchers; it holds no words of its own.
 *
 * Phrase syntax (on folded words: lower case, no accents, apostrophes and hyphens as spaces):
 *   word          the word itself;        word*   any word starting so (3 letters at least before the star)
 *   a|b|c         one of these words;     {det}   one word of a class of common.json ({det|poss} for two classes)
 *   token?        the token may be absent _       any one word
 *   ...           up to six words of anything (not claimed: they stay free for other readers)
 */

export const cueKinds = [
  'help',
  'locate',
  'question',
  'human',
  'for_me',
  'teach_me',
  'negation',
  'lives_at',
  'more',
  'restart',
  'closer',
  'other_person',
  'greeting',
  'thanks',
  'politeness',
  'out_of_scope',
  'ask_phone',
  'ask_address',
  'ask_price',
  'ask_distance',
  'ask_hours',
  'ask_why',
  'ask_booking',
  'pick',
  'something_else',
  'dont_know',
  'gave_data',
] as const
export type CueKind = (typeof cueKinds)[number]

export const openingKinds = [
  'now',
  'now-unless-day',
  'open',
  'now-word',
  'today',
  'today-if-asked',
  'tomorrow',
] as const
export type Opening = (typeof openingKinds)[number] | 'Mo' | 'Tu' | 'We' | 'Th' | 'Fr' | 'Sa' | 'Su'

export type LexiconEntry = {
  id: string
  note?: string
  phrases: string[]
  misspellings?: string[]
  services?: string[]
  demarche?: string
  /** Counts only when no other need is named (a device, "internet"). */
  weak?: boolean
  /** Entries whose needs this one replaces when both are read (ids). */
  overrides?: string[]
  /** A situation that needs safety advice before any place (arnaque, piratage, harcelement). */
  safety?: string
  constraint?: { key: string; value: string }
  topic?: string
  opening?: string
  cue?: string
  /** Which of the lieux just shown a follow-up is about: 1, 2, 3…, or -1 for the last. */
  pick?: number
  examples?: { positive?: string[]; negative?: string[] }
}
export type LexiconFile = { domain: string; description: string; entries: LexiconEntry[] }

/** The lexicon files, as shipped. */
export const lexiconFiles: readonly LexiconFile[] = [
  needs,
  constraints,
  programmes,
  intents,
  smalltalk,
  outOfScope,
  followups,
] as LexiconFile[]
export const macros: Readonly<Record<string, readonly string[]>> = common.macros

type TokenMatcher = {
  words: ReadonlySet<string>
  prefixes: readonly string[]
  any: boolean
  optional: boolean
  gap: boolean
}
export type CompiledPhrase = {
  entry: CompiledEntry
  source: string
  tokens: readonly TokenMatcher[]
  /** How specific the phrase is: a word counts 1, a prefix 0.75, a class of words 0.5 (optional tokens nothing). */
  literals: number
}
export type CompiledEntry = LexiconEntry & { domain: string }

export type CompiledLexicon = {
  entries: readonly CompiledEntry[]
  /** Phrases by the words that can start them; phrases that start with a prefix are under `prefixStarts`. */
  byFirstWord: ReadonlyMap<string, readonly CompiledPhrase[]>
  prefixStarts: readonly { prefix: string; phrase: CompiledPhrase }[]
  /** The same, by the first three letters of their prefix: a word looks only at the phrases that can start it. */
  prefixStartsByHead: ReadonlyMap<string, readonly { prefix: string; phrase: CompiledPhrase }[]>
  /** Every literal word of the lexicon: the vocabulary the speller corrects towards. */
  vocabulary: ReadonlySet<string>
  /** Every prefix of the lexicon ("scam" of scam*): a word that starts with one is read as written. */
  prefixes: ReadonlySet<string>
}

function compileToken(raw: string, vocabulary: Set<string>, allPrefixes: Set<string>): TokenMatcher {
  if (raw === '...') return { words: new Set(), prefixes: [], any: false, optional: true, gap: true }
  const optional = raw.endsWith('?') && raw.length > 1
  const body = optional ? raw.slice(0, -1) : raw
  if (body === '_') return { words: new Set(), prefixes: [], any: true, optional, gap: false }
  const words = new Set<string>()
  const prefixes: string[] = []
  const add = (word: string) => {
    if (word.endsWith('*')) {
      const prefix = word.slice(0, -1)
      if (prefix.length < 3) throw new Error(`préfixe trop court « ${word} »`)
      prefixes.push(prefix)
      vocabulary.add(prefix)
      allPrefixes.add(prefix)
    } else {
      words.add(word)
      vocabulary.add(word)
    }
  }
  // Alternatives at the top level ("{device}|internet"), each a word, a prefix or classes ("{det|poss}").
  for (const alternative of body.match(/\{[^}]*\}|[^|]+/g) ?? []) {
    const classes = /^\{(.+)\}$/.exec(alternative)
    for (const name of classes ? classes[1]!.split('|') : [alternative]) {
      const members = classes ? macros[name] : undefined
      if (members) for (const member of members) for (const part of member.split(' ')) add(part)
      else add(name)
    }
  }
  return { words, prefixes, any: false, optional, gap: false }
}

/** Multi-word members of a class ("grand mere") are read as one token sequence: expand them into phrase variants. */
function expandMultiWordClasses(phrase: string): string[] {
  const tokens = phrase.split(' ')
  // A phrase is indexed by its first word: a leading optional token gives two phrases, with and without it.
  if (tokens.length > 1 && tokens[0]!.endsWith('?'))
    return [tokens[0]!.slice(0, -1) + ' ' + tokens.slice(1).join(' '), tokens.slice(1).join(' ')].flatMap(
      expandMultiWordClasses,
    )
  // Each alternative of a token: a class's members, or the word itself.
  const alternatives = (token: string) =>
    (token.replace(/\?$/, '').match(/\{[^}]*\}|[^|]+/g) ?? []).flatMap((alternative) => {
      const m = /^\{(.+)\}$/.exec(alternative)
      return m ? m[1]!.split('|').flatMap((name) => macros[name] ?? [name]) : [alternative]
    })
  const index = tokens.findIndex((t) => t.includes('{') && alternatives(t).some((word) => word.includes(' ')))
  if (index < 0) return [phrase]
  const token = tokens[index]!
  const optional = token.endsWith('?')
  const single = alternatives(token).filter((word) => !word.includes(' '))
  const multi = alternatives(token).filter((word) => word.includes(' '))
  const variants = [
    [...tokens.slice(0, index), single.join('|') + (optional ? '?' : ''), ...tokens.slice(index + 1)].join(' '),
    ...multi.map((m) => [...tokens.slice(0, index), m, ...tokens.slice(index + 1)].join(' ')),
  ]
  return variants.flatMap(expandMultiWordClasses)
}

export function compileLexicon(files: readonly LexiconFile[] = lexiconFiles): CompiledLexicon {
  const entries: CompiledEntry[] = []
  const byFirstWord = new Map<string, CompiledPhrase[]>()
  const prefixStarts: { prefix: string; phrase: CompiledPhrase }[] = []
  const vocabulary = new Set<string>()
  const allPrefixes = new Set<string>()
  for (const file of files)
    for (const raw of file.entries) {
      const entry: CompiledEntry = { ...raw, domain: file.domain }
      entries.push(entry)
      for (const source of [...raw.phrases, ...(raw.misspellings ?? [])])
        for (const variant of expandMultiWordClasses(source)) {
          const tokens = variant.split(' ').map((t) => compileToken(t, vocabulary, allPrefixes))
          const phrase: CompiledPhrase = {
            entry,
            source,
            tokens,
            literals: tokens
              .filter((t) => !t.any && !t.gap && !t.optional)
              .reduce((sum, t) => sum + (t.prefixes.length > 0 ? 0.75 : t.words.size > 1 ? 0.5 : 1), 0),
          }
          const first = tokens[0]
          if (!first || first.optional || first.any || first.gap)
            throw new Error(`${file.domain}/${raw.id} : une expression commence par un mot facultatif (« ${source} »)`)
          for (const word of first.words) byFirstWord.set(word, [...(byFirstWord.get(word) ?? []), phrase])
          for (const prefix of first.prefixes) prefixStarts.push({ prefix, phrase })
        }
    }
  // Misspellings are phrases, not words to correct towards.
  for (const entry of entries)
    for (const wrong of entry.misspellings ?? [])
      for (const word of wrong.split(' '))
        if (!entry.phrases.some((p) => p.split(' ').includes(word))) vocabulary.delete(word)
  const prefixStartsByHead = new Map<string, { prefix: string; phrase: CompiledPhrase }[]>()
  for (const start of prefixStarts) {
    const head = start.prefix.slice(0, 3)
    prefixStartsByHead.set(head, [...(prefixStartsByHead.get(head) ?? []), start])
  }
  return { entries, byFirstWord, prefixStarts, prefixStartsByHead, vocabulary, prefixes: allPrefixes }
}

function tokenMatches(matcher: TokenMatcher, word: string): boolean {
  if (matcher.any) return true
  if (matcher.words.has(word)) return true
  for (const prefix of matcher.prefixes) if (word.startsWith(prefix)) return true
  return false
}

function walk(
  tokens: readonly TokenMatcher[],
  words: readonly string[],
  end: number,
  t: number,
  w: number,
  used: number[],
): boolean {
  if (t === tokens.length) return true
  const matcher = tokens[t]!
  if (matcher.gap) {
    for (let skip = 0; skip <= 6 && w + skip <= end; skip++)
      if (walk(tokens, words, end, t + 1, w + skip, used)) return true
    return false
  }
  if (w < end && tokenMatches(matcher, words[w]!)) {
    used.push(w)
    if (walk(tokens, words, end, t + 1, w + 1, used)) return true
    used.pop()
  }
  return matcher.optional ? walk(tokens, words, end, t + 1, w, used) : false
}

/**
 * Where a phrase matches from `start`: the indices of the words it uses (gaps excluded), longest reading first.
 * Backtracking over optional tokens and gaps; phrases are short, so this stays cheap.
 */
export function matchPhrase(
  phrase: CompiledPhrase,
  words: readonly string[],
  start: number,
  end = words.length,
): number[] | undefined {
  // The words used so far, as a stack: pushed when a token matches, popped when that path fails.
  const used: number[] = []
  return walk(phrase.tokens, words, end, 0, start, used) ? used : undefined
}

/** What an entry means, for comparing entries: two entries that mean the same may share a phrase. */
export function entryEffect(entry: LexiconEntry): string {
  const { services, demarche, weak, constraint, topic, opening, cue, safety, pick } = entry
  return JSON.stringify({ services, demarche, weak, constraint, topic, opening, cue, safety, pick })
}

function phraseKey(phrase: CompiledPhrase): string {
  return phrase.tokens
    .map((t) =>
      t.gap
        ? '...'
        : t.any
          ? '_'
          : [...[...t.words].sort(), ...t.prefixes.map((p) => `${p}*`).sort()].join('|') + (t.optional ? '?' : ''),
    )
    .join(' ')
}

/**
 * Phrases claimed by two entries that disagree (the same words, two meanings): the build-time check fails on them,
 * since which one wins would depend on the order of the files.
 */
export function lexiconCollisions(lexicon: CompiledLexicon): string[] {
  const seen = new Map<string, CompiledPhrase>()
  const problems: string[] = []
  const all = [...lexicon.byFirstWord.values()].flat().concat(lexicon.prefixStarts.map((p) => p.phrase))
  for (const phrase of new Set(all)) {
    const key = phraseKey(phrase)
    const other = seen.get(key)
    if (other && other.entry !== phrase.entry && entryEffect(other.entry) !== entryEffect(phrase.entry))
      problems.push(
        `« ${phrase.source} » (${phrase.entry.domain}/${phrase.entry.id}) et « ${other.source} » (${other.entry.domain}/${other.entry.id}) disent la même chose avec deux sens`,
      )
    else if (!other) seen.set(key, phrase)
  }
  return problems
}
