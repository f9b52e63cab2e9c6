import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type RunningServer } from '@aiguillage/api'
import { startDemoServer } from '@aiguillage/api/test-support'
import jsQRModule from 'jsqr'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { artefacts, browserAvailable, chromiumPath, launchChromium } from './browser-support.js'

// The page of a lieu (/lieux/{id}) in Debian's Chromium: printed to PDF on A4, read for its type size in print, its QR
// code decoded from a screenshot, and checked by axe-core on a wide screen and at 320 px.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
// jsqr is CommonJS: its types (under NodeNext) give the module, whose `default` is the function, as it is at run time.
const jsQR = jsQRModule.default
/** 14 pt in CSS pixels (1 pt = 4/3 px). */
const fourteenPoints = (14 * 4) / 3

describe.skipIf(!browserAvailable)(
  `the page of a lieu in headless Chromium (${chromiumPath})`,
  { timeout: 30_000 },
  () => {
    let server: RunningServer
    let browser: Browser
    let context: BrowserContext

    beforeAll(async () => {
      server = await startDemoServer()
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })
    afterEach(async () => {
      await context?.close()
    })

    async function open(id: string, options: { width?: number; scale?: number; bypassCSP?: boolean } = {}) {
      context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: 900 },
        deviceScaleFactor: options.scale ?? 1,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        bypassCSP: options.bypassCSP ?? false,
      })
      const page = await context.newPage()
      const response = await page.goto(`${server.url}/lieux/${id}`)
      expect(response?.status()).toBe(id === 'inconnu' ? 404 : 200)
      return page
    }

    async function seriousViolations(page: Page) {
      await page.addScriptTag({ content: axeSource })
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string }[] }> }
          }
        ).axe
        return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact }))
      })
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    }

    it('prints on one A4 page, its text at 14 pt or more', async () => {
      const page = await open('demo-gueret-fs')
      await page.emulateMedia({ media: 'print' })
      // Every element that holds text of its own, in print: its computed size.
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((element) => {
            const style = getComputedStyle(element)
            return (
              style.display !== 'none' &&
              (element as HTMLElement).offsetParent !== null &&
              [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) &&
              !element.closest('.visually-hidden')
            )
          })
          .map((element) => ({
            tag: element.tagName.toLowerCase(),
            text: (element.textContent ?? '').trim().slice(0, 30),
            px: Number.parseFloat(getComputedStyle(element).fontSize),
          })),
      )
      expect(sizes.length).toBeGreaterThan(10)
      expect(sizes.filter((s) => s.px < fourteenPoints - 0.01)).toEqual([])
      const body = sizes.find((s) => s.tag === 'li' || s.tag === 'p') as { px: number }
      expect(body.px).toBeGreaterThanOrEqual(fourteenPoints - 0.01)
      const pdf = await page.pdf({ format: 'A4', printBackground: true })
      writeFileSync(path.join(artefacts, 'fiche-lieu.pdf'), pdf)
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
      expect(pages).toHaveLength(1)
      console.info(
        `Fiche imprimée : ${pages.length} page A4, texte à ${(Math.min(...sizes.map((s) => s.px)) * 0.75).toFixed(1)} pt au moins`,
      )
    })

    it('has a QR code that opens the page', async () => {
      const page = await open('demo-gueret-fs', { scale: 2 })
      const png = PNG.sync.read(await page.locator('figure.qr svg').screenshot())
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
      expect(decoded?.data).toBe(`${server.url}/lieux/demo-gueret-fs`)
      console.info(`QR code décodé : ${decoded?.data}`)
    })

    it('reflows at 320 px (no horizontal scrolling) and axe-core finds no serious violation, wide and narrow', async () => {
      for (const width of [1280, 320]) {
        // The page's CSP rightly forbids injected scripts: axe is injected with it set aside.
        const page = await open('demo-gueret-fs', { width, bypassCSP: true })
        await page.screenshot({ path: path.join(artefacts, `fiche-lieu-${width}.png`), fullPage: true })
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
        expect(await seriousViolations(page)).toEqual([])
        await context.close()
      }
      // A lieu without hours, and the page of a lieu that is not in the data.
      for (const id of ['demo-gueret-mediatheque', 'inconnu']) {
        const page = await open(id, { bypassCSP: true })
        expect(await seriousViolations(page)).toEqual([])
        await context.close()
      }
      // A browser asks for HTML: the page of a lieu that is not in the data is a page, not JSON.
      const page = await open('inconnu')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ce lieu n’est pas dans nos données')
    })
  },
)
