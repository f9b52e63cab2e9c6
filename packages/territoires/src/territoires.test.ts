import { officialGeography } from './cog-data.js'
import { foldText, parseCsv } from '@aiguillage/lieux'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCommuneCoordinates } from './coordinates.js'
import { editDistance, foldPlace, nameKeys, placeTokens, trigrams } from './normalise.js'
import { createTerritoires } from './territoires.js'

const csv = `code_insee,nom,type,departement,region,epci_siren,epci_nom,codes_postaux,population,latitude,longitude,coord_source,commune_parente
23096,Guéret,commune-actuelle,23,75,,,23000,12955,46.17,1.87,ign-admin-express-2018-centroid,
75118,Paris 18e Arrondissement,arrondissement-municipal,75,11,,,75018,183127,48.85661,2.3428,parent-commune-centroid-approx,75056
13213,Marseille 13e Arrondissement,arrondissement-municipal,13,93,,,13013|13388,92000,43.35,5.43,arrondissement-centre-approx,13055
98411,Îles Saint-Paul,commune-actuelle,984,984,,,,0,,,,
99999,Nulle part,commune-actuelle,99,99,,,,0,nord,2,,
`
const territoires = createTerritoires({ geography: officialGeography(), coordinates: parseCommuneCoordinates(csv) })

describe('createTerritoires', () => {
  it('holds the official communes and arrondissements, with the coordinates given', () => {
    expect(territoires.communes.length).toBe(35_014)
    expect(territoires.byCode('23096')).toMatchObject({
      nom: 'Guéret',
      departementNom: 'Creuse',
      regionNom: 'Nouvelle-Aquitaine',
      latitude: 46.17,
    })
    expect(territoires.byCode('75118')).toMatchObject({
      type: 'arrondissement-municipal',
      commune: '75056',
      coordinatesApproximate: true,
    })
    // An arrondissement's own centre, placed by hand: its point, flagged as approximate.
    expect(territoires.byCode('13213')).toMatchObject({ latitude: 43.35, coordinatesApproximate: true })
    expect(territoires.byCode('23096')?.coordinatesApproximate).toBeUndefined()
    expect(territoires.byCode('2a004')?.nom).toBe('Ajaccio')
  })
  it('counts the communes it has no coordinates for', () => {
    expect(territoires.withoutCoordinates).toBe(35_014 - 3)
    expect(territoires.byCode('63113')?.latitude).toBeUndefined()
  })
})

describe('parseCommuneCoordinates', () => {
  it('reads the CSV of communes, skipping rows without coordinates and reporting unreadable ones', () => {
    const table = parseCommuneCoordinates(csv)
    expect(table.byCode.size).toBe(3)
    expect(table.problems).toEqual([{ line: 6, message: expect.stringContaining('« nord »') }])
  })
  it('reads the JSON of geo.api.gouv.fr (centre as [longitude, latitude])', () => {
    const table = parseCommuneCoordinates(
      JSON.stringify([
        { code: '23096', nom: 'Guéret', centre: { type: 'Point', coordinates: [1.87, 46.17] } },
        { code: 'x' },
      ]),
    )
    expect(table.byCode.get('23096')).toEqual({ latitude: 46.17, longitude: 1.87 })
    expect(table.problems).toHaveLength(1)
  })
  it('reads the cells as parseCsv does: quotes, line breaks in quotes, CRLF, a quote never closed, blank lines', () => {
    // The reading before it skipped the cells it does not need: parseCsv's records, kept here as the oracle.
    const reference = (text: string) => {
      const { records } = parseCsv(text.replace(/^\uFEFF/, '').trimStart())
      const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? []
      const [code, lat, lon] = [
        ['code_insee', 'code', 'insee'],
        ['latitude', 'lat'],
        ['longitude', 'lon', 'lng'],
      ].map((names) => header.findIndex((c) => names.includes(c))) as [number, number, number]
      const source = header.indexOf('coord_source')
      const byCode = new Map<string, unknown>()
      const lines: number[] = []
      if (code < 0 || lat < 0 || lon < 0) return { byCode, lines: [1] }
      for (const { line, cells } of records.slice(1)) {
        const [insee, latitude, longitude] = [code, lat, lon].map((i) => cells[i]?.trim() ?? '') as [
          string,
          string,
          string,
        ]
        if (latitude === '' && longitude === '') continue
        const point = { latitude: Number(latitude), longitude: Number(longitude) }
        if (!/^[0-9AB]{5}$/.test(insee) || !(Math.abs(point.latitude) <= 90) || !(Math.abs(point.longitude) <= 180))
          lines.push(line)
        else byCode.set(insee, cells[source]?.endsWith('-approx') ? { ...point, approximate: true } : point)
      }
      return { byCode, lines }
    }
    const cell = fc.constantFrom(
      ...['', ' ', '"', '""', '"a,b"', '"x\ny"', 'x"y', '"open', '\r', '\n', ',', '01001', '2A004', '45.1', '-3.2'],
      ...['nord', 'x-approx', ' 46.2 ', '23096', '"23096"', '"4""5"', 'Infinity', '1e1'],
    )
    const header = fc.constantFrom(
      'code_insee,latitude,longitude,coord_source',
      'nom,code,lng,lat',
      '\n ,\ninsee,lat,lon',
    )
    const rows = fc.array(
      fc.array(cell, { maxLength: 6 }).map((cells) => cells.join(',')),
      { maxLength: 6 },
    )
    const csvText = fc
      .tuple(header, rows, fc.constantFrom('\n', '\r\n', '\r'))
      .map(([h, r, eol]) => [h, ...r].join(eol))
    fc.assert(
      fc.property(csvText, (text) => {
        const table = parseCommuneCoordinates(text)
        expect({ byCode: table.byCode, lines: table.problems.map((p) => p.line) }).toEqual(reference(text))
      }),
      { numRuns: 500 },
    )
  })
  it('says which columns it needs', () => {
    expect(parseCommuneCoordinates('a,b\n1,2\n').problems[0]?.message).toContain('code_insee, latitude, longitude')
  })
})

