import { Chart, Testing } from 'cdk8s';
import { ChainValidationError, ServiceChain } from '../lib';
import { mutated, seedChain } from './validation-support/seed-chains';
import { Problems } from '../lib/diagnostics/problems';
import { checkObjectSizes, MAX_ANNOTATION_BYTES, MAX_OBJECT_BYTES, RenderedObject } from '../lib/validation/object-size';

/*
 * The size limits of written objects: the API server's 1.5 MiB, and the 256 KiB of the annotation
 * client-side kubectl apply writes. These tests build objects near a megabyte, which makes them
 * the slowest of the core tests; the mutation suite runs them last (test/mutation/core.mutation.ts).
 */

/** Synthesises the seed chain, changed by `change`, in a Chart without a namespace. */
function synthSeed(change: (props: any) => void = () => undefined): ServiceChain {
  const chart = new Chart(Testing.app(), 'c');
  const chain = new ServiceChain(chart, 'chain', mutated(seedChain, change));
  Testing.synth(chart);
  return chain;
}

describe('the size of each written object', () => {
  test('an object over the API server limit is refused at synth, at the props that fill it', () => {
    const huge = 'x'.repeat(1_600_000);
    expect(() => synthSeed(p => { p.services[1].versions.v2.env = [{ name: 'BLOB', value: huge }]; }))
      .toThrow(/\[services\[1\]\.versions\.v2\] makes the Deployment "appb-v2" 1\.53 MiB long, more than the 1\.50 MiB the Kubernetes API server stores; make it smaller/);
  });

  test('an object over 256 KiB is a warning: client-side kubectl apply fails on it', () => {
    const chain = synthSeed(p => { p.services[1].versions.v2.env = [{ name: 'BLOB', value: 'x'.repeat(300_000) }]; });
    expect(chain.warnings).toEqual([expect.stringMatching(/^services\[1\]\.versions\.v2: Deployment "appb-v2" is 29\d\.\d KiB: client-side `kubectl apply` keeps a copy of it .* `kubectl apply --server-side`/)]);
  });

  test('a lane VirtualService grows with its lane header, once per version, and is measured too', () => {
    const chain = synthSeed(p => {
      p.laneMode = 'header';
      p.laneHeader = `x-${'l'.repeat(3000)}`;
      p.services[1].versions = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`v${i + 1}`, {}]));
    });
    expect(chain.warnings.filter(w => w.includes(': VirtualService '))).toEqual([
      expect.stringMatching(/^services\[1\]: VirtualService "vs-appb" is 300\.3 KiB: client-side `kubectl apply`/),
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
    expect(chain.warnings.filter(w => w.includes(': VirtualService '))).toEqual([
      expect.stringMatching(/^services\[25\]: VirtualService "vs-z" is 373\.8 KiB: client-side `kubectl apply`/),
    ]);
  });

  /** `count` distinct hosts under example.com, 200 characters each. */
  const manyHosts = (count: number) => Array.from({ length: count }, (_, i) => `h${String(i).padStart(5, '0')}-${'a'.repeat(56)}.${'b'.repeat(60)}.${'c'.repeat(60)}.example.com`);

  test('a created Gateway grows with its selector and the entry\'s hosts it serves, and is measured too', () => {
    const chain = synthSeed(p => {
      p.entry.hosts = manyHosts(1000);
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', selector: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`example.com/k${i}`, 'v'.repeat(63)])) }];
    });
    expect(chain.warnings).toEqual([expect.stringMatching(/^entry\.createGateways\[0\]: Gateway "app-gw" is 2\d\d\.\d KiB: client-side `kubectl apply`/)]);
  });

  test('a created Gateway grows with its own settings, and is measured too', () => {
    const chain = synthSeed(p => {
      const selector = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`${'p'.repeat(60)}.${'q'.repeat(60)}.${'r'.repeat(60)}.example.com/k${i}`, 'v'.repeat(63)]));
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', selector }];
    });
    expect(chain.warnings).toEqual([expect.stringMatching(/^entry\.createGateways\[0\]: Gateway "app-gw" is 2\d\d\.\d KiB: client-side `kubectl apply`/)]);
  });

  /** The problems of props that a synth refuses. */
  const refused = (change: (props: any) => void) => {
    try {
      synthSeed(change);
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
    expect(synthSeed().warnings).toEqual([]);
  });

  test('the limits are inclusive, and sizes from 1 MiB on are shown in MiB', () => {
    // A JSON string is its characters and two quotes: `bytes - 2` characters make an object of `bytes` bytes.
    const sized = (bytes: number): RenderedObject => ({ kind: 'ConfigMap', name: `b${bytes}`, json: 'x'.repeat(bytes - 2), path: ['services', 0] });
    const problems = new Problems();
    const warnings: string[] = [];
    checkObjectSizes([sized(MAX_ANNOTATION_BYTES), sized(1024 * 1024), sized(MAX_OBJECT_BYTES), sized(MAX_OBJECT_BYTES + 1)], problems, warnings);
    const warning = (name: string, size: string) => `services[0]: ConfigMap "${name}" is ${size}: client-side \`kubectl apply\` keeps a copy of it in an annotation `
      + 'limited to 256.0 KiB, and fails; apply it with `kubectl apply --server-side`, or make it smaller';
    expect(warnings).toEqual([warning('b1048576', '1.00 MiB'), warning('b1572864', '1.50 MiB')]);
    expect(problems.list).toEqual([{
      path: ['services', 0],
      message: 'makes the ConfigMap "b1572865" 1.50 MiB long, more than the 1.50 MiB the Kubernetes API server stores; '
        + 'make it smaller (fewer or shorter header routes, environment values or annotations)',
    }]);
  });
});
