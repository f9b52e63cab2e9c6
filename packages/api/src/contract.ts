import type { Choice, Constraints, LieuResult, Message as AssistantMessage, Understanding } from '@aiguillage/assistant'
import { type Lieu, vocabularies } from '@aiguillage/lieux'
import { createRoute, z } from '@hono/zod-openapi'
import { CouvertureQuerySchema } from './couverture.js'
import { CommunesQuerySchema, ExportQuerySchema, LieuxQuerySchema } from './query.js'
import { ProblemType } from './problem.js'

/*
 * The contract of the API, described once: one zod schema per resource and per answer (each one a component of the
 * OpenAPI document), the routes with every status the server can send, and the document's header. The serializers
 * (serialize.ts, problem.ts) and the handlers (app.ts) take their types from these schemas, so the JSON written and
 * the document cannot drift apart without TypeScript saying so; contract.integration.test.ts checks it over HTTP.
 * Every object is strict (`additionalProperties: false`): a property the server sends must be declared here.
 */

// ——— Shared pieces ———

const dateTime = (description: string) => z.string().openapi({ description, format: 'date-time' })
const dateOnly = (description: string) => z.string().openapi({ description, format: 'date' })

/** Stable problem types (URNs: they name the kind of problem, they are not links), as problem.ts defines them. */
const problemTypes = Object.values(ProblemType)

export const DonneesSchema = z
  .strictObject({
    demo: z.boolean().openapi({ description: 'Vrai pour les données de démonstration : des lieux inventés.' }),
    source: z.enum(['fichiers', 'instantane', 'demo']).openapi({
      description:
        'D’où viennent les données servies : des fichiers donnés au démarrage, le dernier instantané national, ou la démonstration.',
    }),
    date: dateTime('Quand les données ont été produites ou téléchargées, si on le sait.').optional(),
    avertissement: z
      .string()
      .optional()
      .openapi({ description: 'Présent seulement pour les données de démonstration : à montrer à la personne.' }),
  })
  .openapi('Donnees', {
    description: 'La provenance des données, dite dans chaque réponse (et haut et fort pour la démonstration).',
    example: {
      demo: true,
      source: 'demo',
      avertissement: 'Données de démonstration : ces lieux sont inventés. Ne vous y rendez pas.',
    },
  })

const departementRef = z
  .strictObject({
    code: z.string().openapi({ description: 'Code du département (23, 2A, 971).', example: '23' }),
    nom: z.string().openapi({ description: 'Nom du département.', example: 'Creuse' }),
  })
  .openapi({ description: 'Le département de la commune.' })

const communeShape = {
  code_insee: z.string().openapi({ description: 'Code INSEE (code officiel géographique).', example: '23096' }),
  nom: z.string().openapi({ description: 'Nom officiel.', example: 'Guéret' }),
  type: z.enum(['commune-actuelle', 'arrondissement-municipal']).openapi({
    description: 'Une commune, ou un arrondissement de Paris, Lyon ou Marseille.',
  }),
  departement: departementRef,
  codes_postaux: z.array(z.string()).openapi({ description: 'Les codes postaux de la commune.', example: ['23000'] }),
  population: z.number().openapi({ description: 'Population municipale.', example: 12_889 }),
  latitude: z.number().nullable().openapi({ description: 'Latitude du centre (WGS84), ou null si inconnue.' }),
  longitude: z.number().nullable().openapi({ description: 'Longitude du centre (WGS84), ou null si inconnue.' }),
  coordonnees_approximatives: z.literal(true).optional().openapi({
    description: 'Présent quand les coordonnées ne sont qu’approchées (un arrondissement placé au centre de sa ville).',
  }),
}

const communeExample = {
  code_insee: '23096',
  nom: 'Guéret',
  type: 'commune-actuelle' as const,
  departement: { code: '23', nom: 'Creuse' },
  codes_postaux: ['23000'],
  population: 12_955,
  latitude: 46.16268,
  longitude: 1.87093,
}

export const CommuneSchema = z
  .strictObject(communeShape)
  .openapi('Commune', { description: 'Une commune ou un arrondissement municipal.', example: communeExample })

const confiance = z
  .number()
  .min(0)
  .max(1)
  .openapi({ description: 'De 0 à 1 : à quel point on est sûr que c’est la commune voulue.', example: 0.9 })

export const CommuneCandidateSchema = z
  .strictObject({ ...communeShape, confiance })
  .openapi('CommuneCandidate', { description: 'Une commune proposée, avec la confiance qu’on a en elle.' })

export const ProblemIssueSchema = z
  .strictObject({
    path: z
      .array(z.union([z.string(), z.number()]))
      .openapi({ description: 'Le paramètre (ou le champ du corps) en cause.', example: ['commune'] }),
    code: z.string().openapi({
      description:
        'Un code stable : unknown_parameter, invalid_value, invalid_number, out_of_range, required, unknown, ambiguous…',
      example: 'unknown',
    }),
    message: z.string().openapi({ description: 'Ce qui ne va pas, en français.', example: 'Commune introuvable.' }),
  })
  .openapi('ProblemeDetail', { description: 'Un paramètre refusé.' })

export const ProblemSchema = z
  .strictObject({
    type: z.string().openapi({
      description: `Le genre de problème, une URN stable (pas un lien) : ${problemTypes.join(', ')}.`,
      example: 'urn:aiguillage:probleme:commune-inconnue',
    }),
    title: z.string().openapi({ description: 'Le titre du statut HTTP, en français.', example: 'Requête invalide' }),
    status: z.number().int().openapi({ description: 'Le statut HTTP.', example: 400 }),
    detail: z.string().openapi({
      description: 'Ce qui s’est passé et comment corriger, en français.',
      example: 'Commune introuvable : « Guerre ». Essayez son code postal.',
    }),
    instance: z.string().optional().openapi({
      description: 'Le chemin de la requête (absent quand la requête n’a pas pu être lue).',
      example: '/v1/lieux',
    }),
    issues: z.array(ProblemIssueSchema).optional().openapi({ description: 'Les paramètres refusés, un par un.' }),
    candidats: z
      .array(CommuneCandidateSchema)
      .optional()
      .openapi({ description: 'Pour une commune ambiguë : les communes possibles, à proposer à la personne.' }),
  })
  .openapi('Probleme', {
    description: 'Un problème au format RFC 9457 (application/problem+json), en français.',
    example: {
      type: 'urn:aiguillage:probleme:commune-inconnue',
      title: 'Requête invalide',
      status: 400,
      detail: 'Commune introuvable : « Guerre ». Essayez son code postal.',
      instance: '/v1/lieux',
      issues: [{ path: ['commune'], code: 'unknown', message: 'Commune introuvable.' }],
    },
  })

// ——— Lieux ———

const vocabulary = (field: keyof typeof vocabularies, description: string) =>
  z
    .array(z.enum(vocabularies[field]))
    .optional()
    .openapi({ description: `${description} (valeurs du standard).` })
const text = (description: string) => z.string().openapi({ description })

