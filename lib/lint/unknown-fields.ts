import { Finding } from './findings';
import { LoadedManifest } from './load';
import { apiVersionOf, asRecord, findingAbout } from './loaded-objects';
import { schemaTypeOf, schemaOf } from './schemas';
import { formatPath, PathSegment } from '../diagnostics/problems';

/** Top-level fields every Kubernetes object has, outside the CRD schema. */
const OBJECT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Finds fields the CRD schema does not define. A JSON Schema validator lets them pass (the
 * Istio schemas set no `additionalProperties: false`), but Kubernetes reads CRD schemas as
 * structural: the API server rejects unknown fields under strict field validation
 * (kubectl's default) and silently drops them otherwise, so a misspelt field never takes
 * effect. Mappings with `additionalProperties` or `x-kubernetes-preserve-unknown-fields`
 * accept any key. Objects whose apiVersion has no schema are left to `checkCrdSchemas`.
 */
export function checkUnknownFields(manifests: readonly LoadedManifest[]): Finding[] {
  const findings: Finding[] = [];
  for (const manifest of manifests) {
    const type = schemaTypeOf(manifest);
    const schema = type && schemaOf(type, apiVersionOf(manifest));
    if (!type || !schema) continue;
    const unknown: PathSegment[][] = [];
    walk(schema, manifest.object, [], unknown);
    for (const path of unknown) {
      findings.push(findingAbout(manifest, `${formatPath(path)}: is not a field of ${type.kind} ${String(manifest.object.apiVersion)}; the API server rejects or drops it`));
    }
  }
  return findings;
}

function walk(schemaValue: unknown, value: unknown, path: PathSegment[], unknown: PathSegment[][]): void {
  const schema = asRecord(schemaValue);
  if (!schema) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(schema.items, item, [...path, i], unknown));
    return;
  }
  const record = asRecord(value);
  if (!record) return;
  const properties = asRecord(schema.properties);
  const additional = schema.additionalProperties;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  for (const [key, child] of Object.entries(record)) {
    if (path.length === 0 && OBJECT_FIELDS.has(key)) continue;
    if (properties && Object.prototype.hasOwnProperty.call(properties, key)) {
      walk(properties[key], child, [...path, key], unknown);
    } else if (asRecord(additional)) {
      walk(additional, child, [...path, key], unknown);
    } else if (properties && additional !== true && !preserve) {
      unknown.push([...path, key]);
    }
  }
}
