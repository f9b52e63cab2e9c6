import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type RunningServer } from '@aiguillage/api'
import { sharedData, startRealDataServer } from '@aiguillage/api/test-support'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artefacts, browserAvailable, chromiumPath, launchChromium } from './browser-support.js'

// The coverage page (/couverture) of a département on the real lieux, in Debian's Chromium: the map drawn, no
// Content-Security-Policy violation, no serious axe-core violation, and its screenshot kept in .reports/screenshots.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const departement = '23'

describe.skipIf(!browserAvailable || !existsSync(sharedData))(
  `the coverage page in headless Chromium (${chromiumPath})`,
  () => {
    let server: RunningServer
    let browser: Browser

    beforeAll(async () => {
      server = await startRealDataServer()
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    it(`draws the map of département ${departement} for France Services, with its table, and keeps a screenshot`, async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' })
      const page = await context.newPage()
      const csp: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) csp.push(message.text())
      })
      const response = await page.goto(
        `${server.url}/couverture?departement=${departement}&dispositif_programmes_nationaux=France%20Services&sites=3`,
      )
      expect(response?.status()).toBe(200)
      expect(await page.locator('svg circle').count()).toBeGreaterThan(200)
      expect(await page.locator('table.communes tbody tr').count()).toBe(await page.locator('svg circle').count())
      // The stylesheet applied (served as a file: the CSP forbids inline styles).
      expect(await page.locator('.carte').evaluate((e) => getComputedStyle(e).flexGrow)).toBe('1')
      expect(csp).toEqual([])
      await page.screenshot({ path: path.join(artefacts, `couverture-${departement}.png`), fullPage: false })
      await context.close()
      // axe-core is an inline script: the audit runs in a context that lets it in.
      const audit = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true })
      const audited = await audit.newPage()
      await audited.goto(
        `${server.url}/couverture?departement=${departement}&dispositif_programmes_nationaux=France%20Services`,
      )
      await audited.addScriptTag({ content: axeSource })
      const violations = await audited.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string }[] }> }
          }
        ).axe
        return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact }))
      })
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
      await audit.close()
    })
  },
)