/** The fields of the standard v1.0.2, as they were read (lists as arrays, coordinates as numbers). */
const lieuShape = {
  id: text('Identifiant du lieu dans sa source.'),
  pivot: text('SIRET, RNA ou RIDET de la structure (9 à 14 lettres ou chiffres).'),
  nom: text('Nom du lieu.'),
  commune: text('Commune du lieu.'),
  code_postal: text('Code postal (5 chiffres).'),
  code_insee: text('Code INSEE de la commune.').optional(),
  adresse: text('Adresse (numéro et voie).'),
  complement_adresse: text('Complément d’adresse.').optional(),
  latitude: z.number().optional().openapi({ description: 'Latitude (WGS84).' }),
  longitude: z.number().optional().openapi({ description: 'Longitude (WGS84).' }),
  typologie: z
    .array(z.string())
    .optional()
    .openapi({ description: 'Codes de typologie de structure (data·inclusion) : EPN, BIB, RFS…' }),
  telephone: text('Téléphone au format international sans espace (+33555123456).').optional(),
  courriels: z.array(z.string()).optional().openapi({ description: 'Adresses électroniques.' }),
  site_web: z.array(z.string()).optional().openapi({ description: 'Sites web.' }),
  horaires: text('Horaires au format OpenStreetMap opening_hours.').optional(),
  presentation_resume: text('Présentation courte (280 caractères au plus).').optional(),
  presentation_detail: text('Présentation détaillée.').optional(),
  source: text('Qui a produit la donnée.').optional(),
  itinerance: vocabulary('itinerance', 'Lieu fixe ou itinérant'),
  structure_parente: text('La structure dont le lieu dépend.').optional(),
  date_maj: dateOnly('Date de la dernière mise à jour des données du lieu (AAAA-MM-JJ).'),
  services: vocabulary('services', 'Les services proposés'),
  publics_specifiquement_adresses: vocabulary('publics_specifiquement_adresses', 'Les publics spécifiquement adressés'),
  prise_en_charge_specifique: vocabulary('prise_en_charge_specifique', 'Les prises en charge spécifiques'),
  frais_a_charge: vocabulary('frais_a_charge', 'Les frais à charge'),
  dispositif_programmes_nationaux: vocabulary(
    'dispositif_programmes_nationaux',
    'Les dispositifs et programmes nationaux',
  ),
  formations_labels: vocabulary('formations_labels', 'Les formations et labels'),
  autres_formations_labels: z
    .array(z.string())
    .optional()
    .openapi({ description: 'Autres formations et labels (texte libre).' }),
  modalites_acces: vocabulary('modalites_acces', 'Les modalités d’accès'),
  modalites_accompagnement: vocabulary('modalites_accompagnement', 'Les modalités d’accompagnement'),
  fiche_acces_libre: text('Lien vers la fiche Accès libre du lieu.').optional(),
  prise_rdv: text('Lien de prise de rendez-vous en ligne.').optional(),
}

const contactShape = {
  telephone_affichage: z
    .string()
    .nullable()
    .openapi({ description: 'Le téléphone tel qu’on le lit (05 55 12 34 56), ou null.', example: '05 36 49 01 01' }),
  telephone_lien: z
    .string()
    .nullable()
    .openapi({ description: 'Le téléphone en lien tel: (tel:+33536490101), ou null.', example: 'tel:+33536490101' }),
}

export const OuvertureSchema = z
  .strictObject({
    etat: z
      .enum(['ouvert', 'ferme', 'inconnu'])
      .openapi({ description: 'Ouvert ou fermé maintenant (heure de Paris), ou inconnu (pas d’horaires lisibles).' }),
    texte: z.string().openapi({ description: 'L’état en français, avec le prochain changement.' }),
    prochain_changement: dateTime('Prochaine ouverture ou fermeture, ou null.').nullable(),
    prochaine_ouverture: dateTime('Prochaine ouverture, ou null.').nullable(),
  })
  .openapi('Ouverture', {
    description: 'L’état d’ouverture du lieu à l’heure de la requête.',
    example: {
      etat: 'ouvert',
      texte: 'Ouvert jusqu’à 12 h 30',
      prochain_changement: '2026-11-23T11:30:00.000Z',
      prochaine_ouverture: '2026-11-23T12:30:00.000Z',
    },
  })

// Examples, taken from the demo's answers (Monday 23 November 2026, 10:30 in Paris).
const donneesExample = {
  demo: true,
  source: 'demo' as const,
  avertissement: 'Données de démonstration : ces lieux sont inventés. Ne vous y rendez pas.',
}
const lieuExample = {
  id: 'demo-gueret-fs',
  pivot: '00000000000000',
  nom: 'France services de Guéret (démo)',
  commune: 'Guéret',
  code_postal: '23000',
  code_insee: '23096',
  adresse: '3 place Bonnyaud',
  latitude: 46.17,
  longitude: 1.869,
  typologie: ['RFS'],
  telephone: '+33536490101',
  horaires: 'Mo-Fr 09:00-12:30,13:30-17:00',
  presentation_resume: 'Un agent vous aide pour vos démarches : CAF, retraite, impôts, carte grise. Sans rendez-vous.',
  itinerance: ['Fixe' as const],
  date_maj: '2026-10-15',
  services: ['Aide aux démarches administratives' as const],
  frais_a_charge: ['Gratuit' as const],
  dispositif_programmes_nationaux: ['France Services' as const, 'Aidants Connect' as const],
  modalites_acces: ['Se présenter' as const, 'Téléphoner' as const],
  modalites_accompagnement: ['Accompagnement individuel' as const],
  telephone_affichage: '05 36 49 01 01',
  telephone_lien: 'tel:+33536490101',
}
const ouvertureExample = {
  etat: 'ouvert' as const,
  texte: 'Ouvert. Ferme à 12 h 30.',
  prochain_changement: '2026-11-23T11:30:00.000Z',
  prochaine_ouverture: '2026-11-23T12:30:00.000Z',
}
const qualiteExample = { score: 0.9, a_verifier: false, raisons: [] }
const lieuProcheExample = {
  ...lieuExample,
  distance_km: 0.827,
  distance_texte: '830 m',
  ouverture: ouvertureExample,
  qualite: qualiteExample,
}

export const QualiteSchema = z
  .strictObject({
    score: z.number().min(0).max(1).openapi({
      description:
        'De 0 à 1 : la fraîcheur comme la calcule data·inclusion (1 avant 6 mois, 0 à 2 ans) pour moitié, le téléphone et les autres contacts pour un quart, des horaires lisibles et vraisemblables pour un quart.',
    }),
    a_verifier: z.boolean().openapi({
      description:
        'Vrai quand il faut vérifier avant d’y aller : données de plus d’un an, horaires douteux (00:00-00:00…) ou score sous 0,5.',
    }),
    raisons: z.array(z.string()).openapi({
      description:
        'Pourquoi, en français : « informations de plus d’un an », « horaires à vérifier », « pas de téléphone ».',
    }),
  })
  .openapi('Qualite', { description: 'La qualité des données du lieu.', example: qualiteExample })

export const LieuProcheSchema = z
  .strictObject({
    ...lieuShape,
    ...contactShape,
    distance_km: z.number().openapi({ description: 'Distance à vol d’oiseau du point de référence, en km.' }),
    distance_texte: z.string().openapi({ description: 'La distance en français (« à 800 m », « à 12 km »).' }),
    ouverture: OuvertureSchema,
    qualite: QualiteSchema,
  })
  .openapi('LieuProche', {
    description: 'Un lieu d’une liste de résultats : les champs du standard, le téléphone, la distance, l’ouverture.',
    example: lieuProcheExample,
  })

