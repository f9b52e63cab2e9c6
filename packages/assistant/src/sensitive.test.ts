import { describe, expect, it } from 'vitest'
import { redactSensitive } from './sensitive.js'

describe('redactSensitive', () => {
  it.each([
    ['mon mot de passe est Soleil123', 'mon mot de passe [masqué]', ['mot_de_passe']],
    ['mdp : azerty', 'mdp [masqué]', ['mot_de_passe']],
    ['mon mot de passe ameli est Soleil2024', 'mon mot de passe ameli [masqué]', ['mot_de_passe']],
    ['voici mon password: Hunter2!', 'voici mon password [masqué]', ['mot_de_passe']],
    ['mon numéro de sécu 1 85 05 78 006 084 36', 'mon numéro de sécu [masqué]', ['nir']],
    ['NIR 185057800608436 merci', 'NIR [masqué] merci', ['nir']],
    ['ma carte 4111 1111 1111 1111 expire', 'ma carte [masqué] expire', ['carte_bancaire']],
    ['IBAN FR76 3000 6000 0112 3456 7890 189', 'IBAN [masqué]', ['iban']],
    ['le code de ma carte c est 4821', 'le code de ma carte [masqué]', ['code_secret']],
    ['le code reçu par sms : 482913', 'le code reçu par sms [masqué]', ['code_secret']],
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
  ])('leaves %j alone', (text) => {
    expect(redactSensitive(text)).toEqual({ text, kinds: [] })
  })
})
