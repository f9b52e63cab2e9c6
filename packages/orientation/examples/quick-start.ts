import {
  detectNeeds,
  detectTopic,
  helpline,
  knowledge,
  understandMessage,
  wantsItDoneForThem,
} from '@aiguillage/orientation'

const need = detectNeeds('jdois faire ma carte grise sur le site de l ANTS mais jy arrive pas')
console.log(need.services.join(', '), need.demarche) // Aide aux démarches administratives transports

console.log(wantsItDoneForThem('quelqu un peut le faire a ma place ?')) // true
console.log(wantsItDoneForThem('je veux apprendre a le faire')) // false

const topic = detectTopic('c koi le pass numerique ?')
console.log(topic) // pass_numerique
console.log(topic ? knowledge[topic].answer[0] : '') // Le Pass numérique est un carnet de chèques de 10 € pour payer des ateliers numériques.

console.log(helpline.status, helpline.since) // suspendue 2022-01

// The whole reading of one message: intent and confidence, slots, and the spans read (Mo: today is a Monday).
const reading = understandMessage('Bjr, ma mere voudrait quon lui fasse sa declaraton dimpot a sa place', 'Mo')
console.log(reading.intent, reading.demarche, reading.decidedBy) // faire_a_ma_place argent rules
console.log(reading.spans.map((s) => s.entry).join(' ')) // salutation pour-un-proche impots a-ma-place
