/**
 * Thrown when the writer refuses an output folder or a set of files, before it changes
 * anything: every reason at once, each naming the path, why, and what to do.
 */
export class OutputRefusedError extends Error {
  constructor(
    /** The output folder as it was given. */
    public readonly outdir: string,
    /** One line per reason. */
    public readonly reasons: readonly string[],
  ) {
    super(`refusing to write to ${JSON.stringify(outdir)}; nothing was changed:\n${reasons.map(r => `  ${r}`).join('\n')}`);
    this.name = 'OutputRefusedError';
  }
}
