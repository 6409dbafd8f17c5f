// Turns a failed database connection into a sentence for a person, without internals.
export function describeConnectionError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "ECONNREFUSED":
      return "nothing is listening there (connection refused)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name does not resolve";
    case "ETIMEDOUT":
      return "the connection timed out";
    case "28P01":
    case "28000":
      return "the server refused the user name or password";
    case "3D000":
      return "that database does not exist on the server";
    default:
      return error instanceof Error && error.message ? error.message : "the connection failed";
  }
}
