// Module hooks for running the command from its TypeScript sources: workspace packages resolve to src/ through their
// "@aiguillage/source" export condition (as with `node --conditions=@aiguillage/source`).
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, '@aiguillage/source'] })
}
