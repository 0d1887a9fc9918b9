import { Finding } from './findings';
import { LoadedManifest } from './load';
import { asList, asRecord, findingAbout, isIstio, specOf } from './loaded-objects';

/** Keys of an HTTPMatchRequest that do not restrict what it matches. */
const NOT_CONDITIONS = new Set(['name', 'ignoreUriCase']);

/** Whether a condition value is empty, so restricts nothing: `{}`, `[]`, `null`. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  const record = asRecord(value);
  return record !== undefined && Object.keys(record).length === 0;
}

/** Uri matches that every path passes: a prefix of `/` or nothing, a regex of any characters. */
function matchesEveryPath(uriValue: unknown): boolean {
  const uri = asRecord(uriValue);
  if (!uri || Object.keys(uri).length !== 1) return false;
  return uri.prefix === '/' || uri.prefix === '' || ['.*', '/.*', '^.*$', '^/.*$'].includes(String(uri.regex));
}

/** Whether one HTTPMatchRequest matches every request: no conditions, or only a uri that every path passes (`prefix: /`, `prefix: ""`, `regex: .*`). */
export function matchesEverything(matchValue: unknown): boolean {
  const match = asRecord(matchValue);
  if (!match) return false;
  const conditions = Object.entries(match).filter(([key, value]) => !NOT_CONDITIONS.has(key) && !isEmpty(value));
  if (conditions.length === 0) return true;
  return conditions.length === 1 && conditions[0][0] === 'uri' && matchesEveryPath(conditions[0][1]);
}

/** Whether a tcp route catches every connection: no match list, or one entry in it with no conditions. */
export function isTcpCatchAll(routeValue: unknown): boolean {
  const route = asRecord(routeValue);
  if (!route) return false;
  const matches = asList(route.match);
  return matches.length === 0 || matches.some(match => {
    const record = asRecord(match);
    return record !== undefined && Object.entries(record).every(([, value]) => isEmpty(value));
  });
}

/** Whether a tls route catches every connection: a match entry whose only condition is `sniHosts` holding `*`. */
export function isTlsCatchAll(routeValue: unknown): boolean {
  return asList(asRecord(routeValue)?.match).some(match => {
    const record = asRecord(match);
    if (!record || !asList(record.sniHosts).includes('*')) return false;
    return Object.entries(record).every(([key, value]) => key === 'sniHosts' || isEmpty(value));
  });
}

/** Whether an http route catches every request: no match list, or one entry in it matching everything. */
export function isCatchAll(routeValue: unknown): boolean {
  const route = asRecord(routeValue);
  if (!route) return false;
  if (route.match === undefined || route.match === null) return true;
  if (!Array.isArray(route.match)) return false;
  return route.match.length === 0 || route.match.some(matchesEverything);
}

/** The catch-all test of each route list. */
const CATCH_ALLS = { http: isCatchAll, tcp: isTcpCatchAll, tls: isTlsCatchAll } as const;

/**
 * Finds routes that nothing reaches, in every route list (http, tcp and tls): Istio takes the
 * first route that matches, so every route after a catch-all (see {@link isCatchAll},
 * {@link isTcpCatchAll}, {@link isTlsCatchAll}) is dead. Each such route is reported by its index.
 */
export function checkRoutesAfterCatchAll(manifests: readonly LoadedManifest[]): Finding[] {
  const findings: Finding[] = [];
  for (const virtualService of manifests.filter(manifest => isIstio(manifest, 'VirtualService'))) {
    for (const [list, catchesAll] of Object.entries(CATCH_ALLS)) {
      const routes = asList(specOf(virtualService)[list]);
      const catchAll = routes.findIndex(catchesAll);
      if (catchAll === -1) continue;
      const what = list === 'http' ? 'request' : 'connection';
      for (let i = catchAll + 1; i < routes.length; i++) {
        findings.push(findingAbout(virtualService, `spec.${list}[${i}]: is unreachable: spec.${list}[${catchAll}] before it matches every ${what}`));
      }
    }
  }
  return findings;
}
