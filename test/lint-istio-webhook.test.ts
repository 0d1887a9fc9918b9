import { lintYaml } from './lint-support/in-memory';

/*
 * Istio's webhook rules in validate: for each rule, a manifest it refuses (and the finding's
 * place and words) and a manifest it accepts. Written from istio/istio pkg/config/validation.
 */

const WEBHOOK = "(Istio's webhook refuses this)";

/** A VirtualService of namespace shop with the given spec (YAML, indented by two). */
const vs = (spec: string, name = 'vs-web') => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ${name}, namespace: shop }
spec:
${spec}
`;
const ROUTE = `  http:
    - route: [{ destination: { host: web } }]`;
const dr = (spec: string) => `
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: web, namespace: shop }
spec:
  host: web
${spec}
`;
const gw = (servers: string, name = 'gw') => `
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: ${name}, namespace: shop }
spec:
  selector: { istio: ingressgateway }
  servers:
${servers}
`;

interface Case {
  readonly rule: string;
  readonly refused: string;
  /** The finding the refused manifest gets (without the object and the webhook suffix). */
  readonly finding: string;
  readonly accepted: string;
}

const CASES: Case[] = [
  {
    rule: 'a header prefix match is not empty',
    refused: vs('  hosts: [web]\n  http:\n    - match: [{ headers: { x-lane: { prefix: "" } } }]\n      route: [{ destination: { host: web } }]'),
    finding: 'spec.http[0].match[0].headers.x-lane: prefix is empty; Istio refuses it (write the prefix, or drop the match to match any value)',
    accepted: vs('  hosts: [web]\n  http:\n    - match: [{ uri: { prefix: "" }, headers: { x-lane: { prefix: v } } }]\n      route: [{ destination: { host: web } }]'),
  },
  {
    rule: 'a regex match is not empty',
    refused: vs('  hosts: [web]\n  http:\n    - match: [{ uri: { regex: "" } }]\n      route: [{ destination: { host: web } }]'),
    finding: 'spec.http[0].match[0].uri: regex is empty, which never matches as meant; remove the match or write the pattern',
    accepted: vs('  hosts: [web]\n  http:\n    - match: [{ uri: { regex: "/a.*" } }]\n      route: [{ destination: { host: web } }]'),
  },
  {
    rule: 'a regex is RE2 (no lookahead)',
    refused: vs('  hosts: [web]\n  http:\n    - match: [{ headers: { x-user: { regex: "(?!bot).*" } } }]\n      route: [{ destination: { host: web } }]'),
    finding: 'spec.http[0].match[0].headers.x-user: regex is not valid RE2',
    accepted: vs('  hosts: [web]\n  http:\n    - match: [{ headers: { x-user: { regex: "[^b].*" } } }]\n      route: [{ destination: { host: web } }]'),
  },
  {
    rule: 'a regex is at most 1024 characters',
    refused: vs(`  hosts: [web]\n  http:\n    - match: [{ headers: { x-user: { regex: "${'a'.repeat(1025)}" } } }]\n      route: [{ destination: { host: web } }]`),
    finding: 'spec.http[0].match[0].headers.x-user: regex is 1025 characters long, more than 1024; shorten it',
    accepted: vs(`  hosts: [web]\n  http:\n    - match: [{ headers: { x-user: { regex: "${'a'.repeat(1024)}" } } }]\n      route: [{ destination: { host: web } }]`),
  },
  {
    rule: 'a header name is a token',
    refused: vs('  hosts: [web]\n  http:\n    - match: [{ headers: { "x lane": { exact: v2 } } }]\n      route: [{ destination: { host: web } }]'),
    finding: 'spec.http[0].match[0].headers["x lane"]: header name "x lane" is not a valid header name',
    accepted: vs('  hosts: [web]\n  http:\n    - match: [{ headers: { ":authority": { exact: web }, "@request.auth.claims.group": { exact: a } } }]\n      route: [{ destination: { host: web } }]\n  gateways: [gw]'),
  },
  {
    rule: 'withoutHeaders regex "*" means present, not a regex',
    refused: vs('  hosts: [web]\n  http:\n    - match: [{ withoutHeaders: { x-lane: { regex: "(" } } }]\n      route: [{ destination: { host: web } }]'),
    finding: 'spec.http[0].match[0].withoutHeaders.x-lane: regex is not valid RE2',
    accepted: vs('  hosts: [web]\n  http:\n    - match: [{ withoutHeaders: { x-lane: { regex: "*" } } }]\n      route: [{ destination: { host: web } }]'),
  },
  {
    rule: 'a subset name is a DNS label (no dots)',
    refused: vs('  hosts: [web]\n  http:\n    - route: [{ destination: { host: web, subset: v1.2 } }]'),
    finding: 'spec.http[0].route[0].destination.subset: "v1.2" is no DNS label',
    accepted: vs('  hosts: [web]\n  http:\n    - route: [{ destination: { host: web, subset: v1-2 } }]'),
  },
  {
    rule: 'DestinationRule subset names are DNS labels',
    refused: dr('  subsets: [{ name: v1.2, labels: { version: v1 } }]'),
    finding: 'spec.subsets[0].name: "v1.2" is no DNS label',
    accepted: dr('  subsets: [{ name: v1, labels: { version: v1 } }]'),
  },
  {
    rule: 'DestinationRule subset names are unique',
    refused: dr('  subsets: [{ name: v1, labels: { version: v1 } }, { name: v1, labels: { version: v2 } }]'),
    finding: 'spec.subsets[1].name: v1 is also the name of spec.subsets[0]; subset names are unique',
    accepted: dr('  subsets: [{ name: v1, labels: { version: v1 } }, { name: v2, labels: { version: v2 } }]'),
  },
  {
    rule: 'weights of several destinations do not add up to 0',
    refused: vs('  hosts: [web]\n  http:\n    - route: [{ destination: { host: web, subset: v1 }, weight: 0 }, { destination: { host: web, subset: v2 }, weight: 0 }]'),
    finding: 'spec.http[0].route: has weights that add up to 0',
    accepted: vs('  hosts: [web]\n  http:\n    - route: [{ destination: { host: web, subset: v1 }, weight: 0 }, { destination: { host: web, subset: v2 }, weight: 100 }]'),
  },
  {
    rule: 'a tcp route\'s weights do not add up to 0 either',
    refused: vs('  hosts: [web]\n  tcp:\n    - route: [{ destination: { host: web, subset: v1 } }, { destination: { host: web, subset: v2 } }]'),
    finding: 'spec.tcp[0].route: has weights that add up to 0',
    accepted: vs('  hosts: [web]\n  tcp:\n    - route: [{ destination: { host: web } }]'),
  },
  {
    rule: 'a delegate has no gateways',
    refused: vs(`  gateways: [shop/gw]\n${ROUTE}`),
    finding: 'spec.gateways: is set on a delegate VirtualService (it has no hosts)',
    accepted: vs(ROUTE),
  },
  {
    rule: 'a delegate does not delegate again',
    refused: vs('  http:\n    - delegate: { name: vs-other }'),
    finding: 'spec.http[0].delegate: is set in a delegate VirtualService; a delegate cannot delegate again',
    accepted: vs('  hosts: [web]\n  http:\n    - delegate: { name: vs-other }'),
  },
  {
    rule: 'a root route does not both route and delegate',
    refused: vs('  hosts: [web]\n  http:\n    - delegate: { name: vs-other }\n      route: [{ destination: { host: web } }]'),
    finding: 'spec.http[0].route: is set beside delegate',
    accepted: vs('  hosts: [web]\n  http:\n    - delegate: { name: vs-other }'),
  },
  {
    rule: 'a route does not both route and redirect',
    refused: vs('  hosts: [web]\n  http:\n    - redirect: { uri: /new }\n      route: [{ destination: { host: web } }]'),
    finding: 'spec.http[0]: sets both route and redirect; keep one',
    accepted: vs('  hosts: [web]\n  http:\n    - redirect: { uri: /new }'),
  },
  {
    rule: 'hosts do not overlap (wildcards compared, not as strings)',
    refused: vs(`  hosts: [shop.example.com, "*.example.com"]\n  gateways: [shop/gw]\n${ROUTE}`),
    finding: 'spec.hosts[1]: *.example.com overlaps shop.example.com (spec.hosts[0]); keep one of them',
    accepted: vs(`  hosts: [shop.example.com, "*.shop.example.com"]\n  gateways: [shop/gw]\n${ROUTE}`),
  },
  {
    rule: 'two wildcards that overlap are duplicates',
    refused: vs(`  hosts: ["*.com", "*.example.com"]\n  gateways: [shop/gw]\n${ROUTE}`),
    finding: 'spec.hosts[1]: *.example.com overlaps *.com (spec.hosts[0])',
    accepted: vs(`  hosts: ["*.example.org", "*.example.com"]\n  gateways: [shop/gw]\n${ROUTE}`),
  },
  {
    rule: '* is not bound to the mesh',
    refused: vs(`  hosts: ["*"]\n${ROUTE}`),
    finding: "spec.hosts[0]: is '*' on a VirtualService bound to the mesh",
    accepted: vs(`  hosts: ["*"]\n  gateways: [shop/gw]\n${ROUTE}`),
  },
  {
    rule: 'a host is made of DNS labels, the wildcard first',
    refused: vs(`  hosts: [shop.*.com]\n  gateways: [shop/gw]\n${ROUTE}`),
    finding: 'spec.hosts[0]: "shop.*.com" has an invalid label "*"',
    accepted: vs(`  hosts: [10.0.0.1, Shop.example.com]\n  gateways: [shop/gw]\n${ROUTE}`),
  },
  {
    rule: 'a destination host is not *',
    refused: vs('  hosts: [web]\n  http:\n    - route: [{ destination: { host: "*" } }]'),
    finding: "spec.http[0].route[0].destination.host: is '*', which names no service",
    accepted: vs(ROUTE.replace('http:', 'http:') + '\n  hosts: [web]'),
  },
  {
    rule: 'a VirtualService has some route',
    refused: vs('  hosts: [web]'),
    finding: 'spec: has no http, tcp or tls route; add one',
    accepted: vs(`  hosts: [web]\n${ROUTE}`),
  },
  {
    rule: 'a gateway name is <namespace>/<name> of DNS labels',
    refused: vs(`  hosts: [web]\n  gateways: [shop/gw.main]\n${ROUTE}`),
    finding: 'spec.gateways[0]: "shop/gw.main": gateway name "gw.main" is no DNS label',
    accepted: vs(`  hosts: [web]\n  gateways: [shop/gw-main, mesh]\n${ROUTE}`),
  },
  {
    rule: 'a route sets no pseudo-header and removes no Host',
    refused: vs('  hosts: [web]\n  http:\n    - headers: { request: { set: { ":path": /x }, remove: [host] } }\n      route: [{ destination: { host: web } }]'),
    finding: 'spec.http[0].headers.request.set[":path"]: header name ":path" is a pseudo-header',
    accepted: vs('  hosts: [web]\n  http:\n    - headers: { request: { set: { x-lane: v2 }, remove: [x-debug] } }\n      route: [{ destination: { host: web } }]'),
  },
  {
    rule: 'exportTo lists no entry twice',
    refused: vs(`  hosts: [web]\n  exportTo: [".", shop]\n${ROUTE}`),
    finding: 'spec.exportTo[1]: "shop" is listed twice',
    accepted: vs(`  hosts: [web]\n  exportTo: [".", istio-system]\n${ROUTE}`),
  },
  {
    rule: 'a Gateway server has hosts',
    refused: gw('    - port: { number: 80, name: http, protocol: HTTP }\n      hosts: []'),
    finding: 'spec.servers[0].hosts: is empty; a server serves at least one host',
    accepted: gw('    - port: { number: 80, name: http, protocol: HTTP }\n      hosts: ["shop/*.example.com"]'),
  },
  {
    rule: 'an HTTPS server has TLS settings',
    refused: gw('    - port: { number: 443, name: https, protocol: HTTPS }\n      hosts: [shop.example.com]'),
    finding: 'spec.servers[0].tls: is missing on a HTTPS server; add tls (mode and credentialName)',
    accepted: gw('    - port: { number: 443, name: https, protocol: HTTPS }\n      hosts: [shop.example.com]\n      tls: { mode: SIMPLE, credentialName: shop-cert }'),
  },
  {
    rule: 'an HTTP server takes no TLS settings but httpsRedirect',
    refused: gw('    - port: { number: 80, name: http, protocol: HTTP }\n      hosts: [shop.example.com]\n      tls: { mode: SIMPLE, credentialName: shop-cert }'),
    finding: 'spec.servers[0].tls: is set on a HTTP server',
    accepted: gw('    - port: { number: 80, name: http, protocol: HTTP }\n      hosts: [shop.example.com]\n      tls: { httpsRedirect: true }'),
  },
  {
    rule: 'server port names are unique',
    refused: gw('    - port: { number: 80, name: web, protocol: HTTP }\n      hosts: [a.example.com]\n    - port: { number: 8080, name: web, protocol: HTTP }\n      hosts: [b.example.com]'),
    finding: 'spec.servers[1].port.name: web is also the port name of spec.servers[0]',
    accepted: gw('    - port: { number: 80, name: web, protocol: HTTP }\n      hosts: [a.example.com]\n    - port: { number: 8080, name: web-alt, protocol: HTTP }\n      hosts: [b.example.com]'),
  },
  {
    rule: 'a Gateway name is a DNS label',
    refused: gw('    - port: { number: 80, name: http, protocol: HTTP }\n      hosts: ["*"]', 'gw.main'),
    finding: 'metadata.name: "gw.main" is no DNS label',
    accepted: gw('    - port: { number: 80, name: http, protocol: HTTP }\n      hosts: ["*"]', 'gw-main'),
  },
];

describe("Istio's webhook rules in validate", () => {
  test.each(CASES)('$rule', ({ refused, finding, accepted }) => {
    const found = lintYaml(refused);
    expect(found.some(line => line.includes(`: ${finding}`) && line.endsWith(WEBHOOK))).toBe(true);
    expect(lintYaml(accepted).filter(line => line.endsWith(WEBHOOK))).toEqual([]);
  });

  test('an object that fails its CRD schema is left to the schema check', () => {
    const found = lintYaml(vs('  hosts: "*"'));
    expect(found).toEqual(['VirtualService shop/vs-web: spec.hosts: is "*" (a string); expected a list of strings']);
  });

  test('every problem of one object is reported at once', () => {
    const found = lintYaml(vs('  hosts: ["*", web]\n  http:\n    - match: [{ headers: { x-a: { prefix: "" }, "x b": { exact: c } } }]\n      route: [{ destination: { host: web, subset: a.b } }]'));
    expect(found.filter(line => line.endsWith(WEBHOOK))).toHaveLength(4);
  });
});
