import {
  VirtualServiceSpecHttp, VirtualServiceSpecHttpFault, VirtualServiceSpecHttpMatch, VirtualServiceSpecHttpMatchHeaders,
  VirtualServiceSpecHttpRetries, VirtualServiceSpecHttpRoute,
} from '../../imports/networking.istio.io';
import { cookieHeaderRegex } from '../model/cookie-pattern';
import { HeaderCondition, RouteMatch, RouteRule, RouteTarget, RuleFault } from '../model/routing-plan';
import { TrafficSource } from '../props/entry-props';
import { RetrySettings } from '../props/traffic-settings';

/** The gateway name Istio uses for sidecar (in-mesh) traffic. */
export const MESH_GATEWAY = 'mesh';

/** What a rule needs to become Istio routes: the service it routes, and the names behind sources and lanes. */
export interface IstioRouteContext {
  /** The host of the destinations: the routed service. */
  readonly host: string;
  /** The gateways that `gateway` traffic comes through. */
  readonly gateways: readonly string[];
  /** The header that carries the lane. */
  readonly laneHeader: string;
}

/** A rule of the routing plan as an Istio HTTP route. */
export function istioHttpRoute(rule: RouteRule, context: IstioRouteContext): VirtualServiceSpecHttp {
  return {
    match: rule.matches.length > 0 ? rule.matches.map(match => istioMatch(match, context)) : undefined,
    route: rule.targets.map(target => istioDestination(target, context)),
    timeout: rule.timeout,
    retries: rule.retries && istioRetries(rule.retries),
    fault: rule.fault && istioFault(rule.fault),
    mirror: rule.mirror && { host: context.host, subset: rule.mirror.version },
    mirrorPercentage: rule.mirror && { value: rule.mirror.percentage },
  };
}

function istioRetries(retries: RetrySettings): VirtualServiceSpecHttpRetries {
  return {
    attempts: retries.attempts,
    perTryTimeout: retries.perTryTimeout,
    retryOn: retries.retryOn?.join(','),
    retryRemoteLocalities: retries.retryRemoteLocalities,
  };
}

function istioFault(fault: RuleFault): VirtualServiceSpecHttpFault {
  return {
    delay: fault.delay && { fixedDelay: fault.delay.fixedDelay, percentage: { value: fault.delay.percentage } },
    abort: fault.abort && { httpStatus: fault.abort.httpStatus, percentage: { value: fault.abort.percentage } },
  };
}

function istioMatch(match: RouteMatch, context: IstioRouteContext): VirtualServiceSpecHttpMatch {
  const headers = match.header ? istioHeaderMatch(match.header)
    : match.lane !== undefined ? { [context.laneHeader]: { exact: match.lane } }
      : undefined;
  return {
    gateways: match.sources && [
      ...(match.sources.includes(TrafficSource.MESH) ? [MESH_GATEWAY] : []),
      ...(match.sources.includes(TrafficSource.GATEWAY) ? context.gateways : []),
    ],
    headers,
    sourceLabels: match.caller && { app: match.caller.service, version: match.caller.version },
  };
}

function istioDestination(target: RouteTarget, context: IstioRouteContext): VirtualServiceSpecHttpRoute {
  return {
    destination: { host: context.host, subset: target.version },
    weight: target.weight,
    headers: target.stampLane !== undefined ? { request: { set: { [context.laneHeader]: target.stampLane } } }
      : target.dropLane ? { request: { remove: [context.laneHeader] } } : undefined,
  };
}

/** A header condition as an Istio `headers` match. A cookie becomes a regex on the `cookie` header, confined to that cookie's value. */
export function istioHeaderMatch(condition: HeaderCondition): Record<string, VirtualServiceSpecHttpMatchHeaders> {
  if (condition.on === 'cookie') return { cookie: { regex: cookieHeaderRegex(condition) } };
  return { [condition.name]: { [condition.kind]: condition.value } };
}
