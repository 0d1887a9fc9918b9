/** The DNS suffix of Kubernetes Service names. */
const SERVICE_SUFFIX = 'svc.cluster.local';

/** The fully qualified name of Service `name` in `namespace`. */
export function serviceFqdn(name: string, namespace: string): string {
  return `${name}.${namespace}.${SERVICE_SUFFIX}`.toLowerCase();
}

/** A host in lower case, without a trailing dot or `:port`. */
export function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase().replace(/\.$/, '');
  const withoutPort = lower.replace(/:\d+$/, '');
  return withoutPort.split(':').length > 2 ? lower : withoutPort;
}

/**
 * The names a host written in `namespace` stands for: a short name `svc` means
 * `svc.<namespace>.svc.cluster.local`; `svc.ns` and `svc.ns.svc` also mean `svc.ns.svc.cluster.local`;
 * any other name means itself.
 */
export function hostNames(host: string, namespace: string): string[] {
  const name = normaliseHost(host);
  const labels = name.split('.');
  if (labels.length === 1) return [serviceFqdn(name, namespace)];
  if (labels.length === 2) return [name, `${name}.${SERVICE_SUFFIX}`];
  if (labels.length === 3 && labels[2] === 'svc') return [name, `${name}.cluster.local`];
  return [name];
}

/** Whether a host pattern is a wildcard: `*` or `*.suffix`. */
export function isWildcardHost(pattern: string): boolean {
  return pattern === '*' || pattern.startsWith('*.');
}

/**
 * Whether a host pattern written in `namespace` (a VirtualService or DestinationRule host)
 * covers any of `names`: a wildcard `*.suffix` covers names ending in `.suffix`, `*` covers all,
 * other patterns cover the names they stand for (see {@link hostNames}).
 */
export function hostPatternCovers(pattern: string, namespace: string, names: string[]): boolean {
  const normalised = normaliseHost(pattern);
  if (normalised === '*') return true;
  if (isWildcardHost(normalised)) return names.some(name => name.endsWith(normalised.slice(1)));
  const patternNames = hostNames(normalised, namespace);
  return names.some(name => patternNames.includes(name));
}
