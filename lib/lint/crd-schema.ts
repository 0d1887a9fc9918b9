import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { celRuleMessages } from './cel-rules';
import { Finding } from './findings';
import { LoadedManifest } from './load';
import { apiVersionOf, findingAbout } from './loaded-objects';
import { SchemaType, schemaTypeOf, schemaOf, schemaVersions } from './schemas';
import { formatPath } from '../diagnostics/problems';
import { schemaProblems } from '../diagnostics/schema-errors';

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
    findings.push(...schemaFindings(manifest, validate.errors ?? []));
  }
  return findings;
}

/**
 * The findings of a CRD schema's errors, each led by the path of the field in the object:
 * `spec.http[0].route[0].weight: is "ten" (a string); expected a whole number`.
 */
function schemaFindings(manifest: LoadedManifest, errors: readonly ErrorObject[]): Finding[] {
  return schemaProblems(errors, manifest.object)
    .map(({ path, message }) => findingAbout(manifest, `${path.length > 0 ? formatPath(path) : 'the object'}: ${message}`));
}
