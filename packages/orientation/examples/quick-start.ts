import { detectNeeds, detectTopic, helpline, knowledge, wantsItDoneForThem } from '@aiguillage/orientation'

const need = detectNeeds('jdois faire ma carte grise sur le site de l ANTS mais jy arrive pas')
console.log(need.services.join(', '), need.demarche) // Aide aux démarches administratives transports

console.log(wantsItDoneForThem('quelqu un peut le faire a ma place ?')) // true
console.log(wantsItDoneForThem('je veux apprendre a le faire')) // false

const topic = detectTopic('c koi le pass numerique ?')
console.log(topic) // pass_numerique
console.log(topic ? knowledge[topic].answer[0] : '') // Le Pass numérique est un carnet de chèques de 10 € pour payer des ateliers numériques.

console.log(helpline.status, helpline.since) // suspendue 2022-01
