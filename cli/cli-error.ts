/** Exit codes of the command. */
export enum ExitCode {
  /** Everything is fine. */
  OK = 0,
  /** Invalid input, findings, or drift. */
  INVALID = 1,
  /** The command line itself is wrong. */
  USAGE = 2,
}

/** An error meant for the user: printed to stderr without a stack trace. */
export class CliError extends Error {
  constructor(message: string, public readonly exitCode: ExitCode = ExitCode.INVALID) {
    super(message);
    this.name = 'CliError';
  }
}
