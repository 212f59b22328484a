import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../scripts/lib/stack.ts";
import { blankPdf } from "../unit/pdf-samples.ts";
import { axeViolations, launchChromium, SAMPLE_SBC, screenshot, startOfflineStack } from "./support.ts";

/** A citation chip of page 1, whichever source number it has: "[1] page 1", "[2] page 1", … */
const PAGE_ONE_CHIP = /^\[\d+\] page 1$/;

/**
 * A member's whole visit, in order, in one page: each `it` continues where the previous one left off.
 */
describe("the web app in Chromium against a local stack", () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const email = `browser-${Date.now()}@example.com`;
  const password = "correct horse battery staple";
  /** Content-Security-Policy violations and uncaught exceptions seen by the page. */
  const pageProblems: string[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startOfflineStack(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    page = await context.newPage();
    page.on("pageerror", (error) => pageProblems.push(`uncaught: ${error.message}`));
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) pageProblems.push(`csp: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("serves the app at / with a Content-Security-Policy that allows no inline script", async () => {
    const response = await page.goto(`${stack.url}/`);
    expect(response?.status()).toBe(200);
    const csp = (await response?.allHeaders())?.["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("en");
  });

  it("creates an account with the labelled Email and Password fields", async () => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();
    await screenshot(page, "01-signed-in");
  });

  it("uploads the sample SBC and shows its progress, pushed by the job events stream, until it is ready", async () => {
    // Record every status line the member sees, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusesSeen: string[] }).statusesSeen = seen;
      new MutationObserver(() => {
        for (const element of Array.from(document.querySelectorAll(".document .status"))) {
          const text = element.textContent ?? "";
          if (text && seen.at(-1) !== text) seen.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const eventsRequest = page.waitForRequest((request) => /\/api\/v2\/jobs\/[^/]+\/events$/.test(request.url()));
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Upload" }).click();
    await (await chooser).setFiles(SAMPLE_SBC);

    expect((await eventsRequest).headers().authorization).toMatch(/^Bearer /);
    const row = page.getByRole("listitem").filter({ hasText: "cms-sample-sbc.pdf" });
    await row.getByText("Ready · 5 pages").waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen);
    expect(seen.some((status) => /Uploading|Waiting|Reading|pages read|Read \d/.test(status))).toBe(true);
    expect(seen.at(-1)).toBe("Ready · 5 pages");
  });

  it("streams an answer to 'What is the overall deductible?' with a citation chip named '[n] page 1'", async () => {
    await page.getByLabel("Ask a question").fill("What is the overall deductible?");
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/chat");
    await page.getByRole("button", { name: "Send" }).click();
    expect((await answer).headers()["content-type"]).toMatch(/^text\/event-stream/);

    const log = page.getByRole("log", { name: "Conversation" });
    // The chip's number is the passage's rank among the sources; the deductible is on page 1 whatever its rank.
    await log.getByRole("button", { name: PAGE_ONE_CHIP }).first().waitFor();
    await expect.poll(() => log.textContent()).toContain("$500");
    await screenshot(page, "02-answer");
  });

  it("opens the citation in the PDF viewer at page 1 with the cited passage highlighted", async () => {
    const chip = page.getByRole("log").getByRole("button", { name: PAGE_ONE_CHIP }).first();
    const chipName = await chip.textContent();
    await chip.click();
    const viewer = page.getByRole("dialog", { name: "cms-sample-sbc.pdf, page 1" });
    await viewer.waitFor();
    await viewer.getByText("The cited passage is highlighted.").waitFor({ timeout: 30_000 });
    // (The sample's own footer also says "Page 1 of 5": the viewer's line is the one between its buttons.)
    expect(await viewer.getByRole("button", { name: "Next page" }).locator("xpath=..").textContent()).toContain("Page 1 of 5");
    const highlighted = (await viewer.locator(".textLayer .highlight").allTextContents()).join(" ");
    expect(highlighted).toContain("overall");
    expect(highlighted).toContain("$500");
    // The page was drawn, not left blank: the canvas has the page's size.
    const canvasWidth = await viewer.locator("canvas").evaluate((canvas: HTMLCanvasElement) => canvas.width);
    expect(canvasWidth).toBeGreaterThan(300);
    await screenshot(page, "03-viewer");

    await page.keyboard.press("Escape");
    await viewer.waitFor({ state: "hidden" });
    // Focus returns to the chip that opened the viewer, for keyboard users.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(chipName);
  });

  it("rates the answer with buttons named 'Rate n of 5', saved by the feedback endpoint", async () => {
    const log = page.getByRole("log", { name: "Conversation" });
    const rating = log.getByRole("group", { name: "Rate this answer" });
    const saved = page.waitForResponse((response) => /\/chat\/sessions\/[^/]+\/messages\/[^/]+\/feedback$/.test(new URL(response.url()).pathname));
    await rating.getByRole("button", { name: "Rate 4 of 5" }).click();
    const response = await saved;
    expect(response.status()).toBe(200);
    expect(JSON.parse(response.request().postData() ?? "{}")).toEqual({ rating: 4 });
    await rating.getByRole("status").filter({ hasText: "Thanks for the rating." }).waitFor();
    expect(await rating.getByRole("button", { name: "Rate 4 of 5" }).getAttribute("aria-pressed")).toBe("true");
    expect(await rating.getByRole("button", { name: "Rate 5 of 5" }).getAttribute("aria-pressed")).toBe("false");
  });

  it("finds no WCAG A or AA violation with axe-core (labels, names, contrast)", async () => {
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  });

  it("asks about the ticked document only, sending its id as document_ids", async () => {
    await page.getByRole("checkbox", { name: "Ask about cms-sample-sbc.pdf" }).check();
    await page.getByText("Answers come only from the documents you ticked: cms-sample-sbc.pdf.").waitFor();
    await page.getByLabel("Ask a question").fill("Do I need a referral to see a specialist?");
    const request = page.waitForRequest((r) => new URL(r.url()).pathname === "/chat");
    await page.getByRole("button", { name: "Send" }).click();
    const body = (await request).postDataJSON() as { document_ids?: string[]; session_id?: string };
    expect(body.document_ids).toHaveLength(1);
    expect(body.session_id).toEqual(expect.any(String));
    await page.getByRole("log").getByRole("article").nth(3).getByRole("list", { name: "Sources" }).waitFor();
  });

  it("shows a rate limit in plain words with the time to wait", async () => {
    await page.route("**/chat", (route) =>
      route.fulfill({
        status: 429,
        headers: { "content-type": "application/problem+json", "retry-after": "42" },
        body: JSON.stringify({ title: "Too many requests", status: 429, detail: "At most 30 chat messages per minute.", code: "rate_limited", retry_after_seconds: 42 }),
      }),
    );
    await page.getByLabel("Ask a question").fill("And out of network?");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("alert").filter({ hasText: "Try again in 42 seconds." }).waitFor();
    await page.unroute("**/chat");
  });

  it("sends a question with Enter alone and stops a pending answer with the Stop button", async () => {
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Hold the request so the answer is still pending when Stop is pressed.
    await page.route("**/chat", async (route) => {
      await released;
      await route.abort().catch(() => undefined);
    });
    const field = page.getByLabel("Ask a question");
    await field.focus();
    await page.keyboard.type("What does an emergency room visit cost?");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByText("Stopped. The answer is incomplete.").waitFor();
    await page.getByRole("button", { name: "Send" }).waitFor();
    release();
    await page.unroute("**/chat");
  });

  it("takes several files dropped on the upload area at once and processes each", async () => {
    const files = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(["Urgent care visit: $75 copay."], "urgent-care.txt", { type: "text/plain" }));
      transfer.items.add(new File(["# Vision\n\nEye exam: $10 copay once a year."], "vision.md", { type: "text/markdown" }));
      return transfer;
    });
    await page.locator(".dropzone").dispatchEvent("drop", { dataTransfer: files });
    for (const name of ["urgent-care.txt", "vision.md"]) {
      await page.getByRole("listitem").filter({ hasText: name }).getByText("Ready · 1 page").waitFor({ timeout: 60_000 });
    }
  });

  it("explains that a scanned PDF needs OCR", async () => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Upload" }).click();
    await (await chooser).setFiles({ name: "scanned-letter.pdf", mimeType: "application/pdf", buffer: Buffer.from(blankPdf()) });
    const row = page.getByRole("listitem").filter({ hasText: "scanned-letter.pdf" });
    await row.getByRole("alert").filter({ hasText: "OCR" }).waitFor({ timeout: 60_000 });
    expect(await row.getByRole("alert").textContent()).toMatch(/probably a scan/);
    await screenshot(page, "04-scan-failed");
  });

  it("switches to Spanish: labels, buttons and citation chips follow", async () => {
    await page.getByLabel("Language").selectOption("es");
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("es");
    await page.getByRole("button", { name: "Cerrar sesión" }).waitFor();
    await page.getByRole("button", { name: "Subir" }).waitFor();
    await page.getByLabel("Haga una pregunta").waitFor();
    await page.getByRole("checkbox", { name: "Preguntar sobre cms-sample-sbc.pdf" }).waitFor();
    await page.getByRole("log", { name: "Conversación" }).getByRole("button", { name: /^\[\d\] página \d$/ }).first().waitFor();
    await page.getByRole("listitem").filter({ hasText: "scanned-letter.pdf" }).getByText(/necesita OCR/i).waitFor();
    await screenshot(page, "05-spanish");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("keeps the refresh token where no script can read it, and nothing of either token in storage", async () => {
    const refresh = (await context.cookies(stack.url)).filter((cookie) => cookie.name === "refresh_token");
    // Only requests to /api/v2/auth carry it; the page's own URL does not match its path.
    expect(refresh).toEqual([]);
    const scoped = (await context.cookies(`${stack.url}/api/v2/auth/refresh`)).find((cookie) => cookie.name === "refresh_token");
    expect(scoped).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/api/v2/auth" });
    const visible = await page.evaluate(() => ({ cookies: document.cookie, session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage) }));
    expect(visible.cookies).not.toContain("refresh_token");
    for (const stored of [visible.session, visible.local]) {
      expect(stored).not.toContain(scoped?.value ?? "no cookie");
      expect(stored).not.toMatch(/eyJ/); // no JWT
    }
  });

  it("keeps the language after a reload, and the member signed in by trading the cookie for a new access token", async () => {
    const refreshed = page.waitForResponse((response) => response.url().endsWith("/api/v2/auth/refresh"));
    await page.reload();
    expect((await refreshed).status()).toBe(200);
    await page.getByRole("button", { name: "Cerrar sesión" }).waitFor();
  });

  it("renames and deletes a conversation", async () => {
    await page.getByLabel("Idioma").selectOption("en");
    const list = page.getByRole("region", { name: "Conversations" });
    await list.getByRole("button", { name: "Rename What is the overall deductible?" }).click();
    const field = list.getByRole("textbox", { name: "New name for What is the overall deductible?" });
    await field.fill("My deductible");
    await field.press("Enter");
    await list.getByRole("button", { name: "My deductible", exact: true }).waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await list.getByRole("button", { name: "Delete conversation My deductible" }).click();
    await list.getByRole("button", { name: "My deductible", exact: true }).waitFor({ state: "detached" });
  });

  it("logs out back to the form, and logs in again with the Log in button", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in" }).waitFor();
    // Logging out ended the session on the server, which cleared the cookie.
    await expect.poll(async () => (await context.cookies(`${stack.url}/api/v2/auth/refresh`)).map((cookie) => cookie.name)).toEqual([]);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").filter({ hasText: "That email and password do not match an account." }).waitFor();
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();
  });

  it("says so when the server stops accepting the session's token, and asks to log in again", async () => {
    // As after a logout elsewhere: the cookie's refresh token is refused, and a reload has only that to sign in with.
    const [cookie] = (await context.cookies(`${stack.url}/api/v2/auth/refresh`)).filter((c) => c.name === "refresh_token");
    expect(cookie).toBeDefined();
    if (cookie) await context.addCookies([{ ...cookie, value: "not-a-refresh-token" }]);
    await page.reload();
    await page.getByRole("alert").filter({ hasText: "Your session has ended. Log in again." }).waitFor();
    await page.getByRole("button", { name: "Log in" }).waitFor();
  });

  it("is usable at phone width: tabs show one section at a time and nothing scrolls sideways", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "es-ES", isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    try {
      await small.goto(`${stack.url}/`);
      // The browser's language picks Spanish on a first visit.
      await small.getByLabel("Correo electrónico").fill(email);
      await small.getByLabel("Contraseña").fill(password);
      await small.getByRole("button", { name: "Iniciar sesión" }).click();
      await small.getByRole("button", { name: "Subir" }).waitFor();
      await screenshot(small, "06-phone-documents");
      expect(await small.getByLabel("Haga una pregunta").isVisible()).toBe(false);
      await small.getByRole("navigation", { name: "Secciones" }).getByRole("button", { name: "Chat" }).click();
      await small.getByLabel("Haga una pregunta").waitFor();
      expect(await small.getByRole("button", { name: "Subir" }).isVisible()).toBe(false);
      await screenshot(small, "07-phone-chat");
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });

  it("saw no Content-Security-Policy violation and no uncaught error on the way", () => {
    expect(pageProblems).toEqual([]);
  });
});
