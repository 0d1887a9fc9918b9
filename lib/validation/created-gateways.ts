import { serviceHostForms } from './entry-host-conflicts';
import { isValidHost } from './entry-hosts';
import { hostCovers, hostsOverlap } from './host-overlap';
import { ChainContext, RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { GatewayProps } from '../props/entry-props';

/** The port a created gateway listens on, as the library writes it. */
function portOf(gateway: GatewayProps): number {
  return gateway.port ?? (gateway.credentialName !== undefined ? 443 : 80);
}

/** The selector a created gateway is written with, as a comparable text. */
function selectorOf(gateway: GatewayProps): string {
  const selector = gateway.selector ?? { istio: 'ingressgateway' };
  return JSON.stringify(Object.keys(selector).sort().map(key => [key, selector[key]]));
}

/**
 * The Gateways the library writes (`entry.createGateways`):
 * - each server has hosts (`hosts`, else `entry.hosts`): Istio refuses a server without any;
 * - each host of a server overlaps a host of the root VirtualService: requests for a host the
 *   root does not bind reach the gateway and get 404;
 * - when every gateway of the entry is created here, every external host of the entry is
 *   served by one of them, or gateway requests for it are never accepted;
 * - no two created Gateways select the same gateway pods on the same port with overlapping
 *   hosts: Istio keeps one of the conflicting servers and drops the other.
 */
export function checkCreatedGateways(chain: ChainContext, out: RuleOutput): void {
  const created = chain.entry.createGateways ?? [];
  if (created.length === 0) return;
  // Stryker disable next-line ArrayDeclaration: a made-up host is no valid host, so it is filtered out like none
  const entryHosts = (chain.entry.hosts ?? []).filter(isValidHost);
  const rootHosts = [...entryHosts, ...(chain.meshBound ? serviceHostForms(chain.entry.service, chain.namespace).slice(-1) : [])];
  // Stryker disable next-line ArrayDeclaration: a made-up host is no valid host, so it is filtered out like none
  const servedHosts = created.map(gateway => (gateway.hosts ?? chain.entry.hosts ?? []).filter(isValidHost));

  created.forEach((gateway, i) => {
    const path = ['entry', 'createGateways', i];
    const hosts = gateway.hosts ?? chain.entry.hosts ?? [];
    if (hosts.length === 0) {
      out.problems.add(gateway.hosts ? [...path, 'hosts'] : path, `${gateway.hosts ? 'is empty' : 'has no hosts: neither its `hosts` nor `entry.hosts` lists any'}; `
        + 'Istio refuses a Gateway server without hosts. List the hosts it serves, such as `[shop.example.com]`');
      return;
    }
    gateway.hosts?.forEach((host, j) => {
      if (!isValidHost(host) || rootHosts.some(root => hostsOverlap(host, root))) return;
      out.problems.add([...path, 'hosts', j], `${show(host)} is served by the Gateway ${show(gateway.ref)} but the root VirtualService binds `
        + `no matching host (${show(rootHosts)}), so its requests would get 404; add it to \`entry.hosts\`, or remove it here`);
    });
  });

  const allCreated = chain.gateways.every(ref => created.some(gateway => gateway.ref === ref));
  if (allCreated) {
    entryHosts.forEach(host => {
      if (servedHosts.some(hosts => hosts.some(served => hostCovers(served, host)))) return;
      const index = chain.entry.hosts!.indexOf(host);
      out.problems.add(['entry', 'hosts', index], `${show(host)} is served by none of the Gateways the entry is bound to `
        + `(${show(created.map(gateway => gateway.ref))}), so gateway requests for it are never accepted; add it to the \`hosts\` of one `
        + 'of `entry.createGateways`, or remove it');
    });
  }

  created.forEach((gateway, j) => {
    for (let i = 0; i < j; i++) {
      const other = created[i];
      if (portOf(other) !== portOf(gateway) || selectorOf(other) !== selectorOf(gateway)) continue;
      const shared = servedHosts[j].find(host => servedHosts[i].some(otherHost => hostsOverlap(host, otherHost)));
      if (shared === undefined) continue;
      out.problems.add(['entry', 'createGateways', j], `${show(gateway.ref)} conflicts with entry.createGateways[${i}] ${show(other.ref)}: both select `
        + `the same gateway pods, listen on port ${portOf(gateway)} and serve ${show(shared)}, so Istio keeps only one of the two servers; `
        + 'give one of them another port or selector, or hosts that do not overlap');
      return;
    }
  });
}
