import type { Message, Point, Understanding } from '@aiguillage/assistant'

/**
 * The web chat's frames: JSON text, one object per frame. The client never names a conversation or a user: the
 * server binds the socket to a session it issued, and only a resume token it signed brings a session back.
 *
 * client → server: `hello` (first, once), then `message`s.
 * On a new socket, `hello` brings the resume token and the ids of the messages still without an answer
 * (`waiting`): the server sends again the answers the lost socket missed, and lists in `ready.missing` the
 * messages it never received, for the client to send again.
 * server → client: `ready`, `reply`, `error`, `bye`.
 */
export type ClientFrame =
  | { type: 'hello'; token?: string; waiting?: string[] }
  | { type: 'message'; id?: string; text: string; position?: Point }

export type ServerFrame =
  | {
      type: 'ready'
      token: string
      resumed: boolean
      expiresInSeconds: number
      missing?: string[]
      /** The server runs on the demo dataset (invented lieux): the widget says so on screen. */
      demo: boolean
    }
  | {
      type: 'reply'
      replyTo?: string
      messages: Message[]
      awaiting?: Understanding['awaiting']
      /** The weekday the person asked about (`Mo`…`Su`, « ouvert samedi ? »): the cards show that day's hours. */
      jour?: string
    }
  | { type: 'error'; code: ErrorCode; message: string; field?: string; replyTo?: string }
  | { type: 'bye'; reason: 'idle' | 'replaced' | 'closing' | 'too_many_errors' | 'busy'; message: string }

export type ErrorCode = 'malformed' | 'invalid' | 'not_ready' | 'rate_limited' | 'internal' | 'unavailable'

/** The contract's limit on a message's text. */
export const maxTextLength = 1000

export type ParseResult =
  | { ok: true; frame: ClientFrame }
  | { ok: false; code: 'malformed' | 'invalid'; message: string; field?: string; replyTo?: string }

const invalid = (message: string, field: string, replyTo?: string): ParseResult => ({
  ok: false,
  code: 'invalid',
  message,
  field,
  ...(replyTo ? { replyTo } : {}),
})

/** Reads one frame from the client. Anything unexpected is an error that names the field, in French. */
export function parseClientFrame(data: string): ParseResult {
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return { ok: false, code: 'malformed', message: 'Message illisible : le message doit être un objet JSON.' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, code: 'malformed', message: 'Message illisible : le message doit être un objet JSON.' }
  const frame = value as Record<string, unknown>
  if (frame.type === 'hello') {
    if (frame.token !== undefined && typeof frame.token !== 'string')
      return invalid('« token » doit être du texte.', 'token')
    const waiting = frame.waiting
    if (
      waiting !== undefined &&
      (!Array.isArray(waiting) ||
        waiting.length > 20 ||
        !waiting.every((id) => typeof id === 'string' && id.length <= 64))
    )
      return invalid('« waiting » doit être une liste de 20 identifiants au plus.', 'waiting')
    return {
      ok: true,
      frame: {
        type: 'hello',
        ...(typeof frame.token === 'string' ? { token: frame.token } : {}),
        ...(waiting ? { waiting: waiting as string[] } : {}),
      },
    }
  }
  if (frame.type === 'message') {
    const id = typeof frame.id === 'string' && frame.id.length <= 64 ? frame.id : undefined
    if (frame.id !== undefined && id === undefined)
      return invalid('« id » doit être un texte de 64 caractères au plus.', 'id')
    if (typeof frame.text !== 'string') return invalid('« text » manque : écrivez votre message.', 'text', id)
    const text = frame.text.trim()
    if (text.length === 0) return invalid('Le message est vide : écrivez votre question.', 'text', id)
    if (text.length > maxTextLength)
      return invalid(`Le message est trop long : ${maxTextLength} caractères au plus.`, 'text', id)
    let position: Point | undefined
    if (frame.position !== undefined) {
      const p = frame.position as Record<string, unknown> | null
      const lat = p?.latitude
      const lon = p?.longitude
      if (typeof lat !== 'number' || typeof lon !== 'number' || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180))
        return invalid('« position » doit avoir une latitude (-90 à 90) et une longitude (-180 à 180).', 'position', id)
      position = { latitude: lat, longitude: lon }
    }
    return { ok: true, frame: { type: 'message', text, ...(id ? { id } : {}), ...(position ? { position } : {}) } }
  }
  return invalid('« type » doit valoir « hello » ou « message ».', 'type')
}
