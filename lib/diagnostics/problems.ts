/** A step in the path to a field: a property name or an array index. */
export type PathSegment = string | number;

/** One thing wrong with the input, at a path in the props or spec. */
export interface Problem {
  /** Where: `['services', 1, 'versions', 'v3', 'image']`. */
  readonly path: PathSegment[];
  /** What is wrong, the value received and how to fix it. */
  readonly message: string;
}

/**
 * Formats a path the way it reads in TypeScript and YAML alike: `services[1].versions.v3.image`.
 * List indices, and keys that are not plain names, go in brackets: `[0]`, `["example.com/tier"]`.
 * @internal
 */
export function formatPath(path: PathSegment[]): string {
  return path.reduce<string>((text, segment) => {
    const key = String(segment);
    if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${text}[${JSON.stringify(segment)}]`;
    return text === '' ? key : `${text}.${key}`;
  }, '');
}

/** The longest text {@link show} returns. */
const SHOW_LIMIT = 80;

/**
 * Shows a received value in a message, short and unambiguous. Never throws, whatever
 * the value: big integers, infinities, functions and objects that refer to themselves included.
 * @internal
 */
export function show(value: unknown): string {
  const text = showCodePoints(showUncut(value));
  return text.length > SHOW_LIMIT ? `${text.slice(0, SHOW_LIMIT - 3)}...` : text;
}

/**
 * Characters a reader cannot see or tell apart from ASCII: controls, format characters such as
 * U+200B (zero width space) and U+FEFF, separators other than the space, combining marks,
 * variation selectors, and letters of other scripts that look like Latin ones (Cyrillic U+0430
 * is drawn as `a`), fullwidth forms and mathematical letters.
 */
const HIDDEN_OR_LOOKALIKE = new RegExp([
  '[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{M}\\p{Co}\\p{Cn}]',
  '[^\\P{Zs} ]',
  '[\\p{Script=Cyrillic}\\p{Script=Greek}\\p{Script=Armenian}\\p{Script=Cherokee}]',
  '[\\u{FF00}-\\u{FFEF}\\u{1D400}-\\u{1D7FF}]',
].join('|'), 'gu');

/** Shows hidden and lookalike characters as their code points, `<U+200B>`, so that messages say what is really there. */
function showCodePoints(text: string): string {
  return text.replace(HIDDEN_OR_LOOKALIKE, c => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

function showUncut(value: unknown): string {
  switch (typeof value) {
    case 'undefined': return 'nothing';
    case 'number':
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
