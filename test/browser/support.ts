/**
 * What the browser tests share: Debian's Chromium through playwright-core (never a downloaded browser), a local stack
 * with offline providers, and an accessibility check with axe-core.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOT, startStack, type Stack } from "../../scripts/lib/stack.ts";

/** Debian's package (`apt-get install chromium`); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Screenshots for a person to look at after a run (git-ignored). */
export const SCREENSHOTS = join(ROOT, "test-results", "browser");
/** Relative to the repository, never copied into it (see ../shared/fixtures/README.md). */
export const SAMPLE_SBC = join(ROOT, "..", "shared", "fixtures", "cms-sample-sbc.pdf");

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container has no user namespaces for the sandbox; nothing but the local stack is visited.
    args: ["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
}

/** The stack the browser talks to: offline providers, so answers do not depend on keys or the network. */
export function startOfflineStack(): Promise<Stack> {
  return startStack({
    quiet: true,
    vars: { LLM_PROVIDER: "offline", EMBEDDING_PROVIDER: "offline", PARSER_PROVIDER: "builtin" },
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string }>;
}

const axeSource = () => readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core's WCAG 2 A and AA rules on the page as it is now. The script is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern, so the app's CSP stays as strict as in use.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource());
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
  });
}
