/*
 * The public page of a lieu (/lieux/{id}): to read on a phone, and to print on one A4 page in large type for someone
 * who will go there with the paper in hand. Our own HTML, server-rendered, no script needed, no third-party request;
 * the QR code that opens the page is an inline SVG drawn here. Every text from the data is escaped.
 */
import { createRequire } from 'node:module'
import {
  addressLine,
  describeOpeningStatus,
  directionsLink,
  formatPhone,
  type Lieu,
  lieuQuality,
  type LieuShare,
  mailtoLink,
  mapLink,
  parisWallClock,
  phoneHref,
  webLink,
  weeklyTimetable,
} from '@aiguillage/lieux'
import { whatToBring } from '@aiguillage/orientation/knowledge'
import type QRCodeModule from 'qrcode'

let qrcode: typeof QRCodeModule | undefined

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

/** "15/10/2026" from "2026-10-15". */
const frenchDate = (iso: string) => iso.split('-').reverse().join('/')
/** "23/11" from "2026-11-23". */
const shortDate = (iso: string | undefined) => (iso ?? '').split('-').slice(1).reverse().join('/')

/**
 * A QR code as an inline SVG: one path of dark modules on a white square with the quiet zone the standard asks for
 * (4 modules). Error correction M: it still reads when the paper is a little creased.
 */
export function qrSvg(text: string, label: string): string {
  // Required on the first fiche rather than imported: the server's start does not wait for it.
  qrcode ??= createRequire(import.meta.url)('qrcode') as typeof QRCodeModule
  const qr = qrcode.create(text, { errorCorrectionLevel: 'M' })
  const size = qr.modules.size
  const margin = 4
  let path = ''
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (qr.modules.get(x, y)) path += `M${x + margin} ${y + margin}h1v1h-1z`
  const total = size + 2 * margin
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" role="img" aria-label="${escape(label)}" shape-rendering="crispEdges"><rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
}

const link = (href: string | undefined, text: string) =>
  href ? `<a href="${escape(href)}">${escape(text)}</a>` : escape(text)

const list = (values: readonly string[] | undefined) =>
  values?.length ? `<ul>${values.map((v) => `<li>${escape(v)}</li>`).join('')}</ul>` : ''

export type FichePageInput = {
  lieu: Lieu
  now: Date
  share: LieuShare
  /** The demo's invented lieux: said at the top, loudly. */
  demo: boolean
}

/** The page of one lieu. */
export function fichePage({ lieu, now, share, demo }: FichePageInput): string {
  const week = weeklyTimetable(lieu.horaires, now)
  const wall = parisWallClock(now)
  const today = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`
  // The same rule as the API's `qualite` and the cards: old data, doubtful hours or too little to go on.
  const quality = lieuQuality(lieu, now)
  const phone = lieu.telephone ? formatPhone(lieu.telephone) : undefined
  const email = lieu.courriels?.[0]
  const site = webLink(lieu.site_web?.[0])
  const booking = webLink(lieu.prise_rdv)
  const accesLibre = webLink(lieu.fiche_acces_libre)
  const located = lieu.latitude !== undefined && lieu.longitude !== undefined
  const hours = week
    ? `<table class="semaine"><caption>Horaires de la semaine du ${escape(shortDate(week[0]?.date))} au ${escape(shortDate(week[6]?.date))}</caption><tbody>${week
        .map((day) => {
          const [name, ...rest] = day.text.split(' : ')
          return `<tr${day.today ? ' class="aujourdhui"' : ''}><th scope="row">${escape(name ?? '')}${day.today ? ' <span class="visually-hidden">(aujourd’hui)</span>' : ''}</th><td>${escape(rest.join(' : '))}</td></tr>`
        })
        .join('')}</tbody></table>`
    : '<p><strong>Horaires non indiqués : appelez avant de vous déplacer.</strong></p>'

  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(lieu.nom)} — fiche du lieu</title><link rel="stylesheet" href="/fiche.css"></head>
<body><main>
${demo ? '<p class="alerte" role="note"><strong>Données de démonstration : ce lieu est inventé. Ne vous y rendez pas.</strong></p>' : ''}
<h1>${escape(lieu.nom)}</h1>
<div class="colonnes">
<div>
<p class="adresse"><span class="etiquette">Adresse :</span> ${escape(addressLine(lieu))}</p>
<p><span class="etiquette">Téléphone :</span> ${phone ? link(phoneHref(lieu.telephone), phone) : 'non indiqué'}</p>
${email ? `<p><span class="etiquette">Courriel :</span> ${link(mailtoLink(email), email)}</p>` : ''}
${site ? `<p class="ecran"><span class="etiquette">Site :</span> ${link(site, site)}</p>` : ''}
<p class="ouverture ecran">${escape(describeOpeningStatus(lieu.horaires, now))}</p>
${hours}
</div>
<figure class="qr">${qrSvg(share.lien, `QR code : l’adresse de cette fiche, ${share.lien}`)}
<figcaption>Scannez pour ouvrir cette fiche.</figcaption></figure>
</div>
<h2>Pour y aller</h2>
${lieu.modalites_acces?.length ? `<p><span class="etiquette">Accès :</span> ${escape(lieu.modalites_acces.join(', '))}.</p>` : ''}
${booking ? `<p><span class="etiquette">Rendez-vous :</span> ${link(booking, booking)}</p>` : ''}
${located ? '<p class="papier">Pour l’itinéraire, scannez le QR code : il ouvre cette fiche et son lien « Itinéraire ».</p>' : ''}
${located ? `<p class="ecran">${link(directionsLink(lieu.latitude as number, lieu.longitude as number), 'Itinéraire')} · ${link(mapLink(lieu.latitude as number, lieu.longitude as number), 'Voir sur la carte')}</p>` : ''}
${accesLibre ? `<p class="ecran">${link(accesLibre, 'Accessibilité du lieu (Accès libre)')}</p>` : ''}
${lieu.prise_en_charge_specifique?.length ? `<p><span class="etiquette">Accueil adapté :</span> ${escape(lieu.prise_en_charge_specifique.join(', '))}.</p>` : ''}
<h2>${escape(whatToBring.title)}</h2>
${list(whatToBring.items)}
<p class="donnees">Fiche établie le ${escape(frenchDate(today))}. Informations du lieu mises à jour le ${escape(frenchDate(lieu.date_maj))}${quality.toCheck ? ` : <strong class="a-verifier">à vérifier</strong>${quality.reasons.length ? ` (${escape(quality.reasons.join(', '))})` : ''}. Appelez avant de vous déplacer.` : '.'}${lieu.source ? ` Source : ${escape(lieu.source)}.` : ''}</p>
<section class="partage ecran" aria-labelledby="partager">
<h2 id="partager">Envoyer ce lieu</h2>
<p>${link(share.mailto, 'Envoyer par e-mail')}${located ? ` · ${link(share.itineraire, 'Itinéraire')}` : ''}</p>
<h3>Texte à envoyer par SMS</h3>
<pre class="sms">${escape(share.sms)}</pre>
<p>Pour imprimer cette fiche : menu du navigateur, puis « Imprimer ».</p>
</section>
</main></body></html>`
}

