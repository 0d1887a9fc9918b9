import { App, Chart, Testing } from 'cdk8s';
import {
  EntryGateway, EntryRouting, HeaderRoute, ImagePullPolicy, LaneRouting, ServiceChainProps,
  ServiceWorkloads, TrafficSource, VersionedDestinationRule, IstioApiVersion, LoadBalancer, LaneMode,
} from '../lib';
import { buildChain, find, Manifest } from './support/manifests';
import { istioHeaderMatch } from '../lib/constructs/istio-http-routes';
import { resolveChain } from '../lib/model/chain-model';
import { compareNatural } from '../lib/model/natural-order';
import { headerCondition } from '../lib/model/routing-plan';

/*
 * The building blocks, each with props of its own (not the seed's).
 */

const shop: ServiceChainProps = {
  defaults: {
    image: 'registry.example.com/shop:1.0',
    port: 8080,
    env: [{ name: 'SERVICE', value: '{service}' }, { name: 'LEVEL', value: 'chain' }],
    labels: { team: 'checkout' },
  },
  services: [
    {
      name: 'web',
      calls: ['cart'],
      replicas: 3,
      env: [{ name: 'LEVEL', value: 'service' }],
      versions: {
        v10: {},
        v2: {
          image: 'registry.example.com/shop:2.0-rc.1',
          replicas: 1,
          imagePullPolicy: ImagePullPolicy.ALWAYS,
          imagePullSecrets: ['registry-creds'],
          env: [{ name: 'CANARY', value: 'in {namespace}' }],
          labels: { track: 'canary' },
          annotations: { 'sidecar.istio.io/logLevel': 'debug' },
          resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { memory: '256Mi' } },
          containerName: 'app',
        },
      },
    },
    { name: 'cart', portName: 'grpc', port: 9090, versions: { v2: {}, v10: {} }, baseline: 'v10' },
  ],
  entry: { service: 'web', mesh: true, meshWeights: { v2: 50, v10: 50 } },
};

function synthOne(build: (chart: Chart) => void): Manifest[] {
  const chart = new Chart(new App(), 'test');
  build(chart);
  return Testing.synth(chart);
}

describe('compareNatural', () => {
  test('orders digits by value and everything else by code point', () => {
    expect(['v10', 'v2', 'v1', 'canary', 'v1-rc', 'V3'].sort(compareNatural)).toEqual(['V3', 'canary', 'v1', 'v1-rc', 'v2', 'v10']);
  });
});

describe('resolveChain', () => {
  const model = () => resolveChain(shop);

  test('puts versions in natural order and takes the first as baseline unless one is named', () => {
    expect(model().service('web').versions.map(v => v.name)).toEqual(['v2', 'v10']);
    expect(model().service('web').baseline).toBe('v2');
    expect(model().service('cart').baseline).toBe('v10');
  });

  test('resolves settings from the most specific level, merging env by name in place', () => {
    const [v2, v10] = model().service('web').versions;
    expect(v10.image).toBe('registry.example.com/shop:1.0');
    expect(v2.image).toBe('registry.example.com/shop:2.0-rc.1');
    expect([v10.replicas, v2.replicas]).toEqual([3, 1]);
    expect(v2.env).toEqual([
      { name: 'SERVICE', value: 'web' }, { name: 'LEVEL', value: 'service' }, { name: 'CANARY', value: 'in default' },
    ]);
    expect(v2.labels).toEqual({ team: 'checkout', track: 'canary' });
  });

  test('knows who calls whom', () => {
    expect(model().service('cart').callers).toEqual(['web']);
    expect(model().service('web').calls).toEqual(['cart']);
  });
});

describe('ServiceWorkloads', () => {
  const objects = () => synthOne(chart => new ServiceWorkloads(chart, 'web', { service: resolveChain(shop).service('web'), namespace: 'shop' }));

  test('writes one Service selecting every version, then a Deployment per version', () => {
    expect(objects().map(o => `${o.kind}/${o.metadata.name}`)).toEqual(['Service/web', 'Deployment/web-v2', 'Deployment/web-v10']);
    const service = find(objects(), 'Service', 'web');
    expect(service.metadata).toEqual({ name: 'web', namespace: 'shop', labels: { app: 'web', service: 'web' } });
    expect(service.spec).toEqual({ ports: [{ port: 8080, name: 'http' }], selector: { app: 'web' } });
  });

  test('writes every workload setting of a version, and app + version labels that extra labels cannot override', () => {
    const deployment = find(objects(), 'Deployment', 'web-v2');
    const labels = { team: 'checkout', track: 'canary', app: 'web', version: 'v2' };
    expect(deployment.metadata.labels).toEqual(labels);
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.selector).toEqual({ matchLabels: { app: 'web', version: 'v2' } });
    expect(deployment.spec.template.metadata).toEqual({ labels, annotations: { 'sidecar.istio.io/logLevel': 'debug' } });
    expect(deployment.spec.template.spec.imagePullSecrets).toEqual([{ name: 'registry-creds' }]);
    expect(deployment.spec.template.spec.containers).toEqual([{
      name: 'app',
      image: 'registry.example.com/shop:2.0-rc.1',
      imagePullPolicy: 'Always',
      env: [{ name: 'SERVICE', value: 'web' }, { name: 'LEVEL', value: 'service' }, { name: 'CANARY', value: 'in default' }],
      ports: [{ containerPort: 8080 }],
      resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    }]);
  });

  test('writes nothing that was not asked for', () => {
    const deployment = find(objects(), 'Deployment', 'web-v10');
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
    expect(deployment.spec.template.spec.imagePullSecrets).toBeUndefined();
    expect(Object.keys(deployment.spec.template.spec.containers[0]).sort()).toEqual(['env', 'image', 'name', 'ports']);
  });
});

