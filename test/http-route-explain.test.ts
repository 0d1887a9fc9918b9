import { explain } from '../lib/explain';
import { lintManifests } from '../lib/lint';

/*
 * explain on hand-written Gateway API manifests: Gateway API's precedence (not first match),
 * filters, and attachment to Gateways and Services; and validate's reference checks.
 */

const deployment = (name: string, app: string, version: string, namespace = 'default') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: { replicas: 1, selector: { matchLabels: { app, version } }, template: { metadata: { labels: { app, version } } } },
});
const service = (name: string, selector: Record<string, string>, namespace = 'default', port = 80) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ port }], selector },
});
const route = (name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name, namespace: 'default', ...metadata }, spec,
});
const to = (backend: string) => ({ backendRefs: [{ name: backend, port: 80 }] });
const onGateway = { parentRefs: [{ name: 'gw', namespace: 'edge' }] };
const onService = { parentRefs: [{ group: '', kind: 'Service', name: 'web' }] };

/** web in v1, v2, v3, each with its own Service. */
const WORKLOADS = [
  service('web', { app: 'web' }),
  ...['v1', 'v2', 'v3'].flatMap(v => [deployment(`web-${v}`, 'web', v), service(`web-${v}`, { app: 'web', version: v })]),
];

/** Where a gateway request for `host` with `headers` and `uri` goes: Deployments and the deciding rule. */
function gatewayTrace(routes: unknown[], headers: Record<string, string> = {}, uri = '/', host = 'shop.example.com') {
  return explain([...WORKLOADS, ...routes], { gateway: 'edge/gw', host, headers, uri }, { callGraph: {} })
    .map(p => ({ probability: p.probability, path: p.path.join(' > '), via: p.hops[0]?.via, error: p.error }));
}

