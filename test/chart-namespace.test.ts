import { App, Chart, Testing } from 'cdk8s';
import { ChainValidationError, Problem, ServiceChain } from '../lib';
import { mutated, seedChain } from './validation-support/seed-chains';

/** A ServiceChain in a Chart, and the objects it writes as JSON. */
function synth(chartNamespace: string | undefined, change: (props: any) => void = () => undefined) {
  const app: App = Testing.app();
  const chart = new Chart(app, 'c', { namespace: chartNamespace });
  const chain = new ServiceChain(chart, 'chain', mutated(seedChain, change));
  return { chain, objects: Testing.synth(chart) as any[] };
}

const byKindAndName = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);

/** The problems of the ChainValidationError that `build` throws; fails when it throws none, or another error. */
function problemsThrownBy(build: () => unknown): Problem[] {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ChainValidationError);
    return (error as ChainValidationError).problems;
  }
  throw new Error('expected a ChainValidationError');
}

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
    expect(problemsThrownBy(() => synth('shop', p => { p.namespace = 'store'; }))).toEqual([{
      path: ['namespace'],
      message: expect.stringMatching(/^"store" differs from the namespace "shop" of the cdk8s Chart the chain is in; .*Set one of them, or give both the same value$/),
    }]);
  });

  test('and a props namespace that is itself wrong are refused, each for its own fault', () => {
    expect(problemsThrownBy(() => synth('shop', p => { p.namespace = 'Shop'; }))).toEqual([
      { path: ['namespace'], message: expect.stringMatching(/^"Shop" /) },
      { path: ['namespace'], message: expect.stringMatching(/^"Shop" differs from the namespace "shop" of the cdk8s Chart/) },
    ]);
  });

  test.each<[string, unknown]>([['null', null], ['a list', []], ['a string', 'shop']])('props that are %s are refused with one clear problem', (_what, props) => {
    expect(problemsThrownBy(() => new ServiceChain(new Chart(Testing.app(), 'c', { namespace: 'shop' }), 'chain', props as never)))
      .toEqual([{ path: [], message: expect.stringMatching(/expected a mapping of fields/) }]);
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
