import { Finding } from './findings';
import { LoadedManifest } from './load';
import { asList, asString, findingAbout, identityOf, isIstio, namespaceOf, qualifiedName, specOf } from './loaded-objects';
import { hostsOverlap, MESH_GATEWAY, resolveConfigHost } from '../manifests';
import { otherGroupsNamed } from './others';

/** Whether a VirtualService applies to sidecars: no gateways listed, or `mesh` among them. */
export function bindsMesh(virtualService: LoadedManifest): boolean {
  const gateways = asList(specOf(virtualService).gateways);
  return gateways.length === 0 || gateways.includes(MESH_GATEWAY);
}

/** The scope that stands for every namespace. */
const EVERY_NAMESPACE = '*';

/**
 * The namespaces a VirtualService is visible in, by its `exportTo`: every namespace (`*`) when
 * it has none or lists `*`; else the namespaces listed, `.` being its own. (`~` names no
 * namespace, so it is visible nowhere.)
 */
export function exportScopes(virtualService: LoadedManifest): string[] {
  const exportTo = asList(specOf(virtualService).exportTo).map(String);
  if (exportTo.length === 0 || exportTo.includes(EVERY_NAMESPACE)) return [EVERY_NAMESPACE];
  return [...new Set(exportTo.map(entry => (entry === '.' ? namespaceOf(virtualService) : entry)).filter(entry => entry !== '~'))];
}

/**
 * Finds hosts that more than one VirtualService binds for the mesh where a sidecar sees them
 * both: sidecars apply one VirtualService per host, so which one wins is undefined. As
 * `istioctl analyze` does, hosts are compared within each `exportTo` scope: two VirtualServices
 * exported to every namespace conflict on an equal host; one exported to some namespaces
 * conflicts with those of the same scope on an equal host, and with those exported to every
 * namespace on an overlapping host (`*.shop.svc.cluster.local` and `cart.shop.svc.cluster.local`).
 * VirtualServices never visible in the same namespace do not conflict. Hosts are resolved in
 * each VirtualService's namespace (`cart` in `default` is `cart.default.svc.cluster.local`). Copies
 * of one VirtualService (same namespace and name) are no conflict here; `checkDuplicates` reports them.
 */
export function checkMeshHosts(manifests: readonly LoadedManifest[]): Finding[] {
  const bound = new Map<string, { scope: string; host: string; binders: LoadedManifest[] }>();
  for (const virtualService of manifests.filter(manifest => isIstio(manifest, 'VirtualService') && bindsMesh(manifest))) {
    const hosts = asList(specOf(virtualService).hosts).map(asString).filter(host => host !== undefined);
    for (const scope of exportScopes(virtualService)) {
      for (const host of new Set(hosts.map(h => resolveConfigHost(h, namespaceOf(virtualService))))) {
        const key = `${scope} ${host}`;
        const entry = bound.get(key);
        if (entry === undefined) bound.set(key, { scope, host, binders: [virtualService] });
        else entry.binders.push(virtualService);
      }
    }
  }
  const everywhere = [...bound.values()].filter(entry => entry.scope === EVERY_NAMESPACE);

  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const { scope, host, binders: scoped } of bound.values()) {
    const binders = scope === EVERY_NAMESPACE
      ? scoped
      : [...scoped, ...everywhere.filter(entry => hostsOverlap(entry.host, host)).flatMap(entry => entry.binders)];
    if (new Set(binders.map(identityOf)).size < 2) continue;
    const others = otherGroupsNamed(binders, identityOf, other => `VirtualService ${qualifiedName(other)} (${other.file})`);
    binders.forEach((virtualService, i) => {
      const key = `${identityOf(virtualService)} ${host}`;
      if (others[i] === undefined || reported.has(key)) return;
      reported.add(key);
      const where = scope === EVERY_NAMESPACE ? '' : ` in namespace ${scope}`;
      findings.push(findingAbout(virtualService, `host ${host} is also bound for the mesh${where} by ${others[i]}; sidecars apply only one VirtualService per host`));
    });
  }
  return findings;
}
