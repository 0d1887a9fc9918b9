/*
 * Host names as Istio compares them: `*` matches every host, `*.example.com` every host that
 * ends with `.example.com` (at any depth, but not `example.com` itself), other hosts only
 * themselves. Hosts are compared as written, lowercase, without resolving short names.
 */

/** Whether `host` is a wildcard: `*` or `*.<suffix>`. */
function isWildcard(host: string): boolean {
  return host === '*' || host.startsWith('*.');
}

/** Whether `pattern` takes every request for `host`: the same host, or a wildcard that matches all of it. */
export function hostCovers(pattern: string, host: string): boolean {
  if (pattern === host || pattern === '*') return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  return isWildcard(host) ? host !== '*' && host.slice(1).endsWith(suffix) : host.endsWith(suffix);
}

/** Whether some request host matches both `a` and `b`: Istio's "duplicate hosts". */
export function hostsOverlap(a: string, b: string): boolean {
  return hostCovers(a, b) || hostCovers(b, a);
}
