import { asList, asRecord, asString, compareText, JsonObject } from '../manifests';

/*
 * Which HTTPRoute rule takes a request, by Gateway API's precedence rather than first match.
 * Among the rules of every route attached to one parent (a Gateway, or a Service for mesh
 * traffic), each match of each rule that holds is a candidate, and the most specific wins:
 *   1. the route whose hostname matches the request most specifically: an exact hostname over
 *      a wildcard, a longer one over a shorter one, any over a route without hostnames;
 *   2. an `Exact` path over a `PathPrefix`, and a longer prefix over a shorter one
 *      (`RegularExpression` paths, whose rank the API leaves to implementations, come last);
 *   3. a match on the method over one without;
 *   4. more header matches;
 *   5. more query parameter matches;
 * then the oldest route (`metadata.creationTimestamp`; routes without one tie), then the
 * route's `namespace/name` in alphabetical order, then the rule's and the match's position.
 */

/** One match of one rule of one route: what precedence ranks. */
export interface MatchCandidate {
  /** The route, as parsed. */
  readonly route: JsonObject;
  /** `namespace/name` of the route. */
  readonly routeRef: string;
  /** How specifically the route's hostnames match the request: see {@link hostnameRank}. */
  readonly hostname: readonly [number, number];
  /** Position of the rule in the route. */
  readonly rule: number;
  /** Position of the match in the rule; 0 for a rule without matches. */
  readonly match: number;
  /** The match, as written; `{}` stands for a rule without matches (every path). */
  readonly condition: JsonObject;
}

/**
 * How specifically a route's hostnames match a host: `[1, length]` for an exact hostname,
 * `[0, length]` for a wildcard, `[0, 0]` for a route without hostnames; `undefined` when the
 * route has hostnames and none matches (the route does not take the request).
 */
export function hostnameRank(hostnames: readonly string[], host: string): readonly [number, number] | undefined {
  if (hostnames.length === 0) return [0, 0];
  let best: readonly [number, number] | undefined;
  for (const hostname of hostnames.map(name => name.toLowerCase())) {
    const rank: readonly [number, number] | undefined = hostname === host ? [1, hostname.length]
      : hostname.startsWith('*.') && host.endsWith(hostname.slice(1)) && host.length > hostname.length - 1 ? [0, hostname.length]
        : undefined;
    if (rank !== undefined && (best === undefined || compareRanks(rank, best) > 0)) best = rank;
  }
  return best;
}

/** The specificity of a match as a tuple compared left to right; higher is more specific. */
export function matchSpecificity(condition: JsonObject): number[] {
  const path = asRecord(condition.path);
  const type = asString(path?.type) ?? 'PathPrefix';
  const value = asString(path?.value) ?? '/';
  return [
    type === 'Exact' ? 1 : 0,
    type === 'Exact' || type === 'PathPrefix' ? value.length : 0,
    condition.method !== undefined ? 1 : 0,
    asList(condition.headers).length,
    asList(condition.queryParams).length,
  ];
}

/** The creation time of a route in milliseconds, or Infinity when it names none (such routes tie, after dated ones). */
function createdAt(route: JsonObject): number {
  const stamp = asString(asRecord(route.metadata)?.creationTimestamp);
  const time = stamp === undefined ? NaN : Date.parse(stamp);
  return Number.isNaN(time) ? Infinity : time;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Orders candidates by precedence: the one that takes the request first. */
export function compareCandidates(a: MatchCandidate, b: MatchCandidate): number {
  return compareRanks(b.hostname, a.hostname)
    || compareRanks(matchSpecificity(b.condition), matchSpecificity(a.condition))
    || createdAt(a.route) - createdAt(b.route)
    || compareText(a.routeRef, b.routeRef)
    || a.rule - b.rule
    || a.match - b.match;
}

/** The candidate that takes the request, or `undefined` when there is none. */
export function winningCandidate(candidates: readonly MatchCandidate[]): MatchCandidate | undefined {
  let best: MatchCandidate | undefined;
  for (const candidate of candidates) {
    if (best === undefined || compareCandidates(candidate, best) < 0) best = candidate;
  }
  return best;
}
