/*
 * Perturbations that keep the meaning, and so the labels, of a message: accents dropped, the typos people really
 * make ("carte grize", "pasport", "perpigan"), parts of the sentence moved, an unrelated story told first. Pure and
 * seeded: the same text and seed always give the same result. Digits are never touched (postcodes, "93").
 */
import { createRng, type Rng, seedOf } from './rng.js'
import { stripAccents } from './text.js'
import type { EvalCase } from './types.js'

export const perturbationKinds = ['accents', 'typos', 'reorder', 'story'] as const
export type PerturbationKind = (typeof perturbationKinds)[number]

/** Words as they are written → as people misspell them (accents optional in the match). */
export const typos: readonly [string, readonly string[]][] = [
  ['carte grise', ['carte grize', 'carte grisse', 'cartegrise']],
  ['passeport', ['pasport', 'passport', 'passepor']],
  ['carte vitale', ['carte vital', 'carte vitalle']],
  ['contrôle parental', ['controle parentale', 'control parental']],
  ['aidants connect', ['aidant conect', 'aidants conect']],
  ['aidant connect', ['aidant conect']],
  ['pass numérique', ['pas numerique', 'passe numerique']],
  ['perpignan', ['perpigan', 'perpignant']],
  ['impôts', ['impot', 'inpots', 'impos']],
  ['déclaration', ['déclaraton', 'declarasion']],
  ['ordinateur', ['ordinateure', 'ordinnateur', 'ordinatteur']],
  ['internet', ['internette', 'interné', 'intrenet']],
  ['smartphone', ['smartfone', 'smarphone']],
  ['tablette', ['tablete', 'tabelette']],
  ['allocations', ['alocations', 'allocation']],
  ['logement', ['logemant', 'logment']],
  ['retraite', ['retraitte', 'retrète']],
  ['titre de séjour', ['titre de sejours', 'titre de sejour']],
  ['casier judiciaire', ['casier judicière', 'casier judiciare']],
  ['france travail', ['france travaille', 'francetravail']],
  ['ameli', ['amelie', 'amély']],
  ['dossier', ['dosier', 'dossié']],
  ['imprimer', ['imprimé', 'inprimer']],
  ['scanner', ['scaner', 'scanné']],
  ['arnaque', ['arnac', 'arnake']],
  ['piraté', ['pirater', 'piratté']],
  ['permis de conduire', ['permis de conduir', 'permi de conduire']],
  ['identité', ['indentité', 'identiter']],
  ['naturalisation', ['naturalistion', 'naturalisaton']],
  ['besoin', ['besoins', 'bezoin']],
  ['j’habite', ['j’abite', 'jhabite']],
  ["j'habite", ["j'abite", 'jhabite']],
  ['aider', ['aidé', 'aidez']],
  ['montpellier', ['montpelier', 'monpellier']],
  ['clermont-ferrand', ['clermont ferand', 'clermon-ferrand']],
  ['strasbourg', ['strasbour', 'strasbourgh']],
  ['bordeaux', ['bordeau', 'bordaux']],
  ['toulouse', ['toulouze', 'toulous']],
  ['saint-étienne', ['st etiene', 'saint etiene']],
  ['besançon', ['besanson', 'bezancon']],
  ['pointe-à-pitre', ['pointe a pitr', 'pointapitre']],
  ['fort-de-france', ['for de france', 'fort de frence']],
  ['mamoudzou', ['mamoudzu', 'mamoudzo']],
  ['carcassonne', ['carcasonne', 'carcassone']],
  ['charleville-mézières', ['charleville mezière', 'charleville-mezière']],
  ['cayenne', ['cayene', 'caïenne']],
]

/** Stories that have nothing to do with the request: no need, no place, no day, no age, no constraint. */
export const unrelatedStories: readonly string[] = [
  'Il a plu toute la matinée et le bus est passé en retard, enfin bref.',
  'Mon petit-fils est venu manger hier, il a beaucoup grandi.',
  'Excusez mon français, je n’ai jamais été bon à l’école.',
  'J’ai fait des crêpes tout à l’heure et j’en ai brûlé la moitié.',
  'Le chat du voisin est encore venu dormir sur mon balcon.',
  'Je reviens du marché, les tomates étaient hors de prix.',
  'Ma sœur m’a appelée pour me raconter ses vacances, elle parle beaucoup.',
  'Ça fait du bien de voir un peu le soleil.',
]

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const typoPatterns: readonly [RegExp, readonly string[]][] = typos.map(([word, wrong]) => {
  const forms = [...new Set([word, stripAccents(word), word.replace(/-/g, ' '), stripAccents(word).replace(/-/g, ' ')])]
  return [new RegExp(`(?<![\\p{L}])(?:${forms.map(escape).join('|')})(?![\\p{L}])`, 'giu'), wrong]
})

