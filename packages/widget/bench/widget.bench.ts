// pnpm bench: the widget's weight, as a browser downloads it (target ≤ 15 KB of JavaScript gzipped), and the time to
// build it at server start-up (median of 5).
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { buildWidget } from '../src/index.js'

const builds: number[] = []
let js = ''
for (let i = 0; i < 5; i++) {
  const start = performance.now()
  js = await buildWidget()
  builds.push(performance.now() - start)
}
builds.sort((a, b) => a - b)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const gzip = gzipSync(js, { level: 9 }).length
console.log('widget.js')
console.log(`  minified:        ${kb(js.length)}`)
console.log(
  `  gzip (served):   ${kb(gzip)}  — target ≤ 15 KB: ${gzip <= 15 * 1024 ? 'OK' : 'DÉPASSÉ'} (${((gzip / (15 * 1024)) * 100).toFixed(0)} % of the budget)`,
)
console.log(`  brotli:          ${kb(brotliCompressSync(js).length)}`)
console.log(`  build at start-up: median ${builds[2]?.toFixed(0)} ms (5 builds)`)
