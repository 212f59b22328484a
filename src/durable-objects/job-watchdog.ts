import { DurableObject } from "cloudflare:workers";
import { readConfig } from "../config";
import type { AppEnv } from "../env";
import type { IngestMessage } from "../ingestion/queue-message";
import { superviseJob, type JobWatchdog as JobWatchdogClient } from "../ingestion/watchdog";
import { errorFields, log } from "../lib/log";
import { createServices } from "../services";

const JOB_KEY = "job";

/**
 * One per ingestion job (named by the job id): an alarm that checks the job every lease period until it is complete
 * or failed, and sends it again when its worker died (see src/ingestion/watchdog.ts). An alarm rather than a Cron
 * Trigger because `wrangler dev` (npm start) fires alarms by itself and persists them across restarts, where a cron
 * needs a request to /__scheduled; and because a per-job object needs no query across users, which row-level security
 * would hide.
 */
export class JobWatchdog extends DurableObject<AppEnv> {
  /** Starts (or keeps) watching the job; the first check comes one lease period from now. */
  async watch(message: IngestMessage): Promise<void> {
    await this.ctx.storage.put(JOB_KEY, message);
    const next = Date.now() + this.periodMs();
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next) await this.ctx.storage.setAlarm(next);
  }

  override async alarm(): Promise<void> {
    const message = await this.ctx.storage.get<IngestMessage>(JOB_KEY);
    if (!message) return;
    const services = createServices(this.env);
    try {
      const outcome = await superviseJob({ db: services.db(), queue: this.env.INGEST_QUEUE, leaseSeconds: services.config.jobLeaseSeconds }, message);
      if (outcome !== "alive") log(outcome === "finished" ? "debug" : "warn", `watchdog: ${outcome}`, { job_id: message.jobId, document_id: message.documentId });
      if (outcome === "finished" || outcome === "gave_up") {
        await this.ctx.storage.deleteAll();
        return;
      }
    } catch (error) {
      // Never thrown: the runtime retries a failing alarm only a few times, and a database outage can outlast them.
      log("warn", "watchdog: check failed; trying again next period", { job_id: message.jobId, ...errorFields(error) });
    } finally {
      this.ctx.waitUntil(services.close());
    }
    await this.ctx.storage.setAlarm(Date.now() + this.periodMs());
  }

  private periodMs(): number {
    return readConfig(this.env).jobLeaseSeconds * 1000;
  }
}

/** The watchdog of each job, through the JOB_WATCHDOG namespace. */
export function jobWatchdogs(namespace: DurableObjectNamespace<JobWatchdog>): JobWatchdogClient {
  return {
    watch: async (message) => {
      await namespace.get(namespace.idFromName(message.jobId)).watch(message);
    },
  };
}
