import { explain, TracedPath } from '../lib/explain';
import { app, virtualService } from './explain/manifests';

/*
 * explain's reading of who calls: `withoutHeaders` conditions, the caller's namespace
 * (`sourceNamespace` matches, short host names, the default), and the Gateway's server hosts.
 * Each test fails if the corresponding handling in lib/explain/routing.ts is changed.
 */

function paths(result: TracedPath[]): Array<[number, string[], string | undefined]> {
  return result.map(p => [p.probability, p.path, p.error]);
}

const to = (subset: string) => ({ route: [{ destination: { host: 'web', subset } }] });

describe('withoutHeaders', () => {
  const manifests = (withoutHeaders: Record<string, unknown>) => [
    ...app('web', ['v1', 'v2']),
    virtualService('vs-web', { hosts: ['web'], http: [{ match: [{ withoutHeaders }], ...to('v1') }, to('v2')] }),
  ];
  const options = { callGraph: {} };

  test('a request without the header takes the route; one with the matching value does not', () => {
    const vs = manifests({ 'x-lane': { exact: 'v2' } });
    expect(paths(explain(vs, { host: 'web' }, options))).toEqual([[1, ['web-v1'], undefined]]);
    expect(paths(explain(vs, { host: 'web', headers: { 'x-lane': 'v2' } }, options))).toEqual([[1, ['web-v2'], undefined]]);
  });

  test('a request whose header has another value takes the route (the condition is about the value, not the presence)', () => {
    const vs = manifests({ 'x-lane': { exact: 'v2' } });
    expect(paths(explain(vs, { host: 'web', headers: { 'x-lane': 'v3' } }, options))).toEqual([[1, ['web-v1'], undefined]]);
  });

  test('every condition must hold: one matching header is enough to skip the route', () => {
    const vs = manifests({ 'x-a': { exact: '1' }, 'x-b': { exact: '1' } });
    expect(paths(explain(vs, { host: 'web', headers: { 'x-a': '1' } }, options))).toEqual([[1, ['web-v2'], undefined]]);
    expect(paths(explain(vs, { host: 'web', headers: { 'x-b': '1' } }, options))).toEqual([[1, ['web-v2'], undefined]]);
    expect(paths(explain(vs, { host: 'web', headers: { 'x-c': '1' } }, options))).toEqual([[1, ['web-v1'], undefined]]);
  });

  test('header names are compared without case, in the condition and in the request', () => {
    const vs = manifests({ 'X-Lane': { prefix: 'v' } });
    expect(paths(explain(vs, { host: 'web', headers: { 'x-LANE': 'v2' } }, options))).toEqual([[1, ['web-v2'], undefined]]);
  });
});

describe('the caller namespace', () => {
  const bySource = [
    ...app('web', ['v1', 'v2'], 'shop'),
    virtualService('vs-web', {
      hosts: ['web'],
      http: [
        { match: [{ sourceNamespace: 'shop' }], ...to('v2') },
        { match: [{ sourceNamespace: 'istio-system' }], ...to('v2') },
        to('v1'),
      ],
    }, 'shop'),
  ];
  const options = { callGraph: {} };
  const host = 'web.shop.svc.cluster.local';

  test('a sourceNamespace match holds only for a caller in that namespace', () => {
    expect(paths(explain(bySource, { host, sourceNamespace: 'shop' }, options))).toEqual([[1, ['web-v2'], undefined]]);
    expect(paths(explain(bySource, { host, sourceNamespace: 'other' }, options))).toEqual([[1, ['web-v1'], undefined]]);
  });

  test('a caller without a namespace is in the default namespace of the options, `default` unless set', () => {
    expect(paths(explain(bySource, { host }, { ...options, defaultNamespace: 'shop' }))).toEqual([[1, ['web-v2'], undefined]]);
    expect(paths(explain(bySource, { host }, options))).toEqual([[1, ['web-v1'], undefined]]);
  });

  test('a gateway request comes from the gateway\'s namespace, whatever the entry says', () => {
    const gatewayBound = [
      ...app('web', ['v1', 'v2'], 'shop'),
      virtualService('vs-gw', {
        hosts: ['shop.example.com'],
        gateways: ['istio-system/gw'],
        http: [{ match: [{ sourceNamespace: 'istio-system' }], ...to('v2') }, to('v1')],
      }, 'shop'),
    ];
    const entry = { gateway: 'istio-system/gw', host: 'shop.example.com', sourceNamespace: 'shop' };
    expect(paths(explain(gatewayBound, entry, options))).toEqual([[1, ['web-v2'], undefined]]);
  });

  test('a short host is read in the caller\'s namespace', () => {
    const plain = app('web', ['v1'], 'shop');
    expect(paths(explain(plain, { host: 'web', sourceNamespace: 'shop' }, options))).toEqual([[1, ['web-v1'], undefined]]);
    const fromDefault = explain(plain, { host: 'web' }, options);
    expect(fromDefault).toHaveLength(1);
    expect(fromDefault[0].path).toEqual([]);
    expect(fromDefault[0].error).toMatch(/web/);
  });

  test('a Deployment calls from its own namespace: its short hosts are read there', () => {
    const chain = [...app('web', ['v1'], 'shop'), ...app('cart', ['v1'], 'shop'), ...app('cart', ['v1'], 'default')];
    const result = explain(chain, { host: 'web', sourceNamespace: 'shop' }, { callGraph: { web: ['cart'] } });
    expect(paths(result)).toEqual([[1, ['web-v1', 'cart-v1'], undefined]]);
    expect(result[0].hops[1].via).toBe('Service shop/cart (no VirtualService)');
  });
});

describe('a Gateway\'s server hosts', () => {
  const gateway = (hosts: string[]) => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'gw', namespace: 'istio-system' },
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts }] },
  });
  const routing = [
    ...app('web', ['v1'], 'shop'),
    virtualService('vs-gw', { hosts: ['shop.example.com', 'other.example.com'], gateways: ['istio-system/gw'], http: [to('v1')] }, 'shop'),
  ];
  const options = { callGraph: {} };
  const entry = (host: string) => ({ gateway: 'istio-system/gw', host });

  test('a host the servers serve is routed', () => {
    expect(paths(explain([...routing, gateway(['shop.example.com'])], entry('shop.example.com'), options))).toEqual([[1, ['web-v1'], undefined]]);
    expect(paths(explain([...routing, gateway(['*.example.com'])], entry('other.example.com'), options))).toEqual([[1, ['web-v1'], undefined]]);
  });

  test('a host no server serves gets no route, though a VirtualService on the gateway binds it', () => {
    expect(paths(explain([...routing, gateway(['shop.example.com'])], entry('other.example.com'), options)))
      .toEqual([[1, [], 'gateway istio-system/gw -> other.example.com: 404: Gateway istio-system/gw has no server for host other.example.com']]);
  });

  test('a server host limited to a namespace serves only the VirtualServices of that namespace', () => {
    expect(paths(explain([...routing, gateway(['shop/shop.example.com'])], entry('shop.example.com'), options))).toEqual([[1, ['web-v1'], undefined]]);
    const other = explain([...routing, gateway(['payments/shop.example.com'])], entry('shop.example.com'), options);
    expect(paths(other)).toEqual([[1, [], 'gateway istio-system/gw -> shop.example.com: 404: no VirtualService on gateway istio-system/gw binds this host']]);
  });

  test('without the Gateway among the manifests, its servers are not assumed to refuse anything', () => {
    expect(paths(explain(routing, entry('other.example.com'), options))).toEqual([[1, ['web-v1'], undefined]]);
  });
});
