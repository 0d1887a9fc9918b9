import { explain } from '../lib/explain';
import { formatFinding, lintManifests } from '../lib/lint';
import { dottedHostHint, LabelIndex, requestHostNames, resolveConfigHost } from '../lib/manifests';
import { destinationRule, service, versioned, virtualService } from './explain/manifests';

/*
 * explain and lint read hosts through one kernel (lib/manifests), as Istio does: a host in
 * config is expanded only when it is a short name; `cart.shop` stays `cart.shop`.
 */

/** Cart in namespace shop: its Service, one Deployment and a DestinationRule for host `cart` there. */
function cartInShop(ruleHost = 'cart'): unknown[] {
  return [
    service('cart', { namespace: 'shop' }),
    versioned('cart', 'v1', { namespace: 'shop' }),
    destinationRule('dr-cart', ruleHost, ['v1'], 'shop'),
  ];
}

/** A VirtualService in namespace web for the full name of cart, sending everything to `destinationHost` subset v1. */
function routeFromWeb(destinationHost: string): unknown {
  return virtualService('vs-cart', {
    hosts: ['cart.shop.svc.cluster.local'],
    http: [{ route: [{ destination: { host: destinationHost, subset: 'v1' } }] }],
  }, 'web');
}

/** What explain says of a mesh call from namespace web to `cart.shop`, and what lint finds, one line each. */
function both(manifests: unknown[]): { explained: string[]; findings: string[] } {
  const paths = explain(manifests, { host: 'cart.shop', sourceNamespace: 'web' }, { callGraph: {} });
  const loaded = manifests.map((object, index) => ({ file: 'm.yaml', index, object: object as Record<string, unknown> }));
  return {
    explained: paths.map(p => `${p.probability} ${p.path.join(' > ')}${p.error ? ` !! ${p.error}` : ''}`),
    findings: lintManifests(loaded).map(formatFinding),
  };
}

describe('explain and lint agree on hosts', () => {
  test('a destination cart.shop is not the Service cart of namespace shop: both say so, with the fix', () => {
    const hint = '; Istio reads a host with a dot in config as written: write cart.shop.svc.cluster.local';
    expect(both([...cartInShop(), routeFromWeb('cart.shop')])).toEqual({
      explained: [`1  !! mesh caller -> cart.shop: unknown host 'cart.shop': no Service of that name${hint} [VirtualService web/vs-cart http[0]]`],
      findings: [`m.yaml: VirtualService web/vs-cart: spec.http[0].route[0].destination: subset v1 of host cart.shop is not defined: no DestinationRule for that host is among the manifests${hint}`],
    });
  });

  test('the full name reaches it, and the DestinationRule for host cart in shop defines its subsets', () => {
    expect(both([...cartInShop(), routeFromWeb('cart.shop.svc.cluster.local')])).toEqual({ explained: ['1 cart-v1'], findings: [] });
  });

  test('the short name reaches it from a VirtualService in its own namespace', () => {
    const inShop = virtualService('vs-cart', { hosts: ['cart'], http: [{ route: [{ destination: { host: 'cart', subset: 'v1' } }] }] }, 'shop');
    expect(both([...cartInShop(), inShop])).toEqual({ explained: ['1 cart-v1'], findings: [] });
  });

  test('a DestinationRule for host cart.shop does not cover the Service cart of namespace shop: both say so', () => {
    expect(both([...cartInShop('cart.shop'), routeFromWeb('cart.shop.svc.cluster.local')])).toEqual({
      explained: ['1  !! mesh caller -> cart.shop: subset \'v1\' of cart.shop.svc.cluster.local is not defined in any DestinationRule [VirtualService web/vs-cart http[0]]'],
      findings: ['m.yaml: VirtualService web/vs-cart: spec.http[0].route[0].destination: subset v1 of host cart.shop.svc.cluster.local is not defined: no DestinationRule for that host is among the manifests'],
    });
  });
});

describe('the manifest kernel', () => {
  test('config hosts: only short names are expanded, in the namespace of the object', () => {
    expect(resolveConfigHost('cart', 'shop')).toBe('cart.shop.svc.cluster.local');
    expect(resolveConfigHost('Cart.', 'shop')).toBe('cart.shop.svc.cluster.local');
    expect(resolveConfigHost('cart.shop', 'web')).toBe('cart.shop');
    expect(resolveConfigHost('cart.shop.svc', 'web')).toBe('cart.shop.svc');
    expect(resolveConfigHost('*', 'web')).toBe('*');
    expect(resolveConfigHost('*.example.com', 'web')).toBe('*.example.com');
    expect(resolveConfigHost('192.168.1.106', 'web')).toBe('192.168.1.106');
    expect(resolveConfigHost('::1', 'web')).toBe('::1');
  });

  test('request hosts: the names the caller\'s DNS search path and Istio\'s virtual hosts give them', () => {
    expect(requestHostNames('cart', 'shop')).toEqual(['cart.shop.svc.cluster.local']);
    expect(requestHostNames('cart.shop', 'web')).toEqual(['cart.shop', 'cart.shop.svc.cluster.local']);
    expect(requestHostNames('cart.shop.svc', 'web')).toEqual(['cart.shop.svc', 'cart.shop.svc.cluster.local']);
    expect(requestHostNames('cart.shop.svc.cluster.local:8080', 'web')).toEqual(['cart.shop.svc.cluster.local']);
    expect(requestHostNames('shop.example.com', 'web')).toEqual(['shop.example.com']);
  });

  test('the hint for name.namespace hosts, and none for others', () => {
    expect(dottedHostHint('cart.shop')).toBe('; Istio reads a host with a dot in config as written: write cart.shop.svc.cluster.local');
    expect(dottedHostHint('cart.shop.svc')).toBe('; Istio reads a host with a dot in config as written: write cart.shop.svc.cluster.local');
    for (const host of ['cart', 'cart.shop.svc.cluster.local', 'shop.example.com', '*.shop', '10.0.0.1']) expect(dottedHostHint(host)).toBe('');
  });

  test('label selection: every label set, in the namespace only, in the original order', () => {
    const pods: Array<{ name: string; namespace: string; labels: Record<string, string> }> = [
      { name: 'a-v1', namespace: 'shop', labels: { app: 'a', version: 'v1' } },
      { name: 'a-v2', namespace: 'shop', labels: { app: 'a', version: 'v2', canary: 'yes' } },
      { name: 'a-v1-other', namespace: 'other', labels: { app: 'a', version: 'v1' } },
      { name: 'a-v2b', namespace: 'shop', labels: { app: 'a', version: 'v2' } },
    ];
    const index = new LabelIndex(pods);
    const names = (found: Array<{ name: string }>) => found.map(pod => pod.name);
    expect(names(index.select('shop', { app: 'a' }))).toEqual(['a-v1', 'a-v2', 'a-v2b']);
    expect(names(index.select('shop', { app: 'a' }, { version: 'v2' }))).toEqual(['a-v2', 'a-v2b']);
    expect(names(index.select('shop', { version: 'v2' }, { canary: 'yes' }))).toEqual(['a-v2']);
    expect(names(index.select('shop', { app: 'a' }, { app: 'b' }))).toEqual([]);
    expect(names(index.select('other', { app: 'a' }))).toEqual(['a-v1-other']);
    expect(names(index.select('shop'))).toEqual(['a-v1', 'a-v2', 'a-v2b']);
    expect(names(index.select('none', { app: 'a' }))).toEqual([]);
  });
});
