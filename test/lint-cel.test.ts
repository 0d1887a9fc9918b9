import { lintYaml } from './lint-support/in-memory';
import { isRequestUri, compileRule } from '../lib/lint/cel-evaluator';
import { escapePropertyName } from '../lib/lint/cel-values';

/*
 * validate evaluates the CRDs' CEL rules (x-kubernetes-validations): Istio's in
 * crds/istio-networking.yaml, Gateway API's in crds/gateway-api-standard.yaml. Each case is a
 * manifest the rule refuses and one it accepts; the expected messages are the CRDs' own.
 */

const virtualService = (timeout: string) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: vs-web, namespace: shop }
spec:
  hosts: [web]
  http:
    - timeout: ${timeout}
      route:
        - destination: { host: web }
`;

/** An HTTPRoute, with the Gateway and the Service it refers to (so that only CEL findings remain). */
const httpRoute = (rule: string) => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: shop }
spec:
  parentRefs: [{ name: gw }]
  rules:
${rule}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: shop }
spec: { gatewayClassName: istio, listeners: [{ name: http, port: 80, protocol: HTTP }] }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { ports: [{ port: 80 }], selector: { app: web } }
`;

const gateway = (listeners: string) => `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: shop }
spec:
  gatewayClassName: istio
  listeners:
${listeners}
`;

