import { MAX_LISTED_PROBLEMS } from './spec-limits';

/** One thing wrong with a spec file, where it is. */
export interface SpecProblem {
  /** The field, in dotted form: `services[1].versions.v3.image`; `(file)` or `(top level)` for the file as a whole. */
  readonly path: string;
  /** 1-based line of the field in the file, when known. */
  readonly line?: number;
  /** 1-based column of the field in the file, when known. */
  readonly column?: number;
  /** What is wrong, the value received and how to fix it. */
  readonly message: string;
}

/** `<file>:<line>:<column>: <path>: <message>`, leaving out the position when it is not known. @internal */
export function formatSpecProblem(fileName: string, problem: SpecProblem): string {
  const position = problem.line !== undefined ? `:${problem.line}:${problem.column ?? 1}` : '';
  return `${fileName}${position}: ${problem.path}: ${problem.message}`;
}

/**
 * Everything wrong with a spec file, each problem on its own line with its position. The message
 * lists the first {@link MAX_LISTED_PROBLEMS} problems and counts the rest; `problems` holds all.
 */
export class SpecError extends Error {
  constructor(
    /** The file, as named to the loader. */
    public readonly fileName: string,
    /** Every problem found, from the top of the file down within each stage. */
    public readonly problems: SpecProblem[],
  ) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map(problem => `  ${formatSpecProblem(fileName, problem)}`);
    const more = problems.length - listed.length;
    super(`${fileName}: the spec has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n`
      + [...listed, ...(more > 0 ? [`  ... and ${more} more`] : [])].join('\n'));
    this.name = 'SpecError';
  }
}
