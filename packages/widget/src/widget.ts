// The Aiguillage chat widget, for the browser. One <script> tag, no dependency, no request to anyone but the
// Aiguillage server it is configured with. Every text from the server or the data is set with textContent, never
// parsed as HTML; links are built only from http(s) addresses, e-mail addresses and phone digits.
import type { Choice, LieuResult, Message } from '@aiguillage/assistant'
import {
  directionsLink,
  emailText,
  lieuPageLink,
  mailtoLink,
  mapLink,
  phoneHref,
  shareMailto,
  smsText,
  webLink,
} from '@aiguillage/lieux/links'
import { readableColour } from './colour.js'
import { widgetCss } from './styles.js'

type Config = {
  api: string
  socketUrl: string
  title: string
  colour: string
  container: Element | null
  open: boolean
}
type Position = { latitude: number; longitude: number }
type Outgoing = { id: string; text: string; position?: Position }
type ServerFrame =
  | { type: 'ready'; token: string; resumed: boolean; missing?: string[]; demo?: boolean }
  | { type: 'reply'; replyTo?: string; messages: Message[]; jour?: string; demo?: boolean }
  | { type: 'error'; code: string; message: string; replyTo?: string }
  | { type: 'bye'; reason: string; message: string }

const welcome =
  'Bonjour ! Je vous aide à trouver un lieu près de chez vous pour être aidé avec le numérique : une démarche en ligne, apprendre à utiliser une tablette, imprimer un document… Dites-moi ce dont vous avez besoin et votre commune. N’écrivez jamais de mot de passe ni de numéro de sécurité sociale.'

/** Phones, and wide screens at 200 % zoom and more: the chat takes the whole screen. */
const smallScreen = '(max-width: 40em), (max-height: 32em)'
/** Short viewports: the message box on one row, so that the conversation keeps the height. */
const shortScreen = '(max-height: 32em)'
/** The text sizes of A− / A+ (the panel's font-size), remembered in localStorage. */
const textSizes = [87.5, 100, 112.5, 125, 150, 175]
const textSizeKey = 'aiguillage:taille-texte'
const weekdays = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']

function readConfig(script: HTMLScriptElement | null): Config {
  const data = script?.dataset ?? {}
  const base = data.api || (script?.src ? new URL(script.src, location.href).origin : location.origin)
  const api = new URL(base, location.href).origin
  const socket = new URL(data.socket || '/v1/discussion', api)
  socket.protocol = socket.protocol === 'https:' ? 'wss:' : 'ws:'
  // (No destructuring in this file: old Safari, still on many tablets, miscompiles it.)
  const readable = readableColour(data.color)
  if (readable.warning) console.warn(`Aiguillage : ${readable.warning}`)
  return {
    api,
    socketUrl: socket.href,
    title: data.title || 'Trouver de l’aide avec le numérique',
    colour: readable.colour,
    container: data.container ? document.querySelector(data.container) : null,
    open: data.open === 'true',
  }
}

type Child = Node | string | null | undefined | false
/** Builds an element; strings become text nodes (never HTML). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const name of Object.keys(attributes)) element.setAttribute(name, attributes[name] as string)
  for (const child of children) if (child) element.append(child)
  return element
}

const newWindow = () => el('span', { class: 'sr' }, ' (nouvelle fenêtre)')
const external = (href: string, ...children: Child[]) =>
  el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, ...children, newWindow())
const externalButton = (href: string, ...children: Child[]) =>
  el('a', { class: 'btn secondary', href, target: '_blank', rel: 'noopener noreferrer' }, ...children, newWindow())

function priceText(lieu: LieuResult): string {
  const fees = lieu.frais_a_charge ?? []
  if (fees.length === 0) return 'Tarif non indiqué'
  if (fees.length === 1 && fees[0] === 'Gratuit') return 'Gratuit'
  return fees.join(', ')
}

/** "01/08/2024" from "2024-08-01". */
const frenchDate = (iso: string) => iso.split('-').reverse().join('/')

/**
 * The hours to show on the card: those of the weekday the person asked about (« ouvert samedi ? »), else today's.
 * The lines are the engine's ("samedi : 9 h – 12 h"), Monday first.
 */
