/*
 * The template families. A family is one way of asking (its frames) in one style; it draws its slot fillers from the
 * vocabulary with its own seeded stream. Its cases are labelled by construction: the labels come from the fillers.
 * The split is chosen per family (see generate.ts), so a frame seen in training never appears in test.
 */
import {
  greetings,
  handwrittenConversations,
  offTopic,
  programmeQuestions,
  talkToSomeone,
  thanks,
} from './handwritten.js'
import type { Rng } from './rng.js'
import { atPlace, capitalise, inPerson, nearPlace, type Person, stripAccents, toDictation, toSms } from './text.js'
import type { Expect } from './types.js'
import {
  ADM,
  type Commune,
  communes,
  type ConstraintFiller,
  constraintFillers,
  englishNeeds,
  franglaisNeeds,
  homonyms,
  type Need,
  needs,
  overseasCommunes,
  relativeConstraintFillers,
  relatives,
  stories,
  storyEndings,
  wordCommunes,
} from './vocabulary.js'

export type Draft = { turns: string[]; expect: Expect }

export type Kind =
  | 'direct'
  | 'relative'
  | 'story'
  | 'sms'
  | 'dictation'
  | 'english'
  | 'franglais'
  | 'overseas'
  | 'homonym'
  | 'word-commune'
  | 'multi-turn'
  | 'correction'
  | 'constraint'
  | 'do-it-for-me'
  | 'no-place'
  | 'programme'
  | 'talk-to-someone'
  | 'greeting'
  | 'thanks'
  | 'off-topic'
  | 'handwritten'

export type Family = {
  id: string
  kind: Kind
  /** How many distinct cases to draw (fewer when the family cannot produce that many). */
  count: number
  draw: (rng: Rng) => Draft
}

// ---------------------------------------------------------------------------------------------------------------
// Slot helpers

type Place = { text: string; code: string; name: string }

/** A commune as a person types it: official name or a usual spelling. */
function placeOf(rng: Rng, list: readonly Commune[] = communes): Place {
  const c = rng.pick(list)
  const text = c.typed && rng.chance(0.4) ? rng.pick(c.typed) : c.name
  return { text, code: c.code, name: c.name }
}

function selfPlacePhrase(rng: Rng, p: Place): string {
  return rng.pick([
    `j’habite ${atPlace(p.text)}`,
    `je suis ${atPlace(p.text)}`,
    `j’habite ${p.text}`,
    `je vis ${atPlace(p.text)}`,
    `j'habite ${atPlace(p.text)}`,
  ])
}

function thirdPlacePhrase(rng: Rng, subject: string, p: Place): string {
  return rng.pick([
    `${subject} habite ${atPlace(p.text)}`,
    `${subject} vit ${atPlace(p.text)}`,
    `${subject} habite ${p.text}`,
  ])
}

function needExpect(need: { service: string; demarche?: string }, intent = 'trouver_lieu'): Expect {
  return { intent, services: [need.service], ...(need.demarche ? { demarche: need.demarche } : {}) }
}

function withPlace(expect: Expect, code: string): Expect {
  return { ...expect, codeInsee: code }
}

function withConstraint(expect: Expect, filler: Pick<ConstraintFiller, 'key' | 'value'>): Expect {
  return { ...expect, constraints: { ...expect.constraints, [filler.key]: filler.value } }
}

function noPlace(expect: Expect): Expect {
  return { ...expect, awaiting: 'location' }
}

function task(rng: Rng, need: Need, person: Person): string {
  return inPerson(rng.pick(need.tasks), person)
}

const delegable = needs.filter((n) => n.delegable)
const subjectOf = (r: { subject: 'il' | 'elle' }) => r.subject
const feminine = (r: { subject: 'il' | 'elle' }, text: string) =>
  text.replace(/\{e\}/g, r.subject === 'elle' ? 'e' : '')
const sentence = (text: string) => capitalise(text.trim())

// ---------------------------------------------------------------------------------------------------------------
// Families

