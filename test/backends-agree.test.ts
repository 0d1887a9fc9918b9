import * as fc from 'fast-check';
import { LaneMode, RoutingApi, ServiceChainProps, TrafficSource, validateChain } from '../lib';
import { explainChain, ExplainEntry, TracedPath } from '../lib/explain';
import { lintManifests } from '../lib/lint';
import { weightsFor } from './support/arbitraries';
import { buildChain } from './support/manifests';

/*
 * Both backends render one routing plan, so for every request explain must give the same
 * distribution of paths whether the chain is written as Istio VirtualServices (first match) or
 * as Gateway API HTTPRoutes (most specific match), each read with its own semantics.
 */

const VERSIONS = ['v1', 'v2', 'v3'];


/** A header route on `version`, `tester` or the `canary` cookie, for gateway or mesh traffic or both. */
const headerRoute = (versions: string[]) => fc.record({
  version: fc.constantFrom(...versions),
  on: fc.constantFrom('header', 'cookie'),
  kind: fc.constantFrom('exact', 'prefix', 'regex'),
  value: fc.constantFrom('a', 'b', 'ab'),
  from: fc.constantFrom<TrafficSource[][]>([TrafficSource.GATEWAY], [TrafficSource.MESH], [TrafficSource.GATEWAY, TrafficSource.MESH]),
}).map(route => ({
  version: route.version,
  ...(route.on === 'header' ? { header: 'tester' } : { cookie: 'canary' }),
  [route.kind]: route.kind === 'regex' ? `${route.value}.*` : route.value,
  from: route.from,
}));

/** A random header-mode chain: services s0..sN calling forward, v1 everywhere, other versions on some. */
const headerChain: fc.Arbitrary<ServiceChainProps> = fc.record({
  size: fc.integer({ min: 1, max: 5 }),
  seed: fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }),
  extraVersions: fc.array(fc.subarray(VERSIONS.slice(1)), { minLength: 5, maxLength: 5 }),
  namespace: fc.option(fc.constantFrom('shop', 'team-a'), { nil: undefined }),
  mesh: fc.boolean(),
}).chain(shape => {
  const names = Array.from({ length: shape.size }, (_, i) => `s${i}`);
  const versionsOf = names.map((_, i) => ['v1', ...shape.extraVersions[i]]);
  const entryVersions = versionsOf[0];
  return fc.record({
    gatewayWeights: fc.option(weightsFor(entryVersions), { nil: undefined }),
    meshWeights: fc.option(weightsFor(entryVersions), { nil: undefined }),
    headerRoutes: fc.array(headerRoute(entryVersions), { maxLength: 3 }),
    defaultVersion: fc.option(fc.constantFrom(...entryVersions), { nil: undefined }),
  }).filter(entry => entry.defaultVersion !== undefined || (entry.gatewayWeights !== undefined && (!shape.mesh || entry.meshWeights !== undefined)))
    .map(entry => ({
      laneMode: LaneMode.HEADER,
      namespace: shape.namespace,
      defaults: { image: 'registry.example.com/app:1.0', port: 8080 },
      services: names.map((name, i) => ({
        name,
        versions: Object.fromEntries(versionsOf[i].map(v => [v, {}])),
        calls: names.filter((_, j) => j > i && shape.seed[(i * 6 + j) % 32]),
      })),
      entry: {
        service: 's0',
        gateways: ['edge/public'],
        hosts: ['shop.example.com'],
        mesh: shape.mesh,
        ...entry,
        meshWeights: shape.mesh ? entry.meshWeights : undefined,
        headerRoutes: entry.headerRoutes.map(route => (shape.mesh ? route : { ...route, from: [TrafficSource.GATEWAY] })),
      },
    }));
});

/** The generated chains that pass validation under both backends (header routes may shadow each other, which is refused). */
const validHeaderChain = headerChain.filter(props => validateChain(props).problems.size === 0
  && validateChain({ ...props, routingApi: RoutingApi.GATEWAY_API }).problems.size === 0);

/** Requests through the gateway and from inside the mesh, with and without the headers and cookies the routes look at. */
function requests(props: ServiceChainProps): ExplainEntry[] {
  const meshHost = props.namespace === undefined ? 's0' : `s0.${props.namespace}`;
  const headerSets: Array<Record<string, string>> = [
    {}, { tester: 'a' }, { tester: 'ab' }, { tester: 'b' }, { cookie: 'x=1; canary=ab' }, { cookie: 'canary=b' },
    { 'x-lane': 'v2' }, { 'tester': 'b', 'x-lane': 'v3' },
  ];
  return headerSets.flatMap(headers => [
    { gateway: 'edge/public', host: 'shop.example.com', headers },
    ...(props.entry.mesh === false ? [] : [{ host: meshHost, sourceNamespace: props.namespace, headers }]),
  ]);
}

/** A path distribution without the objects that decided: what both backends must agree on. */
function distribution(paths: TracedPath[]): Array<{ probability: number; path: string[]; error?: boolean }> {
  return paths.map(p => ({ probability: p.probability, path: p.path, ...(p.error !== undefined ? { error: true } : {}) }));
}

describe('Istio and Gateway API backends', () => {
  test('explain gives the same distribution of paths for every request, under each backend\'s own semantics', () => {
    fc.assert(fc.property(validHeaderChain, props => {
      const istio = buildChain(props);
      const gatewayApi = buildChain({ ...props, routingApi: RoutingApi.GATEWAY_API });
      expect(gatewayApi.objects.map(o => o.kind)).not.toContain('VirtualService');
      for (const request of requests(props)) {
        const viaIstio = explainChain(istio, request);
        const viaGatewayApi = explainChain(gatewayApi, request);
        expect(viaGatewayApi.every(p => p.hops.every(h => h.via.startsWith('HTTPRoute ')))).toBe(true);
        expect(distribution(viaGatewayApi)).toEqual(distribution(viaIstio));
      }
    }), { numRuns: 60 });
  });

  test('every Gateway API chain passes the reference checks of validate', () => {
    fc.assert(fc.property(validHeaderChain, props => {
      const chain = buildChain({ ...props, routingApi: RoutingApi.GATEWAY_API });
      const gateway = {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: 'public', namespace: 'edge' },
        spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }] },
      };
      const manifests = [...chain.objects.map(o => o.toJson()), gateway];
      const findings = lintManifests(manifests.map((object, index) => ({ file: 'chain.yaml', index, object: object as Record<string, unknown> })))
        .filter(finding => finding.object.startsWith('HTTPRoute') || finding.object.startsWith('Gateway'));
      expect(findings).toEqual([]);
    }), { numRuns: 30 });
  });
});
