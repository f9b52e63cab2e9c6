import { describeOpeningStatus, lieuQuality, mergeDuplicates, validateLieux } from '@aiguillage/lieux'

const place = {
  pivot: '43493312300029',
  commune: 'Aurillac',
  telephone: '+33471462035',
  latitude: 44.9257,
  longitude: 2.4433,
}
const now = new Date('2026-11-23T09:30:00Z') // a Monday, 10:30 in Paris
const report = validateLieux(
  [
    { ...place, id: 'a', nom: 'Maison de la Solidarité', code_postal: ' 15000', adresse: '1 Rue Alexandre Pinard' },
    { ...place, id: 'b', nom: 'Direction Action Sociale', code_postal: '15000', adresse: '1 r. Alexandre-Pinard' },
  ].map((lieu, i) => ({
    ...lieu,
    date_maj: i === 0 ? '2026-05-13' : '2026-08-17',
    horaires: i === 0 ? 'Mo-Fr 00:00-00:00' : 'Mo-Fr 09:00-12:00',
    services: i === 0 ? 'Aide aux démarches administratives|' : 'Accès internet et matériel informatique',
  })),
  { now },
)
console.log(report.accepted.map((row) => `${row.lieu.id} : ${row.officiel ? 'officiel' : 'utilisable'}`).join(', ')) // a : utilisable, b : officiel
for (const w of report.warnings) console.log(`ligne ${w.line}, ${w.field} (${w.code})`)
// ligne 1, code_postal (not_official)
// ligne 1, services (not_official)
// ligne 1, horaires (horaires_suspicious)
console.log(report.warnings[1]?.message) // services : « Aide aux démarches administratives| » est lu par Aiguillage mais refusé par le schéma officiel (un « | » en trop). Écrivez « Aide aux démarches administratives ».

const [a] = report.accepted.map((row) => row.lieu)
console.log(describeOpeningStatus(a?.horaires, now)) // Horaires à vérifier, appelez avant de venir.

const merged = mergeDuplicates(report.accepted.map((row) => row.lieu))
console.log(JSON.stringify(merged.merges)) // [{"keptId":"b","mergedIds":["a"],"rules":["address_phone","siret_address"]}]
console.log(merged.lieux[0]?.services?.join(' | ')) // Accès internet et matériel informatique | Aide aux démarches administratives

const [kept] = merged.lieux
if (kept) console.log(JSON.stringify(lieuQuality(kept, now))) // {"score":0.9,"freshness":1,"contact":0.6,"hours":1,"toCheck":false,"reasons":[]}
