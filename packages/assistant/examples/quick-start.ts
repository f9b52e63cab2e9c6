import { createAssistant } from '@aiguillage/assistant'
import { LieuSchema, Service } from '@aiguillage/lieux'
import { createLieuxIndex } from '@aiguillage/recherche'
import { createTerritoires, parseCommuneCoordinates } from '@aiguillage/territoires'
import { officialGeography } from '@aiguillage/territoires/cog-data'

const territoires = createTerritoires({
  geography: officialGeography(),
  coordinates: parseCommuneCoordinates('code_insee,nom,latitude,longitude\n23096,Guéret,46.16268,1.87093\n'),
})
const index = createLieuxIndex([
  LieuSchema.parse({
    id: 'exemple',
    pivot: '43493312300029',
    nom: 'Espace numérique (exemple)',
    commune: 'Guéret',
    code_postal: '23000',
    adresse: '1 rue X',
    date_maj: '2026-10-01',
    latitude: 46.171,
    longitude: 1.871,
    services: Service.AdministrativeProcedures,
    telephone: '+33536490000',
    horaires: 'Mo-Fr 09:00-12:00,14:00-17:00',
    dispositif_programmes_nationaux: 'France Services',
  }),
])
let n = 0
// A fixed clock (a Monday, 10:30 in Paris) so that "open now" is the same at every run.
const assistant = createAssistant({
  territoires,
  index,
  newId: () => `conversation-${++n}`,
  now: () => new Date('2026-11-23T09:30:00Z'),
})

const first = await assistant.reply({ text: 'bonjour je narrive pas a faire ma declaration caf' })
console.log(first.understanding.intent, first.understanding.awaiting) // trouver_lieu location
console.log(first.messages.map((m) => (m.type === 'text' ? m.text : m.type)).join(' | ')) // Dans quelle commune habitez-vous ? Vous pouvez aussi donner votre code postal.

const second = await assistant.reply({ conversationId: first.conversationId, text: 'gueret' })
const found = second.lieux.map((l) => `${l.nom} ${l.telephoneAffichage} ${l.ouvertMaintenant}`).join(' ; ')
console.log(second.understanding.location?.nom, found) // Guéret Espace numérique (exemple) 05 36 49 00 00 true

const secret = await assistant.reply({
  conversationId: first.conversationId,
  text: 'mon mot de passe caf est Soleil2024',
})
console.log(secret.messages[0]?.type === 'text' ? secret.messages[0].text : '') // Attention : vous avez écrit un mot de passe. Ne le donnez jamais, ni à moi ni à personne par message. Je ne l’ai pas gardé.