export const FicheLieuSchema = z
  .strictObject({
    donnees: DonneesSchema,
    ...lieuShape,
    ouverture: OuvertureSchema,
    horaires_semaine: z
      .array(z.string())
      .nullable()
      .openapi({
        description: 'La semaine d’horaires en français, lundi d’abord, ou null sans horaires lisibles.',
        example: ['lundi : 9 h – 12 h 30, 13 h 30 – 17 h', 'dimanche : fermé'],
      }),
    ...contactShape,
    fraicheur: z
      .strictObject({
        date_maj: dateOnly('Date de la dernière mise à jour.'),
        age_jours: z.number().int().openapi({ description: 'Âge des données, en jours.' }),
        a_verifier: z.boolean().openapi({ description: 'Vrai quand les données ont plus d’un an : à vérifier.' }),
      })
      .openapi({ description: 'L’âge des données du lieu.' }),
    qualite: QualiteSchema,
  })
  .openapi('FicheLieu', {
    description:
      'La fiche complète d’un lieu : tous les champs du standard, l’ouverture, la semaine d’horaires, l’âge des données.',
    example: {
      donnees: donneesExample,
      ...lieuExample,
      ouverture: ouvertureExample,
      horaires_semaine: [
        'lundi : 9 h – 12 h 30, 13 h 30 – 17 h',
        'mardi : 9 h – 12 h 30, 13 h 30 – 17 h',
        'mercredi : 9 h – 12 h 30, 13 h 30 – 17 h',
        'jeudi : 9 h – 12 h 30, 13 h 30 – 17 h',
        'vendredi : 9 h – 12 h 30, 13 h 30 – 17 h',
        'samedi : fermé',
        'dimanche : fermé',
      ],
      fraicheur: { date_maj: '2026-10-15', age_jours: 39, a_verifier: false },
      qualite: qualiteExample,
    },
  })

export const CritereElargiSchema = z
  .union([
    z.strictObject({
      critere: z
        .enum(['ouvert_maintenant', 'ouvert_le', 'q'])
        .openapi({ description: 'Le critère abandonné : l’heure, le jour, ou le nom recherché.' }),
      texte: z.string().openapi({ description: 'Ce qui a été abandonné, en français.' }),
    }),
    z.strictObject({
      critere: z.literal('rayon_km').openapi({ description: 'Le rayon a été élargi.' }),
      de: z.number().openapi({ description: 'Le rayon demandé, en km.' }),
      a: z.number().openapi({ description: 'Le rayon élargi, en km.' }),
      texte: z.string().openapi({ description: 'Ce qui a été élargi, en français.' }),
    }),
    z.strictObject({
      critere: z.string().openapi({ description: 'Le filtre abandonné (services, frais_a_charge…).' }),
      valeurs: z
        .array(z.union([z.string(), z.boolean()]))
        .readonly()
        .openapi({ description: 'Les valeurs de ce filtre qui ont été abandonnées.' }),
      texte: z.string().openapi({ description: 'Le filtre abandonné et ses valeurs, en français.' }),
    }),
  ])
  .openapi('CritereElargi', {
    description: 'Un critère abandonné faute de résultat, et ce que cela veut dire en français (`texte`).',
    example: { critere: 'rayon_km', de: 10, a: 50, texte: 'rayon élargi de 10 à 50 km' },
  })

const ReferencePointSchema = z
  .strictObject({
    via: z.literal('point').openapi({ description: 'La recherche part de `latitude` et `longitude`.' }),
    latitude: z.number().openapi({ description: 'Latitude donnée.' }),
    longitude: z.number().openapi({ description: 'Longitude donnée.' }),
  })
  .openapi('ReferencePoint', { description: 'La recherche part du point donné.' })

const ReferenceCommuneSchema = z
  .strictObject({
    via: z
      .enum(['commune', 'code_postal'])
      .openapi({ description: 'La commune vient de `commune` ou de `code_postal`.' }),
    ...communeShape,
    autres_communes: z.array(z.strictObject(communeShape)).optional().openapi({
      description:
        'Les autres communes possibles, proposées à côté de celle retenue : les homonymes moins peuplés (« Valence » est pris dans la Drôme, Valence en Tarn-et-Garonne est proposée), ou les autres communes du code postal. Relancez avec leur code INSEE dans `commune`.',
    }),
  })
  .openapi('ReferenceCommune', { description: 'La recherche part du centre de cette commune.' })

export const ReferenceSchema = z
  .union([ReferencePointSchema, ReferenceCommuneSchema])
  .openapi('Reference', { description: 'Le point de référence de la recherche, tel qu’il a été compris.' })

export const ReponseLieuxSchema = z
  .strictObject({
    donnees: DonneesSchema,
    reference: ReferenceSchema,
    rayon_km: z.number().openapi({ description: 'Le rayon de recherche appliqué (élargi le cas échéant), en km.' }),
    total: z.number().int().openapi({ description: 'Combien de lieux correspondent en tout (pour paginer).' }),
    limit: z.number().int().openapi({ description: 'Le nombre de lieux demandé.' }),
    offset: z.number().int().openapi({ description: 'Le rang du premier lieu rendu.' }),
    criteres_elargis: z
      .array(CritereElargiSchema)
      .openapi({ description: 'Les critères abandonnés faute de résultat, dans l’ordre (vide si aucun).' }),
    lieux: z.array(LieuProcheSchema).openapi({ description: 'Les lieux, du plus proche au plus lointain.' }),
  })
  .openapi('ReponseLieux', {
    description: 'Les lieux les plus proches et comment la recherche a été comprise.',
    example: {
      donnees: donneesExample,
      reference: { via: 'commune', ...communeExample },
      rayon_km: 50,
      total: 5,
      limit: 1,
      offset: 0,
      criteres_elargis: [],
      lieux: [lieuProcheExample],
    },
  })

// ——— Communes ———

export const CommuneTrouveeSchema = z
  .strictObject({
    ...communeShape,
    confiance,
    correspondance: z
      .enum(['insee', 'postcode', 'arrondissement', 'name', 'former-name', 'departement', 'prefix', 'typo', 'debut'])
      .openapi({
        description:
          'Comment la commune a été trouvée : code INSEE, code postal, arrondissement, nom, ancien nom, département, début du nom, faute de frappe, ou complétion (debut).',
      }),
  })
  .openapi('CommuneTrouvee', { description: 'Une commune candidate de l’autocomplétion.' })

export const ReponseCommunesSchema = z
  .strictObject({
    donnees: DonneesSchema,
    requete: z.string().openapi({ description: 'Le texte cherché, tel que reçu.', example: 'gueret' }),
    ambigu: z.boolean().openapi({ description: 'Vrai quand plusieurs communes correspondent aussi bien (homonymes).' }),
    departement: z
      .strictObject({
        code: z.string().openapi({ description: 'Code du département.' }),
        nom: z.string().openapi({ description: 'Nom du département.' }),
        region: z.string().openapi({ description: 'Code de la région.' }),
        chefLieu: z.string().openapi({ description: 'Code INSEE de la préfecture.' }),
      })
      .optional()
      .openapi({ description: 'Le département reconnu dans le texte (« Valence 26 », « Creuse »).' }),
    candidats: z
      .array(CommuneTrouveeSchema)
      .openapi({ description: 'Les communes candidates, les plus probables d’abord.' }),
  })
  .openapi('ReponseCommunes', {
    description: 'Les communes qui correspondent au texte tapé.',
    example: {
      donnees: donneesExample,
      requete: 'gueret',
      ambigu: false,
      candidats: [{ ...communeExample, confiance: 0.95, correspondance: 'name' }],
    },
  })

