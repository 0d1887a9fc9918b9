import { join } from 'path';
import {
  chainFiles, IstioApiVersion, LaneMode, LoadBalancer, OutputLayout, SecurityProfile, ServiceChainProps, TlsMode, WorkloadObjects,
} from '../lib';
import { explainChain, renderPaths, renderTraceGraph, traceChain, traceGraphJson } from '../lib/explain';
import { loadManifests, lintManifests } from '../lib/lint';
import { resolveChain } from '../lib/model/chain-model';
import { loadSpecFile } from '../lib/spec';
import { buildChain, find, Manifest, synthChain } from './support/manifests';

/*
 * The settings every production chain carries, asserted field by field on the objects:
 * traffic settings on the routes, DestinationRule policies, lane faults, mirrors, and the
 * workload basics. All are opt-in: the seed's outputs, checked byte for byte by the other
 * tests, do not change.
 */

const IMAGE = 'registry.example.com/app:1.0';

/** web -> cart -> pay, each in v1 and v2, cart also in v3; entry weights 90:10 and a default. */
function shop(overrides: Partial<ServiceChainProps> = {}, services?: ServiceChainProps['services']): ServiceChainProps {
  return {
    defaults: { image: IMAGE },
    services: services ?? [
      { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
      { name: 'cart', calls: ['pay'], versions: { v1: {}, v2: {}, v3: {} } },
      { name: 'pay', versions: { v1: {}, v2: {} } },
    ],
    entry: { service: 'web', gateways: ['istio-system/gw'], hosts: ['shop.example.com'], gatewayWeights: { v1: 90, v2: 10 }, defaultVersion: 'v1' },
    ...overrides,
  };
}

function objects(props: ServiceChainProps): Manifest[] {
  return buildChain(props).objects.map(object => object.toJson() as Manifest);
}

const http = (documents: Manifest[], name: string): Manifest[] => find(documents, 'VirtualService', name).spec.http;

describe('timeouts and retries', () => {
  const props = shop({
    defaults: { image: IMAGE, timeout: '3s', retries: { attempts: 2, perTryTimeout: '1s', retryOn: ['5xx', 'reset', '503'] } },
  }, [
    { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
    { name: 'cart', calls: ['pay'], timeout: '4s', versions: { v1: {}, v2: { timeout: '6s', retries: { attempts: 0 } } } },
    { name: 'pay', versions: { v1: {}, v2: {} } },
  ]);
  let documents: Manifest[];
  beforeEach(() => { documents = objects(props); });

  test('the defaults apply to every route, written as Istio reads them', () => {
    for (const route of http(documents, 'vs-web')) {
      expect(route.timeout).toBe('3s');
      expect(route.retries).toEqual({ attempts: 2, perTryTimeout: '1s', retryOn: '5xx,reset,503' });
    }
  });

  test('a service level replaces the timeout of the defaults, a version level that of the rule routing to it', () => {
    const [laneV1, laneV2, baseline] = http(documents, 'vs-cart');
    expect(laneV1.route[0].destination.subset).toBe('v1');
    expect(laneV1.timeout).toBe('4s');
    expect(laneV2.route[0].destination.subset).toBe('v2');
    expect(laneV2.timeout).toBe('6s');
    expect(laneV2.retries).toEqual({ attempts: 0 });
    expect(baseline.timeout).toBe('4s');
    expect(baseline.retries).toEqual({ attempts: 2, perTryTimeout: '1s', retryOn: '5xx,reset,503' });
  });

  test('a weighted entry route takes the settings its versions share', () => {
    const weighted = http(documents, 'vs-web').find(route => route.route.length === 2)!;
    expect(weighted.route.map((d: Manifest) => d.weight)).toEqual([90, 10]);
    expect(weighted.timeout).toBe('3s');
  });

  test('explain shows them on every hop, in text and JSON', () => {
    const chain = buildChain(props);
    const [baseline] = explainChain(chain, { gateway: 'istio-system/gw', host: 'shop.example.com' });
    expect(baseline.path).toEqual(['web-v1', 'cart-v1', 'pay-v1']);
    expect(baseline.hops.map(hop => hop.settings?.timeout)).toEqual(['3s', '4s', '3s']);
    expect(baseline.hops[0].settings?.retries).toEqual({ attempts: 2, perTryTimeout: '1s', retryOn: '5xx,reset,503' });
  });
});

describe('DestinationRule traffic policies', () => {
  const props = shop({
    loadBalancer: LoadBalancer.ROUND_ROBIN,
    defaults: {
      image: IMAGE,
      connectionPool: { tcp: { maxConnections: 100, connectTimeout: '250ms' }, http: { http2MaxRequests: 500, idleTimeout: '30s' } },
      outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
      tls: TlsMode.ISTIO_MUTUAL,
    },
  }, [
    { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
    { name: 'cart', loadBalancer: LoadBalancer.RANDOM, outlierDetection: { consecutiveGatewayErrors: 2 }, versions: { v1: {}, v2: { connectionPool: { http: { maxRequestsPerConnection: 1 } }, tls: TlsMode.DISABLE } } },
  ]);
  let documents: Manifest[];
  beforeEach(() => { documents = objects(props); });

  test('the defaults and the chain load balancer make every rule\'s policy', () => {
    expect(find(documents, 'DestinationRule', 'dr-web').spec.trafficPolicy).toEqual({
      connectionPool: { tcp: { maxConnections: 100, connectTimeout: '250ms' }, http: { http2MaxRequests: 500, idleTimeout: '30s' } },
      loadBalancer: { simple: 'ROUND_ROBIN' },
      outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
      tls: { mode: 'ISTIO_MUTUAL' },
    });
  });

  test('a service replaces whole fields; a version\'s own fields are its subset\'s policy', () => {
    const rule = find(documents, 'DestinationRule', 'dr-cart').spec;
    expect(rule.trafficPolicy.loadBalancer).toEqual({ simple: 'RANDOM' });
    expect(rule.trafficPolicy.outlierDetection).toEqual({ consecutiveGatewayErrors: 2 });
    expect(rule.trafficPolicy.connectionPool.tcp.maxConnections).toBe(100);
    expect(rule.subsets[0]).toEqual({ name: 'v1', labels: { version: 'v1' } });
    expect(rule.subsets[1]).toEqual({
      name: 'v2',
      labels: { version: 'v2' },
      trafficPolicy: { connectionPool: { http: { maxRequestsPerConnection: 1 } }, tls: { mode: 'DISABLE' } },
    });
  });
});

describe.each([LaneMode.HEADER, LaneMode.SOURCE_LABELS])('lane faults in %s mode', laneMode => {
  const props = shop({ laneMode }, [
    { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
    { name: 'cart', calls: ['pay'], versions: { v1: {}, v2: {} } },
    {
      name: 'pay',
      versions: { v1: {} },
      faults: [{ lane: 'v2', delay: { fixedDelay: '2s', percentage: 50 }, abort: { httpStatus: 503, percentage: 25 } }],
    },
  ]);
  let chain: ReturnType<typeof buildChain>;
  let rules: Manifest[];
  beforeEach(() => {
    chain = buildChain(props);
    rules = http(chain.objects.map(o => o.toJson() as Manifest), 'vs-pay');
  });
  const laneMatch = laneMode === LaneMode.HEADER ? { headers: { 'x-lane': { exact: 'v2' } } } : { sourceLabels: { app: 'cart', version: 'v2' } };

  test('a lane without a version of its own here gets a rule matching that lane alone, before the baseline\'s', () => {
    expect(rules).toHaveLength(laneMode === LaneMode.HEADER ? 2 : 3);
    const faulted = rules[rules.length - 2];
    expect(faulted.match).toEqual([laneMatch]);
    expect(faulted.route).toEqual([{ destination: { host: 'pay', subset: 'v1' } }]);
    expect(faulted.fault).toEqual({
      delay: { fixedDelay: '2s', percentage: { value: 50 } },
      abort: { httpStatus: 503, percentage: { value: 25 } },
    });
    expect(rules.filter(rule => rule.fault !== undefined)).toHaveLength(1);
    expect(rules[rules.length - 1]).toEqual({ route: [{ destination: { host: 'pay', subset: 'v1' } }] });
  });

  test('explain: the baseline\'s traffic is never touched', () => {
    const baseline = explainChain(chain, { gateway: 'istio-system/gw', host: 'shop.example.com', headers: { 'x-lane': 'v2' } })
      .filter(path => path.path[0] === 'web-v1');
    expect(baseline).toHaveLength(1);
    expect(baseline[0].probability).toBe(0.9);
    expect(baseline[0].error).toBeUndefined();
    expect(baseline[0].hops.map(hop => hop.settings)).toEqual([undefined, undefined, undefined]);
  });

  test('explain: the lane\'s requests are delayed, and 25% end with 503', () => {
    const mesh = traceChain(chain, { host: 'pay', sourceLabels: { app: 'cart', version: 'v2' }, headers: { 'x-lane': 'v2' } });
    expect(mesh.entry.branches).toEqual([
      expect.objectContaining({ share: 0.75, settings: { delay: { fixedDelay: '2s', percentage: 50 }, abort: { httpStatus: 503, percentage: 25 } } }),
      expect.objectContaining({ share: 0.25, error: '503: aborted by fault injection' }),
    ]);
    const lane = explainChain(chain, { gateway: 'istio-system/gw', host: 'shop.example.com' }).filter(path => path.path[0] === 'web-v2');
    expect(lane.map(path => [path.probability, path.path])).toEqual([[0.075, ['web-v2', 'cart-v2', 'pay-v1']], [0.025, ['web-v2', 'cart-v2']]]);
    expect(lane[1].error).toMatch(/cart-v2 -> pay: 503: aborted by fault injection/);
  });
});

describe('a fault on a lane with its own version goes on that lane\'s rule', () => {
  test.each([LaneMode.HEADER, LaneMode.SOURCE_LABELS])('%s mode', laneMode => {
    const rules = http(objects(shop({ laneMode }, [
      { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
      { name: 'cart', versions: { v1: {}, v2: {} }, faults: [{ lane: 'v2', abort: { httpStatus: 500, percentage: 100 } }] },
    ])), 'vs-cart');
    const faulted = rules.filter(rule => rule.fault !== undefined);
    expect(faulted).toHaveLength(1);
    expect(faulted[0].route[0].destination.subset).toBe('v2');
    expect(faulted[0].fault).toEqual({ abort: { httpStatus: 500, percentage: { value: 100 } } });
    expect(rules.map(rule => rule.route[0].destination.subset)).toEqual(laneMode === LaneMode.HEADER ? ['v2', 'v1'] : ['v1', 'v2', 'v1']);
  });
});

describe.each([LaneMode.HEADER, LaneMode.SOURCE_LABELS])('mirrors (dark launches) in %s mode', laneMode => {
  const props = shop({ laneMode }, [
    { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
    {
      name: 'cart',
      calls: ['pay'],
      versions: { v1: {}, v2: {}, v3: {} },
      mirrors: [{ version: 'v3', percentage: 10 }, { version: 'v3', percentage: 50, lane: 'v2' }],
    },
    { name: 'pay', versions: { v1: {}, v2: {}, v3: {} } },
  ]);
  let chain: ReturnType<typeof buildChain>;
  let documents: Manifest[];
  let cart: Manifest[];
  beforeEach(() => {
    chain = buildChain(props);
    documents = chain.objects.map(o => o.toJson() as Manifest);
    cart = http(documents, 'vs-cart');
  });

  test('the baseline\'s rules and the lane\'s rule copy their share to the mirror, which takes no lane', () => {
    const baseline = cart[cart.length - 1];
    if (laneMode === LaneMode.SOURCE_LABELS) {
      const baselineLane = cart.find(rule => rule.match?.[0].sourceLabels?.version === 'v1')!;
      expect(baselineLane.mirror).toEqual({ host: 'cart', subset: 'v3' });
      expect(baselineLane.mirrorPercentage).toEqual({ value: 10 });
    }
    expect(baseline.match).toBeUndefined();
    expect(baseline.mirror).toEqual({ host: 'cart', subset: 'v3' });
    expect(baseline.mirrorPercentage).toEqual({ value: 10 });
    const lane = cart.find(rule => rule.route[0].destination.subset === 'v2')!;
    expect(lane.mirror).toEqual({ host: 'cart', subset: 'v3' });
    expect(lane.mirrorPercentage).toEqual({ value: 50 });
    expect(cart.filter(rule => rule.route.some((d: Manifest) => d.destination.subset === 'v3'))).toEqual([]);
  });

  test('calls from the mirror\'s pods go to the baselines, first, out of every lane', () => {
    const [first, ...rest] = http(documents, 'vs-pay');
    expect(first.match).toEqual([{ sourceLabels: { app: 'cart', version: 'v3' } }]);
    expect(first.route).toEqual([laneMode === LaneMode.HEADER
      ? { destination: { host: 'pay', subset: 'v1' }, headers: { request: { remove: ['x-lane'] } } }
      : { destination: { host: 'pay', subset: 'v1' } }]);
    expect(rest.flatMap((rule: Manifest) => rule.match ?? []).filter((m: Manifest) => m.sourceLabels?.version === 'v3')).toEqual([]);
    const trace = traceChain(chain, { host: 'pay', sourceLabels: { app: 'cart', version: 'v3' }, headers: { 'x-lane': 'v3' } });
    expect(trace.entry.branches).toHaveLength(1);
    expect(trace.entry.branches[0]).toMatchObject({ share: 1, visit: { deployment: 'pay-v1', forwarded: {} } });
  });

  test('explain shows the mirror on the hops it copies', () => {
    const paths = explainChain(chain, { gateway: 'istio-system/gw', host: 'shop.example.com', headers: { 'x-lane': 'v2' } });
    const byStart = new Map(paths.map(path => [path.path[0], path]));
    expect(byStart.get('web-v1')!.hops[1].settings).toEqual({ mirror: { host: 'cart', subset: 'v3', percentage: 10 } });
    expect(byStart.get('web-v2')!.hops[1].settings).toEqual({ mirror: { host: 'cart', subset: 'v3', percentage: 50 } });
    expect(paths.some(path => path.path.includes('cart-v3'))).toBe(false);
  });

  test('the mirror is not warned about as a version no traffic reaches', () => {
    expect(chain.warnings.filter(warning => warning.includes('cart-v3'))).toEqual([]);
  });
});

describe('workload basics', () => {
  const props = shop({
    defaults: {
      image: IMAGE,
      port: 8080,
      serviceAccount: true,
      securityProfile: SecurityProfile.RESTRICTED,
      readinessProbe: { httpGet: { path: '/ready' }, periodSeconds: 5 },
      livenessProbe: { tcpSocket: {}, failureThreshold: 4 },
      env: [
        { name: 'PASSWORD', secretKeyRef: { name: 'db', key: 'password' } },
        { name: 'FLAGS', configMapKeyRef: { name: 'flags', key: 'all', optional: true } },
        { name: 'MODE', value: '{version}' },
      ],
      topologySpread: [{}],
    },
  }, [
    {
      name: 'web',
      calls: ['cart'],
      versions: {
        v1: { disruptionBudget: { minAvailable: '50%' }, autoscaling: { minReplicas: 2, maxReplicas: 6 }, replicas: 3 },
        v2: { securityProfile: SecurityProfile.NONE, livenessProbe: { exec: { command: ['/bin/check'] } } },
      },
    },
    { name: 'cart', serviceAccount: false, versions: { v1: { topologySpread: [{ topologyKey: 'kubernetes.io/hostname', maxSkew: 2, whenUnsatisfiable: 'DoNotSchedule' }] } } },
  ]);
  let documents: Manifest[];
  beforeEach(() => { documents = objects(props); });
  const pod = (name: string) => find(documents, 'Deployment', name).spec.template.spec;

  test('a ServiceAccount per service, which its pods run as; a service may turn it off', () => {
    expect(find(documents, 'ServiceAccount', 'web')).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web', labels: { app: 'web' } } });
    expect(pod('web-v1').serviceAccountName).toBe('web');
    expect(documents.filter(d => d.kind === 'ServiceAccount').map(d => d.metadata.name)).toEqual(['web']);
    expect(pod('cart-v1').serviceAccountName).toBeUndefined();
  });

  test('probes, on the container\'s port unless told', () => {
    const container = pod('web-v1').containers[0];
    expect(container.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 });
    expect(container.livenessProbe).toEqual({ tcpSocket: { port: 8080 }, failureThreshold: 4 });
    expect(pod('web-v2').containers[0].livenessProbe).toEqual({ exec: { command: ['/bin/check'] } });
  });

  test('the restricted profile, turned off explicitly at a version', () => {
    expect(pod('web-v1').securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod('web-v1').containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true,
    });
    expect(pod('web-v2').securityContext).toBeUndefined();
    expect(pod('web-v2').containers[0].securityContext).toBeUndefined();
  });

  test('variables from Secrets and ConfigMaps beside plain values', () => {
    expect(pod('web-v2').containers[0].env).toEqual([
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'FLAGS', valueFrom: { configMapKeyRef: { name: 'flags', key: 'all', optional: true } } },
      { name: 'MODE', value: 'v2' },
    ]);
  });

  test('a PodDisruptionBudget and an autoscaler (autoscaling/v2) per version that asks, and no replicas under the autoscaler', () => {
    expect(find(documents, 'PodDisruptionBudget', 'web-v1')).toEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web-v1', labels: { app: 'web', version: 'v1' } },
      spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web', version: 'v1' } } },
    });
    expect(find(documents, 'HorizontalPodAutoscaler', 'web-v1').apiVersion).toBe('autoscaling/v2');
    expect(find(documents, 'HorizontalPodAutoscaler', 'web-v1').spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web-v1' },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
    expect(find(documents, 'Deployment', 'web-v1').spec.replicas).toBeUndefined();
    expect(find(documents, 'Deployment', 'web-v2').spec.replicas).toBe(1);
    expect(documents.filter(d => d.kind === 'PodDisruptionBudget' || d.kind === 'HorizontalPodAutoscaler')).toHaveLength(2);
  });

  test('topology spread over zones by default, each counting the version\'s pods', () => {
    expect(pod('web-v1').topologySpreadConstraints).toEqual([{
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: { app: 'web', version: 'v1' } },
    }]);
    expect(pod('cart-v1').topologySpreadConstraints).toEqual([{
      maxSkew: 2,
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: { app: 'cart', version: 'v1' } },
    }]);
  });

  test('layouts: ServiceAccounts with the Services, budgets and autoscalers right after their Deployment', () => {
    const gitops = synthChain(props, { layout: OutputLayout.GITOPS });
    expect(gitops.get('services.yaml')!.map(d => `${d.kind}/${d.metadata.name}`)).toEqual(['Service/web', 'ServiceAccount/web', 'Service/cart']);
    expect(gitops.get('v1.yaml')!.map(d => `${d.kind}/${d.metadata.name}`)).toEqual([
      'Deployment/web-v1', 'PodDisruptionBudget/web-v1', 'HorizontalPodAutoscaler/web-v1', 'Deployment/cart-v1',
    ]);
    const perVersion = synthChain(props);
    expect(perVersion.get('v2.yaml')!.map(d => `${d.kind}/${d.metadata.name}`)).toEqual(['Service/web', 'ServiceAccount/web', 'Deployment/web-v2']);
    const servicesOnly = synthChain({ ...shop({ defaults: { serviceAccount: true } }), workloads: WorkloadObjects.SERVICES });
    expect(servicesOnly.get('services.yaml')!.map(d => `${d.kind}/${d.metadata.name}`)).toEqual([
      'Service/web', 'ServiceAccount/web', 'Service/cart', 'ServiceAccount/cart', 'Service/pay', 'ServiceAccount/pay',
    ]);
  });
});

