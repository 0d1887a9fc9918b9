import { ServiceChainProps, validateChain } from '../lib';
import { problemLines } from './validation-support/problem-lines';
import { headerRoutingChain, LooseProps, mutated, seedChain } from './validation-support/seed-chains';
import { formatPath } from '../lib/diagnostics/problems';

/**
 * The rules carried over from Istio's validating webhook (pkg/config/validation), and the
 * stricter ones of our own about what Istio accepts and then misroutes, the injector and
 * Kubernetes: for each, inputs it refuses (path, message and fix asserted) and inputs it accepts.
 */
interface Case {
  readonly name: string;
  readonly base?: ServiceChainProps;
  readonly mutate: (props: LooseProps) => void;
}
interface BadCase extends Case {
  readonly path: string;
  /** What is wrong, with the value. */
  readonly message: RegExp;
  /** The fix the message must give. */
  readonly fix: RegExp;
}

/** The seed with a gateway-only entry: no mesh binding, so wildcards and gateway rules apply. */
const gatewayOnly = (p: LooseProps) => {
  p.entry.mesh = false;
  delete p.entry.meshWeights;
};

const headers = headerRoutingChain;

const refused: BadCase[] = [
  // Istio: header string matches
  {
    name: 'an empty prefix header match (Istio: prefix string match should not be empty)',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { header: 'x-canary', prefix: '', version: 'v2' }; },
    path: 'entry.headerRoutes[0].prefix',
    message: /is empty, which Istio refuses \("prefix string match should not be empty"\)/,
    fix: /write `regex: "\.\*"` to match any value of the header/,
  },
  {
    name: 'an empty regex header match',
    base: headers,
    mutate: p => { p.entry.headerRoutes[1].regex = ''; },
    path: 'entry.headerRoutes[1].regex',
    message: /is empty, which Istio refuses \("regex string match should not be empty"\)/,
    fix: /give the expression/,
  },
  {
    name: 'an empty cookie prefix',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'lane', prefix: '', version: 'v2' }; },
    path: 'entry.headerRoutes[0].prefix',
    message: /is empty/,
    fix: /to match any value of the cookie/,
  },

  // Istio: duplicate hosts in a virtual service
  {
    name: 'the same entry host twice',
    mutate: p => { p.entry.hosts = ['shop.example.com', 'shop.example.com']; },
    path: 'entry.hosts[1]',
    message: /"shop\.example\.com" overlaps entry\.hosts\[0\] "shop\.example\.com": the same host twice, which Istio refuses as duplicate hosts/,
    fix: /keep one of them/,
  },
  {
    name: 'a name covered by a wildcard',
    mutate: p => { gatewayOnly(p); p.entry.hosts = ['shop.example.com', '*.example.com']; },
    path: 'entry.hosts[1]',
    message: /"\*\.example\.com" overlaps entry\.hosts\[0\] "shop\.example\.com": "\*\.example\.com" matches every request for the other/,
    fix: /keep one of them/,
  },
  {
    name: 'a wildcard listed before a name it covers',
    mutate: p => { gatewayOnly(p); p.entry.hosts = ['*.example.com', 'a.b.example.com']; },
    path: 'entry.hosts[1]',
    message: /"a\.b\.example\.com" overlaps entry\.hosts\[0\] "\*\.example\.com"/,
    fix: /keep one of them/,
  },
  {
    name: 'two overlapping wildcards',
    mutate: p => { gatewayOnly(p); p.entry.hosts = ['*.shop.example.com', '*.example.com']; },
    path: 'entry.hosts[1]',
    message: /"\*\.example\.com" overlaps entry\.hosts\[0\] "\*\.shop\.example\.com"/,
    fix: /keep one of them/,
  },
  {
    name: '* beside another host',
    mutate: p => { gatewayOnly(p); p.entry.hosts = ['shop.example.com', '*']; },
    path: 'entry.hosts[1]',
    message: /"\*" overlaps entry\.hosts\[0\] "shop\.example\.com"/,
    fix: /keep one of them/,
  },
  // Istio: wildcard host * is not allowed for virtual services bound to the mesh gateway
  {
    name: '* bound to the mesh',
    mutate: p => { p.entry.hosts = ['*']; },
    path: 'entry.hosts[0]',
    message: /"\*" is a wildcard, but the entry is bound to the mesh/,
    fix: /set `entry\.mesh: false`/,
  },
  // Ours: the entry's own FQDN, written twice
  {
    name: "the entry's own FQDN with mesh: true",
    mutate: p => { p.entry.hosts = ['appa.default.svc.cluster.local']; },
    path: 'entry.hosts[0]',
    message: /"appa\.default\.svc\.cluster\.local" is the entry service "appa", whose name the library adds/,
    fix: /remove it from `entry\.hosts`/,
  },
  {
    name: "the entry's short name with mesh: true",
    mutate: p => { p.namespace = 'shop'; p.entry.hosts = ['appa.shop']; },
    path: 'entry.hosts[0]',
    message: /"appa\.shop" is the entry service "appa"/,
    fix: /remove it/,
  },
  // Ours: another service's name, in every form Istio resolves to it
  ...['appb', 'appb.shop', 'appb.shop.svc', 'appb.shop.svc.cluster.local'].map((host): BadCase => ({
    name: `another service's name written as ${host}`,
    mutate: p => { p.namespace = 'shop'; p.entry.gateways = []; delete p.entry.gatewayWeights; p.entry.hosts = [host]; },
    path: 'entry.hosts[0]',
    message: new RegExp(`"${host.replace(/\./g, '\\.')}" is the Service "appb" of the chain \\(Istio reads it as "appb\\.shop\\.svc\\.cluster\\.local"\\): the root VirtualService would take calls to "appb" and send them to the entry "appa"`),
    fix: /remove it from `entry\.hosts`/,
  })),
  // Ours: one-label hosts on gateways, all-numeric hosts
  {
    name: 'a one-label host on a gateway entry',
    mutate: p => { p.entry.hosts = ['shop']; },
    path: 'entry.hosts[0]',
    message: /"shop" is a name of one label, which Istio reads as the Service "shop\.<root namespace>\.svc\.cluster\.local"/,
    fix: /write the full external name, such as "shop\.example\.com"/,
  },
  {
    name: 'an all-numeric host of three parts',
    mutate: p => { p.entry.hosts = ['192.168.1']; },
    path: 'entry.hosts[0]',
    message: /"192\.168\.1" is not a valid host: it is all digits and dots, which is neither an IPv4 address/,
    fix: /Use an IPv4 address/,
  },
  {
    name: 'a host label over 63 characters',
    mutate: p => { p.entry.hosts = [`${'a'.repeat(64)}.example.com`]; },
    path: 'entry.hosts[0]',
    message: /has a part "a{61}\.\.\." that is 64 characters long, more than 63|is 64 characters long, more than 63/,
    fix: /Use an IPv4 address/,
  },
  // Ours: a root with no hosts would be a delegate
  {
    name: 'a gateway-only entry without hosts',
    mutate: p => { gatewayOnly(p); p.entry.hosts = []; },
    path: 'entry.hosts',
    message: /is empty and `entry\.mesh` is false, so the root VirtualService would have no hosts, which Istio reads as a delegate/,
    fix: /list the external hosts/,
  },

  // Istio: a Gateway server needs hosts
  {
    name: 'a created Gateway server with an empty host list',
    mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/gw', hosts: [] }]; },
    path: 'entry.createGateways[0].hosts',
    message: /is empty; Istio refuses a Gateway server without hosts/,
    fix: /List the hosts it serves/,
  },
  {
    name: 'a created Gateway with no hosts anywhere',
    mutate: p => { p.entry.hosts = []; p.entry.createGateways = [{ ref: 'istio-system/gw' }]; },
    path: 'entry.createGateways[0]',
    message: /has no hosts: neither its `hosts` nor `entry\.hosts` lists any/,
    fix: /List the hosts it serves/,
  },
  // Ours: created Gateways serve what the root binds
  {
    name: 'a created Gateway host the root does not bind',
    mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/gw', hosts: ['other.example.com'] }]; },
    path: 'entry.createGateways[0].hosts[0]',
    message: /"other\.example\.com" is served by the Gateway "istio-system\/gw" but the root VirtualService binds no matching host .* 404/,
    fix: /add it to `entry\.hosts`, or remove it here/,
  },
  {
    name: 'an entry host no created Gateway serves',
    mutate: p => { p.entry.gateways = []; p.entry.hosts = ['shop.example.com', 'shop.example.org']; p.entry.createGateways = [{ ref: 'istio-system/gw', hosts: ['shop.example.com'] }]; },
    path: 'entry.hosts[1]',
    message: /"shop\.example\.org" is served by none of the Gateways the entry is bound to \(\["istio-system\/gw"\]\)/,
    fix: /add it to the `hosts` of one of `entry\.createGateways`, or remove it/,
  },
  {
    name: 'two created Gateways conflicting on selector, port and host',
    mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/gw-a' }, { ref: 'shop/gw-b', hosts: ['*'] }]; },
    path: 'entry.createGateways[1]',
    message: /"shop\/gw-b" conflicts with entry\.createGateways\[0\] "istio-system\/gw-a": both select the same gateway pods, listen on port 80 and serve "\*"/,
    fix: /give one of them another port or selector, or hosts that do not overlap/,
  },

  // Ours: misrouted lane header, gateways: [mesh]
  ...[
    'host', 'Cookie', 'set-cookie', 'authorization', 'proxy-authorization', 'content-length', 'content-type', 'transfer-encoding',
    'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect', 'forwarded', 'via', 'user-agent', 'referer',
    'x-request-id', 'traceparent', 'tracestate', 'b3', 'grpc-timeout', 'grpc-encoding', 'grpc-accept-encoding',
  ].map((header): BadCase => ({
    name: `laneHeader ${header}`,
    mutate: p => { p.laneMode = 'header'; p.laneHeader = header; },
    path: 'laneHeader',
    message: new RegExp(`^"${header}" is a header the proxy, the HTTP stack or the application owns: the entry sets the lane header on every request, `
      + 'so it would overwrite it, or be overwritten\\. '),
    fix: new RegExp('Use a header of your own, such as "x-lane"\\. Refused: host, cookie, set-cookie, authorization, proxy-authorization, content-length, '
      + 'content-type, transfer-encoding, connection, keep-alive, upgrade, te, trailer, expect, forwarded, via, user-agent, referer, x-request-id, '
      + 'traceparent, tracestate, b3, grpc-timeout, grpc-encoding, grpc-accept-encoding, and headers starting with :, x-envoy-, x-forwarded-, x-b3-, '
      + 'x-ot-, uber-trace-id, x-istio-, x-datadog-$'),
  })),
  ...['x-b3-traceid', 'x-envoy-original-path', 'X-Forwarded-For'].map((header): BadCase => ({
    name: `laneHeader ${header}`,
    mutate: p => { p.laneMode = 'header'; p.laneHeader = header; },
    path: 'laneHeader',
    message: new RegExp(`^"${header}" starts with ".*", a family of headers the proxy or the tracers own`),
    fix: /Use a header of your own, such as "x-lane"\. Refused: host, cookie/,
  })),
  {
    name: 'laneHeader :authority, a pseudo-header',
    mutate: p => { p.laneMode = 'header'; p.laneHeader = ':authority'; },
    path: 'laneHeader',
    message: /":authority" is an HTTP\/2 pseudo-header/,
    fix: /Use a header of your own/,
  },
  {
    name: 'gateways: [mesh]',
    mutate: p => { p.entry.gateways = ['mesh']; },
    path: 'entry.gateways[0]',
    message: /"mesh" is Istio's keyword for sidecar \(in-mesh\) traffic, not a Gateway/,
    fix: /remove "mesh" here/,
  },

  // Cookies: confined to one cookie's value, or refused
  {
    name: 'a cookie regex with a literal ;',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'user', regex: 'a;b=c', version: 'v2' }; },
    path: 'entry.headerRoutes[0].regex',
    message: /"a;b=c" has a literal ';', which separates cookies/,
    fix: /remove it, or match one cookie per rule/,
  },
  {
    name: 'a cookie regex with a class that holds ;',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'user', regex: '[!-~]+', version: 'v2' }; },
    path: 'entry.headerRoutes[0].regex',
    message: /has the class \[!-~\], which can match ';'/,
    fix: /narrow the class so that it leaves out ';', or use a negated class/,
  },
  {
    name: 'a cookie regex with \\p{P}',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'user', regex: '\\p{P}', version: 'v2' }; },
    path: 'entry.headerRoutes[0].regex',
    message: /has \\p\{P\}, which can match ';'/,
    fix: /use a class that leaves it out/,
  },
  {
    name: 'a cookie regex with an anchor in the middle',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'user', regex: 'a|^b', version: 'v2' }; },
    path: 'entry.headerRoutes[0].regex',
    message: /has the anchor `\^` inside the pattern/,
    fix: /remove the anchor/,
  },
  {
    name: 'a cookie regex with the m flag',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'user', regex: '(?m)on', version: 'v2' }; },
    path: 'entry.headerRoutes[0].regex',
    message: /sets the `m` flag/,
    fix: /remove the flag/,
  },
  {
    name: 'a cookie exact value with ;',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'user', exact: 'a;b', version: 'v2' }; },
    path: 'entry.headerRoutes[0].exact',
    message: /"a;b" contains ';', which separates cookies/,
    fix: /remove it/,
  },
  {
    name: 'a cookie regex that passes 1024 characters once wrapped',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'user', regex: 'a'.repeat(1001), version: 'v2' }; },
    path: 'entry.headerRoutes[0].regex',
    message: /becomes a regex of 1025 characters on the `cookie` header once confined to cookie "user", more than the 1024/,
    fix: /shorten it by 1 characters/,
  },
  {
    name: 'a header route behind an earlier .* on the same header',
    base: headers,
    mutate: p => { p.entry.headerRoutes = [{ header: 'version', regex: '.*', version: 'v1' }, { header: 'version', prefix: 'v2', version: 'v2' }]; },
    path: 'entry.headerRoutes[1]',
    message: /can never match: entry\.headerRoutes\[0\] comes first .*regex "\.\*"/,
    fix: /remove this route or change its condition/,
  },
  {
    name: 'a cookie route behind an earlier ^.*$ on the same cookie',
    base: headers,
    mutate: p => { p.entry.headerRoutes = [{ cookie: 'lane', regex: '^.*$', version: 'v1' }, { cookie: 'lane', regex: 'v2', version: 'v2' }]; },
    path: 'entry.headerRoutes[1]',
    message: /can never match: entry\.headerRoutes\[0\]/,
    fix: /remove this route/,
  },

  // Kubernetes, the injector and the sidecar
  {
    name: 'a container named istio-proxy',
    mutate: p => { p.services[1].versions.v2.containerName = 'istio-proxy'; },
    path: 'services[1].versions.v2.containerName',
    message: /"istio-proxy" is the name of the container the Istio sidecar injector adds/,
    fix: /use another name, such as "app"/,
  },
  {
    name: 'a service named istio-proxy whose container takes its name',
    mutate: p => { delete p.defaults.containerName; p.services[1].name = 'istio-proxy'; p.services[0].calls = ['istio-proxy']; },
    path: 'services[1].name',
    message: /"istio-proxy" also names the application container, by default/,
    fix: /set `containerName` to another name/,
  },
  ...[15000, 15001, 15006, 15021, 15090].map((port): BadCase => ({
    name: `service port ${port}, reserved by the sidecar`,
    mutate: p => { p.services[0].port = port; },
    path: 'services[0].port',
    message: new RegExp(`is ${port}: the sidecar's proxy listens on ports 15000 to 15090`),
    fix: /use a port outside that range, such as 8080/,
  })),
  {
    name: 'defaults.port 15020',
    mutate: p => { p.defaults.port = 15020; },
    path: 'defaults.port',
    message: /is 15020: the sidecar's proxy listens/,
    fix: /such as 8080/,
  },
  {
    name: 'a created Gateway on 15021',
    mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/gw', port: 15021 }]; },
    path: 'entry.createGateways[0].port',
    message: /is 15021: the gateway's proxy listens on ports 15000 to 15090/,
    fix: /such as 8443/,
  },
  {
    name: 'an image with a URL scheme',
    mutate: p => { p.services[0].image = 'https://registry.example.com/shop/a:1'; },
    path: 'services[0].image',
    message: /"https:\/\/registry\.example\.com\/shop\/a:1" starts with a URL scheme/,
    fix: /write "registry\.example\.com\/shop\/a:1"/,
  },
  {
    name: 'a Service named kubernetes in default',
    mutate: p => { p.services[1].name = 'kubernetes'; p.services[0].calls = ['kubernetes']; },
    path: 'services[1].name',
    message: /"kubernetes" is the Service of the Kubernetes API server in namespace "default"/,
    fix: /Rename the service, or set `namespace`/,
  },
  ...['kube-system', 'kube-public', 'kube-node-lease'].map((namespace): BadCase => ({
    name: `namespace ${namespace}, which the injector ignores`,
    mutate: p => { p.namespace = namespace; },
    path: 'namespace',
    message: new RegExp(`"${namespace}" is a namespace where the Istio sidecar injector never injects`),
    fix: /use a namespace of your own, such as "shop"/,
  })),
  {
    name: 'createNamespace of istio-system',
    mutate: p => { p.namespace = 'istio-system'; p.createNamespace = true; },
    path: 'createNamespace',
    message: /would write the Namespace "istio-system", which the Istio installation owns/,
    fix: /drop `createNamespace`/,
  },
  {
    name: 'an env name twice at one level',
    mutate: p => { p.services[1].env = [{ name: 'A', value: '1' }, { name: 'A', value: '2' }]; },
    path: 'services[1].env[1].name',
    message: /"A" is already set by env\[0\] at this level/,
    fix: /remove one of them/,
  },
  {
    name: 'upstreamUrlEnv also set by env',
    mutate: p => { p.services[0].env = [{ name: 'upstream_url', value: 'x' }]; },
    path: 'services[0].env[0].name',
    message: /"upstream_url" is also `defaults\.upstreamUrlEnv`, the variable the library sets/,
    fix: /rename one of them/,
  },
  {
    name: 'pod annotations over 256 KiB',
    mutate: p => { p.services[1].annotations = { 'example.com/a': 'x'.repeat(200000) }; p.services[1].versions.v2.annotations = { 'example.com/b': 'y'.repeat(70000) }; },
    path: 'services[1].versions.v2.annotations',
    message: /of "appb-v2", merged from every level, come to 270026 bytes, more than the 262144 bytes \(256 KiB\)/,
    fix: /shorten or remove some/,
  },
  {
    name: 'a Secret name over 253 characters',
    mutate: p => { p.defaults.imagePullSecrets = ['s'.repeat(254)]; },
    path: 'defaults.imagePullSecrets[0]',
    message: /is 254 characters long, more than 253/,
    fix: /Use a DNS-1123 subdomain/,
  },

  // Messages that point at the place to change
  {
    name: 'a call to the entry, reported at the call',
    mutate: p => { p.services[1].calls = ['appa']; },
    path: 'services[1].calls[0]',
    message: /"appa" is the entry service \(`entry\.service`\)/,
    fix: /Remove it from these `calls`/,
  },
  {
    name: 'an entry service when the chain has no services',
    mutate: p => { p.services = []; },
    path: 'entry.service',
    message: /"appa" is not a service of the chain; the chain has no services yet/,
    fix: /add it to `services`/,
  },
  {
    name: 'a name holding a zero width space, shown as its code point',
    mutate: p => { p.namespace = 'shop\u200b'; },
    path: 'namespace',
    message: /"shop<U\+200B>" is not a valid namespace: it contains "<U\+200B>"/,
    fix: /for example "shop"/,
  },
  {
    name: 'a name holding a Cyrillic a, shown as its code point',
    mutate: p => { p.services[1].name = '\u0430ppb'; p.services[0].calls = ['\u0430ppb']; },
    path: 'services[1].name',
    message: /"<U\+0430>ppb" is not a valid service name: it contains "<U\+0430>"/,
    fix: /Use a DNS-1035 label/,
  },
  {
    name: 'a name holding an ANSI escape, not said to have uppercase letters',
    mutate: p => { p.namespace = '\u001b[31mRED'; },
    path: 'namespace',
    message: /is not a valid namespace: it contains "\\u001b"/,
    fix: /Use a DNS-1123 label/,
  },
];

