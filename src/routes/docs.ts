import { Hono } from "hono";
import { html } from "hono/html";
import type { AppBindings } from "../lib/context";
import { documentedPaths, openApiDocument } from "./openapi";

/** A page with no script and one stylesheet of ours: the same kind of policy as the app's, stricter still. */
const DOCS_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Operation = (typeof documentedPaths)[string][string];

/**
 * `GET /openapi.json` (the machine-readable API) and `GET /docs` (the same, for people): rendered on the server from
 * one document, every value escaped by hono's `html` template.
 */
export const docsRoutes = new Hono<AppBindings>()
  .get("/openapi.json", (c) => c.json(openApiDocument()))
  .get("/docs", (c) => {
    const sections = Object.entries(documentedPaths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );
    const tags = [...new Set(sections.map((s) => s.operation.tags[0] ?? "Other"))];
    const page = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Insurance Navigator API</title>
    <link rel="stylesheet" href="/docs.css" />
  </head>
  <body>
    <main>
      <h1>Insurance Navigator API</h1>
      <p>
        Every call but register, log in and health needs <code>Authorization: Bearer &lt;access_token&gt;</code>. Errors are
        <code>application/problem+json</code>. Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).
        The members' app: <a href="/">/</a>.
      </p>
      ${tags.map(
        (tag) => html`<section>
          <h2>${tag}</h2>
          ${sections.filter((s) => (s.operation.tags[0] ?? "Other") === tag).map((s) => operationHtml(s.method, s.path, s.operation))}
        </section>`,
      )}
    </main>
  </body>
</html>`;
    c.header("content-security-policy", DOCS_CSP);
    c.header("x-content-type-options", "nosniff");
    return c.html(page);
  });

function operationHtml(method: string, path: string, operation: Operation) {
  const body = operation.requestBody?.content as Record<string, { schema?: unknown }> | undefined;
  const bodyType = body ? Object.keys(body)[0] : undefined;
  const schema = bodyType ? body?.[bodyType]?.schema : undefined;
  return html`<article>
    <h3><span class="method">${method}</span> <code>${path}</code></h3>
    <p>${operation.summary}${"security" in operation && operation.security?.length === 0 ? " (no token needed)" : ""}</p>
    ${operation.description ? html`<p>${operation.description}</p>` : ""}
    ${schema ? html`<details><summary>Request body (${bodyType})</summary><pre>${JSON.stringify(schema, null, 2)}</pre></details>` : ""}
    <ul>
      ${Object.entries(operation.responses).map(([status, response]) => html`<li><strong>${status}</strong> ${String(response.description ?? "")}</li>`)}
    </ul>
  </article>`;
}