function hoursText(lieu: LieuResult, day: string | undefined): string {
  const asked = day ? lieu.horairesSemaine?.[weekdays.indexOf(day)] : undefined
  if (asked && asked !== lieu.horairesAujourdhui) return asked.replace(/^(\S)/, (first) => first.toUpperCase())
  if (lieu.horairesAujourdhui) return lieu.horairesAujourdhui.replace(/^(\S+) :/, 'Aujourd’hui ($1) :')
  return lieu.horairesAVerifier
    ? 'Horaires à vérifier : appelez avant de venir.'
    : 'Horaires non indiqués : appelez avant de venir.'
}

/**
 * Today's hours if the lieu is open or still to open today, else its next opening: the same line as the server's
 * share texts (`openingLine` of @aiguillage/lieux), read from what the engine said of the lieu.
 */
function openingLine(lieu: LieuResult): string | undefined {
  const today = lieu.horairesAujourdhui?.replace(/^\S+ : /, '')
  const next = /^Fermé\. Ouvre (.+)\.$/.exec(lieu.ouvertureTexte)?.[1]
  if (today && (lieu.ouvertMaintenant === true || next?.startsWith('à '))) return `Aujourd’hui : ${today}`
  return next ? `Prochaine ouverture : ${next}` : undefined
}

/**
 * « Partager ce lieu », folded: the text for an SMS (shown, and copied by a button), « Envoyer par e-mail », the page
 * to print, and the browser's own share where it has one. Everything is built here from the lieu's data.
 */
function shareBlock(lieu: LieuResult, api: string, titleId: string): HTMLDivElement {
  const place = `${lieu.code_postal} ${lieu.commune}`.trim()
  const page = lieuPageLink(api, lieu.id)
  const parts = {
    nom: lieu.nom,
    adresse: `${lieu.adresse}${lieu.complement_adresse ? `, ${lieu.complement_adresse}` : ''}, ${place}`,
    lien: page,
    itineraire: directionsLink(lieu.latitude, lieu.longitude),
    ...(lieu.telephoneAffichage ? { telephone: lieu.telephoneAffichage } : {}),
    ...(lieu.courriels?.[0] ? { courriel: lieu.courriels[0] } : {}),
    ...(openingLine(lieu) ? { ouverture: openingLine(lieu) as string } : {}),
    ...(lieu.horairesSemaine ? { semaine: lieu.horairesSemaine } : {}),
  }
  const sms = smsText(parts)
  const said = el('p', { class: 'said', role: 'status' })
  const copy = el('button', { type: 'button', class: 'secondary' }, 'Copier le texte pour un SMS')
  copy.addEventListener('click', () => {
    const done = () => (said.textContent = 'Texte copié. Collez-le dans un SMS.')
    const failed = () => (said.textContent = 'La copie n’a pas marché : sélectionnez le texte ci-dessus.')
    if (navigator.clipboard) navigator.clipboard.writeText(sms).then(done, failed)
    else failed()
  })
  const actions = el(
    'div',
    { class: 'share-actions' },
    copy,
    el('a', { class: 'btn secondary', href: shareMailto(emailText(parts)) }, 'Envoyer par e-mail'),
    externalButton(page, 'Fiche à imprimer'),
  )
  if (typeof navigator.share === 'function') {
    const share = el('button', { type: 'button', class: 'secondary' }, 'Partager…')
    share.addEventListener('click', () => {
      // Closing the share sheet rejects: nothing to say then.
      navigator.share({ title: lieu.nom, text: sms, url: page }).catch(() => undefined)
    })
    actions.append(share)
  }
  const id = `ag-partage-${++sharePanels}`
  const panel = el(
    'div',
    { id, class: 'share-panel', hidden: '' },
    el('p', {}, 'Texte pour un SMS :'),
    el('p', { class: 'sms' }, sms),
    actions,
    said,
  )
  // Named without the lieu's name (a button named « … Sainte-Marie (Gers) » would read like the commune's choice), and
  // described by the card's title.
  const toggle = el(
    'button',
    {
      type: 'button',
      class: 'share-toggle',
      'aria-expanded': 'false',
      'aria-controls': id,
      'aria-describedby': titleId,
    },
    'Partager ce lieu',
  )
  toggle.addEventListener('click', () => {
    const opening = panel.hidden
    panel.hidden = !opening
    toggle.setAttribute('aria-expanded', String(opening))
  })
  return el('div', { class: 'share' }, toggle, panel)
}

/** Numbers the cards and their share panels, for their ids (unique in the widget's shadow root). */
let sharePanels = 0

