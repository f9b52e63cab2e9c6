import { foldMessage } from './sms.js'
import { NationalProgramme } from '@aiguillage/lieux'

/*
 * "Faire avec" or "faire à ma place". A conseiller numérique or a médiateur teaches a person to do it; having it done
 * for you needs an aidant habilité Aidants Connect (under a mandate) or a France Services agent. The lieux that come
 * first change accordingly.
 */

const w = (source: string) => new RegExp(`(?:^| )(?:${source})(?= |$)`)
const forMe = w(
  [
    'a (?:ma|sa|notre|leur|votre) place',
    // "le faire pour moi", "que quelqu'un remplisse le dossier pour lui"; not "un atelier pour moi".
    '(?:faire|fasse|fassent|fassiez|faites|remplir|remplisse|remplissiez|s occupe|s occuper|gerer|gere|envoyer|envoie|declarer|declare)(?: [a-z]+){0,6} pour (?:moi|lui|elle|nous|eux)',
    'quelqu un (?:qui )?(?:le |la |les |me |lui |nous )?(?:fasse|fait|fera|ferait|remplisse|s occupe|s occuperait)',
    'do it for me|do this for me|on my behalf',
  ].join('|'),
)

/** True when the person wants someone to do the procedure for them, not to learn to do it. */
export function wantsItDoneForThem(text: string): boolean {
  return forMe.test(` ${foldMessage(text)} `)
}

/** The programmes whose lieux can do a procedure for a person: France Services agents, Aidants Connect aidants. */
export const doneForThemProgrammes = [NationalProgramme.FranceServices, NationalProgramme.AidantsConnect] as const

/** A plain sentence on who can help, for each way of being helped. */
export const helpWays = {
  learn: 'Un conseiller numérique ou un médiateur vous apprend à le faire vous-même, pas à pas.',
  doneForThem:
    'Pour qu’une personne le fasse à votre place, allez dans une France Services ou un lieu Aidants Connect : un aidant habilité peut le faire avec un mandat. Ne donnez jamais vos mots de passe.',
} as const
