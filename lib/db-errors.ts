// Turns a failed database connection into a sentence for a person, without internals.
// Understands node-postgres errors (code) and Prisma driver-adapter errors (meta.driverAdapterError.cause.kind).

function failureCode(error: unknown): string | undefined {
  const e = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } };
  } | null;
  const adapterCause = e?.meta?.driverAdapterError?.cause;
  return adapterCause?.kind ?? adapterCause?.originalCode ?? e?.code;
}

export function describeConnectionError(error: unknown): string {
  switch (failureCode(error)) {
    case "ECONNREFUSED":
    case "DatabaseNotReachable":
      return "nothing is listening there (connection refused)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name does not resolve";
    case "ETIMEDOUT":
    case "SocketTimeout":
      return "the connection timed out";
    case "28P01":
    case "28000":
    case "AuthenticationFailed":
      return "the server refused the user name or password";
    case "3D000":
    case "DatabaseDoesNotExist":
      return "that database does not exist on the server";
    default:
      return "the connection failed";
  }
}
