import {
  describeOpening,
  formatDistance,
  formatPhone,
  type Lieu,
  nextOpening,
  type OpeningState,
  openingStatus,
  phoneHref,
  weeklyTimetable,
} from '@aiguillage/lieux'
import type { SearchResult } from '@aiguillage/recherche'
import type { Commune } from '@aiguillage/territoires'
import type { DatasetSource } from './dataset.js'

/*
 * What the API answers: the standard's fields as they are (lists as arrays), plus what people need computed —
 * distance, open now, next opening, the phone as it is dialled, the week's timetable in French, the data's age.
 */

const etats: Record<OpeningState, 'ouvert' | 'ferme' | 'inconnu'> = { open: 'ouvert', closed: 'ferme', unknown: 'inconnu' }

export type OuvertureJson = { etat: 'ouvert' | 'ferme' | 'inconnu'; texte: string; prochain_changement: string | null; prochaine_ouverture: string | null }

export function ouvertureJson(lieu: Lieu, now: Date, opening?: SearchResult['opening']): OuvertureJson {
  const status: SearchResult['opening'] = opening ?? (() => {
    const s = openingStatus(lieu.horaires, now)
    const next = s.state === 'closed' ? s.nextChange : s.state === 'open' ? nextOpening(lieu.horaires, now) : undefined
    return next ? { ...s, nextOpening: next } : s
  })()
  return {
    etat: etats[status.state],
    texte: describeOpening(status, now, status.nextOpening),
    prochain_changement: status.nextChange?.toISOString() ?? null,
    prochaine_ouverture: status.nextOpening?.toISOString() ?? null,
  }
}

function contact(lieu: Lieu) {
  return {
    telephone_affichage: lieu.telephone ? formatPhone(lieu.telephone) : null,
    telephone_lien: lieu.telephone ? (phoneHref(lieu.telephone) ?? null) : null,
  }
}

/** A lieu in a list of results. */
export function resultJson(result: SearchResult, now: Date) {
  return {
    ...result.lieu,
    distance_km: Math.round(result.distanceKm * 1000) / 1000,
    distance_texte: formatDistance(result.distanceKm),
    ouverture: ouvertureJson(result.lieu, now, result.opening),
    ...contact(result.lieu),
  }
}

const DAY_MS = 86_400_000

/** The full record of one lieu. */
export function lieuDetailJson(lieu: Lieu, now: Date) {
  const age = Math.floor((now.getTime() - Date.parse(`${lieu.date_maj}T00:00:00Z`)) / DAY_MS)
  return {
    ...lieu,
    ouverture: ouvertureJson(lieu, now),
    horaires_semaine: weeklyTimetable(lieu.horaires, now)?.map((day) => day.text) ?? null,
    ...contact(lieu),
    fraicheur: {
      date_maj: lieu.date_maj,
      age_jours: age,
      // The cartographie nationale warns after a year: the information may be out of date.
      a_verifier: age > 365,
    },
  }
}

export function communeJson(commune: Commune) {
  return {
    code_insee: commune.code,
    nom: commune.nom,
    type: commune.type,
    departement: { code: commune.departement, nom: commune.departementNom },
    codes_postaux: commune.codesPostaux,
    population: commune.population,
    latitude: commune.latitude ?? null,
    longitude: commune.longitude ?? null,
    ...(commune.coordinatesApproximate ? { coordonnees_approximatives: true } : {}),
  }
}

/** Said in every answer: where the data come from, and loudly when they are the demo's invented lieux. */
export function donneesJson(source: DatasetSource) {
  return {
    demo: source.demo,
    source: source.kind,
    ...(source.date ? { date: source.date } : {}),
    ...(source.demo ? { avertissement: 'Données de démonstration : ces lieux sont inventés. Ne vous y rendez pas.' } : {}),
  }
}
