import { DNS_NAME } from './name-syntax';
import { ChainContext, RuleOutput } from './rule-context';
import { PathSegment, Problems, show } from '../diagnostics/problems';

/** A dotted IPv4 address without leading zeros: `203.0.113.10`. */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** What a host may be, for messages. */
const HOST_RULE = 'an IPv4 address (`203.0.113.10`), a DNS name (`shop.example.com`) or a wildcard name (`*.example.com`)';

/** What is wrong with a host, or `undefined` when it is an IPv4 address, a DNS name, `*` or `*.<DNS name>`. */
function hostFault(host: string): string | undefined {
  if (host === '*' || IPV4.test(host)) return undefined;
  if (/^\d+(\.\d+){3}$/.test(host)) return 'looks like an IPv4 address but is not one (each part is 0 to 255, without leading zeros)';
  if (/^[\d.]+$/.test(host)) {
    return 'is all digits and dots, which is neither an IPv4 address (four parts from 0 to 255) nor a DNS name (whose last label is not a number)';
  }
  const name = host.startsWith('*.') ? host.slice(2) : host;
  if (name.includes('*')) return "has a '*' that is not a leading `*.`";
  if (name.includes(':') || name.includes('/')) return "contains ':' or '/': give the host alone, without scheme, port or path";
  return DNS_NAME.fault(name);
}

/** Whether a valid host is a name of one label (`shop`), which Istio reads as a short Kubernetes Service name. */
export function isOneLabelName(host: string): boolean {
  return host !== '*' && !host.includes('.');
}

/** Checks one host; wildcards are refused when `wildcardFix` says why and what to do instead. Returns whether it is valid. */
function checkHost(problems: Problems, path: PathSegment[], host: string, wildcardFix?: string): boolean {
  const fault = hostFault(host);
  if (fault !== undefined) {
    const lower = host.toLowerCase();
    // The lowercase form differs from the host, which has a fault: it is worth showing when it has none.
    const hint = hostFault(lower) === undefined ? `; for example ${show(lower)}` : '';
    problems.add(path, `${show(host)} is not a valid host: it ${fault}. Use ${HOST_RULE}${hint}`);
    return false;
  }
  if (wildcardFix !== undefined && host.startsWith('*')) {
    problems.add(path, `${show(host)} is a wildcard, ${wildcardFix}`);
    // Stryker disable next-line BooleanLiteral: the only check after this one is for names of one label, which no wildcard is
    return false;
  }
  return true;
}

/**
 * Hosts (`entry.hosts`, `createGateways[i].hosts`) are IPv4 addresses or DNS names, optionally
 * with a leading `*.` wildcard; `*` alone is allowed on gateways. A name made only of digits and
 * dots (`192.168.1`) is neither. A wildcard is refused in `entry.hosts` when the entry is bound
 * to the mesh: the root VirtualService would then capture the mesh traffic of every host the
 * wildcard matches and send it to the entry service (Istio itself refuses `*` there). A name of
 * one label (`shop`) is refused when the entry has gateways: Istio reads it as the Service
 * `shop.<root namespace>.svc.cluster.local`, not as the external host, so gateway requests for
 * `shop` get 404.
 */
export function checkHosts(chain: ChainContext, out: RuleOutput): void {
  const meshFix = chain.meshBound
    ? 'but the entry is bound to the mesh (`entry.mesh` is not false), where the root VirtualService would take the traffic '
      + 'of every host it matches; list the exact hosts, or set `entry.mesh: false` and keep the wildcard on gateway traffic only'
    : undefined;
  (chain.entry.hosts ?? []).forEach((host, i) => {
    const path = ['entry', 'hosts', i];
    if (!checkHost(out.problems, path, host, meshFix)) return;
    if (chain.gateways.length > 0 && isOneLabelName(host) && !IPV4.test(host)) {
      out.problems.add(path, `${show(host)} is a name of one label, which Istio reads as the Service ${show(`${host}.<root namespace>.svc.cluster.local`)}, `
        + `not as the host of gateway requests, so they would get 404; write the full external name, such as ${show(`${host}.example.com`)}`);
    }
  });
  chain.entry.createGateways?.forEach((gateway, i) => {
    gateway.hosts?.forEach((host, j) => checkHost(out.problems, ['entry', 'createGateways', i, 'hosts', j], host));
  });
}

/** Whether a host passes {@link checkHosts}' syntax (wildcards allowed). */
export function isValidHost(host: string): boolean {
  return hostFault(host) === undefined;
}