describe('departement', () => {
  it.each([
    ['23', '23'],
    ['Creuse', '23'],
    ['la Réunion', '974'],
    ['dans l’Allier', '03'],
    ['en Isère', '38'],
    ['dans le Lot', '46'],
  ])('%s → %s', (text, code) => {
    expect(territoires.departement(text)?.code).toBe(code)
  })
  it('is not found in other words', () => {
    expect(territoires.departement('dans la maison')).toBeUndefined()
  })
})

describe('byPostcode', () => {
  it('gives every commune of a postcode, most populous first', () => {
    expect(
      territoires
        .byPostcode('74200')
        .map((c) => c.nom)
        .slice(0, 2),
    ).toEqual(['Thonon-les-Bains', 'Allinges'])
  })
  it('finds a commune by each of its postcodes', () => {
    expect(territoires.byPostcode('20090').map((c) => c.code)).toContain('2A004')
    expect(territoires.byPostcode('20167').map((c) => c.code)).toContain('2A004')
  })
  it('gives the arrondissement, not the whole city, for Paris, Lyon and Marseille postcodes', () => {
    expect(territoires.byPostcode('75018').map((c) => c.code)).toEqual(['75118'])
    expect(territoires.byPostcode('13016').map((c) => c.code)).toEqual(['13216'])
  })
})

describe('resolve', () => {
  it('orders homonyms by population, with each one’s share as confidence', () => {
    const { candidates, ambiguous } = territoires.resolve('Saint-Denis')
    expect(ambiguous).toBe(true)
    expect(candidates.map((c) => c.commune.code).slice(0, 2)).toEqual(['97411', '93066'])
    expect(candidates[0]?.confidence).toBeGreaterThan(0.4)
    expect(candidates.at(-1)?.confidence).toBeLessThan(0.01)
  })
  it('says which hint narrowed the search', () => {
    const resolution = territoires.resolve("Moulins dans l'Allier")
    expect(resolution.hints.departement?.code).toBe('03')
    expect(resolution).toMatchObject({ ambiguous: false, unmatched: [] })
    expect(territoires.resolve('gueret 23000').hints.postcode).toBe('23000')
  })
  it('reports the words it could not place, and trusts the answer less', () => {
    const resolution = territoires.resolve('Guéret chez ma fille')
    expect(resolution.candidates[0]?.commune.code).toBe('23096')
    expect(resolution.unmatched).toEqual(['chez', 'ma', 'fille'])
    expect(resolution.candidates[0]?.confidence).toBeLessThan(0.9)
  })
  it('names the former commune that matched', () => {
    expect(territoires.resolve('Annecy-le-Vieux').candidates[0]).toMatchObject({
      match: 'former-name',
      matchedName: 'Annecy-le-Vieux',
    })
  })
  it('answers a département with its préfecture, and says it is a département', () => {
    expect(territoires.resolve('Creuse').candidates[0]).toMatchObject({
      match: 'departement',
      matchedName: 'Creuse',
      commune: { code: '23096' },
    })
  })
  it('returns nothing, without error, for empty or meaningless text', () => {
    expect(territoires.resolve('').candidates).toEqual([])
    expect(territoires.resolve('   ,;  ').candidates).toEqual([])
    expect(territoires.resolve('zzkqwx').candidates).toEqual([])
    expect(territoires.resolve('a'.repeat(5000)).candidates).toEqual([])
  })
})

