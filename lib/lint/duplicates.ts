import { Finding } from './findings';
import { LoadedManifest } from './load';
import { apiGroupOf, findingAbout, kindOf, nameOf, namespaceOf } from './objects';

/**
 * The identity of an object in a cluster: API group, kind, namespace and name. The
 * version is left out: `networking.istio.io/v1` and `/v1beta1` name the same object.
 */
export function identityOf(manifest: LoadedManifest): string {
  return [apiGroupOf(manifest), kindOf(manifest), namespaceOf(manifest), nameOf(manifest)].join('|');
}

/** A text equal for equal objects, whatever the order of their keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const record = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map(key => [key, record[key]]));
  });
}

/**
 * Finds objects defined more than once, differently, among the manifests (say by linting
 * two alternative sets of manifests together): only the one applied last survives in the
 * cluster. Identical copies are fine (the example writes the Service of an app into the
 * file of each of its versions). Each differing copy gets a finding naming the others.
 * Objects without a name are left out.
 */
export function checkDuplicates(manifests: readonly LoadedManifest[]): Finding[] {
  const byIdentity = new Map<string, LoadedManifest[]>();
  for (const manifest of manifests) {
    if (!nameOf(manifest)) continue;
    const identity = identityOf(manifest);
    byIdentity.set(identity, [...byIdentity.get(identity) ?? [], manifest]);
  }
  const findings: Finding[] = [];
  for (const copies of byIdentity.values()) {
    const texts = copies.map(copy => canonical(copy.object));
    if (new Set(texts).size < 2) continue;
    copies.forEach((copy, i) => {
      const others = copies.filter((_, j) => texts[j] !== texts[i]).map(other => `${other.file} (document ${other.index + 1})`);
      findings.push(findingAbout(copy, `is defined differently in ${others.join(', ')}; only the one applied last survives`));
    });
  }
  return findings;
}
