import { Finding } from './findings';
import { LoadedManifest } from './load';
import * as objects from '../manifests';

export { asLabels, asList, asRecord, asString, DEFAULT_NAMESPACE, ISTIO_NETWORKING_GROUP } from '../manifests';

/*
 * The manifest kernel's readers (lib/manifests), for manifests as loaded with their file and
 * document position, and how findings name them.
 */

/** The API group of a manifest: `networking.istio.io`, or `''` for the core group (`apiVersion: v1`). */
export function apiGroupOf(manifest: LoadedManifest): string {
  return objects.apiGroupOf(manifest.object);
}

/** The version part of a manifest's apiVersion: `v1beta1`. */
export function apiVersionOf(manifest: LoadedManifest): string {
  return objects.apiVersionOf(manifest.object);
}

/** The kind of a manifest: `VirtualService`. */
export function kindOf(manifest: LoadedManifest): string {
  return objects.kindOf(manifest.object);
}

/** `metadata.name`, or `''` when it has none. */
export function nameOf(manifest: LoadedManifest): string {
  return objects.nameOf(manifest.object);
}

/** `metadata.namespace`, defaulting to `default`. */
export function namespaceOf(manifest: LoadedManifest): string {
  return objects.namespaceOf(manifest.object);
}

/** The `spec` mapping, or an empty one. */
export function specOf(manifest: LoadedManifest): Record<string, unknown> {
  return objects.specOf(manifest.object);
}

/** Whether a manifest is a networking.istio.io object of the kind, in any version. */
export function isIstio(manifest: LoadedManifest, kind: objects.IstioKind): boolean {
  return objects.isIstio(manifest.object, kind);
}

/** The identity of a manifest's object in a cluster (see the kernel's `identityOf`). */
export function identityOf(manifest: LoadedManifest): string {
  return objects.identityOf(manifest.object);
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
