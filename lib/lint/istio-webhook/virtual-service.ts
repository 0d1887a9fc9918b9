import { checkWeightedDestinations } from './destinations';
import { checkExportTo } from './export-to';
import { checkGatewayNames, checkHttpRoute } from './http-route';
import { hostFault } from './name-rules';
import { Refusals } from './report';
import { hostsOverlap, MESH_GATEWAY } from '../../manifests';
import { asList, asRecord } from '../loaded-objects';

/**
 * Istio's webhook rules for a VirtualService: a delegate (no hosts) has no gateways, tcp or tls
 * routes; hosts are valid, `*` is not bound to the mesh, and no two hosts overlap; there is some
 * route; each http, tcp and tls route holds what it may (see {@link checkHttpRoute}); gateway
 * names and `exportTo` are well formed.
 */
export function checkVirtualService(spec: Record<string, unknown>, namespace: string, refusals: Refusals): void {
  const hosts = asList(spec.hosts).map(String);
  const gateways = asList(spec.gateways).map(String);
  const isDelegate = hosts.length === 0;
  if (isDelegate) {
    if (gateways.length > 0) refusals.at(['spec', 'gateways'], 'is set on a delegate VirtualService (it has no hosts); a delegate takes the gateways of its root: remove gateways');
    for (const field of ['tcp', 'tls']) {
      if (asList(spec[field]).length > 0) refusals.at(['spec', field], 'is set on a delegate VirtualService (it has no hosts); delegates route http only');
    }
  }
  checkGatewayNames(spec.gateways, ['spec', 'gateways'], refusals);
  const bindsMesh = gateways.length === 0 || gateways.includes(MESH_GATEWAY);
  let hostsValid = true;
  hosts.forEach((host, i) => {
    const fault = hostFault(host);
    if (fault) {
      refusals.at(['spec', 'hosts', i], `${JSON.stringify(host)} ${fault}`);
      hostsValid = false;
    } else if (host === '*' && bindsMesh) {
      refusals.at(['spec', 'hosts', i], "is '*' on a VirtualService bound to the mesh; name the hosts, or bind it to gateways only");
      hostsValid = false;
    }
  });
  if (hostsValid) {
    for (let i = 0; i < hosts.length; i++) {
      for (let j = i + 1; j < hosts.length; j++) {
        if (hostsOverlap(hosts[i], hosts[j])) refusals.at(['spec', 'hosts', j], `${hosts[j]} overlaps ${hosts[i]} (spec.hosts[${i}]); keep one of them`);
      }
    }
  }
  if (['http', 'tcp', 'tls'].every(field => asList(spec[field]).length === 0)) refusals.at(['spec'], 'has no http, tcp or tls route; add one');
  asList(spec.http).forEach((route, i) => {
    const record = asRecord(route);
    if (record) checkHttpRoute(record, ['spec', 'http', i], isDelegate, refusals);
  });
  asList(spec.tcp).forEach((route, i) => {
    const record = asRecord(route);
    if (!record) return;
    if (asList(record.route).length === 0) refusals.at(['spec', 'tcp', i], 'has no route; add route[].destination');
    checkWeightedDestinations(record.route, ['spec', 'tcp', i, 'route'], refusals);
    asList(record.match).forEach((match, j) => checkGatewayNames(asRecord(match)?.gateways, ['spec', 'tcp', i, 'match', j, 'gateways'], refusals));
  });
  asList(spec.tls).forEach((route, i) => {
    const record = asRecord(route);
    if (!record) return;
    const matches = asList(record.match);
    if (matches.length === 0) refusals.at(['spec', 'tls', i], 'has no match; a tls route matches on sniHosts');
    matches.forEach((match, j) => {
      if (asList(asRecord(match)?.sniHosts).length === 0) refusals.at(['spec', 'tls', i, 'match', j], 'has no sniHosts; list at least one');
    });
    if (asList(record.route).length === 0) refusals.at(['spec', 'tls', i], 'has no route; add route[].destination');
    checkWeightedDestinations(record.route, ['spec', 'tls', i, 'route'], refusals);
  });
  checkExportTo(spec.exportTo, namespace, refusals);
}
