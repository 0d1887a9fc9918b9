import { join } from 'path';
import { formatFinding, lintPaths } from '../lib/lint';
import { lintFiles } from './lint-support/write-files';
import { ALL_TRICKY_STRINGS } from './support/tricky-strings';
import { renderYaml } from '../lib/output/yaml';

/*
 * lib/lint on hand-written manifests. Every expectation below is written from the rules,
 * not copied from output: file names are relative to the temporary folder the YAML is
 * written to; a message naming another file names it by its full path.
 */

const ROOT = join(__dirname, '..');

/** The Service of appa and a Deployment per version, in namespace default. */
const APP = `
apiVersion: v1
kind: Service
metadata:
  name: appa
spec:
  selector:
    app: appa
  ports:
    - name: http
      port: 8000
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: appa-v1
spec:
  selector:
    matchLabels: { app: appa, version: v1 }
  template:
    metadata:
      labels: { app: appa, version: v1 }
    spec:
      containers:
        - name: app
          image: example/app:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: appa-v2
spec:
  selector:
    matchLabels: { app: appa, version: v2 }
  template:
    metadata:
      labels: { app: appa, version: v2 }
    spec:
      containers:
        - name: app
          image: example/app:2
`;

/** appa's DestinationRule, subsets v1 and v2. */
const DESTINATION_RULE = `
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: dr-appa
spec:
  host: appa
  subsets:
    - name: v1
      labels: { version: v1 }
    - name: v2
      labels: { version: v2 }
`;

/** A VirtualService for appa splitting 90:10 between the subsets given. */
function splitting(first: string, second: string): string {
  return `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: vs-appa
spec:
  hosts: [appa]
  http:
    - route:
        - destination: { host: appa, subset: ${first} }
          weight: 90
        - destination: { host: appa, subset: ${second} }
          weight: 10
`;
}

describe('manifests without faults', () => {
  test('the committed dist/ manifests give no findings, each variant linted on its own', () => {
    const plain = ['routing.yaml', 'v1.yaml', 'v2.yaml'].map(name => join(ROOT, 'dist', name));
    expect(lintPaths(plain).map(formatFinding)).toEqual([]);
    expect(lintPaths([join(ROOT, 'gitops', 'seed-headers')]).map(formatFinding)).toEqual([]);
  });

  test('a hand-written app with routing gives no findings', () => {
    const { lines } = lintFiles({ 'app.yaml': APP, 'routing.yaml': `${DESTINATION_RULE}---${splitting('v1', 'v2')}` });
    expect(lines).toEqual([]);
  });
});

