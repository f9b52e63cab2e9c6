import {
  dataAgeDays,
  staleAfterDays,
  describeOpening,
  formatDistance,
  formatPhone,
  type Lieu,
  lieuQuality,
  nextOpening,
  type OpeningState,
  openingStatus,
  phoneHref,
  weeklyTimetable,
} from '@aiguillage/lieux'
import { type NearOutcome, type Place, type Relaxation, relaxationText, type SearchResult } from '@aiguillage/recherche'
import type { Commune } from '@aiguillage/territoires'
import type { z } from '@hono/zod-openapi'
import type {
  CommuneSchema,
  CritereElargiSchema,
  DonneesSchema,
  FicheLieuSchema,
  LieuProcheSchema,
  OuvertureSchema,
  QualiteSchema,
  ReferenceSchema,
  ReponseLieuxSchema,
} from './contract.js'
import type { DatasetSource } from './dataset.js'

/*
 * What the API answers: the standard's fields as they are (lists as arrays), plus what people need computed —
 * distance, open now, next opening, the phone as it is dialled, the week's timetable in French, the data's age.
 */

const etats: Record<OpeningState, 'ouvert' | 'ferme' | 'inconnu'> = {
  open: 'ouvert',
  closed: 'ferme',
  unknown: 'inconnu',
}

/*
 * The shapes written here are the contract's (contract.ts): each function's return type is its schema's input, so a
 * field added here and not there (or the other way round) fails the typecheck.
 */
export type OuvertureJson = z.input<typeof OuvertureSchema>
type LieuProcheJson = z.input<typeof LieuProcheSchema>
/** The part of a listed lieu that is fixed while the data are loaded: the standard's fields and the phone. */
type LieuFragmentJson = Omit<LieuProcheJson, 'distance_km' | 'distance_texte' | 'ouverture' | 'qualite'>
type QualiteJson = z.input<typeof QualiteSchema>

// A lieu's quality changes with the day (its data age): written once per lieu and day.
const qualiteTexts = new WeakMap<Lieu, { day: number; json: QualiteJson; text: string }>()

/** The quality of a lieu's data at `now` (`lieuQuality`), as the API says it. */
export function qualiteJson(lieu: Lieu, now: Date): QualiteJson {
  return qualiteOf(lieu, now).json
}

function qualiteOf(lieu: Lieu, now: Date) {
  const day = Math.floor(now.getTime() / 86_400_000)
  let known = qualiteTexts.get(lieu)
  if (known === undefined || known.day !== day) {
    const quality = lieuQuality(lieu, now)
    const json = { score: quality.score, a_verifier: quality.toCheck, raisons: quality.reasons }
    known = { day, json, text: JSON.stringify(json) }
    qualiteTexts.set(lieu, known)
  }
  return known
}

// The same hours give the same answer all minute long, and answers near a town show the same lieux: remember them.
let ouvertureMinute = Number.NaN
const ouvertureCache = new Map<string, OuvertureJson>()

export function ouvertureJson(lieu: Lieu, now: Date, opening?: SearchResult['opening']): OuvertureJson {
  const minute = Math.floor(now.getTime() / 60_000)
  if (minute !== ouvertureMinute || ouvertureCache.size > 20_000) {
    ouvertureMinute = minute
    ouvertureCache.clear()
  }
  const key = lieu.horaires ?? ''
  const cached = ouvertureCache.get(key)
  if (cached) return cached
  const computed = computeOuverture(lieu, new Date(minute * 60_000), opening)
  ouvertureCache.set(key, computed)
  return computed
}

function computeOuverture(lieu: Lieu, now: Date, opening?: SearchResult['opening']): OuvertureJson {
  const status: SearchResult['opening'] =
    opening ??
    (() => {
      const s = openingStatus(lieu.horaires, now)
      const next =
        s.state === 'closed' ? s.nextChange : s.state === 'open' ? nextOpening(lieu.horaires, now) : undefined
      return next ? { ...s, nextOpening: next } : s
    })()
  return {
    etat: etats[status.state],
    texte: describeOpening(status, now, status.nextOpening),
    prochain_changement: status.nextChange?.toISOString() ?? null,
    prochaine_ouverture: status.nextOpening?.toISOString() ?? null,
  }
}

const contacts = new WeakMap<Lieu, { telephone_affichage: string | null; telephone_lien: string | null }>()

/** The phone as it is read and dialled, computed once per lieu. */
function contact(lieu: Lieu) {
  let computed = contacts.get(lieu)
  if (!computed) {
    computed = {
      telephone_affichage: lieu.telephone ? formatPhone(lieu.telephone) : null,
      telephone_lien: phoneHref(lieu.telephone) ?? null,
    }
    contacts.set(lieu, computed)
  }
  return computed
}

/** A lieu in a list of results. */
export function resultJson(result: SearchResult, now: Date): LieuProcheJson {
  return {
    ...result.lieu,
    ...contact(result.lieu),
    distance_km: Math.round(result.distanceKm * 1000) / 1000,
    distance_texte: formatDistance(result.distanceKm),
    ouverture: ouvertureJson(result.lieu, now, result.opening),
    qualite: qualiteJson(result.lieu, now),
  }
}

