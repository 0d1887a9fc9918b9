import { renderYaml, IstioApiVersion, LaneMode, ServiceChainProps, ServiceProps } from '../lib';
import { buildChain, find, Manifest, synthChain } from './support/manifests';
import { trace } from './support/trace';

/*
 * Chains of other shapes than the seed's. Each scenario gets a snapshot of its files, and
 * assertions, through explain, of where the traffic goes.
 */

const GATEWAY = { gateway: 'edge/public', host: 'shop.example.com' };
const versions = (...names: string[]) => Object.fromEntries(names.map(name => [name, {}]));
const service = (name: string, versionNames: string[], calls: string[] = []): ServiceProps =>
  ({ name, versions: versions(...versionNames), calls });

function chainOf(services: ServiceProps[], extra: Partial<ServiceChainProps> = {}): ServiceChainProps {
  return {
    defaults: { image: 'registry.example.com/app:1.0', port: 8080 },
    services,
    entry: {
      service: services[0].name,
      gateways: ['edge/public'],
      hosts: ['shop.example.com'],
      gatewayWeights: { v1: 10, v2: 90 },
      meshWeights: { v1: 100 },
    },
    ...extra,
  };
}

function snapshotOf(props: ServiceChainProps): string {
  return [...synthChain(props)].map(([path, documents]) => `# ${path}\n${renderYaml(documents)}`).join('\n');
}

describe('a three-service chain', () => {
  const props = chainOf([service('web', ['v1', 'v2'], ['cart']), service('cart', ['v1', 'v2'], ['pay']), service('pay', ['v1', 'v2'])]);
  const chain = () => buildChain(props);

  test('gateway traffic keeps its version through every hop', () => {
    expect(trace(chain(), GATEWAY)).toEqual([
      [0.9, 'web-v2 > cart-v2 > pay-v2'],
      [0.1, 'web-v1 > cart-v1 > pay-v1'],
    ]);
  });

  test('mesh traffic to the entry stays on v1', () => {
    expect(trace(chain(), { host: 'web', sourceLabels: { app: 'tester' } })).toEqual([[1, 'web-v1 > cart-v1 > pay-v1']]);
  });

  test('each later service matches its own caller', () => {
    const pay = find(synthChain(props).get('routing.yaml')!, 'VirtualService', 'vs-pay');
    expect(pay.spec.http.map((r: Manifest) => r.match?.[0].sourceLabels)).toEqual([
      { app: 'cart', version: 'v1' }, { app: 'cart', version: 'v2' }, undefined,
    ]);
    expect(chain().warnings).toEqual([]);
  });

  test('matches its snapshot', () => expect(snapshotOf(props)).toMatchSnapshot());
});

describe('fan-out: the entry calls two services', () => {
  const props = chainOf([service('web', ['v1', 'v2'], ['cart', 'search']), service('cart', ['v1', 'v2']), service('search', ['v1', 'v2'])]);

  test('both calls stay in the lane; a path lists every Deployment a request visits', () => {
    expect(trace(buildChain(props), GATEWAY)).toEqual([
      [0.9, 'web-v2 > cart-v2 > search-v2'],
      [0.1, 'web-v1 > cart-v1 > search-v1'],
    ]);
  });

  test('the upstream variable lists both callees', () => {
    const web = find(synthChain({ ...props, defaults: { ...props.defaults, upstreamUrlEnv: 'UPSTREAMS' } }).get('v1.yaml')!, 'Deployment', 'web-v1');
    expect(web.spec.template.spec.containers[0].env).toEqual([{ name: 'UPSTREAMS', value: 'http://cart:8080/,http://search:8080/' }]);
  });

  test('matches its snapshot', () => expect(snapshotOf(props)).toMatchSnapshot());
});

