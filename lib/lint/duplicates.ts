import { Finding } from './findings';
import { LoadedManifest } from './load';
import { findingAbout, identityOf, nameOf } from './loaded-objects';
import { otherGroupsNamed } from './others';

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
 * file of each of its versions). Each differing copy gets a finding naming the others (the
 * first few, then how many more).
 *
 * Objects are grouped by identity first, and their contents compared only within a group,
 * so the check takes time linear in the number of objects. Objects without a name are left out.
 */
export function checkDuplicates(manifests: readonly LoadedManifest[]): Finding[] {
  const byIdentity = new Map<string, LoadedManifest[]>();
  for (const manifest of manifests) {
    if (!nameOf(manifest)) continue;
    const identity = identityOf(manifest);
    const copies = byIdentity.get(identity);
    if (copies === undefined) byIdentity.set(identity, [manifest]);
    else copies.push(manifest);
  }
  const findings: Finding[] = [];
  for (const copies of byIdentity.values()) {
    if (copies.length < 2) continue;
    const texts = new Map(copies.map(copy => [copy, canonical(copy.object)]));
    const others = otherGroupsNamed(copies, copy => texts.get(copy)!, other => `${other.file} (document ${other.index + 1})`);
    copies.forEach((copy, i) => {
      if (others[i] !== undefined) findings.push(findingAbout(copy, `is defined differently in ${others[i]}; only the one applied last survives`));
    });
  }
  return findings;
}
