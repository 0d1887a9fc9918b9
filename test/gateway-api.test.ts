import { App, Chart } from 'cdk8s';
import { ChainValidationError, DataPlane, GatewayApiGateway, LaneMode, OutputLayout, RoutingApi, ServiceChainProps, TrafficSource, validateChain } from '../lib';
import { buildChain, find, Manifest, synthChain } from './support/manifests';
import { problemLines } from './validation-support/problem-lines';
import { httpRouteHeaderMatch, httpRouteRule, rulesForSource } from '../lib/constructs/gateway-api-routes';
import { gatewayApiHeaderMatch } from '../lib/model/gateway-api-header';
import { RouteRule } from '../lib/model/routing-plan';

/*
 * The Gateway API backend: a Service per version, HTTPRoutes on the Gateways and on each
 * Service, Gateway API Gateways; and the ambient data plane: a waypoint and its labels.
 */

/** The seed's header-routed chain, on Gateway API. */
function seed(overrides: Partial<ServiceChainProps> = {}): ServiceChainProps {
  return {
    routingApi: RoutingApi.GATEWAY_API,
    laneMode: LaneMode.HEADER,
    defaults: { image: 'registry.example.com/app:1.0', port: 8000 },
    services: [
      { name: 'appa', versions: { v1: {}, v2: {} }, calls: ['appb'] },
      { name: 'appb', versions: { v1: {}, v2: {}, v3: {} } },
    ],
    entry: {
      service: 'appa',
      createGateways: [{ ref: 'istio-system/app-gw' }],
      hosts: ['app.example.com'],
      headerRoutes: [
        { header: 'version', regex: 'v2', version: 'v2' },
        { cookie: 'canary', exact: 'yes', version: 'v2', from: [TrafficSource.GATEWAY, TrafficSource.MESH] },
        { header: 'x-team', prefix: 'qa.', version: 'v1' },
      ],
      gatewayWeights: { v1: 80, v2: 20 },
      meshWeights: { v1: 80, v2: 20 },
      defaultVersion: 'v1',
    },
    ...overrides,
  };
}

const objectsOf = (props: ServiceChainProps): Manifest[] => buildChain(props).objects.map(o => o.toJson() as Manifest);

function refusal(props: ServiceChainProps): string {
  try {
    buildChain(props);
  } catch (error) {
    expect(error).toBeInstanceOf(ChainValidationError);
    return (error as Error).message;
  }
  throw new Error('expected the chain to be refused');
}

