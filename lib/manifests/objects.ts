/*
 * Kubernetes objects as parsed from manifests (plain JSON values): reading their fields
 * without trusting their shape, recognising their kind, and naming them.
 */

/** A parsed manifest object, or any mapping in one. */
export type JsonObject = Record<string, unknown>;

/** The API group of Istio's traffic objects. */
export const ISTIO_NETWORKING_GROUP = 'networking.istio.io';

/** The namespace an object without one lands in (as `kubectl apply` without `-n` puts it). */
export const DEFAULT_NAMESPACE = 'default';

/** The Istio traffic kinds read from manifests. */
export type IstioKind = 'VirtualService' | 'DestinationRule' | 'Gateway';

/** The value if it is a mapping (not a list), else `undefined`. */
export function asRecord(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as JsonObject : undefined;
}

/** The value if it is a list, else an empty list. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value if it is a non-empty string, else `undefined`. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The string values of a mapping of labels; entries with other values are left out. */
export function asLabels(value: unknown): Record<string, string> {
  const record = asRecord(value) ?? {};
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The API group of an object: `networking.istio.io`, or `''` for the core group (`apiVersion: v1`). */
export function apiGroupOf(object: JsonObject): string {
  const apiVersion = String(object.apiVersion);
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

/** The version part of an object's apiVersion: `v1beta1`. */
export function apiVersionOf(object: JsonObject): string {
  const apiVersion = String(object.apiVersion);
  return apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
}

/** The kind of an object: `VirtualService`. */
export function kindOf(object: JsonObject): string {
  return String(object.kind);
}

/** `metadata.name`, or `''` when it has none. */
export function nameOf(object: JsonObject): string {
  return asString(asRecord(object.metadata)?.name) ?? '';
}

/** `metadata.namespace`, or `defaultNamespace` when it has none. */
export function namespaceOf(object: JsonObject, defaultNamespace = DEFAULT_NAMESPACE): string {
  return asString(asRecord(object.metadata)?.namespace) ?? defaultNamespace;
}

/** The `spec` mapping, or an empty one. */
export function specOf(object: JsonObject): JsonObject {
  return asRecord(object.spec) ?? {};
}

/** Whether an object is a networking.istio.io object of the kind, in any version. */
export function isIstio(object: JsonObject, kind: IstioKind): boolean {
  return kindOf(object) === kind && apiGroupOf(object) === ISTIO_NETWORKING_GROUP;
}

/** Whether an object is a core Service (`apiVersion: v1`). */
export function isService(object: JsonObject): boolean {
  return kindOf(object) === 'Service' && apiGroupOf(object) === '';
}

/** Whether an object is an apps/v1 Deployment. */
export function isDeployment(object: JsonObject): boolean {
  return kindOf(object) === 'Deployment' && apiGroupOf(object) === 'apps';
}

/**
 * The identity of an object in a cluster: API group, kind, namespace and name. The version is
 * left out: `networking.istio.io/v1` and `/v1beta1` name the same object.
 */
export function identityOf(object: JsonObject, defaultNamespace = DEFAULT_NAMESPACE): string {
  return [apiGroupOf(object), kindOf(object), namespaceOf(object, defaultNamespace), nameOf(object)].join('|');
}

/** The objects of parsed manifests, `List` objects unpacked; values that are no mapping are left out. */
export function flattenLists(manifests: readonly unknown[]): JsonObject[] {
  return manifests.flatMap(value => {
    const object = asRecord(value);
    if (object === undefined) return [];
    return object.kind === 'List' && Array.isArray(object.items) ? flattenLists(object.items) : [object];
  });
}

/**
 * Compares strings by UTF-16 code unit, the same on every machine and locale: the order of
 * findings and of paths of equal probability.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
