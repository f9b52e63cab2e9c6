import { foldText } from '@aiguillage/lieux'

/*
 * Step 1 of the pipeline: a message becomes folded words that keep where they were written. Folding: lower case,
 * no accents, œ → oe, apostrophes and hyphens split words ("l'ENT" → l, ent). Then the ways people type: letters
 * held down ("merciiii"), SMS words ("jsuis", "qqn", "pr"), elisions glued to the word ("jhabite", "dimpot"), and
 * spelling slips, corrected by the speller given to `tokenise`.
 */

export type Token = {
  /** The folded, corrected word. */
  word: string
  /** The folded word as written, before correction. */
  written: string
  /** Where the written word is in the message (UTF-16 offsets), for masking and explanations. */
  start: number
  end: number
  /** Written with a capital letter that does not start a sentence. */
  capital: boolean
  /** Which sentence of the message it is in (split on . ! ? ; : and new lines): phrases do not cross sentences. */
  sentence: number
}

/** Words written the SMS way, and the words they stand for. */
export const smsWords: ReadonlyMap<string, string> = new Map(
  Object.entries({
    qqn: 'quelqu un',
    kel: 'quel',
    kelle: 'quelle',
    jusqua: 'jusqu a',
    qq1: 'quelqu un',
    kelkun: 'quelqu un',
    qqun: 'quelqu un',
    pr: 'pour',
    bcp: 'beaucoup',
    jne: 'je ne',
    jsuis: 'je suis',
    chui: 'je suis',
    jsui: 'je suis',
    jsp: 'je ne sais pas',
    chais: 'je sais',
    kesk: 'qu est ce',
    keske: 'qu est ce que',
    kestion: 'question',
    ds: 'dans',
    mrc: 'merci',
    mci: 'merci',
    bjr: 'bonjour',
    bsr: 'bonsoir',
    ajd: 'aujourd hui',
    auj: 'aujourd hui',
    aujourdhui: 'aujourd hui',
    bsoin: 'besoin',
    tt: 'tout',
    vs: 'vous',
    pb: 'probleme',
    pbm: 'probleme',
    rdv: 'rendez vous',
    tel: 'telephone',
    dc: 'donc',
    tjs: 'toujours',
    pk: 'pourquoi',
    koi: 'quoi',
    ke: 'que',
    ki: 'qui',
    oqp: 'occupe',
    cmt: 'comment',
    cb: 'combien',
    admin: 'administratif',
    cest: 'c est',
    jai: 'j ai',
    jarrive: 'j arrive',
    narrive: 'n arrive',
    maider: 'm aider',
    maidez: 'm aidez',
    jhabite: 'j habite',
    jabite: 'j habite',
    jvoudrais: 'je voudrais',
    jveux: 'je veux',
    jsais: 'je sais',
    chuis: 'je suis',
    ya: 'il y a',
    pa: 'pas',
    pasque: 'parce que',
    pcq: 'parce que',
    psk: 'parce que',
    stp: 's il te plait',
    svp: 's il vous plait',
    slvp: 's il vous plait',
    mdr: '',
    lol: '',
    ptdr: '',
    im: 'i m',
    dont: 'don t',
    cant: 'can t',
    slt: 'salut',
    quon: 'qu on',
    quil: 'qu il',
    quils: 'qu ils',
    jpeux: 'je peux',
    jdois: 'je dois',
  }),
)

const letters = /[\p{L}\p{N}]+/gu

/** "merciiii" → "merci", "biiien" → "bien": a letter held down three times or more is one letter. */
export function collapseRepeats(word: string): string {
  return /(\p{L})\1\1/u.test(word) ? word.replace(/(\p{L})\1{2,}/gu, '$1') : word
}

export type Corrector = (word: string) => string

/** The message as tokens, SMS words spelled out and each word passed to `correct` (which may split it in two). */
export function tokenise(text: string, correct: Corrector = (w) => w): Token[] {
  const tokens: Token[] = []
  let sentence = 0
  let previousEnd = 0
  let first = true
  for (const match of text.matchAll(letters)) {
    const raw = match[0]
    const start = match.index
    const end = start + raw.length
    const between = text.slice(previousEnd, start)
    const newSentence = /[.!?;:\n]/.test(between)
    if (newSentence) sentence++
    // A capital inside a sentence may be a name; at the start of the message or of a sentence it says nothing.
    const capital = !first && !newSentence && /^\p{Lu}/u.test(raw)
    first = false
    previousEnd = end
    // Most words are already plain ASCII lower case: only the others go through the shared folding.
    const folded = collapseRepeats(/^[a-z0-9]+$/.test(raw) ? raw : foldText(raw))
    for (const piece of folded.split(/[^a-z0-9]+/).filter(Boolean)) {
      const sms = smsWords.get(piece)
      const spelled = sms ?? correct(piece)
      for (const word of spelled.split(' ').filter(Boolean))
        tokens.push({ word, written: piece, start, end, capital, sentence })
    }
  }
  return tokens
}
