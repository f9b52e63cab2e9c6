import { describe, expect, it } from 'vitest'
import { LieuSchema } from './lieu-schema.js'
import { lieuShare, openingLine } from './share-lieu.js'
import { gsm7Length, isGsm7, lieuPageLink, maxSmsLength, shareMailto, smsText, toGsm7 } from './share.js'
import { aLieuRecord } from './test-factories.js'

const lieuOf = (overrides: Parameters<typeof aLieuRecord>[0] = {}) => LieuSchema.parse(aLieuRecord(overrides))
const BASE = 'https://aiguillage.exemple.fr'
/** Monday 23 November 2026, 10:30 in Paris. */
const MONDAY_10H30 = new Date('2026-11-23T09:30:00Z')
/** Saturday 28 November 2026, 15:00 in Paris (after the lieu's hours). */
const SATURDAY_15H = new Date('2026-11-28T14:00:00Z')

describe('GSM-7', () => {
  it('keeps what GSM-7 writes (é, è, à, ù, É) and maps what it does not (’, œ, ê, ç, « », non-breaking spaces)', () => {
    expect(toGsm7('Été à Guéret où')).toBe('Été à Guéret où')
    expect(toGsm7('L’œuvre « fête » – Français\u00a0!\u202f…')).toBe('L\'oeuvre " fete " - Francais ! ...')
    expect(toGsm7('Île-de-France, Saint-Étienne, Hôtel, Noël')).toBe('Ile-de-France, Saint-Étienne, Hotel, Noel')
    expect(isGsm7(toGsm7('Œ ÿ ñ ş 中 😀'))).toBe(true)
  })

  it('counts extension characters twice', () => {
    expect(gsm7Length('a€[')).toBe(5)
    expect(gsm7Length('abc')).toBe(3)
  })
})

describe('share texts', () => {
  it('an SMS: name, address, phone, today’s hours and the link, in GSM-7 under 300 characters', () => {
    const share = lieuShare(lieuOf(), MONDAY_10H30, BASE)
    expect(share.sms).toBe(
      [
        'Espace numérique de Guéret',
        '1 place Bonnyaud, 23000 Guéret',
        'Tel : 05 55 12 34 56',
        "Aujourd'hui : 9 h - 12 h, 14 h - 17 h",
        'https://aiguillage.exemple.fr/lieux/lieu-1',
      ].join('\n'),
    )
    expect(isGsm7(share.sms)).toBe(true)
    expect(share.lien).toBe(lieuPageLink(BASE, 'lieu-1'))
  })

  it('after the day’s hours, the next opening instead', () => {
    expect(openingLine('Mo-Fr 09:00-12:00,14:00-17:00', SATURDAY_15H)).toBe('Prochaine ouverture : lundi à 9 h')
    expect(openingLine(undefined, SATURDAY_15H)).toBeUndefined()
    expect(openingLine('Mo-Fr 09:00-12:00', new Date('2026-11-23T06:00:00Z'))).toBe('Aujourd’hui : 9 h – 12 h')
  })

  it('a long name is shortened, never the address, the phone or the link', () => {
    const lieu = lieuOf({
      nom: 'Maison France Services intercommunale de la communauté de communes '.repeat(4),
      adresse: 'Bâtiment administratif principal, 12 boulevard du Maréchal de Lattre de Tassigny',
      complement_adresse: 'Entrée par la cour, deuxième étage, porte à gauche après l’ascenseur',
    })
    const sms = lieuShare(lieu, MONDAY_10H30, BASE).sms
    expect(gsm7Length(sms)).toBeLessThanOrEqual(maxSmsLength)
    expect(sms).toContain(toGsm7('12 boulevard du Maréchal de Lattre de Tassigny, Entrée par la cour'))
    expect(sms).toContain('05 55 12 34 56')
    expect(sms).toContain(`${BASE}/lieux/lieu-1`)
    expect(sms.split('\n')[0]).toMatch(/\.\.\.$/)
  })

  it('no phone in the data, no phone in the text', () => {
    const sms = smsText({ nom: 'Lieu', adresse: '1 rue, 23000 Guéret', lien: `${BASE}/lieux/x` })
    expect(sms).toBe('Lieu\n1 rue, 23000 Guéret\nhttps://aiguillage.exemple.fr/lieux/x')
  })

  it('an e-mail with the week, the directions and the page, as a mailto: without recipient', () => {
    const share = lieuShare(lieuOf({ courriels: 'accueil@gueret.fr' }), MONDAY_10H30, BASE)
    expect(share.email.subject).toBe('Un lieu pour vous aider avec le numérique : Espace numérique de Guéret')
    expect(share.email.body).toContain('Téléphone : 05 55 12 34 56')
    expect(share.email.body).toContain('Courriel : accueil@gueret.fr')
    expect(share.email.body).toContain('lundi : 9 h – 12 h, 14 h – 17 h')
    expect(share.email.body).toContain('https://www.openstreetmap.org/directions')
    expect(share.mailto.startsWith('mailto:?subject=Un%20lieu')).toBe(true)
    expect(decodeURIComponent(share.mailto.split('&body=')[1] ?? '')).toBe(share.email.body.replace(/\n/g, '\r\n'))
    expect(shareMailto({ subject: 'a&b', body: 'c' })).toBe('mailto:?subject=a%26b&body=c')
  })

  it('an id with odd characters stays one path segment', () => {
    expect(lieuPageLink(`${BASE}/`, 'a/b c')).toBe(`${BASE}/lieux/a%2Fb%20c`)
  })
})