/** One lieu, to act on: where, open or not, the hours, then « Appeler » and « Itinéraire » first; the rest folded. */
function lieuCard(lieu: LieuResult, day: string | undefined, api = location.origin): HTMLLIElement {
  const titleId = `ag-lieu-${++sharePanels}`
  const place = `${lieu.code_postal} ${lieu.commune}`.trim()
  const phone = phoneHref(lieu.telephone)
  const email = lieu.courriels?.[0]
  const mailto = mailtoLink(email)
  const site = webLink(lieu.site_web?.[0])
  const booking = webLink(lieu.prise_rdv)
  // Judged by the server, on its clock (the browser's may be wrong).
  const stale = lieu.aVerifier
  const list = (title: string, items: readonly string[] | undefined) =>
    items?.length ? [el('h4', {}, title), el('ul', {}, ...items.map((item) => el('li', {}, item)))] : []
  return el(
    'li',
    { class: 'card' },
    el('h3', { id: titleId }, lieu.nom),
    // Why this lieu, in one sentence from its data (programme, price, walk-in).
    lieu.pourquoi && el('p', { class: 'why' }, lieu.pourquoi),
    el(
      'p',
      {},
      `${lieu.distanceTexte} · ${lieu.adresse}${lieu.complement_adresse ? `, ${lieu.complement_adresse}` : ''}, ${place}`,
    ),
    el(
      'p',
      { class: lieu.ouvertMaintenant === true ? 'open' : lieu.ouvertMaintenant === false ? 'closed' : '' },
      lieu.ouvertureTexte,
    ),
    el('p', {}, hoursText(lieu, day)),
    el('p', {}, priceText(lieu)),
    stale && el('p', { class: 'stale' }, `Informations du ${frenchDate(lieu.date_maj)} — à vérifier`),
    // Never empty: every lieu proposed has coordinates, so « Itinéraire » is always there.
    el(
      'div',
      { class: 'actions' },
      phone &&
        el(
          'a',
          { class: 'btn call', href: phone },
          `Appeler le ${lieu.telephoneAffichage ?? lieu.telephone}`,
          el('span', { class: 'sr' }, ` (${lieu.nom})`),
        ),
      externalButton(
        directionsLink(lieu.latitude, lieu.longitude),
        'Itinéraire',
        el('span', { class: 'sr' }, ` vers ${lieu.nom}`),
      ),
    ),
    email && el('p', {}, 'Courriel : ', mailto ? el('a', { href: mailto }, email) : email),
    el(
      'details',
      {},
      el('summary', {}, 'Voir la fiche', el('span', { class: 'sr' }, ` de ${lieu.nom}`)),
      lieu.presentation_resume && el('p', {}, lieu.presentation_resume),
      ...list('Horaires de la semaine', lieu.horairesSemaine),
      !lieu.horairesSemaine && el('p', {}, hoursText(lieu, undefined)),
      ...list('Services', lieu.services),
      ...list('Accompagnement', lieu.modalites_accompagnement),
      ...list('Publics accueillis en particulier', lieu.publics_specifiquement_adresses),
      ...list('Accueil adapté (handicaps, langues, lecture)', lieu.prise_en_charge_specifique),
      ...list('Comment y accéder', lieu.modalites_acces),
      el('h4', {}, 'Y aller'),
      el('p', {}, `${lieu.adresse}, ${place}`),
      el('p', {}, external(mapLink(lieu.latitude, lieu.longitude), 'Voir le plan sur OpenStreetMap')),
      booking && el('p', {}, external(booking, 'Prendre rendez-vous en ligne')),
      site && el('p', {}, external(site, 'Site internet du lieu')),
      el('p', {}, `Informations mises à jour le ${frenchDate(lieu.date_maj)}.`),
    ),
    shareBlock(lieu, api, titleId),
  )
}

/**
 * The connection: a websocket with a resume token kept for the tab (sessionStorage), reconnected with a growing
 * delay; POST /v1/chat when websockets cannot get through. Messages typed while offline wait in `outbox`.
 */
class Transport {
  private socket: WebSocket | undefined
  private ready = false
  private attempts = 0
  private everOpened = false
  private http = false
  /** The server said goodbye for good (idle, taken over by another tab): reconnect only when the person writes. */
  private paused = false
  private conversationId: string | undefined
  private retry: ReturnType<typeof setTimeout> | undefined
  private readonly outbox: Outgoing[] = []
  /** Sent on the socket, not answered yet: named in `hello` after a reconnection. */
  private readonly inflight = new Map<string, Outgoing>()
  private readonly tokenKey: string

