import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { celRuleMessages } from './cel-rules';
import { Finding } from './findings';
import { LoadedManifest } from './load';
import { apiVersionOf, asRecord, findingAbout } from './loaded-objects';
import { SchemaType, schemaTypeOf, schemaOf, schemaVersions } from './schemas';
import { pointerPath } from '../diagnostics/json-pointer';
import { formatPath, show } from '../diagnostics/problems';

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();
/** Whether each object checked passed its CRD schema, so that later checks need not validate it again. */
const verdicts = new WeakMap<object, boolean>();

/**
 * Whether a manifest of a kind with a CRD schema passes it (the API server refuses it before
 * any admission webhook sees it otherwise); taken from {@link checkCrdSchemas} when it ran.
 */
export function passesCrdSchema(manifest: LoadedManifest): boolean {
  const known = verdicts.get(manifest.object);
  if (known !== undefined) return known;
  const type = schemaTypeOf(manifest);
  const validate = type && validatorOf(type, apiVersionOf(manifest));
  const passes = validate ? validate(manifest.object) === true : false;
  verdicts.set(manifest.object, passes);
  return passes;
}

/**
 * Ajv, loaded on first use: only `validate` needs it, and loading it would cost every
 * other command of the CLI about 30 ms.
 */
function newAjv(): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass({ strict: false, allErrors: true, verbose: true, validateFormats: false });
}

/**
 * The compiled validator of a kind in a version, compiled on first use. The CRD schemas
 * carry Kubernetes keywords (`x-kubernetes-*`) that ajv does not know, hence
 * `strict: false`; formats (`int32`, `date-time`, ...) are not checked.
 */
function validatorOf(type: SchemaType, version: string): ValidateFunction | undefined {
  const key = `${type.group}/${type.kind}.${version}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema = schemaOf(type, version);
    if (!schema) return undefined;
    ajv ??= newAjv();
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * Validates every object of a kind with a kept CRD schema (Istio's VirtualService,
 * DestinationRule and Gateway, Gateway API's HTTPRoute, Gateway, GatewayClass and
 * ReferenceGrant; the schema is chosen by API group and version) against it: types, required
 * fields, enums, limits and Istio's "at most one of" rules; then, for an object that passes,
 * the CRD's CEL rules (`x-kubernetes-validations`, see `celRuleMessages`). An apiVersion with
 * no schema is a finding.
 */
export function checkCrdSchemas(manifests: readonly LoadedManifest[]): Finding[] {
  const findings: Finding[] = [];
  for (const manifest of manifests) {
    const type = schemaTypeOf(manifest);
    if (!type) continue;
    const version = apiVersionOf(manifest);
    const validate = validatorOf(type, version);
    if (!validate) {
      const known = schemaVersions(type).map(v => `${type.group}/${v}`).join(', ') || 'none';
      findings.push(findingAbout(manifest, `apiVersion ${String(manifest.object.apiVersion)} is not a known version of ${type.kind} (known: ${known})`));
      continue;
    }
    const passes = validate(manifest.object) === true;
    verdicts.set(manifest.object, passes);
    if (passes) {
      for (const message of celRuleMessages(schemaOf(type, version)!, manifest.object)) findings.push(findingAbout(manifest, message));
      continue;
    }
    const messages = new Set(reportedErrors(validate.errors ?? []).map(error => schemaErrorMessage(error, manifest.object)));
    for (const message of messages) findings.push(findingAbout(manifest, message));
  }
  return findings;
}

/* The messages: ajv's errors in plain words, led by the path of the field. */

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty (null)',
};

/** Describes a value for "..., not <value>": `the string "ten"`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return `the string ${show(value)}`;
    case 'number': return `the number ${value}`;
    case 'boolean': return String(value);
    case 'object': return 'a mapping';
    default: return show(value);
  }
}

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map(t => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}


/** The field names of Istio's "at most one of" pattern: `oneOf: [{not: {anyOf: [{required: [a]}, ...]}}, {required: [a]}, ...]`. */
function exclusiveFields(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches)) return undefined;
  const names: string[] = [];
  for (const branch of branches) {
    const required = asRecord(branch)?.required;
    if (Array.isArray(required) && required.length === 1 && typeof required[0] === 'string') names.push(required[0]);
    else if (!asRecord(asRecord(branch)?.not)) return undefined;
  }
  return names.length > 0 ? names : undefined;
}

/** The types of an `anyOf` whose branches only name a type (`x-kubernetes-int-or-string`). */
function anyOfTypes(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches)) return undefined;
  const types = branches.map(branch => {
    const record = asRecord(branch);
    return record && Object.keys(record).length === 1 ? record.type : undefined;
  });
  return types.every(type => typeof type === 'string') ? types as string[] : undefined;
}

/** The message for one ajv error (made with `verbose: true`), without its path. */
function plainWords(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${typeWords(params.type)}, not ${describeValue(error.data)}`;
    case 'required':
      return 'is required';
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}, not ${describeValue(error.data)}`;
    case 'minimum':
      return `must be at least ${params.limit}, not ${describeValue(error.data)}`;
    case 'maximum':
      return `must be at most ${params.limit}, not ${describeValue(error.data)}`;
    case 'minItems':
      return `must list at least ${params.limit} item${params.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must list at most ${params.limit} item${params.limit === 1 ? '' : 's'}`;
    case 'minLength':
      return `must be at least ${params.limit} character${params.limit === 1 ? '' : 's'} long`;
    case 'maxLength':
      return `must be at most ${params.limit} character${params.limit === 1 ? '' : 's'} long`;
    case 'oneOf': {
      const fields = exclusiveFields(error.schema);
      const data = asRecord(error.data);
      if (fields && data) {
        const set = fields.filter(field => field in data);
        return `sets ${set.join(' and ')}, but at most one of ${fields.join(', ')} may be set`;
      }
      return error.message ?? 'must match exactly one schema in oneOf';
    }
    case 'anyOf': {
      const types = anyOfTypes(error.schema);
      if (types) return `must be ${typeWords(types)}, not ${describeValue(error.data)}`;
      return error.message ?? 'must match a schema in anyOf';
    }
    default:
      return error.message ?? `fails the schema keyword ${error.keyword}`;
  }
}

/**
 * The errors worth reporting: an error inside a `oneOf`/`anyOf` branch is dropped when the
 * `oneOf`/`anyOf` itself is reported, since the branch errors only say why each alternative
 * did not fit.
 */
export function reportedErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter(error => error.keyword === 'oneOf' || error.keyword === 'anyOf');
  return errors.filter(error => !alternatives.some(parent => parent !== error && error.schemaPath.startsWith(`${parent.schemaPath}/`)));
}

/**
 * One ajv error in plain words, led by the path of the field in the object:
 * `spec.http[0].route[0].weight: must be an integer, not the string "ten"`.
 */
export function schemaErrorMessage(error: ErrorObject, object: unknown): string {
  const segments = pointerPath(error.instancePath, object);
  if (error.keyword === 'required') segments.push(String((error.params as Record<string, unknown>).missingProperty));
  const where = segments.length > 0 ? formatPath(segments) : 'the object';
  return `${where}: ${plainWords(error)}`;
}
