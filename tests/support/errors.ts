import { AppError } from "../../lib/errors";

// What a refused call said under each field: the fields of the AppError it threw, or null when
// it did not throw (or threw without fields).
export const fieldErrors = (promise: Promise<unknown>): Promise<Record<string, string[]> | null> =>
  promise.then(
    () => null,
    (error: { fields?: Record<string, string[]> }) => error.fields ?? null,
  );

/** The AppError code a call was refused with, or "ALLOWED" when it went through; other errors propagate. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "ALLOWED";
}
