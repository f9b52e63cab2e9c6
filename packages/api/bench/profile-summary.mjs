// Summarises a V8 CPU profile (node --cpu-prof): self time by function and by file, heaviest first.
// node packages/api/bench/profile-summary.mjs PROFILE.cpuprofile [TOP=25] [LAST_SECONDS]
// LAST_SECONDS keeps only the samples of the profile's last seconds (the load, not the start-up).
import { readFileSync } from 'node:fs'
const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const top = Number(process.argv[3] ?? 25)
const byId = new Map(prof.nodes.map((n) => [n.id, n]))
const self = new Map()
const dt = prof.timeDeltas
const last = Number(process.argv[4] ?? 0) * 1e6
let t = prof.startTime
const times = dt.map((d) => (t += d))
for (let i = 0; i < prof.samples.length; i++)
  if (!last || times[i] > prof.endTime - last)
    self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0))
const total = [...self.values()].reduce((a, b) => a + b, 0)
const fn = new Map(),
  file = new Map()
for (const [id, us] of self) {
  const cf = byId.get(id).callFrame
  const f = cf.url.replace(/.*node_modules\/\.pnpm\/([^/]+)\/node_modules\//, '$1:').replace(/.*\/wt-17p\//, '')
  const k = `${cf.functionName || '(anon)'} ${f}:${cf.lineNumber + 1}`
  fn.set(k, (fn.get(k) ?? 0) + us)
  const fk = f || cf.functionName
  file.set(fk, (file.get(fk) ?? 0) + us)
}
const show = (m, n) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([k, v]) => console.log(`${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`))
console.log(`total ${(total / 1e6).toFixed(2)} s`)
console.log('--- by function')
show(fn, top)
console.log('--- by file')
show(file, 15)
