import { lintYaml } from './lint-support/in-memory';

/*
 * validate agrees with `istioctl analyze` where both check the same thing. Each case is a small
 * manifest of our own, modelled on a case of istio/istio pkg/config/analysis/analyzers/testdata,
 * with what the analyzer expects of it: the message it raises (`expect` matches one of our
 * findings), or none (`expect: undefined`: we raise no finding of that kind either).
 */

const service = (name: string, ns: string) => `
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${ns} }
spec: { selector: { app: ${name} }, ports: [{ name: http, port: 80 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}-v1, namespace: ${ns} }
spec:
  selector: { matchLabels: { app: ${name}, version: v1 } }
  template:
    metadata: { labels: { app: ${name}, version: v1 } }
    spec: { containers: [{ name: app, image: example/app:1 }] }
`;

const meshVs = (name: string, ns: string, host: string, exportTo?: string) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ${name}, namespace: ${ns} }
spec:
  hosts: [${host}]${exportTo ? `\n  exportTo: ${exportTo}` : ''}
  http: [{ route: [{ destination: { host: ${host} } }] }]
`;

interface AnalyzerCase {
  /** The analyzer message (and the testdata it is modelled on). */
  readonly analyzer: string;
  readonly name: string;
  readonly yaml: string;
  /** What one of our findings must match, or `undefined` when the analyzer raises nothing. */
  readonly expect: RegExp | undefined;
  /** What none of our findings may match (to check the absence of a false positive). */
  readonly absent?: RegExp;
}

const CASES: AnalyzerCase[] = [
  {
    analyzer: 'IST0109 ConflictingMeshGatewayVirtualServiceHosts (conflicting-meshgateway-vs-hosts)',
    name: 'two VirtualServices exported everywhere bind one host',
    yaml: `${meshVs('a', 'team1', 'cart.shop.svc.cluster.local')}---${meshVs('b', 'team2', 'cart.shop.svc.cluster.local')}`,
    expect: /host cart\.shop\.svc\.cluster\.local is also bound for the mesh by VirtualService team2\/b/,
  },
  {
    analyzer: 'IST0109, exportTo (conflicting-meshgateway-vs-hosts-with-exportto)',
    name: 'VirtualServices exported only to their own namespaces do not conflict',
    yaml: `${meshVs('a', 'team1', 'cart.shop.svc.cluster.local', '["."]')}---${meshVs('b', 'team2', 'cart.shop.svc.cluster.local', '["."]')}`,
    expect: undefined,
    absent: /is also bound for the mesh/,
  },
  {
    analyzer: 'IST0109, exportTo',
    name: 'a VirtualService exported to a namespace conflicts there with one exported everywhere',
    yaml: `${meshVs('a', 'team1', 'cart.shop.svc.cluster.local', '[team2]')}---${meshVs('b', 'team2', 'cart.shop.svc.cluster.local')}`,
    expect: /is also bound for the mesh in namespace team2 by VirtualService team2\/b/,
  },
  {
    analyzer: 'IST0109, exportTo to two namespaces',
    name: 'two VirtualServices exported to disjoint namespaces do not conflict',
    yaml: `${meshVs('a', 'team1', 'cart.shop.svc.cluster.local', '[team1, team3]')}---${meshVs('b', 'team2', 'cart.shop.svc.cluster.local', '[team2]')}`,
    expect: undefined,
    absent: /is also bound for the mesh/,
  },
  {
    analyzer: 'IST0101 ReferencedResourceNotFound, kind: List (virtualservice_destinationrules as kubectl get -o yaml prints it)',
    name: 'the items of a List are read as objects',
    yaml: `
apiVersion: v1
kind: List
items:
  - apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: { name: web, namespace: shop }
    spec:
      hosts: [web]
      http: [{ route: [{ destination: { host: web, subset: v9 } }] }]
`,
    expect: /spec\.http\[0\]\.route\[0\]\.destination: subset v9 of host web\.shop\.svc\.cluster\.local is not defined/,
  },
  {
    analyzer: 'IST0101 on subsets (destinationrule-subset-locality)',
    name: 'a subset keyed on a location label Istio adds to endpoints selects pods',
    yaml: `${service('web', 'shop')}---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: web, namespace: shop }
spec:
  host: web
  subsets: [{ name: east, labels: { version: v1, topology.kubernetes.io/region: us-east1, topology.istio.io/subzone: a } }]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web, namespace: shop }
spec:
  hosts: [web]
  http: [{ route: [{ destination: { host: web, subset: east } }] }]
`,
    expect: undefined,
    absent: /selects no pods/,
  },
  {
    analyzer: 'IST0101 on subsets',
    name: 'a subset keyed on a pod label no pod has selects no pods',
    yaml: `${service('web', 'shop')}---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: web, namespace: shop }
spec:
  host: web
  subsets: [{ name: v2, labels: { version: v2, topology.kubernetes.io/zone: a } }]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web, namespace: shop }
spec:
  hosts: [web]
  http: [{ route: [{ destination: { host: web, subset: v2 } }] }]
