/*
 * Recorded conversations (docs/conversations/): thirty scripts of what people write, replayed through POST /v1/chat
 * on the demo data at a fixed instant (Monday 23 November 2026, 10:30 in Paris), written out as Markdown with a
 * hand-written review under each. `pnpm --filter @aiguillage/api conversations` records them again (reviews are
 * kept); a unit test fails when a recording no longer matches what the engine says.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { LieuResult, Message } from '@aiguillage/assistant'
import pino from 'pino'
import { createApp } from './app.js'
import { DatasetStore } from './dataset.js'
import { loadDemo } from './load.js'

export type ConversationScript = { id: string; title: string; who: string; turns: string[] }

export const conversationsDir = path.resolve(import.meta.dirname, '../../../docs/conversations')

export const scripts: readonly ConversationScript[] = [
  {
    id: '01-faux-conseiller-bancaire',
    title: 'Un faux conseiller bancaire demande le code reçu par SMS',
    who: 'Une femme de 74 ans, au téléphone avec « sa banque », qui écrit en même temps.',
    turns: [
      'un conseiller de ma banque m’appelle il me demande le code que je viens de recevoir par sms je lui donne ?',
      'j’habite à Guéret',
    ],
  },
  {
    id: '02-compte-pirate',
    title: 'Un compte Facebook piraté',
    who: 'Un homme de 58 ans, sur son téléphone.',
    turns: ['mon compte facebook a été piraté je fais comment', 'Aurillac'],
  },
  {
    id: '03-menaces-en-ligne',
    title: 'Des menaces reçues tous les jours',
    who: 'Une lycéenne, sur son téléphone.',
    turns: ['qqn menvoie des menaces sur insta tous les jours jsp quoi faire', 'je suis a lille'],
  },
  {
    id: '04-lien-suspect',
    title: 'Un mail « Ameli » avec un lien de remboursement',
    who: 'Un retraité, sur l’ordinateur de son petit-fils.',
    turns: [
      'j’ai reçu un mail de l’assurance maladie avec un lien pour un remboursement, je dois cliquer ?',
      'Paris 18',
    ],
  },
  {
    id: '05-samedi-et-numero',
    title: 'Ouvert le samedi ? Et leur numéro ?',
    who: 'Une aide-soignante qui travaille en semaine.',
    turns: ['aide pour mes papiers à Guéret', 'et samedi c’est ouvert ?', 'leur numéro ?'],
  },
  {
    id: '06-sms-samedi',
    title: 'En écriture SMS, une déclaration d’impôts',
    who: 'Un homme de 45 ans qui écrit vite.',
    turns: ['cé ou pr fair ma declaration dimpot a aurillac', 'cé ouver le samdi ?'],
  },
  {
    id: '07-payant',
    title: 'Apprendre l’ordinateur : est-ce payant ?',
    who: 'Une femme de 67 ans qui vient d’avoir un ordinateur.',
    turns: ['je voudrais apprendre l’ordinateur a Aurillac', 'c’est payant ?', 'gratuit'],
  },
  {
    id: '08-loin-plus-pres',
    title: 'C’est loin ? Plus près ?',
    who: 'Un homme de 80 ans qui ne conduit plus.',
    turns: ['atelier pour apprendre la tablette à Lyon', 'c’est loin ?', 'plus près'],
  },
  {
    id: '09-d-autres',
    title: 'D’autres lieux, puis plus rien',
    who: 'Une étudiante à Paris.',
    turns: ['imprimer un document à Paris', 'd’autres', 'd’autres'],
  },
  {
    id: '10-parler-a-quelqu-un',
    title: 'Parler à quelqu’un',
    who: 'Une femme de 86 ans qui préfère le téléphone.',
    turns: ['je veux parler à quelqu’un', 'Guéret'],
  },
  {
    id: '11-pas-compris-deux-fois',
    title: 'Deux messages incompris de suite',
    who: 'Un homme qui tape sur un clavier qu’il connaît mal.',
    turns: ['Guéret', 'euh le truc la', 'le machin qui marche pas'],
  },
  {
    id: '12-aide-je-sais-pas',
    title: '« Aide », « aide », « je sais pas »',
    who: 'Une femme de 79 ans, perdue.',
    turns: ['aide', 'aide', 'je sais pas', 'Guéret', 'faire ma carte grise'],
  },
  {
    id: '13-pass-numerique',
    title: 'Le Pass numérique, puis la commune',
    who: 'Un homme qui a reçu des chèques de sa mairie.',
    turns: ['le pass numérique c’est quoi ?', 'Guéret'],
  },
  {
    id: '14-pour-ma-mere',
    title: 'Pour sa mère, la tablette',
    who: 'Une fille qui cherche pour sa mère de 88 ans.',
    turns: ['ma mère voudrait apprendre à se servir de sa tablette', 'elle habite à Aurillac', 'leurs horaires ?'],
  },
  {
    id: '15-english-taxes',
    title: 'In English: an online tax return in Paris',
    who: 'A British man living in Paris.',
    turns: ['Hello, I need help with my online tax return, I live in Paris', 'what is their phone number?'],
  },
  {
    id: '16-english-computer',
    title: 'In English: a computer to use in Lyon',
    who: 'An American student.',
    turns: ['where can I use a computer with internet in Lyon?', 'is it free?'],
  },
  {
    id: '17-a-ma-place',
    title: 'Que quelqu’un fasse la démarche à sa place',
    who: 'Un homme de 70 ans qui ne veut pas apprendre.',
    turns: [
      'je ne sais pas faire ma demande de retraite, quelqu’un peut le faire à ma place ? j’habite marseille',
      'pourquoi celui-là ?',
    ],
  },
  {
    id: '18-solidarite-numerique',
    title: 'Le numéro de Solidarité Numérique ne répond plus',
    who: 'Une femme qui avait noté le numéro en 2020.',
    turns: ['le numéro de solidarité numérique ne répond plus', 'Toulouse'],
  },
  {
    id: '19-longue-histoire',
    title: 'Une longue histoire, la CAF',
    who: 'Josette, 82 ans, qui écrit comme elle parle.',
    turns: [
      'Bonjour, je m’appelle Josette, j’ai 82 ans, mon fils a déménagé et depuis je n’arrive plus à aller sur le site de la CAF pour mes APL, ça me dit que mon identifiant est faux, j’habite à Guéret depuis 50 ans',
      'merci beaucoup',
    ],
  },
  {
    id: '20-mot-de-passe-ecrit',
    title: 'Un mot de passe écrit dans le message',
    who: 'Un homme de 63 ans, pressé.',
    turns: ['mon mot de passe ameli c’est Rose1942 et ça marche pas, j’habite Rennes'],
  },
  {
    id: '21-sourde',
    title: 'Une personne sourde, la CAF',
    who: 'Une femme sourde de 50 ans.',
    turns: ['je suis sourde, un lieu pour m’aider avec la caf à Guéret ?', 'c’est ouvert maintenant ?'],
  },
  {
    id: '22-plombier-puis-imprimer',
    title: 'Hors sujet, puis la vraie demande',
    who: 'Un homme qui essaie le service.',
    turns: ['un plombier à Lille', 'non je voulais imprimer un document'],
  },
  {
    id: '23-saint-denis',
    title: 'Deux Saint-Denis',
    who: 'Une femme qui écrit le nom de sa ville sans le département.',
    turns: ['apprendre internet à Saint-Denis', 'celui du 93'],
  },
  {
    id: '24-pas-forcement-gratuit',
    title: 'Gratuit, puis pas forcément',
    who: 'Un jeune retraité à Toulouse.',
    turns: ['un atelier gratuit pour apprendre le smartphone à Toulouse', 'pas forcément gratuit'],
  },
  {
    id: '25-emploi-adresse',
    title: 'Un CV, puis l’adresse',
    who: 'Un homme de 52 ans au chômage.',
    turns: ['je cherche du travail et je dois faire un CV sur ordinateur à Lille', 'l’adresse ?'],
  },
  {
    id: '26-ordinateur-pas-cher',
    title: 'Un ordinateur pas cher : quand est-ce ouvert ?',
    who: 'Une mère de famille à Aurillac.',
    turns: ['acheter un ordinateur pas cher à Aurillac', 'c’est ouvert quand ?'],
  },
  {
    id: '27-autre-chose',
    title: 'Autre chose, au même endroit',
    who: 'Un grand-père à Paris.',
    turns: ['imprimer un document à Paris', 'autre chose', 'apprendre à faire des visios avec mes petits-enfants'],
  },
  {
    id: '28-le-deuxieme',
    title: 'Le deuxième de la liste',
    who: 'Une femme qui hésite entre deux lieux.',
    turns: ['aide démarches Guéret', 'le deuxième', 'c’est loin ?'],
  },
  {
    id: '29-dictee',
    title: 'Une dictée sans ponctuation',
    who: 'Un homme qui dicte à son téléphone.',
    turns: [
      'bonjour jai besoin daide pour mon compte ameli jhabite a montauban est ce que cest ouvert maintenant',
      'pourquoi ce lieu',
    ],
  },
  {
    id: '30-conseiller-numerique',
    title: 'Un conseiller numérique, puis la commune',
    who: 'Une femme qui a vu une affiche à la mairie.',
    turns: ['c’est quoi un conseiller numérique ?', 'Bourganeuf', 'c’est payant ?'],
  },
]

/** One turn as the API answered it. */
export type RecordedTurn = { text: string; messages: Message[] }