// ——— Chat ———

export const ChatRequestSchema = z
  .strictObject({
    conversationId: z.string().max(100).optional().openapi({
      description: 'L’identifiant rendu par le tour précédent ; absent, inconnu ou expiré : une nouvelle conversation.',
    }),
    text: z
      .string({ error: 'text est obligatoire : le message de la personne.' })
      .min(1, 'Le message est vide.')
      .max(1000, 'Le message dépasse 1 000 caractères.')
      .openapi({
        description: 'Le message de la personne (1 à 1 000 caractères).',
        example: 'je n’arrive pas à faire ma déclaration CAF, j’habite Guéret',
      }),
    position: z
      .strictObject({
        latitude: z.number().min(-90).max(90).openapi({ description: 'Latitude (WGS84).' }),
        longitude: z.number().min(-180).max(180).openapi({ description: 'Longitude (WGS84).' }),
      })
      .optional()
      .openapi({ description: 'La position du navigateur, donnée avec l’accord de la personne.' }),
  })
  .openapi('MessageChat', {
    description: 'Un message de la personne (les champs du chat sont en camelCase).',
    example: { text: 'je n’arrive pas à faire ma déclaration CAF, j’habite Guéret' },
  })

const strings = (description: string) => z.array(z.string()).optional().openapi({ description })

export const LieuChatSchema = z
  .strictObject({
    id: text('Identifiant du lieu (celui de /v1/lieux/{id}).'),
    nom: text('Nom du lieu.'),
    adresse: text('Adresse (numéro et voie).'),
    complement_adresse: text('Complément d’adresse.').optional(),
    code_postal: text('Code postal.'),
    commune: text('Commune du lieu.'),
    latitude: z.number().openapi({ description: 'Latitude (WGS84).' }),
    longitude: z.number().openapi({ description: 'Longitude (WGS84).' }),
    distanceKm: z.number().openapi({ description: 'Distance en km.' }),
    distanceTexte: z.string().openapi({ description: 'La distance en français.' }),
    services: z.array(z.string()).openapi({ description: 'Les services proposés (valeurs du standard).' }),
    telephone: text('Téléphone au format international.').optional(),
    telephoneAffichage: z.string().optional().openapi({ description: 'Le téléphone tel qu’on le lit.' }),
    courriels: strings('Adresses électroniques.'),
    site_web: strings('Sites web.'),
    horaires: z.string().optional().openapi({ description: 'Horaires au format OpenStreetMap.' }),
    horairesSemaine: strings('La semaine d’horaires en mots, lundi d’abord.'),
    horairesAujourdhui: z.string().optional().openapi({ description: 'La ligne d’aujourd’hui (heure de Paris).' }),
    ouvertMaintenant: z.boolean().nullable().openapi({ description: 'Ouvert maintenant ; null si on ne sait pas.' }),
    ouvertureTexte: z.string().openapi({ description: 'L’état d’ouverture en français.' }),
    frais_a_charge: strings('Les frais à charge.'),
    modalites_acces: strings('Les modalités d’accès.'),
    modalites_accompagnement: strings('Les modalités d’accompagnement.'),
    dispositif_programmes_nationaux: strings('Les dispositifs et programmes nationaux.'),
    prise_rdv: z.string().optional().openapi({ description: 'Lien de prise de rendez-vous.' }),
    presentation_resume: text('Présentation courte.').optional(),
    pourquoi: z.string().openapi({ description: 'Pourquoi ce lieu, en une phrase tirée de ses données.' }),
    date_maj: dateOnly('Date de la dernière mise à jour des données du lieu.'),
    aVerifier: z.boolean().openapi({
      description:
        'Vrai quand il faut vérifier avant d’y aller : données de plus d’un an, horaires douteux, score bas.',
    }),
    horairesAVerifier: z.literal(true).optional().openapi({
      description:
        'Présent quand les horaires sont douteux (00:00-00:00…) : « horaires à vérifier, appelez avant de venir ».',
    }),
    publics_specifiquement_adresses: strings('Les publics spécifiquement adressés.'),
    prise_en_charge_specifique: strings('Les prises en charge spécifiques.'),
  })
  .openapi('LieuChat', {
    description: 'Un lieu tel que le chat le montre (les champs calculés sont en camelCase, ceux du standard non).',
  })

const MessageTexteSchema = z
  .strictObject({
    type: z.literal('text').openapi({ description: 'Un message en texte.' }),
    text: text('Le texte, à montrer ou à lire.'),
  })
  .openapi('MessageTexte', { description: 'Un message en texte.' })
const MessageLieuxSchema = z
  .strictObject({
    type: z.literal('lieux').openapi({ description: 'Des lieux, en cartes.' }),
    lieux: z.array(LieuChatSchema).openapi({ description: 'Les lieux, du plus proche au plus lointain.' }),
  })
  .openapi('MessageLieux', { description: 'Des lieux à montrer.' })
const MessageChoixSchema = z
  .strictObject({
    type: z.literal('choices').openapi({ description: 'Une question à choix.' }),
    question: text('La question.'),
    choices: z
      .array(
        z.strictObject({
          label: z.string().openapi({ description: 'Le texte du bouton.' }),
          value: z.string().openapi({ description: 'Ce qu’il faut renvoyer comme `text` si la personne le choisit.' }),
        }),
      )
      .openapi({ description: 'Les réponses possibles.' }),
  })
  .openapi('MessageChoix', { description: 'Une question et des réponses à choisir (boutons).' })

const constraint = (description: string) => z.array(z.string()).optional().openapi({ description })

export const ComprehensionSchema = z
  .strictObject({
    intent: z
      .enum([
        'trouver_lieu',
        'faire_a_ma_place',
        'information',
        'parler_a_quelqu_un',
        'salutation',
        'remerciement',
        'hors_sujet',
      ])
      .openapi({ description: 'Ce que la personne veut.' }),
    topic: z
      .enum([
        'conseiller_numerique',
        'aidants_connect',
        'pass_numerique',
        'france_services',
        'solidarite_numerique',
        'mediation_numerique',
        'devenir_mediateur',
        'accueillir_conseiller',
      ])
      .optional()
      .openapi({ description: 'Le dispositif dont elle parle, s’il y en a un.' }),
    services: z.array(z.string()).openapi({ description: 'Les services du standard qui répondent au besoin.' }),
    demarche: z.string().optional().openapi({ description: 'La démarche reconnue (CAF, impôts…).' }),
    location: z
      .strictObject({
        codeInsee: text('Code INSEE de la commune.').optional(),
        nom: text('La commune, ou « votre position ».'),
        latitude: z.number().optional().openapi({ description: 'Latitude (WGS84).' }),
        longitude: z.number().optional().openapi({ description: 'Longitude (WGS84).' }),
      })
      .optional()
      .openapi({ description: 'Où chercher.' }),
    constraints: z
      .strictObject({
        frais_a_charge: constraint('Frais à charge voulus.'),
        prise_en_charge_specifique: constraint('Prises en charge spécifiques voulues.'),
        publics_specifiquement_adresses: constraint('Publics voulus.'),
        modalites_accompagnement: constraint('Modalités d’accompagnement voulues.'),
        dispositif_programmes_nationaux: constraint('Dispositifs voulus.'),
        ouvert_maintenant: z.boolean().optional().openapi({ description: 'Ouvert maintenant, voulu.' }),
        ouvert_jour: z.string().optional().openapi({ description: 'Jour voulu, code OpenStreetMap (Mo, Tu…).' }),
      })
      .openapi({ description: 'Les critères compris, avec les noms de champs du standard.' }),
    awaiting: z
      .enum(['location', 'need', 'commune_choice'])
      .optional()
      .openapi({ description: 'Ce que l’assistant attend : un lieu, un besoin, ou le choix d’une commune.' }),
    forSomeoneElse: z.boolean().optional().openapi({ description: 'La personne écrit pour quelqu’un d’autre.' }),
    language: z.enum(['fr', 'en']).optional().openapi({ description: 'La langue des réponses.' }),
  })
  .openapi('Comprehension', { description: 'Ce que l’assistant a compris, cumulé sur la conversation.' })

