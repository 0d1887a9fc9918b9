import { explain, TracedPath } from '../lib/explain';
import { app, deployment, destinationRule, service, versioned, virtualService } from './explain/manifests';

/** [probability, path] pairs, the part of a result most tests check. */
function summary(paths: TracedPath[]): Array<[number, string[]]> {
  return paths.map(p => [p.probability, p.path]);
}

function route(host: string, subset?: string, extra: Record<string, unknown> = {}) {
  return { destination: subset === undefined ? { host } : { host, subset }, ...extra };
}

function setLane(lane: string) {
  return { headers: { request: { set: { 'x-lane': lane } } } };
}

describe('header lanes with a gap', () => {
  // appa stamps x-lane; appb has no v2; appc follows x-lane.
  const manifests = [
    ...app('appa', ['v1', 'v2']),
    ...app('appb', ['v1']),
    ...app('appc', ['v1', 'v2']),
    virtualService('vs-appa', {
      hosts: ['appa'],
      http: [
        { match: [{ headers: { 'x-lane': { exact: 'v2' } } }], route: [route('appa', 'v2', setLane('v2'))] },
        { route: [route('appa', 'v1', { weight: 70, ...setLane('v1') }), route('appa', 'v2', { weight: 30, ...setLane('v2') })] },
      ],
    }),
    virtualService('vs-appb', {
      hosts: ['appb'],
      http: [{ route: [route('appb', 'v1')] }],
    }),
    virtualService('vs-appc', {
      hosts: ['appc'],
      http: [
        { match: [{ headers: { 'x-lane': { exact: 'v2' } } }], route: [route('appc', 'v2')] },
        { route: [route('appc', 'v1')] },
      ],
    }),
  ];
  const callGraph = { appa: ['appb'], appb: ['appc'] };

  test('a forwarded lane header survives the service that lacks v2', () => {
    const paths = explain(manifests, { host: 'appa', headers: { 'x-lane': 'v2' } }, { callGraph, forwardHeaders: ['x-lane'] });
    expect(summary(paths)).toEqual([[1, ['appa-v2', 'appb-v1', 'appc-v2']]]);
    expect(paths[0].hops.map(h => h.via)).toEqual([
      'VirtualService default/vs-appa http[0]',
      'VirtualService default/vs-appb http[0]',
      'VirtualService default/vs-appc http[0]',
    ]);
  });

  test('without forwarding the lane is lost after the first hop', () => {
    const paths = explain(manifests, { host: 'appa', headers: { 'x-lane': 'v2' } }, { callGraph });
    expect(summary(paths)).toEqual([[1, ['appa-v2', 'appb-v1', 'appc-v1']]]);
  });

  test('forward header names are case-insensitive', () => {
    const paths = explain(manifests, { host: 'appa', headers: { 'X-Lane': 'v2' } }, { callGraph, forwardHeaders: ['X-LANE'] });
    expect(summary(paths)).toEqual([[1, ['appa-v2', 'appb-v1', 'appc-v2']]]);
  });

  test('the stamped header, not the incoming one, follows each weighted branch', () => {
    const paths = explain(manifests, { host: 'appa', headers: { 'x-lane': 'v9' } }, { callGraph, forwardHeaders: ['x-lane'] });
    expect(summary(paths)).toEqual([
      [0.7, ['appa-v1', 'appb-v1', 'appc-v1']],
      [0.3, ['appa-v2', 'appb-v1', 'appc-v2']],
    ]);
  });

  test('a route-level set applies to every destination, a destination-level set overrides it', () => {
    const stamped = [
      ...app('appa', ['v1', 'v2']),
      ...app('appc', ['v1', 'v2']),
      virtualService('vs-appa', {
        hosts: ['appa'],
        http: [{
          headers: { request: { set: { 'x-lane': 'v2' } } },
          route: [route('appa', 'v1', { weight: 50 }), route('appa', 'v1', { weight: 50, ...setLane('v1') })],
        }],
      }),
      virtualService('vs-appc', {
        hosts: ['appc'],
        http: [
          { match: [{ headers: { 'x-lane': { exact: 'v2' } } }], route: [route('appc', 'v2')] },
          { route: [route('appc', 'v1')] },
        ],
      }),
    ];
    const paths = explain(stamped, { host: 'appa' }, { callGraph: { appa: ['appc'] }, forwardHeaders: ['x-lane'] });
    expect(summary(paths)).toEqual([
      [0.5, ['appa-v1', 'appc-v1']],
      [0.5, ['appa-v1', 'appc-v2']],
    ]);
  });
});

