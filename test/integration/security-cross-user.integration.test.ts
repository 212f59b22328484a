/**
 * The cross-user matrix: Bob holds a valid token and every id of Alice's (job, document, chat session) and tries each
 * id-taking route with it. Each answers 404 (never 403, which would confirm the id exists) and never Alice's text,
 * and Alice's things are unchanged afterwards.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, upload, waitForJob, type TestUser } from "../support/worker-api";
import { expectProblem } from "../support/worker-security";

const SECRET = "Alice's plan: the zebra-fund deductible is $7,531 per year.";

let alice: TestUser;
let bob: TestUser;
let ids: { job: string; document: string; session: string };

const json = (user: TestUser, body: unknown, method = "POST"): RequestInit => ({
  method,
  headers: { ...user.auth, "content-type": "application/json", accept: "application/json" },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  alice = await registerUser("matrix-alice");
  bob = await registerUser("matrix-bob");
  const { body } = await upload(alice, new TextEncoder().encode(SECRET), "alice.txt");
  expect((await waitForJob(alice, body.job_id)).status).toBe("complete");
  const chat = await api("/chat", json(alice, { message: "What is the zebra-fund deductible?" }));
  expect(chat.status).toBe(200);
  const session = (await chat.json<{ session_id: string }>()).session_id;
  ids = { job: body.job_id, document: body.document_id, session };
});

describe("another user's ids (security)", () => {
  const cases: Array<{ name: string; request: () => [string, RequestInit] }> = [
    { name: "GET /api/v2/jobs/{alice's job}", request: () => [`/api/v2/jobs/${ids.job}`, { headers: bob.auth }] },
    { name: "GET /api/v2/documents/{alice's document}", request: () => [`/api/v2/documents/${ids.document}`, { headers: bob.auth }] },
    { name: "DELETE /api/v2/documents/{alice's document}", request: () => [`/api/v2/documents/${ids.document}`, { method: "DELETE", headers: bob.auth }] },
    { name: "GET /chat/sessions/{alice's session}", request: () => [`/chat/sessions/${ids.session}`, { headers: bob.auth }] },
    { name: "DELETE /chat/sessions/{alice's session}", request: () => [`/chat/sessions/${ids.session}`, { method: "DELETE", headers: bob.auth }] },
    { name: "POST /chat continuing alice's session", request: () => ["/chat", json(bob, { message: "And the copay?", session_id: ids.session })] },
  ];

  for (const { name, request } of cases) {
    it(`${name} answers 404 without Alice's text`, async () => {
      const [path, init] = request();
      const response = await api(path, init);
      const body = await expectProblem(response.clone(), 404, "not_found");
      expect(JSON.stringify(body)).not.toContain("7,531");
    });
  }

  it("POST /api/v2/search filtered to alice's document finds nothing", async () => {
    const response = await api("/api/v2/search", json(bob, { query: "zebra-fund deductible", document_ids: [ids.document] }));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ results: [] });
    expect(text).not.toContain("7,531");
  });

  it("POST /agents/query filtered to alice's document does not answer from it", async () => {
    const response = await api("/agents/query", json(bob, { query: "What is the zebra-fund deductible?", document_ids: [ids.document] }));
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain("7,531");
  });

  it("POST /chat filtered to alice's document does not answer from it", async () => {
    const response = await api("/chat", json(bob, { message: "What is the zebra-fund deductible?", document_ids: [ids.document] }));
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain("7,531");
  });

  it("POST /v1/chat/completions does not answer from alice's documents", async () => {
    const response = await api("/v1/chat/completions", json(bob, { model: "insurance-navigator", messages: [{ role: "user", content: "What is the zebra-fund deductible?" }] }));
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain("7,531");
  });

  it("listings show bob none of alice's documents or sessions", async () => {
    expect(await (await api("/api/v2/documents", { headers: bob.auth })).json()).toEqual({ documents: [] });
    // Bob has sessions of his own by now (the chat tests above); none of them is Alice's.
    const { sessions } = await (await api("/chat/sessions", { headers: bob.auth })).json<{ sessions: Array<{ id: string }> }>();
    expect(sessions.map((s) => s.id)).not.toContain(ids.session);
  });

  it("leaves alice's document, job and session in place", async () => {
    expect((await api(`/api/v2/documents/${ids.document}`, { headers: alice.auth })).status).toBe(200);
    expect((await api(`/api/v2/jobs/${ids.job}`, { headers: alice.auth })).status).toBe(200);
    const session = await api(`/chat/sessions/${ids.session}`, { headers: alice.auth });
    expect(session.status).toBe(200);
    expect(await session.text()).toContain("zebra-fund");
  });
});