export const ReponseChatSchema = z
  .strictObject({
    conversationId: z.string().openapi({ description: 'À renvoyer au tour suivant.' }),
    messages: z
      .array(z.discriminatedUnion('type', [MessageTexteSchema, MessageLieuxSchema, MessageChoixSchema]))
      .openapi({ description: 'Les messages de l’assistant, dans l’ordre.' }),
    understanding: ComprehensionSchema,
    lieux: z.array(LieuChatSchema).openapi({ description: 'Les lieux proposés dans ce tour.' }),
    donnees: DonneesSchema,
  })
  .openapi('ReponseChat', {
    description: 'La réponse de l’assistant à un message.',
    example: {
      conversationId: 'afaafdb5-9299-4111-b8dd-d46710b96218',
      messages: [
        { type: 'text', text: 'Dans quelle commune habitez-vous ? Vous pouvez aussi donner votre code postal.' },
        {
          type: 'choices',
          question: 'Ou bien :',
          choices: [{ label: 'Me localiser', value: 'me localiser' }],
        },
      ],
      understanding: {
        intent: 'trouver_lieu',
        services: ['Aide aux démarches administratives'],
        demarche: 'caf',
        constraints: {},
        awaiting: 'location',
      },
      lieux: [],
      donnees: donneesExample,
    },
  })

// ——— Health ———

export const EtatSchema = z
  .strictObject({
    statut: z.literal('ok').openapi({ description: 'Toujours « ok » : le service répond.' }),
    donnees: z
      .strictObject({
        ...DonneesSchema.shape,
        origines: z
          .array(z.string())
          .openapi({ description: 'Les fichiers ou adresses d’où les données ont été lues.' }),
        chargees_a: dateTime('Quand les données ont été chargées.'),
      })
      .openapi({ description: 'La provenance des données servies.' }),
    lieux: z
      .strictObject({
        total: z.number().int().openapi({ description: 'Lignes lues.' }),
        acceptes: z.number().int().openapi({ description: 'Lieux valides.' }),
        rejetes: z.number().int().openapi({ description: 'Lignes rejetées.' }),
        fusionnes: z
          .number()
          .int()
          .openapi({ description: 'Lignes fusionnées avec un autre lieu (doublons) : leur id mène à ce lieu.' }),
        proposables: z.number().int().openapi({ description: 'Lieux qui peuvent être proposés.' }),
        sans_coordonnees: z.number().int().openapi({ description: 'Lieux écartés faute de coordonnées.' }),
        sans_public: z.number().int().openapi({ description: 'Lieux écartés car non ouverts au public.' }),
      })
      .openapi({ description: 'Les comptes des lieux.' }),
    communes: z
      .strictObject({
        total: z.number().int().openapi({ description: 'Communes connues.' }),
        sans_coordonnees: z.number().int().openapi({ description: 'Communes sans coordonnées.' }),
      })
      .openapi({ description: 'Les comptes des communes.' }),
  })
  .openapi('Etat', {
    description: 'L’état du service et de ses données.',
    example: {
      statut: 'ok',
      donnees: {
        ...donneesExample,
        origines: ['lieux-demo.csv', 'communes-demo.csv'],
        chargees_a: '2026-11-23T09:30:00.003Z',
      },
      lieux: {
        total: 23,
        acceptes: 23,
        rejetes: 0,
        fusionnes: 0,
        proposables: 23,
        sans_coordonnees: 0,
        sans_public: 0,
      },
      communes: { total: 35_014, sans_coordonnees: 34_864 },
    },
  })

export const PretSchema = z
  .strictObject({
    pret: z.literal(true).openapi({ description: 'Toujours vrai : sinon la réponse est un 503.' }),
    donnees: z
      .strictObject({
        demo: z.boolean().openapi({ description: 'Vrai si ce sont les données de démonstration (lieux inventés).' }),
        lieux: z.number().int().openapi({ description: 'Lieux chargés.' }),
      })
      .openapi({ description: 'Les données chargées.' }),
    stockage: z.enum(['memoire', 'redis']).openapi({
      description: 'Où sont gardées les conversations : en mémoire (une instance) ou dans Redis (partagé).',
    }),
  })
  .openapi('Pret', {
    description: 'L’instance peut recevoir du trafic : données chargées, stockage partagé joignable.',
    example: { pret: true, donnees: { demo: false, lieux: 9_412 }, stockage: 'redis' },
  })

// ——— Responses shared by the routes ———

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
})

/**
 * Responses every operation may give (the server, its middlewares, node's parser), by status. The routes declare
 * them inline (so that Hono types each handler's answers strictly); the document served moves them to
 * `components.responses` and refers to them (see withSharedResponses).
 */
const sharedResponses = {
  405: {
    name: 'MethodeNonPermise',
    description: 'Méthode non permise sur cette adresse ; l’en-tête `Allow` dit laquelle utiliser.',
    headers: {
      Allow: {
        description: 'La méthode permise.',
        required: true,
        schema: { type: 'string' as const, example: 'GET' },
      },
    },
  },
  408: { name: 'DelaiDepasse', description: 'La requête est arrivée trop lentement : la connexion est fermée.' },
  413: {
    name: 'TropGrand',
    description: 'Le corps de la requête dépasse la taille permise (16 Kio par défaut).',
  },
  414: {
    name: 'AdresseTropLongue',
    description: 'L’adresse de la requête (chemin et paramètres) dépasse 4 096 caractères.',
  },
  415: {
    name: 'TypeNonPrisEnCharge',
    description: 'Le corps doit être du JSON (Content-Type: application/json).',
  },
  429: {
    name: 'TropDeRequetes',
    description: 'Trop de requêtes de ce client : réessayez après `Retry-After` secondes.',
    headers: {
      'Retry-After': {
        description: 'Le nombre de secondes à attendre.',
        required: true,
        schema: { type: 'integer' as const, minimum: 1, example: 12 },
      },
    },
  },
  431: { name: 'EnTetesTropGrands', description: 'Les en-têtes (ou l’adresse) de la requête sont trop grands.' },
  500: {
    name: 'ErreurInterne',
    description: 'Une erreur inattendue, enregistrée ; la réponse ne dit rien des détails internes.',
  },
  503: {
    name: 'Indisponible',
    description:
      'Indisponible : le stockage partagé des conversations (Redis) ne répond pas (elles ne sont jamais servies sans lui), ou l’instance s’arrête. Réessayez après `Retry-After` secondes.',
    headers: {
      'Retry-After': {
        description: 'Le nombre de secondes à attendre.',
        required: true,
        schema: { type: 'integer' as const, minimum: 1, example: 5 },
      },
    },
  },
} as const
type SharedStatus = keyof typeof sharedResponses

