import {
  dottedHostHint, hostCovers, hostsOverlap, normaliseHost, requestHostNames, resolveConfigHost, serviceOfHost,
} from '../lib/manifests';

/*
 * The one host-resolution module that explain and validate share (lib/manifests/hosts.ts),
 * against Istio's rules: in config, only a dot-less short name is expanded in the object's
 * namespace (ResolveShortnameToFQDN); a request's host goes through the caller's DNS search path.
 */

describe('hosts written in config', () => {
  test.each([
    ['cart', 'shop', 'cart.shop.svc.cluster.local'],
    ['Cart', 'shop', 'cart.shop.svc.cluster.local'],
    ['cart.shop', 'shop', 'cart.shop'],
    ['cart.shop.svc', 'shop', 'cart.shop.svc'],
    ['cart.shop.svc.cluster.local', 'default', 'cart.shop.svc.cluster.local'],
    ['cart.shop.svc.cluster.local.', 'default', 'cart.shop.svc.cluster.local'],
    ['*', 'shop', '*'],
    ['*.example.com', 'shop', '*.example.com'],
    ['10.0.0.1', 'shop', '10.0.0.1'],
    ['::1', 'shop', '::1'],
  ])('%s in namespace %s is %s', (host, namespace, resolved) => {
    expect(resolveConfigHost(host, namespace)).toBe(resolved);
  });

  test('a name.namespace host gets a hint to write the full name; others do not', () => {
    expect(dottedHostHint('cart.shop')).toBe('; Istio reads a host with a dot in config as written: write cart.shop.svc.cluster.local');
    expect(dottedHostHint('cart.shop.svc')).toBe('; Istio reads a host with a dot in config as written: write cart.shop.svc.cluster.local');
    expect(dottedHostHint('cart')).toBe('');
    expect(dottedHostHint('shop.example.com')).toBe('');
    expect(dottedHostHint('*.shop')).toBe('');
  });
});

describe('hosts a request is sent to', () => {
  test('a short name is a Service of the caller\'s namespace only', () => {
    expect(requestHostNames('cart', 'shop')).toEqual(['cart.shop.svc.cluster.local']);
    expect(requestHostNames('cart', 'default')).toEqual(['cart.default.svc.cluster.local']);
  });

  test('name.namespace and name.namespace.svc reach the Service from any namespace (the DNS search path)', () => {
    expect(requestHostNames('cart.shop', 'default')).toEqual(['cart.shop', 'cart.shop.svc.cluster.local']);
    expect(requestHostNames('cart.shop.svc', 'default')).toEqual(['cart.shop.svc', 'cart.shop.svc.cluster.local']);
  });

  test('a full name or an address means itself; a port and a trailing dot are dropped', () => {
    expect(requestHostNames('cart.shop.svc.cluster.local', 'default')).toEqual(['cart.shop.svc.cluster.local']);
    expect(requestHostNames('shop.example.com:8080', 'default')).toEqual(['shop.example.com']);
    expect(requestHostNames('10.0.0.1', 'default')).toEqual(['10.0.0.1']);
    expect(normaliseHost('Shop.Example.com.')).toBe('shop.example.com');
    expect(normaliseHost('[::1]')).toBe('[::1]');
  });
});

describe('comparing hosts', () => {
  test('a pattern covers a host: equal, *, or a wildcard the host ends in (not the bare suffix)', () => {
    expect(hostCovers('*', 'anything.example.com')).toBe(true);
    expect(hostCovers('*.example.com', 'shop.example.com')).toBe(true);
    expect(hostCovers('*.example.com', 'a.shop.example.com')).toBe(true);
    expect(hostCovers('*.example.com', 'example.com')).toBe(false);
    expect(hostCovers('shop.example.com', 'shop.example.com')).toBe(true);
    expect(hostCovers('shop.example.com', 'web.example.com')).toBe(false);
  });

  test('two hosts overlap as Istio compares them: wildcards either way, the narrower inside the wider', () => {
    expect(hostsOverlap('shop.example.com', '*.example.com')).toBe(true);
    expect(hostsOverlap('*.example.com', 'shop.example.com')).toBe(true);
    expect(hostsOverlap('*.com', '*.example.com')).toBe(true);
    expect(hostsOverlap('*.example.com', '*.com')).toBe(true);
    expect(hostsOverlap('*.example.com', '*.example.org')).toBe(false);
    expect(hostsOverlap('*.example.com', 'example.com')).toBe(false);
    expect(hostsOverlap('*', 'cart.shop.svc.cluster.local')).toBe(true);
    expect(hostsOverlap('a.example.com', 'b.example.com')).toBe(false);
  });

  test('the Service a resolved host names', () => {
    expect(serviceOfHost('cart.shop.svc.cluster.local')).toEqual({ name: 'cart', namespace: 'shop' });
    expect(serviceOfHost('cart.shop')).toBeUndefined();
    expect(serviceOfHost('*.shop.svc.cluster.local')).toBeUndefined();
  });
});
