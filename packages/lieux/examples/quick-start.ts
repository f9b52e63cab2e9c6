import { describeOpeningStatus, formatPhone, readLieux, Service, toCsv, weeklyTimetable } from '@aiguillage/lieux'

const csv = `id,pivot,nom,commune,code_postal,adresse,date_maj,telephone,horaires,services
epn-gueret,43493312300029,EPN de Guéret,Guéret,23000,1 place Bonnyaud,2026-10-01,+33555123456,"Mo-Fr 09:00-12:00,14:00-17:00",Aide aux démarches administratives
sans-cp,43493312300029,Médiathèque,Aubusson,2320,5 rue Vieille,2026-10-01,,,Loisirs et créations numériques
`
const now = new Date('2026-11-23T09:30:00Z') // a Monday, 10:30 in Paris

const result = readLieux(csv, { fileName: 'lieux.csv', now })
if (!result.ok) throw new Error(result.error.message)
const { report } = result
console.log(`${report.total} lignes : ${report.accepted.length} acceptée, ${report.rejected.length} rejetée`)
// 2 lignes : 1 acceptée, 1 rejetée
for (const row of report.rejected)
  for (const error of row.errors) console.log(`ligne ${error.line}, ${error.field} (${error.code}) : ${error.message}`)
// ligne 3, code_postal (invalid_format) : Le code postal (code_postal) : attendu 5 chiffres, trouvé « 2320 ». Le zéro initial a sans doute été perdu par un tableur : écrivez 02320.

const [epn] = report.accepted.map((row) => row.lieu)
if (epn) {
  console.log(epn.services?.includes(Service.AdministrativeProcedures)) // true
  console.log(formatPhone(epn.telephone ?? '')) // 05 55 12 34 56
  console.log(describeOpeningStatus(epn.horaires, now)) // Ouvert. Ferme à 12 h.
  console.log(weeklyTimetable(epn.horaires, now)?.[0]?.text) // lundi : 9 h – 12 h, 14 h – 17 h
  console.log(toCsv([epn]).split('\n')[0]?.split(',').length) // 32
}
