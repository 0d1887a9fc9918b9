import { isIP } from 'net';

/*
 * Hosts as Istio reads them. Two readings differ, and each place must use the right one:
 * - a host written in Istio config (VirtualService `hosts` and destinations, DestinationRule
 *   `host`) is expanded only when it is a short name: `cart` in namespace `shop` is
 *   `cart.shop.svc.cluster.local`; any name with a dot (`cart.shop`), an IP and `*` stay as
 *   written (Istio's ResolveShortnameToFQDN);
 * - a host a request is sent to goes through the caller's DNS search path and the virtual
 *   host names Istio gives each Service, so `cart`, `cart.shop`, `cart.shop.svc` and the
 *   full name all reach `cart.shop.svc.cluster.local` (the short name from namespace `shop` only).
 */

/** The cluster's DNS domain, as Istio assumes it when resolving short names. */
export const CLUSTER_DOMAIN = 'cluster.local';

/** The DNS suffix of Kubernetes Service names. */
const SERVICE_SUFFIX = `svc.${CLUSTER_DOMAIN}`;

/** The gateway name that stands for the sidecars of the mesh. */
export const MESH_GATEWAY = 'mesh';

/** The fully qualified name of Service `name` in `namespace`. */
export function serviceFqdn(name: string, namespace: string): string {
  return `${name}.${namespace}.${SERVICE_SUFFIX}`.toLowerCase();
}

/** A host in lower case, without surrounding blanks, a trailing dot or a `:port` (an IPv6 address is kept whole). */
export function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase().replace(/\.$/, '');
  const ipv6 = lower.indexOf(':') !== lower.lastIndexOf(':');
  return ipv6 ? lower : lower.replace(/:\d+$/, '');
}

/** Whether a host is a wildcard: `*` or `*.suffix`. */
export function isWildcardHost(host: string): boolean {
  return host === '*' || host.startsWith('*.');
}

/**
 * A host written in Istio config in `namespace`, resolved as Istio does: a short name (no dot,
 * not an IP, not `*`) is a Service of that namespace; anything else stays as written (normalised).
 */
export function resolveConfigHost(host: string, namespace: string): string {
  const name = normaliseHost(host);
  if (name === '*' || name.includes('.') || isIP(name) !== 0) return name;
  return serviceFqdn(name, namespace);
}

/**
 * The names a request's host reaches from a caller in `namespace`: a short name `svc` means
 * `svc.<namespace>.svc.cluster.local`; `svc.ns` and `svc.ns.svc` also mean
 * `svc.ns.svc.cluster.local`; any other name means itself.
 */
export function requestHostNames(host: string, namespace: string): string[] {
  const name = normaliseHost(host);
  const labels = name.split('.');
  if (labels.length === 1) return isIP(name) !== 0 ? [name] : [serviceFqdn(name, namespace)];
  if (labels.length === 2) return [name, `${name}.${SERVICE_SUFFIX}`];
  if (labels.length === 3 && labels[2] === 'svc') return [name, `${name}.${CLUSTER_DOMAIN}`];
  return [name];
}

/**
 * A hint for a host written in config as `name.namespace` (or `name.namespace.svc`), which
 * Istio takes as written rather than as the Service it looks like: `; Istio reads a host with a
 * dot in config as written: write cart.shop.svc.cluster.local`. Empty for any other host.
 */
export function dottedHostHint(host: string): string {
  const labels = normaliseHost(host).split('.');
  const serviceLike = labels.length === 2 || (labels.length === 3 && labels[2] === 'svc');
  if (!serviceLike || labels.some(label => label === '' || label === '*') || isIP(normaliseHost(host)) !== 0) return '';
  return `; Istio reads a host with a dot in config as written: write ${serviceFqdn(labels[0], labels[1])}`;
}

/**
 * Whether a resolved host pattern covers a resolved host: equal, `*`, or a `*.suffix`
 * wildcard the host ends in.
 */
export function hostCovers(pattern: string, host: string): boolean {
  if (pattern === host || pattern === '*') return true;
  return pattern.startsWith('*.') && host.endsWith(pattern.slice(1));
}

/** The Service a resolved host names, when it has the form `<name>.<namespace>.svc.cluster.local`. */
export function serviceOfHost(host: string): { name: string; namespace: string } | undefined {
  const suffix = `.${SERVICE_SUFFIX}`;
  if (!host.endsWith(suffix)) return undefined;
  const parts = host.slice(0, -suffix.length).split('.');
  if (parts.length !== 2 || parts.some(part => part === '' || part === '*')) return undefined;
  return { name: parts[0], namespace: parts[1] };
}

/** A gateway reference as `namespace/name`: a bare name belongs to `namespace`, `mesh` stays `mesh`. */
export function resolveGatewayRef(ref: string, namespace: string): string {
  if (ref === MESH_GATEWAY || ref.includes('/')) return ref;
  return `${namespace}/${ref}`;
}

/**
 * Whether two resolved hosts can name the same request host, as Istio compares hosts: equal,
 * either is `*`, or a `*.suffix` wildcard that the other (a host, or a narrower or equal
 * wildcard) ends in. `*.example.com` overlaps `shop.example.com` and `*.shop.example.com`, not
 * `example.com`.
 */
export function hostsOverlap(a: string, b: string): boolean {
  if (a === b || a === '*' || b === '*') return true;
  const aWild = a.startsWith('*.');
  const bWild = b.startsWith('*.');
  if (aWild && bWild) return a.length < b.length ? b.endsWith(a.slice(1)) : a.endsWith(b.slice(1));
  if (aWild) return b.endsWith(a.slice(1));
  if (bWild) return a.endsWith(b.slice(1));
  return false;
}