describe('fan-in: two callers of one service', () => {
  const props = chainOf([
    service('web', ['v1', 'v2'], ['cart', 'search']), service('cart', ['v1', 'v2'], ['stock']),
    service('search', ['v1', 'v2'], ['stock']), service('stock', ['v1', 'v2']),
  ]);

  test('the shared service matches either caller in the same version', () => {
    const stock = find(synthChain(props).get('routing.yaml')!, 'VirtualService', 'vs-stock');
    expect(stock.spec.http[1]).toEqual({
      match: [{ sourceLabels: { app: 'cart', version: 'v2' } }, { sourceLabels: { app: 'search', version: 'v2' } }],
      route: [{ destination: { host: 'stock', subset: 'v2' } }],
    });
  });

  test('both branches reach the shared service in the lane', () => {
    expect(trace(buildChain(props), GATEWAY)).toEqual([
      [0.9, 'web-v2 > cart-v2 > stock-v2 > search-v2 > stock-v2'],
      [0.1, 'web-v1 > cart-v1 > stock-v1 > search-v1 > stock-v1'],
    ]);
  });

  test('matches its snapshot', () => expect(snapshotOf(props)).toMatchSnapshot());
});

describe('partial versions: cart has no v2', () => {
  const services = [service('web', ['v1', 'v2'], ['cart']), service('cart', ['v1'], ['pay']), service('pay', ['v1', 'v2'])];

  describe('in sourceLabels mode', () => {
    const props = chainOf(services);

    test('the lane ends at cart, and the library says so', () => {
      const chain = buildChain(props);
      expect(chain.warnings).toHaveLength(1);
      expect(chain.warnings[0]).toMatch(/lane "v2" cannot pass "cart".*"pay".*laneMode 'header'/);
      expect(trace(chain, GATEWAY)).toEqual([
        [0.9, 'web-v2 > cart-v1 > pay-v1'],
        [0.1, 'web-v1 > cart-v1 > pay-v1'],
      ]);
    });

    test('under strict, the gap is an error naming the services', () => {
      expect(() => buildChain({ ...props, strict: true })).toThrow(/\[services\[1\]\.versions\] lane "v2" cannot pass "cart"/);
    });

    test('matches its snapshot', () => expect(snapshotOf(props)).toMatchSnapshot());
  });

  describe('in header mode', () => {
    const props = chainOf(services, { laneMode: LaneMode.HEADER, laneHeader: 'x-lane' });
    const chain = () => buildChain(props);

    test('90% of gateway traffic takes web-v2 > cart-v1 > pay-v2', () => {
      expect(trace(chain(), GATEWAY)).toEqual([
        [0.9, 'web-v2 > cart-v1 > pay-v2'],
        [0.1, 'web-v1 > cart-v1 > pay-v1'],
      ]);
      expect(chain().warnings).toEqual([]);
    });

    test('the entry stamps the lane header on every destination', () => {
      const entry = find(synthChain(props).get('routing.yaml')!, 'VirtualService', 'vs-web');
      expect(entry.spec.http[0].route.map((r: Manifest) => [r.destination.subset, r.weight, r.headers])).toEqual([
        ['v1', 10, { request: { set: { 'x-lane': 'v1' } } }],
        ['v2', 90, { request: { set: { 'x-lane': 'v2' } } }],
      ]);
    });

    test('later services route on the lane header, with the baseline as default', () => {
      const routing = synthChain(props).get('routing.yaml')!;
      expect(find(routing, 'VirtualService', 'vs-cart').spec.http).toEqual([
        { route: [{ destination: { host: 'cart', subset: 'v1' } }] },
      ]);
      expect(find(routing, 'VirtualService', 'vs-pay').spec.http).toEqual([
        { match: [{ headers: { 'x-lane': { exact: 'v2' } } }], route: [{ destination: { host: 'pay', subset: 'v2' } }] },
        { route: [{ destination: { host: 'pay', subset: 'v1' } }] },
      ]);
    });

    test('matches its snapshot', () => expect(snapshotOf(props)).toMatchSnapshot());
  });
});

