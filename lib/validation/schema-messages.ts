import { ErrorObject } from 'ajv';
import { closestName } from './closest-name';
import { show } from '../diagnostics/problems';

/** A JSON Schema node, as far as messages need it. */
interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly properties?: Record<string, SchemaNode>;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly description?: string;
  readonly definitions?: Record<string, SchemaNode>;
}

/** Follows `#/definitions/<name>` references within `root`. */
function resolve(node: SchemaNode, root: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; current.$ref !== undefined && hops < 10; hops++) {
    current = root.definitions?.[current.$ref.replace('#/definitions/', '')] ?? {};
  }
  return current;
}

/** What a schema node accepts, in words: `a whole number from 1 to 65535`, `one of "a", "b"`. */
export function expectedValue(node: SchemaNode, root: SchemaNode): string {
  const schema = resolve(node, root);
  if (schema.enum) return `one of ${schema.enum.map(value => show(value)).join(', ')}`;
  if (schema.const !== undefined) return show(schema.const);
  switch (schema.type) {
    case 'integer': return `a whole number${range(schema)}`;
    case 'number': return `a number${range(schema)}`;
    case 'string': return 'a string';
    case 'boolean': return 'true or false';
    case 'array': return schema.items ? `a list of ${plural(expectedValue(schema.items, root))}` : 'a list';
    case 'object': {
      const values = schema.additionalProperties;
      if (!schema.properties && typeof values === 'object') return `a mapping of names to ${plural(expectedValue(values, root))}`;
      return 'a mapping of fields';
    }
    default: return 'a value of another type';
  }
}

function range(schema: SchemaNode): string {
  const { minimum, maximum } = schema;
  if (minimum !== undefined && maximum !== undefined) return ` from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return ` of at least ${minimum}`;
  if (maximum !== undefined) return ` of at most ${maximum}`;
  return '';
}

/**
 * `a string` -> `strings`, `a whole number from 1 to 9` -> `whole numbers from 1 to 9`: the noun
 * before any `of` or `from` takes the plural. Descriptions without an article are kept, prefixed
 * with `values that are`.
 */
function plural(description: string): string {
  const article = /^an? (.*)$/.exec(description);
  if (!article) return `values that are ${description}`;
  const phrase = article[1];
  const nounEnd = phrase.search(/ (of|from) |$/);
  return `${phrase.slice(0, nounEnd)}s${phrase.slice(nounEnd)}`;
}

/** The value received, in words: `null (empty)`, `a list`, `"80"`. */
export function receivedValue(data: unknown): string {
  if (data === null) return 'empty (null)';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (Number.isNaN(data)) return 'NaN, which is not a number';
  if (typeof data === 'number' && !Number.isFinite(data)) return `${show(data)}, a number too large to use`;
  if (typeof data === 'function' || typeof data === 'symbol' || data === undefined) return show(data);
  return `${show(data)} (a ${typeof data})`;
}

/** The first sentence of a description, for a short reminder of what a field is. */
function firstSentence(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const match = /^(.*?[.:])(\s|$)/.exec(description);
  return (match ? match[1] : description).replace(/[.:]$/, '');
}

/** A hint for a value of the wrong type, when a usual mistake explains it. */
function typeHint(error: ErrorObject, parentKey: string | number | undefined): string {
  const data = error.data;
  if (error.params.type === 'string' && (typeof data === 'number' || typeof data === 'boolean')) {
    return `; write it in quotes to keep it text: ${show(String(data))}`;
  }
  if (error.params.type === 'object' && data === null) {
    return parentKey === 'versions' ? '; write `{}` for a version with no settings of its own' : '; write `{}` for an empty mapping, or remove the field';
  }
  return '';
}

/** Turns one ajv error into a plain message; `path` is where it points (the field itself). */
export function schemaMessage(error: ErrorObject, root: SchemaNode, parentKey: string | number | undefined): string {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  switch (error.keyword) {
    case 'type':
      return `is ${receivedValue(error.data)}; expected ${expectedValue(parent, root)}${typeHint(error, parentKey)}`;
    case 'required': {
      const field = resolve(parent, root).properties?.[error.params.missingProperty as string];
      const what = firstSentence(field?.description);
      return `is missing; add it${what ? ` (${what})` : ''}`;
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(resolve(parent, root).properties ?? {});
      if (key === '<<') return 'is a YAML merge key, which spec files do not support; write the fields out, or move shared settings to `defaults`';
      const guess = closestName(key, known);
      return `is not a known field here${guess ? `; did you mean ${show(guess)}?` : ';'} The fields are: ${known.join(', ')}`;
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).filter((v): v is string => typeof v === 'string');
      const guess = typeof error.data === 'string' ? closestName(error.data, allowed) : undefined;
      return `is ${receivedValue(error.data)}; expected ${expectedValue(parent, root)}${guess ? `; did you mean ${show(guess)}?` : ''}`;
    }
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return `is ${show(error.data)}; expected ${expectedValue(parent, root)}`;
    case 'maxItems': case 'maxProperties': {
      const count = Array.isArray(error.data) ? error.data.length : Object.keys(error.data as object).length;
      return `has ${count} entries, more than the ${error.params.limit} allowed; remove some`;
    }
    default:
      return `${error.message ?? 'is not valid'} (received ${receivedValue(error.data)})`;
  }
}
