// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a declaration file of globals, not a module
/// <reference path="./globals.d.ts" />
export type DecodedText = {
  text: string
  /** Lines (1-based) that were not valid UTF-8 and were read as Windows-1252 instead. */
  nonUtf8Lines: number[]
}

const LF = 0x0a

/**
 * Decodes a file's bytes. The standard requires UTF-8; files saved by spreadsheets are often
 * Windows-1252 (Latin-1). Rather than fail or turn accents into "�", each line that is not valid
 * UTF-8 is read as Windows-1252 (so nothing is lost) and reported, so those rows can be flagged.
 * A UTF-8 byte order mark is removed.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), nonUtf8Lines: [] }
  } catch {
    // Not UTF-8 throughout: decide line by line below.
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  const latin = new TextDecoder('windows-1252')
  const parts: string[] = []
  const nonUtf8Lines: number[] = []
  let start = 0
  let line = 1
  while (start <= bytes.length) {
    let end = bytes.indexOf(LF, start)
    if (end === -1) end = bytes.length
    const slice = bytes.subarray(start, end)
    try {
      parts.push(utf8.decode(slice))
    } catch {
      parts.push(latin.decode(slice))
      nonUtf8Lines.push(line)
    }
    start = end + 1
    line++
  }
  return { text: parts.join('\n'), nonUtf8Lines }
}

/** Removes a leading byte order mark from text that was decoded elsewhere. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
