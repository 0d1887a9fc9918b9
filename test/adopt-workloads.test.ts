import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ServiceChain, ServiceChainProps, WorkloadObjects } from '../lib';
import { explain } from '../lib/explain';

/** web -> cart, both in v1 and v2, with no image anywhere: the workloads come from elsewhere. */
function shop(workloads: WorkloadObjects): ServiceChainProps {
  return {
    workloads,
    namespace: 'shop',
    services: [
      { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
      { name: 'cart', versions: { v1: {}, v2: {} } },
    ],
    entry: { service: 'web', meshWeights: { v1: 50, v2: 50 } },
  };
}

const kinds = (objects: any[]) => objects.map(o => `${o.kind} ${o.metadata.name}`);

describe('workloads defined elsewhere', () => {
  test("'none' writes the routing only, and needs no image", () => {
    const chart = Testing.chart();
    const chain = new ServiceChain(chart, 'chain', shop(WorkloadObjects.NONE));
    const routing = ['DestinationRule dr-web', 'DestinationRule dr-cart', 'VirtualService vs-gateway-web', 'VirtualService vs-web', 'VirtualService vs-cart'];
    expect(kinds(Testing.synth(chart))).toEqual(routing);
    expect(chain.objects.map(o => `${o.kind} ${o.name}`)).toEqual(routing);
  });

  test("'services' writes the Services and the routing, no Deployment", () => {
    const chart = Testing.chart();
    new ServiceChain(chart, 'chain', shop(WorkloadObjects.SERVICES));
    const objects = Testing.synth(chart);
    expect(kinds(objects).filter(k => !k.startsWith('DestinationRule') && !k.startsWith('VirtualService'))).toEqual(['Service web', 'Service cart']);
    expect(objects[1].spec.selector).toEqual({ app: 'cart' });
  });

  test("'all' still needs an image for every version", () => {
    expect(() => new ServiceChain(Testing.chart(), 'chain', shop(WorkloadObjects.ALL)))
      .toThrow(/\[services\[0\]\.versions\.v1\.image\] is missing for "web-v1"/);
  });
});

describe('ServiceChain.adoptWorkload', () => {
  test('gives a cdk8s-plus Deployment the app and version labels, and explain routes lanes to its pods', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const chain = new ServiceChain(chart, 'chain', shop(WorkloadObjects.SERVICES));
    for (const service of ['web', 'cart']) {
      for (const version of ['v1', 'v2']) {
        const deployment = new kplus.Deployment(chart, `${service}-${version}`, {
          metadata: { name: `${service}-${version}` },
          containers: [{ image: `registry.example.com/${service}:${version}`, portNumber: 80 }],
        });
        chain.adoptWorkload(service, version, deployment);
      }
    }
    const objects = Testing.synth(chart);
    const cartV2 = objects.find(o => o.kind === 'Deployment' && o.spec.template.metadata.labels.app === 'cart'
      && o.spec.template.metadata.labels.version === 'v2');
    expect(cartV2).toBeDefined();
    expect(cartV2.spec.template.spec.containers[0].image).toBe('registry.example.com/cart:v2');

    const paths = explain(objects, { host: 'web.shop.svc.cluster.local', headers: {} }, {
      callGraph: { web: ['cart'], cart: [] }, forwardHeaders: [], defaultNamespace: 'shop',
    });
    expect(paths.map(p => [p.probability, p.path.join(' > ')])).toEqual([
      [0.5, 'web-v1 > cart-v1'],
      [0.5, 'web-v2 > cart-v2'],
    ]);
  });

  test('adds the missing labels to a plain ApiObject\'s pod template and keeps the others', () => {
    const chart = Testing.chart();
    const chain = new ServiceChain(chart, 'chain', { ...shop(WorkloadObjects.SERVICES), namespace: undefined });
    const deployment = new ApiObject(chart, 'legacy', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'cart-canary' },
      spec: { selector: { matchLabels: { tier: 'cart' } }, template: { metadata: { labels: { tier: 'cart' } }, spec: { containers: [] } } },
    } as any);
    chain.adoptWorkload('cart', 'v2', deployment);
    expect(deployment.toJson().spec.template.metadata.labels).toEqual({ tier: 'cart', app: 'cart', version: 'v2' });
  });

  test.each([
    ['an unknown service', 'pay', 'v1', /"pay" is not a service of the chain/],
    ['an unknown version', 'cart', 'v3', /"v3" is not a version of "cart"; add it to its versions \(v1, v2\)/],
  ])('refuses %s', (_name, service, version, message) => {
    const chart = Testing.chart();
    const chain = new ServiceChain(chart, 'chain', shop(WorkloadObjects.SERVICES));
    expect(() => chain.adoptWorkload(service, version, new kplus.Deployment(chart, 'd', { containers: [{ image: 'x' }] }))).toThrow(message);
  });

  test('refuses pods labelled for another version', () => {
    const chart = Testing.chart();
    const chain = new ServiceChain(chart, 'chain', { ...shop(WorkloadObjects.SERVICES), namespace: undefined });
    const deployment = new kplus.Deployment(chart, 'd', { containers: [{ image: 'x' }], podMetadata: { labels: { version: 'v1' } } });
    expect(() => chain.adoptWorkload('cart', 'v2', deployment)).toThrow(/have label version: "v1", where the routing selects version: "v2"/);
  });

  test('refuses a workload in another namespace', () => {
    const chart = Testing.chart();
    const chain = new ServiceChain(chart, 'chain', shop(WorkloadObjects.SERVICES));
    const deployment = new kplus.Deployment(chart, 'd', { containers: [{ image: 'x' }], metadata: { namespace: 'other' } });
    expect(() => chain.adoptWorkload('cart', 'v2', deployment)).toThrow(/is in namespace "other", the chain's services in "shop"/);
  });

  test('refuses an object without a pod template', () => {
    const chart = Testing.chart();
    const chain = new ServiceChain(chart, 'chain', shop(WorkloadObjects.SERVICES));
    const config = new ApiObject(chart, 'cfg', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop' } });
    expect(() => chain.adoptWorkload('cart', 'v2', config)).toThrow(/ConfigMap c has no pod template/);
  });

  test('refuses adoption while the chain writes the Deployments itself', () => {
    const chart = Testing.chart();
    const chain = new ServiceChain(chart, 'chain', { ...shop(WorkloadObjects.ALL), defaults: { image: 'registry.example.com/app:1' } });
    expect(() => chain.adoptWorkload('cart', 'v2', new kplus.Deployment(chart, 'd', { containers: [{ image: 'x' }] })))
      .toThrow(/writes the Deployment of cart-v2 itself; set `workloads: 'services'`/);
  });

  test('a label changed after adoption fails the synth', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop');
    const chain = new ServiceChain(chart, 'chain', { ...shop(WorkloadObjects.SERVICES), namespace: undefined });
    const deployment = new kplus.Deployment(chart, 'd', { containers: [{ image: 'x' }] });
    chain.adoptWorkload('cart', 'v2', deployment);
    deployment.podMetadata.addLabel('version', 'v9');
    expect(() => app.synth()).toThrow(/have label version: "v9", where the routing selects version: "v2"/);
  });
});