const reviewStart = '<!-- relecture -->'

function lieuLine(lieu: LieuResult): string {
  const address = `${lieu.adresse}, ${lieu.code_postal} ${lieu.commune}`
  const phone = lieu.telephoneAffichage ? ` · ${lieu.telephoneAffichage}` : ''
  return `  - **${lieu.nom}** — ${lieu.distanceTexte} · ${address}${phone} · ${lieu.ouvertureTexte} · _${lieu.pourquoi}_`
}

/** The transcript of one conversation, as Markdown. */
export function renderTranscript(script: ConversationScript, turns: readonly RecordedTurn[]): string {
  const lines = [`# ${script.title}`, '', `_${script.who}_`, '']
  for (const turn of turns) {
    lines.push(`**Personne** : ${turn.text}`, '')
    for (const message of turn.messages) {
      if (message.type === 'text') lines.push(`**Aiguillage** : ${message.text}`, '')
      else if (message.type === 'lieux') lines.push(...message.lieux.map(lieuLine), '')
      else
        lines.push(
          `**Aiguillage** : ${message.question}`,
          '',
          `  _Choix :_ ${message.choices.map((c) => `« ${c.label} »`).join(' · ')}`,
          '',
        )
    }
  }
  return lines.join('\n')
}

/** The file of a conversation: the transcript, then the review kept from the file already there. */
export async function renderFile(script: ConversationScript, turns: readonly RecordedTurn[]): Promise<string> {
  const existing = await readFile(path.join(conversationsDir, `${script.id}.md`), 'utf8').catch(() => '')
  const at = existing.indexOf(reviewStart)
  const review = at >= 0 ? existing.slice(at) : `${reviewStart}\n\n## Relecture\n\nÀ relire.\n`
  return `${renderTranscript(script, turns)}\n${review}`
}