describe('CEL rules of the Istio CRDs', () => {
  test('a timeout under 1 ms is refused, 1 ms and more is accepted', () => {
    expect(lintYaml(virtualService('0.5ms'))).toEqual([
      "VirtualService shop/vs-web: spec.http[0].timeout: must be a valid duration greater than 1ms (the CRD's CEL rule duration(self) >= duration('1ms'))",
    ]);
    expect(lintYaml(virtualService('1ms'))).toEqual([]);
    expect(lintYaml(virtualService('2s'))).toEqual([]);
  });

  test('a timeout that is no duration cannot be evaluated, and is reported', () => {
    const [finding, ...rest] = lintYaml(virtualService('soon'));
    expect(rest).toEqual([]);
    expect(finding).toMatch(/^VirtualService shop\/vs-web: spec\.http\[0\]\.timeout: the CRD's CEL rule duration\(self\) >= duration\('1ms'\) cannot be evaluated \(.+\); the API server refuses the object$/);
  });

  test('a DestinationRule connection-pool idle timeout is checked too (every rule of the schema, not only the route timeout)', () => {
    const rule = (idle: string) => `
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: web, namespace: shop }
spec:
  host: web
  trafficPolicy:
    connectionPool:
      http: { idleTimeout: ${idle} }
`;
    expect(lintYaml(rule('0s'))).toEqual([
      "DestinationRule shop/web: spec.trafficPolicy.connectionPool.http.idleTimeout: must be a valid duration greater than 1ms (the CRD's CEL rule duration(self) >= duration('1ms'))",
    ]);
    expect(lintYaml(rule('30s'))).toEqual([]);
  });

  test('CEL is not evaluated on an object that fails the schema check', () => {
    const findings = lintYaml(virtualService('0.5ms').replace('hosts: [web]', 'hosts: web'));
    expect(findings).toEqual(['VirtualService shop/vs-web: spec.hosts: is "web" (a string); expected a list of strings']);
  });
});

describe('CEL rules of the Gateway API CRDs, chosen by API group', () => {
  test('an HTTPRoute path match must start with a slash', () => {
    const rule = (value: string) => httpRoute(`    - matches: [{ path: { type: PathPrefix, value: "${value}" } }]
      backendRefs: [{ name: web, port: 80 }]`);
    const refused = lintYaml(rule('api'));
    expect(refused).toContain("HTTPRoute shop/web: spec.rules[0].matches[0].path: value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix'] (the CRD's CEL rule (self.type in ['Exact','PathPrefix']) ? self.value.startsWith('/') : true)");
    expect(lintYaml(rule('/api'))).toEqual([]);
  });

  test('a backendRef to a Service needs a port', () => {
    const refused = lintYaml(httpRoute('    - backendRefs: [{ name: web }]'));
    expect(refused).toEqual([
      "HTTPRoute shop/web: spec.rules[0].backendRefs[0]: Must have port for Service reference (the CRD's CEL rule (size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true)",
    ]);
    expect(lintYaml(httpRoute('    - backendRefs: [{ name: web, port: 80 }]'))).toEqual([]);
  });

  test('two RequestHeaderModifier filters in one rule are refused, one is accepted', () => {
    const filter = '{ type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: x-lane, value: v2 }] } }';
    const refused = lintYaml(httpRoute(`    - filters: [${filter}, ${filter}]\n      backendRefs: [{ name: web, port: 80 }]`));
    expect(refused).toEqual([
      "HTTPRoute shop/web: spec.rules[0].filters: RequestHeaderModifier filter cannot be repeated (the CRD's CEL rule self.filter(f, f.type == 'RequestHeaderModifier').size() <= 1)",
    ]);
    expect(lintYaml(httpRoute(`    - filters: [${filter}]\n      backendRefs: [{ name: web, port: 80 }]`))).toEqual([]);
  });

  test('Gateway listener names must be unique: the Gateway API Gateway, not Istio\'s Gateway, is checked', () => {
    const listener = '    - { name: http, port: 80, protocol: HTTP }';
    expect(lintYaml(gateway(`${listener}\n${listener.replace('80', '8080')}`))).toEqual([
      "Gateway shop/gw: spec.listeners: Listener name must be unique within the Gateway (the CRD's CEL rule self.all(l1, self.exists_one(l2, l1.name == l2.name)))",
    ]);
    expect(lintYaml(gateway(listener))).toEqual([]);
  });

  test('a ReferenceGrant is read by its Gateway API schema', () => {
    const grant = (kind: string) => `
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: allow, namespace: backends }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: ${kind}, namespace: shop }]
  to: [{ group: "", kind: Service }]
`;
    expect(lintYaml(grant('HTTPRoute'))).toEqual([]);
    expect(lintYaml(grant('"http route"'))).toEqual([
      expect.stringMatching(/^ReferenceGrant backends\/allow: spec\.from\[0\]\.kind: /),
    ]);
  });

  test('a Gateway API kind in a version with no schema is named with its own group', () => {
    expect(lintYaml(gateway('    - { name: http, port: 80, protocol: HTTP }').replace('gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v9'))).toEqual([
      'Gateway shop/gw: apiVersion gateway.networking.k8s.io/v9 is not a known version of Gateway (known: gateway.networking.k8s.io/v1, gateway.networking.k8s.io/v1beta1)',
    ]);
  });
});

describe('the CEL evaluator', () => {
  test('escapes property names as Kubernetes does', () => {
    expect(escapePropertyName('namespace')).toBe('__namespace__');
    expect(escapePropertyName('a.b-c/d__e')).toBe('a__dot__b__dash__c__slash__d__underscores__e');
    expect(escapePropertyName('port')).toBe('port');
  });

  test('has the Kubernetes isURL function', () => {
    expect(isRequestUri('https://example.com/a')).toBe(true);
    expect(isRequestUri('/path')).toBe(true);
    expect(isRequestUri('example.com')).toBe(false);
    expect(isRequestUri('http://a b')).toBe(false);
    expect(compileRule('isURL(self)')('https://example.com')).toEqual({ kind: 'passed' });
    expect(compileRule('isURL(self)')('no url')).toEqual({ kind: 'failed' });
  });

  test('a rule that does not compile is an error, not a pass', () => {
    expect(compileRule('self +')('x')).toEqual({ kind: 'error', message: expect.stringMatching(/^does not compile: /) });
  });

  test('a rule is compiled once', () => {
    expect(compileRule('self.size() > 1')).toBe(compileRule('self.size() > 1'));
  });
});
