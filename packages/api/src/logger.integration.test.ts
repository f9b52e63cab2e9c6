import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** Runs a script with the server's logger in a child process; resolves with what it printed and when. */
function run(script: string): Promise<{ lines: { at: number; line: string }[]; exit: number | null }> {
  const child = spawn(
    process.execPath,
    ['--conditions=@aiguillage/source', '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const begin = performance.now()
  const lines: { at: number; line: string }[] = []
  let rest = ''
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n')
    rest = parts.pop() ?? ''
    for (const line of parts) lines.push({ at: performance.now() - begin, line })
  })
  return new Promise((resolve) => child.on('close', (exit) => resolve({ lines, exit })))
}

describe('the server’s logger (batched writes)', () => {
  it('writes a line of a quiet server soon, without waiting for more lines or for the exit', async () => {
    // A mark, one line, then the process stays alive 4 s: the line must come long before the exit.
    const { lines } = await run(`
      import { createLogger } from './logger.ts'
      const logger = createLogger()
      process.stdout.write('marque\\n')
      logger.info({ route: '/healthz' }, 'requête')
      setTimeout(() => {}, 4000)
    `)
    const mark = lines.find(({ line }) => line === 'marque')
    const line = lines.find(({ line }) => line.includes('"requête"'))
    expect(mark).toBeDefined()
    expect(line).toBeDefined()
    expect((line?.at ?? Infinity) - (mark?.at ?? 0)).toBeLessThan(2000)
  }, 20_000)

  it('loses nothing at exit: every line buffered is written, in order', async () => {
    const { lines, exit } = await run(`
      import { createLogger } from './logger.ts'
      const logger = createLogger()
      for (let i = 0; i < 500; i++) logger.info({ i }, 'requête')
      process.exit(0)
    `)
    expect(exit).toBe(0)
    expect(lines.map(({ line }) => (JSON.parse(line) as { i: number }).i)).toEqual([...Array(500).keys()])
  }, 20_000)
})
