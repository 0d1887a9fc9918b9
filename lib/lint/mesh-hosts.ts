import { Finding } from './findings';
import { LoadedManifest } from './load';
import { asList, asString, findingAbout, identityOf, isIstio, namespaceOf, qualifiedName, specOf } from './objects';
import { MESH_GATEWAY, resolveConfigHost } from '../manifests';
import { otherGroupsNamed } from './others';

/** Whether a VirtualService applies to sidecars: no gateways listed, or `mesh` among them. */
export function bindsMesh(virtualService: LoadedManifest): boolean {
  const gateways = asList(specOf(virtualService).gateways);
  return gateways.length === 0 || gateways.includes(MESH_GATEWAY);
}

/**
 * Finds hosts that more than one VirtualService binds for the mesh. Sidecars apply one
 * VirtualService per host, so which one wins is undefined. Hosts are compared after
 * resolving short names in each VirtualService's namespace (`cart` in `default` is
 * `cart.default.svc.cluster.local`). Each VirtualService involved gets a finding naming
 * the others (the first few, then how many more). Copies of one VirtualService (same namespace and name) are no conflict
 * here; `checkDuplicates` reports them.
 */
export function checkMeshHosts(manifests: readonly LoadedManifest[]): Finding[] {
  const bound = new Map<string, LoadedManifest[]>();
  for (const virtualService of manifests.filter(manifest => isIstio(manifest, 'VirtualService') && bindsMesh(manifest))) {
    const hosts = asList(specOf(virtualService).hosts).map(asString).filter(host => host !== undefined);
    for (const host of new Set(hosts.map(h => resolveConfigHost(h, namespaceOf(virtualService))))) {
      const binders = bound.get(host);
      if (binders === undefined) bound.set(host, [virtualService]);
      else binders.push(virtualService);
    }
  }

  const findings: Finding[] = [];
  for (const [host, binders] of bound) {
    if (binders.length < 2) continue;
    const others = otherGroupsNamed(binders, identityOf, other => `VirtualService ${qualifiedName(other)} (${other.file})`);
    binders.forEach((virtualService, i) => {
      if (others[i] === undefined) return;
      findings.push(findingAbout(virtualService, `host ${host} is also bound for the mesh by ${others[i]}; sidecars apply only one VirtualService per host`));
    });
  }
  return findings;
}
