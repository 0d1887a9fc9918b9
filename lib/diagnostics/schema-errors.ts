import type { ErrorObject } from 'ajv';
import { closestName } from './closest-name';
import { pointerPath } from './json-pointer';
import { PathSegment, Problem, show } from './problems';
import { countOf, expectedValue, firstSentence, listWords, receivedValue, resolveRef, SchemaNode, typesOf } from './schema-words';

/*
 * The one translation of JSON Schema (ajv) errors into plain words, for the chain spec's schema
 * and the CRD schemas alike: `is "80" (a number); expected a string; write it in quotes...`.
 * The errors must come from ajv with `verbose: true` (the messages read the data and the schema).
 */

/** What only one caller says, passed in by it. */
export interface SchemaWording {
  /**
   * The schema the errors' `$ref`s (`#/definitions/<name>`) point into.
   * @default none: references are not followed
   */
  readonly root?: SchemaNode;
  /**
   * How to fix an empty (null) value where a mapping is expected, given the key of the mapping
   * that holds the field (`versions` for `versions.v1`); `undefined` keeps the general fix.
   * @default the general fix: write `{}` for an empty mapping, or remove the field
   */
  readonly emptyMappingFix?: (holder: PathSegment | undefined) => string | undefined;
  /**
   * What follows `is a YAML merge key, ` for a `<<` key the schema does not accept: why, and what to write instead.
   * @default 'which is not a field here; write the fields out'
   */
  readonly mergeKeyAdvice?: string;
}

/**
 * Every error worth reporting, as problems: each at the path of the field it is about (the
 * missing or unknown field itself, not the mapping holding it) in `data`, the value validated,
 * with a plain message; the same problem once.
 */
export function schemaProblems(errors: readonly ErrorObject[], data: unknown, wording: SchemaWording = {}): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of reportedErrors(errors)) {
    const at = pointerPath(error.instancePath, data);
    const path = [...at, ...namedField(error)];
    const message = schemaErrorMessage(error, wording, at[at.length - 2]);
    const key = JSON.stringify([path, message]);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  return problems;
}

/** The field an error names below the value it points at: the missing or the unknown one. */
function namedField(error: ErrorObject): PathSegment[] {
  if (error.keyword === 'required') return [String(error.params.missingProperty)];
  if (error.keyword === 'additionalProperties') return [String(error.params.additionalProperty)];
  return [];
}

/**
 * The errors worth reporting. Dropped: an error inside a branch of a `oneOf` or `anyOf` that is
 * itself reported, since it only says why that one alternative did not fit (ajv keeps the errors
 * of a branch only when its `oneOf` or `anyOf` fails); and an "at most one of" on a value whose
 * type error is reported (a list or null where a mapping is expected sets none of the fields, yet
 * fails the pattern).
 */
export function reportedErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter(error => error.keyword === 'oneOf' || error.keyword === 'anyOf');
  const mistyped = new Set(errors.filter(error => error.keyword === 'type').map(error => error.instancePath));
  return errors.filter(error => !alternatives.some(parent => error.schemaPath.startsWith(`${parent.schemaPath}/`))
    && !(mistyped.has(error.instancePath) && exclusiveFields(error.schema).length > 0));
}

/**
 * One ajv error in plain words, without its path: what the value is, what was expected, and
 * how to fix it. `holder` is the key of the mapping or list that holds the field.
 */