  constructor(
    private readonly config: Config,
    private readonly on: { frame: (frame: ServerFrame) => void; status: (text: string) => void },
  ) {
    this.tokenKey = `aiguillage:${config.api}`
    addEventListener('online', () => this.reconnectNow())
    addEventListener('offline', () =>
      this.on.status('Vous êtes hors ligne. Vos messages partiront au retour de la connexion.'),
    )
  }

  private get token(): string | undefined {
    try {
      return sessionStorage.getItem(this.tokenKey) ?? undefined
    } catch {
      return undefined
    }
  }

  private set token(value: string | undefined) {
    try {
      if (value) sessionStorage.setItem(this.tokenKey, value)
    } catch {
      // Storage refused (private browsing): the conversation just will not survive a reload.
    }
  }

  start(): void {
    if (this.http || this.socket) return
    let socket: WebSocket
    try {
      socket = new WebSocket(this.config.socketUrl)
    } catch {
      this.useHttp()
      return
    }
    this.socket = socket
    socket.onopen = () => {
      this.everOpened = true
      this.attempts = 0
      const waiting = [...this.inflight.keys()]
      socket.send(
        JSON.stringify({
          type: 'hello',
          ...(this.token ? { token: this.token } : {}),
          ...(waiting.length ? { waiting } : {}),
        }),
      )
    }
    socket.onmessage = (event) => {
      let frame: ServerFrame
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame
      } catch {
        return
      }
      if (frame.type === 'ready') {
        this.token = frame.token
        this.ready = true
        this.on.status('')
        // Messages the server never got (or all of them, in a new conversation) are sent again, in order.
        const again = [...this.inflight.values()].filter((m) => !frame.resumed || frame.missing?.includes(m.id))
        for (const m of again) this.inflight.delete(m.id)
        this.outbox.unshift(...again)
        this.flush()
      }
      if ((frame.type === 'reply' || frame.type === 'error') && frame.replyTo) this.inflight.delete(frame.replyTo)
      // Two tabs with the same conversation would take it from each other forever: the one let go waits.
      if (frame.type === 'bye' && frame.reason !== 'closing') this.paused = true
      this.on.frame(frame)
    }
    socket.onclose = () => {
      this.socket = undefined
      this.ready = false
      if (this.paused) return
      // Never reached the server twice in a row: websockets are probably blocked on this network.
      if (!this.everOpened && ++this.attempts >= 2) return this.useHttp()
      this.attempts++
      this.on.status(
        navigator.onLine === false
          ? 'Vous êtes hors ligne. Vos messages partiront au retour de la connexion.'
          : 'Connexion perdue. Nouvelle tentative dans un instant…',
      )
      clearTimeout(this.retry)
      this.retry = setTimeout(() => this.start(), Math.min(15_000, 500 * 2 ** Math.min(this.attempts, 5)))
    }
  }

  private reconnectNow(): void {
    clearTimeout(this.retry)
    if (this.paused) return
    if (this.http) this.flush()
    else this.start()
  }

  private useHttp(): void {
    this.http = true
    this.on.status('')
    this.flush()
  }

  send(message: Outgoing): void {
    this.paused = false
    this.outbox.push(message)
    if (this.http || this.ready) this.flush()
    else this.start()
  }

  private flush(): void {
    while (this.outbox.length) {
      const message = this.outbox[0] as Outgoing
      if (this.http) {
        this.outbox.shift()
        void this.post(message)
        continue
      }
      if (!this.ready || !this.socket) return
      this.outbox.shift()
      this.inflight.set(message.id, message)
      this.socket.send(JSON.stringify({ type: 'message', ...message }))
    }
  }

  private async post(message: Outgoing): Promise<void> {
    try {
      const response = await fetch(`${this.config.api}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          text: message.text,
          ...(this.conversationId ? { conversationId: this.conversationId } : {}),
          ...(message.position ? { position: message.position } : {}),
        }),
      })
      const body = (await response.json()) as {
        detail?: string
        conversationId?: string
        messages: Message[]
        understanding?: { constraints?: { ouvert_jour?: string } }
        donnees?: { demo?: boolean }
      }
      if (!response.ok)
        return this.on.frame({
          type: 'error',
          code: 'invalid',
          message: body.detail ?? 'Message refusé.',
          replyTo: message.id,
        })
      this.conversationId = body.conversationId
      this.on.status('')
      const jour = body.understanding?.constraints?.ouvert_jour
      this.on.frame({
        type: 'reply',
        replyTo: message.id,
        messages: body.messages,
        demo: body.donnees?.demo === true,
        ...(typeof jour === 'string' ? { jour } : {}),
      })
    } catch {
      this.outbox.unshift(message)
      this.on.status('Connexion impossible. Votre message partira au retour de la connexion.')
      clearTimeout(this.retry)
      this.retry = setTimeout(() => this.flush(), 5_000)
    }
  }
}

/** The chat itself: header, conversation, message box. Where it sits (in the page, a panel, the whole screen) is the shell's. */
class Widget {
  readonly panel: HTMLElement
  private readonly log: HTMLDivElement
  private readonly status: HTMLParagraphElement
  private readonly demo: HTMLParagraphElement
  private readonly input: HTMLTextAreaElement
  private readonly consent: HTMLDivElement
  private readonly closeButton: HTMLButtonElement
  private readonly smaller: HTMLButtonElement
  private readonly larger: HTMLButtonElement
  private readonly transport: Transport
  private nextId = 0
  private readonly page = Math.random().toString(36).slice(2, 10)
  private readonly waiting = new Map<string, HTMLElement>()
  /** The weekday the person asked about, if any: the cards show its hours. */
  private day: string | undefined
  private textSize = textSizes.indexOf(100)
  /** Set by the shell while the panel is a dialog: Échap and « Fermer » call it; Tab stays inside when modal. */
  private close: (() => void) | undefined
  private modal = false

  constructor(private readonly config: Config) {
    this.status = el('p', { class: 'status', role: 'status' })
    this.demo = el('p', { class: 'demo', hidden: '' }, 'Démonstration : ces lieux sont inventés. Ne vous y rendez pas.')
    this.log = el('div', {
      class: 'log',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': 'Conversation',
      tabindex: '0',
    })
    this.input = el('textarea', {
      id: 'ag-input',
      name: 'message',
      rows: '1',
      maxlength: '1000',
      autocomplete: 'off',
      placeholder: 'Ex. : tablette, Guéret',
      'aria-describedby': 'ag-hint',
    })
    const locate = el(
      'button',
      { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': 'ag-consent' },
      'Me localiser',
    )
    this.smaller = el(
      'button',
      { type: 'button', class: 'secondary' },
      'A−',
      el('span', { class: 'sr' }, ' : texte plus petit'),
    )
    this.larger = el(
      'button',
      { type: 'button', class: 'secondary' },
      'A+',
      el('span', { class: 'sr' }, ' : texte plus grand'),
    )
    this.consent = el(
      'div',
      { class: 'consent', id: 'ag-consent', role: 'group', 'aria-labelledby': 'ag-consent-text', hidden: '' },
      el(
        'p',
        { id: 'ag-consent-text' },
        'Pour trouver les lieux près de vous, votre navigateur va demander votre position. Elle sert seulement à cette recherche.',
      ),
      el(
        'div',
        {},
        el('button', { type: 'button', 'data-consent': 'yes' }, 'Oui, utiliser ma position'),
        el('button', { type: 'button', class: 'secondary', 'data-consent': 'no' }, 'Non merci'),
      ),
    )
    const form = el(
      'form',
      {},
      el('label', { for: 'ag-input' }, 'Votre message'),
      el('div', { class: 'send' }, this.input, el('button', { type: 'submit' }, 'Envoyer')),
      el(
        'p',
        { id: 'ag-hint', class: 'hint' },
        'Écrivez votre besoin et votre commune. N’écrivez jamais de mot de passe ni de numéro de sécurité sociale.',
      ),
      el('div', { class: 'tools' }, locate, this.smaller, this.larger),
    )
    this.closeButton = el('button', { type: 'button', hidden: '' }, 'Fermer')
    this.panel = el(
      'section',
      { class: 'panel', 'aria-labelledby': 'ag-title', lang: 'fr' },
      el('header', {}, el('h2', { id: 'ag-title' }, config.title), this.closeButton),
      this.demo,
      this.status,
      this.log,
      this.consent,
      form,
    )
    this.closeButton.addEventListener('click', () => this.close?.())
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.close) {
        event.preventDefault()
        this.close()
      } else if (event.key === 'Tab' && this.modal) this.trapTab(event)
    })
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      this.submit()
    })
    this.input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter goes to the line (as in every chat).
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault()
        this.submit()
      }
    })
    // The box grows with what is written, up to its max-height (then it scrolls).
    this.input.addEventListener('input', () => this.fitInput())
    locate.addEventListener('click', () => {
      const show = this.consent.hidden
      this.consent.hidden = !show
      locate.setAttribute('aria-expanded', String(show))
      if (show) (this.consent.querySelector('[data-consent="yes"]') as HTMLButtonElement).focus()
    })
    this.consent.addEventListener('click', (event) => {
      const answer = (event.target as HTMLElement).closest('button')?.dataset.consent
      if (!answer) return
      this.consent.hidden = true
      locate.setAttribute('aria-expanded', 'false')
      if (answer === 'yes') this.locate()
      locate.focus()
    })
    this.smaller.addEventListener('click', () => this.setTextSize(this.textSize - 1, true))
    this.larger.addEventListener('click', () => this.setTextSize(this.textSize + 1, true))
    let saved: number | undefined
    try {
      saved = textSizes.indexOf(Number(localStorage.getItem(textSizeKey)))
    } catch {
      // Storage refused (private browsing): the default size.
    }
    this.setTextSize(saved !== undefined && saved >= 0 ? saved : this.textSize, false)
    this.add(el('div', { class: 'msg bot' }, welcome))
    this.transport = new Transport(config, {
      frame: (frame) => this.receive(frame),
      status: (text) => (this.status.textContent = text),
    })
  }

  start(): void {
    this.transport.start()
  }

  focus(): void {
    this.input.focus()
  }

  /** The shell says how the panel is shown: in the page, a panel that can be closed, or a modal dialog. */
  setDialog(close: (() => void) | undefined, modal: boolean): void {
    this.close = close
    this.modal = modal
    this.closeButton.hidden = !close
    if (close) this.panel.setAttribute('role', 'dialog')
    else this.panel.removeAttribute('role')
    if (modal) this.panel.setAttribute('aria-modal', 'true')
    else this.panel.removeAttribute('aria-modal')
  }

  private setTextSize(index: number, save: boolean): void {
    this.textSize = Math.max(0, Math.min(textSizes.length - 1, index))
    const size = textSizes[this.textSize] as number
    this.panel.style.fontSize = `${size}%`
    this.smaller.disabled = this.textSize === 0
    this.larger.disabled = this.textSize === textSizes.length - 1
    if (save) {
      try {
        localStorage.setItem(textSizeKey, String(size))
      } catch {
        // Not remembered, still applied.
      }
      this.status.textContent = `Taille du texte : ${size} %`
    }
    this.fitInput()
  }

  private fitInput(): void {
    this.input.style.height = ''
    // (An empty box keeps its one row, even when the placeholder would wrap.)
    if (!this.input.value) return
    if (this.input.scrollHeight > this.input.clientHeight) this.input.style.height = `${this.input.scrollHeight + 2}px`
  }

  /** Tab and Maj+Tab go round the dialog's controls, never to the inert page behind. */
  private trapTab(event: KeyboardEvent): void {
    const focusable = Array.prototype.filter.call(
      this.panel.querySelectorAll('button, a[href], textarea, summary, [tabindex="0"]'),
      (node: HTMLElement) => !(node as HTMLButtonElement).disabled && node.getClientRects().length > 0,
    ) as HTMLElement[]
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    const active = (this.panel.getRootNode() as ShadowRoot).activeElement
    if (!first || !last) return
    if (event.shiftKey && (active === first || !this.panel.contains(active))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && active === last) {
      event.preventDefault()
      first.focus()
    }
  }

  /** Appends to the conversation. The log scrolls (never the host page) to show the start of what was added. */
  private add(node: HTMLElement, scroll = true): void {
    this.log.append(node)
    if (scroll) this.reveal(node)
  }

  private reveal(node: HTMLElement): void {
    this.log.scrollTop = Math.max(0, node.offsetTop - 8)
  }

  private submit(): void {
    const text = this.input.value.trim()
    if (!text) {
      this.status.textContent = 'Écrivez votre message avant d’envoyer.'
      this.input.focus()
      return
    }
    this.input.value = ''
    this.fitInput()
    this.say(text, text)
    this.input.focus()
  }

  /** Shows the person's words and sends `text` (a choice's value can differ from its label). */
  private say(shown: string, text: string, position?: Position): void {
    // Unique across tabs too: a duplicated tab shares the conversation, and the server answers an id only once.
    const id = `${this.page}-${++this.nextId}`
    const bubble = el('div', { class: 'msg me' }, el('span', { class: 'sr' }, 'Vous : '), shown)
    this.add(bubble)
    const pending = el('p', { class: 'msg waiting', 'aria-hidden': 'true' }, 'Aiguillage cherche…')
    this.add(pending)
    this.waiting.set(id, pending)
    this.transport.send({ id, text, ...(position ? { position } : {}) })
  }

  private locate(): void {
    if (!navigator.geolocation) {
      this.add(
        el(
          'div',
          { class: 'msg bot' },
          'Votre appareil ne peut pas donner votre position. Écrivez le nom de votre commune.',
        ),
      )
      return
    }
    this.status.textContent = 'Recherche de votre position…'
    navigator.geolocation.getCurrentPosition(
      (found) => {
        this.status.textContent = ''
        // About 100 m: enough to find the nearest lieux, no more precise than needed.
        const round = (value: number) => Math.round(value * 1000) / 1000
        this.say('Ma position', 'près de ma position', {
          latitude: round(found.coords.latitude),
          longitude: round(found.coords.longitude),
        })
      },
      () => {
        this.status.textContent = ''
        this.add(
          el('div', { class: 'msg bot' }, 'Je n’ai pas pu obtenir votre position. Écrivez le nom de votre commune.'),
        )
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    )
  }

  private settle(replyTo: string | undefined): void {
    const pending = replyTo ? this.waiting.get(replyTo) : undefined
    pending?.remove()
    if (replyTo) this.waiting.delete(replyTo)
  }

  private receive(frame: ServerFrame): void {
    if ((frame.type === 'ready' || frame.type === 'reply') && frame.demo !== undefined) this.demo.hidden = !frame.demo
    if (frame.type === 'reply') {
      this.settle(frame.replyTo)
      this.day = frame.jour
      const first = this.log.childElementCount
      for (const message of frame.messages) this.render(message)
      // Each answer is shown from its own start (not from the bottom): the first lieu's name and its button.
      const start = this.log.children[first] as HTMLElement | undefined
      if (start) this.reveal(start)
    } else if (frame.type === 'error') {
      this.settle(frame.replyTo)
      this.add(el('div', { class: 'msg error', role: 'alert' }, frame.message))
    } else if (frame.type === 'bye' && frame.reason !== 'closing') {
      this.add(el('div', { class: 'msg bot' }, frame.message))
    } else if (frame.type === 'ready' && !frame.resumed && this.nextId > 0 && this.waiting.size === 0) {
      this.add(
        el(
          'div',
          { class: 'msg bot' },
          'La conversation précédente a expiré. Redites-moi votre besoin et votre commune.',
        ),
      )
    }
  }

  private render(message: Message): void {
    if (message.type === 'text') {
      this.add(el('div', { class: 'msg bot' }, el('span', { class: 'sr' }, 'Aiguillage : '), message.text), false)
    } else if (message.type === 'lieux') {
      if (message.lieux.length === 0) return
      const label = message.lieux.length === 1 ? '1 lieu proposé' : `${message.lieux.length} lieux proposés`
      this.add(
        el(
          'ul',
          { class: 'cards', 'aria-label': label },
          ...message.lieux.map((l) => lieuCard(l, this.day, this.config.api)),
        ),
        false,
      )
    } else {
      this.renderChoices(message.question, message.choices)
    }
  }

  private renderChoices(question: string, choices: Choice[]): void {
    const group = el('div', { class: 'msg bot', role: 'group', 'aria-label': question }, el('p', {}, question))
    const buttons = el('div', { class: 'choices' })
    for (const choice of choices) {
      const button = el('button', { type: 'button', class: 'secondary' }, choice.label)
      button.addEventListener('click', () => {
        for (const b of buttons.querySelectorAll('button')) b.disabled = true
        button.setAttribute('aria-pressed', 'true')
        this.say(choice.label, choice.value)
        this.input.focus()
      })
      buttons.append(button)
    }
    group.append(buttons)
    this.add(group, false)
  }
}

/** `matchMedia(…).addEventListener`, or `addListener` on Safari before 14. */
function onMediaChange(query: MediaQueryList, listener: () => void): void {
  if ('addEventListener' in query) query.addEventListener('change', listener)
  else (query as { addListener: (listener: () => void) => void }).addListener(listener)
}

/**
 * The page behind a modal dialog: every sibling of the widget's ancestors is made inert (and hidden from screen
 * readers, for browsers without `inert`); `restore` undoes exactly what was done.
 */
function makePageInert(host: Element): () => void {
  const changed: Element[] = []
  for (let node: Element | null = host; node && node !== document.documentElement; node = node.parentElement) {
    const parent: Element | null = node.parentElement
    if (!parent) break
    for (const sibling of Array.prototype.slice.call(parent.children) as Element[]) {
      if (sibling === node || sibling.hasAttribute('inert') || /^(SCRIPT|STYLE|LINK)$/.test(sibling.tagName)) continue
      sibling.setAttribute('inert', '')
      sibling.setAttribute('aria-hidden', 'true')
      changed.push(sibling)
    }
  }
  const root = document.documentElement
  const overflow = root.style.overflow
  root.style.overflow = 'hidden'
  return () => {
    for (const sibling of changed) {
      sibling.removeAttribute('inert')
      sibling.removeAttribute('aria-hidden')
    }
    root.style.overflow = overflow
  }
}

function mount(): void {
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="widget.js"]')
  const config = readConfig(script)
  const host = el('div', { 'data-aiguillage': '' })
  host.style.setProperty('--c', config.colour)
  const shadow = host.attachShadow({ mode: 'open' })
  // A constructed sheet passes a host page's strict CSP (style-src); Safari before 16.4 gets a <style> element.
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(widgetCss)
    shadow.adoptedStyleSheets = [sheet]
  } else shadow.append(el('style', {}, widgetCss))
  const root = el('div')
  shadow.append(root)
  const small = matchMedia(smallScreen)
  const short = matchMedia(shortScreen)
  const container = config.container
  // The way in: in the page, on a small screen, a short text and a button; floating, a button at the bottom right.
  const entry = container
    ? el('button', { type: 'button', 'aria-haspopup': 'dialog' }, 'Commencer la discussion')
    : el(
        'button',
        { type: 'button', class: 'launcher', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
        config.title,
      )
  const intro = el(
    'div',
    { class: 'intro' },
    el('p', { class: 'title' }, config.title),
    el('p', {}, 'Dites votre besoin et votre commune : je vous indique où trouver de l’aide près de chez vous.'),
    entry,
  )
  const inlineBox = el('div', { class: 'inline' })
  const layer = el('div')
  let widget: Widget | undefined
  let opened = false
  let shownInline = false
  let restorePage: (() => void) | undefined
  const ensureWidget = () => {
    if (!widget) {
      widget = new Widget(config)
      widget.start()
    }
    return widget
  }
  // The modal follows the visual viewport: the message box stays above the on-screen keyboard.
  const viewport = window.visualViewport
  const fitViewport = () => {
    if (!viewport || !restorePage) return
    layer.style.top = `${viewport.offsetTop}px`
    layer.style.height = `${viewport.height}px`
  }
  viewport?.addEventListener('resize', fitViewport)
  viewport?.addEventListener('scroll', fitViewport)

  const layout = () => {
    const hadFocus = widget ? widget.panel.contains(shadow.activeElement) : false
    root.className = short.matches ? 'root short' : 'root'
    // Zoomed in (or the window narrowed) while writing in the page's panel: the chat goes on full screen.
    if (container && small.matches && hadFocus && shownInline) opened = true
    const inline = !!container && !small.matches
    shownInline = inline
    const modal = opened && small.matches
    if (modal && !restorePage) restorePage = makePageInert(host)
    if (!modal && restorePage) {
      restorePage()
      restorePage = undefined
      layer.style.top = layer.style.height = ''
    }
    if (inline) {
      const w = ensureWidget()
      w.setDialog(undefined, false)
      inlineBox.replaceChildren(w.panel)
      root.replaceChildren(inlineBox)
    } else if (opened) {
      const w = ensureWidget()
      w.setDialog(close, modal)
      layer.className = modal ? 'modal' : 'floating'
      layer.replaceChildren(w.panel)
      // (The way in stays in the page only under a panel, not under the modal, where it could take the focus.)
      root.replaceChildren(...(container && !modal ? [intro, layer] : [layer]))
      fitViewport()
    } else root.replaceChildren(container ? intro : entry)
    entry.setAttribute('aria-expanded', String(opened && !inline))
    if (hadFocus) widget?.focus()
  }
  function close(): void {
    opened = false
    layout()
    entry.focus()
  }
  const open = () => {
    opened = true
    layout()
    widget?.focus()
  }
  entry.addEventListener('click', open)
  onMediaChange(small, layout)
  onMediaChange(short, layout)
  if (container) container.append(host)
  else document.body.append(host)
  // Floating: the chat (and its connection) starts on first opening; in the page, when it is shown.
  if (config.open && !container) open()
  else layout()
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount)
else mount()