describe('suggest', () => {
  it('completes what is being typed, most populous first', () => {
    expect(
      territoires
        .suggest('gue')
        .slice(0, 2)
        .map((c) => c.nom),
    ).toEqual(['Guérande', 'Guéret'])
    expect(territoires.suggest('st eti')[0]?.nom).toBe('Saint-Étienne')
    expect(territoires.suggest('paris 1').map((c) => c.code)).toContain('75118')
    expect(territoires.suggest('g')).toEqual([])
  })
})

describe('extractPlace', () => {
  it('takes a town named like a word when it opens an operator’s message, and only then', () => {
    for (const [sentence, code] of [
      ['Vichy démarches', '03310'],
      ['tulle apprendre tablette', '19272'],
      ['Agen démarches gratuit samedi', '47001'],
    ] as const) {
      expect(territoires.extractPlace(sentence, { leadingName: true })?.candidates[0]?.commune.code).toBe(code)
      expect(territoires.extractPlace(sentence)).toBeUndefined()
    }
    // A surer place elsewhere wins; a request word is never a place.
    expect(
      territoires.extractPlace('Tours de magie à Guéret', { leadingName: true })?.candidates[0]?.commune.code,
    ).toBe('23096')
    expect(territoires.extractPlace('aide démarches', { leadingName: true })).toBeUndefined()
  })
  it.each([
    ["bonjour je narrive pas a faire ma declaration trimestrielle caf sur internet, j'habite guéret", '23096'],
    ["j'habite à Orange", '84087'],
    ['je vis a pau', '64445'],
    ['près de Dijon', '21231'],
    ['à Vienne en Isère', '38544'],
    ['je suis a Paris 18e', '75118'],
    ['aide pour ma retraite 74200', '74281'],
    ['je vis à saint denis 93', '93066'],
    ['mon fils habite tours et moi aussi', '37261'],
    ['Moulins dans l’Allier', '03190'],
    // A name cut short or misspelt, right after "à", "j'habite"…
    ['je suis à Thonon', '74281'],
    ['on est sur Bourgoin depuis un an', '38053'],
    ["j'habite grenobl", '38185'],
    ['I live in Marseil', '13055'],
    ['une France Services près de Brive ?', '19031'],
    ['aide impots Tulle', '19272'],
    ['je ne sais pas par où commencer. J’habite Le Puy', '43157'],
    ['une France Services à Cherbourg ?', '50129'],
  ])('finds the place in %j', (sentence, code) => {
    expect(territoires.extractPlace(sentence)?.candidates[0]?.commune.code).toBe(code)
  })
  it.each([
    'je voudrais une orange',
    'je ne vois pas le sens de tout ça',
    'je fais des tours de manège',
    'bonjour, merci beaucoup',
    'y a-t-il quelqu’un ?',
    'je vis seule',
    'je suis à bout',
    'je cherche à imprimer un document',
    'je suis à la recherche d’un emploi',
    'un atelier sur les arnaques',
    'aide à domicile',
    'je voudrais une Orange',
  ])('does not take common words for places: %j', (sentence) => {
    expect(territoires.extractPlace(sentence)).toBeUndefined()
  })
})

describe('the trigram index', () => {
  it('lists, for each trigram, the names that have it, in order', () => {
    const index = (territoires as unknown as { keysByTrigram: Map<string, Int32Array> }).keysByTrigram
    const keys = (territoires as unknown as { keys: string[] }).keys
    const expected = new Map<string, number[]>()
    keys.forEach((key, i) => {
      for (const gram of new Set(trigrams(key))) {
        const list = expected.get(gram) ?? []
        list.push(i)
        expected.set(gram, list)
      }
    })
    expect([...index.keys()].sort()).toEqual([...expected.keys()].sort())
    expect(
      [...expected].filter(([gram, list]) => index.get(gram)?.join() !== list.join()).map(([gram]) => gram),
    ).toEqual([])
  })
})

