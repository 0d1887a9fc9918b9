import type { ChainModel, ServiceModel } from './chain-model';
import { laneRules } from './lane-rules';
import { sameRouteSettings } from './traffic-model';
import { LaneMode } from '../props/chain-props';
import { HeaderRoute, TrafficSource, Weights } from '../props/entry-props';
import { RetrySettings } from '../props/traffic-settings';

/*
 * The routing plan: every routing decision of the chain, made here once, as plain data.
 * Renderers turn it into API objects (today Istio VirtualServices); the graph and the
 * validation of lanes read it. Nothing else decides which request goes where.
 */

/** A condition on a request header, or on one cookie of the `cookie` header. */
export interface HeaderCondition {
  /** Whether `name` is a header or a cookie. */
  readonly on: 'header' | 'cookie';
  /** The header name (as written in the props) or the cookie name. */
  readonly name: string;
  /** How the value is compared. */
  readonly kind: 'exact' | 'prefix' | 'regex';
  /** The value, prefix or RE2 pattern. */
  readonly value: string;
}

/** The workload that sends the request: a version of a service. */
export interface CallerRef {
  readonly service: string;
  readonly version: string;
}

/**
 * One way a rule can match: every field set must hold. Fields left unset do not constrain.
 * A rule matches when any of its matches holds, and always when it has none.
 */
export interface RouteMatch {
  /**
   * The sources the request comes through (entry rules only).
   * @default - any source
   */
  readonly sources?: readonly TrafficSource[];
  /**
   * A header or cookie condition.
   * @default - none
   */
  readonly header?: HeaderCondition;
  /**
   * The calling workload, by its `app` and `version` labels (`sourceLabels` lanes).
   * @default - any caller
   */
  readonly caller?: CallerRef;
  /**
   * The lane the request carries in the lane header (`header` lanes).
   * @default - any lane, or none
   */
  readonly lane?: string;
}

/** Where a rule sends requests: a version of the routed service. */
export interface RouteTarget {
  /** The version (the subset). */
  readonly version: string;
  /**
   * Share of the rule's requests, in percent.
   * @default - all of them (a rule with one target)
   */
  readonly weight?: number;
  /**
   * The lane header is set to this value on the way (the entry stamps the lane in `header` mode).
   * @default - the header is left as it is
   */
  readonly stampLane?: string;
  /**
   * The lane header is removed on the way, so that the request and the calls made for it
   * belong to no lane (calls from a mirror's pods, in `header` mode).
   * @default false
   */
  readonly dropLane?: boolean;
}

/** Faults injected into the requests a rule takes. */
export interface RuleFault {
  /** @default - no delay */
  readonly delay?: { readonly fixedDelay: string; readonly percentage: number };
  /** @default - no abort */
  readonly abort?: { readonly httpStatus: number; readonly percentage: number };
}

/** A copy of a share of a rule's requests, sent to a version whose answers are dropped. */
export interface RuleMirror {
  /** The version receiving the copies. */
  readonly version: string;
  /** Share of the requests copied, in percent. */
  readonly percentage: number;
}

/** One rule: requests that match go to the targets. Rules are tried in order; the first match wins. */
export interface RouteRule {
  /** The conditions, any of which selects the rule; none means every request. */
  readonly matches: readonly RouteMatch[];
  /** The versions, with weights when there are several. */
  readonly targets: readonly RouteTarget[];
  /**
   * Time limit of the requests: the target versions' `timeout`.
   * @default - none written
   */
  readonly timeout?: string;
  /**
   * Retries of the requests: the target versions' `retries`.
   * @default - none written
   */
  readonly retries?: RetrySettings;
  /**
   * Faults injected into the requests (lane faults only).
   * @default - none
   */
  readonly fault?: RuleFault;
  /**
   * Copies of a share of the requests (dark launches).
   * @default - none
   */
  readonly mirror?: RuleMirror;
}

/** How traffic enters the chain: what the entry is bound to, and its ordered rules. */
export interface EntryPlan {
  /** The entry service. */
  readonly service: string;
  /** Gateways the entry is bound to, as `namespace/name`. */
  readonly gateways: readonly string[];
  /** External hosts the gateways serve. */
  readonly hosts: readonly string[];
  /** Whether requests from inside the mesh reach the entry through these rules. */
  readonly mesh: boolean;
  /** The URI prefix handed to the entry's rules. */
  readonly uriPrefix: string;
  /** Header routes, then weights, then the default route. */
  readonly rules: readonly RouteRule[];
}

