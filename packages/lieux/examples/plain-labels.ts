import { Fee, plainCriterion, plainLabel, SpecificSupport } from '@aiguillage/lieux'

console.log(plainLabel('prise_en_charge_specifique', SpecificSupport.ForeignLanguagesEnglish)) // Accueil en anglais
console.log(`Un lieu ${plainCriterion('prise_en_charge_specifique', SpecificSupport.ForeignLanguagesEnglish)}`) // Un lieu où l’on parle anglais
console.log(`A place ${plainCriterion('frais_a_charge', Fee.Free, 'en')}`) // A place that is free
console.log(plainLabel('services', 'Réparation de vélos')) // Réparation de vélos
