import { ChainContext, RuleOutput } from './rule-context';
import { PathSegment, show } from '../diagnostics/problems';
import { dataPlaneOf, routingApiOf } from '../model/defaults';
import { DataPlane, RoutingApi } from '../props/chain-props';
import { TrafficSettings } from '../props/traffic-settings';

/** A Gateway API duration (HTTPRoute `timeouts`): one to four parts of up to five digits, each with `h`, `m`, `s` or `ms`. */
export const GATEWAY_API_DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

/** The traffic settings that only Istio's VirtualService and DestinationRule carry, and why Gateway API cannot. */
const ISTIO_ONLY_SETTINGS: ReadonlyArray<[keyof TrafficSettings | 'loadBalancer', string]> = [
  ['retries', 'a VirtualService setting; HTTPRoute retries are experimental in Gateway API, not in its standard channel'],
  ['connectionPool', 'a DestinationRule setting, which Gateway API has no standard field for'],
  ['outlierDetection', 'a DestinationRule setting, which Gateway API has no standard field for'],
  ['tls', 'a DestinationRule setting, which Gateway API has no standard field for (Istio applies mTLS on its own)'],
  ['loadBalancer', 'a DestinationRule setting, which Gateway API has no standard field for'],
];

/**
 * The production settings Gateway API or ambient cannot carry, refused rather than dropped:
 * - with `routingApi: gateway-api`: retries, DestinationRule policies (connection pool, outlier
 *   detection, TLS, load balancer) and lane faults, which have no standard HTTPRoute field; a
 *   `timeout` (HTTPRoute `timeouts.request`) must be written as Gateway API durations are;
 * - mirrors, with `gateway-api` or `ambient`: the calls of a mirror's pods are kept out of every
 *   lane by matching those pods' labels, which HTTPRoutes cannot and waypoints do not.
 */
export function checkGatewayApiSettings(chain: ChainContext, out: RuleOutput): void {
  const { props } = chain;
  const gatewayApi = routingApiOf(props) === RoutingApi.GATEWAY_API;
  const ambient = dataPlaneOf(props) === DataPlane.AMBIENT;
  if (!gatewayApi && !ambient) return;
  const levels: Array<{ path: PathSegment[]; settings: TrafficSettings & { loadBalancer?: unknown } }> = [
    ...(props.defaults ? [{ path: ['defaults'], settings: props.defaults }] : []),
    ...chain.services.flatMap((service, i) => [
      { path: ['services', i], settings: service },
      ...Object.entries(service.versions).map(([version, settings]) => ({ path: ['services', i, 'versions', version], settings: settings ?? {} })),
    ]),
  ];
  const fix = `remove it, or set \`routingApi: ${RoutingApi.ISTIO}\``;
  if (gatewayApi) {
    for (const { path, settings } of levels) {
      for (const [key, why] of ISTIO_ONLY_SETTINGS) {
        if (settings[key] !== undefined) out.problems.add([...path, key], `is ${why}; ${fix}`);
      }
      if (typeof settings.timeout === 'string' && !GATEWAY_API_DURATION.test(settings.timeout)) {
        out.problems.add([...path, 'timeout'], `${show(settings.timeout)} is not a Gateway API duration (one to four parts of up to five digits, `
          + 'each with h, m, s or ms: no fractions, no us or ns); write it so, such as "1500ms" for 1.5s');
      }
    }
  }
  chain.services.forEach((service, i) => {
    if (gatewayApi && (service.faults?.length ?? 0) > 0) {
      out.problems.add(['services', i, 'faults'], `inject faults, which Gateway API has no standard filter for; ${fix}`);
    }
    if ((service.mirrors?.length ?? 0) > 0) {
      const why = [
        ...(gatewayApi ? ['HTTPRoutes cannot match the calling workload'] : []),
        ...(ambient ? ['waypoints do not use source matches'] : []),
      ].join(', and ');
      out.problems.add(['services', i, 'mirrors'], `keep the calls of the mirror's pods out of every lane by matching those pods' labels, but ${why}; `
        + `remove the mirrors, or use \`routingApi: ${RoutingApi.ISTIO}\` with \`dataPlane: ${DataPlane.SIDECAR}\``);
    }
  });
}
