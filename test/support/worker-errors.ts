import { expect } from "vitest";
import { IngestionError } from "../../src/ingestion/errors";

/** Awaits a promise that must reject with an instance of `type`, and returns that error for further assertions. */
export async function caughtError<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

/** Awaits a promise that must reject with an IngestionError, and returns that error for further assertions. */
export function caughtIngestionError(promise: Promise<unknown>): Promise<IngestionError> {
  return caughtError(promise, IngestionError);
}