describe('CRD schema', () => {
  test('a weight that is no integer', () => {
    const { lines } = lintFiles({
      'vs.yaml': `
apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata: { name: vs-appa, namespace: shop }
spec:
  hosts: [appa]
  http:
    - route:
        - destination: { host: appa }
          weight: ten
`,
    });
    expect(lines).toEqual(['vs.yaml: VirtualService shop/vs-appa: spec.http[0].route[0].weight: is "ten" (a string); expected a whole number']);
  });

  test('a destination without its required host, and hosts that is no list', () => {
    const { lines } = lintFiles({
      'vs.yaml': `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-appa }
spec:
  hosts: appa
  http:
    - route:
        - destination: { port: { number: 8000 } }
`,
    });
    expect(lines).toEqual([
      'vs.yaml: VirtualService default/vs-appa: spec.hosts: is "appa" (a string); expected a list of strings',
      'vs.yaml: VirtualService default/vs-appa: spec.http[0].route[0].destination.host: is missing; add it',
    ]);
  });

  test('a uri match setting two of exact, prefix and regex', () => {
    const { lines } = lintFiles({
      'vs.yaml': `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-appa }
spec:
  hosts: [appa]
  http:
    - match:
        - uri: { prefix: /api, exact: /api/v1 }
      route:
        - destination: { host: appa }
`,
    });
    expect(lines).toEqual([
      'vs.yaml: VirtualService default/vs-appa: spec.http[0].match[0].uri: sets exact and prefix; expected at most one of exact, prefix, regex; keep one',
    ]);
  });

  test('a load balancer that is not among the allowed values', () => {
    const { lines } = lintFiles({
      'dr.yaml': `
apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata: { name: dr-appa }
spec:
  host: appa
  trafficPolicy:
    loadBalancer: { simple: FASTEST }
`,
    });
    expect(lines).toEqual([
      'dr.yaml: DestinationRule default/dr-appa: spec.trafficPolicy.loadBalancer.simple: is "FASTEST" (a string); '
      + 'expected one of "UNSPECIFIED", "LEAST_CONN", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST"',
    ]);
  });

  test('a Gateway server without its required port', () => {
    const { lines } = lintFiles({
      'gw.yaml': `
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: app-gw, namespace: istio-system }
spec:
  selector: { istio: ingressgateway }
  servers:
    - hosts: ['*']
`,
    });
    expect(lines).toEqual(['gw.yaml: Gateway istio-system/app-gw: spec.servers[0].port: is missing; add it']);
  });

  test('a Gateway API route over its hostname limits: too many, one of them empty', () => {
    const hostnames = ['""', ...Array.from({ length: 16 }, (_, i) => `h${i}.example.com`)];
    const { lines } = lintFiles({
      'route.yaml': `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: shop }
spec:
  hostnames: [${hostnames.join(', ')}]
`,
    });
    const hostnamePattern = '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
    expect(lines.filter(line => line.includes('spec.hostnames'))).toEqual([
      'route.yaml: HTTPRoute shop/web: spec.hostnames: has 17 entries, more than the 16 allowed; remove some',
      'route.yaml: HTTPRoute shop/web: spec.hostnames[0]: is "" (a string); expected a string matching the regular expression '
      + `\`${hostnamePattern}\``,
      'route.yaml: HTTPRoute shop/web: spec.hostnames[0]: is 0 characters long, fewer than the 1 required; lengthen it',
    ]);
  });

  test('an int-or-string field given a list', () => {
    const { lines } = lintFiles({
      'vs.yaml': `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-appa }
spec:
  hosts: [appa]
  http:
    - route:
        - destination: { host: appa }
status:
  observedGeneration: [3]
`,
    });
    expect(lines).toEqual(['vs.yaml: VirtualService default/vs-appa: status.observedGeneration: is a list; expected a whole number or a string']);
  });

  test('an apiVersion with no schema', () => {
    const { lines } = lintFiles({
      'vs.yaml': `
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata: { name: vs-appa }
spec:
  hosts: [appa]
  http:
    - route:
        - destination: { host: appa }
`,
    });
    expect(lines).toEqual([
      'vs.yaml: VirtualService default/vs-appa: apiVersion networking.istio.io/v1alpha3 is not a known version of VirtualService (known: networking.istio.io/v1, networking.istio.io/v1beta1)',
    ]);
  });

  test('fields the schema does not define, anywhere but in free-form mappings', () => {
    const { lines } = lintFiles({
      'vs.yaml': `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-appa, labels: { anything: goes } }
extra: 1
spec:
  hosts: [appa]
  http:
    - timeoutt: 5s
      match:
        - headers: { x-any-header: { exact: v2 } }
          sourceLabels: { any-label: v1 }
      route:
        - destination: { host: appa }
`,
    });
    expect(lines).toEqual([
      'vs.yaml: VirtualService default/vs-appa: extra: is not a field of VirtualService networking.istio.io/v1; the API server rejects or drops it',
      'vs.yaml: VirtualService default/vs-appa: spec.http[0].timeoutt: is not a field of VirtualService networking.istio.io/v1; the API server rejects or drops it',
    ]);
  });

  test('YAML is read as kubectl reads it: an unquoted on is a boolean, which a label value must not be', () => {
    const { lines } = lintFiles({
      'dr.yaml': `
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: dr-appa }
spec:
  host: appa
  subsets:
    - name: v1
      labels: { version: v1, canary: on }
    - name: v2
      labels: { version: v2, canary: 'on' }
`,
    });
    expect(lines).toEqual([
      'dr.yaml: DestinationRule default/dr-appa: spec.subsets[0].labels.canary: is true (a boolean); expected a string; write it in quotes to keep it text: "true"',
      expect.stringMatching(/^dr\.yaml: DestinationRule default\/dr-appa: spec\.subsets\[0\]\.labels\.canary: plain on is read as the boolean true by YAML 1\.1 and kubectl, but as the string "on" by YAML 1\.2\. Quote it/),
    ]);
  });

  test('objects of other groups and kinds are not schema-checked', () => {
    const { lines } = lintFiles({
      'other.yaml': `
apiVersion: example.com/v1
kind: VirtualService
metadata: { name: not-istio }
spec: { hosts: 12 }
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: { name: external }
spec: { hosts: 12 }
`,
    });
    expect(lines).toEqual([]);
  });
});

