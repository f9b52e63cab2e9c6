import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  type LieuMerge,
  type LieuxFileReport,
  mergeDuplicates,
  type MergeRule,
  readLieux,
  type RowIssue,
  type UnusableFile,
} from '@aiguillage/lieux'

import { ExitCode, type Output } from './command-line.js'

export { ExitCode }

/** A file that could not be opened is unusable too, with the CLI's own codes. */
type FileProblem = UnusableFile | { code: 'file_not_found' | 'unreadable_file'; message: string }
type FileOutcome = { file: string; report: LieuxFileReport } | { file: string; error: FileProblem }

const number = (n: number): string => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ')
const plural = (n: number, one: string, many: string): string => `${number(n)} ${n > 1 ? many : one}`

async function validateFile(file: string, cwd: string, now: Date): Promise<FileOutcome> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path.resolve(cwd, file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT'
        ? `Fichier introuvable : ${file}`
        : code === 'EISDIR'
          ? `${file} est un dossier, pas un fichier.`
          : `Impossible de lire ${file} (${code ?? String(error)}).`
    return { file, error: { code: code === 'ENOENT' ? 'file_not_found' : 'unreadable_file', message } }
  }
  const result = readLieux(bytes, { fileName: file, now })
  return result.ok ? { file, report: result.report } : { file, error: result.error }
}

const ruleTexts: Record<MergeRule, string> = {
  siret_address: 'même SIRET et même adresse',
  address_phone: 'même adresse et même téléphone',
  nearby_similar_name: 'à moins de 30 m, noms proches',
}

type Where = { file: string; line: number }
/** The duplicates across all the files read, each id with the file and line it comes from. */
export function mergeReport(usable: readonly { file: string; report: LieuxFileReport }[]) {
  const where = new Map<string, Where>()
  const lieux = usable.flatMap((o) =>
    o.report.accepted.map((row) => {
      if (!where.has(row.lieu.id)) where.set(row.lieu.id, { file: o.file, line: row.line })
      return row.lieu
    }),
  )
  const { merges } = mergeDuplicates(lieux)
  const located = (id: string) => ({ id, ...(where.get(id) as Where) })
  return merges.map((merge: LieuMerge) => ({
    kept: located(merge.keptId),
    merged: merge.mergedIds.map(located),
    rules: merge.rules,
  }))
}

function formatMerges(merges: ReturnType<typeof mergeReport>, max = 10): string[] {
  if (merges.length === 0) return []
  const byRule = new Map<MergeRule, number>()
  for (const merge of merges) for (const rule of merge.rules) byRule.set(rule, (byRule.get(rule) ?? 0) + 1)
  const lines = [
    '',
    `Doublons fusionnés : ${plural(merges.length, 'lieu', 'lieux')} décrit(s) plusieurs fois (${[...byRule].map(([rule, n]) => `${ruleTexts[rule]} : ${number(n)}`).join(' ; ')}). Un seul est proposé, avec les services de tous ; chaque id mène à lui.`,
  ]
  const at = (w: Where & { id: string }) => `${w.id} (${w.file}, ligne ${w.line})`
  for (const merge of merges.slice(0, max))
    lines.push(
      `  ${at(merge.kept)} ← ${merge.merged.map(at).join(', ')} : ${merge.rules.map((r) => ruleTexts[r]).join(', ')}`,
    )
  if (merges.length > max)
    lines.push(`  … et ${plural(merges.length - max, 'autre', 'autres')} (option --json pour tout voir).`)
  return lines
}

/** How the official verdict and Aiguillage's compare in a report. */
export function officialCounts(report: LieuxFileReport) {
  const officielAccepted = report.accepted.filter((row) => row.officiel).length
  const stricterThanSchema = report.rejected.filter((row) => row.officiel).length
  return {
    officiel: officielAccepted + stricterThanSchema,
    correctedByUs: report.accepted.length - officielAccepted,
    stricterThanSchema,
    /** Some row or the header departs from the official schema. */
    deviates:
      officielAccepted + stricterThanSchema < report.total || report.warnings.some((w) => w.code === 'not_official'),
  }
}

function describeIssue(issue: RowIssue): string {
  return `  ligne ${issue.line}${issue.field ? `, ${issue.field}` : ''} : ${issue.message}`
}

