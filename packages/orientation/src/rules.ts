import { NationalProgramme } from '@aiguillage/lieux'

/*
 * "Faire avec" or "faire à ma place". A conseiller numérique or a médiateur teaches a person to do it; having it done
 * for you needs an aidant habilité Aidants Connect (under a mandate) or a France Services agent. The lieux that come
 * first change accordingly.
 */

/** The programmes whose lieux can do a procedure for a person: France Services agents, Aidants Connect aidants. */
export const doneForThemProgrammes = [NationalProgramme.FranceServices, NationalProgramme.AidantsConnect] as const

/** A plain sentence on who can help, for each way of being helped. */
export const helpWays = {
  learn: 'Un conseiller numérique ou un médiateur vous apprend à le faire vous-même, pas à pas.',
  doneForThem:
    'Pour qu’une personne le fasse à votre place, allez dans une France Services ou un lieu Aidants Connect : un aidant habilité peut le faire avec un mandat. Ne donnez jamais vos mots de passe.',
} as const

/** The same sentences as {@link helpWays}, in plain English. */
export const helpWaysEn: Readonly<Record<keyof typeof helpWays, string>> = {
  learn: 'A conseiller numérique or a mediator teaches you to do it yourself, step by step.',
  doneForThem:
    'For someone to do it for you, go to a France Services centre or an Aidants Connect place: an authorised helper can do it under a mandate. Never give your passwords.',
}
