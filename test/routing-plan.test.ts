import { LaneMode, ServiceChainProps, TrafficSource } from '../lib';
import { resolveChain } from '../lib/model/chain-model';
import { laneStep } from '../lib/model/lane-step';
import { compareNatural } from '../lib/model/natural-order';

/** web -> cart -> pay; cart has no v2; the entry has a header route, gateway and mesh weights and a default. */
function shop(overrides: Partial<ServiceChainProps> = {}): ServiceChainProps {
  return {
    defaults: { image: 'registry.example.com/app:1.0' },
    services: [
      { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
      { name: 'cart', calls: ['pay'], versions: { v1: {} } },
      { name: 'pay', versions: { v1: {}, v2: {}, v10: {} } },
    ],
    entry: {
      service: 'web',
      gateways: ['edge/public'],
      hosts: ['shop.example.com'],
      headerRoutes: [{ cookie: 'lane', exact: 'v2', version: 'v2', from: [TrafficSource.GATEWAY, TrafficSource.MESH] }],
      gatewayWeights: { v2: 10, v1: 90 },
      meshWeights: { v1: 100 },
      defaultVersion: 'v1',
    },
    ...overrides,
  };
}

describe('the routing plan of the entry', () => {
  test('header routes, then weights by source, then the default route, in that order', () => {
    const { entry } = resolveChain(shop()).routing;
    expect(entry.rules).toEqual([
      {
        matches: [{ sources: ['gateway', 'mesh'], header: { on: 'cookie', name: 'lane', kind: 'exact', value: 'v2' } }],
        targets: [{ version: 'v2' }],
      },
      { matches: [{ sources: ['gateway'] }], targets: [{ version: 'v1', weight: 90 }, { version: 'v2', weight: 10 }] },
      { matches: [{ sources: ['mesh'] }], targets: [{ version: 'v1', weight: 100 }] },
      { matches: [], targets: [{ version: 'v1' }] },
    ]);
    expect(entry).toMatchObject({ service: 'web', gateways: ['edge/public'], hosts: ['shop.example.com'], mesh: true, uriPrefix: '/' });
  });

  test('equal gateway and mesh weights share one rule for both sources', () => {
    const props = shop();
    const { entry } = resolveChain({ ...props, entry: { ...props.entry, meshWeights: { v1: 90, v2: 10 }, defaultVersion: undefined } }).routing;
    expect(entry.rules.slice(1)).toEqual([
      { matches: [{ sources: ['mesh', 'gateway'] }], targets: [{ version: 'v1', weight: 90 }, { version: 'v2', weight: 10 }] },
    ]);
  });

  test('in header mode every entry target stamps its own version as the lane', () => {
    const { entry } = resolveChain(shop({ laneMode: LaneMode.HEADER })).routing;
    const stamps = entry.rules.flatMap(rule => rule.targets.map(t => [t.version, t.stampLane]));
    expect(stamps).toEqual([['v2', 'v2'], ['v1', 'v1'], ['v2', 'v2'], ['v1', 'v1'], ['v1', 'v1']]);
  });

  test('in sourceLabels mode nothing is stamped', () => {
    const { entry } = resolveChain(shop()).routing;
    expect(entry.rules.flatMap(rule => rule.targets.map(t => t.stampLane))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('the routing plan of the services behind the entry', () => {
  test('sourceLabels: a rule per version for the callers that have it, then the baseline', () => {
    const plan = resolveChain(shop()).routing;
    expect(plan.lanes.map(lane => lane.service)).toEqual(['cart', 'pay']);
    expect(plan.lanes[0].rules).toEqual([
      { matches: [{ caller: { service: 'web', version: 'v1' } }], targets: [{ version: 'v1' }] },
      { matches: [], targets: [{ version: 'v1' }] },
    ]);
    // pay's v2 and v10 have no caller running them: cart has v1 only.
    expect(plan.lanes[1].rules).toEqual([
      { matches: [{ caller: { service: 'cart', version: 'v1' } }], targets: [{ version: 'v1' }] },
      { matches: [], targets: [{ version: 'v1' }] },
    ]);
  });

  test('header: a rule per version but the baseline, on the lane header, then the baseline', () => {
    const props = shop({ laneMode: LaneMode.HEADER });
    props.services[2] = { ...props.services[2], baseline: 'v2' };
    const plan = resolveChain(props).routing;
    expect(plan.laneHeader).toBe('x-lane');
    expect(plan.lanes[1].rules).toEqual([
      { matches: [{ lane: 'v1' }], targets: [{ version: 'v1' }] },
      { matches: [{ lane: 'v10' }], targets: [{ version: 'v10' }] },
      { matches: [], targets: [{ version: 'v2' }] },
    ]);
  });
});

describe('the timeout and retries of the rules', () => {
  /** The entry's rules when web's versions have these traffic settings, split by weight between all three. */
  const entryRules = (versions: ServiceChainProps['services'][number]['versions']) => {
    const props = shop();
    return resolveChain({
      ...props,
      services: [{ ...props.services[0], versions }, ...props.services.slice(1)],
      entry: { service: 'web', gateways: ['edge/public'], hosts: ['shop.example.com'], gatewayWeights: { v1: 80, v2: 10, v3: 10 } },
    }).routing.entry.rules;
  };

  test('a split between versions whose settings are equal, each written apart, carries them', () => {
    const retries = () => ({ attempts: 2, perTryTimeout: '1s' });
    const [weighted] = entryRules({ v1: { timeout: '3s', retries: retries() }, v2: { timeout: '3s', retries: retries() }, v3: { timeout: '3s', retries: retries() } });
    expect(weighted).toMatchObject({ timeout: '3s', retries: { attempts: 2, perTryTimeout: '1s' } });
  });

  test.each([
    ['the last version\'s timeout', { v1: { timeout: '3s' }, v2: { timeout: '3s' }, v3: { timeout: '4s' } }],
    ['the last version\'s retries', { v1: { retries: { attempts: 2 } }, v2: { retries: { attempts: 2 } }, v3: { retries: { attempts: 3 } } }],
    ['the settings of the first version only', { v1: { timeout: '3s' }, v2: {}, v3: {} }],
  ])('a split where %s differs carries none (validation refuses it; the plan writes nothing rather than guess)', (_what, versions) => {
    const [weighted] = entryRules(versions);
    expect(weighted).toEqual({
      matches: [{ sources: ['gateway'] }],
      targets: [{ version: 'v1', weight: 80 }, { version: 'v2', weight: 10 }, { version: 'v3', weight: 10 }],
    });
  });
});

describe('lane faults and mirrors in the plan (sourceLabels)', () => {
  const image = { image: 'registry.example.com/app:1.0' };
  const abort = { httpStatus: 503, percentage: 50 };

  test('a mirror of a lane the service lacks gets a rule of its own for that lane, before the baseline', () => {
    const plan = resolveChain({
      defaults: image,
      services: [
        { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
        { name: 'cart', versions: { v1: {}, v3: {} }, mirrors: [{ version: 'v3', percentage: 10, lane: 'v2' }] },
      ],
      entry: { service: 'web', defaultVersion: 'v1' },
    }).routing;
    expect(plan.lanes[0].rules).toEqual([
      { matches: [{ caller: { service: 'web', version: 'v1' } }], targets: [{ version: 'v1' }] },
      { matches: [{ caller: { service: 'web', version: 'v2' } }], targets: [{ version: 'v1' }], mirror: { version: 'v3', percentage: 10 } },
      { matches: [], targets: [{ version: 'v1' }] },
    ]);
  });

  test('a fault on a lane no caller runs adds no rule: the service keeps its lanes and its baseline', () => {
    const props = shop();
    const plan = resolveChain({ ...props, services: [...props.services.slice(0, 2), { ...props.services[2], faults: [{ lane: 'v2', abort }] }] }).routing;
    expect(plan.lanes[1].rules).toEqual([
      { matches: [{ caller: { service: 'cart', version: 'v1' } }], targets: [{ version: 'v1' }] },
      { matches: [], targets: [{ version: 'v1' }] },
    ]);
  });

  test('a fault on a lane goes to that lane\'s rule, not to the rule of mirror pods, which also match callers in other versions', () => {
    const plan = resolveChain({
      defaults: image,
      services: [
        { name: 'web', calls: ['cart', 'search'], versions: { v1: {}, v2: {} } },
        { name: 'cart', calls: ['stock'], versions: { v1: {}, v2: {}, v3: {} }, mirrors: [{ version: 'v3', percentage: 10 }] },
        { name: 'search', calls: ['stock'], versions: { v1: {}, v2: {} }, mirrors: [{ version: 'v2', percentage: 10 }] },
        { name: 'stock', versions: { v1: {}, v2: {} }, faults: [{ lane: 'v2', abort }] },
      ],
      entry: { service: 'web', defaultVersion: 'v1' },
    }).routing;
    expect(plan.lanes.find(lane => lane.service === 'stock')!.rules).toEqual([
      { matches: [{ caller: { service: 'cart', version: 'v3' } }, { caller: { service: 'search', version: 'v2' } }], targets: [{ version: 'v1' }] },
      { matches: [{ caller: { service: 'cart', version: 'v1' } }, { caller: { service: 'search', version: 'v1' } }], targets: [{ version: 'v1' }] },
      { matches: [{ caller: { service: 'cart', version: 'v2' } }], targets: [{ version: 'v2' }], fault: { abort } },
      { matches: [], targets: [{ version: 'v1' }] },
    ]);
  });
});

describe('laneStep', () => {
  const at = (service: string, version: string, lane = version) => ({ service, version, lane });

  test('sourceLabels: stays on the version where the callee routes the caller\'s version to it', () => {
    const plan = resolveChain(shop()).routing;
    expect(laneStep(plan, at('web', 'v1'), 'cart')).toEqual({ service: 'cart', version: 'v1', lane: 'v1', onLane: true, keepsLane: true });
  });

  test('sourceLabels: falls back to the baseline and takes its lane where the callee lacks the version', () => {
    const plan = resolveChain(shop()).routing;
    expect(laneStep(plan, at('web', 'v2'), 'cart')).toEqual({ service: 'cart', version: 'v1', lane: 'v1', onLane: false, keepsLane: false });
  });

  test('header: falls back to the baseline and keeps its lane, which the next hop routes on', () => {
    const plan = resolveChain(shop({ laneMode: LaneMode.HEADER })).routing;
    const atCart = laneStep(plan, at('web', 'v2'), 'cart');
    expect(atCart).toEqual({ service: 'cart', version: 'v1', lane: 'v2', onLane: false, keepsLane: true });
    expect(laneStep(plan, atCart, 'pay')).toEqual({ service: 'pay', version: 'v2', lane: 'v2', onLane: true, keepsLane: true });
  });

  test('header: a lane no version has goes to the baseline', () => {
    const plan = resolveChain(shop({ laneMode: LaneMode.HEADER })).routing;
    expect(laneStep(plan, at('cart', 'v1', 'v7'), 'pay')).toMatchObject({ version: 'v1', lane: 'v7', onLane: false });
  });

  test('the entry has no lane routing: it is never called', () => {
    const plan = resolveChain(shop()).routing;
    expect(() => laneStep(plan, at('cart', 'v1'), 'web')).toThrow(/'web' has no lane routing/);
  });
});

describe('compareNatural', () => {
  test.each([
    ['v2', 'v10', -1], ['v10', 'v2', 1],
    ['v1', 'v1-rc', -1], ['v1-rc', 'v1', 1],
    ['v01', 'v1', -1], ['v1', 'v01', 1],
    ['a', 'b', -1], ['b', 'a', 1],
    ['v1', 'v1', 0],
    ['v1a', 'v1b', -1], ['v9z', 'v10a', -1],
  ])('compareNatural(%s, %s) has the sign of %d', (a, b, sign) => {
    expect(Math.sign(compareNatural(a as string, b as string))).toBe(sign);
  });
});
