import { isValidHost } from './entry-hosts';
import { hostCovers } from './host-overlap';
import { ChainContext, RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';

/** The names Istio resolves to the Service `service` in `namespace`, shortest first. */
export function serviceHostForms(service: string, namespace: string): string[] {
  return [service, `${service}.${namespace}`, `${service}.${namespace}.svc`, `${service}.${namespace}.svc.cluster.local`];
}

/**
 * The hosts of the root VirtualService, as Istio's webhook and routing read them:
 * - no two hosts overlap: the same host twice, a name a wildcard also matches, or two wildcards
 *   one of which contains the other (Istio refuses these as "duplicate hosts"); the message
 *   names both;
 * - no host names a Service of the chain, in any form Istio resolves to it (`cart`, `cart.shop`,
 *   `cart.shop.svc`, `cart.shop.svc.cluster.local`): the root would take the mesh's calls to
 *   that service away from its own VirtualService. The entry service's own name is added by the
 *   library when the entry is bound to the mesh, so listing it would write it twice;
 * - a root bound to gateways only needs hosts: without any, Istio reads it as a delegate and
 *   it routes nothing.
 * Hosts with a wrong syntax are left to {@link checkHosts}.
 */
export function checkEntryHostConflicts(chain: ChainContext, out: RuleOutput): void {
  const hosts = chain.entry.hosts ?? [];
  if (hosts.length === 0 && !chain.meshBound && chain.gateways.length > 0) {
    out.problems.add(['entry', 'hosts'], 'is empty and `entry.mesh` is false, so the root VirtualService would have no hosts, which Istio '
      + 'reads as a delegate: it would route nothing; list the external hosts, such as `[shop.example.com]`');
  }
  const serviceOf = new Map<string, string>();
  for (const service of chain.services) {
    for (const form of serviceHostForms(service.name, chain.namespace)) serviceOf.set(form, service.name);
  }
  const seen = new SeenHosts();
  hosts.forEach((host, i) => {
    if (!isValidHost(host)) return;
    const path = ['entry', 'hosts', i];
    const overlapping = seen.overlapping(host);
    if (overlapping !== undefined) {
      const [other, j] = overlapping;
      out.problems.add(path, `${show(host)} overlaps entry.hosts[${j}] ${show(other)}: ${other === host ? 'the same host twice'
        : `${show(hostCovers(other, host) ? other : host)} matches every request for the other`}, which Istio refuses as duplicate hosts `
        + 'of one VirtualService; keep one of them');
    }
    seen.add(host, i);
    const service = serviceOf.get(host);
    if (service === undefined) return;
    if (service === chain.entry.service) {
      if (chain.meshBound) {
        out.problems.add(path, `${show(host)} is the entry service ${show(service)}, whose name the library adds to the root VirtualService `
          + 'for mesh traffic (`entry.mesh`); remove it from `entry.hosts`, which lists external hosts');
      }
      return;
    }
    out.problems.add(path, `${show(host)} is the Service ${show(service)} of the chain (Istio reads it as `
      + `${show(`${service}.${chain.namespace}.svc.cluster.local`)}): the root VirtualService would take calls to ${show(service)} `
      + `and send them to the entry ${show(chain.entry.service)}, beside ${show(service)}'s own VirtualService; remove it from \`entry.hosts\`, `
      + 'which lists external hosts');
  });
}

/**
 * The hosts seen so far, indexed so that the first one overlapping a new host is found by its
 * suffixes, without comparing every pair: long lists stay fast.
 */
class SeenHosts {
  private readonly first = new Map<string, number>();
  /** For each domain suffix, the first host a wildcard on that suffix (`*.<suffix>`) covers. */
  private readonly bySuffix = new Map<string, [string, number]>();

  /** The first earlier host that overlaps `host`, with its index. */
  public overlapping(host: string): [string, number] | undefined {
    const exact = this.found(host) ?? this.found('*');
    if (exact) return exact;
    if (host === '*') return this.first.entries().next().value;
    const wildcard = host.startsWith('*.');
    const labels = (wildcard ? host.slice(2) : host).split('.');
    // Stryker disable next-line EqualityOperator: one step more looks up `*.`, which is no host
    for (let i = 1; i < labels.length; i++) {
      const wider = this.found(`*.${labels.slice(i).join('.')}`);
      if (wider) return wider;
    }
    if (wildcard) return this.bySuffix.get(labels.join('.'));
    return undefined;
  }

  /** Records `host` at `index`, unless an earlier host is the same. */
  public add(host: string, index: number): void {
    if (this.first.has(host)) return;
    this.first.set(host, index);
    // The suffixes below the first label: `*.shop.example.com` and `www.shop.example.com` alike give `shop.example.com` and on.
    const labels = host.split('.');
    // Stryker disable next-line EqualityOperator: the empty suffix past the last label is never looked up (a wildcard names a domain)
    for (let i = 1; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.');
      if (!this.bySuffix.has(suffix)) this.bySuffix.set(suffix, [host, index]);
    }
  }

  private found(host: string): [string, number] | undefined {
    const index = this.first.get(host);
    return index === undefined ? undefined : [host, index];
  }
}