describe('explain: Gateway API precedence', () => {
  test('a rule with more header matches wins over an earlier one with fewer, whatever the order', () => {
    const routes = [route('r', {
      ...onGateway,
      rules: [
        { ...to('web-v1') },
        { matches: [{ headers: [{ name: 'x-a', value: '1' }] }], ...to('web-v2') },
        { matches: [{ headers: [{ name: 'x-a', value: '1' }, { name: 'x-b', value: '1' }] }], ...to('web-v3') },
      ],
    })];
    expect(gatewayTrace(routes, { 'x-a': '1', 'x-b': '1' })).toEqual([{ probability: 1, path: 'web-v3', via: 'HTTPRoute default/r rules[2]', error: undefined }]);
    expect(gatewayTrace(routes, { 'x-a': '1' })[0].path).toBe('web-v2');
    expect(gatewayTrace(routes)[0].path).toBe('web-v1');
  });

  test('an exact path beats any prefix, a longer prefix a shorter one; PathPrefix matches whole segments', () => {
    const routes = [route('r', {
      ...onGateway,
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ name: 'x-a', value: '1' }] }], ...to('web-v1') },
        { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], ...to('web-v2') },
        { matches: [{ path: { type: 'Exact', value: '/api/cart' } }], ...to('web-v3') },
      ],
    })];
    expect(gatewayTrace(routes, { 'x-a': '1' }, '/api/cart')[0].path).toBe('web-v3');
    expect(gatewayTrace(routes, { 'x-a': '1' }, '/api/orders?page=2')[0].path).toBe('web-v2');
    expect(gatewayTrace(routes, { 'x-a': '1' }, '/apix')[0].path).toBe('web-v1');
    expect(gatewayTrace(routes, {}, '/apix')[0].error).toBe('gateway edge/gw -> shop.example.com: 404: no rule of the HTTPRoutes attached to Gateway edge/gw matched');
  });

  test('across routes on one parent: the most specific hostname, then the oldest route, then the name', () => {
    const catchAll = { rules: [to('web-v1')] };
    const byAge = [
      route('b-older', { ...onGateway, ...catchAll }, { creationTimestamp: '2024-01-01T00:00:00Z' }),
      route('a-newer', { ...onGateway, rules: [to('web-v2')] }, { creationTimestamp: '2025-01-01T00:00:00Z' }),
    ];
    expect(gatewayTrace(byAge)[0].via).toBe('HTTPRoute default/b-older rules[0]');
    const byName = [route('b', { ...onGateway, ...catchAll }), route('a', { ...onGateway, rules: [to('web-v2')] })];
    expect(gatewayTrace(byName)[0].via).toBe('HTTPRoute default/a rules[0]');
    const byHost = [
      route('a-wildcard', { ...onGateway, hostnames: ['*.example.com'], ...catchAll }),
      route('b-exact', { ...onGateway, hostnames: ['shop.example.com'], rules: [to('web-v3')] }),
    ];
    expect(gatewayTrace(byHost)[0].via).toBe('HTTPRoute default/b-exact rules[0]');
    expect(gatewayTrace(byHost, {}, '/', 'cart.example.com')[0].via).toBe('HTTPRoute default/a-wildcard rules[0]');
    expect(gatewayTrace(byHost, {}, '/', 'shop.example.org')[0].error).toMatch(/: 404: no rule/);
  });

  test('weights split the requests; RequestHeaderModifier filters of the rule and the backend set what the next hop sees', () => {
    const routes = [route('r', {
      ...onGateway,
      rules: [{
        filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-lane', value: 'rule' }] } }],
        backendRefs: [
          { name: 'web-v1', port: 80, weight: 3 },
          { name: 'web-v2', port: 80, weight: 1, filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-lane', value: 'v2' }] } }] },
          { name: 'web-v3', port: 80, weight: 0 },
        ],
      }],
    }), route('next', {
      parentRefs: [{ group: '', kind: 'Service', name: 'cart' }],
      rules: [
        { matches: [{ headers: [{ name: 'x-lane', value: 'v2' }] }], ...to('cart-v2') },
        to('cart-v1'),
      ],
    })];
    const cart = [service('cart', { app: 'cart' }), ...['v1', 'v2'].flatMap(v => [deployment(`cart-${v}`, 'cart', v), service(`cart-${v}`, { app: 'cart', version: v })])];
    const paths = explain([...WORKLOADS, ...cart, ...routes], { gateway: 'edge/gw', host: 'shop.example.com' },
      { callGraph: { web: ['cart'] }, forwardHeaders: ['x-lane'] });
    expect(paths.map(p => [p.probability, p.path.join(' > ')])).toEqual([[0.75, 'web-v1 > cart-v1'], [0.25, 'web-v2 > cart-v2']]);
  });

  test('a mesh request follows the routes attached to the Service it calls; a route in the caller\'s namespace replaces the Service\'s own', () => {
    const own = route('own', { ...onService, rules: [to('web-v2')] });
    const consumer = route('consumer', { parentRefs: [{ group: '', kind: 'Service', name: 'web', namespace: 'default' }], rules: [{ backendRefs: [{ name: 'web-v3', namespace: 'default', port: 80 }] }] }, { namespace: 'team-b' });
    const fromDefault = explain([...WORKLOADS, own, consumer], { host: 'web' }, { callGraph: {} });
    expect(fromDefault.map(p => [p.path.join(' > '), p.hops[0].via])).toEqual([['web-v2', 'HTTPRoute default/own rules[0]']]);
    const grant = {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'team-b', namespace: 'default' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'team-b' }], to: [{ group: '', kind: 'Service' }] },
    };
    const fromTeamB = explain([...WORKLOADS, own, consumer, grant], { host: 'web.default', sourceNamespace: 'team-b' }, { callGraph: {} });
    expect(fromTeamB.map(p => [p.path.join(' > '), p.hops[0].via])).toEqual([['web-v3', 'HTTPRoute team-b/consumer rules[0]']]);
    const ungranted = explain([...WORKLOADS, own, consumer], { host: 'web.default', sourceNamespace: 'team-b' }, { callGraph: {} });
    expect(ungranted.map(p => p.error)).toEqual([
      'mesh caller -> web.default: 500: backendRef Service default/web-v3 is in another namespace and no ReferenceGrant there allows it [HTTPRoute team-b/consumer rules[0]]',
    ]);
  });

  test('a Gateway among the manifests takes a route only on a listener that admits its namespace and serves the host', () => {
    const gateway = (listeners: unknown[]) => ({
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'edge' }, spec: { gatewayClassName: 'istio', listeners },
    });
    const routes = [route('r', { ...onGateway, rules: [to('web-v2')] })];
    const all = { allowedRoutes: { namespaces: { from: 'All' } } };
    expect(gatewayTrace([...routes, gateway([{ name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com', ...all }])])[0].path).toBe('web-v2');
    expect(gatewayTrace([...routes, gateway([{ name: 'http', port: 80, protocol: 'HTTP', hostname: 'other.example.com', ...all }])])[0].error)
      .toBe('gateway edge/gw -> shop.example.com: 404: no listener of Gateway edge/gw takes the HTTPRoutes attached to it for host shop.example.com');
    expect(gatewayTrace([...routes, gateway([{ name: 'http', port: 80, protocol: 'HTTP' }])])[0].error).toMatch(/404: no listener of Gateway edge\/gw/);
  });

  test('a match on the method never holds for a traced request; a rule without backends is a 500', () => {
    const routes = [route('r', { ...onGateway, rules: [{ matches: [{ method: 'GET' }], ...to('web-v2') }, { matches: [{ path: { type: 'PathPrefix', value: '/' } }] }] })];
    expect(gatewayTrace(routes)).toEqual([{ probability: 1, path: '', via: undefined, error: 'gateway edge/gw -> shop.example.com: 500: the rule has no backendRefs [HTTPRoute default/r rules[1]]' }]);
  });
});

describe('validate: Gateway API references', () => {
  const lint = (objects: unknown[]) => lintManifests(objects.map((object, index) => ({ file: 'm.yaml', index, object: object as Record<string, unknown> })))
    .filter(f => f.object.startsWith('HTTPRoute') || f.object.startsWith('Gateway')).map(f => `${f.object}: ${f.message}`);
  const gateway = (from?: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'gw', namespace: 'edge' },
    spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', ...(from ? { allowedRoutes: { namespaces: from } } : {}), ...extra }] },
  });

  test('finds parents and backends that are not among the manifests, and ports a Service does not have', () => {
    expect(lint([service('web-v1', { app: 'web' }), route('r', {
      parentRefs: [{ name: 'gw', namespace: 'edge' }, { group: '', kind: 'Service', name: 'web', port: 80 }],
      rules: [{ backendRefs: [{ name: 'web-v1', port: 8080 }, { name: 'web-v9', port: 80 }] }],
    })])).toEqual([
      'HTTPRoute default/r: spec.parentRefs[0]: Gateway edge/gw is not among the manifests',
      'HTTPRoute default/r: spec.parentRefs[1]: Service default/web is not among the manifests',
      'HTTPRoute default/r: spec.rules[0].backendRefs[0]: Service default/web-v1 has no port 8080 (its ports: 80)',
      'HTTPRoute default/r: spec.rules[0].backendRefs[1]: Service default/web-v9 is not among the manifests',
    ]);
  });

  test('finds a Gateway whose listeners do not admit the route\'s namespace, and a listener that does not exist', () => {
    const attached = route('r', { ...onGateway, rules: [to('web-v1')] });
    expect(lint([...WORKLOADS, gateway(), attached])).toEqual([
      'HTTPRoute default/r: spec.parentRefs[0]: no listener of Gateway edge/gw admits routes from namespace default (allowedRoutes.namespaces); set `from: All`, or a selector that matches it',
    ]);
    expect(lint([...WORKLOADS, gateway({ from: 'All' }), attached])).toEqual([]);
    expect(lint([...WORKLOADS, gateway({ from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } } }), attached])).toEqual([]);
    expect(lint([...WORKLOADS, gateway({ from: 'All' }), route('r', { parentRefs: [{ name: 'gw', namespace: 'edge', sectionName: 'https' }], rules: [to('web-v1')] })]))
      .toEqual(['HTTPRoute default/r: spec.parentRefs[0]: Gateway edge/gw has no listener "https"']);
  });

  test('a backend or a certificate in another namespace needs a ReferenceGrant there', () => {
    const crossing = route('r', { ...onService, rules: [{ backendRefs: [{ name: 'pay', namespace: 'billing', port: 80 }] }] });
    const billing = service('pay', { app: 'pay' }, 'billing');
    expect(lint([...WORKLOADS, billing, crossing])).toEqual([
      'HTTPRoute default/r: spec.rules[0].backendRefs[0]: Service billing/pay is in another namespace, and no ReferenceGrant in billing lets HTTPRoutes of default refer to it; add one, or move the route next to the Service',
    ]);
    const grant = {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'routes', namespace: 'billing' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }], to: [{ group: '', kind: 'Service' }] },
    };
    expect(lint([...WORKLOADS, billing, crossing, grant])).toEqual([]);
    const wrongGrant = { ...grant, spec: { ...grant.spec, from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'other' }] } };
    expect(lint([...WORKLOADS, billing, crossing, wrongGrant])).toHaveLength(1);
    const tls = gateway({ from: 'All' }, { protocol: 'HTTPS', port: 443, tls: { certificateRefs: [{ name: 'cert', namespace: 'certs' }] } });
    expect(lint([tls])).toEqual([
      'Gateway edge/gw: spec.listeners[0].tls.certificateRefs[0]: Secret certs/cert is in another namespace, and no ReferenceGrant in certs lets Gateways of edge refer to it; add one',
    ]);
  });
});
