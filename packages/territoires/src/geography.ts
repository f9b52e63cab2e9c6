/*
 * The official geography (COG 2026) of @etalab/decoupage-administratif 6.0.0: current communes, the municipal
 * arrondissements of Paris, Lyon and Marseille, former communes (déléguées, associées) that people still name,
 * départements and régions. It has no coordinates: those come from the caller (see coordinates.ts).
 *
 * The package does not read the data itself (it does no I/O): the caller passes the parsed JSON files
 * `data/communes.json`, `data/departements.json` and `data/regions.json` of @etalab/decoupage-administratif
 * (an app reads them with `JSON.parse`; a bundler can import `@aiguillage/territoires/cog-data`).
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

export type Departement = {
  code: string
  nom: string
  region: string
  /** INSEE code of the préfecture. */ chefLieu: string
}
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

/** The three data files of @etalab/decoupage-administratif, parsed. */
export type DecoupageData = {
  communes: readonly unknown[]
  departements: readonly unknown[]
  regions: readonly unknown[]
}

/** The geography Aiguillage uses, from the data of @etalab/decoupage-administratif. */
export function geographyFromDecoupage(data: DecoupageData): Geography {
  const rawCommunes = data.communes as readonly RawCommune[]
  const communes: CogCommune[] = []
  const formerCommunes: FormerCommune[] = []
  const currentNames = new Map<string, string>()
  for (const raw of rawCommunes) {
    if (raw.type === 'commune-actuelle' || raw.type === 'arrondissement-municipal') {
      currentNames.set(raw.code, raw.nom)
      const { code, nom, type } = raw
      const departement = raw.departement ?? ''
      const region = raw.region ?? ''
      const codesPostaux = raw.codesPostaux ?? []
      const population = raw.population ?? 0
      const zone = (raw.zone as CogCommune['zone'] | undefined) ?? 'metro'
      // Two literals rather than a conditional spread: 35 000 objects built without copying through a temporary one.
      communes.push(
        raw.commune
          ? { code, nom, type, departement, region, codesPostaux, population, commune: raw.commune, zone }
          : { code, nom, type, departement, region, codesPostaux, population, zone },
      )
    }
  }
  for (const raw of rawCommunes) {
    // A commune déléguée often shares its parent's code and name: only the other names are new.
    if (
      (raw.type === 'commune-deleguee' || raw.type === 'commune-associee') &&
      raw.chefLieu &&
      currentNames.get(raw.chefLieu) !== raw.nom
    )
      formerCommunes.push({ code: raw.code, nom: raw.nom, parent: raw.chefLieu })
  }
  return {
    communes,
    formerCommunes,
    departements: (data.departements as readonly Departement[]).map(({ code, nom, region, chefLieu }) => ({
      code,
      nom,
      region,
      chefLieu,
    })),
    regions: (data.regions as readonly Region[]).map(({ code, nom }) => ({ code, nom })),
  }
}
