import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardsOf, cardTitle, type Json, testBot } from './test-support.js'

// Every card the bot sends, rendered by Microsoft's own Adaptive Cards renderer (the `adaptivecards` package, as in
// Teams' web client) in Debian's Chromium, in a column 320 px and 500 px wide (Teams on a phone, a narrow chat pane):
// no label may be cut (« Sai… », « Appeler le 04… »), nothing may stick out of the card.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const browserAvailable = existsSync(chromiumPath) || process.env.CI === 'true'
const require = createRequire(import.meta.url)
const rendererDir = path.dirname(require.resolve('adaptivecards/dist/adaptivecards.min.js'))
const rendererScript = readFileSync(path.join(rendererDir, 'adaptivecards.min.js'), 'utf8')
const rendererStyles = readFileSync(path.join(rendererDir, 'adaptivecards.css'), 'utf8')
const artefacts = path.resolve(import.meta.dirname, '../../../.reports/screenshots')

/** Every card of a set of real conversations with the bot: lieux, more lieux, every fiche, choices, the extension's. */
async function everyCard(): Promise<{ name: string; card: Json }[]> {
  const { send, store } = await testBot()
  const named = (prefix: string, cards: Json[]) =>
    cards.map((card: Json, i: number) => ({ name: `${prefix} ${i + 1} (${cardTitle(card)})`, card }))
  const out = [
    ...named('lieu', cardsOf(await send('Guéret démarches gratuit samedi'))),
    ...named(
      'lieu',
      cardsOf(await send('nouvelle recherche')).concat(cardsOf(await send('aide aux démarches à Guéret'))),
    ),
    ...named('plus', cardsOf(await send({ type: 'message', value: { verb: 'plus' } }))),
    ...named('choix commune', cardsOf(await send('Saint-Denis démarches'))),
    ...named('choix commune', cardsOf(await send('Sainte-Marie démarches'))),
    ...named('choix besoin', cardsOf(await send('nouvelle recherche')).concat(cardsOf(await send('Guéret')))),
  ]
  for (const lieu of store.current.lieux) {
    const fiches = cardsOf(await send({ type: 'message', value: { verb: 'fiche', id: lieu.id } }))
    out.push(...named('fiche', fiches))
    // « Texte à envoyer » unfolded: the card it shows, with its own buttons.
    const shown = fiches.flatMap((fiche: Json) =>
      fiche.body
        .filter((b: Json) => b.type === 'ActionSet')
        .flatMap((set: Json) => set.actions.map((a: Json) => a.card)),
    )
    out.push(...named('fiche texte', shown).map((entry) => ({ ...entry, name: `${entry.name} ${lieu.id}` })))
  }
  const [extension] = await send({
    type: 'invoke',
    name: 'composeExtension/query',
    value: { commandId: 'chercherLieu', parameters: [{ name: 'recherche', value: 'Guéret démarches' }] },
  })
  const response: Json = extension?.value
  const inserted = response.body.composeExtension.attachments.map((a: Json) => a.content)
  out.push(...named('extension', inserted))
  return out
}

/** Renders a card with the official renderer; returns the texts that are cut or overflow, and the card's text. */
function render(page: Page, card: Json) {
  return page.evaluate((json) => {
    const AdaptiveCards = (window as unknown as { AdaptiveCards: Json }).AdaptiveCards
    const adaptive = new AdaptiveCards.AdaptiveCard()
    adaptive.parse(json)
    const host = document.getElementById('card') as HTMLElement
    host.replaceChildren(adaptive.render() as HTMLElement)
    const cut: string[] = []
    for (const element of host.querySelectorAll<HTMLElement>('*')) {
      const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())
      if (!ownText) continue
      const style = getComputedStyle(element)
      const clipsX = style.textOverflow === 'ellipsis' || /hidden|clip/.test(style.overflowX)
      const clipsY = /hidden|clip/.test(style.overflowY)
      if (
        (clipsX && element.scrollWidth > element.clientWidth + 1) ||
        (clipsY && element.scrollHeight > element.clientHeight + 1)
      )
        cut.push(element.textContent ?? '')
    }
    const root = host.firstElementChild as HTMLElement
    return {
      cut,
      overflow: root.scrollWidth - root.clientWidth,
      text: host.innerText,
      buttons: [...host.querySelectorAll('button')].map((b) => b.innerText.trim()),
      errors: adaptive.validateProperties().validationEvents.length as number,
    }
  }, card)
}