describe('ServiceWorkloads resources', () => {
  test('a resource list whose quantities are all unset is left out', () => {
    const model = resolveChain({
      ...shop,
      services: [{
        name: 'web',
        versions: {
          v1: { resources: { requests: {}, limits: { memory: '256Mi' } } },
          v2: { resources: { requests: { cpu: undefined }, limits: { cpu: '1', memory: undefined } } },
        },
      }],
    });
    const deployments = synthOne(chart => new ServiceWorkloads(chart, 'web', { service: model.service('web') })).filter(o => o.kind === 'Deployment');
    expect(deployments.map(d => d.spec.template.spec.containers[0].resources)).toEqual([{ limits: { memory: '256Mi' } }, { limits: { cpu: '1' } }]);
  });
});

describe('VersionedDestinationRule', () => {
  const model = () => resolveChain(shop);

  test('writes a subset per version, and no traffic policy unless asked', () => {
    const [rule] = synthOne(chart => new VersionedDestinationRule(chart, 'dr', { service: model().service('cart'), apiVersion: IstioApiVersion.V1 }));
    expect(rule.apiVersion).toBe('networking.istio.io/v1');
    expect(rule.metadata).toEqual({ name: 'dr-cart' });
    expect(rule.spec).toEqual({ host: 'cart', subsets: [{ name: 'v2', labels: { version: 'v2' } }, { name: 'v10', labels: { version: 'v10' } }] });
  });

  test('writes a connection pool with only the TCP settings given', () => {
    const pooled = resolveChain({ ...shop, services: [shop.services[0], { ...shop.services[1], connectionPool: { tcp: { maxConnections: 10 } } }] });
    const [rule] = synthOne(chart => new VersionedDestinationRule(chart, 'dr', { service: pooled.service('cart'), apiVersion: IstioApiVersion.V1 }));
    expect(rule.spec.trafficPolicy).toEqual({ connectionPool: { tcp: { maxConnections: 10 } } });
  });

  test('writes the load balancer when asked', () => {
    const [rule] = synthOne(chart => new VersionedDestinationRule(chart, 'dr', {
      service: model().service('cart'), apiVersion: IstioApiVersion.V1BETA1, loadBalancer: LoadBalancer.LEAST_REQUEST, namespace: 'shop',
    }));
    expect(rule.apiVersion).toBe('networking.istio.io/v1beta1');
    expect(rule.metadata.namespace).toBe('shop');
    expect(rule.spec.trafficPolicy).toEqual({ loadBalancer: { simple: 'LEAST_REQUEST' } });
  });
});

describe('EntryRouting', () => {
  test('a mesh-only entry binds only the mesh and the service FQDN', () => {
    const [root, delegate] = synthOne(chart => new EntryRouting(chart, 'entry', { chain: resolveChain(shop) }));
    expect(root.metadata).toEqual({ name: 'vs-gateway-web' });
    expect(root.spec.gateways).toEqual(['mesh']);
    expect(root.spec.hosts).toEqual(['web.default.svc.cluster.local']);
    expect(delegate.spec.http).toEqual([{
      match: [{ gateways: ['mesh'] }],
      route: [{ destination: { host: 'web', subset: 'v2' }, weight: 50 }, { destination: { host: 'web', subset: 'v10' }, weight: 50 }],
    }]);
  });

  test('several gateways and hosts, a custom root, a URI prefix and a default route', () => {
    const props: ServiceChainProps = {
      ...shop,
      namespace: 'shop',
      entry: {
        service: 'web',
        gateways: ['edge/a', 'edge/b'],
        hosts: ['shop.example.com', 'shop.example.org'],
        mesh: false,
        rootName: 'shop-entry',
        rootNamespace: 'routing',
        uriPrefix: '/shop/',
        headerRoutes: [{ header: 'x-tenant', prefix: 'beta-', version: 'v10', from: [TrafficSource.GATEWAY, TrafficSource.MESH] }],
        defaultVersion: 'v2',
      },
    };
    const [root, delegate] = synthOne(chart => new EntryRouting(chart, 'entry', { chain: resolveChain(props) }));
    expect(root.metadata).toEqual({ name: 'shop-entry', namespace: 'routing' });
    expect(root.spec).toEqual({
      gateways: ['edge/a', 'edge/b'],
      hosts: ['shop.example.com', 'shop.example.org'],
      http: [{ match: [{ uri: { prefix: '/shop/' } }], delegate: { name: 'vs-web', namespace: 'shop' } }],
    });
    expect(delegate.spec.http).toEqual([
      { match: [{ gateways: ['mesh', 'edge/a', 'edge/b'], headers: { 'x-tenant': { prefix: 'beta-' } } }], route: [{ destination: { host: 'web', subset: 'v10' } }] },
      { route: [{ destination: { host: 'web', subset: 'v2' } }] },
    ]);
  });
});

