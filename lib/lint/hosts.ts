import { isIP } from 'net';

/** The cluster's DNS domain, as Istio assumes it when resolving short names. */
export const CLUSTER_DOMAIN = 'cluster.local';

/**
 * Resolves a host named in an Istio object the way Istio does: a short name (no dot) is
 * a Service in the object's namespace, `cart` in `default` being
 * `cart.default.svc.cluster.local`. Names with a dot, IP addresses and `*` stay as
 * they are (Istio does not expand `cart.default` either).
 */
export function resolveHost(host: string, namespace: string): string {
  if (host === '*' || host.includes('.') || isIP(host) !== 0) return host;
  return `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/**
 * Whether a host pattern (a resolved DestinationRule host) covers a resolved host:
 * equal, `*`, or a `*.suffix` wildcard the host ends in.
 */
export function hostCovers(pattern: string, host: string): boolean {
  if (pattern === host || pattern === '*') return true;
  return pattern.startsWith('*.') && host.endsWith(pattern.slice(1));
}

/** The Service a resolved host names, when it has the form `<name>.<namespace>.svc.cluster.local`. */
export function serviceOfHost(host: string): { name: string; namespace: string } | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!host.endsWith(suffix)) return undefined;
  const parts = host.slice(0, -suffix.length).split('.');
  if (parts.length !== 2 || parts.some(part => part === '' || part === '*')) return undefined;
  return { name: parts[0], namespace: parts[1] };
}