const shared = <S extends SharedStatus>(...statuses: S[]) =>
  Object.fromEntries(
    statuses.map((status) => {
      const { description, ...rest } = sharedResponses[status]
      return [status, { ...problemResponse(description), ...('headers' in rest ? { headers: rest.headers } : {}) }]
    }),
  ) as Record<S, ReturnType<typeof problemResponse>>

/** /v1/*: the rate limit too. */
const v1 = shared(405, 408, 413, 414, 429, 431, 500)

/** The OpenAPI document itself, as /openapi.json describes it (its full schema is the OpenAPI specification's). */
export const OpenApiDocumentSchema = z
  .looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) })
  .openapi({ description: 'Un document OpenAPI 3.1 (son schéma complet est celui de la spécification OpenAPI).' })

type OpenApiDocument = {
  paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>>
  components?: { responses?: Record<string, unknown> }
}

/** The generated document with the responses every operation shares written once, in `components.responses`. */
export function withSharedResponses(generated: object): z.input<typeof OpenApiDocumentSchema> {
  const document = structuredClone(generated) as z.input<typeof OpenApiDocumentSchema> & OpenApiDocument
  const components: Record<string, unknown> = {}
  for (const operations of Object.values(document.paths ?? {}))
    for (const operation of Object.values(operations))
      for (const [status, { name }] of Object.entries(sharedResponses)) {
        const response = operation.responses?.[status]
        if (!response || !operation.responses) continue
        components[name] ??= response
        operation.responses[status] = { $ref: `#/components/responses/${name}` }
      }
  document.components = { ...document.components, responses: { ...document.components?.responses, ...components } }
  return document
}

// ——— Routes ———

export const lieuxRoute = createRoute({
  method: 'get',
  path: '/v1/lieux',
  operationId: 'chercherLieux',
  tags: ['Lieux'],
  summary: 'Les lieux les plus proches',
  description:
    'Les lieux de médiation numérique les plus proches d’un point, d’une commune ou d’un code postal, du plus proche au plus lointain, avec les filtres du standard. Les lieux sans public ou sans coordonnées ne sont jamais proposés. Si rien ne correspond, des critères sont abandonnés dans un ordre documenté et `criteres_elargis` le dit.',
  request: { query: LieuxQuerySchema },
  responses: {
    200: { content: { 'application/json': { schema: ReponseLieuxSchema } }, description: 'Les lieux trouvés.' },
    400: problemResponse(
      'Paramètre invalide, point de référence manquant ou en double, commune inconnue ou ambiguë (avec ses `candidats`), requête HTTP illisible.',
    ),
    ...v1,
  },
})

export const lieuRoute = createRoute({
  method: 'get',
  path: '/v1/lieux/{id}',
  operationId: 'lireLieu',
  tags: ['Lieux'],
  summary: 'La fiche d’un lieu',
  description:
    'Tous les champs du standard, et : l’état d’ouverture, la semaine d’horaires en français, le téléphone tel qu’on le compose, l’âge des données.',
  request: {
    params: z.object({
      id: z
        .string()
        .max(300)
        .openapi({
          param: { name: 'id', in: 'path', description: 'L’identifiant du lieu (300 caractères au plus).' },
          example: 'demo-gueret-fs',
        }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: FicheLieuSchema } }, description: 'La fiche.' },
    400: problemResponse('Identifiant trop long (plus de 300 caractères), ou requête HTTP illisible.'),
    404: problemResponse('Aucun lieu n’a cet identifiant.'),
    ...v1,
  },
})

export const exportRoute = createRoute({
  method: 'get',
  path: '/v1/lieux.csv',
  operationId: 'exporterLieux',
  tags: ['Lieux'],
  summary: 'Export CSV au standard',
  description:
    'Les lieux choisis (mêmes filtres que /v1/lieux ; sans point de référence : tous ceux qui passent les filtres) dans le CSV du standard v1.0.2.',
  request: { query: ExportQuerySchema },
  responses: {
    200: {
      content: {
        'text/csv': {
          schema: z.string().openapi({
            description: 'Le CSV du standard v1.0.2, une ligne d’en-tête puis un lieu par ligne.',
            example: 'id,pivot,nom,commune,code_postal,…\n',
          }),
        },
      },
      headers: {
        'Content-Disposition': {
          description: 'Le nom du fichier proposé au téléchargement.',
          required: true,
          schema: { type: 'string', example: 'attachment; filename="lieux-mediation-numerique.csv"' },
        },
        'X-Aiguillage-Demo': {
          description: 'true quand ce sont les lieux inventés de la démonstration.',
          required: true,
          schema: { type: 'string', enum: ['true', 'false'] },
        },
        'X-Total-Count': {
          description: 'Combien de lieux correspondent en tout (toutes pages).',
          required: true,
          schema: { type: 'string', pattern: '^[0-9]+$', example: '3532' },
        },
        Link: {
          description:
            'La page suivante quand il en reste (RFC 8288) : `</v1/lieux.csv?…&offset=5000&limit=5000>; rel="next"`.',
          schema: { type: 'string', example: '</v1/lieux.csv?offset=5000&limit=5000>; rel="next"' },
        },
      },
      description: 'Le fichier CSV (32 colonnes), une page de 5 000 lieux au plus.',
    },
    400: problemResponse('Paramètre invalide, commune inconnue ou ambiguë, requête HTTP illisible.'),
    ...v1,
  },
})

export const communesRoute = createRoute({
  method: 'get',
  path: '/v1/communes',
  operationId: 'chercherCommunes',
  tags: ['Communes'],
  summary: 'Autocomplétion des communes',
  description:
    'Les communes qui correspondent à ce que la personne tape (nom, code postal, arrondissement, faute de frappe), les plus probables d’abord, avec leurs codes postaux et leur département.',
  request: { query: CommunesQuerySchema },
  responses: {
    200: {
      content: { 'application/json': { schema: ReponseCommunesSchema } },
      description: 'Les communes candidates.',
    },
    400: problemResponse('Paramètre invalide ou manquant, requête HTTP illisible.'),
    ...v1,
  },
})

export const chatRoute = createRoute({
  method: 'post',
  path: '/v1/chat',
  operationId: 'discuter',
  tags: ['Assistant'],
  summary: 'Un tour de conversation avec l’assistant',
  description:
    'Le message de la personne ; la réponse : des messages (texte, lieux, choix), ce que l’assistant a compris (cumulé sur la conversation), et les lieux proposés. Les champs du chat sont en camelCase.',
  request: { body: { content: { 'application/json': { schema: ChatRequestSchema } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: ReponseChatSchema } }, description: 'La réponse de l’assistant.' },
    400: problemResponse('Message absent, vide, trop long, champ inconnu, JSON invalide, ou requête HTTP illisible.'),
    ...shared(405, 408, 413, 414, 415, 429, 431, 500, 503),
  },
})

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'etat',
  tags: ['Service'],
  summary: 'État du service',
  description: 'Le service répond : les comptes des lieux et des communes, et la source des données.',
  responses: {
    200: {
      content: { 'application/json': { schema: EtatSchema } },
      description: 'Le service répond ; les comptes et la source des données.',
    },
    400: problemResponse('Requête HTTP illisible.'),
    ...shared(405, 408, 413, 414, 431, 500),
  },
})