describe('routingApi: gateway-api', () => {
  test('writes a Service per version, HTTPRoutes and a Gateway, and no VirtualService, DestinationRule or Istio Gateway', () => {
    // GIVEN the seed on Gateway API WHEN it is built
    const objects = objectsOf(seed());
    // THEN
    expect(objects.map(o => `${o.kind} ${o.metadata.name}`)).toEqual([
      'Service appa', 'Service appa-v1', 'Service appa-v2', 'Deployment appa-v1', 'Deployment appa-v2',
      'Service appb', 'Service appb-v1', 'Service appb-v2', 'Service appb-v3', 'Deployment appb-v1', 'Deployment appb-v2', 'Deployment appb-v3',
      'Gateway app-gw', 'HTTPRoute route-gateway-appa', 'HTTPRoute route-appa', 'HTTPRoute route-appb',
    ]);
    expect(objects.filter(o => o.kind === 'Gateway').map(o => o.apiVersion)).toEqual(['gateway.networking.k8s.io/v1']);
    const version = find(objects, 'Service', 'appb-v3');
    expect(version.spec).toEqual({ ports: [{ port: 8000, name: 'http' }], selector: { app: 'appb', version: 'v3' } });
  });

  test('the ingress HTTPRoute is attached to the Gateways with the entry\'s hosts, and holds the gateway rules in plan order', () => {
    const route = find(objectsOf(seed()), 'HTTPRoute', 'route-gateway-appa');
    expect(route.spec.parentRefs).toEqual([{ name: 'app-gw', namespace: 'istio-system' }]);
    expect(route.spec.hostnames).toEqual(['app.example.com']);
    const rules = route.spec.rules;
    expect(rules.map((rule: Manifest) => rule.matches?.[0].headers)).toEqual([
      [{ type: 'RegularExpression', name: 'version', value: 'v2' }],
      [{ type: 'RegularExpression', name: 'cookie', value: '^(.*;\\s*)?canary=(yes)(;.*)?$' }],
      [{ type: 'RegularExpression', name: 'x-team', value: 'qa\\..*' }],
      undefined,
      undefined,
    ]);
    // a rule with one target stamps the lane at rule level (Core support)
    expect(rules[0].filters).toEqual([{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-lane', value: 'v2' }] } }]);
    expect(rules[0].backendRefs).toEqual([{ name: 'appa-v2', port: 8000 }]);
    // the weighted rule stamps each backend with its own version
    expect(rules[3].filters).toBeUndefined();
    expect(rules[3].backendRefs.map((b: Manifest) => [b.name, b.weight, b.filters[0].requestHeaderModifier.set[0].value])).toEqual([
      ['appa-v1', 80, 'v1'], ['appa-v2', 20, 'v2'],
    ]);
    expect(rules[4]).toEqual({
      filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-lane', value: 'v1' }] } }],
      backendRefs: [{ name: 'appa-v1', port: 8000 }],
    });
  });

  test('the entry\'s mesh HTTPRoute is attached to its Service and holds only the rules for mesh traffic', () => {
    const route = find(objectsOf(seed()), 'HTTPRoute', 'route-appa');
    expect(route.spec.parentRefs).toEqual([{ group: '', kind: 'Service', name: 'appa' }]);
    expect(route.spec.hostnames).toBeUndefined();
    expect(route.spec.rules.map((rule: Manifest) => rule.matches?.[0].headers?.[0].name ?? 'none')).toEqual(['cookie', 'none', 'none']);
  });

  test('a lane HTTPRoute matches each non-baseline version in the lane header, then sends the rest to the baseline', () => {
    const route = find(objectsOf(seed()), 'HTTPRoute', 'route-appb');
    expect(route.spec.parentRefs).toEqual([{ group: '', kind: 'Service', name: 'appb' }]);
    expect(route.spec.rules).toEqual([
      { matches: [{ headers: [{ type: 'Exact', name: 'x-lane', value: 'v2' }] }], backendRefs: [{ name: 'appb-v2', port: 8000 }] },
      { matches: [{ headers: [{ type: 'Exact', name: 'x-lane', value: 'v3' }] }], backendRefs: [{ name: 'appb-v3', port: 8000 }] },
      { backendRefs: [{ name: 'appb-v1', port: 8000 }] },
    ]);
  });

  test('a URI prefix becomes a PathPrefix match on every rule of the entry', () => {
    const route = find(objectsOf(seed({ entry: { ...seed().entry, uriPrefix: '/shop' } })), 'HTTPRoute', 'route-gateway-appa');
    for (const rule of route.spec.rules) {
      expect(rule.matches.map((m: Manifest) => m.path)).toEqual([{ type: 'PathPrefix', value: '/shop' }]);
    }
  });

  test('createGateways writes a Gateway of class istio, or of the class given, that admits the chain\'s routes from another namespace', () => {
    const plain = find(objectsOf(seed()), 'Gateway', 'app-gw');
    expect(plain.metadata.namespace).toBe('istio-system');
    expect(plain.spec).toEqual({
      gatewayClassName: 'istio',
      listeners: [{
        name: 'http-0',
        hostname: 'app.example.com',
        port: 80,
        protocol: 'HTTP',
        allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } } } },
      }],
    });
    const tls = find(objectsOf(seed({
      namespace: 'shop',
      entry: { ...seed().entry, createGateways: [{ ref: 'shop/public', credentialName: 'shop-tls', gatewayClassName: 'eg' }] },
    })), 'Gateway', 'public');
    expect(tls.spec).toEqual({
      gatewayClassName: 'eg',
      listeners: [{ name: 'https-0', hostname: 'app.example.com', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ name: 'shop-tls' }] } }],
    });
  });

  test('the gitops layout puts the Services of each version in services.yaml; the per-version layout beside their Deployment', () => {
    const gitops = synthChain(seed(), { layout: OutputLayout.GITOPS });
    expect(gitops.get('services.yaml')!.map(o => o.metadata.name)).toEqual(['appa', 'appa-v1', 'appa-v2', 'appb', 'appb-v1', 'appb-v2', 'appb-v3']);
    expect(gitops.get('routing.yaml')!.map(o => o.kind)).toEqual(['Gateway', 'HTTPRoute', 'HTTPRoute', 'HTTPRoute']);
    const perVersion = synthChain(seed());
    expect(perVersion.get('v3.yaml')!.map(o => `${o.kind} ${o.metadata.name}`)).toEqual(['Service appb', 'Service appb-v3', 'Deployment appb-v3']);
    const adopted = synthChain(seed({ workloads: 'services' as never }));
    expect(adopted.get('services.yaml')!.map(o => o.metadata.name)).toContain('appb-v3');
  });
});