describe('fan-out', () => {
  // appa calls appb then appc; appb (no VirtualService, replicas 1 and 3) calls appd.
  const manifests = [
    service('appa'), versioned('appa', 'v1'),
    service('appb'), versioned('appb', 'v1', { replicas: 1 }), versioned('appb', 'v2', { replicas: 3 }),
    ...app('appc', ['v1', 'v2']),
    service('appd'), versioned('appd', 'v1'),
    virtualService('vs-appc', { hosts: ['appc'], http: [{ route: [route('appc', 'v1'), route('appc', 'v2')] }] }),
  ];
  const callGraph = { appa: ['appb', 'appc'], appb: ['appd'] };

  test('paths list every Deployment in preorder with product probabilities', () => {
    const paths = explain(manifests, { host: 'appa' }, { callGraph });
    expect(summary(paths)).toEqual([
      [0.375, ['appa-v1', 'appb-v2', 'appd-v1', 'appc-v1']],
      [0.375, ['appa-v1', 'appb-v2', 'appd-v1', 'appc-v2']],
      [0.125, ['appa-v1', 'appb-v1', 'appd-v1', 'appc-v1']],
      [0.125, ['appa-v1', 'appb-v1', 'appd-v1', 'appc-v2']],
    ]);
    expect(paths[0].hops).toEqual([
      { deployment: 'appa-v1', via: 'Service default/appa (no VirtualService)' },
      { deployment: 'appb-v2', via: 'Service default/appb (no VirtualService)' },
      { deployment: 'appd-v1', via: 'Service default/appd (no VirtualService)' },
      { deployment: 'appc-v1', via: 'VirtualService default/vs-appc http[0]' },
    ]);
    expect(paths.every(p => p.error === undefined)).toBe(true);
  });

  test('identical paths merge: two destinations of one subset are one path', () => {
    const twice = [
      ...app('appc', ['v1', 'v2']),
      virtualService('vs-appc', { hosts: ['appc'], http: [{ route: [route('appc', 'v1', { weight: 25 }), route('appc', 'v1', { weight: 75 })] }] }),
    ];
    expect(summary(explain(twice, { host: 'appc' }, { callGraph: {} }))).toEqual([[1, ['appc-v1']]]);
  });

  test('a call cycle stops with an error', () => {
    const paths = explain(manifests, { host: 'appb' }, { callGraph: { appb: ['appd'], appd: ['appb'] } });
    // appd's call back to appb has no VirtualService, so it splits 1:3 by replicas again
    expect(summary(paths)).toEqual([
      [0.5625, ['appb-v2', 'appd-v1', 'appb-v2']],
      [0.1875, ['appb-v1', 'appd-v1', 'appb-v2']],
      [0.1875, ['appb-v2', 'appd-v1', 'appb-v1']],
      [0.0625, ['appb-v1', 'appd-v1', 'appb-v1']],
    ]);
    for (const path of paths) expect(path.error).toBe('call cycle: appb > appd > appb');
  });

  test('more than 10000 paths throw', () => {
    const wide: unknown[] = [service('root'), deployment('root-1', { app: 'root' })];
    const callees = ['s1', 's2', 's3', 's4', 's5'];
    for (const name of callees) {
      wide.push(service(name));
      for (let i = 0; i < 10; i++) wide.push(deployment(`${name}-${i}`, { app: name }));
    }
    expect(() => explain(wide, { host: 'root' }, { callGraph: { root: callees } })).toThrow(/10000/);
  });
});

describe('routing failures', () => {
  const callGraph = { appa: ['appb'] };

  test('a subset no DestinationRule defines ends the path with an error', () => {
    const manifests = [
      service('appa'), versioned('appa', 'v1'),
      ...app('appb', ['v1', 'v2']),
      virtualService('vs-appb', { hosts: ['appb'], http: [{ route: [route('appb', 'v3')] }] }),
    ];
    const paths = explain(manifests, { host: 'appa' }, { callGraph });
    expect(summary(paths)).toEqual([[1, ['appa-v1']]]);
    expect(paths[0].error).toContain("subset 'v3' of appb.default.svc.cluster.local is not defined in any DestinationRule");
    expect(paths[0].error).toContain('appa-v1 -> appb');
  });

  test('a subset that selects no Deployment is an error', () => {
    const manifests = [
      service('appb'), versioned('appb', 'v1'), destinationRule('dr-appb', 'appb', ['v1', 'v2']),
      virtualService('vs-appb', { hosts: ['appb'], http: [{ route: [route('appb', 'v1', { weight: 60 }), route('appb', 'v2', { weight: 40 })] }] }),
    ];
    const paths = explain(manifests, { host: 'appb' }, { callGraph: {} });
    expect(summary(paths)).toEqual([[0.6, ['appb-v1']], [0.4, []]]);
    expect(paths[0].error).toBeUndefined();
    expect(paths[1].error).toContain('selects no Deployment');
  });

  test('no route matched is a 404', () => {
    const manifests = [
      ...app('appb', ['v1']),
      virtualService('vs-appb', { hosts: ['appb'], http: [{ match: [{ headers: { 'x-lane': { exact: 'v1' } } }], route: [route('appb', 'v1')] }] }),
    ];
    const paths = explain(manifests, { host: 'appb' }, { callGraph: {} });
    expect(summary(paths)).toEqual([[1, []]]);
    expect(paths[0].error).toMatch(/404: no http route of VirtualService default\/vs-appb matched/);
  });

  test('an unknown host is an error', () => {
    const paths = explain([service('appa'), versioned('appa', 'v1')], { host: 'appa' }, { callGraph: { appa: ['nowhere'] } });
    expect(summary(paths)).toEqual([[1, ['appa-v1']]]);
    expect(paths[0].error).toContain("unknown host 'nowhere'");
  });

  test('a missing delegate is an error', () => {
    const manifests = [
      ...app('appa', ['v1']),
      virtualService('root', { hosts: ['appa'], http: [{ delegate: { name: 'gone' } }] }),
    ];
    const paths = explain(manifests, { host: 'appa' }, { callGraph: {} });
    expect(paths[0].error).toContain('delegate VirtualService default/gone is not defined');
  });
});