describe('header mode with a weighted entry and header routes', () => {
  const props = chainOf([service('web', ['v1', 'v2', 'v3'], ['cart']), service('cart', ['v1', 'v2', 'v3'])], {
    laneMode: LaneMode.HEADER,
    entry: {
      service: 'web',
      gateways: ['edge/public'],
      hosts: ['shop.example.com'],
      headerRoutes: [
        { header: 'x-canary', exact: 'on', version: 'v3' },
        { cookie: 'lane', exact: 'v2', version: 'v2' },
      ],
      gatewayWeights: { v1: 80, v2: 15, v3: 5 },
      meshWeights: { v1: 100 },
    },
  });
  const chain = () => buildChain(props);

  test('weights split the rest of the gateway traffic, and the lane follows', () => {
    expect(trace(chain(), GATEWAY)).toEqual([
      [0.8, 'web-v1 > cart-v1'], [0.15, 'web-v2 > cart-v2'], [0.05, 'web-v3 > cart-v3'],
    ]);
  });

  test('a header or a cookie pins the lane', () => {
    expect(trace(chain(), { ...GATEWAY, headers: { 'x-canary': 'on' } })).toEqual([[1, 'web-v3 > cart-v3']]);
    expect(trace(chain(), { ...GATEWAY, headers: { cookie: 'session=abc; lane=v2; theme=dark' } })).toEqual([[1, 'web-v2 > cart-v2']]);
    expect(trace(chain(), { ...GATEWAY, headers: { cookie: 'lane=v20' } })).toHaveLength(3);
  });

  test('a lane header sent by a client is overwritten at the entry', () => {
    expect(trace(chain(), { host: 'web', sourceLabels: { app: 'tester' }, headers: { 'x-lane': 'v3' } })).toEqual([[1, 'web-v1 > cart-v1']]);
  });

  test('the cookie becomes a regex on the cookie header', () => {
    const entry = find(synthChain(props).get('routing.yaml')!, 'VirtualService', 'vs-web');
    expect(entry.spec.http[1].match).toEqual([{ gateways: ['edge/public'], headers: { cookie: { regex: '^(.*;\\s*)?lane=(v2)(;.*)?$' } } }]);
  });

  test('matches its snapshot', () => expect(snapshotOf(props)).toMatchSnapshot());
});

describe('the v1 API with a namespace', () => {
  const props = chainOf([service('web', ['v1', 'v2'], ['cart']), service('cart', ['v1', 'v2'])], {
    apiVersion: IstioApiVersion.V1,
    namespace: 'shop',
  });
  const documents = () => [...synthChain(props).values()].flat();

  test('every Istio object is networking.istio.io/v1', () => {
    const istio = documents().filter(d => d.apiVersion.startsWith('networking.istio.io'));
    expect(istio).toHaveLength(5);
    for (const object of istio) expect(object.apiVersion).toBe('networking.istio.io/v1');
  });

  test('every object but the root lives in the namespace, and references follow it', () => {
    for (const object of documents().filter(d => d.metadata.name !== 'vs-gateway-web')) expect(object.metadata.namespace).toBe('shop');
    const root = find(documents(), 'VirtualService', 'vs-gateway-web');
    expect(root.metadata.namespace).toBe('edge');
    expect(root.spec.hosts).toEqual(['shop.example.com', 'web.shop.svc.cluster.local']);
    expect(root.spec.http[0].delegate).toEqual({ name: 'vs-web', namespace: 'shop' });
  });

  test('traffic flows across the namespaces', () => {
    const chain = buildChain(props);
    expect(trace(chain, GATEWAY)).toEqual([[0.9, 'web-v2 > cart-v2'], [0.1, 'web-v1 > cart-v1']]);
    expect(trace(chain, { host: 'web.shop.svc.cluster.local', sourceLabels: { app: 'tester' }, sourceNamespace: 'other' }))
      .toEqual([[1, 'web-v1 > cart-v1']]);
  });

  test('matches its snapshot', () => expect(snapshotOf(props)).toMatchSnapshot());
});