describe('resolve with a misspelt part', () => {
  it.each([
    ['Saint-Pierre en Maritnique', '97225', '972'],
    ['Saint-Benoit a la Reunioon', '97410', '974'],
    ['Montreeuil (93)', '93048', '93'],
    ['Montruil en Seine-Saint-Denis', '93048', '93'],
  ])('reads %j in its département', (text, code, departement) => {
    const resolution = territoires.resolve(text)
    expect(resolution.candidates[0]?.commune.code).toBe(code)
    expect(resolution.hints.departement?.code).toBe(departement)
    expect(resolution.unmatched).toEqual([])
  })
})

describe('extractPlace: a place needs evidence', () => {
  const code = (sentence: string) => territoires.extractPlace(sentence)?.candidates[0]?.commune.code
  it.each([
    ['Qui peut m’aider à porter plainte en ligne à montpelier ?', '34172'],
    ['Elle habite à carcasonne.', '11069'],
    ['svp jhabite le mans', '72181'],
    ['je suis à montpelier merci', '34172'],
    ['je vis a st etiene depuis 2 ans', '42218'],
    ['aide pour la caf a clermont ferand', '63113'],
    ['je suis a strasbour', '67482'],
    ['un atelier vers toulouze', '31555'],
    ['I live in besanson', '25056'],
    ['jhabite perpigan', '66136'],
    ['sur internet a Bordeau ?', '33063'],
    ['je suis à Toullon', '83137'],
  ])('reads a misspelt commune after a strong cue, sure of it: %j', (sentence, expected) => {
    const place = territoires.extractPlace(sentence)
    expect(place?.candidates[0]?.commune.code).toBe(expected)
    // One commune, far more likely than the few as close (Bordeaux, not Bourdeau; Toulon, not Touillon).
    expect(place?.ambiguous).toBe(false)
  })
  it.each([
    'Ça n’a aucun sens, je n’arrive pas à envoyer des mails.',
    'La touche entrée de mon clavier, je sais pas m’en servir',
    'Je ne trouve pas la touche pour imprimer',
    'Mon ordinateur montre des signes bizarres',
    'Ma tablette me fait des signes que je comprends pas',
    'mon mari a eu un AVC',
    'je touche pas',
    'je n’ai jamais été bon à l’école',
    'je cherche un job',
    'au bar du coin',
    'je suis à la maison',
    'il faut que j’apprenne à envoyer des mails',
    'je ne connais personne dans le quartier',
    'je suis entre deux rendez-vous, aidez-moi',
  ])('takes no commune named by everyday words without a cue: %j', (sentence) => {
    expect(territoires.extractPlace(sentence)).toBeUndefined()
  })
  it.each([
    ['je suis à Sens', '89387'],
    ["j'habite Signes", '83127'],
    ["j'habite à Eu", '76255'],
    ["j'habite La Touche", '26352'],
    ['je suis à Job', '63179'],
    ['aide pour ma carte grise au Mans', '72181'],
    ['Ma tablette me fait des signes, j’habite à Signes', '83127'],
  ])('takes a commune named by an everyday word with its cue: %j', (sentence, expected) => {
    expect(code(sentence)).toBe(expected)
  })
  it.each([
    ['procuration vote a fort-de-france ki peut maider', '97209'],
    ['procuration a for de france', '97209'],
    ['recherche emploi a pointe a pitr', '97120'],
    ['titre de sejour a pointapitre ki peut maider', '97120'],
    ['controle parental a mamoudzu', '97611'],
    ['passeport a cayene svp', '97302'],
    ['j’habite Schoelcher', '97229'],
    ['une aide au Gosier', '97113'],
    ["j'habite à Saint-Denis de La Réunion", '97411'],
    ['je vis à saint denis 93', '93066'],
    ["j'habite à Entre-Deux", '97403'],
    ['je suis à Étang-Salé', '97404'],
  ])('finds overseas communes as any other: %j', (sentence, expected) => {
    expect(code(sentence)).toBe(expected)
  })
  it.each([
    ['je suis à Évian', '74119'],
    ['je suis à Saint-Erme', '02676'],
    ['une France Services à Charleville ?', '08105'],
  ])('knows the usual short names: %j', (sentence, expected) => {
    expect(code(sentence)).toBe(expected)
  })
  it('keeps a misspelt name inside its sentence and to the name written', () => {
    expect(code('Elle vit à Albi. Je vous remercie')).toBe('81004')
    expect(code('J’habite à Avignon et je voudrais un ordinateur')).toBe('84007')
    // A misspelt département is not the commune of that name (La Réunion, Lot-et-Garonne).
    expect(code('Saint-Benoît à la Reunioon')).not.toBe('47222')
  })
})

