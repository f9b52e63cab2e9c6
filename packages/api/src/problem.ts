import type { Context } from 'hono'
import type { z } from '@hono/zod-openapi'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ProblemIssueSchema, ProblemSchema } from './contract.js'

/** One offending parameter: its path, a stable code, a French message. */
export type ProblemIssue = z.input<typeof ProblemIssueSchema>

/** RFC 9457 problem details, with the offending parameters in `issues` (the contract's Probleme). */
export type Problem = z.input<typeof ProblemSchema>

const titles: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Non autorisé',
  403: 'Interdit',
  404: 'Introuvable',
  405: 'Méthode non permise',
  408: 'Délai dépassé',
  413: 'Requête trop grande',
  414: 'Adresse trop longue',
  415: 'Type de contenu non pris en charge',
  431: 'En-têtes trop grands',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
}

/** Stable problem types (URNs: they name the kind of problem, they are not links). */
export const ProblemType = {
  InvalidParameter: 'urn:aiguillage:probleme:parametre-invalide',
  AmbiguousCommune: 'urn:aiguillage:probleme:commune-ambigue',
  UnknownCommune: 'urn:aiguillage:probleme:commune-inconnue',
  NotFound: 'urn:aiguillage:probleme:introuvable',
  MethodNotAllowed: 'urn:aiguillage:probleme:methode-non-permise',
  TooLarge: 'urn:aiguillage:probleme:trop-grand',
  UrlTooLong: 'urn:aiguillage:probleme:adresse-trop-longue',
  RateLimited: 'urn:aiguillage:probleme:trop-de-requetes',
  Internal: 'urn:aiguillage:probleme:erreur-interne',
  Unauthorized: 'urn:aiguillage:probleme:non-autorise',
  Forbidden: 'urn:aiguillage:probleme:interdit',
  Unavailable: 'urn:aiguillage:probleme:indisponible',
} as const

export function problem(status: number, type: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type, title: titles[status] ?? 'Erreur', status, detail, ...extra }
}

/** A problem's JSON text, its `instance` the path asked for unless it names one. */
export function problemText(body: Problem, path: string): string {
  return JSON.stringify({ ...body, instance: body.instance ?? path } satisfies Problem)
}

const problemContentType = 'application/problem+json; charset=utf-8'

/** Sends a problem as `application/problem+json`. */
export function sendProblem(c: Context, body: Problem, headers: Record<string, string> = {}): Response {
  return c.body(problemText(body, new URL(c.req.url).pathname), body.status as ContentfulStatusCode, {
    'content-type': problemContentType,
    ...headers,
  })
}

/** A problem as an answer of its own, outside any route (the requests refused before the router). */
export function problemResponse(url: string, body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(problemText(body, new URL(url).pathname), {
    status: body.status,
    headers: { 'content-type': problemContentType, ...headers },
  })
}