/** The rules of a service behind the entry: keep each request on its lane, else go to the baseline. */
export interface LanePlan {
  /** The service routed. */
  readonly service: string;
  /** Lane rules, then a last rule to the baseline. */
  readonly rules: readonly RouteRule[];
}

/** Every routing decision of a chain. */
export interface RoutingPlan {
  /** How lanes are kept. */
  readonly laneMode: LaneMode;
  /** The lane header of `header` mode. */
  readonly laneHeader: string;
  /** The entry. */
  readonly entry: EntryPlan;
  /** The services behind the entry, in chain order. */
  readonly lanes: readonly LanePlan[];
}

/** Works out the routing plan of a resolved chain. @internal */
export function planRouting(chain: Omit<ChainModel, 'routing'>): RoutingPlan {
  const entry = chain.entry;
  return {
    laneMode: chain.laneMode,
    laneHeader: chain.laneHeader,
    entry: {
      service: entry.service,
      gateways: entry.gateways,
      hosts: entry.hosts,
      mesh: entry.mesh,
      uriPrefix: entry.uriPrefix,
      rules: withRouteSettings(chain.service(entry.service), entryRules(chain)),
    },
    lanes: chain.services
      .filter(service => service.name !== entry.service)
      .map(service => ({ service: service.name, rules: withRouteSettings(service, laneRules(chain, service)) })),
  };
}

/**
 * Rules with the timeout and retries of the versions they send requests to. A rule that splits
 * between versions whose settings differ gets none (validation refuses such a split).
 */
function withRouteSettings(service: ServiceModel, rules: RouteRule[]): RouteRule[] {
  const routeOf = new Map(service.versions.map(version => [version.name, version.route]));
  return rules.map(rule => {
    const [first = {}, ...others] = rule.targets.map(target => routeOf.get(target.version) ?? {});
    if (others.some(other => !sameRouteSettings(other, first))) return rule;
    return { ...rule, ...first };
  });
}

/** The entry's rules, in the order they are tried: header routes, weights, the default route. */
function entryRules(chain: Omit<ChainModel, 'routing'>): RouteRule[] {
  const { entry } = chain;
  const service = chain.service(entry.service);
  const target = (version: string, weight?: number): RouteTarget => ({
    version,
    weight,
    stampLane: chain.laneMode === LaneMode.HEADER ? version : undefined,
  });
  const weighted = (sources: TrafficSource[], weights: Weights): RouteRule => ({
    matches: [{ sources }],
    targets: service.versions.filter(v => v.name in weights).map(v => target(v.name, weights[v.name])),
  });

  const rules: RouteRule[] = entry.headerRoutes.map(route => ({
    matches: [{ sources: route.from!, header: headerCondition(route) }],
    targets: [target(route.version)],
  }));
  const { gatewayWeights, meshWeights } = entry;
  if (gatewayWeights && meshWeights && sameWeights(gatewayWeights, meshWeights)) {
    rules.push(weighted([TrafficSource.MESH, TrafficSource.GATEWAY], gatewayWeights));
  } else {
    if (gatewayWeights) rules.push(weighted([TrafficSource.GATEWAY], gatewayWeights));
    if (meshWeights) rules.push(weighted([TrafficSource.MESH], meshWeights));
  }
  if (entry.defaultVersion !== undefined) rules.push({ matches: [], targets: [target(entry.defaultVersion)] });
  return rules;
}

/** A header route's condition, with the header or cookie it looks at. @internal */
export function headerCondition(route: HeaderRoute): HeaderCondition {
  const kind = route.exact !== undefined ? 'exact' : route.prefix !== undefined ? 'prefix' : 'regex';
  return {
    on: route.cookie !== undefined ? 'cookie' : 'header',
    name: route.cookie ?? route.header!,
    kind,
    value: route[kind]!,
  };
}

function sameWeights(a: Weights, b: Weights): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every(key => a[key] === b[key]);
}
