import { ChainContext, RuleOutput } from './rule-context';
import { routingApiOf } from '../model/defaults';
import { RoutingApi } from '../props/chain-props';

/** The GatewayClass of Istio's own Gateway API implementation. */
const ISTIO_GATEWAY_CLASS = 'istio';

/**
 * What is portable across Gateway API implementations. A weighted entry route must stamp each
 * share of its traffic with its own version as the lane, and HTTPRoute can do that only with a
 * filter on each backendRef: the Extended feature `HTTPRouteBackendRequestHeaderModification`.
 * Istio implements it (the mesh side is always Istio here, sidecar or ambient); a Gateway of
 * another class may not. So gateway weights are warned about when a Gateway the chain writes has
 * another class: a choice of implementation, not an error. Header routes and `defaultVersion`
 * stamp the lane at rule level, which is Core.
 */
export function checkGatewayApiPortability(chain: ChainContext, out: RuleOutput): void {
  if (routingApiOf(chain.props) !== RoutingApi.GATEWAY_API) return;
  const weights = chain.entry.gatewayWeights;
  if (weights === undefined || Object.keys(weights).length < 2) return;
  // Stryker disable next-line ArrayDeclaration: a made-up gateway has no class, so it reads as Istio's and is passed over like none
  const others = (chain.entry.createGateways ?? [])
    .filter(gateway => (gateway.gatewayClassName ?? ISTIO_GATEWAY_CLASS) !== ISTIO_GATEWAY_CLASS)
    .map(gateway => `${gateway.ref} (class ${gateway.gatewayClassName})`);
  if (others.length === 0) return;
  out.warnings.push('entry.gatewayWeights splits gateway traffic between versions, and each share gets its lane from a filter on its '
    + `backendRef: the Extended feature HTTPRouteBackendRequestHeaderModification, which ${others.join(', ')} may not implement `
    + '(Istio does). Check the implementation\'s conformance report, or route gateway traffic by header routes and `defaultVersion` (Core)');
}
