import { describe, expect, it } from 'vitest'
import { LieuSchema, type Lieu } from './lieu-schema.js'
import { addressKey, mergeDuplicates, similarNames } from './merge.js'
import { aLieuRecord } from './test-factories.js'

const aLieu = (overrides: Record<string, string> = {}): Lieu => LieuSchema.parse(aLieuRecord(overrides))

describe('mergeDuplicates', () => {
  it('merges the same address and phone under different names (Aurillac), keeping the most recent data', () => {
    const older = aLieu({
      id: 'a',
      nom: 'Maison de la Solidarité',
      adresse: '1 Rue Alexandre Pinard',
      date_maj: '2022-05-13',
      services: 'Aide aux démarches administratives',
    })
    const newer = aLieu({
      id: 'b',
      nom: 'Direction Action Sociale',
      pivot: '22150001700015',
      adresse: '1 r. Alexandre-Pinard',
      date_maj: '2022-08-17',
      services: 'Accès internet et matériel informatique',
      courriels: 'accueil@cantal.fr',
    })
    const result = mergeDuplicates([older, newer])
    expect(result.lieux).toHaveLength(1)
    expect(result.lieux[0]).toMatchObject({ id: 'b', nom: 'Direction Action Sociale', date_maj: '2022-08-17' })
    expect(result.lieux[0]?.services).toEqual([
      'Accès internet et matériel informatique',
      'Aide aux démarches administratives',
    ])
    expect(result.merges).toEqual([{ keptId: 'b', mergedIds: ['a'], rules: ['address_phone'] }])
    expect(result.aliases.get('a')).toBe('b')
  })
  it('merges the same SIRET at the same address', () => {
    const result = mergeDuplicates([
      aLieu({ id: 'a', pivot: '21150014200019', telephone: '+33471000000' }),
      aLieu({ id: 'b', pivot: '21150014200019', telephone: '+33471000001', nom: 'Autre nom' }),
    ])
    expect(result.merges).toMatchObject([{ rules: ['siret_address'] }])
  })
  it('merges lieux closer than 30 m with similar names, but not with a different house number', () => {
    const near = { latitude: '45.575118', longitude: '2.810089' }
    const a = aLieu({
      id: 'a',
      nom: 'France services Mont Dore relais Sancy',
      commune: 'Mont-Dore',
      adresse: '1 Rue Côte Boissy',
      telephone: '+33473652448',
      ...near,
    })
    const b = aLieu({
      id: 'b',
      nom: 'Relais Sancy - Espace France Services Mont-Dore',
      commune: 'Le Mont-Dore',
      adresse: '1 rue Cote-Boissy (RDC)',
      telephone: '+33647709130',
      latitude: '45.5752998',
      longitude: '2.8098744',
    })
    expect(mergeDuplicates([a, b]).merges).toMatchObject([{ rules: ['nearby_similar_name'] }])
    const other = aLieu({
      ...aLieuRecord(),
      id: 'c',
      nom: 'Relais Sancy Mont-Dore',
      adresse: '36 Rue Côte Boissy',
      telephone: '+33400000000',
      ...near,
    })
    expect(mergeDuplicates([a, other]).merges).toEqual([])
  })
  it('never merges a bus with the fixed lieu where it is parked', () => {
    const fixed = aLieu({ id: 'a', nom: 'France services Sevran' })
    const bus = aLieu({ id: 'b', nom: 'Bus France services Sevran' })
    expect(mergeDuplicates([fixed, bus]).lieux).toHaveLength(2)
  })
  it('leaves distinct lieux alone and keeps their order', () => {
    const lieux = [
      aLieu({ id: 'a' }),
      aLieu({ id: 'b', adresse: '2 rue Y', telephone: '+33555000000', latitude: '46.2', longitude: '1.9' }),
    ]
    expect(mergeDuplicates(lieux)).toMatchObject({ lieux, merges: [] })
  })
})

describe('addressKey and similarNames', () => {
  it('reads abbreviations, case and accents alike', () => {
    expect(addressKey({ adresse: '1, R. Alexandre-Pinard', code_postal: '15000' })).toBe(
      addressKey({ adresse: '1 rue Alexandre Pinard', code_postal: '15000' }),
    )
  })
  it('needs telling words in common: the town and « France services » are not enough', () => {
    expect(similarNames('France services Gaillard', 'Point Information Jeunesse de Gaillard', 'Gaillard')).toBe(false)
    expect(similarNames('EPN de Riom', 'Espace public numérique EPN Riom', 'Riom')).toBe(true)
    expect(similarNames('Médiathèque Victor Hugo', 'Médiathèque de Seyssel', 'Seyssel')).toBe(true)
  })
})