describe('subsets', () => {
  test('a subset the DestinationRule does not define', () => {
    const { lines } = lintFiles({ 'app.yaml': APP, 'routing.yaml': `${DESTINATION_RULE}---${splitting('v1', 'v3')}` });
    expect(lines).toEqual([
      'routing.yaml: VirtualService default/vs-appa: spec.http[0].route[1].destination: subset v3 of host appa.default.svc.cluster.local is not defined: DestinationRule default/dr-appa defines only v1, v2',
    ]);
  });

  test('a short host resolves in the namespace of each object, so a DestinationRule in another namespace misses it', () => {
    const virtualService = splitting('v1', 'v2').replace('name: vs-appa', 'name: vs-appa\n  namespace: shop');
    const { lines } = lintFiles({ 'routing.yaml': `${DESTINATION_RULE}---${virtualService}` });
    expect(lines).toEqual([
      'routing.yaml: VirtualService shop/vs-appa: spec.http[0].route[0].destination: subset v1 of host appa.shop.svc.cluster.local is not defined: no DestinationRule for that host is among the manifests',
      'routing.yaml: VirtualService shop/vs-appa: spec.http[0].route[1].destination: subset v2 of host appa.shop.svc.cluster.local is not defined: no DestinationRule for that host is among the manifests',
    ]);
  });

  test('a DestinationRule elsewhere covering the host by full name or wildcard defines its subsets', () => {
    const byFullName = DESTINATION_RULE.replace('name: dr-appa', 'name: dr-appa\n  namespace: istio-system').replace('host: appa', 'host: appa.default.svc.cluster.local');
    const byWildcard = DESTINATION_RULE.replace('host: appa', "host: '*.default.svc.cluster.local'");
    expect(lintFiles({ 'app.yaml': APP, 'routing.yaml': `${byFullName}---${splitting('v1', 'v2')}` }).lines).toEqual([]);
    expect(lintFiles({ 'app.yaml': APP, 'routing.yaml': `${byWildcard}---${splitting('v1', 'v2')}` }).lines).toEqual([]);
  });

  test('a mirror naming a missing subset', () => {
    const virtualService = `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-appa }
spec:
  hosts: [appa]
  http:
    - route:
        - destination: { host: appa, subset: v1 }
      mirror: { host: appa, subset: shadow }
`;
    const { lines } = lintFiles({ 'app.yaml': APP, 'routing.yaml': `${DESTINATION_RULE}---${virtualService}` });
    expect(lines).toEqual([
      'routing.yaml: VirtualService default/vs-appa: spec.http[0].mirror: subset shadow of host appa.default.svc.cluster.local is not defined: DestinationRule default/dr-appa defines only v1, v2',
    ]);
  });
});