describe('each setting is one field of the routing plan', () => {
  test('timeout, retries, fault, mirror and the dropped lane of a mirror\'s calls', () => {
    const plan = resolveChain(loadSpecFile(join(__dirname, '..', 'examples', 'production-settings.yaml'))).routing;
    const [cart, payment] = plan.lanes;
    expect(cart.rules).toEqual([
      {
        matches: [{ lane: 'v2' }],
        targets: [{ version: 'v2' }],
        timeout: '3s',
        retries: { attempts: 2, perTryTimeout: '1s', retryOn: ['5xx', 'reset', 'connect-failure', '503'], retryRemoteLocalities: false },
        mirror: { version: 'v3', percentage: 50 },
      },
      expect.objectContaining({ matches: [], targets: [{ version: 'v1' }], mirror: { version: 'v3', percentage: 10 } }),
    ]);
    expect(payment.rules.map(rule => [rule.matches, rule.targets, rule.timeout, rule.fault])).toEqual([
      [[{ caller: { service: 'cart', version: 'v3' } }], [{ version: 'v1', dropLane: true }], '5s', undefined],
      [[{ lane: 'v2' }], [{ version: 'v2' }], '8s', { delay: { fixedDelay: '2s', percentage: 50 }, abort: { httpStatus: 503, percentage: 10 } }],
      [[], [{ version: 'v1' }], '5s', undefined],
    ]);
  });
});

