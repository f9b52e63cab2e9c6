/**
 * What a field's check gave for a cell, kept by the cell's text: files repeat the same dates, vocabulary lists and
 * codes on thousands of rows, and a lookup costs a fraction of the check. Two shortcuts, because this runs for every
 * cell of every file:
 * - the previous cell is compared first: consecutive rows often repeat it, and comparing spares hashing the text;
 * - a field whose cells are mostly different (ids, coordinates, phones, postcodes) is not worth looking up: when
 *   fewer than a quarter of a window of lookups find something, lookups pause for a while, then are tried again.
 * Bounded: past `limit` texts, nothing more is kept. What is kept is copied: a cell cut from a file's text keeps the
 * whole text alive, and the memo lives as long as the process (a server re-reads its files every day).
 */
export class CellMemo<T> {
  readonly #kept = new Map<string, T>()
  #lastCell: string | undefined
  #lastValue: T | undefined
  #lookups = 0
  #found = 0
  #paused = 0

  constructor(readonly limit = 2_000) {}

  get(cell: string): T | undefined {
    if (cell === this.#lastCell) return this.#lastValue
    if (this.#paused > 0) {
      this.#paused--
      return undefined
    }
    const value = this.#kept.get(cell)
    if (value !== undefined) {
      this.#found++
      this.#lastCell = cell
      this.#lastValue = value
    }
    if (++this.#lookups === WINDOW) {
      if (this.#found * 4 < WINDOW) this.#paused = PAUSE
      this.#lookups = this.#found = 0
    }
    return value
  }

  set(cell: string, value: T): void {
    this.#lastCell = cell
    this.#lastValue = value
    if (this.#paused === 0 && this.#kept.size < this.limit) this.#kept.set(detached(cell), detached(value))
  }
}

/**
 * A copy of a text that does not share the memory of the text it was cut from (V8 keeps a long substring as a view
 * on its parent); for a list, a frozen list of such copies. Anything else as it is.
 */
export function detached<T>(value: T): T {
  if (typeof value === 'string') return (value.length < 13 ? value : JSON.parse(JSON.stringify(value))) as T
  if (Array.isArray(value)) return Object.freeze(value.map((item: unknown) => detached(item))) as T
  return value
}

const WINDOW = 256
const PAUSE = 2_048