describe('subsets select pods', () => {
  const [service, deploymentV1, deploymentV2] = APP.split('---');
  const routing = `${DESTINATION_RULE}---${splitting('v1', 'v2')}`;
  const noV2Pods = 'routing.yaml: VirtualService default/vs-appa: spec.http[0].route[1].destination: subset v2 of host appa.default.svc.cluster.local selects no pods: no pod template in namespace default has the labels app=appa, version=v2';

  test('a subset no Deployment of the Service carries', () => {
    expect(lintFiles({ 'app.yaml': `${service}---${deploymentV1}`, 'routing.yaml': routing }).lines).toEqual([noV2Pods]);
  });

  test('pods with the subset label but not the Service selector are not selected', () => {
    const otherApp = deploymentV2.replace(/app: appa/g, 'app: appz');
    expect(lintFiles({ 'app.yaml': `${service}---${deploymentV1}---${otherApp}`, 'routing.yaml': routing }).lines).toEqual([noV2Pods]);
  });

  test('pods in another namespace are not selected', () => {
    const elsewhere = deploymentV2.replace('name: appa-v2', 'name: appa-v2\n  namespace: shop');
    expect(lintFiles({ 'app.yaml': `${service}---${deploymentV1}---${elsewhere}`, 'routing.yaml': routing }).lines).toEqual([noV2Pods]);
  });

  test('a StatefulSet provides pods as well as a Deployment', () => {
    const statefulSet = deploymentV2.replace('kind: Deployment', 'kind: StatefulSet');
    expect(lintFiles({ 'app.yaml': `${service}---${deploymentV1}---${statefulSet}`, 'routing.yaml': routing }).lines).toEqual([]);
  });

  test('without the Service among the manifests, pods are not looked for', () => {
    expect(lintFiles({ 'app.yaml': deploymentV1, 'routing.yaml': routing }).lines).toEqual([]);
    expect(lintFiles({ 'routing.yaml': routing }).lines).toEqual([]);
  });
});

describe('mesh hosts', () => {
  const virtualService = (name: string, namespace: string, host: string, gateways?: string) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  hosts: [${host}]${gateways ? `\n  gateways: ${gateways}` : ''}
  http:
    - route:
        - destination: { host: ${host} }
`;

  test('two VirtualServices binding one host for the mesh, by short and by full name', () => {
    const { folder, lines } = lintFiles({
      'a.yaml': virtualService('vs-a', 'default', 'appa'),
      'b.yaml': virtualService('vs-b', 'other', 'appa.default.svc.cluster.local', '[mesh, istio-system/app-gw]'),
      // bound for a gateway only: no conflict
      'c.yaml': virtualService('vs-c', 'default', 'appa', '[istio-system/app-gw]'),
      // appa in namespace other is another host
      'd.yaml': virtualService('vs-d', 'other', 'appa'),
    });
    expect(lines).toEqual([
      `a.yaml: VirtualService default/vs-a: host appa.default.svc.cluster.local is also bound for the mesh by VirtualService other/vs-b (${join(folder, 'b.yaml')}); sidecars apply only one VirtualService per host`,
      `b.yaml: VirtualService other/vs-b: host appa.default.svc.cluster.local is also bound for the mesh by VirtualService default/vs-a (${join(folder, 'a.yaml')}); sidecars apply only one VirtualService per host`,
    ]);
  });

  test('identical copies of one VirtualService are no conflict; differing copies are reported as such', () => {
    const same = virtualService('vs-a', 'default', 'appa');
    expect(lintFiles({ 'a.yaml': same, 'b.yaml': same }).lines).toEqual([]);

    const changed = same.replace('hosts: [appa]', 'hosts: [appa, appa.example.com]');
    const { folder, lines } = lintFiles({ 'a.yaml': same, 'b.yaml': changed });
    expect(lines).toEqual([
      `a.yaml: VirtualService default/vs-a: is defined differently in ${join(folder, 'b.yaml')} (document 1); only the one applied last survives`,
      `b.yaml: VirtualService default/vs-a: is defined differently in ${join(folder, 'a.yaml')} (document 1); only the one applied last survives`,
    ]);
  });
});

describe('delegates', () => {
  const root = (delegate: string) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-gateway, namespace: istio-system }
spec:
  hosts: [app.example.com]
  gateways: [istio-system/app-gw]
  http:
    - match:
        - uri: { prefix: / }
      delegate: ${delegate}
`;
  const delegateTarget = (hosts: string) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-appa, namespace: default }
spec:${hosts}
  http:
    - route:
        - destination: { host: appa }
`;

  test('a delegate that is not among the manifests: its namespace defaults to the delegating one', () => {
    const { lines } = lintFiles({ 'routing.yaml': `${root('{ name: vs-appa }')}---${delegateTarget('')}` });
    expect(lines).toEqual([
      'routing.yaml: VirtualService istio-system/vs-gateway: spec.http[0].delegate: VirtualService istio-system/vs-appa is not among the manifests',
    ]);
  });

  test('a delegate that sets hosts', () => {
    const { lines } = lintFiles({ 'routing.yaml': `${root('{ name: vs-appa, namespace: default }')}---${delegateTarget('\n  hosts: [appa]')}` });
    expect(lines).toEqual([
      'routing.yaml: VirtualService istio-system/vs-gateway: spec.http[0].delegate: VirtualService default/vs-appa sets hosts (appa), which a delegate must not',
    ]);
  });

  test('a delegate found by name and namespace, without hosts, is fine', () => {
    expect(lintFiles({ 'routing.yaml': `${root('{ name: vs-appa, namespace: default }')}---${delegateTarget('')}` }).lines).toEqual([]);
  });
});

describe('routes after a catch-all', () => {
  test('every route after the first catch-all is reported by index', () => {
    const { lines } = lintFiles({
      'vs.yaml': `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-appa }
