/*
 * The API reference page (/docs), generated from the OpenAPI document: our own HTML, no script, no third-party
 * request (a Swagger UI would load code from a CDN). Every text is escaped.
 */

type OpenApiDocument = {
  info: { title: string; description?: string; version: string }
  paths?: Record<
    string,
    Record<
      string,
      {
        summary?: string
        description?: string
        parameters?: {
          name: string
          in: string
          description?: string
          required?: boolean
          schema?: { example?: unknown }
        }[]
        responses?: Record<string, { description?: string; $ref?: string }>
      }
    >
  >
  components?: { responses?: Record<string, { description?: string }> }
}

const escape = (text: unknown): string =>
  (typeof text === 'string' ? text : text === undefined || text === null ? '' : JSON.stringify(text)).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

const examples: Record<string, string> = {
  '/v1/lieux':
    'curl "http://localhost:3000/v1/lieux?commune=Guéret&services=Aide%20aux%20démarches%20administratives&limit=3"',
  '/v1/lieux/{id}': 'curl "http://localhost:3000/v1/lieux/demo-gueret-fs"',
  '/v1/lieux/{id}/partage': 'curl "http://localhost:3000/v1/lieux/demo-gueret-fs/partage"',
  '/lieux/{id}': 'http://localhost:3000/lieux/demo-gueret-fs (dans un navigateur)',
  '/v1/lieux.csv': 'curl -o lieux.csv "http://localhost:3000/v1/lieux.csv?code_postal=23000&rayon_km=30"',
  '/v1/communes': 'curl "http://localhost:3000/v1/communes?q=st%20etienne"',
  '/healthz': 'curl "http://localhost:3000/healthz"',
}

export function docsPage(openApi: unknown): string {
  const document = openApi as OpenApiDocument
  const sections = Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const parameters = (operation.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${escape(p.name)}</code>${p.required ? ' (obligatoire)' : ''}</td><td>${escape(p.in === 'path' ? 'chemin' : 'requête')}</td><td>${escape(p.description ?? '')}</td></tr>`,
        )
        .join('')
      const responses = Object.entries(operation.responses ?? {})
        .map(
          ([status, response]) =>
            `<li><strong>${escape(status)}</strong> : ${escape((response.$ref ? document.components?.responses?.[response.$ref.split('/').pop() ?? ''] : response)?.description ?? '')}</li>`,
        )
        .join('')
      const example = examples[path]
      return `<section aria-labelledby="${escape(method + path)}">
<h2 id="${escape(method + path)}"><code>${escape(method.toUpperCase())} ${escape(path)}</code> — ${escape(operation.summary ?? '')}</h2>
<p>${escape(operation.description ?? '')}</p>
${parameters ? `<table><caption>Paramètres</caption><thead><tr><th scope="col">Nom</th><th scope="col">Où</th><th scope="col">Description</th></tr></thead><tbody>${parameters}</tbody></table>` : ''}
<h3>Réponses</h3><ul>${responses}</ul>
${example ? `<h3>Exemple</h3><pre><code>${escape(example)}</code></pre>` : ''}
</section>`
    }),
  )
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)} — documentation</title><link rel="stylesheet" href="/docs.css"></head>
<body><main>
<h1>${escape(document.info.title)} <small>v${escape(document.info.version)}</small></h1>
<p>${escape(document.info.description ?? '')}</p>
<p>Le document OpenAPI est à l’adresse <a href="/openapi.json">/openapi.json</a>. Les erreurs suivent la RFC 9457
(<code>application/problem+json</code>) : un <code>detail</code> en français et, dans <code>issues</code>, le paramètre en cause.</p>
${sections.join('\n')}
</main></body></html>`
}

export const docsStylesheet = `body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#161616;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h2{font-size:1.2rem;border-top:1px solid #ddd;padding-top:1rem}
code,pre{font-family:ui-monospace,monospace;background:#f4f4f4}
pre{padding:.5rem;overflow-x:auto}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
a{color:#000091}`