describe('match conditions', () => {
  const base = [...app('appa', ['v1', 'v2', 'v10'])];

  test('regex must match the whole header value', () => {
    const manifests = [
      ...base,
      virtualService('vs-appa', {
        hosts: ['appa'],
        http: [
          { match: [{ headers: { version: { regex: 'v1' } } }], route: [route('appa', 'v1')] },
          { match: [{ headers: { version: { regex: 'v1.*' } } }], route: [route('appa', 'v10')] },
          { route: [route('appa', 'v2')] },
        ],
      }),
    ];
    const to = (version: string) => explain(manifests, { host: 'appa', headers: { version } }, { callGraph: {} })[0].path;
    expect(to('v1')).toEqual(['appa-v1']);
    expect(to('v10')).toEqual(['appa-v10']);
    expect(to('xv1')).toEqual(['appa-v2']);
  });

  test('prefix and exact headers, uri prefix and the first matching route', () => {
    const manifests = [
      ...base,
      virtualService('vs-appa', {
        hosts: ['appa'],
        http: [
          { match: [{ uri: { prefix: '/api' }, headers: { 'x-user': { prefix: 'test-' } } }], route: [route('appa', 'v10')] },
          { match: [{ uri: { exact: '/api' } }, { headers: { 'x-user': { exact: 'bob' } } }], route: [route('appa', 'v1')] },
          { route: [route('appa', 'v2')] },
        ],
      }),
    ];
    const to = (uri: string, user?: string) =>
      explain(manifests, { host: 'appa', uri, headers: user ? { 'x-user': user } : {} }, { callGraph: {} })[0].path;
    expect(to('/api/x', 'test-1')).toEqual(['appa-v10']);
    expect(to('/api', 'alice')).toEqual(['appa-v1']);
    expect(to('/other', 'bob')).toEqual(['appa-v1']);
    expect(to('/api/x', 'alice')).toEqual(['appa-v2']);
    expect(to('/')).toEqual(['appa-v2']);
  });

  test('sourceLabels never match gateway traffic', () => {
    const manifests = [
      ...base,
      virtualService('vs-appa', {
        hosts: ['shop.example.com'],
        gateways: ['istio-system/gw'],
        http: [
          { match: [{ sourceLabels: { app: 'curl' } }], route: [route('appa', 'v1')] },
          { route: [route('appa', 'v2')] },
        ],
      }),
    ];
    const paths = explain(manifests, { gateway: 'istio-system/gw', host: 'shop.example.com', sourceLabels: { app: 'curl' } }, { callGraph: {} });
    expect(summary(paths)).toEqual([[1, ['appa-v2']]]);
  });

  test('gateways in a match: short names are read in the root VirtualService namespace', () => {
    const manifests = [
      ...base,
      virtualService('vs-appa', {
        hosts: ['appa', 'shop.example.com'],
        gateways: ['gw', 'mesh'],
        http: [
          { match: [{ gateways: ['gw'] }], route: [route('appa', 'v1')] },
          { match: [{ gateways: ['mesh'] }], route: [route('appa', 'v2')] },
        ],
      }),
    ];
    expect(explain(manifests, { gateway: 'default/gw', host: 'shop.example.com' }, { callGraph: {} })[0].path).toEqual(['appa-v1']);
    expect(explain(manifests, { host: 'appa' }, { callGraph: {} })[0].path).toEqual(['appa-v2']);
    // a gateway of another namespace does not bind
    expect(explain(manifests, { gateway: 'other/gw', host: 'shop.example.com' }, { callGraph: {} })[0].error).toMatch(/404/);
  });

  test('a delegate whose routes all miss falls through to the root\'s next route', () => {
    const manifests = [
      ...base,
      virtualService('root', {
        hosts: ['appa'],
        http: [
          { delegate: { name: 'child', namespace: 'default' } },
          { route: [route('appa', 'v2')] },
        ],
      }),
      virtualService('child', { http: [{ match: [{ headers: { 'x-lane': { exact: 'v1' } } }], route: [route('appa', 'v1')] }] }),
    ];
    const hit = explain(manifests, { host: 'appa', headers: { 'x-lane': 'v1' } }, { callGraph: {} });
    expect(hit[0].path).toEqual(['appa-v1']);
    expect(hit[0].hops[0].via).toBe('VirtualService default/root http[0] > VirtualService default/child http[0]');
    const miss = explain(manifests, { host: 'appa' }, { callGraph: {} });
    expect(miss[0].path).toEqual(['appa-v2']);
    expect(miss[0].hops[0].via).toBe('VirtualService default/root http[1]');
  });
});

