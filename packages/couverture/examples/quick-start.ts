import { LieuSchema } from '@aiguillage/lieux'
import { computeCoverage, suggestSites } from '@aiguillage/couverture'

// Two lieux: a France Services in Guéret, a médiathèque in Aubusson.
const lieu = (id: string, latitude: number, longitude: number, dispositif?: string) =>
  LieuSchema.parse({
    id,
    pivot: '43493312300029',
    nom: `Lieu ${id}`,
    commune: 'Creuse',
    code_postal: '23000',
    adresse: '1 rue X',
    date_maj: '2026-10-01',
    latitude,
    longitude,
    services: 'Aide aux démarches administratives',
    ...(dispositif ? { dispositif_programmes_nationaux: dispositif } : {}),
  })
const lieux = [lieu('gueret', 46.171, 1.871, 'France Services'), lieu('aubusson', 45.956, 2.168)]

// Three communes with their population and centre (Territoires.communes has this shape).
const commune = (code: string, nom: string, population: number, latitude: number, longitude: number) => ({
  code,
  nom,
  type: 'commune-actuelle' as const,
  population,
  departement: '23',
  departementNom: 'Creuse',
  region: '75',
  regionNom: 'Nouvelle-Aquitaine',
  latitude,
  longitude,
})
const communes = [
  commune('23096', 'Guéret', 12955, 46.171, 1.871),
  commune('23008', 'Aubusson', 3282, 45.956, 2.168),
  commune('23079', 'Felletin', 1577, 45.883, 2.174),
]

const report = computeCoverage(lieux, communes, { filters: { dispositif_programmes_nationaux: ['France Services'] } })
for (const c of report.communes) console.log(c.code, c.nom, c.distanceKm?.toFixed(1), 'km')
// 23096 Guéret 0.0 km
// 23008 Aubusson 33.1 km
// 23079 Felletin 39.7 km
const beyond20 = report.total.beyond.find((b) => b.km === 20)
console.log(beyond20?.population, 'habitants au-delà de 20 km, soit', beyond20?.share.toFixed(3)) // 4859 habitants au-delà de 20 km, soit 0.273
console.log('médiane', report.total.medianKm, 'km') // médiane 0 km
console.log('nouveau site :', suggestSites(report.communes, 1)[0]?.nom) // nouveau site : Aubusson
