// In tests, workspace packages resolve to their TypeScript sources through the "@aiguillage/source" export condition
// (as TypeScript does, see tsconfig.base.json); plain Node gets their compiled dist/. Vite's own default conditions
// follow, since setting the list replaces them.
const conditions = ['@aiguillage/source', 'module', 'node', 'development|production']

export const resolveSources = {
  resolve: { conditions },
  ssr: { resolve: { conditions } },
}
