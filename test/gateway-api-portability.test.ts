import { LaneMode, RoutingApi, ServiceChainProps, validateChain } from '../lib';

/** web -> cart in header mode, entered through a Gateway the chain writes, of the class given. */
function chain(routingApi: RoutingApi, entry: Partial<ServiceChainProps['entry']>, gatewayClassName?: string): ServiceChainProps {
  return {
    routingApi,
    laneMode: LaneMode.HEADER,
    namespace: 'shop',
    defaults: { image: 'registry.example.com/app:1.0' },
    services: [
      { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
      { name: 'cart', versions: { v1: {}, v2: {} } },
    ],
    entry: {
      service: 'web',
      hosts: ['shop.example.com'],
      mesh: false,
      createGateways: [{ ref: 'edge/public', ...(gatewayClassName ? { gatewayClassName } : {}) }],
      ...entry,
    },
  };
}

const portabilityWarnings = (props: ServiceChainProps) =>
  validateChain(props).warnings.filter(w => w.includes('HTTPRouteBackendRequestHeaderModification'));

test('gateway weights on a Gateway of another class are warned about: their lane stamps need an Extended feature', () => {
  const findings = validateChain(chain(RoutingApi.GATEWAY_API, { gatewayWeights: { v1: 90, v2: 10 } }, 'envoy-gateway'));
  expect(findings.problems.list).toEqual([]);
  expect(findings.warnings).toEqual([
    'entry.gatewayWeights splits gateway traffic between versions, and each share gets its lane from a filter on its backendRef: '
    + 'the Extended feature HTTPRouteBackendRequestHeaderModification, which edge/public (class envoy-gateway) may not implement '
    + '(Istio does). Check the implementation\'s conformance report, or route gateway traffic by header routes and `defaultVersion` (Core)',
  ]);
});

test('on Istio\'s own class, the default, the split is implemented: no warning', () => {
  expect(portabilityWarnings(chain(RoutingApi.GATEWAY_API, { gatewayWeights: { v1: 90, v2: 10 } }))).toEqual([]);
  expect(portabilityWarnings(chain(RoutingApi.GATEWAY_API, { gatewayWeights: { v1: 90, v2: 10 } }, 'istio'))).toEqual([]);
});

test('header routes and a default version are Core: no warning on any class', () => {
  const props = chain(RoutingApi.GATEWAY_API,
    { headerRoutes: [{ header: 'x-canary', exact: 'on', version: 'v2' }], defaultVersion: 'v1' }, 'envoy-gateway');
  expect(validateChain(props).problems.list).toEqual([]);
  expect(portabilityWarnings(props)).toEqual([]);
});

test('a single-version weight map stamps one lane: no warning', () => {
  expect(portabilityWarnings(chain(RoutingApi.GATEWAY_API, { gatewayWeights: { v1: 100 } }, 'envoy-gateway'))).toEqual([]);
});

test('every Gateway of another class is named in the one warning', () => {
  const props = chain(RoutingApi.GATEWAY_API, {
    gatewayWeights: { v1: 90, v2: 10 },
    createGateways: [{ ref: 'edge/public', gatewayClassName: 'envoy-gateway' }, { ref: 'edge/istio' }, { ref: 'edge/private', hosts: ['shop.example.com'], port: 8080, gatewayClassName: 'kong' }],
  });
  expect(portabilityWarnings(props)).toEqual([expect.stringContaining(
    'the Extended feature HTTPRouteBackendRequestHeaderModification, which edge/public (class envoy-gateway), edge/private (class kong) may not implement (Istio does)')]);
});

test('under the Istio API, gateway weights need no Gateway API feature: no warning', () => {
  expect(portabilityWarnings(chain(RoutingApi.ISTIO, { gatewayWeights: { v1: 90, v2: 10 } }, 'envoy-gateway'))).toEqual([]);
});