const direct: Family[] = [
  {
    id: 'direct-cannot',
    kind: 'direct',
    count: 110,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const hello = rng.pick(['Bonjour, ', '', 'Bonjour ', 'Bonsoir, '])
      return {
        turns: [`${hello}je n’arrive pas à ${task(rng, need, 'self')}, ${selfPlacePhrase(rng, p)}`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'direct-who-can-help',
    kind: 'direct',
    count: 110,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const frame = rng.pick(['Qui peut m’aider à', 'Qui pourrait m’aider à', 'Quelqu’un peut m’aider à'])
      return {
        turns: [`${frame} ${task(rng, need, 'self')} ${atPlace(p.text)} ?`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'direct-need-help-for',
    kind: 'direct',
    count: 110,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      return {
        turns: [`J’ai besoin d’aide pour ${task(rng, need, 'self')}, ${selfPlacePhrase(rng, p)}.`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'direct-where-near',
    kind: 'direct',
    count: 110,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const frame = rng.pick([
        'Où trouver de l’aide pour',
        'Où est-ce que je peux me faire aider pour',
        'Où aller pour',
      ])
      return {
        turns: [`${frame} ${task(rng, need, 'self')} ${nearPlace(p.text)} ?`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'direct-place-first',
    kind: 'direct',
    count: 110,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const end = rng.pick(['mais je ne sais pas comment faire', 'et je suis perdu', 'et je n’y arrive pas seule'])
      return {
        turns: [`${sentence(selfPlacePhrase(rng, p))} et je voudrais ${task(rng, need, 'self')}, ${end}.`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'direct-postcode',
    kind: 'direct',
    count: 80,
    draw: (rng) => {
      const need = rng.pick(needs)
      const c = rng.pick(communes.filter((x) => x.postcode))
      const text = rng.pick([
        `Aide pour ${task(rng, need, 'self')}, ${c.postcode}`,
        `${c.postcode} : besoin d’aide pour ${task(rng, need, 'self')}`,
        `je voudrais ${task(rng, need, 'self')}, je suis dans le ${c.postcode}`,
      ])
      return { turns: [text], expect: withPlace(needExpect(need), c.code) }
    },
  },
]

const relative: Family[] = [
  {
    id: 'relative-cannot',
    kind: 'relative',
    count: 90,
    draw: (rng) => {
      const need = rng.pick(needs)
      const r = rng.pick(relatives)
      const p = placeOf(rng)
      return {
        turns: [
          `${sentence(r.who)} n’arrive pas à ${task(rng, need, 'third')}, ${thirdPlacePhrase(rng, subjectOf(r), p)}. Qui peut l’aider ?`,
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'relative-looking-for',
    kind: 'relative',
    count: 90,
    draw: (rng) => {
      const need = rng.pick(needs)
      const r = rng.pick(relatives)
      const p = placeOf(rng)
      return {
        turns: [
          `je cherche quelqu’un pour aider ${r.who} à ${task(rng, need, 'third')}, ${thirdPlacePhrase(rng, subjectOf(r), p)}`,
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'relative-writing-for',
    kind: 'relative',
    count: 90,
    draw: (rng) => {
      const need = rng.pick(needs)
      const r = rng.pick(relatives)
      const p = placeOf(rng)
      return {
        turns: [
          `Bonjour, j’écris pour ${r.who} qui voudrait ${task(rng, need, 'third')}. ${sentence(subjectOf(r))} habite ${atPlace(p.text)}.`,
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'relative-needs-help',
    kind: 'relative',
    count: 90,
    draw: (rng) => {
      const need = rng.pick(needs)
      const r = rng.pick(relatives)
      const p = placeOf(rng)
      return {
        turns: [
          `${r.who} a besoin d’aide pour ${task(rng, need, 'third')} ${atPlace(p.text)}, vous connaissez un endroit ?`,
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'relative-with-constraint',
    kind: 'relative',
    count: 90,
    draw: (rng) => {
      const need = rng.pick(needs)
      const r = rng.pick(relatives)
      const p = placeOf(rng)
      const c = rng.pick(relativeConstraintFillers)
      const about = feminine(r, c.text.replace('{subject}', subjectOf(r)))
      return {
        turns: [
          `${sentence(r.who)} voudrait ${task(rng, need, 'third')} mais ${about}. ${sentence(thirdPlacePhrase(rng, subjectOf(r), p))}.`,
        ],
        expect: withConstraint(withPlace(needExpect(need), p.code), c),
      }
    },
  },
]

const story: Family[] = [
  {
    id: 'story-buried-then-place',
    kind: 'story',
    count: 80,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const [a, b] = rng.shuffle(stories)
      return {
        turns: [
          `${a} ${b} Bref, j’ai besoin d’aide pour ${task(rng, need, 'self')}. ${sentence(selfPlacePhrase(rng, p))}. ${rng.pick(storyEndings)}`.trim(),
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'story-place-in-the-middle',
    kind: 'story',
    count: 80,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const [a, b] = rng.shuffle(stories)
      return {
        turns: [
          `${a} J’habite ${atPlace(p.text)} depuis quelques années. ${b} En fait je n’arrive pas à ${task(rng, need, 'self')}. ${rng.pick(storyEndings)}`.trim(),
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'story-for-a-relative',
    kind: 'story',
    count: 80,
    draw: (rng) => {
      const need = rng.pick(needs)
      const r = rng.pick(relatives)
      const p = placeOf(rng)
      const s = subjectOf(r)
      return {
        turns: [
          `${rng.pick(stories)} C’est pour ${r.who} : ${s} doit ${task(rng, need, 'third')} et ${s} n’y arrive pas. ${sentence(s)} vit ${atPlace(p.text)}. ${rng.pick(storyEndings)}`.trim(),
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'story-no-place',
    kind: 'story',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const [a, b] = rng.shuffle(stories)
      return {
        turns: [`${a} ${b} Il faudrait que j’arrive à ${task(rng, need, 'self')}. ${rng.pick(storyEndings)}`.trim()],
        expect: noPlace(needExpect(need)),
      }
    },
  },
  {
    id: 'story-with-constraint',
    kind: 'story',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const c = rng.pick(
        constraintFillers.filter(
          (f) => !f.text.endsWith('?') && !f.key.startsWith('ouvert') && !f.text.startsWith('pour '),
        ),
      )
      return {
        turns: [
          `${rng.pick(stories)} Je voudrais ${task(rng, need, 'self')}, ${c.text}. ${sentence(selfPlacePhrase(rng, p))}. ${rng.pick(storyEndings)}`.trim(),
        ],
        expect: withConstraint(withPlace(needExpect(need), p.code), c),
      }
    },
  },
]

const sms: Family[] = [
  {
    id: 'sms-short-need-place',
    kind: 'sms',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      return {
        turns: [toSms(`aide ${rng.pick(need.short)} ${p.text}`)],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'sms-hello-i-am-at',
    kind: 'sms',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      return {
        turns: [toSms(`bonjour je suis ${atPlace(p.text)} besoin d’aide pour ${task(rng, need, 'self')}`)],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'sms-someone-please',
    kind: 'sms',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      return {
        turns: [toSms(`salut quelqu’un pour m’aider à ${task(rng, need, 'self')} s’il vous plaît j’habite ${p.text}`)],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'sms-postcode',
    kind: 'sms',
    count: 60,
    draw: (rng) => {
      const need = rng.pick(needs)
      const c = rng.pick(communes.filter((x) => x.postcode))
      return {
        turns: [toSms(`${rng.pick(need.short)} ${c.postcode} svp`)],
        expect: withPlace(needExpect(need), c.code),
      }
    },
  },
]

const dictation: Family[] = [
  {
    id: 'dictation-hesitant',
    kind: 'dictation',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      return {
        turns: [
          toDictation(
            `Oui bonjour, alors euh, je voudrais ${task(rng, need, 'self')}, euh, ${selfPlacePhrase(rng, p)}, voilà.`,
          ),
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'dictation-run-on',
    kind: 'dictation',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      return {
        turns: [
          toDictation(
            `Bonjour, je vous appelle parce que je n’arrive pas à ${task(rng, need, 'self')} et on m’a dit de vous demander, je suis ${atPlace(p.text)}, merci.`,
          ),
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'dictation-relative',
    kind: 'dictation',
    count: 60,
    draw: (rng) => {
      const need = rng.pick(needs)
      const r = rng.pick(relatives)
      const p = placeOf(rng)
      return {
        turns: [
          toDictation(
            `C’est pour ${r.who}, ${subjectOf(r)} doit ${task(rng, need, 'third')}, ${thirdPlacePhrase(rng, subjectOf(r), p)}, qui peut l’aider ?`,
          ),
        ],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
]

const plainNames = communes.filter((c) => !/^(le|la|les) /i.test(c.name))
const englishSupport = { key: 'prise_en_charge_specifique', value: 'Langues étrangères (anglais)' }

const english: Family[] = [
  {
    id: 'english-need-help',
    kind: 'english',
    count: 50,
    draw: (rng) => {
      const need = rng.pick(englishNeeds)
      const p = placeOf(rng, plainNames)
      return {
        turns: [`Hello, I need help to ${rng.pick(need.tasks)}, I live in ${p.text}`],
        expect: withConstraint(withPlace(needExpect(need), p.code), englishSupport),
      }
    },
  },
  {
    id: 'english-can-someone',
    kind: 'english',
    count: 50,
    draw: (rng) => {
      const need = rng.pick(englishNeeds)
      const p = placeOf(rng, plainNames)
      return {
        turns: [`Can someone help me ${rng.pick(need.tasks)}? I am in ${p.text}, thank you`],
        expect: withConstraint(withPlace(needExpect(need), p.code), englishSupport),
      }
    },
  },
  {
    id: 'english-no-french',
    kind: 'english',
    count: 50,
    draw: (rng) => {
      const need = rng.pick(englishNeeds)
      const p = placeOf(rng, plainNames)
      return {
        turns: [`I don't speak French well. I want to ${rng.pick(need.tasks)}. Where can I go in ${p.text}?`],
        expect: withConstraint(withPlace(needExpect(need), p.code), englishSupport),
      }
    },
  },
]

const franglais: Family[] = [
  {
    id: 'franglais-help-for',
    kind: 'franglais',
    count: 45,
    draw: (rng) => {
      const need = rng.pick(franglaisNeeds)
      const p = placeOf(rng)
      return {
        turns: [`besoin d’un peu de help pour ${rng.pick(need.phrases)}, je suis ${atPlace(p.text)}`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'franglais-please',
    kind: 'franglais',
    count: 45,
    draw: (rng) => {
      const need = rng.pick(franglaisNeeds)
      const p = placeOf(rng)
      return {
        turns: [`please aidez-moi avec ${rng.pick(need.phrases)}, j’habite ${p.text}`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'franglais-two-turns',
    kind: 'franglais',
    count: 45,
    draw: (rng) => {
      const need = rng.pick(franglaisNeeds)
      const p = placeOf(rng)
      return {
        turns: [`hi, j’ai un problème avec ${rng.pick(need.phrases)}`, `je live ${atPlace(p.text)}`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
]

const overseas: Family[] = [
  {
    id: 'overseas-direct',
    kind: 'overseas',
    count: 60,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng, overseasCommunes)
      return {
        turns: [`Bonjour, j’ai besoin d’aide pour ${task(rng, need, 'self')}, ${selfPlacePhrase(rng, p)}`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'overseas-sms',
    kind: 'overseas',
    count: 50,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng, overseasCommunes)
      return {
        turns: [toSms(`${rng.pick(need.short)} ${atPlace(p.text)} qui peut m’aider`)],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'overseas-cued-homonym',
    kind: 'overseas',
    count: 40,
    draw: (rng) => {
      const need = rng.pick(needs)
      const h = rng.pick(homonyms)
      const cue = rng.pick(h.cued)
      return {
        turns: [`Je voudrais ${task(rng, need, 'self')}, j’habite ${atPlace(cue.text)}`],
        expect: withPlace(needExpect(need), cue.code),
      }
    },
  },
]

/** The big communes of each ambiguous name: picking one of them or asking is right. */
const homonymDefaults: Readonly<Record<string, string[]>> = {
  'Saint-Denis': ['93066', '97411'],
  'Saint-Paul': ['97415'],
  'Saint-Pierre': ['97416'],
  'Saint-Benoît': ['97410'],
  Montreuil: ['93048'],
}

const homonym: Family[] = [
  {
    id: 'homonym-bare',
    kind: 'homonym',
    count: 40,
    draw: (rng) => {
      const need = rng.pick(needs)
      const h = rng.pick(homonyms)
      return {
        turns: [`j’ai besoin d’aide pour ${task(rng, need, 'self')}, j’habite ${atPlace(rng.pick(h.typed))}`],
        expect: { ...needExpect(need), codeInsee_any: homonymDefaults[h.name] ?? [], clarify_ok: true },
      }
    },
  },
  {
    id: 'homonym-second-turn',
    kind: 'homonym',
    count: 40,
    draw: (rng) => {
      const need = rng.pick(needs)
      const h = rng.pick(homonyms)
      return {
        turns: [`Je voudrais ${task(rng, need, 'self')}`, rng.pick(h.typed)],
        expect: { ...needExpect(need), codeInsee_any: homonymDefaults[h.name] ?? [], clarify_ok: true },
      }
    },
  },
  {
    id: 'homonym-cued-second-turn',
    kind: 'homonym',
    count: 40,
    draw: (rng) => {
      const need = rng.pick(needs)
      const h = rng.pick(homonyms)
      const cue = rng.pick(h.cued)
      return {
        turns: [`aide pour ${task(rng, need, 'self')}`, cue.text],
        expect: withPlace(needExpect(need), cue.code),
      }
    },
  },
]

const wordCommune: Family[] = [
  {
    id: 'word-commune-trap',
    kind: 'word-commune',
    count: 40,
    draw: (rng) => {
      const w = rng.pick(wordCommunes)
      const t = rng.pick(w.trap)
      const ask = rng.pick([' Qui peut m’aider ?', ' Vous pouvez m’aider ?', ' Où trouver de l’aide ?'])
      return { turns: [`${sentence(t.text)}.${ask}`], expect: noPlace(needExpect(t)) }
    },
  },
  {
    id: 'word-commune-cued',
    kind: 'word-commune',
    count: 40,
    draw: (rng) => {
      const w = rng.pick(wordCommunes)
      const need = rng.pick(needs)
      return {
        turns: [`${sentence(rng.pick(w.cued))} et j’ai besoin d’aide pour ${task(rng, need, 'self')}`],
        expect: withPlace(needExpect(need), w.code),
      }
    },
  },
  {
    id: 'word-commune-trap-and-place',
    kind: 'word-commune',
    count: 40,
    draw: (rng) => {
      const w = rng.pick(wordCommunes)
      const t = rng.pick(w.trap)
      const p = placeOf(rng)
      return {
        turns: [`${sentence(t.text)}, ${selfPlacePhrase(rng, p)}`],
        expect: withPlace(needExpect(t), p.code),
      }
    },
  },
]

const multiTurn: Family[] = [
  {
    id: 'multi-need-then-place',
    kind: 'multi-turn',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const answer = rng.pick([p.text, `je suis ${atPlace(p.text)}`, `${atPlace(p.text)}`, `j’habite ${p.text}`])
      return {
        turns: [`Je voudrais de l’aide pour ${task(rng, need, 'self')}`, answer],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'multi-hello-need-place',
    kind: 'multi-turn',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      return {
        turns: [rng.pick(['Bonjour', 'bonsoir', 'salut']), `je n’arrive pas à ${task(rng, need, 'self')}`, p.text],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'multi-place-then-need',
    kind: 'multi-turn',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      return {
        turns: [`j’habite ${atPlace(p.text)}`, `je dois ${task(rng, need, 'self')} et je n’y arrive pas`],
        expect: withPlace(needExpect(need), p.code),
      }
    },
  },
  {
    id: 'multi-follow-up-constraint',
    kind: 'multi-turn',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const c = rng.pick(constraintFillers.filter((f) => f.key === 'frais_a_charge' || f.key.startsWith('ouvert')))
      const follow = c.text.endsWith('?') ? c.text : `et ${c.text} ?`
      return {
        turns: [`J’ai besoin d’aide pour ${task(rng, need, 'self')} ${atPlace(p.text)}`, follow],
        expect: withConstraint(withPlace(needExpect(need), p.code), c),
      }
    },
  },
]

const correction: Family[] = [
  {
    id: 'correction-commune',
    kind: 'correction',
    count: 60,
    draw: (rng) => {
      const need = rng.pick(needs)
      const [a, b] = rng.shuffle(communes)
      const fix = rng.pick(['non pardon, je voulais dire', 'ah non, en fait c’est', 'je me suis trompé, c’est'])
      return {
        turns: [`aide pour ${task(rng, need, 'self')} ${atPlace(a?.name ?? '')}`, `${fix} ${b?.name ?? ''}`],
        expect: withPlace(needExpect(need), b?.code ?? ''),
      }
    },
  },
  {
    id: 'correction-need',
    kind: 'correction',
    count: 60,
    draw: (rng) => {
      const [a, b] = rng.shuffle(needs.filter((n) => n.demarche))
      const first = a as Need
      const second = b as Need
      const p = placeOf(rng)
      return {
        turns: [
          `je voudrais ${task(rng, first, 'self')}, j’habite ${atPlace(p.text)}`,
          `non pardon, ce n’est pas ça, en fait je dois ${task(rng, second, 'self')}`,
        ],
        expect: withPlace(needExpect(second), p.code),
      }
    },
  },
  {
    id: 'correction-three-turns',
    kind: 'correction',
    count: 50,
    draw: (rng) => {
      const need = rng.pick(needs)
      const [a, b] = rng.shuffle(communes)
      return {
        turns: [`besoin d’aide pour ${task(rng, need, 'self')}`, a?.name ?? '', `non, ${b?.name ?? ''}`],
        expect: withPlace(needExpect(need), b?.code ?? ''),
      }
    },
  },
]

const constraint: Family[] = [
  {
    id: 'constraint-after-need',
    kind: 'constraint',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const c = rng.pick(constraintFillers.filter((f) => !f.text.endsWith('?') && !f.text.startsWith('je ')))
      return {
        turns: [`Je cherche un lieu pour ${task(rng, need, 'self')} ${c.text} ${atPlace(p.text)}`],
        expect: withConstraint(withPlace(needExpect(need), p.code), c),
      }
    },
  },
  {
    id: 'constraint-about-me',
    kind: 'constraint',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const c = rng.pick(constraintFillers.filter((f) => f.text.startsWith('je ')))
      return {
        turns: [`${sentence(c.text)}, où est-ce que je peux ${task(rng, need, 'self')} ${atPlace(p.text)} ?`],
        expect: withConstraint(withPlace(needExpect(need), p.code), c),
      }
    },
  },
  {
    id: 'constraint-two',
    kind: 'constraint',
    count: 60,
    draw: (rng) => {
      const need = rng.pick(needs)
      const p = placeOf(rng)
      const about = rng.pick(constraintFillers.filter((f) => f.text.startsWith('je ')))
      const other = rng.pick(
        constraintFillers.filter(
          (f) =>
            f.key !== about.key && !f.text.startsWith('je ') && !f.text.startsWith('pour ') && !f.text.endsWith('?'),
        ),
      )
      return {
        turns: [
          `${sentence(about.text)} et je voudrais ${task(rng, need, 'self')}, ${other.text}, ${selfPlacePhrase(rng, p)}`,
        ],
        expect: withConstraint(withConstraint(withPlace(needExpect(need), p.code), about), other),
      }
    },
  },
]

const doItForMe: Family[] = [
  {
    id: 'for-me-someone-who',
    kind: 'do-it-for-me',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(delegable)
      const p = placeOf(rng)
      return {
        turns: [`Je cherche quelqu’un qui puisse ${task(rng, need, 'self')} à ma place, ${selfPlacePhrase(rng, p)}`],
        expect: withPlace(needExpect(need, 'faire_a_ma_place'), p.code),
      }
    },
  },
  {
    id: 'for-me-can-you-find',
    kind: 'do-it-for-me',
    count: 70,
    draw: (rng) => {
      const need = rng.pick(delegable)
      const p = placeOf(rng)
      return {
        turns: [
          `Pouvez-vous trouver quelqu’un pour ${task(rng, need, 'self')} à ma place ? J’habite ${atPlace(p.text)}.`,
        ],
        expect: withPlace(needExpect(need, 'faire_a_ma_place'), p.code),
      }
    },
  },
  {
    id: 'for-me-relative',
    kind: 'do-it-for-me',
    count: 60,
    draw: (rng) => {
      const need = rng.pick(delegable)
      const r = rng.pick(relatives)
      const p = placeOf(rng)
      return {
        turns: [
          `${sentence(r.who)} ne peut pas le faire ${subjectOf(r) === 'elle' ? 'elle-même' : 'lui-même'} : il faudrait que quelqu’un puisse ${task(rng, need, 'third')} à sa place. ${sentence(thirdPlacePhrase(rng, subjectOf(r), p))}.`,
        ],
        expect: withPlace(needExpect(need, 'faire_a_ma_place'), p.code),
      }
    },
  },
]

const noPlaceFamilies: Family[] = [
  {
    id: 'no-place-need-only',
    kind: 'no-place',
    count: 60,
    draw: (rng) => {
      const need = rng.pick(needs)
      return { turns: [`J’ai besoin d’aide pour ${task(rng, need, 'self')}`], expect: noPlace(needExpect(need)) }
    },
  },
  {
    id: 'no-place-relative',
    kind: 'no-place',
    count: 60,
    draw: (rng) => {
      const need = rng.pick(needs)
      const r = rng.pick(relatives)
      return {
        turns: [`${sentence(r.who)} voudrait ${task(rng, need, 'third')}, qui peut l’aider ?`],
        expect: noPlace(needExpect(need)),
      }
    },
  },
  {
    id: 'no-place-sms',
    kind: 'no-place',
    count: 50,
    draw: (rng) => {
      const need = rng.pick(needs)
      return { turns: [toSms(`besoin d’aide ${rng.pick(need.short)} svp`)], expect: noPlace(needExpect(need)) }
    },
  },
]

// ---------------------------------------------------------------------------------------------------------------
// Hand-written lists, spread over families by position (every third or fifth item), so each split gets some.

function listFamilies(kind: Kind, prefix: string, parts: number, items: readonly Draft[]): Family[] {
  return Array.from({ length: parts }, (_, part) => {
    const own = items.filter((_, i) => i % parts === part)
    let next = 0
    return {
      id: `${prefix}-${String.fromCharCode(97 + part)}`,
      kind,
      count: own.length,
      draw: () => own[next++ % own.length] as Draft,
    }
  })
}

const programmeDrafts: Draft[] = Object.entries(programmeQuestions).flatMap(([topic, wordings]) =>
  wordings.map((text) => ({ turns: [text], expect: { intent: 'information', topic } })),
)

const simple = (intent: string, list: readonly string[]): Draft[] =>
  list.map((text) => ({ turns: [text], expect: { intent } }))

export const families: readonly Family[] = [
  ...direct,
  ...relative,
  ...story,
  ...sms,
  ...dictation,
  ...english,
  ...franglais,
  ...overseas,
  ...homonym,
  ...wordCommune,
  ...multiTurn,
  ...correction,
  ...constraint,
  ...doItForMe,
  ...noPlaceFamilies,
  ...listFamilies('programme', 'programme', 5, programmeDrafts),
  ...listFamilies('talk-to-someone', 'talk-to-someone', 3, simple('parler_a_quelqu_un', talkToSomeone)),
  ...listFamilies('greeting', 'greeting', 3, simple('salutation', greetings)),
  ...listFamilies('thanks', 'thanks', 3, simple('remerciement', thanks)),
  ...listFamilies('off-topic', 'off-topic', 3, simple('hors_sujet', offTopic)),
  ...listFamilies('handwritten', 'handwritten', 3, handwrittenConversations),
]

/** Exported for the corpus test: the ADM service is the only one a procedure done for someone can carry. */
export const delegableService = ADM
export { stripAccents }
