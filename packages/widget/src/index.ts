import { readFile } from 'node:fs/promises'
import path from 'node:path'

export { contrastWithWhite, defaultColour, readableColour } from './colour.js'

/** The browser's source: one file and what it imports (found from src/ and from the compiled dist/ alike). */
export const widgetSource = path.join(import.meta.dirname, '..', 'src', 'widget.ts')
/** The bundle `pnpm build` writes, which the compiled server serves. */
export const widgetBundleFile = path.join(import.meta.dirname, '..', 'dist', 'widget.bundle.js')

/**
 * The widget's script, bundled and minified in memory (nothing generated is committed). The target is old enough
 * for the phones and tablets people keep for years (old iPads stay on Safari 12).
 */
export async function buildWidget(): Promise<string> {
  // Imported here only: the compiled server never loads the bundler.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: [widgetSource],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2017', 'safari12', 'chrome70', 'firefox68'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    // The workspace packages it imports (@aiguillage/lieux/links) from their sources, like the widget itself: the
    // bundle then never depends on another package having been compiled first (`pnpm build` runs them in parallel).
    conditions: ['@aiguillage/source'],
  })
  return (result.outputFiles[0] as { text: string }).text
}

/**
 * The widget's script for the server: compiled (running from dist/), the bundle written by `pnpm build`; from the
 * sources, bundled now, so that an edit is served without a build.
 */
export async function loadWidget(): Promise<string> {
  if (!import.meta.filename.endsWith('.js')) return buildWidget()
  return readFile(widgetBundleFile, 'utf8').catch((error: unknown) => {
    throw new Error(`Le widget n’est pas construit (${widgetBundleFile}) : lancez « pnpm build ».`, { cause: error })
  })
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The demo page served at `/`: what a mairie's page with the widget looks like, here inline in the page. */
export function demoPage(options: { socketPath?: string; title?: string } = {}): string {
  const socket =
    options.socketPath && options.socketPath !== '/v1/discussion'
      ? ` data-socket="${escapeAttribute(options.socketPath)}"`
      : ''
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aiguillage : trouver de l’aide avec le numérique</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<a class="skip" href="#discussion">Aller à la discussion</a>
<header><p class="brand">Aiguillage</p></header>
<main>
<h1>Trouver de l’aide avec le numérique, près de chez vous</h1>
<p>Une démarche en ligne, une tablette à apprendre, un document à imprimer : dites-nous votre besoin et votre commune. Nous vous indiquons les lieux qui peuvent vous aider, avec leur adresse, leur téléphone et leurs horaires.</p>
<div id="discussion"></div>
<p class="small">Ce service est gratuit. Il ne vous demande jamais de mot de passe ni de numéro de sécurité sociale. Votre conversation est oubliée 30 minutes après votre dernier message. <a href="/docs">Documentation de l’API</a></p>
</main>
<script src="/widget.js" data-container="#discussion" data-title="${escapeAttribute(options.title ?? 'Discuter avec Aiguillage')}"${socket} defer></script>
</body>
</html>`
}

/** The demo page's own styles (the widget brings its own, inside its shadow root). */
export const demoStylesheet = `*{box-sizing:border-box}
body{margin:0;font:100%/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#161616;background:#fff}
header{background:#000091;color:#fff;padding:.75rem 1rem}
.brand{margin:0;font-weight:700;font-size:1.25rem}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25}
#discussion{height:min(44rem,calc(100vh - 2rem));margin:1rem 0}
@media (max-width:40em),(max-height:32em){#discussion{height:auto}}
.small{font-size:.9375rem}
a{color:#000091}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
`