describe('the entry on Gateway API: hosts, gateways and mesh', () => {
  /** The entry bound to the created Gateway only, for gateway traffic. */
  const gatewayOnly = (hosts: string[], gatewayHosts?: string[]) => seed({
    entry: {
      service: 'appa',
      mesh: false,
      hosts,
      createGateways: [{ ref: 'istio-system/app-gw', hosts: gatewayHosts }],
      gatewayWeights: { v1: 80, v2: 20 },
      defaultVersion: 'v1',
    },
  });

  test('a Gateway given no hosts, its own or the default ones, listens on every host: one listener without a hostname', () => {
    const chart = new Chart(new App(), 'test');
    const gateway = new GatewayApiGateway(chart, 'gw', { gateway: { ref: 'edge/public' }, defaultHosts: [], routeNamespace: 'edge' });
    expect(gateway.object.toJson().spec).toEqual({ gatewayClassName: 'istio', listeners: [{ name: 'http-0', port: 80, protocol: 'HTTP' }] });
  });

  test('the host * becomes a listener without a hostname, and an ingress HTTPRoute without hostnames', () => {
    const objects = objectsOf(gatewayOnly(['*']));
    expect(find(objects, 'Gateway', 'app-gw').spec.listeners.map((l: Manifest) => [l.name, l.hostname])).toEqual([['http-0', undefined]]);
    expect(find(objects, 'HTTPRoute', 'route-gateway-appa').spec.hostnames).toBeUndefined();
  });

  test('an entry without hosts, bound to a Gateway defined elsewhere, writes an ingress HTTPRoute without hostnames', () => {
    const route = find(objectsOf(seed({ entry: { service: 'appa', gateways: ['istio-system/app-gw'], gatewayWeights: { v1: 80, v2: 20 }, defaultVersion: 'v1' } })),
      'HTTPRoute', 'route-gateway-appa');
    expect(route.spec.parentRefs).toEqual([{ name: 'app-gw', namespace: 'istio-system' }]);
    expect(route.spec.hostnames).toBeUndefined();
  });

  test('an entry bound to no gateway writes no ingress HTTPRoute; one that takes no mesh traffic, no mesh HTTPRoute', () => {
    const meshOnly = buildChain(seed({ entry: { service: 'appa', meshWeights: { v1: 80, v2: 20 }, defaultVersion: 'v1' } }));
    expect(meshOnly.httpRoutes!.objects.map(o => o.name)).toEqual(['route-appa', 'route-appb']);
    expect(buildChain(gatewayOnly(['app.example.com'])).httpRoutes!.objects.map(o => o.name)).toEqual(['route-gateway-appa', 'route-appb']);
  });
});

describe('the HTTPRoute renderer, rule by rule', () => {
  const context = { backend: (version: string) => ({ name: `appb-${version}`, port: 8000 }), laneHeader: 'x-lane' };

  test.each([
    [{ on: 'header', name: 'x-user', kind: 'exact', value: 'qa.1' }, { type: 'Exact', name: 'x-user', value: 'qa.1' }],
    [{ on: 'header', name: 'x-user', kind: 'prefix', value: 'qa.' }, { type: 'RegularExpression', name: 'x-user', value: 'qa\\..*' }],
    [{ on: 'header', name: 'x-user', kind: 'regex', value: 'qa-[0-9]+' }, { type: 'RegularExpression', name: 'x-user', value: 'qa-[0-9]+' }],
    [{ on: 'cookie', name: 'lane', kind: 'exact', value: 'v2' }, { type: 'RegularExpression', name: 'cookie', value: '^(.*;\\s*)?lane=(v2)(;.*)?$' }],
  ] as const)('the condition %j is the header match %j, in the plan and in the HTTPRoute', (condition, match) => {
    expect(gatewayApiHeaderMatch(condition)).toEqual(match);
    expect(httpRouteHeaderMatch(condition)).toEqual(match);
  });

  test('a match that names no source applies to gateway and mesh traffic alike', () => {
    const rule: RouteRule = { matches: [{ header: { on: 'header', name: 'x-user', kind: 'exact', value: 'qa' } }], targets: [{ version: 'v2' }] };
    expect(rulesForSource([rule], TrafficSource.GATEWAY)).toEqual([rule]);
    expect(rulesForSource([rule], TrafficSource.MESH)).toEqual([rule]);
  });

  test('a weighted rule that stamps no lane writes no header filter on its backends', () => {
    const rule: RouteRule = { matches: [], targets: [{ version: 'v1', weight: 90 }, { version: 'v2', weight: 10 }] };
    expect(httpRouteRule(rule, context)).toEqual({
      backendRefs: [{ name: 'appb-v1', port: 8000, weight: 90 }, { name: 'appb-v2', port: 8000, weight: 10 }],
    });
  });

  test.each<[string, RouteRule]>([
    ['retries', { matches: [], targets: [{ version: 'v1' }], retries: { attempts: 2 } }],
    ['a fault', { matches: [], targets: [{ version: 'v1' }], fault: { abort: { httpStatus: 503, percentage: 5 } } }],
    ['a mirror', { matches: [], targets: [{ version: 'v1' }], mirror: { version: 'v2', percentage: 5 } }],
    ['a dropped lane', { matches: [], targets: [{ version: 'v1' }, { version: 'v2', dropLane: true }] }],
  ])('a rule with %s is refused, as validation refuses it first', (_what, rule) => {
    expect(() => httpRouteRule(rule, context)).toThrow('HTTPRoutes carry no retries, faults or mirrors; validation refuses them with gateway-api');
  });

  test('a match on the calling workload is refused, as validation refuses sourceLabels lanes first', () => {
    const rule: RouteRule = { matches: [{ caller: { service: 'appa', version: 'v2' } }], targets: [{ version: 'v2' }] };
    expect(() => httpRouteRule(rule, context))
      .toThrow('HTTPRoutes cannot match the calling workload; validation refuses sourceLabels lanes with gateway-api');
  });
});

