/**
 * One labelled conversation: the turns a person writes, and what must be understood after the last one, in the form
 * of the evaluation contract (`../shared/eval/CONTRACT.md`), read more strictly:
 * - `services` is the exact set of services (absent: none); an extra service is an error, like a missing one;
 * - `demarche` is present only when the domain of the procedure is clear; an extra one is an error;
 * - `constraints` gives each constraint key with its one expected value (absent: none); extra values are errors;
 * - `codeInsee` (or `codeInsee_any`) is the commune; absent, no commune must be understood;
 * - `clarify_ok`: asking which commune (`awaiting` `commune_choice` or `location`) is also right;
 * - `awaiting` is judged only where given.
 */
export type Expect = {
  intent: string
  topic?: string
  services?: string[]
  demarche?: string
  codeInsee?: string
  codeInsee_any?: string[]
  clarify_ok?: boolean
  constraints?: Record<string, string | boolean>
  awaiting?: string
}

export type Split = 'train' | 'dev' | 'test'

export type EvalCase = {
  id: string
  /** The template family the case comes from; a family lies entirely in one split. */
  family: string
  turns: string[]
  expect: Expect
}
