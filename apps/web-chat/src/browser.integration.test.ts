import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { artefacts, browserAvailable, chromiumPath, launchChromium, startRelay } from './browser-support.js'
import { startChatServer } from './test-support.js'

// Real Chromium (Debian's), real server, real websocket. Only the blocked-websocket network of the fallback test is
// simulated, with Playwright's websocket routing (named so in the test).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

describe.skipIf(!browserAvailable)(`the widget in headless Chromium (${chromiumPath})`, { timeout: 30_000 }, () => {
  let chat: Awaited<ReturnType<typeof startChatServer>>
  let browser: Browser
  let context: BrowserContext
  /** Every URL the pages asked for, and every console error (CSP violations included). */
  let requests: string[]
  let consoleErrors: string[]

  beforeAll(async () => {
    chat = await startChatServer({ connectionsPerAddress: 400, perAddress: { burst: 2000, perMs: 1 } })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await chat?.server.close()
  })
  afterEach(async () => {
    await context?.close()
  })

  async function openDemo(
    options: { width?: number; height?: number; url?: string; bypassCSP?: boolean } = {},
  ): Promise<Page> {
    context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      locale: 'fr-FR',
      bypassCSP: options.bypassCSP ?? false,
    })
    const page = await context.newPage()
    requests = []
    consoleErrors = []
    page.on('request', (request) => requests.push(request.url()))
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    await page.goto(options.url ?? `${chat.server.url}/`)
    return page
  }

  async function say(page: Page, text: string): Promise<void> {
    const input = page.getByLabel('Votre message')
    await input.fill(text)
    await input.press('Enter')
  }

  const cards = (page: Page) => page.locator('li.card')

  /** The element that has the keyboard focus, inside the widget's shadow root: its tag, its name, its outline. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      let element: Element | null = document.activeElement
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
      if (!element) return { tag: '', label: '', outline: 'none' }
      return {
        tag: element.tagName,
        label: (element as HTMLElement).innerText || element.getAttribute('aria-label') || element.id,
        outline: getComputedStyle(element).outlineStyle,
      }
    })

  it('a person asks in her own words and sees lieux cards with distance, hours and a working tel: link', async () => {
    const page = await openDemo()
    await say(page, 'je voudrais apprendre à utiliser ma tablette, j’habite à Aurillac')
    await expect.poll(() => cards(page).count(), { timeout: 5000 }).toBeGreaterThan(0)
    const first = cards(page).first()
    await expect.poll(() => first.locator('h3').textContent()).toBe('Médiathèque Pierre-Mac-Orlan')
    expect(await first.textContent()).toMatch(/\d+ m · Place des Carmes, 15000 Aurillac/)
    expect(await first.textContent()).toMatch(/Gratuit/)
    const call = first.getByRole('link', { name: /Appeler le 04 71 45 60 60/ })
    expect(await call.getAttribute('href')).toBe('tel:+33471456060')
    // The fiche: weekly timetable from the data, services, a map link to OpenStreetMap.
    await first.getByText('Voir la fiche').click()
    const fiche = first.locator('details')
    expect(await fiche.textContent()).toContain('mardi : 10 h – 18 h')
    expect(await fiche.textContent()).toContain('lundi : fermé')
    expect(await fiche.getByRole('link', { name: /OpenStreetMap/ }).getAttribute('href')).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/\?mlat=44\.9289&mlon=2\.4433/,
    )
    // The page and the widget asked nothing of any other server, and broke no CSP rule.
    expect(requests.filter((url) => !url.startsWith(chat.server.url) && !url.startsWith('data:'))).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  it('a homonym commune gets choice buttons, and the chosen one searches there', async () => {
    const page = await openDemo()
    await say(page, 'je veux apprendre l’ordinateur à Sainte-Marie')
    const gers = page.getByRole('button', { name: 'Sainte-Marie (Gers)' })
    await gers.waitFor({ timeout: 5000 })
    await gers.click()
    await expect
      .poll(() => cards(page).first().locator('h3').textContent(), { timeout: 5000 })
      .toBe('Point numérique de Sainte-Marie (Gers)')
    // The choice was shown as the person's answer, and the buttons cannot be pressed twice.
    expect(await page.locator('.msg.me').last().textContent()).toContain('Sainte-Marie (Gers)')
    expect(await gers.isDisabled()).toBe(true)
  })

  it('the connection is cut and restored mid-conversation, and the conversation continues', async () => {
    const relay = await startRelay(chat.server)
    try {
      const page = await openDemo({ url: `${relay.url}/` })
      await say(page, 'je voudrais apprendre à utiliser ma tablette')
      await page.getByText(/Dans quelle commune/i).waitFor({ timeout: 5000 })
      relay.cut()
      const status = page.getByRole('status').filter({ hasText: /Connexion perdue|hors ligne/ })
      await status.waitFor({ timeout: 5000 })
      // Typed while offline: kept, and sent when the connection is back.
      await say(page, 'Aurillac')
      relay.restore()
      await expect
        .poll(() => cards(page).first().locator('h3').textContent(), { timeout: 20_000 })
        .toBe('Médiathèque Pierre-Mac-Orlan')
      // The need said before the cut was remembered: the same conversation went on.
      expect(await page.locator('.msg.bot').last().textContent()).not.toMatch(/Dans quelle commune/)
      expect(await page.locator('[data-aiguillage] .status').textContent()).toBe('')
    } finally {
      await relay.close()
    }
  })

  it('HTML in a lieu’s name or in a message is shown as text, never run (simulated: none)', async () => {
    const page = await openDemo()
    await say(page, '<img src=x onerror="window.__piege=2">tablette à Arpajon-sur-Cère')
    await expect.poll(() => cards(page).count(), { timeout: 5000 }).toBeGreaterThan(0)
    const names = await cards(page).locator('h3').allTextContents()
    expect(names).toContain('<img src=x onerror="window.__piege=1">Espace numérique')
    expect(await page.locator('.msg.me').first().textContent()).toContain('<img src=x onerror="window.__piege=2">')
    expect(await page.evaluate(() => (window as unknown as { __piege?: number }).__piege)).toBeUndefined()
    expect(await page.locator('[data-aiguillage] img, [data-aiguillage] b').count()).toBe(0)
    expect(await cards(page).filter({ hasText: 'Espace numérique' }).textContent()).toContain(
      '<b>1</b> place de la Mairie',
    )
  })

  it('keyboard only: Tab to the message box, type, Enter, choose with the keyboard, open a fiche', async () => {
    const page = await openDemo()
    const focusedLabel = async () => {
      const { tag, label } = await focused(page)
      return `${tag.toLowerCase()}:${label}`
    }
    const tabTo = async (pattern: RegExp) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab')
        if (pattern.test(await focusedLabel())) return
      }
      throw new Error(`${pattern} jamais atteint au clavier`)
    }
    await tabTo(/^textarea:/)
    await page.keyboard.type('apprendre l’ordinateur à Sainte-Marie')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Sainte-Marie (Gers)' }).waitFor({ timeout: 5000 })
    await tabTo(/^button:Sainte-Marie \(Gers\)/)
    // The focus ring is visible (RGAA 10.7).
    expect((await focused(page)).outline).not.toBe('none')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => cards(page).first().locator('h3').textContent(), { timeout: 5000 })
      .toBe('Point numérique de Sainte-Marie (Gers)')
    await tabTo(/^summary:Voir la fiche/)
    await page.keyboard.press('Enter')
    expect(await cards(page).first().locator('details').getAttribute('open')).toBe('')
  })

  it('"Me localiser" asks for consent, then sends the browser’s position', async () => {
    const page = await openDemo()
    await context.grantPermissions(['geolocation'])
    await context.setGeolocation({ latitude: 45.0341, longitude: 3.0929 })
    await say(page, 'je voudrais apprendre à utiliser ma tablette')
    await page.getByText(/Dans quelle commune/i).waitFor({ timeout: 5000 })
    await page.getByRole('button', { name: 'Me localiser' }).click()
    // Nothing is sent before the person says yes.
    expect(await page.locator('.msg.me').count()).toBe(1)
    await page.getByRole('button', { name: 'Oui, utiliser ma position' }).click()
    await expect
      .poll(() => cards(page).first().locator('h3').textContent(), { timeout: 5000 })
      .toBe('Espace public numérique de Saint-Flour')
  })

  it('falls back to /v1/chat when websockets are blocked (simulated: a network that refuses them)', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.routeWebSocket(/\/v1\/discussion/, (ws) => ws.close())
    const page = await context.newPage()
    await page.goto(`${chat.server.url}/`)
    await say(page, 'je voudrais apprendre à utiliser ma tablette')
    await page.getByText(/Dans quelle commune/i).waitFor({ timeout: 10_000 })
    await say(page, 'Aurillac')
    await expect
      .poll(() => cards(page).first().locator('h3').textContent(), { timeout: 5000 })
      .toBe('Médiathèque Pierre-Mac-Orlan')
  })

  it('axe-core finds no serious or critical violation, with cards, a fiche open and choices on screen', async () => {
    // The page's CSP rightly forbids injected scripts: axe is injected with it set aside.
    const page = await openDemo({ bypassCSP: true })
    await say(page, 'je veux apprendre l’ordinateur à Sainte-Marie')
    await page.getByRole('button', { name: 'Sainte-Marie (Gers)' }).waitFor({ timeout: 5000 })
    await say(page, 'tablette à Aurillac')
    await expect.poll(() => cards(page).count(), { timeout: 5000 }).toBeGreaterThan(0)
    await cards(page).first().getByText('Voir la fiche').click()
    await page.addScriptTag({ content: axeSource })
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>
          }
        }
      ).axe
      const result = await axe.run(document)
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target) }))
    })
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  })

  it.each([
    [320, 640],
    [1280, 900],
  ])('fits a %i px wide screen with no horizontal scroll (screenshot saved)', async (width, height) => {
    const page = await openDemo({ width, height })
    await say(page, 'je voudrais apprendre à utiliser ma tablette, j’habite à Aurillac')
    await expect.poll(() => cards(page).count(), { timeout: 5000 }).toBeGreaterThan(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    const send = page.getByRole('button', { name: 'Envoyer' })
    expect(await send.isVisible()).toBe(true)
    await page.screenshot({ path: path.join(artefacts, `widget-${width}px.png`), fullPage: true })
  })

  it('at 200 % zoom (1280 px shown at half the CSS width) everything stays reachable', async () => {
    context = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 })
    const page = await context.newPage()
    await page.goto(`${chat.server.url}/`)
    await say(page, 'tablette à Aurillac')
    await expect.poll(() => cards(page).count(), { timeout: 5000 }).toBeGreaterThan(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640)
    await page.getByRole('button', { name: 'Envoyer' }).scrollIntoViewIfNeeded()
    expect(await page.getByRole('button', { name: 'Envoyer' }).isVisible()).toBe(true)
    await page.screenshot({ path: path.join(artefacts, 'widget-zoom-200.png') })
  })

  it('embeds in another site with one script tag: a floating button, allowed origin, Escape closes', async () => {
    // Another site (another origin: another port), which embeds the widget of the Aiguillage server.
    const site = http.createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8')
      response.end(`<!doctype html><html lang="fr"><head><title>Mairie</title></head><body><main><h1>Mairie d’Aurillac</h1></main>
        <script src="${embedded.server.url}/widget.js" data-title="Besoin d’aide avec le numérique ?" data-color="#1d6b3a" defer></script></body></html>`)
    })
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
    const embedded = await startChatServer({ allowedOrigins: [siteUrl] }, { corsOrigins: [siteUrl] })
    try {
      const page = await openDemo({ url: `${siteUrl}/` })
      const launcher = page.getByRole('button', { name: 'Besoin d’aide avec le numérique ?' })
      await launcher.click()
      expect((await focused(page)).tag).toBe('TEXTAREA')
      await page.keyboard.type('tablette à Aurillac')
      await page.keyboard.press('Enter')
      await expect
        .poll(() => cards(page).first().locator('h3').textContent(), { timeout: 5000 })
        .toBe('Médiathèque Pierre-Mac-Orlan')
      // The site's colour was kept (white on #1d6b3a is readable).
      expect(
        await page.getByRole('button', { name: 'Envoyer' }).evaluate((b) => getComputedStyle(b).backgroundColor),
      ).toBe('rgb(29, 107, 58)')
      await page.keyboard.press('Escape')
      expect(await launcher.isVisible()).toBe(true)
      expect(requests.filter((url) => !url.startsWith(siteUrl) && !url.startsWith(embedded.server.url))).toEqual([])
      expect(consoleErrors).toEqual([])
    } finally {
      await embedded.server.close()
      await new Promise((resolve) => site.close(resolve))
    }
  })

  it('a conversation opened in a second tab (a duplicated tab) moves there, without the two tabs fighting over it', async () => {
    const first = await openDemo()
    await say(first, 'je voudrais apprendre à utiliser ma tablette')
    await first.getByText(/Dans quelle commune/i).waitFor({ timeout: 5000 })
    const token = await first.evaluate(() =>
      Object.entries(sessionStorage).find(([key]) => key.startsWith('aiguillage:')),
    )
    expect(token).toBeDefined()
    // A duplicated tab copies sessionStorage: the same resume token.
    const second = await context.newPage()
    await second.addInitScript(([key, value]) => sessionStorage.setItem(key, value), token as [string, string])
    await second.goto(`${chat.server.url}/`)
    // (A tab in the background gets no animation frames: Playwright reads the tab in front.)
    await first.bringToFront()
    await first.getByText('La discussion continue dans une autre fenêtre.').waitFor({ timeout: 5000 })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await second.bringToFront()
    // The second tab kept it: it continues the same conversation (the need said in the first tab is known).
    await say(second, 'Aurillac')
    await expect
      .poll(() => cards(second).first().locator('h3').textContent(), { timeout: 5000 })
      .toBe('Médiathèque Pierre-Mac-Orlan')
    expect(await second.getByText('La discussion continue dans une autre fenêtre.').count()).toBe(0)
  })
})
