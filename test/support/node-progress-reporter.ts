import { appendFileSync } from "node:fs";
import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/**
 * A vitest reporter for CI's PostgreSQL pass: appends `start <file>` and `end <file> <state>` to the file named by
 * VITEST_PROGRESS_FILE as test files begin and end, so a pass that overruns its time limit can say which file never
 * finished (.ci/run prints it). Beside the default reporter, not instead of it.
 */
export default class ProgressReporter implements Reporter {
  private readonly path = process.env.VITEST_PROGRESS_FILE;

  onTestModuleStart(module: TestModule): void {
    this.write(`start ${this.name(module)}`);
  }

  onTestModuleEnd(module: TestModule): void {
    this.write(`end ${this.name(module)} ${module.state()}`);
  }

  private name(module: TestModule): string {
    return relative(process.cwd(), module.moduleId);
  }

  private write(line: string): void {
    if (this.path) appendFileSync(this.path, `${new Date().toISOString()} ${line}\n`);
  }
}