spec:
  hosts: [appa]
  http:
    - match:
        - headers: { version: { exact: v2 } }
      route:
        - destination: { host: appa }
    - match:
        - uri: { prefix: /api }
        - uri: { prefix: / }
      route:
        - destination: { host: appa }
    - match:
        - uri: { prefix: /admin }
      route:
        - destination: { host: appa }
    - route:
        - destination: { host: appa }
`,
    });
    expect(lines).toEqual([
      'vs.yaml: VirtualService default/vs-appa: spec.http[2]: is unreachable: spec.http[1] before it matches every request',
      'vs.yaml: VirtualService default/vs-appa: spec.http[3]: is unreachable: spec.http[1] before it matches every request',
    ]);
  });

  test('a match entry with nothing but a name catches all; a prefix with another condition does not', () => {
    const { lines } = lintFiles({
      'vs.yaml': `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-named }
spec:
  hosts: [appa]
  http:
    - match:
        - name: everything
      route:
        - destination: { host: appa }
    - route:
        - destination: { host: appa }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-narrow }
spec:
  hosts: [appb]
  http:
    - match:
        - uri: { prefix: / }
          headers: { version: { exact: v2 } }
      route:
        - destination: { host: appb }
    - route:
        - destination: { host: appb }
`,
    });
    expect(lines).toEqual([
      'vs.yaml: VirtualService default/vs-named: spec.http[1]: is unreachable: spec.http[0] before it matches every request',
    ]);
  });
});

describe('findings of several checks', () => {
  test('are sorted by file, then document, then message', () => {
    const { lines } = lintFiles({
      'b.yaml': `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-b }
spec:
  http:
    - route:
        - destination: { host: appb }
    - route:
        - destination: { host: appb }
          weight: lots
`,
      'a.yaml': `
apiVersion: v1
kind: ConfigMap
metadata: { name: fine }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-a }
spec:
  http:
    - route:
        - destination: { host: appa, subset: v1 }