const headerMatch = (route: HeaderRoute) => istioHeaderMatch(headerCondition(route));

describe('istioHeaderMatch', () => {
  test('header matches keep their kind', () => {
    expect(headerMatch({ header: 'x-user', regex: 'qa-.*', version: 'v2' })).toEqual({ 'x-user': { regex: 'qa-.*' } });
  });

  test('a cookie becomes an anchored regex on the cookie header, its value escaped', () => {
    expect(headerMatch({ cookie: 'lane', exact: 'v2.1', version: 'v2' })).toEqual({ cookie: { regex: '^(.*;\\s*)?lane=(v2\\.1)(;.*)?$' } });
    expect(headerMatch({ cookie: 'lane', prefix: 'beta', version: 'v2' })).toEqual({ cookie: { regex: '^(.*;\\s*)?lane=(beta[^;]*)(;.*)?$' } });
    expect(headerMatch({ cookie: 'lane', regex: 'v[23]', version: 'v2' })).toEqual({ cookie: { regex: '^(.*;\\s*)?lane=(v[23])(;.*)?$' } });
  });
});

describe('LaneRouting', () => {
  test('in header mode, routes each non-baseline version on the lane header', () => {
    const model = resolveChain({ ...shop, laneMode: LaneMode.HEADER, laneHeader: 'x-shop-lane' });
    const [vs] = synthOne(chart => new LaneRouting(chart, 'lanes', { chain: model, service: model.service('cart') }));
    expect(vs.spec).toEqual({
      hosts: ['cart'],
      http: [
        { match: [{ headers: { 'x-shop-lane': { exact: 'v2' } } }], route: [{ destination: { host: 'cart', subset: 'v2' } }] },
        { route: [{ destination: { host: 'cart', subset: 'v10' } }] },
      ],
    });
  });
});

describe('EntryGateway', () => {
  test.each([
    [IstioApiVersion.V1, 'networking.istio.io/v1'],
    [IstioApiVersion.V1BETA1, 'networking.istio.io/v1beta1'],
  ])('without credentialName serves plain HTTP on port 80, for the default hosts, in API %s', (apiVersion, written) => {
    const [gateway] = synthOne(chart => new EntryGateway(chart, 'gw', { gateway: { ref: 'edge/public' }, defaultHosts: ['shop.example.com'], apiVersion }));
    expect(gateway).toEqual({
      apiVersion: written,
      kind: 'Gateway',
      metadata: { name: 'public', namespace: 'edge' },
      spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com'] }] },
    });
  });
});

describe('LaneRouting of the entry service', () => {
  test('is refused: the entry\'s routing is EntryRouting\'s', () => {
    const model = resolveChain(shop);
    expect(() => synthOne(chart => new LaneRouting(chart, 'lanes', { chain: model, service: model.service('web') })))
      .toThrow("'web' is the entry service; its routing is EntryRouting's");
  });
});

describe('ServiceChain', () => {
  test('writes the Namespace and the Gateway when asked, first in the objects', () => {
    const chain = buildChain({
      ...shop,
      namespace: 'shop',
      createNamespace: true,
      entry: { ...shop.entry, hosts: ['shop.example.com'], createGateways: [{ ref: 'shop/public', credentialName: 'shop-tls' }], gatewayWeights: { v2: 100 } },
    });
    const objects = chain.objects.map(o => o.toJson());
    expect(objects[0]).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'istio-injection': 'enabled' } } });
    const gateway = find(objects, 'Gateway', 'public');
    expect(gateway.metadata).toEqual({ name: 'public', namespace: 'shop' });
    expect(gateway.spec).toEqual({
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop.example.com'], tls: { mode: 'SIMPLE', credentialName: 'shop-tls' } }],
    });
    expect(find(objects, 'VirtualService', 'vs-gateway-web').spec.gateways).toEqual(['shop/public', 'mesh']);
  });

  test('reports every problem of the props at once', () => {
    expect(() => buildChain({
      ...shop,
      services: [...shop.services, { name: 'cart', versions: {} }],
      entry: { ...shop.entry, meshWeights: { v2: 50, v3: 40 } },
    })).toThrow(/Validation failed with the following errors:\n(.*\n)*.*listed twice(.*\n)*.*"v3" is not a version(.*\n)*.*add up to 90/);
  });
});
