import { LaneMode, LoadBalancer, ServiceChainProps, WorkloadObjects } from '../lib';
import { resolveChain } from '../lib/model/chain-model';
import { gatewayRefsOf, namespaceOfRef } from '../lib/model/defaults';
import { laneStep } from '../lib/model/lane-step';
import { compareNatural } from '../lib/model/natural-order';
import { headerCondition } from '../lib/model/routing-plan';

/*
 * The edges of the resolved model that the chain tests do not reach: defaults a service
 * inherits or not, weights that differ only in their keys, a caller among several, and the
 * comparison of version names in both argument orders. Found by mutation testing (`npx projen
 * mutation`): each test here fails on a mutant that every other test let through.
 */

/** web -> cart and web -> search, both -> stock; every service has v1 and v2. */
function fanIn(overrides: Partial<ServiceChainProps> = {}): ServiceChainProps {
  return {
    defaults: { image: 'registry.example.com/app:1.0' },
    services: [
      { name: 'web', calls: ['cart', 'search'], versions: { v1: {}, v2: {} } },
      { name: 'cart', calls: ['stock'], versions: { v1: {}, v2: {} } },
      { name: 'search', calls: ['stock'], versions: { v1: {}, v2: {} } },
      { name: 'stock', versions: { v1: {}, v2: {} } },
    ],
    entry: { service: 'web', meshWeights: { v1: 100 } },
    ...overrides,
  };
}

describe('resolveChain', () => {
  test('a service without portName takes the default one, else http', () => {
    const props = fanIn();
    const model = resolveChain({
      ...props,
      defaults: { ...props.defaults, portName: 'grpc' },
      services: [
        ...props.services.slice(0, 3), { ...props.services[3], portName: 'tcp' },
      ],
    });
    expect(model.services.map(s => s.portName)).toEqual(['grpc', 'grpc', 'grpc', 'tcp']);
    expect(resolveChain(fanIn()).service('stock').portName).toBe('http');
  });

  test('the upstream variable goes only to services that call others', () => {
    const props = fanIn();
    const model = resolveChain({ ...props, defaults: { ...props.defaults, upstreamUrlEnv: 'UPSTREAM' } });
    expect(model.service('cart').versions[0].env).toEqual([{ name: 'UPSTREAM', value: 'http://stock:80/' }]);
    expect(model.service('stock').versions[0].env).toEqual([]);
  });

  test('a version without an image anywhere has the empty image (for chains that write no Deployment)', () => {
    const model = resolveChain({ ...fanIn(), defaults: {}, workloads: WorkloadObjects.NONE });
    expect(model.service('web').versions.map(v => v.image)).toEqual(['', '']);
  });

  test('a service\'s traffic policy starts from the chain\'s load balancer, which the defaults and the service override', () => {
    const props = fanIn();
    const model = resolveChain({
      ...props,
      loadBalancer: LoadBalancer.LEAST_REQUEST,
      services: [...props.services.slice(0, 3), { ...props.services[3], loadBalancer: LoadBalancer.RANDOM }],
    });
    expect(model.services.map(s => s.trafficPolicy)).toEqual([
      { loadBalancer: 'LEAST_REQUEST' }, { loadBalancer: 'LEAST_REQUEST' }, { loadBalancer: 'LEAST_REQUEST' }, { loadBalancer: 'RANDOM' },
    ]);
  });

  test('asking for a service the chain does not have is an error naming it', () => {
    expect(() => resolveChain(fanIn()).service('nope')).toThrow("unknown service 'nope'");
  });

  test('a call to a service the chain does not have is left to validation, not a crash', () => {
    const props = fanIn();
    const model = resolveChain({ ...props, services: [{ ...props.services[0], calls: ['cart', 'search', 'ghost'] }, ...props.services.slice(1)] });
    expect(model.service('web').calls).toEqual(['cart', 'search', 'ghost']);
  });
});