`,
    });
    expect(lines).toEqual([
      'a.yaml: VirtualService default/vs-a: spec.http[0].route[0].destination: subset v1 of host appa.default.svc.cluster.local is not defined: no DestinationRule for that host is among the manifests',
      'b.yaml: VirtualService default/vs-b: spec.http[1].route[0].weight: is "lots" (a string); expected a whole number',
      'b.yaml: VirtualService default/vs-b: spec.http[1]: is unreachable: spec.http[0] before it matches every request',
    ]);
  });
});

describe('YAML that readers read differently', () => {
  /** A ConfigMap-like object with the given YAML lines under `data:`, which no other check looks into. */
  const holding = (lines: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n${lines}`;

  test('flags plain scalars that YAML 1.1, kubectl and YAML 1.2 read as different types or values, with the fix', () => {
    const { lines } = lintFiles({ 'settings.yaml': holding('  mode: 0o644\n  enabled: on\n  count: 012\n  on: x\n') });
    expect(lines).toEqual([
      'settings.yaml: ConfigMap default/settings: data.count: plain 012 is read as the number 10 by YAML 1.1 and kubectl, but as the number 12 by YAML 1.2. Quote it ("012") to keep the text, or write 10 for the value kubectl reads',
      'settings.yaml: ConfigMap default/settings: data.enabled: plain on is read as the boolean true by YAML 1.1 and kubectl, but as the string "on" by YAML 1.2. Quote it ("on") to keep the text, or write true for the value kubectl reads',
      'settings.yaml: ConfigMap default/settings: data.mode: plain 0o644 is read as the string "0o644" by YAML 1.1, but as the number 420 by kubectl and YAML 1.2. Quote it ("0o644") to keep the text, or write 420 for the value kubectl reads',
      'settings.yaml: ConfigMap default/settings: data.on (the key): plain on is read as the boolean true by YAML 1.1 and kubectl, but as the string "on" by YAML 1.2. Quote it ("on") to keep the text, or write true for the value kubectl reads',
    ]);
  });

  test('names the object and the path inside lists, and flags what only YAML 1.1 reads differently (dates)', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    released: 2001-12-14
spec:
  template:
    spec:
      containers:
        - name: web
          image: example/web:1
          env:
            - { name: MODE, value: "0o644" }
            - { name: UMASK, value: 0o022 }
`;
    const { lines } = lintFiles({ 'web.yaml': deployment });
    expect(lines).toEqual([
      expect.stringMatching(/^web\.yaml: Deployment default\/web: metadata\.annotations\.released: plain 2001-12-14 is read as a timestamp by YAML 1\.1, but as the string "2001-12-14" by kubectl and YAML 1\.2\. Quote it \("2001-12-14"\) to keep the text$/),
      expect.stringMatching(/^web\.yaml: Deployment default\/web: spec\.template\.spec\.containers\[0\]\.env\[1\]\.value: plain 0o022 .* the number 18 by kubectl/),
    ]);
  });

  test('leaves alone what every reader reads alike: quoted or tagged text, numbers, booleans, merge keys', () => {
    const { lines } = lintFiles({
      'settings.yaml': holding('  a: "on"\n  b: !!str 0o644\n  c: 10\n  d: true\n  e: 1.5\n  f: v1\n  g: \'012\'\n'),
      'merged.yaml': 'base: &base { apiVersion: v1 }\n<<: *base\nkind: ConfigMap\nmetadata: { name: merged }\n',
    });
    expect(lines).toEqual([]);
  });

  test('flags raw line and paragraph separators and NEL, in values and elsewhere, with the escaped form', () => {
    const { lines } = lintFiles({ 'settings.yaml': holding('  note: "a\u2028b"\n  plain: x\u2029y\u0085z\n# a comment \u2028 too\n') });
    expect(lines).toEqual([
      'settings.yaml: ConfigMap default/settings: data.note: holds U+2028 (line separator) raw, a line break to YAML 1.1 readers (kubectl, kustomize, PyYAML), which fail or change the text. Write it escaped in a double-quoted string: "a\\u2028b"',
      'settings.yaml: ConfigMap default/settings: data.plain: holds U+2029 (paragraph separator) and U+0085 (next line, NEL) raw, line breaks to YAML 1.1 readers (kubectl, kustomize, PyYAML), which fail or change the text. Write it escaped in a double-quoted string: "x\\u2029y\\u0085z"',
      expect.stringMatching(/^settings\.yaml: ConfigMap default\/settings: in a comment or between values: holds U\+2028 \(line separator\) raw/),
    ]);
  });

  test('finds nothing in what the writer writes, tricky strings included', () => {
    const data = Object.fromEntries(ALL_TRICKY_STRINGS.map((text, i) => [`k${i}`, text]));
    const { lines } = lintFiles({ 'written.yaml': renderYaml([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'written' }, data }]) });
    expect(lines).toEqual([]);
  });
});