/** The page's styles: large type, reflow from 320 px, and one A4 page in print. */
export const ficheStylesheet = `*{box-sizing:border-box}
body{font:1.25rem/1.5 system-ui,sans-serif;margin:0;color:#161616;background:#fff}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 .75rem}
h2{font-size:1.35rem;margin:1.25rem 0 .5rem}
h3{font-size:1.2rem;margin:1rem 0 .25rem}
p{margin:.25rem 0}
a{color:#000091;text-underline-offset:.15em}
a:focus-visible{outline:3px solid #000091;outline-offset:2px}
.etiquette{font-weight:700}
.ouverture{font-weight:700;margin-top:.5rem}
.colonnes{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.colonnes>div{flex:1 1 16rem;min-width:0}
.qr{margin:0;flex:0 0 9rem;text-align:center;font-size:1rem}
.qr svg{width:9rem;height:9rem;display:block}
table{border-collapse:collapse;margin:.5rem 0}
caption{text-align:left;font-weight:700}
th,td{text-align:left;vertical-align:top;padding:.1rem .75rem .1rem 0}
th{font-weight:400}
.aujourdhui th,.aujourdhui td{font-weight:700}
ul{margin:.25rem 0;padding-left:1.5rem}
.alerte{border:3px solid #b34000;padding:.5rem;color:#161616}
.a-verifier{color:#b34000}
.donnees{margin-top:1rem}
.partage{border-top:1px solid #929292;margin-top:1.5rem;padding-top:.5rem}
.sms{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;background:#f6f6f6;padding:.5rem;border:1px solid #929292}
.papier{display:none}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@page{size:A4;margin:12mm 14mm}
@media print{
body{font-size:14pt;line-height:1.3}
main{max-width:none;padding:0}
h1{font-size:20pt;margin-bottom:4pt}
h2{font-size:16pt;margin:8pt 0 2pt}
p{margin:2pt 0}
ul{margin:0}
a{color:#161616;text-decoration:none}
.ecran{display:none}
.papier{display:block}
.aujourdhui th,.aujourdhui td{font-weight:400}
.colonnes{flex-wrap:nowrap}
.qr{flex:0 0 40mm;font-size:14pt}
.qr svg{width:40mm;height:40mm}
table{margin:2pt 0}
th,td{padding:0 12pt 0 0}
.alerte{border-width:2pt}
}`

/** The page for an id that is not (or no longer) in the data: said plainly, with a way back to the search. */
export function missingFichePage(): string {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lieu introuvable</title><link rel="stylesheet" href="/fiche.css"></head>
<body><main>
<h1>Ce lieu n’est pas dans nos données</h1>
<p>Il a peut-être fermé, ou changé d’adresse. <a href="/">Cherchez un autre lieu près de chez vous</a>.</p>
</main></body></html>`
}
