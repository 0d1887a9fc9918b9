import { asRecord } from './loaded-objects';

/*
 * Manifest values as the Kubernetes API server hands them to a CRD's CEL rules: guided by the
 * schema, integers are CEL ints, numbers doubles, mappings with declared properties objects
 * whose property names are escaped, free-form mappings (additionalProperties) maps with their
 * keys as written. Fields the schema does not declare are left out, as the API server prunes them,
 * and missing fields with a schema `default` get it, as the API server sets them before it
 * evaluates the rules (Gateway API's `parentRefs[].group`, `backendRefs[].kind`, `matches`...).
 */

/** The CEL value of a manifest value: what the evaluator takes as `self`. */
export type CelInputValue = bigint | number | string | boolean | null | CelInputValue[] | Map<string, CelInputValue>;

/** CEL's reserved words: a property of that name is `__<word>__` in a rule (`self.__namespace__`). */
const RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function',
  'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var',
]);

/**
 * A property name as a CEL rule spells it, by Kubernetes' escaping rules: a reserved word
 * becomes `__word__`; in other names `__` becomes `__underscores__`, `.` `__dot__`, `-`
 * `__dash__` and `/` `__slash__`.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#escaping
 */
export function escapePropertyName(name: string): string {
  if (RESERVED.has(name)) return `__${name}__`;
  return name.replace(/__|[./-]/g, part => ({ '__': '__underscores__', '.': '__dot__', '-': '__dash__', '/': '__slash__' })[part]!);
}

/** The value of a manifest value under a schema node, for CEL. */
export function celValueOf(value: unknown, schemaValue: unknown): CelInputValue {
  const schema = asRecord(schemaValue) ?? {};
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(item => celValueOf(item, schema.items));
  if (typeof value === 'number') return Number.isInteger(value) && schema.type !== 'number' ? BigInt(value) : value;
  if (typeof value === 'bigint' || typeof value === 'string' || typeof value === 'boolean') return value;
  const record = asRecord(value);
  if (!record) return String(value);
  const properties = asRecord(schema.properties);
  const additional = asRecord(schema.additionalProperties);
  const map = new Map<string, CelInputValue>();
  for (const [key, child] of Object.entries(record)) {
    if (properties && Object.prototype.hasOwnProperty.call(properties, key)) map.set(escapePropertyName(key), celValueOf(child, properties[key]));
    else if (additional) map.set(key, celValueOf(child, additional));
    else if (!properties || schema['x-kubernetes-preserve-unknown-fields'] === true) map.set(key, celValueOf(child, {}));
  }
  for (const [key, property] of Object.entries(properties ?? {})) {
    const fallback = asRecord(property)?.default;
    if (fallback !== undefined && !Object.prototype.hasOwnProperty.call(record, key)) {
      map.set(escapePropertyName(key), celValueOf(fallback, property));
    }
  }
  return map;
}
