// What a refused call said under each field: the fields of the AppError it threw, or null when
// it did not throw (or threw without fields).
export const fieldErrors = (promise: Promise<unknown>): Promise<Record<string, string[]> | null> =>
  promise.then(
    () => null,
    (error: { fields?: Record<string, string[]> }) => error.fields ?? null,
  );