describe('normalisation', () => {
  it('folds accents, case and punctuation, and expands st/ste', () => {
    expect(foldPlace('Saint-Étienne-du-Rouvray')).toBe('saint etienne du rouvray')
    expect(placeTokens('ST ÉTIENNE')).toEqual(['saint', 'etienne'])
    expect(placeTokens('Ste-Maxime')).toEqual(['sainte', 'maxime'])
    expect(foldPlace('L’Haÿ-les-Roses')).toBe('l hay les roses')
  })
  it('folds every text as foldText does (its own table for Latin text)', () => {
    // Latin letters and punctuation the table covers, combining accents and other scripts it leaves to foldText.
    const char = fc.oneof(
      fc.integer({ min: 0, max: 0x17f }),
      fc.constantFrom(0x300, 0x301, 0x308, 0x327, 0x2019, 0x3a3, 0x130, 0xdf, 0x153, 0x1f600),
      fc.integer({ min: 0x180, max: 0xffff }),
    )
    const text = fc.array(char, { maxLength: 30 }).map((codes) => String.fromCodePoint(...codes))
    fc.assert(fc.property(text, (value) => foldPlace(value) === foldText(value)))
    const names = officialGeography().communes.map((c) => c.nom)
    expect(names.filter((name) => foldPlace(name) !== foldText(name))).toEqual([])
  })
  it('keys a name with and without its article', () => {
    expect(nameKeys('Le Puy-en-Velay')).toEqual(['le puy en velay', 'puy en velay'])
    expect(nameKeys("L'Isle-Adam")).toEqual(['l isle adam', 'isle adam'])
  })
  it('keys every name as its tokens say (abbreviations expanded, leading article dropped)', () => {
    const expected = (name: string) => {
      const tokens = placeTokens(name)
      const key = tokens.join(' ')
      return tokens.length > 1 && ['le', 'la', 'les', 'l'].includes(tokens[0] as string)
        ? [key, tokens.slice(1).join(' ')]
        : [key]
    }
    for (const name of ['', 'St', 'Le', 'Les Mt Dore', 'Ste-Croix', 'S Lo', 'Sts-Geosmes', 'La St-Jean', 'Mtl'])
      expect(nameKeys(name), name).toEqual(expected(name))
    const names = officialGeography().communes.map((c) => c.nom)
    expect(names.filter((name) => nameKeys(name).join('|') !== expected(name).join('|'))).toEqual([])
  })
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('marseille', 'marsielle')).toBe(1)
    expect(editDistance('grenoble', 'grenobl')).toBe(1)
    expect(editDistance('paris', 'lyon', 2)).toBe(3)
  })
})

describe('the index of names, built step by step', () => {
  const build = () => createTerritoires({ geography: officialGeography(), coordinates: parseCommuneCoordinates(csv) })
  const queries = [
    'Saint-Denis',
    "Moulins dans l'Allier",
    'gueret 23000',
    'le puy',
    'Paris 18',
    'Plaisir',
    'sens',
    'Gueret',
  ]
  const answers = (t: ReturnType<typeof build>) =>
    queries.map((query) => JSON.stringify([t.resolve(query), t.suggest(query.slice(0, 4))]))

  it('takes several short steps, then gives the same answers as one built at once', () => {
    const stepped = build()
    let steps = 1
    while (!stepped.prepareStep()) steps++
    expect(steps).toBeGreaterThan(5)
    expect(answers(stepped)).toEqual(answers(territoires))
  })

  it('is completed at once by a lookup made while it is under way', () => {
    const halfway = build()
    expect(halfway.prepareStep()).toBe(false)
    expect(halfway.prepareStep()).toBe(false)
    expect(answers(halfway)).toEqual(answers(territoires))
    expect(halfway.prepareStep()).toBe(true)
  })
})