/** The human summary: counts, then the first problems, then warnings grouped by kind. */
export function formatHumanReport(outcome: FileOutcome, maxProblems = 10): string {
  const lines = [`${outcome.file}`]
  if ('error' in outcome) {
    lines.push(`  Fichier inutilisable : ${outcome.error.message}`)
    return lines.join('\n')
  }
  const { report } = outcome
  lines.push(`  Format : ${report.format.toUpperCase()}, standard v${report.schemaVersion}`)
  lines.push(
    `  ${plural(report.total, 'ligne lue', 'lignes lues')} : ${plural(report.accepted.length, 'acceptée', 'acceptées')}, ${plural(report.rejected.length, 'rejetée', 'rejetées')}.`,
  )
  const verdicts = officialCounts(report)
  lines.push(
    `  Schéma officiel : ${plural(verdicts.officiel, 'ligne conforme', 'lignes conformes')} sur ${number(report.total)}` +
      (verdicts.correctedByUs > 0
        ? `, ${number(verdicts.correctedByUs)} acceptée(s) par Aiguillage après correction (not_official)`
        : '') +
      (verdicts.stricterThanSchema > 0
        ? `, ${number(verdicts.stricterThanSchema)} conforme(s) mais rejetée(s) par Aiguillage, plus exigeant`
        : '') +
      '.',
  )
  if (report.rejected.length > 0) {
    const errors = report.rejected.flatMap((row) => row.errors)
    lines.push('', `  Erreurs (${number(errors.length)}) — les premières :`)
    for (const issue of errors.slice(0, maxProblems)) lines.push(describeIssue(issue))
    if (errors.length > maxProblems)
      lines.push(`  … et ${plural(errors.length - maxProblems, 'autre', 'autres')} (option --json pour tout voir).`)
  }
  if (report.warnings.length > 0) {
    const byCode = new Map<string, RowIssue[]>()
    for (const warning of report.warnings) byCode.set(warning.code, [...(byCode.get(warning.code) ?? []), warning])
    lines.push('', `  Avertissements (${number(report.warnings.length)}), par type :`)
    for (const [code, issues] of byCode) {
      const first = issues[0] as RowIssue
      lines.push(`  - ${plural(issues.length, 'fois', 'fois')} ${code}, par exemple :`, `  ${describeIssue(first)}`)
    }
  }
  return lines.join('\n')
}

/**
 * `aiguillage validate FILE… [--json]`: validates each file of the standard and prints a report.
 * Returns the exit code: 0 when every row of every file is valid, 1 when rows are rejected, 2 when a file is unusable;
 * with `strict`, 3 when rows are usable but some row or header departs from the official schema.
 */
export async function runValidate(
  files: readonly string[],
  options: { json: boolean; strict?: boolean; cwd: string; now: Date },
  output: Output,
): Promise<number> {
  if (files.length === 0) {
    output.err('Indiquez au moins un fichier : aiguillage validate FICHIER.csv [FICHIER.json…] [--json]')
    return ExitCode.Unusable
  }
  const outcomes: FileOutcome[] = []
  for (const file of files) outcomes.push(await validateFile(file, options.cwd, options.now))

  const usable = outcomes.filter((o): o is Extract<FileOutcome, { report: unknown }> => 'report' in o)
  const exit = outcomes.some((o) => 'error' in o)
    ? ExitCode.Unusable
    : usable.some((o) => o.report.rejected.length > 0)
      ? ExitCode.RowsRejected
      : options.strict && usable.some((o) => officialCounts(o.report).deviates)
        ? ExitCode.NotOfficial
        : ExitCode.Valid

  const merges = mergeReport(usable)
  if (options.json) {
    const summary = {
      merges,
      total: usable.reduce((n, o) => n + o.report.total, 0),
      accepted: usable.reduce((n, o) => n + o.report.accepted.length, 0),
      officiel: usable.reduce((n, o) => n + officialCounts(o.report).officiel, 0),
      rejected: usable.flatMap((o) => o.report.rejected.map((row) => ({ file: o.file, ...row }))),
      warnings: usable.flatMap((o) => o.report.warnings.map((warning) => ({ file: o.file, ...warning }))),
      files: outcomes.map((o) =>
        'error' in o
          ? { file: o.file, error: o.error }
          : {
              file: o.file,
              format: o.report.format,
              schemaVersion: o.report.schemaVersion,
              total: o.report.total,
              accepted: o.report.accepted.length,
              rejected: o.report.rejected.length,
              officiel: officialCounts(o.report).officiel,
              warnings: o.report.warnings.length,
            },
      ),
    }
    output.out(JSON.stringify(summary, null, 2))
  } else {
    output.out(outcomes.map((o) => formatHumanReport(o)).join('\n\n'))
    const mergeLines = formatMerges(merges)
    if (mergeLines.length > 0) output.out(mergeLines.join('\n'))
    if (outcomes.length > 1) {
      const total = usable.reduce((n, o) => n + o.report.total, 0)
      const rejected = usable.reduce((n, o) => n + o.report.rejected.length, 0)
      output.out(
        `\nEn tout : ${plural(total, 'ligne', 'lignes')}, ${plural(rejected, 'rejetée', 'rejetées')}, ${plural(outcomes.length - usable.length, 'fichier inutilisable', 'fichiers inutilisables')}.`,
      )
    }
  }
  // In JSON mode stdout stays machine-readable: say unusable files on stderr too.
  if (options.json) for (const o of outcomes) if ('error' in o) output.err(`Erreur : ${o.error.message}`)
  return exit
}
