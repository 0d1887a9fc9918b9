import { Finding } from './findings';
import { LoadedManifest } from './load';
import { asList, asRecord, findingAbout, isIstio, nameOf, namespaceOf, specOf } from './loaded-objects';
import { hostsOverlap, MESH_GATEWAY, normaliseHost, resolveGatewayRef } from '../manifests';

/**
 * The server hosts of a Gateway that VirtualServices of `namespace` may bind: `host` and
 * `*` + `/host` entries, `./host` when the Gateway is in that namespace, `<namespace>/host`.
 */
function hostsFor(gateway: LoadedManifest, namespace: string): string[] {
  const own = namespaceOf(gateway);
  return asList(specOf(gateway).servers).flatMap(server => asList(asRecord(server)?.hosts)).flatMap(entry => {
    if (typeof entry !== 'string') return [];
    const at = entry.indexOf('/');
    if (at < 0) return [normaliseHost(entry)];
    const scope = entry.slice(0, at) === '.' ? own : entry.slice(0, at);
    return scope === '*' || scope === namespace ? [normaliseHost(entry.slice(at + 1))] : [];
  });
}

/**
 * Finds VirtualServices bound to a Gateway (among the manifests) that serves none of their
 * hosts for their namespace, as `istioctl analyze` does (VirtualServiceHostNotFoundInGateway):
 * requests through that Gateway for those hosts get a 404. Hosts are compared as Istio does,
 * wildcards either way. A Gateway not among the manifests is not looked for, so that routing
 * files can be checked on their own.
 */
export function checkGatewayHosts(manifests: readonly LoadedManifest[]): Finding[] {
  const gateways = new Map<string, LoadedManifest>();
  for (const gateway of manifests.filter(manifest => isIstio(manifest, 'Gateway'))) {
    const key = `${namespaceOf(gateway)}/${nameOf(gateway)}`;
    if (!gateways.has(key)) gateways.set(key, gateway);
  }
  if (gateways.size === 0) return [];
  const findings: Finding[] = [];
  for (const virtualService of manifests.filter(manifest => isIstio(manifest, 'VirtualService'))) {
    const namespace = namespaceOf(virtualService);
    const hosts = asList(specOf(virtualService).hosts).filter((h): h is string => typeof h === 'string').map(normaliseHost);
    if (hosts.length === 0) continue;
    asList(specOf(virtualService).gateways).forEach((ref, i) => {
      if (typeof ref !== 'string' || ref === MESH_GATEWAY) return;
      const key = resolveGatewayRef(ref, namespace);
      const gateway = gateways.get(key);
      if (!gateway) return;
      const served = hostsFor(gateway, namespace);
      if (served.some(server => hosts.some(host => hostsOverlap(server, host)))) return;
      const listed = served.length > 0 ? `serves only ${served.join(', ')} for namespace ${namespace}` : `serves no host for namespace ${namespace}`;
      findings.push(findingAbout(virtualService, `spec.gateways[${i}]: Gateway ${key} ${listed}, none of this VirtualService's hosts (${hosts.join(', ')}); requests through it get a 404: add the host to a server of the Gateway, or fix spec.hosts`));
    });
  }
  return findings;
}
