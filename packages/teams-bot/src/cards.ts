// The bot's Adaptive Cards, as plain JSON (schema 1.5, what Teams renders). Text from the data goes in TextRuns:
// unlike TextBlocks and FactSets, they do not read Markdown, so a lieu's name can never become a link or a format.
import type { Choice, LieuResult } from '@aiguillage/assistant'
import {
  dataAgeDays,
  formatPhone,
  gsm7Length,
  type Lieu,
  type LieuShare,
  mapLink,
  phoneHref,
  staleAfterDays,
  webLink,
  weeklyTimetable,
} from '@aiguillage/lieux'

export type AdaptiveCard = {
  type: 'AdaptiveCard'
  $schema: string
  version: '1.5'
  lang: 'fr'
  body: unknown[]
  actions?: unknown[]
}

/** Card actions: the verbs of Action.Submit, read by the bot's routes. */
export const Verb = { Fiche: 'fiche', More: 'plus', Choice: 'choix' } as const

const card = (body: unknown[], actions: unknown[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  lang: 'fr',
  body,
  ...(actions.length ? { actions } : {}),
})

type Run = { text: string; bold?: boolean; colour?: 'Good' | 'Attention' | 'Default' }
const run = (r: Run) => ({
  type: 'TextRun',
  text: r.text,
  ...(r.bold ? { weight: 'Bolder' } : {}),
  ...(r.colour ? { color: r.colour } : {}),
})
/** A paragraph of plain text runs (no Markdown). */
const text = (
  runs: (Run | string)[],
  options: { size?: 'Medium' | 'Large'; spacing?: 'None' | 'Small' | 'Medium' } = {},
) => ({
  type: 'RichTextBlock',
  ...(options.spacing ? { spacing: options.spacing } : {}),
  inlines: runs.map((r) => {
    const inline = run(typeof r === 'string' ? { text: r } : r)
    return options.size ? { ...inline, size: options.size } : inline
  }),
})
/** "Label : value", the label in bold. */
const fact = (label: string, value: string) => text([{ text: `${label} : `, bold: true }, value], { spacing: 'None' })

const openUrl = (title: string, url: string | undefined) => (url ? [{ type: 'Action.OpenUrl', title, url }] : [])

/** "15/10/2026" from "2026-10-15". */
export const frenchDate = (iso: string) => iso.split('-').reverse().join('/')

function priceText(fees: readonly string[] | undefined): string {
  if (!fees?.length) return 'non indiqué'
  return fees.join(', ')
}

/**
 * One lieu, to read out to a caller: name, distance, address, phone, today's hours, open now or not, services, free or
 * not, and the date of the data. Actions: call, full record, more results (the latter two need the bot: not on a card
 * inserted by the message extension).
 */
export function lieuCard(lieu: LieuResult, options: { botActions: boolean } = { botActions: true }): AdaptiveCard {
  const today = lieu.horairesAujourdhui
  const address = `${lieu.adresse}${lieu.complement_adresse ? `, ${lieu.complement_adresse}` : ''}, ${lieu.code_postal} ${lieu.commune}`
  return card(
    [
      text([{ text: lieu.nom, bold: true }], { size: 'Medium' }),
      text([`${lieu.distanceTexte} · ${address}`], { spacing: 'None' }),
      ...(lieu.pourquoi ? [text([lieu.pourquoi], { spacing: 'None' })] : []),
      fact('Téléphone', lieu.telephoneAffichage ?? 'non indiqué'),
      text(
        [
          {
            text: lieu.ouvertureTexte,
            bold: true,
            colour: lieu.ouvertMaintenant === true ? 'Good' : lieu.ouvertMaintenant === false ? 'Attention' : 'Default',
          },
        ],
        { spacing: 'None' },
      ),
      fact(
        'Aujourd’hui',
        today
          ? today.replace(/^\S+ : /, '')
          : lieu.horairesAVerifier
            ? 'horaires à vérifier, appelez avant de venir'
            : 'horaires non indiqués',
      ),
      fact('Tarif', priceText(lieu.frais_a_charge)),
      fact('Services', lieu.services.join(', ') || 'non indiqués'),
      fact('Données du', `${frenchDate(lieu.date_maj)}${lieu.aVerifier ? ' — à vérifier' : ''}`),
    ],
    [
      // Short labels: Teams gives each button an equal share of a narrow card and cuts longer ones (« Appeler le 04… »).
      // The number is in the card's text, above.
      ...openUrl('Appeler', phoneHref(lieu.telephone)),
      ...(options.botActions
        ? [
            { type: 'Action.Submit', title: 'Fiche', data: { verb: Verb.Fiche, id: lieu.id } },
            { type: 'Action.Submit', title: 'Plus', data: { verb: Verb.More } },
          ]
        : openUrl('Plan', mapLink(lieu.latitude, lieu.longitude))),
    ],
  )
}

/**
 * The full record of a lieu: everything of the standard that matters on the phone (presentation, address and access,
 * every contact, the week's hours, services, publics, support, fees, programmes, labels, appointments) and how old
 * the data are.
 */
