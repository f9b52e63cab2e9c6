import { foldText } from '@aiguillage/lieux'
import { correctWord } from './spelling.js'

/** Words written the SMS way, and the words they stand for (on folded text). */
const smsWords: Readonly<Record<string, string>> = {
  qqn: 'quelqu un',
  qq1: 'quelqu un',
  kelkun: 'quelqu un',
  qqun: 'quelqu un',
  pr: 'pour',
  bcp: 'beaucoup',
  j: 'je',
  jne: 'je ne',
  jsuis: 'je suis',
  chui: 'je suis',
  jsp: 'je ne sais pas',
  kesk: 'qu est ce',
  keske: 'qu est ce que',
  kestion: 'question',
  ds: 'dans',
  svp: 's il vous plait',
  stp: 's il te plait',
  mrc: 'merci',
  mci: 'merci',
  bjr: 'bonjour',
  bsr: 'bonsoir',
  slt: 'salut',
  ajd: 'aujourd hui',
  auj: 'aujourd hui',
  bsoin: 'besoin',
  tt: 'tout',
  vs: 'vous',
  pb: 'probleme',
  pbm: 'probleme',
  rdv: 'rendez vous',
  ordi: 'ordinateur',
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
  info: 'information',
  infos: 'informations',
  admin: 'administratif',
  mdr: '',
  lol: '',
}

const smsWordMap = new Map(Object.entries(smsWords))
let lastText: string | undefined
let lastFolded = ''

/** Folded text (see foldText) with SMS words spelled out: « jsuis a gueret, bsoin d aide pr la caf ». */
export function foldMessage(text: string): string {
  // Every reader of a turn (needs, topic, constraints, rules) folds the same message: fold it once.
  if (text === lastText) return lastFolded
  const folded = foldText(text)
    .split(' ')
    .map((word) => smsWordMap.get(word) ?? correctWord(word))
    .filter((word) => word !== '')
    .join(' ')
  lastText = text
  lastFolded = folded
  return folded
}