describe('what gateway-api and ambient refuse', () => {
  test('fails when the lanes follow the callers\' labels (the default) with gateway-api, saying why', () => {
    const message = refusal(seed({ laneMode: undefined }));
    expect(message).toMatch(/\[laneMode\] is not set, so lanes follow the callers' labels/);
    expect(message).toMatch(/HTTPRoutes cannot match the calling workload/);
    expect(message).toMatch(/Set `laneMode: header`/);
  });

  test('fails when sourceLabels lanes run on ambient, under the Istio API too, citing the waypoint issues', () => {
    const message = refusal(seed({ routingApi: RoutingApi.ISTIO, dataPlane: DataPlane.AMBIENT, laneMode: LaneMode.SOURCE_LABELS }));
    expect(message).toMatch(/\[laneMode\] is "sourceLabels"/);
    expect(message).toMatch(/waypoints do not use source matches in ambient mode \(istio\/api#3517, istio\/istio#54775 and #61590\)/);
  });

  test('fails on Istio-only settings, IP hostnames, a class on an Istio Gateway and a version Service named like a service', () => {
    const message = refusal(seed({
      loadBalancer: 'ROUND_ROBIN' as never,
      entry: { ...seed().entry, rootName: 'root', hosts: ['192.168.1.106'] },
      services: [
        { name: 'appa', versions: { v1: {}, v2: {} }, calls: ['appb'] },
        { name: 'appb', versions: { v1: {}, v2: {}, v3: {} } },
        { name: 'appa-v1', versions: { v1: {} } },
      ],
    }));
    expect(message).toMatch(/\[loadBalancer\] is a DestinationRule setting, which Gateway API has no place for/);
    expect(message).toMatch(/\[entry\.rootName\] is the name of the root VirtualService/);
    expect(message).toMatch(/\[entry\.hosts\[0\]\] "192\.168\.1\.106" is an IP address, which Gateway API refuses as a hostname/);
    expect(message).toMatch(/\[services\[0\]\.versions\.v1\] makes the Service "appa-v1" of this version, which is also the name of a service of the chain; rename the service or the version/);
    const istio = refusal(seed({ routingApi: RoutingApi.ISTIO, entry: { ...seed().entry, createGateways: [{ ref: 'istio-system/gw', gatewayClassName: 'istio' }] } }));
    expect(istio).toMatch(/\[entry\.createGateways\[0\]\.gatewayClassName\] is set, but only Gateway API Gateways have a class/);
  });

  test('fails when a service has more versions than an HTTPRoute has rules', () => {
    const versions = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`v${i + 1}`, {}]));
    const message = refusal(seed({ services: [{ name: 'appa', versions: { v1: {}, v2: {} }, calls: ['appb'] }, { name: 'appb', versions }] }));
    expect(message).toMatch(/\[services\[1\]\.versions\] makes 17 rules \(one per version\) or backends of a weighted rule, but an HTTPRoute holds at most 16; remove versions that are no longer served/);
  });

  test('fails when the entry has more rules for one kind of traffic than an HTTPRoute holds, or a translated header match is too long', () => {
    const headerRoutes = Array.from({ length: 15 }, (_, i) => ({ header: `x-h${i}`, exact: 'yes', version: 'v2' }));
    const tooLong = { cookie: 'canary', prefix: 'a'.repeat(4070), version: 'v2' };
    const message = refusal(seed({ entry: { ...seed().entry, headerRoutes: [...headerRoutes, tooLong] } }));
    expect(message).toMatch(/\[entry\.headerRoutes\] makes 18 rules for gateway traffic \(header routes, weights and the default route\), but an HTTPRoute holds at most 16/);
    expect(message).not.toMatch(/rules for mesh traffic/);
    expect(message).toMatch(/\[entry\.headerRoutes\[15\]\] makes an HTTPRoute header match of 4\d\d\d characters \(translated to a regex\), but Gateway API takes at most 4096/);
  });

  test('fails on the settings HTTPRoutes have no standard field for, and on timeouts Gateway API cannot read', () => {
    const message = refusal(seed({
      defaults: { image: 'registry.example.com/app:1.0', port: 8000, timeout: '1.5s', retries: { attempts: 3 } },
      services: [
        { name: 'appa', versions: { v1: {}, v2: { connectionPool: { tcp: { maxConnections: 10 } } } }, calls: ['appb'] },
        { name: 'appb', versions: { v1: {}, v2: {}, v3: {} }, loadBalancer: 'RANDOM' as never, faults: [{ lane: 'v2', abort: { httpStatus: 503, percentage: 50 } }] },
      ],
    }));
    expect(message).toMatch(/\[defaults\.timeout\] "1\.5s" is not a Gateway API duration .* such as "1500ms"/);
    expect(message).toMatch(/\[defaults\.retries\] is a VirtualService setting; HTTPRoute retries are experimental in Gateway API/);
    expect(message).toMatch(/\[services\[0\]\.versions\.v2\.connectionPool\] is a DestinationRule setting/);
    expect(message).toMatch(/\[services\[1\]\.loadBalancer\] is a DestinationRule setting/);
    expect(message).toMatch(/\[services\[1\]\.faults\] inject faults, which Gateway API has no standard filter for/);
  });

  test('fails on mirrors with gateway-api or ambient: the calls of their pods are kept out of lanes by source matches', () => {
    const mirrored = { name: 'appb', versions: { v1: {}, v2: {}, v3: {} }, mirrors: [{ version: 'v3', percentage: 10 }] };
    const message = refusal(seed({ routingApi: RoutingApi.ISTIO, dataPlane: DataPlane.AMBIENT, services: [seed().services[0], mirrored] }));
    expect(message).toMatch(/\[services\[1\]\.mirrors\] keep the calls of the mirror's pods out of every lane by matching those pods' labels, but waypoints do not use source matches/);
  });

  test('a timeout becomes the request timeout of each HTTPRoute rule to that version', () => {
    const objects = objectsOf(seed({ defaults: { image: 'registry.example.com/app:1.0', port: 8000, timeout: '2s' } }));
    const rules = find(objects, 'HTTPRoute', 'route-appb').spec.rules;
    expect(rules.map((rule: Manifest) => rule.timeouts)).toEqual([{ request: '2s' }, { request: '2s' }, { request: '2s' }]);
  });
});

