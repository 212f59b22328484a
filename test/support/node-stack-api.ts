/** Talking to a whole local stack (scripts/lib/stack.ts) from a Node test: accounts, uploads, jobs, polling. */

export interface StackUser {
  email: string;
  auth: { authorization: string };
}

export interface StackJob {
  job_id: string;
  document_id: string;
  status: string;
  attempts: number;
  error: { code: string; message: string } | null;
  progress: { pages_total: number | null; chunks_total: number | null };
}

const PASSWORD = "correct horse battery staple";

export async function registerStackUser(url: string, email: string): Promise<StackUser> {
  const response = await fetch(`${url}/api/v2/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { access_token: string };
  return { email, auth: { authorization: `Bearer ${body.access_token}` } };
}

export async function uploadToStack(url: string, user: StackUser, bytes: Uint8Array, filename: string): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), filename);
  return fetch(`${url}/api/v2/upload`, { method: "POST", headers: user.auth, body: form });
}

export async function stackJob(url: string, user: StackUser, jobId: string): Promise<StackJob> {
  const response = await fetch(`${url}/api/v2/jobs/${jobId}`, { headers: user.auth });
  if (!response.ok) throw new Error(`job ${jobId} answered ${response.status}`);
  return (await response.json()) as StackJob;
}

/** Polls until `done(job)` holds; a status request that fails (the Worker restarting) is polled again. */
export async function pollJob(url: string, user: StackUser, jobId: string, done: (job: StackJob) => boolean, timeoutMs: number, everyMs = 100): Promise<StackJob> {
  const deadline = Date.now() + timeoutMs;
  let last: StackJob | string = "no answer";
  while (Date.now() < deadline) {
    try {
      const job = await stackJob(url, user, jobId);
      if (done(job)) return job;
      last = job;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`job ${jobId} did not get there within ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`);
}