`,
    expect: /subset v2 of host web\.shop\.svc\.cluster\.local selects no pods: no pod template in namespace shop has the labels app=web, version=v2$/,
  },
  {
    analyzer: 'IST0130 VirtualServiceUnreachableRule (unreachable rules, http)',
    name: 'an http route after a catch-all written as uri regex .*',
    yaml: `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web, namespace: shop }
spec:
  hosts: [web]
  http:
    - match: [{ uri: { regex: ".*" } }]
      route: [{ destination: { host: web } }]
    - route: [{ destination: { host: web } }]
`,
    expect: /spec\.http\[1\]: is unreachable: spec\.http\[0\] before it matches every request/,
  },
  {
    analyzer: 'IST0130 VirtualServiceUnreachableRule (tcp)',
    name: 'a tcp route after one without match',
    yaml: `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: db, namespace: shop }
spec:
  hosts: [db]
  tcp:
    - route: [{ destination: { host: db } }]
    - match: [{ port: 5432 }]
      route: [{ destination: { host: db } }]
`,
    expect: /spec\.tcp\[1\]: is unreachable: spec\.tcp\[0\] before it matches every connection/,
  },
  {
    analyzer: 'IST0130 (tcp, no catch-all)',
    name: 'tcp routes that each match a port are all reachable',
    yaml: `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: db, namespace: shop }
spec:
  hosts: [db]
  tcp:
    - match: [{ port: 5432 }]
      route: [{ destination: { host: db } }]
    - match: [{ port: 5433 }]
      route: [{ destination: { host: db } }]
`,
    expect: undefined,
    absent: /is unreachable/,
  },
  {
    analyzer: 'webhook: duplicate hosts (virtualservice with overlapping wildcard hosts)',
    name: 'overlapping wildcards in one VirtualService',
    yaml: `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web, namespace: shop }
spec:
  hosts: ["*.example.com", "*.shop.example.com"]
  gateways: [shop/gw]
  http: [{ route: [{ destination: { host: web } }] }]
`,
    expect: /spec\.hosts\[1\]: \*\.shop\.example\.com overlaps \*\.example\.com/,
  },
];

describe('validate agrees with istioctl analyze', () => {
  test.each(CASES)('$analyzer: $name', ({ yaml, expect: expected, absent }) => {
    const findings = lintYaml(yaml);
    if (expected) expect(findings.some(line => expected.test(line))).toBe(true);
    if (absent) expect(findings.filter(line => absent.test(line))).toEqual([]);
  });
});

describe('validate reads a kind: List from disk as its items', () => {
  test('each item is checked, and an item that is no object is a finding', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { lintFiles } = require('./lint-support/write-files') as typeof import('./lint-support/write-files');
    const { lines } = lintFiles({
      'list.yaml': `
apiVersion: v1
kind: List
items:
  - apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: { name: web, namespace: shop }
    spec:
      hosts: ["*"]
      http: [{ route: [{ destination: { host: web } }] }]
  - { kind: Service }
`,
    });
    expect(lines).toEqual([
      'list.yaml: document 1: an item of the List is not a Kubernetes object: apiVersion is missing or not a string',
      "list.yaml: VirtualService shop/web: spec.hosts[0]: is '*' on a VirtualService bound to the mesh; name the hosts, or bind it to gateways only (Istio's webhook refuses this)",
    ]);
  });
});

describe('IST0132 VirtualServiceHostNotFoundInGateway (virtualservice-host-not-found-gateway)', () => {
  const gateway = (hosts: string) => `
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: gw, namespace: istio-system }
spec:
  selector: { istio: ingressgateway }
  servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ${hosts} }]
`;
  const bound = (host: string) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web, namespace: shop }
spec:
  hosts: ["${host}"]
  gateways: [istio-system/gw]
  http: [{ route: [{ destination: { host: web.shop.svc.cluster.local } }] }]
`;
  const notFound = /spec\.gateways\[0\]: Gateway istio-system\/gw serves/;

  test.each([
    ['a host the servers name', '[shop.example.com]', 'shop.example.com', false],
    ['a host a server wildcard covers', '["*.example.com"]', 'shop.example.com', false],
    ['a wildcard host covering a server host', '[shop.example.com]', '*.example.com', false],
    ['a server host for the VirtualService namespace', '["shop/shop.example.com"]', 'shop.example.com', false],
    ['a host no server names', '[shop.example.com]', 'other.example.com', true],
    ['a server host for another namespace', '["payments/shop.example.com"]', 'shop.example.com', true],
    ['a ./ server host (the Gateway\'s own namespace)', '["./shop.example.com"]', 'shop.example.com', true],
  ])('%s', (_, serverHosts, host, reported) => {
    const findings = lintYaml(`${gateway(serverHosts)}---${bound(host)}`);
    expect(findings.some(line => notFound.test(line))).toBe(reported);
  });

  test('a Gateway not among the manifests is not looked for', () => {
    expect(lintYaml(bound('other.example.com')).filter(line => notFound.test(line))).toEqual([]);
  });
});
