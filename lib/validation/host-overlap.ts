/*
 * Host names as Istio compares them: `*` matches every host, `*.example.com` every host that
 * ends with `.example.com` (at any depth, but not `example.com` itself), other hosts only
 * themselves. Hosts are compared as written, lowercase, without resolving short names.
 */

/**
 * Whether `pattern` takes every request for `host`: the same host, `*`, or a wildcard whose
 * suffix ends `host` (a wildcard host included: `*.example.com` covers `*.shop.example.com`;
 * `*` itself ends with no suffix).
 */
export function hostCovers(pattern: string, host: string): boolean {
  if (pattern === host || pattern === '*') return true;
  return pattern.startsWith('*.') && host.endsWith(pattern.slice(1));
}

/** Whether some request host matches both `a` and `b`: Istio's "duplicate hosts". */
export function hostsOverlap(a: string, b: string): boolean {
  return hostCovers(a, b) || hostCovers(b, a);
}
