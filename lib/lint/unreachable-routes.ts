import { Finding } from './findings';
import { LoadedManifest } from './load';
import { asList, asRecord, findingAbout, isIstio, specOf } from './objects';

/** Keys of an HTTPMatchRequest that do not restrict what it matches. */
const NOT_CONDITIONS = new Set(['name', 'ignoreUriCase']);

/** Whether a condition value is empty, so restricts nothing: `{}`, `[]`, `null`. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  const record = asRecord(value);
  return record !== undefined && Object.keys(record).length === 0;
}

/** Whether one HTTPMatchRequest matches every request: no conditions, or only `uri: {prefix: '/'}`. */
export function matchesEverything(matchValue: unknown): boolean {
  const match = asRecord(matchValue);
  if (!match) return false;
  const conditions = Object.entries(match).filter(([key, value]) => !NOT_CONDITIONS.has(key) && !isEmpty(value));
  if (conditions.length === 0) return true;
  if (conditions.length !== 1 || conditions[0][0] !== 'uri') return false;
  const uri = asRecord(conditions[0][1]);
  return uri !== undefined && Object.keys(uri).length === 1 && uri.prefix === '/';
}

/** Whether an http route catches every request: no match list, or one entry in it matching everything. */
export function isCatchAll(routeValue: unknown): boolean {
  const route = asRecord(routeValue);
  if (!route) return false;
  if (route.match === undefined || route.match === null) return true;
  if (!Array.isArray(route.match)) return false;
  return route.match.length === 0 || route.match.some(matchesEverything);
}

/**
 * Finds http routes that no request reaches: Istio takes the first route that matches, so
 * every route after a catch-all (see {@link isCatchAll}) is dead. Each such route is
 * reported by its index.
 */
export function checkRoutesAfterCatchAll(manifests: readonly LoadedManifest[]): Finding[] {
  const findings: Finding[] = [];
  for (const virtualService of manifests.filter(manifest => isIstio(manifest, 'VirtualService'))) {
    const routes = asList(specOf(virtualService).http);
    const catchAll = routes.findIndex(isCatchAll);
    if (catchAll === -1) continue;
    for (let i = catchAll + 1; i < routes.length; i++) {
      findings.push(findingAbout(virtualService, `spec.http[${i}]: is unreachable: spec.http[${catchAll}] before it matches every request`));
    }
  }
  return findings;
}
