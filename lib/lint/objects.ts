import { Finding } from './findings';
import { LoadedManifest } from './load';

/** The API group of Istio's traffic objects. */
export const ISTIO_NETWORKING_GROUP = 'networking.istio.io';

/** The namespace an object without one lands in. */
export const DEFAULT_NAMESPACE = 'default';

/** The value if it is a mapping (not a list), else `undefined`. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
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

/** The API group of a manifest: `networking.istio.io`, or `''` for the core group (`apiVersion: v1`). */
export function apiGroupOf(manifest: LoadedManifest): string {
  const apiVersion = String(manifest.object.apiVersion);
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

/** The version part of a manifest's apiVersion: `v1beta1`. */
export function apiVersionOf(manifest: LoadedManifest): string {
  const apiVersion = String(manifest.object.apiVersion);
  return apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
}

/** The kind of a manifest: `VirtualService`. */
export function kindOf(manifest: LoadedManifest): string {
  return String(manifest.object.kind);
}

/** `metadata.name`, or `''` when it has none. */
export function nameOf(manifest: LoadedManifest): string {
  return asString(asRecord(manifest.object.metadata)?.name) ?? '';
}

/** `metadata.namespace`, defaulting to {@link DEFAULT_NAMESPACE}. */
export function namespaceOf(manifest: LoadedManifest): string {
  return asString(asRecord(manifest.object.metadata)?.namespace) ?? DEFAULT_NAMESPACE;
}

/** The `spec` mapping, or an empty one. */
export function specOf(manifest: LoadedManifest): Record<string, unknown> {
  return asRecord(manifest.object.spec) ?? {};
}

/** Whether a manifest is a networking.istio.io object of the kind, in any version. */
export function isIstio(manifest: LoadedManifest, kind: 'VirtualService' | 'DestinationRule' | 'Gateway'): boolean {
  return kindOf(manifest) === kind && apiGroupOf(manifest) === ISTIO_NETWORKING_GROUP;
}

/** An object's namespace and name: `default/vs-web`. */
export function qualifiedName(manifest: LoadedManifest): string {
  return `${namespaceOf(manifest)}/${nameOf(manifest) || '(no name)'}`;
}

/** Names an object in findings: `VirtualService default/vs-web`. */
export function describe(manifest: LoadedManifest): string {
  return `${kindOf(manifest)} ${qualifiedName(manifest)}`;
}

/** A finding about a manifest. */
export function findingAbout(manifest: LoadedManifest, message: string): Finding {
  return { file: manifest.file, index: manifest.index, object: describe(manifest), message };
}
