import { re2Fault, re2MatchesWhole } from './regex-check';
import { ChainContext, RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { routeSourcesOf } from '../model/defaults';
import { HeaderRoute } from '../props/entry-props';

/** A header route reduced to what decides which requests it takes. */
interface RouteMatch {
  readonly index: number;
  /** The header (lowercased: header names are case-insensitive) or the cookie it looks at. */
  readonly subject: string;
  readonly kind: 'exact' | 'prefix' | 'regex';
  readonly value: string;
  readonly from: readonly string[];
}

/**
 * Header routes that can never match. Istio tries the entry's routes in order and a request
 * takes the first that matches, so a header route is unreachable when an earlier one looks at
 * the same header (or cookie), applies to at least the same sources, and matches every value
 * the later one matches. Only cases that can be proven are reported:
 * - the same condition twice (same `exact`, `prefix` or `regex` text);
 * - an earlier `prefix` that starts a later `exact` value or `prefix`;
 * - an earlier `regex` that matches the whole of a later `exact` value;
 * - an earlier `regex` that matches every value (`.*`, `^.*$`...), whatever the later condition.
 *
 * Weighted routes and the default route are never reported, even when the routes above them
 * cover gateway and mesh traffic alike (as in a chain with both weights and `defaultVersion`):
 * such a last route is a harmless safety net that catches whatever the source lists miss, such
 * as traffic through a gateway bound to the root later, and rejecting it would refuse sound
 * configurations. Routes with an invalid condition are left to the rules that report them.
 */
export function checkUnreachableRoutes(chain: ChainContext, out: RuleOutput): void {
  const bySubject = new Map<string, RouteMatch[]>();
  // Stryker disable next-line ArrayDeclaration: a route that is not an object has no header or cookie, and is skipped
  (chain.entry.headerRoutes ?? []).forEach((route, index) => {
    const match = routeMatch(route, index);
    if (!match) return;
    const earlier = bySubject.get(match.subject) ?? [];
    const shadow = earlier.find(first => covers(first, match));
    if (shadow) {
      out.problems.add(['entry', 'headerRoutes', index], `can never match: entry.headerRoutes[${shadow.index}] comes first and takes every request `
        + `this one would (${describe(shadow)} covers ${describe(match)}); remove this route or change its condition`);
    }
    earlier.push(match);
    bySubject.set(match.subject, earlier);
  });
}

function routeMatch(route: HeaderRoute, index: number): RouteMatch | undefined {
  // Stryker disable next-line EqualityOperator: only the count is read, and of two fields one is set exactly when one is unset
  const subjects = [route.header, route.cookie].filter(x => x !== undefined);
  const conditions = (['exact', 'prefix', 'regex'] as const).filter(kind => route[kind] !== undefined);
  if (subjects.length !== 1 || conditions.length !== 1) return undefined;
  const kind = conditions[0];
  const value = route[kind]!;
  if (kind === 'regex' && re2Fault(value) !== undefined) return undefined;
  const subject = route.header !== undefined ? `header ${show(route.header.toLowerCase())}` : `cookie ${show(route.cookie)}`;
  return { index, subject, kind, value, from: routeSourcesOf(route) };
}

/** Whether every request `later` matches is matched by `first`. */
function covers(first: RouteMatch, later: RouteMatch): boolean {
  if (!later.from.every(source => first.from.includes(source))) return false;
  if (first.kind === later.kind && first.value === later.value) return true;
  if (first.kind === 'prefix' && (later.kind === 'exact' || later.kind === 'prefix')) return later.value.startsWith(first.value);
  if (first.kind === 'regex' && matchesEverything(first.value)) return true;
  if (first.kind === 'regex' && later.kind === 'exact') return re2MatchesWhole(first.value, later.value);
  return false;
}

/**
 * Whether a regex is one of the usual ways of writing "any value" (`.*`, `^.*$`, `(.*)`,
 * `[\s\S]*`, with or without the `s` flag): it takes every request that has the header, so it
 * covers any later condition on it. Other regexes are not reported, as that cannot be proven cheaply.
 */
export function matchesEverything(regex: string): boolean {
  let core = regex.replace(/^\(\?s\)/, '').replace(/^\^/, '').replace(/\$$/, '');
  // Stryker disable next-line Regex: the loop's test has just matched the whole of `core`, so the replacement's match spans it, anchored or not
  while (/^\((\?:|\?s:)?(.*)\)$/.test(core)) core = core.replace(/^\((\?:|\?s:)?(.*)\)$/, '$2');
  return ['.*', '.*?', '[\\s\\S]*', '[\\S\\s]*', '[^\\n]*'].includes(core);
}

function describe(match: RouteMatch): string {
  return `${match.subject} ${match.kind} ${show(match.value)} from ${match.from.join(', ')}`;
}
