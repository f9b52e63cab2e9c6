import { LieuSchema, Service } from '@aiguillage/lieux'
import { createLieuxIndex, findLieuxNear, readOpenWhen } from '@aiguillage/recherche'
import { createTerritoires } from '@aiguillage/territoires'
import { officialGeography } from '@aiguillage/territoires/cog-data'

const lieu = (id: string, longitude: number, fields: Record<string, string> = {}) =>
  LieuSchema.parse({
    id,
    pivot: '43493312300029',
    nom: `Lieu ${id}`,
    commune: 'Guéret',
    code_postal: '23000',
    adresse: '1 rue X',
    date_maj: '2026-10-01',
    latitude: 46.17,
    longitude,
    services: Service.AdministrativeProcedures,
    ...fields,
  })

const index = createLieuxIndex([
  lieu('epn', 1.88, { frais_a_charge: 'Gratuit', horaires: 'Mo-Fr 09:00-12:00' }),
  lieu('mediatheque', 1.95, { frais_a_charge: 'Payant', horaires: 'Sa 09:00-12:00' }),
  lieu('sans-coordonnees', 0, { latitude: '' }),
])
const gueret = { latitude: 46.1627, longitude: 1.8709 }
const monday10h = new Date('2026-11-23T09:00:00Z')

const { results } = index.search({
  near: gueret,
  filters: { services: [Service.AdministrativeProcedures] },
  now: monday10h,
})
for (const r of results) console.log(r.lieu.id, r.distanceKm.toFixed(1), r.opening.state)
// epn 1.1 open
// mediatheque 6.1 closed
console.log(index.excluded) // { withoutCoordinates: 1, noPublic: 0 }

const open = index.search({
  near: gueret,
  filters: { frais_a_charge: ['Payant'] },
  openAt: monday10h,
  now: monday10h,
  relax: true,
})
console.log(open.results.map((r) => r.lieu.id).join(','), JSON.stringify(open.relaxed)) // mediatheque [{"constraint":"ouvert_a"}]

// The use case every channel shares: resolve the place (one ambiguity policy), read the day in Paris, search, explain.
const territoires = createTerritoires({ geography: officialGeography(), coordinates: new Map([['23096', gueret]]) })
const near = findLieuxNear(
  { index, territoires },
  { place: { commune: 'gueret' }, open: readOpenWhen('samedi'), now: monday10h },
)
if (near.kind === 'results') console.log(near.place.commune?.nom, near.results.map((r) => r.lieu.id).join(',')) // Guéret mediatheque
