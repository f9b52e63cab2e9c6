import { LIST_SEPARATOR } from './fields.js'
import type { Lieu } from './lieu-schema.js'
import { officialChecker, type OfficialHeaderIssue, type OfficialIssue } from './table-schema.js'
import { excerpt } from './text.js'
import { TrainingLabel } from './vocabularies.js'

/*
 * How Aiguillage's lenient reading departs from the official schema, said to the producer: what was read, why the
 * official tools refuse it, and the exact text to write instead.
 */

/**
 * Where the official schema v1.0.2 spells a value differently from its own description and from the ANCT library:
 * the pattern of `formations_labels` has no space before the parenthesis. To pass the official tools, write it so.
 */
const schemaSpellings: Readonly<Record<string, string>> = {
  [TrainingLabel.EtapesNumeriques]: 'Étapes numériques(La Poste)',
}

/** Why a written value differs from the official form, in plain French (several reasons can add up). */
export function deviationReasons(written: string): string[] {
  const reasons: string[] = []
  if (written !== written.trim()) reasons.push('une espace au début ou à la fin')
  if (/\s\||\|\s/.test(written)) reasons.push('des espaces autour de « | »')
  if (/^\s*\||\|\s*$|\|\s*\|/.test(written)) reasons.push('un « | » en trop')
  if (/[’‘ʼ`´]/.test(written)) reasons.push("une apostrophe courbe (’) au lieu de l’apostrophe droite (')")
  if (/[\u00a0\u202f\u2007]/.test(written)) reasons.push('une espace insécable')
  if (/\s{2,}/.test(written.trim())) reasons.push('deux espaces de suite')
  return reasons
}

/** The lieu's value of a field, written as the official schema wants it (or undefined when it has none). */
export function officialForm(field: string, lieu: Lieu): string | undefined {
  const value = (lieu as Record<string, string | number | readonly string[] | undefined>)[field]
  if (value === undefined) return undefined
  const items = typeof value === 'string' || typeof value === 'number' ? [String(value)] : [...value]
  return items.map((item) => schemaSpellings[item] ?? item).join(LIST_SEPARATOR)
}

const shown = (value: string) => `« ${excerpt(value, 120)} »`

/** The warning for a row that Aiguillage accepts and the official schema refuses. */
export function officialDeviation(issue: OfficialIssue, lieu: Lieu): string {
  const fix = officialForm(issue.field, lieu)
  const reasons = deviationReasons(issue.value)
  if (/Étapes numériques\s+\(La Poste\)/.test(issue.value))
    reasons.push('le schéma officiel écrit « Étapes numériques(La Poste) » sans espace avant la parenthèse')
  if (
    issue.code === 'type' &&
    /^-?\d/.test(issue.value) &&
    typeof (lieu as Record<string, unknown>)[issue.field] === 'string'
  )
    reasons.push('un nombre JSON là où le schéma attend un texte : mettez-le entre guillemets')
  const why = reasons.length > 0 ? ` (${reasons.join(', ')})` : ''
  // The fix is given whole: it is what the producer copies into the cell.
  const fixText = fix === undefined ? 'Laissez la cellule vide.' : `Écrivez « ${fix} ».`
  return `${issue.field} : ${shown(issue.value)} est lu par Aiguillage mais refusé par le schéma officiel${why}. ${fixText}`
}

/** The warning for a header label the official tools refuse (Aiguillage reads the column anyway when it can). */
export function officialHeaderDeviation(issue: OfficialHeaderIssue): string {
  const column = `colonne ${issue.position + 1}`
  switch (issue.code) {
    case 'incorrect_label':
      return `En-tête, ${column} : « ${excerpt(issue.label)} » au lieu de « ${issue.expected} » : le schéma officiel refuse le fichier. Écrivez « ${issue.expected} ».`
    case 'missing_label':
      return `En-tête : la colonne « ${issue.expected} » manque : le schéma officiel demande ses ${officialChecker.fieldNames.length} colonnes, dans l’ordre, même vides.`
    case 'extra_label':
      return `En-tête, ${column} : « ${excerpt(issue.label)} » n’est pas une colonne du schéma officiel, qui refuse le fichier. Retirez-la.`
    case 'wrong_order':
      return `En-tête : les colonnes ne sont pas dans l’ordre du schéma officiel, qui refuse le fichier. Écrivez-les dans cet ordre : ${issue.expected}.`
  }
}