describe('dataPlane: ambient', () => {
  test('labels the Namespace for ambient and the waypoint, instead of sidecar injection, and writes the waypoint', () => {
    const objects = objectsOf(seed({ dataPlane: DataPlane.AMBIENT, namespace: 'shop', createNamespace: true, entry: { ...seed().entry, createGateways: [{ ref: 'shop/gw' }] } }));
    expect(find(objects, 'Namespace', 'shop').metadata.labels).toEqual({ 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' });
    expect(find(objects, 'Gateway', 'waypoint')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'waypoint', namespace: 'shop', labels: { 'istio.io/waypoint-for': 'service' } },
      spec: { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
    });
    expect(find(objects, 'Service', 'appb').metadata.labels['istio.io/use-waypoint']).toBeUndefined();
  });

  test('without a Namespace of its own, labels each Service to use the waypoint and warns to label the namespace', () => {
    const chain = buildChain(seed({ routingApi: RoutingApi.ISTIO, dataPlane: DataPlane.AMBIENT }));
    const objects = chain.objects.map(o => o.toJson() as Manifest);
    expect(find(objects, 'Service', 'appb').metadata.labels).toEqual({ 'app': 'appb', 'service': 'appb', 'istio.io/use-waypoint': 'waypoint' });
    expect(objects.map(o => o.kind)).toContain('VirtualService');
    expect(chain.warnings.join('\n')).toMatch(/kubectl label namespace default istio\.io\/dataplane-mode=ambient/);
  });

  test('the sidecar data plane (the default) keeps istio-injection on the Namespace and writes no waypoint', () => {
    const objects = objectsOf(seed({ namespace: 'shop', createNamespace: true, entry: { ...seed().entry, createGateways: [{ ref: 'shop/gw' }] } }));
    expect(find(objects, 'Namespace', 'shop').metadata.labels).toEqual({ 'istio-injection': 'enabled' });
    expect(objects.filter(o => o.metadata.name === 'waypoint')).toEqual([]);
  });
});

test('snapshot: the seed on Gateway API and ambient', () => {
  expect(objectsOf(seed({ dataPlane: DataPlane.AMBIENT }))).toMatchSnapshot();
});


/** Header routes `x-h0`... for the sources given. */
const routesFrom = (count: number, from: TrafficSource[]) =>
  Array.from({ length: count }, (_, i) => ({ header: `x-h${i}`, exact: 'yes', version: 'v2', from }));

describe('what gateway-api refuses, each problem whole', () => {
  test('the Istio-only settings, an IP address or a bad class on a created Gateway, a URI prefix over 1024 characters', () => {
    const props = seed({
      apiVersion: 'v1' as never,
      entry: {
        ...seed().entry,
        rootNamespace: 'istio-system',
        uriPrefix: `/${'p'.repeat(1024)}`,
        createGateways: [
          { ref: 'istio-system/app-gw', selector: { istio: 'ingressgateway' }, gatewayClassName: 'Envoy_GW' },
          { ref: 'istio-system/ip-gw', hosts: ['10.0.0.1', '1.2.3.4.example.com', 'a.1.2.3.4'], port: 8080 },
        ],
      },
    });
    const fix = 'remove it, or set `routingApi: istio`';
    expect(problemLines(props)).toEqual([
      expect.stringMatching(/^\[entry\.createGateways\[1\]\.hosts\[0\]\] "10\.0\.0\.1" is served by the Gateway "istio-system\/ip-gw" but the root VirtualService/),
      expect.stringMatching(/^\[entry\.createGateways\[1\]\.hosts\[1\]\] "1\.2\.3\.4\.example\.com" is served by the Gateway/),
      expect.stringMatching(/^\[entry\.createGateways\[1\]\.hosts\[2\]\] "a\.1\.2\.3\.4" is served by the Gateway/),
      expect.stringMatching(/^\[entry\.createGateways\[0\]\.gatewayClassName\] "Envoy_GW" is not a valid GatewayClass name: it has uppercase letters\. Use a DNS-1123 subdomain.*; for example "envoy-gw"$/),
      `[apiVersion] is the API version of Istio's objects, which Gateway API has no place for; ${fix}`,
      `[entry.rootNamespace] is the namespace of the root VirtualService, which Gateway API has no place for; ${fix}`,
      `[entry.createGateways[0].selector] is the pod selector of an Istio Gateway (a Gateway API Gateway's class picks its pods), which Gateway API has no place for; ${fix}`,
      '[entry.createGateways[1].hosts[0]] "10.0.0.1" is an IP address, which Gateway API refuses as a hostname (HTTPRoute hostnames and listener '
      + 'hostnames are DNS names); use the DNS name clients send in the Host header, such as "shop.example.com"',
      '[entry.uriPrefix] has 1025 characters, but an HTTPRoute path takes at most 1024; shorten it',
    ]);
  });

  test('at the limits of an HTTPRoute: 16 hostnames, 32 parents, a 1024-character prefix and a 4096-character header match pass', () => {
    const props = seed({
      entry: {
        ...seed().entry,
        hosts: Array.from({ length: 16 }, (_, i) => `h${i}.example.com`),
        gateways: Array.from({ length: 31 }, (_, i) => `istio-system/gw${i}`),
        createGateways: [{ ref: 'istio-system/app-gw', hosts: ['*.example.com'] }],
        uriPrefix: `/${'p'.repeat(1023)}`,
        headerRoutes: [{ header: 'x-long', exact: 'e'.repeat(4096), version: 'v2' }],
      },
    });
    expect(problemLines(props)).toEqual([]);
  });

  test('one hostname or parent too many', () => {
    const props = seed({
      entry: {
        ...seed().entry,
        hosts: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`),
        gateways: Array.from({ length: 32 }, (_, i) => `istio-system/gw${i}`),
        createGateways: [{ ref: 'istio-system/app-gw', hosts: ['*.example.com'] }],
      },
    });
    expect(problemLines(props)).toEqual([
      '[entry.hosts] makes 17 hostnames of the entry\'s HTTPRoute, but an HTTPRoute holds at most 16; split the hosts over several chains',
      '[entry.gateways] makes 33 parentRefs of the entry\'s HTTPRoute, but an HTTPRoute holds at most 32; bind the entry to fewer gateways',
    ]);
  });

  test('a header match over 4096 characters, as written or translated to a regex; routes the other rules refuse are left to them', () => {
    const long = 'e'.repeat(4097);
    const props = seed({
      entry: {
        ...seed().entry,
        headerRoutes: [
          { header: 'x-exact', exact: long, version: 'v2' },
          { header: 'x-prefix', prefix: 'p'.repeat(4095), version: 'v2' },
          { header: 'x-two', exact: long, prefix: 'x', version: 'v2' } as never,
          { header: 'x-both', cookie: 'c', exact: long, version: 'v2' } as never,
          { exact: long, version: 'v2' } as never,
          { cookie: 'semi', exact: `${long};`, version: 'v2' },
          { header: 'x-regex', regex: long, version: 'v2' },
          { header: 'x-semi', exact: `${long};`, version: 'v2' },
        ],
      },
    });
    expect(problemLines(props).filter(p => p.includes('HTTPRoute header match'))).toEqual([
      '[entry.headerRoutes[0]] makes an HTTPRoute header match of 4097 characters, but Gateway API takes at most 4096; shorten the value',
      expect.stringMatching(/^\[entry\.headerRoutes\[1\]\] makes an HTTPRoute header match of 4\d{3} characters \(translated to a regex\), but Gateway API takes at most 4096; shorten the value$/),
      '[entry.headerRoutes[6]] makes an HTTPRoute header match of 4097 characters, but Gateway API takes at most 4096; shorten the value',
      '[entry.headerRoutes[7]] makes an HTTPRoute header match of 4098 characters, but Gateway API takes at most 4096; shorten the value',
    ]);
  });

  test('rules per kind of traffic: only the traffic the entry takes counts, each header route by its sources', () => {
    const meshOnly = (entry: Partial<ServiceChainProps['entry']>) => seed({
      entry: { service: 'appa', createGateways: undefined, ...entry },
    });
    const count = (props: ServiceChainProps) => problemLines(props).filter(p => p.startsWith('[entry.headerRoutes] '));
    const tooMany = (n: number, source: string) => `[entry.headerRoutes] makes ${n} rules for ${source} traffic (header routes, weights and the default route), `
      + 'but an HTTPRoute holds at most 16; merge header routes that go to the same version into one regex';
    // Mesh traffic only: 17 header routes, the mesh weights and the default route.
    expect(count(meshOnly({ headerRoutes: routesFrom(17, [TrafficSource.MESH]), meshWeights: { v1: 100 }, defaultVersion: 'v1' }))).toEqual([tooMany(19, 'mesh')]);
    // Without gateways, routes also from the gateway make no gateway rules: 16 mesh rules fit.
    expect(count(meshOnly({ headerRoutes: routesFrom(15, [TrafficSource.MESH, TrafficSource.GATEWAY]), gatewayWeights: { v1: 100 }, defaultVersion: 'v1' })))
      .toEqual([]);
    // Gateway traffic only: 16 header routes and the gateway weights; no default route.
    const gatewayOnly = (entry: Partial<ServiceChainProps['entry']>) => seed({ entry: { ...seed().entry, mesh: false, meshWeights: undefined, defaultVersion: undefined, ...entry } });
    expect(count(gatewayOnly({ headerRoutes: routesFrom(16, [TrafficSource.GATEWAY]), gatewayWeights: { v1: 100 } }))).toEqual([tooMany(17, 'gateway')]);
    // Without the mesh, routes also from the mesh make no mesh rules: 16 gateway rules fit.
    expect(count(gatewayOnly({ headerRoutes: routesFrom(15, [TrafficSource.GATEWAY, TrafficSource.MESH]), gatewayWeights: undefined, meshWeights: { v1: 100 }, defaultVersion: 'v1' })))
      .toEqual([]);
  });
});

describe('what gateway-api and ambient refuse or warn about, each finding whole', () => {
  test('sourceLabels lanes on both gateway-api and ambient: both reasons, and the fix', () => {
    expect(problemLines(seed({ laneMode: undefined, dataPlane: DataPlane.AMBIENT }))).toEqual([
      '[laneMode] is not set, so lanes follow the callers\' labels (sourceLabels), which cannot keep lanes: with routingApi "gateway-api", '
      + 'HTTPRoutes cannot match the calling workload (Gateway API has no source matches), so every call behind the entry would go to the baseline; '
      + 'and with dataPlane "ambient", waypoints do not use source matches in ambient mode (istio/api#3517, istio/istio#54775 and #61590), '
      + 'so every call behind the entry would silently take the default route. Set `laneMode: header`, and have every application forward the lane header',
    ]);
  });

  test('ambient warns to label a namespace the chain does not write, and only then', () => {
    const ambientWarnings = (props: ServiceChainProps) => validateChain(props).warnings.filter(w => w.startsWith('dataPlane ambient'));
    const created = { ...seed().entry, createGateways: [{ ref: 'shop/gw' }] };
    expect(ambientWarnings(seed({ dataPlane: DataPlane.AMBIENT, namespace: 'shop', createNamespace: true, entry: created }))).toEqual([]);
    expect(ambientWarnings(seed({ dataPlane: DataPlane.AMBIENT, namespace: 'shop', entry: created }))).toEqual([
      'dataPlane ambient: the chain does not write its namespace, so label it yourself: `kubectl label namespace shop istio.io/dataplane-mode=ambient`; '
      + 'its Services carry `istio.io/use-waypoint: waypoint`',
    ]);
  });

  test('DestinationRule policies, timeouts Gateway API cannot read, mirrors: each with its fix', () => {
    const props = seed({
      defaults: undefined,
      services: [
        { name: 'appa', image: 'registry.example.com/a:1', versions: { v1: {}, v2: {} }, calls: ['appb'], timeout: '10' },
        {
          name: 'appb',
          image: 'registry.example.com/b:1',
          versions: { v1: { tls: 'DISABLE' as never, timeout: '1s500us' }, v2: { timeout: '1h30m15s500ms' }, v3: { timeout: '15000ms' } },
          outlierDetection: { consecutive5xxErrors: 5 },
          mirrors: [{ version: 'v3', percentage: 10 }],
        },
      ],
    });
    const fix = 'remove it, or set `routingApi: istio`';
    const notGatewayApi = (value: string) => `${value} is not a Gateway API duration (one to four parts of up to five digits, each with h, m, s or ms: `
      + 'no fractions, no us or ns); write it so, such as "1500ms" for 1.5s';
    expect(problemLines(props).filter(p => !p.includes('is not a duration'))).toEqual([
      `[services[0].timeout] ${notGatewayApi('"10"')}`,
      `[services[1].outlierDetection] is a DestinationRule setting, which Gateway API has no standard field for; ${fix}`,
      `[services[1].versions.v1.tls] is a DestinationRule setting, which Gateway API has no standard field for (Istio applies mTLS on its own); ${fix}`,
      `[services[1].versions.v1.timeout] ${notGatewayApi('"1s500us"')}`,
      '[services[1].mirrors] keep the calls of the mirror\'s pods out of every lane by matching those pods\' labels, but HTTPRoutes cannot match '
      + 'the calling workload; remove the mirrors, or use `routingApi: istio` with `dataPlane: sidecar`',
    ]);
  });

  test('mirrors on gateway-api and ambient at once: both reasons', () => {
    const mirrored = { name: 'appb', versions: { v1: {}, v2: {}, v3: {} }, mirrors: [{ version: 'v3', percentage: 10 }] };
    expect(problemLines(seed({ dataPlane: DataPlane.AMBIENT, services: [seed().services[0], mirrored] }))).toEqual([
      '[services[1].mirrors] keep the calls of the mirror\'s pods out of every lane by matching those pods\' labels, but HTTPRoutes cannot match '
      + 'the calling workload, and waypoints do not use source matches; remove the mirrors, or use `routingApi: istio` with `dataPlane: sidecar`',
    ]);
  });

  test('ambient under the Istio API keeps the Istio settings', () => {
    const props = seed({
      routingApi: RoutingApi.ISTIO,
      dataPlane: DataPlane.AMBIENT,
      defaults: { image: 'registry.example.com/app:1.0', port: 8000, timeout: '1.5s', retries: { attempts: 3 }, outlierDetection: { consecutive5xxErrors: 5 } },
    });
    expect(problemLines(props)).toEqual([]);
  });
});