export const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  operationId: 'pret',
  tags: ['Service'],
  summary: 'Prêt à recevoir du trafic',
  description:
    'Pour un répartiteur de charge : 200 quand les données sont chargées et que le stockage partagé (Redis, s’il est configuré) répond ; 503 sinon, ou pendant l’arrêt. /healthz dit seulement que le processus répond.',
  responses: {
    200: { content: { 'application/json': { schema: PretSchema } }, description: 'L’instance est prête.' },
    400: problemResponse('Requête HTTP illisible.'),
    ...shared(405, 408, 413, 414, 431, 500, 503),
  },
})

export const documentRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'documentOpenApi',
  tags: ['Service'],
  summary: 'Ce document OpenAPI',
  description: 'Le document OpenAPI 3.1 de l’API, généré à partir des schémas qui typent ses réponses.',
  responses: {
    200: {
      content: {
        'application/json': { schema: OpenApiDocumentSchema },
      },
      description: 'Le document OpenAPI.',
    },
    400: problemResponse('Requête HTTP illisible.'),
    ...shared(405, 408, 413, 414, 431, 500),
  },
})

export const docsRoute = createRoute({
  method: 'get',
  path: '/docs',
  operationId: 'documentationHtml',
  tags: ['Service'],
  summary: 'La page de référence',
  description: 'La référence de l’API en HTML, tirée de ce document : sans script ni ressource extérieure.',
  responses: {
    200: {
      content: { 'text/html': { schema: z.string().openapi({ description: 'Une page HTML.' }) } },
      description: 'La page.',
    },
    400: problemResponse('Requête HTTP illisible.'),
    ...shared(405, 408, 413, 414, 431, 500),
  },
})

// ——— Sharing a lieu (its page, the texts to send) ———

const lieuIdParam = z.object({
  id: z
    .string()
    .max(300)
    .openapi({
      param: { name: 'id', in: 'path', description: 'L’identifiant du lieu (300 caractères au plus).' },
      example: 'demo-gueret-fs',
    }),
})

export const PartageSchema = z
  .strictObject({
    donnees: DonneesSchema,
    id: text('L’identifiant du lieu.'),
    lien: z
      .string()
      .openapi({ description: 'L’adresse de la fiche du lieu, à imprimer (avec un QR code).', format: 'uri' }),
    sms: z
      .strictObject({
        texte: text(
          'Le texte prêt pour un SMS : le nom, l’adresse, le téléphone, l’ouverture du jour ou la prochaine, le lien. En caractères GSM-7 seulement, 300 au plus (deux SMS).',
        ),
        longueur: z
          .number()
          .int()
          .max(300)
          .openapi({ description: 'Sa longueur en caractères GSM-7 (un caractère d’extension compte pour deux).' }),
      })
      .openapi({ description: 'Le texte à envoyer par SMS.' }),
    email: z
      .strictObject({
        sujet: text('Le sujet du message.'),
        corps: text('Le corps du message, en texte brut : coordonnées, horaires de la semaine, itinéraire, lien.'),
        mailto: z.string().openapi({ description: 'Un lien `mailto:` avec le sujet et le corps, sans destinataire.' }),
      })
      .openapi({ description: 'Le message à envoyer par e-mail.' }),
    itineraire: z
      .string()
      .optional()
      .openapi({ description: 'L’itinéraire vers le lieu (OpenStreetMap), s’il a des coordonnées.', format: 'uri' }),
  })
  .openapi('Partage', {
    description: 'De quoi envoyer un lieu à une personne : un SMS, un e-mail, le lien de sa fiche.',
    example: {
      donnees: donneesExample,
      id: 'demo-gueret-fs',
      lien: 'https://aiguillage.exemple.fr/lieux/demo-gueret-fs',
      sms: {
        texte:
          "France services de Guéret (démo)\n3 place Bonnyaud, 23000 Guéret\nTel : 05 36 49 01 01\nAujourd'hui : 9 h - 12 h 30, 13 h 30 - 17 h\nhttps://aiguillage.exemple.fr/lieux/demo-gueret-fs",
        longueur: 145,
      },
      email: {
        sujet: 'Un lieu pour vous aider avec le numérique : France services de Guéret (démo)',
        corps:
          'France services de Guéret (démo)\n3 place Bonnyaud, 23000 Guéret\nTéléphone : 05 36 49 01 01\n\nLa fiche du lieu, à imprimer : https://aiguillage.exemple.fr/lieux/demo-gueret-fs',
        mailto: 'mailto:?subject=Un%20lieu%20pour%20vous%20aider&body=France%20services%20de%20Gu%C3%A9ret',
      },
      itineraire: 'https://www.openstreetmap.org/directions?route=%3B46.17%2C1.869#map=16/46.17/1.869',
    },
  })

export const partageRoute = createRoute({
  method: 'get',
  path: '/v1/lieux/{id}/partage',
  operationId: 'partagerLieu',
  tags: ['Lieux'],
  summary: 'Envoyer un lieu : SMS, e-mail, lien',
  description:
    'Pour les écoutants et les autres outils : le texte prêt pour un SMS (GSM-7, 300 caractères au plus, avec l’adresse et le téléphone des données), le sujet et le corps d’un e-mail, le lien de la fiche à imprimer. L’ouverture dite est celle du jour, à l’heure de Paris.',
  request: { params: lieuIdParam },
  responses: {
    200: { content: { 'application/json': { schema: PartageSchema } }, description: 'Les textes à envoyer.' },
    400: problemResponse('Identifiant trop long (plus de 300 caractères), ou requête HTTP illisible.'),
    404: problemResponse('Aucun lieu n’a cet identifiant.'),
    ...v1,
  },
})

export const fichePageRoute = createRoute({
  method: 'get',
  path: '/lieux/{id}',
  operationId: 'ficheHtml',
  tags: ['Lieux'],
  summary: 'La fiche d’un lieu, à lire ou à imprimer',
  description:
    'Une page HTML sans script : nom, adresse, téléphone, horaires de la semaine, comment s’y rendre, quoi apporter pour une démarche, date des données (« à vérifier » si elles ont plus d’un an), et un QR code qui ouvre la page. Elle s’imprime sur une page A4, en grands caractères.',
  request: { params: lieuIdParam },
  responses: {
    200: {
      content: { 'text/html': { schema: z.string().openapi({ description: 'Une page HTML.' }) } },
      description: 'La fiche.',
    },
    400: problemResponse('Identifiant trop long (plus de 300 caractères), ou requête HTTP illisible.'),
    404: {
      content: {
        'application/problem+json': { schema: ProblemSchema },
        'text/html': { schema: z.string().openapi({ description: 'Une page HTML.' }) },
      },
      description:
        'Aucun lieu n’a cet identifiant : une page qui le dit, avec un lien vers la recherche, pour un navigateur (`Accept: text/html`) ; sinon un problème.',
    },
    ...shared(405, 408, 413, 414, 431, 500),
  },
})

// ——— Coverage of the territory ———

const ZoneCouvertureSchema = z
  .strictObject({
    type: z.enum(['france', 'region', 'departement', 'epci']),
    code: z.string(),
    nom: z.string(),
    communes: z.number().int(),
    population: z.number().int(),
    distance_mediane_km: z.number().nullable().openapi({ description: 'Médiane pondérée par la population.' }),
    distance_p90_km: z
      .number()
      .nullable()
      .openapi({ description: '90e centile pondéré : 90 % des habitants vivent plus près.' }),
    au_dela: z
      .array(z.strictObject({ km: z.number(), population: z.number().int(), part: z.number() }))
      .openapi({ description: 'La population à plus de 5, 10 et 20 km, et sa part (0 à 1).' }),
  })
  .openapi('ZoneCouverture')

