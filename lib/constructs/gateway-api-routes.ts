import {
  HttpRouteSpecRules, HttpRouteSpecRulesBackendRefs, HttpRouteSpecRulesBackendRefsFiltersType, HttpRouteSpecRulesFilters,
  HttpRouteSpecRulesFiltersType, HttpRouteSpecRulesMatches, HttpRouteSpecRulesMatchesHeaders, HttpRouteSpecRulesMatchesHeadersType,
  HttpRouteSpecRulesMatchesPathType,
} from '../../imports/gateway.networking.k8s.io';
import { gatewayApiHeaderMatch } from '../model/gateway-api-header';
import { HeaderCondition, RouteMatch, RouteRule, RouteTarget } from '../model/routing-plan';
import { TrafficSource } from '../props/entry-props';

/*
 * The Gateway API renderer of the routing plan: the only place that turns a plan rule into an
 * HTTPRoute rule, as istio-http-routes.ts is for Istio.
 *
 * HTTPRoute rules are not tried in order: the most specific match wins (exact path, longest
 * prefix, method, most header matches, most query parameters; then the oldest route, then the
 * route's name, then the order of the rules). The plan's rules keep their meaning under that
 * precedence because every rule with a condition has exactly one header match and every other
 * rule none: header routes and lane rules (one header each) come before the weights and the
 * default (none), and among equals the list order decides, as it does in Istio.
 *
 * A rule's timeout becomes `timeouts.request` (Extended support: HTTPRouteRequestTimeout);
 * retries, faults and mirrors have no standard HTTPRoute field, and validation refuses them.
 *
 * The lane stamp: a rule with one target sets the lane header with a rule-level
 * RequestHeaderModifier (Core support, every implementation). A weighted rule stamps each
 * destination with its own version, which only a filter on the backendRef can do (Extended
 * support: HTTPRouteBackendRequestHeaderModification); see the README for who implements it.
 */

/** What a plan rule needs to become an HTTPRoute rule: the backend of each version, the lane header, the URI prefix. */
export interface HttpRouteContext {
  /** The Service and port of a version: `<service>-<version>`. */
  readonly backend: (version: string) => { readonly name: string; readonly port: number };
  /** The header that carries the lane. */
  readonly laneHeader: string;
  /**
   * A path prefix every match requires.
   * @default - none: every path (the API's default, `PathPrefix /`)
   */
  readonly pathPrefix?: string;
}

/**
 * The rules of the plan that apply to requests from `source` (gateway or mesh), each with only
 * the matches that apply to that source. Rules without matches apply to both.
 */
export function rulesForSource(rules: readonly RouteRule[], source: TrafficSource): RouteRule[] {
  return rules.flatMap(rule => {
    if (rule.matches.length === 0) return [rule];
    const matches = rule.matches.filter(match => match.sources === undefined || match.sources.includes(source));
    return matches.length === 0 ? [] : [{ ...rule, matches: matches.map(({ sources: _, ...rest }) => rest) }];
  });
}

/** A rule of the routing plan as an HTTPRoute rule. Source matches must have been resolved with {@link rulesForSource}. */
export function httpRouteRule(rule: RouteRule, context: HttpRouteContext): HttpRouteSpecRules {
  if (rule.retries !== undefined || rule.fault !== undefined || rule.mirror !== undefined || rule.targets.some(target => target.dropLane)) {
    throw new Error('HTTPRoutes carry no retries, faults or mirrors; validation refuses them with gateway-api');
  }
  const conditions = rule.matches.map(match => httpRouteMatch(match, context));
  const pathOnly = context.pathPrefix !== undefined ? [pathMatch(context.pathPrefix)] : undefined;
  // A rule without headers to match (weights) matches every request under the path prefix, if there is one.
  // Stryker disable next-line MethodExpression: a plan rule's matches all hold a header (header routes, lanes) or none does (weights), so `some` and `every` agree
  const matches = conditions.some(condition => condition.headers !== undefined) ? conditions : pathOnly;
  const single = rule.targets.length === 1 ? rule.targets[0] : undefined;
  return {
    matches,
    filters: single?.stampLane !== undefined ? [{
      type: HttpRouteSpecRulesFiltersType.REQUEST_HEADER_MODIFIER,
      requestHeaderModifier: { set: [{ name: context.laneHeader, value: single.stampLane }] },
    } satisfies HttpRouteSpecRulesFilters] : undefined,
    backendRefs: rule.targets.map(target => backendRef(target, single === undefined, context)),
    timeouts: rule.timeout !== undefined ? { request: rule.timeout } : undefined,
  };
}

function pathMatch(prefix: string): HttpRouteSpecRulesMatches {
  return { path: { type: HttpRouteSpecRulesMatchesPathType.PATH_PREFIX, value: prefix } };
}

function httpRouteMatch(match: RouteMatch, context: HttpRouteContext): HttpRouteSpecRulesMatches {
  if (match.caller !== undefined) throw new Error('HTTPRoutes cannot match the calling workload; validation refuses sourceLabels lanes with gateway-api');
  const header = match.header ? httpRouteHeaderMatch(match.header)
    : match.lane !== undefined ? { type: HttpRouteSpecRulesMatchesHeadersType.EXACT, name: context.laneHeader, value: match.lane }
      : undefined;
  return {
    path: context.pathPrefix !== undefined ? pathMatch(context.pathPrefix).path : undefined,
    headers: header && [header],
  };
}

function backendRef(target: RouteTarget, weighted: boolean, context: HttpRouteContext): HttpRouteSpecRulesBackendRefs {
  const { name, port } = context.backend(target.version);
  return {
    name,
    port,
    weight: weighted ? target.weight ?? 1 : undefined,
    filters: weighted && target.stampLane !== undefined ? [{
      type: HttpRouteSpecRulesBackendRefsFiltersType.REQUEST_HEADER_MODIFIER,
      requestHeaderModifier: { set: [{ name: context.laneHeader, value: target.stampLane }] },
    }] : undefined,
  };
}

/** A header condition as an HTTPRoute header match (see `gatewayApiHeaderMatch`). */
export function httpRouteHeaderMatch(condition: HeaderCondition): HttpRouteSpecRulesMatchesHeaders {
  const { type, name, value } = gatewayApiHeaderMatch(condition);
  return {
    type: type === 'Exact' ? HttpRouteSpecRulesMatchesHeadersType.EXACT : HttpRouteSpecRulesMatchesHeadersType.REGULAR_EXPRESSION,
    name,
    value,
  };
}
