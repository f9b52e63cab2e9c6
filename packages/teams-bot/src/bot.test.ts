import { describe, expect, it } from 'vitest'
import { cardsOf, cardText, cardTitle, type Json, testBot, textsOf } from './test-support.js'

// Real conversations through the teams-ai Application, on botbuilder's TestAdapter (offline: no Microsoft service).
describe('the operators’ bot (teams-ai Application, TestAdapter)', () => {
  it('a lookup in operator words gives one card per lieu with everything to read out', async () => {
    const { send } = await testBot()
    const replies = await send('Guéret démarches gratuit samedi')
    const texts = textsOf(replies)
    expect(texts[0]).toMatch(/Guéret/)
    expect(texts.join(' ')).not.toMatch(/Bonjour|Appelez avant/) // operator mode: no small talk
    const cards = cardsOf(replies)
    // Open on Saturday and free: the médiathèque first, then Aubusson; the paying cyber-espace is left out.
    expect(cards.map(cardTitle)).toEqual(['Médiathèque du Grand Guéret', 'Espace public numérique d’Aubusson'])
    const first = cardText(cards[0])
    expect(first).toMatch(/\d+ m · 12 avenue de la Sénatorerie, 23000 Guéret/)
    expect(first).toContain('Téléphone : 05 55 51 01 02')
    expect(first).toContain('Ouvert. Ferme à 12 h.')
    expect(first).toContain('Aujourd’hui : 10 h – 12 h, 14 h – 18 h')
    expect(first).toContain('Tarif : Gratuit')
    expect(first).toContain(
      'Services : Aide aux démarches administratives, Maîtrise des outils numériques du quotidien',
    )
    expect(first).toContain('Données du : 01/09/2026')
    expect(cards[0].actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Appeler', url: 'tel:+33555510102' },
      { type: 'Action.Submit', title: 'Fiche', data: { verb: 'fiche', id: 'gueret-mediatheque' } },
      { type: 'Action.Submit', title: 'Plus', data: { verb: 'plus' } },
    ])
  })

  it('"Plus" gives the next lieux of the same search, then says there are no more', async () => {
    const { send } = await testBot()
    const first = cardsOf(await send('aide aux démarches à Guéret')).map(cardTitle)
    expect(first).toHaveLength(5)
    const more = await send({ type: 'message', value: { verb: 'plus' } })
    const next = cardsOf(more).map(cardTitle)
    expect(next.length).toBeGreaterThan(0)
    expect(next.filter((name) => first.includes(name))).toEqual([])
    const end = await send({ type: 'message', value: { verb: 'plus' } })
    expect(cardsOf(end)).toEqual([])
    expect(textsOf(end)[0]).toContain('Je n’ai pas d’autre lieu')
  })

  it('"Fiche" shows the full record: week, contacts, services, publics, data date', async () => {
    const { send } = await testBot()
    await send('aide aux démarches à Guéret')
    const [fiche] = cardsOf(await send({ type: 'message', value: { verb: 'fiche', id: 'gueret-fs' } }))
    const text = cardText(fiche)
    expect(cardTitle(fiche)).toBe('France services de Guéret')
    for (const expected of [
      'Un agent vous aide pour vos démarches',
      'Adresse : 3 place Bonnyaud, 23000 Guéret',
      'Téléphone : 05 55 51 01 01',
      'Courriel : accueil@fs-gueret.example.org',
      'lundi : 9 h – 12 h 30, 13 h 30 – 17 h',
      'samedi : fermé',
      'Publics : Seniors',
      'Accueil adapté (handicaps, langues, lecture) : Surdité',
      'Dispositifs : France Services, Aidants Connect',
      'Accès : Se présenter, Téléphoner',
      'Mises à jour le : 15/10/2026',
    ])
      expect(text).toContain(expected)
    expect(fiche.actions.map((a: Json) => a.title)).toEqual(['Appeler', 'Rendez-vous', 'Plan'])
    // Old data are flagged.
    expect(
      cardText(cardsOf(await send({ type: 'message', value: { verb: 'fiche', id: 'gueret-ccas' } }))[0]),
    ).toContain('plus d’un an : à vérifier')
    expect(textsOf(await send({ type: 'message', value: { verb: 'fiche', id: 'disparu' } }))[0]).toContain(
      'n’est plus dans les données',
    )
  })

  it('"Fiche" has « Texte à envoyer »: the SMS text of the data (GSM-7, 300 at most), e-mail, page to print, directions', async () => {
    const { send } = await testBot()
    await send('aide aux démarches à Guéret')
    const [fiche] = cardsOf(await send({ type: 'message', value: { verb: 'fiche', id: 'gueret-fs' } }))
    const set = fiche.body.find((b: Json) => b.type === 'ActionSet')
    expect(set.actions.map((a: Json) => [a.type, a.title])).toEqual([['Action.ShowCard', 'Texte à envoyer']])
    const shown = set.actions[0].card
    const lines = shown.body.slice(1, -1).map((b: Json) => b.inlines.map((r: Json) => r.text).join(''))
    expect(lines).toEqual([
      'France services de Guéret',
      '3 place Bonnyaud, 23000 Guéret',
      'Tel : 05 55 51 01 01',
      'Prochaine ouverture : lundi à 9 h',
      'https://aiguillage.exemple.fr/lieux/gueret-fs',
    ])
    expect(cardText(shown)).toMatch(/\d+ caractères : un SMS\./)
    expect(shown.actions.map((a: Json) => a.title)).toEqual(['E-mail', 'Imprimer', 'Itinéraire'])
    expect(shown.actions[0].url).toMatch(/^mailto:\?subject=Un%20lieu%20pour%20vous%20aider/)
    expect(shown.actions[1].url).toBe('https://aiguillage.exemple.fr/lieux/gueret-fs')
    expect(shown.actions[2].url).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?route=/)
  })

  it('a homonym commune is shown as a choice set naming each département, and the choice searches there', async () => {
    const { send } = await testBot()
    const replies = await send('Sainte-Marie démarches')
    const [choices] = cardsOf(replies)
    expect(cardText(choices)).toContain('Plusieurs communes portent ce nom')
    const set = choices.body.find((b: Json) => b.type === 'Input.ChoiceSet')
    expect(set).toMatchObject({ id: 'choix', style: 'expanded', wrap: true })
    expect(set.choices).toContainEqual({ title: 'Sainte-Marie (Gers)', value: '32388' })
    expect(choices.actions).toEqual([{ type: 'Action.Submit', title: 'Valider', data: { verb: 'choix' } }])
    // Teams sends the card's data with the input's value.
    const chosen = cardsOf(await send({ type: 'message', value: { verb: 'choix', choix: '32388' } }))
    expect(cardTitle(chosen[0])).toBe('Point numérique de Sainte-Marie (Gers)')
  })

  it('a choice button of a card sent before the choice set still works', async () => {
    const { send } = await testBot()
    await send('Sainte-Marie démarches')
    const chosen = cardsOf(await send({ type: 'message', value: { verb: 'choix', value: '32388', label: 'x' } }))
    expect(cardTitle(chosen[0])).toBe('Point numérique de Sainte-Marie (Gers)')
  })

  it('an unknown commune gets a question, not an error nor a card', async () => {
    const { send } = await testBot()
    const replies = await send('démarches à Trifouillis-les-Oies')
    expect(cardsOf(replies).filter((c) => !/De quoi|Laquelle/.test(cardText(c)))).toEqual([])
    expect(textsOf(replies).join(' ')).toMatch(/commune|code postal/)
  })

  it('an empty message (a mention alone) gets the hint; "aide" the help; "nouvelle recherche" forgets', async () => {
    const { send } = await testBot()
    expect(textsOf(await send({ type: 'message', text: '   ' }))[0]).toContain('Message vide')
    expect(textsOf(await send('aide'))[0]).toContain('Guéret démarches gratuit samedi')
    await send('démarches')
    expect(textsOf(await send('nouvelle recherche'))[0]).toContain('Nouvelle recherche')
    // The need said before is forgotten: a commune alone now asks for the need.
    const after = await send('Guéret')
    expect(cardsOf(after).map(cardText).join(' ')).toContain('De quoi avez-vous besoin')
  })

  it('a very long message (a pasted story) is read up to 1 000 characters, and says so', async () => {
    const { send } = await testBot()
    const story = `Bonjour, j’ai au téléphone une dame de 82 ans qui habite Guéret et qui doit faire ses démarches pour la CAF. ${'Elle raconte sa situation en détail. '.repeat(60)}`
    expect(story.length).toBeGreaterThan(2000)
    const replies = await send(story)
    expect(textsOf(replies)[0]).toContain('seuls les 1000 premiers caractères ont été lus')
    expect(cardsOf(replies).map(cardTitle)[0]).toBe('Médiathèque du Grand Guéret')
  })

  it('text from the data is never read as Markdown: names go in TextRuns, replies are plain text', async () => {
    const { send } = await testBot()
    const replies = await send('apprendre l’ordinateur à Guéret')
    const cards = cardsOf(replies)
    const trap = cards.find((c) => cardTitle(c).includes('Gras'))
    expect(trap && cardTitle(trap)).toBe('**Gras** [lien](javascript:alert(1)) Espace')
    expect(JSON.stringify(cards)).not.toContain('"TextBlock"')
    expect(replies.filter((a) => a.text).every((a) => a.textFormat === 'plain')).toBe(true)
  })

  it('the message extension finds lieux to insert: card and preview, without the bot-only actions', async () => {
    const { send } = await testBot()
    const [response] = await send({
      type: 'invoke',
      name: 'composeExtension/query',
      value: {
        commandId: 'chercherLieu',
        parameters: [{ name: 'recherche', value: 'Guéret démarches' }],
        queryOptions: { count: 3, skip: 0 },
      },
    })
    const result = (response?.value as { body: Json }).body.composeExtension
    expect(result.type).toBe('result')
    expect(result.attachments).toHaveLength(3)
    expect(result.attachments[0].preview.content.title).toBe('Médiathèque du Grand Guéret')
    expect(result.attachments[0].preview.content.text).toMatch(/^\d+ m · Guéret · 05 55 51 01 02$/)
    expect(result.attachments[0].content.actions.map((a: Json) => a.title)).toEqual(['Appeler', 'Plan'])
    const [empty] = await send({
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: 'chercherLieu', parameters: [{ name: 'recherche', value: '' }] },
    })
    expect((empty?.value as { body: Json }).body.composeExtension).toMatchObject({
      type: 'message',
      text: expect.stringContaining('Tapez une commune'),
    })
  })
})
