import { describe, expect, it } from 'vitest'
import { redactSensitive } from './sensitive.js'

describe('redactSensitive', () => {
  it.each([
    ['mon mot de passe est Soleil123', 'mon mot de passe [masqué]', ['mot_de_passe']],
    // A password that begins with a word that says something about one (« secret », « perdu », « changé ») is one.
    [
      'mon mot de passe est Secret123 et j’habite Guéret',
      'mon mot de passe [masqué] et j’habite Guéret',
      ['mot_de_passe'],
    ],
    ['mon mdp c Perdu2024', 'mon mdp [masqué]', ['mot_de_passe']],
    ['code secret : Chang3me', 'code secret [masqué]', ['code_secret']],
    ['mot de passe Secret2024', 'mot de passe [masqué]', ['mot_de_passe']],
    ['mdp : azerty', 'mdp [masqué]', ['mot_de_passe']],
    ['mon mot de passe ameli est Soleil2024', 'mon mot de passe ameli [masqué]', ['mot_de_passe']],
    ['voici mon password: Hunter2!', 'voici mon password [masqué]', ['mot_de_passe']],
    ['mon numéro de sécu 1 85 05 78 006 084 36', 'mon numéro de sécu [masqué]', ['nir']],
    ['NIR 185057800608436 merci', 'NIR [masqué] merci', ['nir']],
    ['ma carte 4111 1111 1111 1111 expire', 'ma carte [masqué] expire', ['carte_bancaire']],
    ['IBAN FR76 3000 6000 0112 3456 7890 189', 'IBAN [masqué]', ['iban']],
    ['le code de ma carte c est 4821', 'le code de ma carte [masqué]', ['code_secret']],
    ['le code reçu par sms : 482913', 'le code reçu par sms [masqué]', ['code_secret']],
    ['le code reçu par sms 482913', 'le code reçu par sms [masqué]', ['code_secret']],
    ['mon code d’accès est Soleil2024', 'mon code d’accès [masqué]', ['code_secret']],
    ['code pin: 123 456', 'code pin [masqué]', ['code_secret']],
    ['mon code pin 1234 ne marche plus', 'mon code pin [masqué] ne marche plus', ['code_secret']],
    ['ma carte vitale 2 69 11 2A 004 123', 'ma carte vitale [masqué]', ['nir']],
    [
      'iban FR76 3000 6000 0112 3456 7890 189 et DE89 3704 0044 0532 0130 00 merci',
      'iban [masqué] et [masqué] merci',
      ['iban'],
    ],
    [
      'le code secret de ma carte c’est 1234 et mon iban FR76 3000 6000 0112 3456 7890 189',
      'le code secret de ma carte [masqué] et mon iban [masqué]',
      ['code_secret', 'iban'],
    ],
  ])('masks %j', (text, masked, kinds) => {
    expect(redactSensitive(text)).toEqual({ text: masked, kinds })
  })
  it.each([
    'j’ai oublié mon mot de passe ameli',
    'je voudrais des infos sur le pass numérique',
    'mon mot de passe ne marche plus',
    'appelez le 05 55 12 34 56',
    'j’habite au 12 rue de la Gare, 23000 Guéret',
    'SIRET 43493312300029',
    'le code postal 75018',
    'mon code postal c’est 23000',
    'le code c est 23000 à Guéret',
    'mon mot de passe c’est le nom de mon chien',
    'le mot de passe est envoyé par courrier',
    'my password is my dog’s name',
    'Mot de passe oublié pour impots.gouv.fr',
    'mon code est bloqué',
    'rdv à 14h30 au 12 rue Victor Hugo 15000 Aurillac tel 0471123456',
    'je suis né le 12 05 1940 à Tulle, tél 05 55 26 12 34',
  ])('leaves %j alone', (text) => {
    expect(redactSensitive(text)).toEqual({ text, kinds: [] })
  })
})