export function ficheCard(lieu: Lieu, now: Date, share?: LieuShare): AdaptiveCard {
  const week = weeklyTimetable(lieu.horaires, now)?.map((day) => day.text)
  const age = dataAgeDays(lieu.date_maj, now)
  const list = (label: string, values: readonly string[] | undefined) =>
    values?.length ? [fact(label, values.join(', '))] : []
  const one = (label: string, value: string | undefined) => (value ? [fact(label, value)] : [])
  return card(
    [
      text([{ text: lieu.nom, bold: true }], { size: 'Large' }),
      ...(lieu.presentation_resume ? [text([lieu.presentation_resume])] : []),
      fact(
        'Adresse',
        `${lieu.adresse}${lieu.complement_adresse ? `, ${lieu.complement_adresse}` : ''}, ${lieu.code_postal} ${lieu.commune}`,
      ),
      ...one('Téléphone', lieu.telephone ? formatPhone(lieu.telephone) : undefined),
      ...list('Courriel', lieu.courriels),
      ...list('Site', lieu.site_web),
      text([{ text: 'Horaires de la semaine', bold: true }], { spacing: 'Medium' }),
      ...(week
        ? week.map((line) => text([line], { spacing: 'None' }))
        : [text(['Horaires non indiqués : faites appeler avant de se déplacer.'], { spacing: 'None' })]),
      ...one('Horaires (données)', lieu.horaires),
      text([{ text: 'Ce que le lieu propose', bold: true }], { spacing: 'Medium' }),
      ...list('Services', lieu.services),
      ...list('Publics', lieu.publics_specifiquement_adresses),
      ...list('Accueil adapté (handicaps, langues, lecture)', lieu.prise_en_charge_specifique),
      ...list('Accompagnement', lieu.modalites_accompagnement),
      ...list('Accès', lieu.modalites_acces),
      fact('Tarif', priceText(lieu.frais_a_charge)),
      ...list('Dispositifs', lieu.dispositif_programmes_nationaux),
      ...list('Labels', lieu.formations_labels),
      ...one('Itinérance', lieu.itinerance?.join(', ')),
      text([{ text: 'Les données', bold: true }], { spacing: 'Medium' }),
      fact(
        'Mises à jour le',
        `${frenchDate(lieu.date_maj)}${age > staleAfterDays ? ' (plus d’un an : à vérifier)' : ''}`,
      ),
      ...one('Source', lieu.source),
      ...(share ? [shareActionSet(share)] : []),
    ],
    [
      ...openUrl('Appeler', phoneHref(lieu.telephone)),
      ...openUrl('Rendez-vous', webLink(lieu.prise_rdv)),
      ...openUrl('Site', webLink(lieu.site_web?.[0])),
      ...(lieu.latitude !== undefined && lieu.longitude !== undefined
        ? openUrl('Plan', mapLink(lieu.latitude, lieu.longitude))
        : []),
    ],
  )
}

/**
 * « Texte à envoyer », on a row of its own (its full title at 320 px): it unfolds the text ready for an SMS (to copy
 * into the caller's SMS, GSM-7, 300 characters at most) and the e-mail, the page to print and the directions.
 */
function shareActionSet(share: LieuShare) {
  return {
    type: 'ActionSet',
    spacing: 'Medium',
    actions: [
      {
        type: 'Action.ShowCard',
        title: 'Texte à envoyer',
        card: card(
          [
            text([{ text: 'Texte pour un SMS', bold: true }]),
            ...share.sms.split('\n').map((line) => text([line], { spacing: 'None' })),
            text([`${gsm7Length(share.sms)} caractères : ${gsm7Length(share.sms) <= 160 ? 'un SMS' : 'deux SMS'}.`], {
              spacing: 'Small',
            }),
          ],
          [
            ...openUrl('E-mail', share.mailto),
            ...openUrl('Imprimer', share.lien),
            ...openUrl('Itinéraire', share.itineraire),
          ],
        ),
      },
    ],
  }
}

/** The id of the choice set's input: its value comes back in the Action.Submit's data. */
export const choiceInputId = 'choix'

/**
 * A question and its answers as a list of radio buttons, one per row, wrapped rather than cut: buttons side by side
 * read « Sai… » at 400 px, and Saint-Denis (La Réunion) must not be mistaken for Saint-Denis (Seine-Saint-Denis).
 */
export function choicesCard(question: string, choices: readonly Choice[]): AdaptiveCard {
  return card(
    [
      // The question is the choice set's label (said by screen readers with the choices), not repeated above it.
      {
        type: 'Input.ChoiceSet',
        id: choiceInputId,
        style: 'expanded',
        wrap: true,
        isRequired: true,
        errorMessage: 'Choisissez une réponse.',
        label: question,
        choices: choices.map((choice) => ({ title: choice.label, value: choice.value })),
      },
    ],
    [{ type: 'Action.Submit', title: 'Valider', data: { verb: Verb.Choice } }],
  )
}