/** The transcript part of a recorded file (what the engine said), to compare with a new recording. */
export function transcriptOf(file: string): string {
  const at = file.indexOf(reviewStart)
  return (at >= 0 ? file.slice(0, at) : file).trimEnd()
}

export async function writeRecording(script: ConversationScript, turns: readonly RecordedTurn[]): Promise<void> {
  await writeFile(path.join(conversationsDir, `${script.id}.md`), await renderFile(script, turns))
}

/** Monday 23 November 2026, 10:30 in Paris: the instant of every recording. */
export const recordedAt = new Date('2026-11-23T09:30:00Z')

/** Replays the scripts through POST /v1/chat, on the demo data, at {@link recordedAt}. */
export async function recordAll(
  selected: readonly ConversationScript[] = scripts,
): Promise<{ script: ConversationScript; turns: RecordedTurn[] }[]> {
  const store = new DatasetStore(await loadDemo(recordedAt))
  const app = createApp({
    store,
    logger: pino({ level: 'silent' }),
    now: () => recordedAt,
    config: { rateLimit: null },
  })
  const out: { script: ConversationScript; turns: RecordedTurn[] }[] = []
  for (const script of selected) {
    let conversationId: string | undefined
    const turns: RecordedTurn[] = []
    for (const text of script.turns) {
      const response = await app.request('/v1/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, ...(conversationId ? { conversationId } : {}) }),
      })
      const body = (await response.json()) as { conversationId: string; messages: Message[] }
      conversationId = body.conversationId
      turns.push({ text, messages: body.messages })
    }
    out.push({ script, turns })
  }
  return out
}
