import { expect } from "vitest";
import { IngestionError } from "../../src/ingestion/errors";

/** Awaits a promise that must reject with an IngestionError, and returns that error for further assertions. */
export async function caughtIngestionError(promise: Promise<unknown>): Promise<IngestionError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(IngestionError);
  return error as IngestionError;
}
