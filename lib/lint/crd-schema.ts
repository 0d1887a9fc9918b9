import type { default as Ajv, ValidateFunction } from 'ajv';
import { Finding } from './findings';
import { LoadedManifest } from './load';
import { apiVersionOf, findingAbout, ISTIO_NETWORKING_GROUP } from './objects';
import { reportedErrors, schemaErrorMessage } from './schema-messages';
import { SchemaKind, schemaKindOf, schemaOf, schemaVersions } from './schemas';

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

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
function validatorOf(kind: SchemaKind, version: string): ValidateFunction | undefined {
  const key = `${kind}.${version}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema = schemaOf(kind, version);
    if (!schema) return undefined;
    ajv ??= newAjv();
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * Validates every networking.istio.io VirtualService, DestinationRule and Gateway against
 * the OpenAPI schema of its CRD version (schema/istio/<Kind>.<version>.json): types,
 * required fields, enums, limits and Istio's "at most one of" rules. An apiVersion with
 * no schema is a finding. CEL rules (`x-kubernetes-validations`) are not evaluated.
 */
export function checkCrdSchemas(manifests: readonly LoadedManifest[]): Finding[] {
  const findings: Finding[] = [];
  for (const manifest of manifests) {
    const kind = schemaKindOf(manifest);
    if (!kind) continue;
    const version = apiVersionOf(manifest);
    const validate = validatorOf(kind, version);
    if (!validate) {
      const known = schemaVersions(kind).map(v => `${ISTIO_NETWORKING_GROUP}/${v}`).join(', ') || 'none';
      findings.push(findingAbout(manifest, `apiVersion ${String(manifest.object.apiVersion)} is not a known version of ${kind} (known: ${known})`));
      continue;
    }
    if (validate(manifest.object)) continue;
    const messages = new Set(reportedErrors(validate.errors ?? []).map(error => schemaErrorMessage(error, manifest.object)));
    for (const message of messages) findings.push(findingAbout(manifest, message));
  }
  return findings;
}