const accepted: Array<Case & { readonly warnings?: RegExp[] }> = [
  { name: 'distinct hosts, an IPv4 address among them', mutate: p => { p.entry.hosts = ['shop.example.com', 'shop.example.org', '192.168.1.106']; } },
  { name: 'wildcards that do not overlap, and a name outside them', mutate: p => { gatewayOnly(p); p.entry.hosts = ['*.example.com', '*.example.org', 'example.com']; } },
  { name: 'the service FQDN of a service in another namespace', mutate: p => { p.namespace = 'shop'; p.entry.hosts = ['appb.other.svc.cluster.local']; } },
  {
    name: 'a one-label host on a mesh-only entry',
    mutate: p => { p.entry.gateways = []; delete p.entry.gatewayWeights; p.entry.meshWeights = { v1: 50, v2: 50 }; p.entry.hosts = ['shop']; },
  },
  { name: 'a gateway-only entry with hosts', mutate: p => { gatewayOnly(p); p.entry.hosts = ['shop.example.com']; } },
  {
    name: 'a created Gateway serving a wildcard that covers the entry hosts',
    mutate: p => { gatewayOnly(p); p.entry.gateways = []; p.entry.hosts = ['shop.example.com']; p.entry.createGateways = [{ ref: 'istio-system/gw', hosts: ['*.example.com'] }]; },
  },
  { name: 'two created Gateways on different ports', mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/gw-a' }, { ref: 'istio-system/gw-b', port: 8080 }]; } },
  { name: 'two created Gateways with different selectors', mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/gw-a' }, { ref: 'istio-system/gw-b', selector: { istio: 'partners' } }]; } },
  {
    name: 'two created Gateways with hosts that do not overlap',
    mutate: p => { p.entry.hosts = ['a.example.com', 'b.example.com']; p.entry.createGateways = [{ ref: 'istio-system/gw-a', hosts: ['a.example.com'] }, { ref: 'istio-system/gw-b', hosts: ['b.example.com'] }]; },
  },
  {
    name: 'exact empty header values, prefixes and regexes that are not empty',
    base: headers,
    mutate: p => { p.entry.headerRoutes = [{ header: 'x-a', exact: '', version: 'v1' }, { header: 'x-b', prefix: 'b', version: 'v2' }, { header: 'x-c', regex: '.+', version: 'v2' }]; },
  },
  { name: 'a lane header of our own', mutate: p => { p.laneMode = 'header'; p.laneHeader = 'x-shop-lane'; } },
  { name: 'pod annotations of 256 KiB exactly', mutate: p => { p.services[1].annotations = { 'example.com/a': 'x'.repeat(262144 - 13) }; } },
  {
    name: 'cookie regexes that can be confined',
    base: headers,
    mutate: p => {
      p.entry.headerRoutes = [
        { cookie: 'user', regex: '^.*@example\\.com$', version: 'v2' }, { cookie: 'lane', regex: '(?i)[^,]+-canary', version: 'v2' },
        { cookie: 'tier', regex: '\\S+|\\P{L}', version: 'v2' }, { cookie: 'flag', regex: 'a'.repeat(990), version: 'v2' },
      ];
    },
  },
  {
    name: 'a header route after a catch-all on another header',
    base: headers,
    mutate: p => { p.entry.headerRoutes = [{ header: 'x-a', regex: '.*', version: 'v1' }, { header: 'x-b', exact: 'v2', version: 'v2' }]; },
  },
  { name: 'ports just outside the reserved range', mutate: p => { p.services[0].port = 14999; p.services[1].port = 15091; } },
  {
    name: 'an image reference with a registry port and a digest',
    mutate: p => { p.services[0].image = `registry.example.com:5000/shop/a@sha256:${'a'.repeat(64)}`; },
  },
  { name: 'a service named kubernetes in a namespace of its own', mutate: p => { p.namespace = 'shop'; p.services[1].name = 'kubernetes'; p.services[0].calls = ['kubernetes']; } },
  { name: 'a version replacing a variable of its service', mutate: p => { p.services[1].env = [{ name: 'A', value: '1' }]; p.services[1].versions.v2.env = [{ name: 'A', value: '2' }]; } },
  {
    name: 'a 63-character service name, whose Deployment names pass 63',
    mutate: p => { const name = `b${'x'.repeat(62)}`; p.services[1].name = name; p.services[0].calls = [name]; },
  },
  {
    name: 'Secret, credential and root names of 253 characters',
    mutate: p => {
      const long = `${'s'.repeat(100)}.${'t'.repeat(100)}.${'u'.repeat(51)}`;
      p.defaults.imagePullSecrets = [long];
      p.entry.rootName = long;
      p.entry.createGateways = [{ ref: 'istio-system/gw', credentialName: long }];
    },
  },
  {
    name: 'istio-system as the namespace, with a warning',
    mutate: p => { p.namespace = 'istio-system'; },
    warnings: [/^namespace: "istio-system" is the Istio control plane's namespace/],
  },
];

describe('the rules from Istio and from the mesh refuse, with the path, the value and the fix', () => {
  test.each(refused)('refuses $name', ({ base, mutate, path, message, fix }) => {
    const problems = validateChain(mutated(base ?? seedChain, mutate)).problems.list;
    const found = problems.filter(p => formatPath(p.path) === path).map(p => p.message);
    expect({ path, found }).toEqual({ path, found: expect.arrayContaining([expect.stringMatching(message)]) });
    expect(found.find(m => message.test(m))).toMatch(fix);
  });

  test.each(accepted)('accepts $name', ({ base, mutate, warnings }) => {
    const findings = validateChain(mutated(base ?? seedChain, mutate));
    expect(findings.problems.list).toEqual([]);
    expect(findings.warnings).toEqual((warnings ?? []).map(w => expect.stringMatching(w)));
  });
});

describe('hosts and created Gateways, each problem whole', () => {
  const USE = 'Use an IPv4 address (`203.0.113.10`), a DNS name (`shop.example.com`) or a wildcard name (`*.example.com`)';

  test('IPv4 addresses of every shape, and names that only end like one, are hosts', () => {
    expect(problemLines(mutated(seedChain, p => { p.entry.hosts = ['8.8.8.8', '240.10.240.10', 'a.1.2.3.4', '1.2.3.4.example.com']; }))).toEqual([]);
  });

  test('a host that is no IPv4 address, no DNS name, or holds a port, with the lowercase form when that is valid', () => {
    const props = mutated(seedChain, p => {
      p.entry.hosts = ['256.1.1.1', '-1.2.3.4', 'shop.example.com:443', 'Shop.Example.com', 'Bad_Host.example.com', 'bad_host'];
    });
    expect(problemLines(props)).toEqual([
      `[entry.hosts[0]] "256.1.1.1" is not a valid host: it looks like an IPv4 address but is not one (each part is 0 to 255, without leading zeros). ${USE}`,
      expect.stringMatching(/^\[entry\.hosts\[1\]\] "-1\.2\.3\.4" is not a valid host: it .*start.*\. Use an IPv4 address .*`\*\.example\.com`\)$/),
      `[entry.hosts[2]] "shop.example.com:443" is not a valid host: it contains ':' or '/': give the host alone, without scheme, port or path. ${USE}`,
      `[entry.hosts[3]] "Shop.Example.com" is not a valid host: it has a part "Shop" that has uppercase letters. ${USE}; for example "shop.example.com"`,
      expect.stringMatching(/^\[entry\.hosts\[4\]\] "Bad_Host\.example\.com" is not a valid host: it .*`\*\.example\.com`\)$/),
      expect.stringMatching(/^\[entry\.hosts\[5\]\] "bad_host" is not a valid host: it .*`\*\.example\.com`\)$/),
    ]);
  });

  test('created Gateways conflict on the same port and selector, however written, over a host both serve', () => {
    const conflict = (j: number, ref: string, i: number, other: string, port: number, host: string) =>
      `[entry.createGateways[${j}]] "${ref}" conflicts with entry.createGateways[${i}] "${other}": both select the same gateway pods, listen on port ${port} `
      + `and serve "${host}", so Istio keeps only one of the two servers; give one of them another port or selector, or hosts that do not overlap`;
    const withGateways = (createGateways: unknown[]) => mutated(seedChain, p => { p.entry.createGateways = createGateways; });
    expect(problemLines(withGateways([{ ref: 'istio-system/app-gw' }, { ref: 'shop/tls-gw', credentialName: 'shop-cert' }]))).toEqual([]);
    expect(problemLines(withGateways([{ ref: 'istio-system/app-gw', credentialName: 'a-cert' }, { ref: 'shop/tls-gw', credentialName: 'b-cert' }])))
      .toEqual([conflict(1, 'shop/tls-gw', 0, 'istio-system/app-gw', 443, '192.168.1.106')]);
    expect(problemLines(withGateways([{ ref: 'istio-system/app-gw', selector: { istio: 'ingressgateway' } }, { ref: 'shop/gw-b' }])))
      .toEqual([conflict(1, 'shop/gw-b', 0, 'istio-system/app-gw', 80, '192.168.1.106')]);
    expect(problemLines(withGateways([{ ref: 'istio-system/app-gw', selector: { app: 'gw', tier: 'edge' } }, { ref: 'shop/gw-b', selector: { tier: 'edge', app: 'gw' } }])))
      .toEqual([conflict(1, 'shop/gw-b', 0, 'istio-system/app-gw', 80, '192.168.1.106')]);
  });

  test('every entry host is served by some created Gateway when all of them are created here; a shared host is named', () => {
    const props = mutated(seedChain, p => {
      p.entry.hosts = ['a.example.com', 'b.example.com', 'c.example.com'];
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', hosts: ['a.example.com', 'b.example.com'] }, { ref: 'shop/gw-b', hosts: ['b.example.com'] }];
    });
    expect(problemLines(props)).toEqual([
      '[entry.hosts[2]] "c.example.com" is served by none of the Gateways the entry is bound to (["istio-system/app-gw","shop/gw-b"]), so gateway requests '
      + 'for it are never accepted; add it to the `hosts` of one of `entry.createGateways`, or remove it',
      '[entry.createGateways[1]] "shop/gw-b" conflicts with entry.createGateways[0] "istio-system/app-gw": both select the same gateway pods, listen on port 80 '
      + 'and serve "b.example.com", so Istio keeps only one of the two servers; give one of them another port or selector, or hosts that do not overlap',
    ]);
    const notAllCreated = mutated(seedChain, p => {
      p.entry.gateways = ['istio-system/app-gw', 'istio-system/other'];
      p.entry.hosts = ['192.168.1.106', 'shop.example.com'];
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', hosts: ['shop.example.com'] }];
    });
    expect(problemLines(notAllCreated)).toEqual([]);
  });

  test('a wildcard Gateway host serves the names below it, wildcards included, but neither its own domain nor *', () => {
    const served = (entryHosts: string[]) => problemLines(mutated(seedChain, p => {
      gatewayOnly(p);
      p.entry.hosts = entryHosts;
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', hosts: ['*.example.com'] }];
    }));
    expect(served(['shop.example.com', '*.shop.example.com'])).toEqual([]);
    const none = (i: number, host: string) => `[entry.hosts[${i}]] "${host}" is served by none of the Gateways the entry is bound to (["istio-system/app-gw"]), `
      + 'so gateway requests for it are never accepted; add it to the `hosts` of one of `entry.createGateways`, or remove it';
    expect(served(['example.com'])).toEqual([
      '[entry.createGateways[0].hosts[0]] "*.example.com" is served by the Gateway "istio-system/app-gw" but the root VirtualService binds no matching host '
      + '(["example.com"]), so its requests would get 404; add it to `entry.hosts`, or remove it here',
      none(0, 'example.com'),
    ]);
    expect(served(['*'])).toEqual([none(0, '*')]);
  });

  test('invalid hosts are reported once, by the syntax rule, and take part in no other check', () => {
    const props = mutated(seedChain, p => {
      p.entry.hosts = ['shop.example.com', 'Bad_Host'];
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', hosts: ['shop.example.com', 'Bad_Host'] }, { ref: 'shop/gw-b', hosts: ['Bad_Host'] }];
    });
    expect(problemLines(props)).toEqual([
      expect.stringMatching(/^\[entry\.hosts\[1\]\] "Bad_Host" is not a valid host/),
      expect.stringMatching(/^\[entry\.createGateways\[0\]\.hosts\[1\]\] "Bad_Host" is not a valid host/),
      expect.stringMatching(/^\[entry\.createGateways\[1\]\.hosts\[0\]\] "Bad_Host" is not a valid host/),
    ]);
  });

  test('a created Gateway\'s host the root does not bind: the root binds the entry\'s full name alone, and nothing for gateways without hosts', () => {
    const shortName = mutated(seedChain, p => { p.entry.createGateways = [{ ref: 'istio-system/app-gw', hosts: ['192.168.1.106', 'appa.default'] }]; });
    expect(problemLines(shortName)).toEqual([
      '[entry.createGateways[0].hosts[1]] "appa.default" is served by the Gateway "istio-system/app-gw" but the root VirtualService binds no matching host '
      + '(["192.168.1.106","appa.default.svc.cluster.local"]), so its requests would get 404; add it to `entry.hosts`, or remove it here',
    ]);
    const noHosts = mutated(seedChain, p => {
      gatewayOnly(p);
      delete p.entry.hosts;
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', hosts: ['*'] }];
    });
    expect(problemLines(noHosts)).toEqual([
      '[entry.hosts] is empty and `entry.mesh` is false, so the root VirtualService would have no hosts, which Istio reads as a delegate: it would route '
      + 'nothing; list the external hosts, such as `[shop.example.com]`',
      '[entry.createGateways[0].hosts[0]] "*" is served by the Gateway "istio-system/app-gw" but the root VirtualService binds no matching host ([]), '
      + 'so its requests would get 404; add it to `entry.hosts`, or remove it here',
    ]);
    const noneAnywhere = mutated(seedChain, p => { delete p.entry.hosts; p.entry.createGateways = [{ ref: 'istio-system/app-gw' }]; });
    expect(problemLines(noneAnywhere)).toEqual([
      '[entry.createGateways[0]] has no hosts: neither its `hosts` nor `entry.hosts` lists any; Istio refuses a Gateway server without hosts. '
      + 'List the hosts it serves, such as `[shop.example.com]`',
    ]);
  });

  test('entry hosts overlap when the same, or when a wildcard covers another; the first one overlapped is named', () => {
    const overlap = (j: number, host: string, i: number, other: string, why: string) =>
      `[entry.hosts[${j}]] "${host}" overlaps entry.hosts[${i}] "${other}": ${why}, which Istio refuses as duplicate hosts of one VirtualService; keep one of them`;
    const hosts = (list: string[]) => mutated(seedChain, p => { gatewayOnly(p); p.entry.hosts = list; });
    expect(problemLines(hosts(['a.example.com', 'a.example.com', 'a.example.com']))).toEqual([
      overlap(1, 'a.example.com', 0, 'a.example.com', 'the same host twice'), overlap(2, 'a.example.com', 0, 'a.example.com', 'the same host twice'),
    ]);
    expect(problemLines(hosts(['*', 'shop.example.com']))).toEqual([overlap(1, 'shop.example.com', 0, '*', '"*" matches every request for the other')]);
    expect(problemLines(hosts(['shop.example.com', '*']))).toEqual([overlap(1, '*', 0, 'shop.example.com', '"*" matches every request for the other')]);
    expect(problemLines(hosts(['a.example.com', 'b.example.com', '*.example.com']))).toEqual([
      overlap(2, '*.example.com', 0, 'a.example.com', '"*.example.com" matches every request for the other'),
    ]);
    expect(problemLines(hosts(['shop.example.com', '*.op.example.com', 'Bad_Host', 'Bad_Host']))).toEqual([
      expect.stringMatching(/^\[entry\.hosts\[2\]\] "Bad_Host" is not a valid host/), expect.stringMatching(/^\[entry\.hosts\[3\]\] "Bad_Host" is not a valid host/),
    ]);
  });

  test('entry hosts naming a Service of the chain; the entry\'s own name only when the library adds it', () => {
    expect(problemLines(mutated(seedChain, p => { p.entry.hosts = ['appb.default']; }))).toEqual([
      '[entry.hosts[0]] "appb.default" is the Service "appb" of the chain (Istio reads it as "appb.default.svc.cluster.local"): the root VirtualService '
      + 'would take calls to "appb" and send them to the entry "appa", beside "appb"\'s own VirtualService; remove it from `entry.hosts`, which lists external hosts',
    ]);
    expect(problemLines(mutated(seedChain, p => { gatewayOnly(p); p.entry.hosts = ['appa.default.svc.cluster.local']; }))).toEqual([]);
    expect(problemLines(mutated(seedChain, p => { gatewayOnly(p); p.entry.gateways = []; p.entry.hosts = []; }))).toEqual([
      '[entry.mesh] is false and the entry has no gateways, so no traffic can reach the chain; add `entry.gateways` (or `entry.createGateways`), or set `mesh: true`',
      '[entry.gatewayWeights] are set but the entry has no gateways, so no gateway traffic reaches them; add `entry.gateways` (or `entry.createGateways`), '
      + 'or remove `gatewayWeights`',
    ]);
  });
});