describe('the entry rules of the plan', () => {
  const entryRules = (gatewayWeights: Record<string, number>, meshWeights: Record<string, number>) =>
    resolveChain(fanIn({ entry: { service: 'web', gateways: ['edge/public'], hosts: ['shop.example.com'], gatewayWeights, meshWeights } }))
      .routing.entry.rules;

  test('weights with the same values but another version list are not shared', () => {
    expect(entryRules({ v1: 100 }, { v1: 100, v2: 0 })).toHaveLength(2);
    expect(entryRules({ v1: 100, v2: 0 }, { v1: 100 })).toHaveLength(2);
  });

  test('weights that agree on one version but not on the others are not shared', () => {
    expect(entryRules({ v1: 50, v2: 50 }, { v1: 50, v2: 0, v3: 50 })).toHaveLength(2);
    expect(entryRules({ v1: 50, v2: 30, v3: 20 }, { v1: 50, v2: 20, v3: 30 })).toHaveLength(2);
  });

  test('equal weights are shared by both sources', () => {
    expect(entryRules({ v1: 50, v2: 50 }, { v2: 50, v1: 50 })).toHaveLength(1);
  });
});

describe('headerCondition', () => {
  test.each([
    [{ header: 'x-user', exact: 'qa', version: 'v2' }, { on: 'header', name: 'x-user', kind: 'exact', value: 'qa' }],
    [{ header: 'x-user', prefix: 'qa-', version: 'v2' }, { on: 'header', name: 'x-user', kind: 'prefix', value: 'qa-' }],
    [{ header: 'x-user', regex: 'qa-.*', version: 'v2' }, { on: 'header', name: 'x-user', kind: 'regex', value: 'qa-.*' }],
    [{ cookie: 'lane', prefix: 'v', version: 'v2' }, { on: 'cookie', name: 'lane', kind: 'prefix', value: 'v' }],
  ])('%j is %j', (route, condition) => {
    expect(headerCondition(route)).toEqual(condition);
  });
});

describe('gateway refs and namespaces', () => {
  test('a created gateway already listed in gateways is bound once', () => {
    const createGateways = [{ ref: 'edge/public', hosts: ['shop.example.com'] }, { ref: 'edge/admin', hosts: ['admin.example.com'] }];
    expect(gatewayRefsOf({ service: 'web', gateways: ['edge/public'], createGateways } as never)).toEqual(['edge/public', 'edge/admin']);
  });

  test('a reference without a slash has no namespace', () => {
    expect(namespaceOfRef('public')).toBeUndefined();
    expect(namespaceOfRef('edge/public')).toBe('edge');
    expect(namespaceOfRef(undefined)).toBeUndefined();
  });
});

describe('laneStep', () => {
  test('in sourceLabels mode a rule listing several callers takes the requests of each', () => {
    const plan = resolveChain(fanIn()).routing;
    for (const caller of ['cart', 'search']) {
      expect(laneStep(plan, { service: caller, version: 'v2', lane: 'v2' }, 'stock'))
        .toEqual({ service: 'stock', version: 'v2', lane: 'v2', onLane: true, keepsLane: true });
    }
    expect(plan.lanes.find(lane => lane.service === 'stock')!.rules[1].matches).toHaveLength(2);
  });

  test('in header mode the lane header decides, whoever calls', () => {
    const plan = resolveChain(fanIn({ laneMode: LaneMode.HEADER })).routing;
    expect(laneStep(plan, { service: 'search', version: 'v1', lane: 'v2' }, 'stock'))
      .toEqual({ service: 'stock', version: 'v2', lane: 'v2', onLane: true, keepsLane: true });
  });
});

describe('compareNatural', () => {
  test.each([
    // non-digit runs compare whole, by code point: "a" before "a-"
    ['a1', 'a-1', -1], ['a-1', 'a1', 1],
    // an empty name has no runs at all
    ['', '1', -1], ['1', '', 1], ['', '', 0],
    // a number against a word compares by code point
    ['1', 'a', -1], ['a', '1', 1], ['v1', 'vx', -1], ['vx', 'v1', 1],
  ])('compareNatural(%j, %j) has the sign of %d', (a, b, sign) => {
    expect(Math.sign(compareNatural(a as string, b as string))).toBe(sign);
  });
});