/** Misspells the words of the list, and with some chance one other long word (a letter doubled, dropped, swapped). */
export function addTypos(text: string, rng: Rng): string {
  let out = text
  for (const [pattern, wrong] of typoPatterns) {
    out = out.replace(pattern, (match) => (rng.chance(0.8) ? matchCase(match, rng.pick(wrong)) : match))
  }
  if (rng.chance(0.5)) {
    const words = out.split(' ')
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[\p{L}]{6,}$/u.test(w))
    if (candidates.length > 0) {
      const [word, index] = rng.pick(candidates)
      words[index] = slip(word, rng)
      out = words.join(' ')
    }
  }
  return out
}

function matchCase(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement
}

/** One slip of the finger inside a word (never its first letter). */
function slip(word: string, rng: Rng): string {
  const i = 1 + rng.int(word.length - 2)
  switch (rng.int(3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1)
    case 1:
      return word.slice(0, i) + (word[i] ?? '') + word.slice(i)
    default:
      return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2)
  }
}

/**
 * Moves parts of the message: sentences or comma-separated clauses change order; a trailing place phrase
 * ("à Tarbes", "j'habite Albi") comes first. Words inside a phrase keep their order, so meaning is kept.
 */
export function reorder(text: string, rng: Rng): string {
  const trimmed = text.trim()
  const clauses = trimmed
    .replace(/[.?!]+$/, '')
    .split(/\s*[,.;]\s+/)
    .filter(Boolean)
  if (clauses.length >= 2) {
    let order = rng.shuffle(clauses)
    if (order.every((c, i) => c === clauses[i])) order = [...clauses.slice(1), clauses[0] as string]
    return order.join(', ')
  }
  const m =
    /^(.*?)\s+((?:à|a|au|aux|près de|pres de|sur|dans le|j’habite|j'habite|je suis à)\s+[^\s?.!,]+(?:\s+[^\s?.!,]+)?)\s*([?.!]?)$/iu.exec(
      trimmed,
    )
  if (m && m[1] && m[2]) return `${m[2]}, ${m[1]}${m[3] ?? ''}`
  return trimmed
}

export type Perturbed = { text: string; applied: PerturbationKind[] }

/** Perturbs one message with the given kinds (in a fixed order: story, reorder, typos, accents). */
export function perturbText(text: string, rng: Rng, kinds: readonly PerturbationKind[]): Perturbed {
  let out = text
  const applied: PerturbationKind[] = []
  if (kinds.includes('story')) {
    out = `${rng.pick(unrelatedStories)} ${out}`
    applied.push('story')
  }
  if (kinds.includes('reorder')) {
    const moved = reorder(out, rng)
    if (moved !== out) applied.push('reorder')
    out = moved
  }
  if (kinds.includes('typos')) {
    const typed = addTypos(out, rng)
    if (typed !== out) applied.push('typos')
    out = typed
  }
  if (kinds.includes('accents')) {
    const plain = stripAccents(out)
    if (plain !== out) applied.push('accents')
    out = plain
  }
  return { text: out.replace(/\s+/g, ' ').trim(), applied }
}

/** Which perturbations a case gets: each with its own chance, at least one. */
export function chooseKinds(rng: Rng): PerturbationKind[] {
  const kinds = perturbationKinds.filter((k) => rng.chance({ accents: 0.6, typos: 0.8, reorder: 0.4, story: 0.3 }[k]))
  return kinds.length > 0 ? kinds : ['typos']
}

/**
 * The perturbed version of a case: the same labels, every turn perturbed with the case's kinds; the unrelated story
 * only before the first turn. Seeded by the case id, so one case always gets the same perturbation.
 */
export function perturbCase(
  c: EvalCase,
  seed = 'aiguillage-perturb-v1',
): EvalCase & { perturbations: PerturbationKind[] } {
  const rng = createRng(seedOf(`${seed}/${c.id}`))
  // A story told before "bonjour" or "merci" would make it another message: greetings and thanks get none.
  const chosen = chooseKinds(rng)
  const smallTalk = c.expect.intent === 'salutation' || c.expect.intent === 'remerciement'
  const kinds =
    smallTalk && chosen.length > 1 ? chosen.filter((k) => k !== 'story') : smallTalk ? ['typos' as const] : chosen
  const applied = new Set<PerturbationKind>()
  const turns = c.turns.map((turn, i) => {
    const p = perturbText(turn, rng, i === 0 ? kinds : kinds.filter((k) => k !== 'story'))
    for (const k of p.applied) applied.add(k)
    return p.text
  })
  return { ...c, turns, perturbations: perturbationKinds.filter((k) => applied.has(k)) }
}
