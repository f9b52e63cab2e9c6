import { foldMessage } from './sms.js'
import { NationalProgramme } from '@aiguillage/lieux'

/*
 * "Faire avec" or "faire à ma place". A conseiller numérique or a médiateur teaches a person to do it; having it done
 * for you needs an aidant habilité Aidants Connect (under a mandate) or a France Services agent. The lieux that come
 * first change accordingly.
 */

const w = (source: string) => new RegExp(`(?:^| )(?:${source})(?= |$)`)
const forMe = w('a ma place|a sa place|a notre place|pour moi|(?:fasse|fassent|faire|faites|remplisse|remplir|s occupe|s occuper) (?:ma|mon|mes|sa|son|ses|la|le|les)? ?.{0,40}(?:a ma place|pour moi|a sa place)|quelqu un (?:qui )?(?:fasse|fait|remplisse|s occupe)|do it for me|on my behalf')

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
