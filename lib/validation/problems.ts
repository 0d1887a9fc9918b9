/** A step in the path to a field: a property name or an array index. */
export type PathSegment = string | number;

/** One thing wrong with the input, at a path in the props or spec. */
export interface Problem {
  /** Where: `['services', 1, 'versions', 'v3', 'image']`. */
  readonly path: PathSegment[];
  /** What is wrong, the value received and how to fix it. */
  readonly message: string;
}

/** Formats a path the way it reads in TypeScript and YAML alike: `services[1].versions.v3.image`. */
export function formatPath(path: PathSegment[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const plain = /^[A-Za-z_$][\w$-]*$/.test(segment);
    const key = plain ? segment : JSON.stringify(segment);
    if (!plain) return `${text}[${key}]`;
    return text === '' ? key : `${text}.${key}`;
  }, '');
}

/** Shows a received value in a message, short and unambiguous. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Every problem found in the input; thrown as one error listing them all. */
export class ChainValidationError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(`Validation failed with the following errors:\n${problems.map(p => `  [${formatPath(p.path)}] ${p.message}`).join('\n')}`);
    this.name = 'ChainValidationError';
  }
}

/** Collects problems, so that all of them are reported at once. */
export class Problems {
  private readonly found: Problem[] = [];

  /** Records a problem at `path`. */
  public add(path: PathSegment[], message: string): void {
    this.found.push({ path, message });
  }

  /** The problems so far, in the order found. */
  public get list(): Problem[] {
    return [...this.found];
  }

  /** Throws one {@link ChainValidationError} listing every problem, if there is any. */
  public throwIfAny(): void {
    if (this.found.length > 0) throw new ChainValidationError(this.list);
  }
}