describe('header route values, each problem whole', () => {
  const routeProblems = (headerRoutes: unknown[]) => problemLines(mutated(headerRoutingChain, p => { p.entry.headerRoutes = headerRoutes; }));

  test('an empty prefix or regex says what to give, and how to match any value of the header or the cookie', () => {
    expect(routeProblems([{ header: 'x-a', prefix: '', version: 'v1' }, { cookie: 'c', regex: '', version: 'v2' }])).toEqual([
      '[entry.headerRoutes[0].prefix] is empty, which Istio refuses ("prefix string match should not be empty"); give the prefix, '
      + 'or write `regex: ".*"` to match any value of the header',
      '[entry.headerRoutes[1].regex] is empty, which Istio refuses ("regex string match should not be empty"); give the expression, '
      + 'or write `regex: ".*"` to match any value of the cookie',
    ]);
  });

  test('routes with two conditions, or both a header and a cookie, are left to the rules that report them', () => {
    expect(routeProblems([
      { header: 'x-a', prefix: '', regex: 'x', version: 'v1' },
      { header: 'x-b', cookie: 'c', exact: 'a;b', version: 'v2' },
    ])).toEqual([
      '[entry.headerRoutes[0]] sets 2 of `exact`, `prefix`, `regex`; set exactly one',
      '[entry.headerRoutes[1]] sets both `header` and `cookie`; set exactly one',
    ]);
  });

  test('a header value may hold ";", a cookie value may not, even when it is no regex', () => {
    expect(routeProblems([{ header: 'x-a', exact: 'a;b', version: 'v1' }])).toEqual([]);
    expect(routeProblems([{ cookie: 'c', exact: 'a(;', version: 'v1' }])).toEqual([expect.stringMatching(/^\[entry\.headerRoutes\[0\]\.exact\] "a\(;" .* \(a cookie rule matches the value of cookie "c" alone\)$/)]);
  });

  test('a cookie regex that is no RE2 is reported once, by the regex rule', () => {
    expect(routeProblems([{ cookie: 'c', regex: '(?=a);', version: 'v1' }])).toEqual([expect.stringMatching(/^\[entry\.headerRoutes\[0\]\.regex\] "\(\?=a\);" /)]);
  });

  test('a cookie value whose regex comes to 1024 characters passes; one more is refused', () => {
    expect(routeProblems([{ cookie: 'flag', exact: 'a'.repeat(1000), version: 'v1' }])).toEqual([]);
    expect(routeProblems([{ cookie: 'flag', exact: 'a'.repeat(1001), version: 'v1' }])).toEqual([
      expect.stringMatching(/^\[entry\.headerRoutes\[0\]\.exact\] "a+\.\.\. becomes a regex of 1025 characters on the `cookie` header once confined to cookie "flag", more than the 1024 Envoy accepts; shorten it by 1 characters$/),
    ]);
  });
});