describe('explain prints the settings in text and JSON', () => {
  let chain: ReturnType<typeof buildChain>;
  beforeEach(() => { chain = buildChain(loadSpecFile(join(__dirname, '..', 'examples', 'production-settings.yaml'))); });
  const entry = { gateway: 'istio-system/public', host: 'shop.example.com', headers: { 'x-lane': 'v2' } };

  test('the trace graph: settings between braces, the abort as a branch ending with 503', () => {
    const text = renderTraceGraph(traceChain(chain, entry));
    expect(text).toContain('#2 cart-v2  via VirtualService shop/vs-cart http[0]  {timeout 3s; retries 2 x 1s on 5xx,reset,connect-failure,503; mirror 50% to cart/v3}');
    expect(text).toContain('  90.0%  #3 payment-v2  via VirtualService shop/vs-payment http[1]  {timeout 8s; retries 2 x 1s on 5xx,reset,connect-failure,503; delay 2s on 50%; abort 503 on 10%}');
    expect(text).toContain('  10.0%  !! 503: aborted by fault injection [VirtualService shop/vs-payment http[1]]');
  });

  test('the JSON graph and the paths carry the same', () => {
    const json = traceGraphJson(traceChain(chain, entry));
    const cart = json.visits.find(visit => visit.deployment === 'cart-v2')!;
    expect(cart.calls[0].branches).toEqual([
      {
        probability: 0.9,
        via: 'VirtualService shop/vs-payment http[1]',
        visit: 3,
        settings: {
          timeout: '8s',
          retries: { attempts: 2, perTryTimeout: '1s', retryOn: '5xx,reset,connect-failure,503' },
          delay: { fixedDelay: '2s', percentage: 50 },
          abort: { httpStatus: 503, percentage: 10 },
        },
      },
      { probability: 0.1, via: 'VirtualService shop/vs-payment http[1]', error: '503: aborted by fault injection' },
    ]);
    expect(renderPaths(explainChain(chain, entry))).toContain('payment-v2  via VirtualService shop/vs-payment http[1]  {timeout 8s;');
  });
});

