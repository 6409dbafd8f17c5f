// Shared by the command-line entry points: problems a user can fix are printed as one sentence,
// anything else with its stack.
export class UserFacingError extends Error {}

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof UserFacingError) {
      console.error(`\n${error.message}\n`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
