// `pnpm build`, after tsc: writes the widget's bundle next to the compiled package, for the compiled server.
import { writeFile } from 'node:fs/promises'
import { buildWidget, widgetBundleFile } from '../dist/index.js'

await writeFile(widgetBundleFile, await buildWidget())
