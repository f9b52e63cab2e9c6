import { createTerritoires, parseCommuneCoordinates } from '@aiguillage/territoires'
import { officialGeography } from '@aiguillage/territoires/cog-data'

// The caller gives the coordinates (here two rows of a communes CSV; in production, the whole table).
const coordinates = parseCommuneCoordinates(`code_insee,nom,latitude,longitude
23096,Guéret,46.16268,1.87093
26362,Valence,44.92254,4.9136
`)
const territoires = createTerritoires({ geography: officialGeography(), coordinates })

const gueret = territoires.resolve('gueret').candidates[0]?.commune
console.log(gueret?.code, gueret?.nom, gueret?.departementNom, gueret?.latitude) // 23096 Guéret Creuse 46.16268
console.log(territoires.resolve('st etienne').candidates[0]?.commune.nom) // Saint-Étienne
console.log(territoires.resolve('Paris 18e').candidates[0]?.commune.code) // 75118
console.log(territoires.resolve('13003').candidates[0]?.commune.nom) // Marseille 3e Arrondissement

const valence = territoires.resolve('Valence')
console.log(valence.ambiguous, valence.candidates.map((c) => c.commune.departement).join(',')) // true 26,82,16
console.log(territoires.resolve('Valence Drôme').candidates[0]?.commune.code) // 26362
console.log(territoires.resolve('Grenobl').candidates[0]?.commune.nom) // Grenoble

console.log(territoires.extractPlace("j'habite à Orange et je n'arrive pas à payer ma cantine")?.span) // Orange
console.log(territoires.extractPlace('je voudrais une orange')) // undefined