// Answers are mostly the same lieux again: their JSON, which never changes while the data are loaded, is written once.
const lieuFragments = new WeakMap<Lieu, string>()
const ouvertureTexts = new Map<OuvertureJson, string>()

/**
 * The same as `JSON.stringify(resultJson(result, now))`, assembled from cached pieces: the lieu's own fields (fixed
 * while the data are loaded) and its opening (fixed for the minute). Writing lists of lieux is most of an answer's cost.
 */
export function resultJsonText(result: SearchResult, now: Date): string {
  let fragment = lieuFragments.get(result.lieu)
  if (fragment === undefined) {
    fragment = JSON.stringify({ ...result.lieu, ...contact(result.lieu) } satisfies LieuFragmentJson).slice(0, -1)
    lieuFragments.set(result.lieu, fragment)
  }
  const ouverture = ouvertureJson(result.lieu, now, result.opening)
  let ouvertureText = ouvertureTexts.get(ouverture)
  if (ouvertureText === undefined) {
    if (ouvertureTexts.size > 20_000) ouvertureTexts.clear()
    ouvertureText = JSON.stringify(ouverture)
    ouvertureTexts.set(ouverture, ouvertureText)
  }
  // The rest of LieuProcheJson, written by hand: distance_km (number), distance_texte (string), ouverture (Ouverture),
  // qualite (Qualite).
  return `${fragment},"distance_km":${Math.round(result.distanceKm * 1000) / 1000},"distance_texte":${JSON.stringify(formatDistance(result.distanceKm))},"ouverture":${ouvertureText},"qualite":${qualiteOf(result.lieu, now).text}}`
}

/** The full record of one lieu. */
export function lieuDetailJson(lieu: Lieu, now: Date): Omit<z.input<typeof FicheLieuSchema>, 'donnees'> {
  const age = dataAgeDays(lieu.date_maj, now)
  return {
    ...lieu,
    ouverture: ouvertureJson(lieu, now),
    horaires_semaine: weeklyTimetable(lieu.horaires, now)?.map((day) => day.text) ?? null,
    ...contact(lieu),
    fraicheur: {
      date_maj: lieu.date_maj,
      age_jours: age,
      a_verifier: age > staleAfterDays,
    },
    qualite: qualiteJson(lieu, now),
  }
}

export function communeJson(commune: Commune): z.input<typeof CommuneSchema> {
  return {
    code_insee: commune.code,
    nom: commune.nom,
    type: commune.type,
    departement: { code: commune.departement, nom: commune.departementNom },
    codes_postaux: commune.codesPostaux,
    population: commune.population,
    latitude: commune.latitude ?? null,
    longitude: commune.longitude ?? null,
    ...(commune.coordinatesApproximate ? { coordonnees_approximatives: true as const } : {}),
  }
}

/** Said in every answer: where the data come from, and loudly when they are the demo's invented lieux. */
export function donneesJson(source: DatasetSource): z.input<typeof DonneesSchema> {
  return {
    demo: source.demo,
    source: source.kind,
    ...(source.date ? { date: source.date } : {}),
    ...(source.demo
      ? { avertissement: 'Données de démonstration : ces lieux sont inventés. Ne vous y rendez pas.' }
      : {}),
  }
}

export function relaxationJson(relaxation: Relaxation): z.input<typeof CritereElargiSchema> {
  const texte = relaxationText(relaxation)
  switch (relaxation.constraint) {
    case 'ouvert_a':
      return { critere: 'ouvert_maintenant', texte }
    case 'ouvert_le':
      return { critere: 'ouvert_le', texte }
    case 'q':
      return { critere: 'q', texte }
    case 'rayon_km':
      return { critere: 'rayon_km', de: relaxation.from, a: relaxation.to, texte }
    case 'filtre':
      return { critere: relaxation.field, valeurs: relaxation.values, texte }
  }
}

/** Where the search was made around, and the other communes the words could name. */
export function referenceJson(place: Place): z.input<typeof ReferenceSchema> {
  if (!place.commune) return { via: 'point', latitude: place.point.latitude, longitude: place.point.longitude }
  return {
    via: place.via === 'code_postal' ? 'code_postal' : 'commune',
    ...communeJson(place.commune),
    ...(place.others.length > 0 ? { autres_communes: place.others.map(communeJson) } : {}),
  }
}

/**
 * The body of `GET /v1/lieux` (and of `aiguillage search --json`): where, how far, how many, what was dropped, and the
 * lieux. Assembled from cached JSON pieces (see resultJsonText): the same text as JSON.stringify, a fraction of the cost.
 */
export function nearResponseText(
  found: Extract<NearOutcome, { kind: 'results' }>,
  source: DatasetSource,
  now: Date,
): string {
  const head = JSON.stringify({
    donnees: donneesJson(source),
    reference: referenceJson(found.place),
    rayon_km: found.radiusKm,
    total: found.total,
    limit: found.limit,
    offset: found.offset,
    criteres_elargis: found.relaxed.map(relaxationJson),
  } satisfies Omit<z.input<typeof ReponseLieuxSchema>, 'lieux'>)
  const lieux = found.results.map((result) => resultJsonText(result, now)).join(',')
  return `${head.slice(0, -1)},"lieux":[${lieux}]}`
}
