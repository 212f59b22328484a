import { describe, expect, it } from "vitest";
import dashboard from "../../docs/grafana/dashboard.json";
import alertRules from "../../docs/grafana/alert-rules.yaml?raw";
import observability from "../../docs/observability.md?raw";

const queries = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.query));

describe("the Grafana dashboard (docs/grafana/dashboard.json)", () => {
  it("queries only the insurance_navigator dataset, one kind of point per panel", () => {
    for (const query of queries) expect(query).toMatch(/FROM insurance_navigator WHERE .*index1 = '(request|ingestion|chat|feedback|rate_limit)'|index1 = 'request' AND blob6/);
  });

  it.each([
    ["p95 latency per route", "quantileExactWeighted(0.95)(double2"],
    ["p50 latency per route", "quantileExactWeighted(0.5)(double2"],
    ["Requests per second", "sum(_sample_interval) / $interval"],
    ["5xx error rate", "double1 >= 500"],
    ["Ingestion success rate", "blob3 = 'complete'"],
    ["Ingestion pages per second", "double8"],
    ["Chat first-token p95", "index1 = 'chat' AND double2 >= 0"],
    ["Refusal rate", "blob5 = 'yes'"],
    ["Feedback average", "index1 = 'feedback'"],
    ["Top error codes", "blob6"],
    ["Rate-limit rejections", "index1 = 'rate_limit'"],
  ])("has a panel for %s", (title, fragment) => {
    const panel = dashboard.panels.find((p) => p.title.startsWith(title));
    expect(panel?.targets[0]?.query).toContain(fragment);
  });

  it("weights counts and quantiles by the sample interval", () => {
    for (const query of queries) expect(query).toContain("_sample_interval");
  });
});

describe("the alert rules (docs/grafana/alert-rules.yaml)", () => {
  it.each([
    ["in-error-rate", "gt, params: [0.05]"],
    ["in-p95-latency", "gt, params: [10000]"],
    ["in-ingestion-failures", "gt, params: [0.2]"],
    ["in-feedback-average", "lt, params: [4.5]"],
  ])("has the rule %s with its threshold", (uid, threshold) => {
    const start = alertRules.indexOf(`uid: ${uid}`);
    expect(start).toBeGreaterThan(-1);
    const next = alertRules.indexOf("- uid:", start + 1);
    expect(alertRules.slice(start, next === -1 ? undefined : next)).toContain(threshold);
  });
});

describe("docs/observability.md", () => {
  it("documents the column layout of every kind of point", () => {
    for (const kind of ["request", "ingestion", "chat", "rate_limit", "feedback"]) expect(observability).toContain(`| \`${kind}\` |`);
  });
});