const CommuneCouvertureSchema = z
  .strictObject({
    code: z.string(),
    nom: z.string(),
    population: z.number().int(),
    latitude: z.number(),
    longitude: z.number(),
    departement: z.string(),
    epci: z.string().optional(),
    distance_km: z.number().nullable().openapi({ description: 'À vol d’oiseau ; null si aucun lieu ne convient.' }),
    lieu_le_plus_proche: z.strictObject({ id: z.string(), nom: z.string() }).optional(),
    besoin_population_km: z.number().int(),
  })
  .openapi('CommuneCouverture')

const SiteCouvertureSchema = z
  .strictObject({
    code: z.string(),
    nom: z.string(),
    gain_population_km: z.number().int(),
    rapproches: z.array(z.strictObject({ km: z.number(), population: z.number().int() })),
  })
  .openapi('SiteCouverture')

export const ReponseCouvertureSchema = z
  .strictObject({
    donnees: z.strictObject({ sources: z.array(z.string()), date: z.string().optional() }),
    methode: z.strictObject({ centres: z.string(), distance: z.string(), itinerance: z.string(), lieux: z.string() }),
    filtres: z.record(z.string(), z.union([z.array(z.string()), z.boolean()])),
    ouvert_samedi: z.boolean(),
    sans_itinerance: z.boolean(),
    lieux_retenus: z.number().int(),
    zone: ZoneCouvertureSchema,
    regions: z.array(ZoneCouvertureSchema),
    departements: z.array(ZoneCouvertureSchema),
    epcis: z.array(ZoneCouvertureSchema),
    besoins: z
      .array(CommuneCouvertureSchema)
      .openapi({ description: 'Les communes au plus grand besoin (population × distance).' }),
    communes_sans_centre: z.strictObject({ communes: z.number().int(), population: z.number().int() }),
    sites_suggeres: z.array(SiteCouvertureSchema).optional(),
    et_si: SiteCouvertureSchema.optional(),
    communes: z
      .array(CommuneCouvertureSchema)
      .optional()
      .openapi({ description: 'Chaque commune, quand une zone est demandée.' }),
  })
  .openapi('ReponseCouverture')

export const couvertureRoute = createRoute({
  method: 'get',
  path: '/v1/couverture',
  operationId: 'couverture',
  tags: ['Territoires'],
  summary: 'Qui vit loin d’une aide : la couverture par région, département et EPCI',
  description:
    'Pour chaque commune (son centre, sa population), la distance à vol d’oiseau au lieu le plus proche qui offre l’aide demandée (mêmes filtres que /v1/lieux), puis par zone : distance médiane et 90e centile pondérés par la population, population et part au-delà de 5, 10 et 20 km, communes au plus grand besoin ; en option, le gain d’un nouveau lieu (`site`) et les meilleurs nouveaux sites (`sites`). `format=csv` : une ligne par zone. La méthode : /couverture.',
  request: { query: CouvertureQuerySchema },
  responses: {
    200: {
      content: {
        'application/json': { schema: ReponseCouvertureSchema },
        'text/csv': {
          schema: z.string().openapi({
            description:
              'Une ligne d’en-tête puis une ligne par zone (la zone demandée, les régions, départements, EPCI).',
            example: 'type,code,nom,communes,population,…\n',
          }),
        },
      },
      description: 'Les chiffres de la couverture.',
    },
    400: problemResponse(
      'Paramètre invalide, commune du `site` hors de la zone, `sites` sans département ni EPCI, requête HTTP illisible.',
    ),
    ...v1,
  },
})

export const couverturePageRoute = createRoute({
  method: 'get',
  path: '/couverture',
  operationId: 'couvertureHtml',
  tags: ['Territoires'],
  summary: 'La page de la couverture, avec sa carte',
  description:
    'Une page HTML sans script : les chiffres, une carte SVG (chaque commune un point coloré selon sa distance, sans fond de carte extérieur) et à côté le tableau qui dit la même chose, la méthode et la date des données. Mêmes paramètres que /v1/couverture.',
  request: { query: CouvertureQuerySchema },
  responses: {
    200: {
      content: { 'text/html': { schema: z.string().openapi({ description: 'Une page HTML.' }) } },
      description: 'La page.',
    },
    400: problemResponse('Paramètre invalide, requête HTTP illisible.'),
    ...shared(405, 408, 413, 414, 431, 500),
  },
})

/** The head of the OpenAPI document (its paths and components come from the routes above). */
export function openApiDocumentConfig(serverUrl = '/') {
  return {
    openapi: '3.1.0',
    info: {
      title: 'API Aiguillage',
      version: '1.0.0',
      description:
        'Les lieux de médiation numérique (standard national v1.0.2) près d’un point, d’une commune ou d’un code postal ; l’autocomplétion des communes ; l’assistant conversationnel. Les erreurs suivent la RFC 9457 (`application/problem+json`), en français. Les routes `/v1/*` sont limitées en débit par client (429 et `Retry-After`).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: serverUrl, description: 'Ce serveur.' }],
    // A public service: no authentication on any operation.
    security: [],
    tags: [
      { name: 'Lieux', description: 'Les lieux de médiation numérique : recherche, fiche, export CSV.' },
      { name: 'Communes', description: 'Retrouver une commune à partir de ce que la personne tape.' },
      { name: 'Assistant', description: 'L’assistant conversationnel qui oriente vers un lieu.' },
      { name: 'Territoires', description: 'La couverture du territoire : qui vit loin d’une aide.' },
      { name: 'Service', description: 'L’état du service.' },
    ],
  }
}

// ——— What TypeScript checks besides ———
// Object literals are checked against the schemas where they are written (serialize.ts, app.ts); values spread or passed
// through from other packages (a Lieu, the assistant's turn) are not, for extra properties: their types must have
// exactly the keys the schemas declare, or this file does not compile.

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { onlyInType: Exclude<keyof A, keyof B>; onlyInSchema: Exclude<keyof B, keyof A> }
type Assert<T extends true> = T
type Message<T extends AssistantMessage['type']> = Extract<AssistantMessage, { type: T }>

export type ContractKeysMatch = [
  Assert<SameKeys<Lieu, typeof lieuShape>>,
  Assert<SameKeys<LieuResult, z.input<typeof LieuChatSchema>>>,
  Assert<SameKeys<Understanding, z.input<typeof ComprehensionSchema>>>,
  Assert<SameKeys<Constraints, z.input<typeof ComprehensionSchema>['constraints']>>,
  Assert<
    SameKeys<NonNullable<Understanding['location']>, NonNullable<z.input<typeof ComprehensionSchema>['location']>>
  >,
  Assert<SameKeys<Message<'text'>, z.input<typeof MessageTexteSchema>>>,
  Assert<SameKeys<Message<'lieux'>, z.input<typeof MessageLieuxSchema>>>,
  Assert<SameKeys<Message<'choices'>, z.input<typeof MessageChoixSchema>>>,
  Assert<SameKeys<Choice, z.input<typeof MessageChoixSchema>['choices'][number]>>,
]
