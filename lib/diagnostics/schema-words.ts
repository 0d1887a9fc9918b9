import { show } from './problems';

/** A JSON Schema node, as far as messages need it. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly properties?: Record<string, SchemaNode>;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly description?: string;
  readonly definitions?: Record<string, SchemaNode>;
}

/** Follows `#/definitions/<name>` references within `root`; a reference that leads nowhere accepts anything. */
export function resolveRef(node: SchemaNode, root: SchemaNode | undefined): SchemaNode {
  let current = node;
  // Stryker disable next-line EqualityOperator: the guard against reference cycles; one hop more or less changes no real schema
  for (let hops = 0; current.$ref !== undefined && hops < 10; hops++) {
    current = root?.definitions?.[current.$ref.replace('#/definitions/', '')] ?? {};
  }
  return current;
}

/** The types a node names, `type: [number, string]` included (ajv has checked that they are strings). */
export function typesOf(type: unknown): string[] {
  if (typeof type === 'string') return [type];
  // Stryker disable next-line ArrayDeclaration: a made-up type reads as ANY_OTHER, the words of no type at all
  return Array.isArray(type) ? type as string[] : [];
}

/**
 * What a schema node accepts, in words: `a whole number from 1 to 65535`, `one of "a", "b"`,
 * `a number or a string`. `root` holds the definitions `$ref`s point to.
 */
export function expectedValue(node: SchemaNode, root?: SchemaNode): string {
  return alternatives(node, root).join(' or ');
}

/** What a node accepts, one description per type it allows. */
function alternatives(node: SchemaNode, root: SchemaNode | undefined): string[] {
  const schema = resolveRef(node, root);
  if (schema.enum) return [`one of ${schema.enum.map(value => show(value)).join(', ')}`];
  if (schema.const !== undefined) return [show(schema.const)];
  const types = typesOf(schema.type);
  return types.length > 0 ? types.map(type => typeWords(type, schema, root)) : [ANY_OTHER];
}

/** What a node without a known type accepts, in words. */
const ANY_OTHER = 'a value of another type';

function typeWords(type: string, schema: SchemaNode, root: SchemaNode | undefined): string {
  switch (type) {
    case 'integer': return `a whole number${range(schema)}`;
    case 'number': return `a number${range(schema)}`;
    case 'string': return 'a string';
    case 'boolean': return 'true or false';
    case 'null': return 'empty (null)';
    case 'array': return schema.items ? `a list of ${plural(schema.items, root)}` : 'a list';
    case 'object': {
      const values = schema.additionalProperties;
      if (!schema.properties && typeof values === 'object') return `a mapping of names to ${plural(values, root)}`;
      return 'a mapping of fields';
    }
    default: return ANY_OTHER;
  }
}

/** The bounds of a number: ` from 1 to 9`, ` of at least 0`, ` above 0 and at most 1`. */
function range(schema: SchemaNode): string {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (minimum !== undefined && maximum !== undefined) return ` from ${minimum} to ${maximum}`;
  const lower = minimum !== undefined ? `at least ${minimum}` : exclusiveMinimum !== undefined ? `above ${exclusiveMinimum}` : undefined;
  const upper = maximum !== undefined ? `at most ${maximum}` : exclusiveMaximum !== undefined ? `below ${exclusiveMaximum}` : undefined;
  const bounds = [lower, upper].filter((bound): bound is string => bound !== undefined);
  if (bounds.length === 0) return '';
  return `${bounds[0].startsWith('at ') ? ' of ' : ' '}${bounds.join(' and ')}`;
}

/** What a node accepts, in the plural, for the items of a list or the values of a mapping. */
function plural(node: SchemaNode, root: SchemaNode | undefined): string {
  return alternatives(node, root).map(pluralOf).join(' or ');
}

/**
 * `a string` -> `strings`, `a whole number from 1 to 9` -> `whole numbers from 1 to 9`: the noun
 * before any `of`, `from`, `above` or `below` takes the plural. Descriptions without an article
 * are kept, prefixed with `values that are`.
 */
function pluralOf(description: string): string {
  const article = /^an? (.*)/.exec(description);
  if (!article) return `values that are ${description}`;
  const phrase = article[1];
  const nounEnd = phrase.search(/ (of|from|above|below) |$/);
  return `${phrase.slice(0, nounEnd)}s${phrase.slice(nounEnd)}`;
}

/** The value received, in words: `empty (null)`, `a list`, `"80" (a string)`. */
export function receivedValue(data: unknown): string {
  if (data === null) return 'empty (null)';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (Number.isNaN(data)) return 'NaN, which is not a number';
  if (typeof data === 'number' && !Number.isFinite(data)) return `${show(data)}, a number too large to use`;
  if (typeof data === 'function' || typeof data === 'symbol' || data === undefined) return show(data);
  return `${show(data)} (a ${typeof data})`;
}

/** The first sentence of a description, on one line, for a short reminder of what a field is. */
export function firstSentence(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const text = description.replace(/\s+/g, ' ');
  const match = /(.*?[.:]) /.exec(text);
  return (match ? match[1] : text).replace(/[.:]$/, '');
}

/** `1 entry`, `3 entries`: a count with its noun. */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** One or more words as a list: `a`, `a and b`, `a, b and c`. */
export function listWords(words: readonly string[]): string {
  if (words.length === 1) return words[0];
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