describe('hosts', () => {
  const base = [...app('appa', ['v1', 'v2'])];

  test('a wildcard host binds any subdomain through the gateway', () => {
    const manifests = [
      ...base,
      virtualService('vs-entry', { hosts: ['*.example.com'], gateways: ['gw'], http: [{ route: [route('appa', 'v2')] }] }, 'edge'),
    ];
    const entry = { gateway: 'edge/gw', host: 'shop.example.com' };
    const paths = explain(manifests, entry, { callGraph: {} });
    // the destination host 'appa' is read in the VirtualService's namespace 'edge': no such Service
    expect(paths[0].error).toContain("unknown host 'appa'");

    const fixed = [
      ...base,
      virtualService('vs-entry', { hosts: ['*.example.com'], gateways: ['gw'], http: [{ route: [route('appa.default.svc.cluster.local', 'v2')] }] }, 'edge'),
    ];
    expect(summary(explain(fixed, entry, { callGraph: {} }))).toEqual([[1, ['appa-v2']]]);
    expect(explain(fixed, { gateway: 'edge/gw', host: 'a.b.example.com' }, { callGraph: {} })[0].path).toEqual(['appa-v2']);
    expect(explain(fixed, { gateway: 'edge/gw', host: 'example.com' }, { callGraph: {} })[0].error).toMatch(/404/);
  });

  test('FQDN and short hosts across namespaces', () => {
    const manifests = [
      service('appa'), versioned('appa', 'v1'),
      service('appb', { namespace: 'shop' }), versioned('appb', 'v1', { namespace: 'shop' }), versioned('appb', 'v2', { namespace: 'shop' }),
      destinationRule('dr-appb', 'appb', ['v1', 'v2'], 'shop'),
      virtualService('vs-appb', {
        hosts: ['appb.shop.svc.cluster.local'],
        http: [{ route: [route('appb.shop.svc.cluster.local', 'v2')] }],
      }, 'shop'),
    ];
    // appa (namespace default) calls appb by its namespaced short name and by FQDN: both bind vs-appb
    for (const host of ['appb.shop', 'appb.shop.svc.cluster.local']) {
      const paths = explain(manifests, { host: 'appa' }, { callGraph: { appa: [host] } });
      expect(summary(paths)).toEqual([[1, ['appa-v1', 'appb-v2']]]);
      expect(paths[0].hops[1].via).toBe('VirtualService shop/vs-appb http[0]');
    }
    // the bare short name from namespace default names no Service there
    const paths = explain(manifests, { host: 'appa' }, { callGraph: { appa: ['appb'] } });
    expect(paths[0].error).toContain("unknown host 'appb'");
    // a caller in namespace shop may use the short name
    expect(summary(explain(manifests, { host: 'appb', sourceNamespace: 'shop' }, { callGraph: {} }))).toEqual([[1, ['appb-v2']]]);
  });

  test('several binding VirtualServices: the first in manifest order routes, and the hop says so', () => {
    const manifests = [
      ...base,
      virtualService('first', { hosts: ['appa'], http: [{ route: [route('appa', 'v1')] }] }),
      virtualService('second', { hosts: ['appa.default.svc.cluster.local'], http: [{ route: [route('appa', 'v2')] }] }),
    ];
    const paths = explain(manifests, { host: 'appa' }, { callGraph: {} });
    expect(summary(paths)).toEqual([[1, ['appa-v1']]]);
    expect(paths[0].hops[0].via).toBe(
      'VirtualService default/first http[0] (first of 2 binding VirtualServices; ignored: VirtualService default/second)');
  });
});