describe.skipIf(!browserAvailable)(
  'the bot’s cards in the official Adaptive Cards renderer',
  { timeout: 60_000 },
  () => {
    let browser: Browser
    let cards: { name: string; card: Json }[]

    beforeAll(async () => {
      mkdirSync(artefacts, { recursive: true })
      cards = await everyCard()
      browser = await chromium.launch({
        executablePath: chromiumPath,
        timeout: 30_000, // Chromium starts in 1–3 s on two cores: past 30 s it will not

        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
      })
    }, 60_000)
    afterAll(async () => {
      await browser?.close()
    })

    it('renders every kind of card the bot sends (lieu, more, fiche, choices, message extension)', () => {
      const kinds = new Set(cards.map((c) => c.name.split(' ')[0]))
      expect([...kinds]).toEqual(['lieu', 'plus', 'choix', 'fiche', 'extension'])
      expect(cards.length).toBeGreaterThan(15)
    })

    async function cardPage(width: number): Promise<Page> {
      const page = await browser.newPage({ viewport: { width, height: 900 } })
      await page.setContent(`<!doctype html><html lang="fr"><body style="margin:0"><div id="card"></div></body></html>`)
      await page.addStyleTag({ content: rendererStyles })
      await page.addScriptTag({ content: rendererScript })
      return page
    }

    it('the check sees what was wrong before: homonyms as buttons side by side, « Appeler le 04 71… »', async () => {
      const page = await cardPage(400)
      const question = { type: 'TextBlock', text: 'Plusieurs communes portent ce nom : laquelle ?' }
      const buttons = (titles: string[]) => ({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [question],
        actions: titles.map((title) => ({ type: 'Action.Submit', title })),
      })
      const homonyms = ['Saint-Denis (La Réunion)', 'Saint-Denis (Seine-Saint-Denis)', 'Saint-Denis (Aude)']
      expect((await render(page, buttons(homonyms))).cut).toContain('Saint-Denis (Seine-Saint-Denis)')
      const lieu = ['Appeler le 04 71 45 60 60', 'Fiche complète', 'Plus de résultats']
      expect((await render(page, buttons(lieu))).cut).toContain('Appeler le 04 71 45 60 60')
      await page.close()
    })

    it.each([320, 500])('at %i px, no label is cut and nothing sticks out of a card', async (width) => {
      const page = await cardPage(width)
      const problems: unknown[] = []
      for (const { name, card } of cards) {
        const result = await render(page, card)
        // Every button's full title is shown: nothing cut, nothing replaced by an ellipsis.
        const titles = (card.actions ?? []).map((a: Json) => a.title as string)
        if (result.cut.length || result.overflow > 0 || titles.some((t: string) => !result.buttons.includes(t)))
          problems.push({ name, cut: result.cut, overflow: result.overflow, buttons: result.buttons, titles })
        // The choices name the département in full.
        for (const choice of card.body.find((b: Json) => b.type === 'Input.ChoiceSet')?.choices ?? [])
          if (!result.text.includes(choice.title)) problems.push({ name, missing: choice.title })
        if (result.errors) problems.push({ name, errors: result.errors })
        if (/^(lieu 1|choix commune 1|fiche 1) /.test(name))
          await page.screenshot({
            path: path.join(artefacts, `teams-${name.replace(/ \(.*$/, '').replace(/ /g, '-')}-${width}px.png`),
            fullPage: true,
          })
      }
      expect(problems).toEqual([])
      await page.close()
    })
  },
)
