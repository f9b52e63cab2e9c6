// The package is built with `lib: ES2023` and no DOM or Node types, to keep it free of I/O.
// TextDecoder is the one host API it uses: every runtime (browsers, Node, Deno, Bun) has it.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  decode(input?: Uint8Array): string
}
