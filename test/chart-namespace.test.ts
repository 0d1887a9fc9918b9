import { App, Chart, Testing } from 'cdk8s';
import { ChainValidationError, ServiceChain } from '../lib';
import { mutated, seedChain } from './validation-support/seed-chains';
import { Problems } from '../lib/diagnostics/problems';
import { checkObjectSizes, MAX_ANNOTATION_BYTES, MAX_OBJECT_BYTES, RenderedObject } from '../lib/validation/object-size';

/** A ServiceChain in a Chart, and the objects it writes as JSON. */
function synth(chartNamespace: string | undefined, change: (props: any) => void = () => undefined) {
  const app: App = Testing.app();
  const chart = new Chart(app, 'c', { namespace: chartNamespace });
  const chain = new ServiceChain(chart, 'chain', mutated(seedChain, change));
  return { chain, objects: Testing.synth(chart) as any[] };
}

const byKindAndName = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);

describe('the cdk8s Chart namespace', () => {
  test("is the chain's namespace when props.namespace is not set: objects, hosts and delegates agree", () => {
    const { chain, objects } = synth('shop');
    expect(chain.model.namespace).toBe('shop');
    const root = byKindAndName(objects, 'VirtualService', 'vs-gateway-appa');
    expect(root.metadata.namespace).toBe('istio-system');
    expect(root.spec.hosts).toEqual(['192.168.1.106', 'appa.shop.svc.cluster.local']);
    expect(root.spec.http[0].delegate).toEqual({ name: 'vs-appa', namespace: 'shop' });
    const delegate = byKindAndName(objects, 'VirtualService', 'vs-appa');
    expect(delegate.metadata.namespace).toBe('shop');
    for (const kind of ['Service', 'Deployment', 'DestinationRule']) {
      expect(objects.filter(o => o.kind === kind).map(o => o.metadata.namespace)).toEqual(expect.arrayContaining(['shop']));
      expect(objects.filter(o => o.kind === kind).every(o => o.metadata.namespace === 'shop')).toBe(true);
    }
    const env = byKindAndName(objects, 'Deployment', 'appa-v1').spec.template.spec.containers[0].env;
    expect(env).toEqual(expect.arrayContaining([{ name: 'upstream_url', value: 'http://appb:8000/' }]));
  });

  test('agrees with props.namespace when both name the same namespace', () => {
    const { objects } = synth('shop', p => { p.namespace = 'shop'; });
    expect(byKindAndName(objects, 'VirtualService', 'vs-gateway-appa').spec.http[0].delegate).toEqual({ name: 'vs-appa', namespace: 'shop' });
  });

  test('and props.namespace that differ are refused, naming both', () => {
    let error: unknown;
    try {
      synth('shop', p => { p.namespace = 'store'; });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChainValidationError);
    expect((error as ChainValidationError).problems).toEqual([{
      path: ['namespace'],
      message: expect.stringMatching(/^"store" differs from the namespace "shop" of the cdk8s Chart the chain is in; .*Set one of them, or give both the same value$/),
    }]);
  });

  test('and a props namespace that is itself wrong are refused, each for its own fault', () => {
    let error: unknown;
    try {
      synth('shop', p => { p.namespace = 'Shop'; });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChainValidationError);
    expect((error as ChainValidationError).problems).toEqual([
      { path: ['namespace'], message: expect.stringMatching(/^"Shop" /) },
      { path: ['namespace'], message: expect.stringMatching(/^"Shop" differs from the namespace "shop" of the cdk8s Chart/) },
    ]);
  });

  test.each<[string, unknown]>([['null', null], ['a list', []], ['a string', 'shop']])('props that are %s are refused with one clear problem', (_what, props) => {
    let error: unknown;
    try {
      new ServiceChain(new Chart(Testing.app(), 'c', { namespace: 'shop' }), 'chain', props as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChainValidationError);
    expect((error as ChainValidationError).problems).toEqual([{ path: [], message: expect.stringMatching(/expected a mapping of fields/) }]);
  });

  test('a chain outside any Chart gets cdk8s\'s own error, which asks for one', () => {
    expect(() => new ServiceChain(Testing.app(), 'chain', mutated(seedChain, () => undefined))).toThrow(/cannot find a parent chart/);
  });

  test('is validated as the namespace: a Chart in kube-system is refused', () => {
    expect(() => synth('kube-system')).toThrow(/\[namespace\] "kube-system" is a namespace where the Istio sidecar injector never injects/);
  });

  test('without any namespace, nothing changes: the implicit default', () => {
    const { chain, objects } = synth(undefined);
    expect(chain.model.namespace).toBeUndefined();
    expect(byKindAndName(objects, 'VirtualService', 'vs-gateway-appa').spec.http[0].delegate).toEqual({ name: 'vs-appa', namespace: 'default' });
  });
});

describe('the size of each written object', () => {
  test('an object over the API server limit is refused at synth, at the props that fill it', () => {
    const huge = 'x'.repeat(1_600_000);
    expect(() => synth(undefined, p => { p.services[1].versions.v2.env = [{ name: 'BLOB', value: huge }]; }))
      .toThrow(/\[services\[1\]\.versions\.v2\] makes the Deployment "appb-v2" 1\.53 MiB long, more than the 1\.50 MiB the Kubernetes API server stores; make it smaller/);
  });

  test('an object over 256 KiB is a warning: client-side kubectl apply fails on it', () => {
    const { chain } = synth(undefined, p => { p.services[1].versions.v2.env = [{ name: 'BLOB', value: 'x'.repeat(300_000) }]; });
    expect(chain.warnings).toEqual([expect.stringMatching(/^Deployment "appb-v2" is 29\d\.\d KiB: client-side `kubectl apply` keeps a copy of it .* `kubectl apply --server-side`/)]);
  });

  test('a lane VirtualService grows with its lane header, once per version, and is measured too', () => {
    const { chain } = synth(undefined, p => {
      p.laneMode = 'header';
      p.laneHeader = `x-${'l'.repeat(3000)}`;
      p.services[1].versions = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`v${i + 1}`, {}]));
    });
    expect(chain.warnings.filter(w => w.startsWith('VirtualService'))).toEqual([
      expect.stringMatching(/^VirtualService "vs-appb" is 300\.3 KiB: client-side `kubectl apply`/),
    ]);
  });

  test('a lane VirtualService grows with the names of its callers, once per version each, and is measured too', () => {
    const versions = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`v${i + 1}-${'r'.repeat(50)}`, {}]));
    const callers = Array.from({ length: 24 }, (_, i) => `caller-${i}-${'c'.repeat(50)}`);
    const chain = new ServiceChain(new Chart(Testing.app(), 'c'), 'chain', {
      workloads: 'none' as never,
      services: [{ name: 'web', calls: callers, versions }, ...callers.map(name => ({ name, calls: ['z'], versions })), { name: 'z', versions }],
      entry: { service: 'web', meshWeights: { [Object.keys(versions)[0]]: 100 } },
    });
    expect(chain.warnings.filter(w => w.startsWith('VirtualService'))).toEqual([
      expect.stringMatching(/^VirtualService "vs-z" is 373\.8 KiB: client-side `kubectl apply`/),
    ]);
  });

  /** `count` distinct hosts under example.com, 200 characters each. */
  const manyHosts = (count: number) => Array.from({ length: count }, (_, i) => `h${String(i).padStart(5, '0')}-${'a'.repeat(56)}.${'b'.repeat(60)}.${'c'.repeat(60)}.example.com`);

  test('a created Gateway grows with its selector and the entry\'s hosts it serves, and is measured too', () => {
    const { chain } = synth(undefined, p => {
      p.entry.hosts = manyHosts(1000);
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', selector: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`example.com/k${i}`, 'v'.repeat(63)])) }];
    });
    expect(chain.warnings).toEqual([expect.stringMatching(/^Gateway "app-gw" is 2\d\d\.\d KiB: client-side `kubectl apply`/)]);
  });

  test('a created Gateway grows with its own settings, and is measured too', () => {
    const { chain } = synth(undefined, p => {
      const selector = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`${'p'.repeat(60)}.${'q'.repeat(60)}.${'r'.repeat(60)}.example.com/k${i}`, 'v'.repeat(63)]));
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', selector }];
    });
    expect(chain.warnings).toEqual([expect.stringMatching(/^Gateway "app-gw" is 2\d\d\.\d KiB: client-side `kubectl apply`/)]);
  });

  /** The problems of props that a synth refuses. */
  const refused = (change: (props: any) => void) => {
    try {
      synth(undefined, change);
    } catch (error) {
      expect(error).toBeInstanceOf(ChainValidationError);
      return (error as ChainValidationError).problems.map(p => `[${p.path.join('.')}] ${p.message.replace(/ \d\.\d\d MiB long, more than the 1\.50 MiB the Kubernetes API server stores; make it smaller .*/, ', over 1.50 MiB')}`);
    }
    throw new Error('expected the chain to be refused');
  };

  test('an oversized lane VirtualService is refused at the service it routes', () => {
    expect(refused(p => {
      p.laneMode = 'header';
      p.laneHeader = `x-${'l'.repeat(16_000)}`;
      p.services[1].versions = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`v${i + 1}`, {}]));
    })).toEqual(['[services.1] makes the VirtualService "vs-appb", over 1.50 MiB']);
  });

  test('an oversized root VirtualService is refused at the entry, an oversized delegate at its header routes', () => {
    expect(refused(p => {
      p.entry.uriPrefix = `/${'p'.repeat(1_600_000)}`;
      p.entry.headerRoutes = [{ header: 'x-user', exact: 'q'.repeat(1_600_000), version: 'v2' }];
    })).toEqual([
      '[entry] makes the VirtualService "vs-gateway-appa", over 1.50 MiB', '[entry.headerRoutes] makes the VirtualService "vs-appa", over 1.50 MiB',
    ]);
  });

  test('oversized HTTPRoutes are refused at the entry, and at the service a lane route routes', () => {
    expect(refused(p => {
      p.routingApi = 'gateway-api';
      p.laneMode = 'header';
      p.loadBalancer = undefined;
      p.entry.hosts = ['shop.example.com'];
      p.laneHeader = `x-${'l'.repeat(110_000)}`;
      p.entry.headerRoutes = Array.from({ length: 13 }, (_, i) => ({ header: `x-h${i}`, exact: 'yes', version: 'v2' }));
      p.services[1].versions = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`v${i + 1}`, {}]));
    })).toEqual([
      '[entry] makes the HTTPRoute "route-gateway-appa", over 1.50 MiB', '[services.1] makes the HTTPRoute "route-appb", over 1.50 MiB',
    ]);
  });

  test('the seed writes no warning', () => {
    expect(synth(undefined).chain.warnings).toEqual([]);
  });

  test('the limits are inclusive, and sizes from 1 MiB on are shown in MiB', () => {
    // A JSON string is its characters and two quotes: `bytes - 2` characters make an object of `bytes` bytes.
    const sized = (bytes: number): RenderedObject => ({ kind: 'ConfigMap', name: `b${bytes}`, json: 'x'.repeat(bytes - 2), path: ['services', 0] });
    const problems = new Problems();
    const warnings: string[] = [];
    checkObjectSizes([sized(MAX_ANNOTATION_BYTES), sized(1024 * 1024), sized(MAX_OBJECT_BYTES), sized(MAX_OBJECT_BYTES + 1)], problems, warnings);
    const warning = (name: string, size: string) => `ConfigMap "${name}" is ${size}: client-side \`kubectl apply\` keeps a copy of it in an annotation `
      + 'limited to 256.0 KiB, and fails; apply it with `kubectl apply --server-side`, or make it smaller';
    expect(warnings).toEqual([warning('b1048576', '1.00 MiB'), warning('b1572864', '1.50 MiB')]);
    expect(problems.list).toEqual([{
      path: ['services', 0],
      message: 'makes the ConfigMap "b1572865" 1.50 MiB long, more than the 1.50 MiB the Kubernetes API server stores; '
        + 'make it smaller (fewer or shorter header routes, environment values or annotations)',
    }]);
  });
});