export function schemaErrorMessage(error: ErrorObject, wording: SchemaWording = {}, holder?: PathSegment): string {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const params = error.params as Record<string, unknown>;
  const data: unknown = error.data;
  switch (error.keyword) {
    case 'type':
      return `is ${receivedValue(data)}; expected ${expectedValue(parent, wording.root)}${typeHint(data, typesOf(params.type), holder, wording)}`;
    case 'required': {
      const field = resolveRef(parent, wording.root).properties?.[String(params.missingProperty)];
      const what = firstSentence(field?.description);
      return `is missing; add it${what ? ` (${what})` : ''}`;
    }
    case 'additionalProperties':
      return unknownField(String(params.additionalProperty), parent, wording);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).filter((v): v is string => typeof v === 'string');
      const guess = typeof data === 'string' ? closestName(data, allowed) : undefined;
      return `is ${receivedValue(data)}; expected ${expectedValue(parent, wording.root)}${guess ? `; did you mean ${show(guess)}?` : ''}`;
    }
    case 'const':
      return `is ${receivedValue(data)}; expected ${show(params.allowedValue)}`;
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return `is ${show(data)}; expected ${expectedValue(parent, wording.root)}`;
    case 'maxItems': case 'maxProperties':
      return `has ${countOf(entriesOf(data), 'entry', 'entries')}, more than the ${params.limit} allowed; remove some`;
    case 'minItems': case 'minProperties':
      return `has ${countOf(entriesOf(data), 'entry', 'entries')}, fewer than the ${params.limit} required; add some`;
    case 'maxLength':
      return `is ${countOf(lengthOf(data), 'character')} long, more than the ${params.limit} allowed; shorten it`;
    case 'minLength':
      return `is ${countOf(lengthOf(data), 'character')} long, fewer than the ${params.limit} required; lengthen it`;
    case 'pattern':
      return `is ${receivedValue(data)}; expected a string matching the regular expression \`${String(params.pattern)}\``;
    case 'oneOf': {
      const fields = exclusiveFields(error.schema);
      const set = fields.filter(field => isRecord(data) && field in data);
      if (set.length > 1) return `sets ${listWords(set)}; expected at most one of ${fields.join(', ')}; keep one`;
      break;
    }
    case 'anyOf': {
      const branches = typeOnlyBranches(error.schema);
      if (branches.length > 0) {
        const expected = branches.map(branch => expectedValue(branch)).join(' or ');
        return `is ${receivedValue(data)}; expected ${expected}${typeHint(data, branches.flatMap(branch => typesOf(branch.type)), holder, wording)}`;
      }
      break;
    }
  }
  return `${error.message ?? 'is not valid'} (received ${receivedValue(data)})`;
}

/** An unknown field: a did-you-mean and the fields there are, or what to do of a YAML merge key. */
function unknownField(key: string, parent: SchemaNode, wording: SchemaWording): string {
  if (key === '<<') return `is a YAML merge key, ${wording.mergeKeyAdvice ?? 'which is not a field here; write the fields out'}`;
  const known = Object.keys(resolveRef(parent, wording.root).properties ?? {});
  const guess = closestName(key, known);
  return `is not a known field here${guess ? `; did you mean ${show(guess)}?` : ';'} The fields are: ${known.join(', ')}`;
}

/** A hint for a value of the wrong type, when a usual mistake explains it. */
function typeHint(data: unknown, expected: readonly string[], holder: PathSegment | undefined, wording: SchemaWording): string {
  if (expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    return `; write it in quotes to keep it text: ${show(String(data))}`;
  }
  if (expected.includes('object') && data === null) {
    return `; ${wording.emptyMappingFix?.(holder) ?? 'write `{}` for an empty mapping, or remove the field'}`;
  }
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function entriesOf(data: unknown): number {
  return Array.isArray(data) ? data.length : isRecord(data) ? Object.keys(data).length : 0;
}

/** The length of a string as JSON Schema counts it: in code points. */
function lengthOf(data: unknown): number {
  return [...String(data)].length;
}

/**
 * The field names of the "at most one of" pattern of Istio's CRDs, or none for another `oneOf`:
 * `oneOf: [{not: {anyOf: [{required: [a]}, {required: [b]}]}}, {required: [a]}, {required: [b]}]`.
 */
function exclusiveFields(branches: unknown): string[] {
  if (!Array.isArray(branches)) return [];
  const names: string[] = [];
  for (const branch of branches) {
    const required = isRecord(branch) ? branch.required : undefined;
    if (Array.isArray(required) && required.length === 1) names.push(String(required[0]));
    else if (!isRecord(branch) || !isRecord(branch.not)) return [];
  }
  return names;
}

/** The branches of an `anyOf` that only name a type, such as Kubernetes' int-or-string; none if any says more. */
function typeOnlyBranches(branches: unknown): SchemaNode[] {
  if (!Array.isArray(branches)) return [];
  const typeOnly = branches.every(branch => isRecord(branch) && Object.keys(branch).length === 1 && branch.type !== undefined);
  return typeOnly ? branches as SchemaNode[] : [];
}
