import rawCommunes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' }
import rawDepartements from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' }
import rawRegions from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' }

/*
 * The official geography (COG 2026) of @etalab/decoupage-administratif 6.0.0: current communes, the municipal
 * arrondissements of Paris, Lyon and Marseille, former communes (déléguées, associées) that people still name,
 * départements and régions. It has no coordinates: those come from the caller (see coordinates.ts).
 */

export type CogCommune = {
  code: string
  nom: string
  type: 'commune-actuelle' | 'arrondissement-municipal'
  departement: string
  region: string
  codesPostaux: string[]
  population: number
  /** For an arrondissement: the commune it belongs to (75056, 69123, 13055). */
  commune?: string
  zone: 'metro' | 'drom' | 'com'
}

/** A former commune (commune déléguée or associée) and the current commune it is part of. */
export type FormerCommune = { code: string; nom: string; parent: string }

export type Departement = { code: string; nom: string; region: string; /** INSEE code of the préfecture. */ chefLieu: string }
export type Region = { code: string; nom: string }

type RawCommune = {
  code: string
  nom: string
  type: string
  departement?: string
  region?: string
  codesPostaux?: string[]
  population?: number
  commune?: string
  chefLieu?: string
  zone?: string
}

export type Geography = {
  communes: CogCommune[]
  formerCommunes: FormerCommune[]
  departements: Departement[]
  regions: Region[]
}

let cached: Geography | undefined

/** The official geography, read once from the package's data. */
export function officialGeography(): Geography {
  if (cached) return cached
  const communes: CogCommune[] = []
  const formerCommunes: FormerCommune[] = []
  const currentNames = new Map<string, string>()
  for (const raw of rawCommunes as readonly RawCommune[]) {
    if (raw.type === 'commune-actuelle' || raw.type === 'arrondissement-municipal') {
      currentNames.set(raw.code, raw.nom)
      communes.push({
        code: raw.code,
        nom: raw.nom,
        type: raw.type,
        departement: raw.departement ?? '',
        region: raw.region ?? '',
        codesPostaux: raw.codesPostaux ?? [],
        population: raw.population ?? 0,
        ...(raw.commune ? { commune: raw.commune } : {}),
        zone: (raw.zone as CogCommune['zone'] | undefined) ?? 'metro',
      })
    }
  }
  for (const raw of rawCommunes as readonly RawCommune[]) {
    // A commune déléguée often shares its parent's code and name: only the other names are new.
    if ((raw.type === 'commune-deleguee' || raw.type === 'commune-associee') && raw.chefLieu && currentNames.get(raw.chefLieu) !== raw.nom)
      formerCommunes.push({ code: raw.code, nom: raw.nom, parent: raw.chefLieu })
  }
  cached = {
    communes,
    formerCommunes,
    departements: (rawDepartements as readonly Departement[]).map(({ code, nom, region, chefLieu }) => ({ code, nom, region, chefLieu })),
    regions: (rawRegions as readonly { code: string; nom: string }[]).map(({ code, nom }) => ({ code, nom })),
  }
  return cached
}
