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

/** The longest text {@link show} returns. */
const SHOW_LIMIT = 80;

/**
 * Shows a received value in a message, short and unambiguous. Never throws, whatever
 * the value: big integers, infinities, functions and objects that refer to themselves included.
 */
export function show(value: unknown): string {
  const text = showUncut(value);
  return text.length > SHOW_LIMIT ? `${text.slice(0, SHOW_LIMIT - 3)}...` : text;
}

function showUncut(value: unknown): string {
  switch (typeof value) {
    case 'undefined': return 'nothing';
    case 'number': return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case 'bigint': return String(value);
    case 'function': return 'a function';
    case 'symbol': return value.toString();
    default:
      try {
        return JSON.stringify(value, jsonSafe) ?? String(value);
      } catch {
        return 'an object that contains itself';
      }
  }
}

/** Keeps values JSON cannot write readable: `Infinity` and `12n` instead of `null` and an exception. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return String(typeof value);
  return value;
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
    this.found.push({ path: [...path], message });
  }

  /** Records problems found elsewhere, in their order. */
  public addAll(problems: readonly Problem[]): void {
    for (const problem of problems) this.add(problem.path, problem.message);
  }

  /** The problems so far, in the order found. */
  public get list(): Problem[] {
    return [...this.found];
  }

  /** How many problems were found so far. */
  public get size(): number {
    return this.found.length;
  }

  /** Throws one {@link ChainValidationError} listing every problem, if there is any. */
  public throwIfAny(): void {
    if (this.found.length > 0) throw new ChainValidationError(this.list);
  }
}