describe.each([
  [LaneMode.HEADER, IstioApiVersion.V1], [LaneMode.SOURCE_LABELS, IstioApiVersion.V1BETA1],
])('faults, mirrors and policies in %s mode, API %s', (laneMode, apiVersion) => {
  test('pass the Istio CRD schemas and every validate check', () => {
    const props = shop({ laneMode, apiVersion, defaults: { image: IMAGE, timeout: '2s', retries: { attempts: 1 }, tls: TlsMode.ISTIO_MUTUAL } }, [
      { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
      { name: 'cart', calls: ['pay'], versions: { v1: {}, v2: {}, v3: { outlierDetection: { consecutive5xxErrors: 1 } } }, mirrors: [{ version: 'v3', percentage: 5 }] },
      { name: 'pay', versions: { v1: {} }, faults: [{ lane: 'v2', delay: { fixedDelay: '1s', percentage: 100 } }] },
    ]);
    const findings = lintManifests(objects(props).map((object, index) => ({ file: 'chain.yaml', index, object })));
    expect(findings).toEqual([]);
  });
});

describe('examples/production-settings.yaml', () => {
  let chain: ReturnType<typeof buildChain>;
  let files: ReturnType<typeof chainFiles>;
  beforeEach(() => {
    chain = buildChain(loadSpecFile(join(__dirname, '..', 'examples', 'production-settings.yaml')));
    files = chainFiles(chain, { layout: OutputLayout.GITOPS });
  });

  test('every object passes the Istio CRD schemas and the routing checks', () => {
    const text = files.map(file => ({ path: file.path, documents: file.documents }));
    const manifests = loadManifests([join(__dirname, '..', 'gitops', 'production-settings')]);
    expect(manifests.findings).toEqual([]);
    expect(lintManifests(manifests.manifests)).toEqual([]);
    expect(manifests.manifests.length).toBe(text.flatMap(file => file.documents).length - 1);
  });

  test('writes every new kind of object', () => {
    const kinds = new Set(chain.objects.map(object => object.kind));
    for (const kind of ['ServiceAccount', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'DestinationRule', 'VirtualService']) {
      expect(kinds.has(kind)).toBe(true);
    }
    expect(chain.warnings).toEqual([]);
  });
});
