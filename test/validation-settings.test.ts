import { LaneMode, ServiceChainProps, validateChain, WorkloadObjects } from '../lib';
import { problemEntries, problemLines } from './validation-support/problem-lines';
import { LooseProps, mutated } from './validation-support/seed-chains';
import { formatPath } from '../lib/diagnostics/problems';

/*
 * Validation of the production settings: each bad input is refused with its path, the value
 * and the fix; each good one passes without a problem.
 */

/** web -> cart -> pay; web and cart in v1 and v2, pay in v1. */
const base: ServiceChainProps = {
  defaults: { image: 'registry.example.com/app:1.0', port: 8080 },
  services: [
    { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
    { name: 'cart', calls: ['pay'], versions: { v1: {}, v2: {}, v3: {} } },
    { name: 'pay', versions: { v1: {} } },
  ],
  entry: { service: 'web', gateways: ['istio-system/gw'], hosts: ['shop.example.com'], gatewayWeights: { v1: 90, v2: 10 }, defaultVersion: 'v1' },
};
const header = mutated(base, p => { p.laneMode = LaneMode.HEADER; });

/** Warnings other than the one about cart-v3, which no lane reaches in `base` unless it is a mirror target. */
const settingsWarnings = (warnings: string[]) => warnings.filter(warning => !warning.includes('"cart-v3" never gets traffic'));

interface BadCase {
  readonly name: string;
  readonly base?: ServiceChainProps;
  readonly mutate: (props: LooseProps) => void;
  readonly path: string;
  readonly message: RegExp;
}

const badCases: BadCase[] = [
  // Durations
  {
    name: 'fails when a timeout is not a duration',
    mutate: p => { p.defaults.timeout = '3 seconds'; },
    path: 'defaults.timeout',
    message: /"3 seconds" is not a duration: write a number and a unit .*"500ms"/,
  },
  {
    name: 'fails when a timeout has no unit',
    mutate: p => { p.services[1].timeout = '3'; },
    path: 'services[1].timeout',
    message: /"3" is not a duration/,
  },
  {
    name: 'fails when a duration is shorter than 1ms',
    mutate: p => { p.services[1].versions.v2.retries = { attempts: 2, perTryTimeout: '500us' }; },
    path: 'services[1].versions.v2.retries.perTryTimeout',
    message: /"500us" is shorter than 1ms, the least Istio accepts; write "1ms" or more/,
  },
  {
    name: 'fails when a connection pool time is not a duration',
    mutate: p => { p.defaults.connectionPool = { tcp: { connectTimeout: '-1s' } }; },
    path: 'defaults.connectionPool.tcp.connectTimeout',
    message: /"-1s" is not a duration/,
  },
  {
    name: 'fails when an idle timeout is zero',
    mutate: p => { p.defaults.connectionPool = { http: { idleTimeout: '0s' } }; },
    path: 'defaults.connectionPool.http.idleTimeout',
    message: /"0s" is shorter than 1ms/,
  },
  {
    name: 'fails when an outlier detection time is not a duration',
    mutate: p => { p.services[2].outlierDetection = { interval: '10', baseEjectionTime: '1x' }; },
    path: 'services[2].outlierDetection.interval',
    message: /"10" is not a duration/,
  },
  {
    name: 'fails when a fault delay is not a duration',
    base: header,
    mutate: p => { p.services[1].faults = [{ lane: 'v2', delay: { fixedDelay: 'soon', percentage: 10 } }]; },
    path: 'services[1].faults[0].delay.fixedDelay',
    message: /"soon" is not a duration/,
  },
  // Retries
  {
    name: 'fails when retryOn names no Envoy condition',
    mutate: p => { p.defaults.retries = { attempts: 3, retryOn: ['5xx', 'timeout'] }; },
    path: 'defaults.retries.retryOn[1]',
    message: /"timeout" is not a retry condition of Envoy; use one of 5xx, gateway-error, .*unavailable, or an HTTP status code such as "503"/,
  },
  {
    name: 'fails when a weighted entry route splits between versions with other timeouts',
    mutate: p => { p.services[0].versions.v2.timeout = '9s'; },
    path: 'entry.gatewayWeights',
    message: /split "v1" and "v2" in one route, which has one timeout and one retry policy, but their settings differ \(\{\} and \{"timeout":"9s"\}\); set `timeout` and `retries` on the entry service/,
  },
  // Percentages (the shape)
  {
    name: 'fails when a fault percentage is above 100',
    base: header,
    mutate: p => { p.services[1].faults = [{ lane: 'v2', abort: { httpStatus: 503, percentage: 150 } }]; },
    path: 'services[1].faults[0].abort.percentage',
    message: /150/,
  },
  {
    name: 'fails when a mirror percentage is below 0',
    mutate: p => { p.services[1].mirrors = [{ version: 'v3', percentage: -5 }]; },
    path: 'services[1].mirrors[0].percentage',
    message: /-5/,
  },
  // Lane faults
  {
    name: 'fails when a fault is on the entry service',
    base: header,
    mutate: p => { p.services[0].faults = [{ lane: 'v2', delay: { fixedDelay: '1s', percentage: 10 } }]; },
    path: 'services[0].faults',
    message: /are set on the entry service "web", which picks the lanes.*set them on a service the entry calls/,
  },
  {
    name: 'fails when a fault names a lane that does not exist (header mode: the entry\'s versions)',
    base: header,
    mutate: p => { p.services[1].faults = [{ lane: 'v9', delay: { fixedDelay: '1s', percentage: 10 } }]; },
    path: 'services[1].faults[0].lane',
    message: /"v9" is not a lane that reaches "cart": lanes are the versions of the entry service, here \["v1","v2"\]; name one of them/,
  },
  {
    name: 'fails when a fault names a lane no caller carries (sourceLabels mode: the callers\' versions)',
    mutate: p => { p.services[2].faults = [{ lane: 'v4', delay: { fixedDelay: '1s', percentage: 10 } }]; },
    path: 'services[2].faults[0].lane',
    message: /"v4" is not a lane that reaches "pay": lanes are the versions of the services calling it, here \["v1","v2","v3"\]/,
  },
  {
    name: 'fails when a fault names the baseline\'s lane',
    base: header,
    mutate: p => { p.services[1].faults = [{ lane: 'v1', abort: { httpStatus: 503, percentage: 1 } }]; },
    path: 'services[1].faults[0].lane',
    message: /"v1" is a baseline's lane: its requests are the live baseline traffic, which a lane fault must never touch; name a canary lane/,
  },
  {
    name: 'fails when a fault injects nothing',
    base: header,
    mutate: p => { p.services[1].faults = [{ lane: 'v2' }]; },
    path: 'services[1].faults[0]',
    message: /injects nothing; set `delay`, `abort` or both/,
  },
  {
    name: 'fails when a lane has two faults',
    base: header,
    mutate: p => { p.services[1].faults = [{ lane: 'v2', delay: { fixedDelay: '1s', percentage: 1 } }, { lane: 'v2', abort: { httpStatus: 500, percentage: 1 } }]; },
    path: 'services[1].faults[1].lane',
    message: /faults\[0\] already applies to lane "v2"; a route takes one, so merge them/,
  },
  // Mirrors
  {
    name: 'fails when a mirror names a version the service lacks',
    mutate: p => { p.services[1].mirrors = [{ version: 'v7', percentage: 5 }]; },
    path: 'services[1].mirrors[0].version',
    message: /"v7" is not a version of "cart"; use one of \["v1","v2","v3"\]/,
  },
  {
    name: 'fails when a mirror copies to the baseline',
    mutate: p => { p.services[1].mirrors = [{ version: 'v1', percentage: 5 }]; },
    path: 'services[1].mirrors[0].version',
    message: /"v1" is the baseline of "cart", which takes live traffic; mirror to a version that takes none/,
  },
  {
    name: 'fails when a mirror copies a lane that does not reach the service',
    base: header,
    mutate: p => { p.services[1].mirrors = [{ version: 'v3', percentage: 5, lane: 'v5' }]; },
    path: 'services[1].mirrors[0].lane',
    message: /"v5" is not a lane that reaches "cart"/,
  },
  {
    name: 'fails when a mirror names the baseline as its lane',
    mutate: p => { p.services[1].mirrors = [{ version: 'v3', percentage: 5, lane: 'v1' }]; },
    path: 'services[1].mirrors[0].lane',
    message: /"v1" is the baseline of "cart": its traffic is the baseline's, which a mirror without `lane` copies; leave `lane` out/,
  },
  {
    name: 'fails when two mirrors copy the baseline\'s traffic',
    mutate: p => { p.services[1].mirrors = [{ version: 'v3', percentage: 5 }, { version: 'v2', percentage: 5 }]; },
    path: 'services[1].mirrors[1]',
    message: /mirrors\[0\] already applies to the baseline's traffic/,
  },
  {
    name: 'fails when a fault names a lane that is a mirror target',
    base: header,
    mutate: p => { p.services[1].mirrors = [{ version: 'v2', percentage: 5 }]; p.services[1].faults = [{ lane: 'v2', delay: { fixedDelay: '1s', percentage: 5 } }]; },
    path: 'services[1].faults[0].lane',
    message: /"v2" is a mirror target of "cart", which takes no lane/,
  },
  // Probes
  {
    name: 'fails when a probe checks a port the container does not declare',
    mutate: p => { p.services[1].readinessProbe = { httpGet: { path: '/ready', port: 9090 } }; },
    path: 'services[1].readinessProbe.httpGet.port',
    message: /9090 is not a port of the container of "cart-v1", which declares 8080 only; leave `port` out to probe 8080/,
  },
  {
    name: 'fails when a default probe port misses a service\'s port',
    mutate: p => { p.services[2].port = 9000; p.defaults.livenessProbe = { tcpSocket: { port: 8080 } }; },
    path: 'defaults.livenessProbe.tcpSocket.port',
    message: /8080 is not a port of the container of "pay-v1", which declares 9000 only/,
  },
  {
    name: 'fails when a probe sets two checks',
    mutate: p => { p.defaults.livenessProbe = { tcpSocket: {}, exec: { command: ['true'] } }; },
    path: 'defaults.livenessProbe',
    message: /sets tcpSocket and exec; set exactly one of `httpGet`, `tcpSocket` or `exec`/,
  },
  {
    name: 'fails when an HTTP probe path does not start with a slash',
    mutate: p => { p.defaults.readinessProbe = { httpGet: { path: 'healthz' } }; },
    path: 'defaults.readinessProbe.httpGet.path',
    message: /"healthz" does not start with "\/"; write the path as the server sees it, such as "\/healthz"/,
  },
  {
    name: 'fails when a probe sets no check',
    mutate: p => { p.services[0].versions.v2.readinessProbe = { periodSeconds: 3 }; },
    path: 'services[0].versions.v2.readinessProbe',
    message: /sets no check/,
  },
  {
    name: 'fails when a topology key is not a label key',
    mutate: p => { p.defaults.topologySpread = [{ topologyKey: 'zone name' }]; },
    path: 'defaults.topologySpread[0].topologyKey',
    message: /"zone name" is not a valid topology key \(a node label key\)/,
  },
  // Budgets and autoscalers
  {
    name: 'fails when a disruption budget sets both fields',
    mutate: p => { p.defaults.disruptionBudget = { minAvailable: 1, maxUnavailable: 1 }; },
    path: 'defaults.disruptionBudget',
    message: /sets both of `minAvailable` and `maxUnavailable`; set exactly one/,
  },
  {
    name: 'fails when a disruption budget is neither a count nor a percentage',
    mutate: p => { p.defaults.disruptionBudget = { minAvailable: 'half' }; },
    path: 'defaults.disruptionBudget.minAvailable',
    message: /"half" is neither a count nor a percentage; write a whole number such as 1, or a percentage such as "50%"/,
  },
  {
    name: 'fails when an autoscaler has more minReplicas than maxReplicas',
    mutate: p => { p.services[0].autoscaling = { minReplicas: 5, maxReplicas: 3 }; },
    path: 'services[0].autoscaling',
    message: /has minReplicas 5 above maxReplicas 3; raise `maxReplicas` or lower `minReplicas`/,
  },
  {
    name: 'fails when a ServiceAccount is asked for but the chain writes no workload objects',
    mutate: p => { p.workloads = WorkloadObjects.NONE; delete p.defaults.image; p.defaults.serviceAccount = true; },
    path: 'defaults.serviceAccount',
    message: /is true but `workloads` is `none`: the chain writes no workload objects/,
  },
  {
    name: 'fails when an autoscaler is set but the chain writes no Deployments',
    mutate: p => { p.workloads = WorkloadObjects.SERVICES; delete p.defaults.image; p.services[0].autoscaling = { maxReplicas: 3 }; },
    path: 'services[0].autoscaling',
    message: /is set but the chain does not write the Deployments/,
  },
  // Env
  {
    name: 'fails when a variable has a value and a Secret key',
    mutate: p => { p.defaults.env = [{ name: 'A', value: 'x', secretKeyRef: { name: 's', key: 'k' } }]; },
    path: 'defaults.env[0]',
    message: /"A" takes its value from value and secretKeyRef; set exactly one of `value`, `secretKeyRef` or `configMapKeyRef`/,
  },
  {
    name: 'fails when a Secret name is not a DNS-1123 subdomain',
    mutate: p => { p.defaults.env = [{ name: 'A', secretKeyRef: { name: 'My_Secret', key: 'k' } }]; },
    path: 'defaults.env[0].secretKeyRef.name',
    message: /"My_Secret" is not a valid Secret name/,
  },
  {
    name: 'fails when a ConfigMap key has a slash',
    mutate: p => { p.defaults.env = [{ name: 'A', configMapKeyRef: { name: 'flags', key: 'a/b' } }]; },
    path: 'defaults.env[0].configMapKeyRef.key',
    message: /"a\/b" is not a valid ConfigMap key; use 1 to 253 letters, digits, '-', '_' or '.'/,
  },
  {
    name: 'fails when a variable has no value at all',
    mutate: p => { p.services[1].env = [{ name: 'B' }]; },
    path: 'services[1].env[0]',
    message: /"B" takes its value from nowhere/,
  },
];

describe('validateChain refuses bad production settings with the path, the value and the fix', () => {
  test.each(badCases)('$name', ({ base: start, mutate, path, message }) => {
    const { problems } = validateChain(mutated(start ?? base, mutate));
    const found = problems.list.filter(problem => formatPath(problem.path) === path);
    expect(found.map(problem => problem.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
});

const goodCases: Array<{ name: string; base?: ServiceChainProps; mutate: (props: LooseProps) => void }> = [
  {
    name: 'durations of every unit, combined',
    mutate: p => {
      p.defaults.timeout = '1m30s';
      p.defaults.retries = { attempts: 3, perTryTimeout: '1.5s', retryOn: ['5xx', 'gateway-error', '503', 'unavailable'], retryRemoteLocalities: true };
      p.defaults.connectionPool = { tcp: { connectTimeout: '1ms' }, http: { idleTimeout: '1h' } };
      p.defaults.outlierDetection = { interval: '2000000us', baseEjectionTime: '3000000000ns' };
    },
  },
  {
    name: 'a weighted entry route whose versions resolve to the same settings',
    mutate: p => {
      p.services[0].timeout = '2s';
      p.services[0].versions.v1.timeout = '2s';
    },
  },
  {
    name: 'lane faults and mirrors in header mode',
    base: header,
    mutate: p => {
      p.services[1].faults = [{ lane: 'v2', delay: { fixedDelay: '1s', percentage: 0 }, abort: { httpStatus: 503, percentage: 100 } }];
      p.services[1].mirrors = [{ version: 'v3', percentage: 100 }, { version: 'v3', percentage: 0.5, lane: 'v2' }];
      p.services[2].faults = [{ lane: 'v2', delay: { fixedDelay: '100ms', percentage: 12.5 } }];
    },
  },
  {
    name: 'lane faults in sourceLabels mode on a lane of the callers',
    mutate: p => {
      p.services[2].faults = [{ lane: 'v2', abort: { httpStatus: 500, percentage: 10 } }];
    },
  },
  {
    name: 'probes on the service port, budgets and autoscalers',
    mutate: p => {
      p.defaults.readinessProbe = { httpGet: { path: '/ready', port: 8080 } };
      p.defaults.livenessProbe = { exec: { command: ['/bin/true'] } };
      p.defaults.disruptionBudget = { maxUnavailable: '25%' };
      p.services[0].versions.v1.autoscaling = { maxReplicas: 4 };
      p.services[0].resources = { requests: { cpu: '100m' } };
      p.defaults.env = [{ name: 'S', secretKeyRef: { name: 's', key: 'k', optional: true } }, { name: 'C', configMapKeyRef: { name: 'c', key: 'k' } }];
    },
  },
];

describe('validateChain accepts good production settings', () => {
  test.each(goodCases)('$name', ({ base: start, mutate }) => {
    const { problems, warnings } = validateChain(mutated(start ?? base, mutate));
    expect(problems.list).toEqual([]);
    expect(settingsWarnings(warnings)).toEqual([]);
  });
});

describe('an autoscaler without a CPU request', () => {
  test('is a warning naming the version, at the level that set it', () => {
    const { problems, warnings } = validateChain(mutated(base, p => { p.services[0].autoscaling = { maxReplicas: 4 }; }));
    expect(problems.list).toEqual([]);
    expect(settingsWarnings(warnings)).toEqual([
      'services[0].autoscaling: "web-v1" has no CPU request, and the autoscaler reads CPU use in percent of it, so it cannot scale; set `resources.requests.cpu`',
      'services[0].autoscaling: "web-v2" has no CPU request, and the autoscaler reads CPU use in percent of it, so it cannot scale; set `resources.requests.cpu`',
    ]);
  });
});

describe('retries that do not fit in the timeout', () => {
  test('warn, naming the levels that set them', () => {
    const { problems, warnings } = validateChain(mutated(base, p => {
      p.defaults.timeout = '2s';
      p.services[1].retries = { attempts: 3, perTryTimeout: '1s' };
    }));
    expect(problems.list).toEqual([]);
    expect(settingsWarnings(warnings)).toEqual([
      'services[1].retries: 3 attempts x 1s take up to 3000ms, more than the timeout "2s" of defaults, so the last retries are cut short; '
      + 'lower `attempts` or `perTryTimeout`, or raise `timeout`',
    ]);
  });

  test('do not warn when the tries fit', () => {
    const { warnings } = validateChain(mutated(base, p => {
      p.defaults.timeout = '3s';
      p.services[1].retries = { attempts: 3, perTryTimeout: '1s' };
    }));
    expect(settingsWarnings(warnings)).toEqual([]);
  });
});

describe('disruption budgets, autoscalers and ServiceAccounts, in whole messages', () => {
  test('a budget that sets neither field, or both', () => {
    const props = mutated(base, p => { p.services[0].disruptionBudget = {}; p.services[1].disruptionBudget = { minAvailable: 1, maxUnavailable: '10%' }; });
    expect(problemEntries(props)).toEqual([
      { path: 'services[0].disruptionBudget', message: 'sets neither of `minAvailable` and `maxUnavailable`; set exactly one' },
      { path: 'services[1].disruptionBudget', message: 'sets both of `minAvailable` and `maxUnavailable`; set exactly one' },
    ]);
  });

  test.each([0, 3, '0%', '5%', '50%', '100%'])('a budget of %j passes', value => {
    expect(problemEntries(mutated(base, p => { p.defaults.disruptionBudget = { minAvailable: value }; }))).toEqual([]);
  });

  test.each([-1, 1.5, '101%', '150%', '50%x', '5.5%'])('a budget of %j is neither a count nor a percentage', value => {
    expect(problemEntries(mutated(base, p => { p.defaults.disruptionBudget = { maxUnavailable: value }; }))).toEqual([{
      path: 'defaults.disruptionBudget.maxUnavailable',
      message: `${JSON.stringify(value)} is neither a count nor a percentage; write a whole number such as 1, or a percentage such as "50%"`,
    }]);
  });

  test('an autoscaler may keep a fixed count, minReplicas equal to maxReplicas', () => {
    const props = mutated(base, p => { p.services[0].autoscaling = { minReplicas: 3, maxReplicas: 3 }; p.services[0].resources = { requests: { cpu: '100m' } }; });
    expect(problemEntries(props)).toEqual([]);
  });

  test('without Deployments, a budget is refused with the fix, and an autoscaler is not also warned about for its CPU request', () => {
    const findings = validateChain(mutated(base, p => {
      p.workloads = WorkloadObjects.SERVICES;
      delete p.defaults.image;
      p.services[0].disruptionBudget = { minAvailable: 1 };
      p.services[1].autoscaling = { maxReplicas: 3 };
    }));
    const fix = 'is set but the chain does not write the Deployments (`workloads` is not `all`); define it beside the Deployments, or remove it';
    expect(findings.problems.list.map(problem => ({ path: formatPath(problem.path), message: problem.message }))).toEqual([
      { path: 'services[0].disruptionBudget', message: fix },
      { path: 'services[1].autoscaling', message: fix },
    ]);
    expect(settingsWarnings(findings.warnings)).toEqual([]);
  });

  test('a ServiceAccount a service asks for without workload objects, with the fix', () => {
    const props = mutated(base, p => { p.workloads = WorkloadObjects.NONE; delete p.defaults.image; p.services[1].serviceAccount = true; });
    expect(problemEntries(props)).toEqual([{
      path: 'services[1].serviceAccount',
      message: 'is true but `workloads` is `none`: the chain writes no workload objects; write the ServiceAccount beside the Deployments, or set `workloads: services`',
    }]);
  });

  test('an autoscaler with a CPU limit but no CPU request is warned about', () => {
    const { warnings } = validateChain(mutated(base, p => { p.services[2].autoscaling = { maxReplicas: 4 }; p.services[2].resources = { limits: { cpu: '1' } }; }));
    expect(settingsWarnings(warnings)).toEqual([
      'services[2].autoscaling: "pay-v1" has no CPU request, and the autoscaler reads CPU use in percent of it, so it cannot scale; set `resources.requests.cpu`',
    ]);
  });
});

describe('probe ports, in whole messages', () => {
  test('a default probe on the wrong port is reported once per service, with that service\'s port', () => {
    const props = mutated(base, p => { p.defaults.readinessProbe = { httpGet: { path: '/ready', port: 9000 } }; p.services[1].port = 9090; });
    const message = (deployment: string, port: number) => `9000 is not a port of the container of "${deployment}", which declares ${port} only; `
      + `leave \`port\` out to probe ${port}, or set the service's \`port\``;
    expect(problemEntries(props)).toEqual([
      { path: 'defaults.readinessProbe.httpGet.port', message: message('web-v1', 8080) },
      { path: 'defaults.readinessProbe.httpGet.port', message: message('cart-v1', 9090) },
      { path: 'defaults.readinessProbe.httpGet.port', message: message('pay-v1', 8080) },
    ]);
  });
});

describe('retries and timeouts, in whole messages', () => {
  test('a retry condition Envoy does not know is refused, with every condition it knows', () => {
    const props = mutated(base, p => { p.defaults.retries = { attempts: 2, retryOn: ['5xx', '5030', '1503', 'timeout'] }; });
    const message = (condition: string) => `"${condition}" is not a retry condition of Envoy; use one of `
      + '5xx, gateway-error, reset, connect-failure, envoy-ratelimited, retriable-4xx, refused-stream, retriable-status-codes, retriable-headers, '
      + 'http3-post-connect-failure, cancelled, deadline-exceeded, internal, resource-exhausted, unavailable, or an HTTP status code such as "503"';
    expect(problemEntries(props)).toEqual([
      { path: 'defaults.retries.retryOn[1]', message: message('5030') },
      { path: 'defaults.retries.retryOn[2]', message: message('1503') },
      { path: 'defaults.retries.retryOn[3]', message: message('timeout') },
    ]);
  });

  test('every condition of Envoy passes', () => {
    const retryOn = ['5xx', 'gateway-error', 'reset', 'connect-failure', 'envoy-ratelimited', 'retriable-4xx', 'refused-stream', 'retriable-status-codes',
      'retriable-headers', 'http3-post-connect-failure', 'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable', '100', '599'];
    expect(problemEntries(mutated(base, p => { p.defaults.retries = { attempts: 2, retryOn }; }))).toEqual([]);
  });

  test('the most specific level\'s retries are measured against the timeout, and named', () => {
    const { problems, warnings } = validateChain(mutated(base, p => {
      p.defaults.timeout = '2s';
      p.defaults.retries = { attempts: 1, perTryTimeout: '1s' };
      p.services[1].versions.v2.retries = { attempts: 3, perTryTimeout: '1s' };
    }));
    expect(problems.list).toEqual([]);
    expect(settingsWarnings(warnings)).toEqual([
      'services[1].versions.v2.retries: 3 attempts x 1s take up to 3000ms, more than the timeout "2s" of defaults, so the last retries are cut short; '
      + 'lower `attempts` or `perTryTimeout`, or raise `timeout`',
    ]);
  });

  test('a timeout that is not a duration is refused, and not compared with the retries', () => {
    const { problems, warnings } = validateChain(mutated(base, p => {
      p.defaults.timeout = '3 seconds';
      p.services[1].retries = { attempts: 3, perTryTimeout: '1s' };
    }));
    expect(problems.list.map(problem => formatPath(problem.path))).toEqual(['defaults.timeout']);
    expect(settingsWarnings(warnings)).toEqual([]);
  });

  test('mesh weights splitting versions with other timeouts are refused too, with the fix', () => {
    const props = mutated(base, p => { p.entry.meshWeights = { v1: 50, v2: 50 }; p.services[0].versions.v2.timeout = '1s'; });
    const message = 'split "v1" and "v2" in one route, which has one timeout and one retry policy, but their settings differ ({} and {"timeout":"1s"}); '
      + 'set `timeout` and `retries` on the entry service (or the defaults) instead of its versions, or give the versions the same ones';
    expect(problemEntries(props)).toEqual([{ path: 'entry.gatewayWeights', message }, { path: 'entry.meshWeights', message }]);
  });

  test('the versions compared are the entry service\'s, wherever it is listed', () => {
    const props = mutated(base, p => {
      p.services = [p.services[1], p.services[0], p.services[2]];
      p.services[0].versions.v2.timeout = '1s';
    });
    expect(problemEntries(props)).toEqual([]);
  });
});

describe('lane faults and mirrors name lanes that reach the service, each problem whole', () => {
  const fault = (lane: string) => ({ lane, delay: { fixedDelay: '1s', percentage: 10 } });

  test('mirrors on the entry service are refused as a whole', () => {
    expect(problemLines(mutated(base, p => { p.services[0].mirrors = [{ version: 'v2', percentage: 5 }]; }), 'services')).toEqual([
      '[services[0].mirrors] are set on the entry service "web", which picks the lanes and has none to scope them to; set them on a service the entry calls',
    ]);
  });

  test('a mirror\'s lane that another mirror copies to', () => {
    const props = mutated(base, p => { p.services[1].mirrors = [{ version: 'v2', percentage: 5 }, { version: 'v3', percentage: 5, lane: 'v2' }]; });
    expect(problemLines(props, 'services')).toEqual([
      '[services[1].mirrors[1].lane] "v2" is a mirror target of "cart", which takes no lane; name another lane',
    ]);
  });

  test('the lanes that reach a service are its callers\' versions in natural order, less their mirror targets', () => {
    const props = mutated(base, p => {
      p.services[0].versions = { v1: {}, v10: {}, v2: {} };
      p.services[1].faults = [fault('v9')];
      p.services[1].mirrors = [{ version: 'v3', percentage: 5 }];
      p.services[2].faults = [fault('v3')];
    });
    expect(problemLines(props, 'services')).toEqual([
      '[services[1].faults[0].lane] "v9" is not a lane that reaches "cart": lanes are the versions of the services calling it, here ["v1","v2","v10"]; name one of them',
      '[services[2].faults[0].lane] "v3" is not a lane that reaches "pay": lanes are the versions of the services calling it, here ["v1","v2"]; name one of them',
    ]);
  });

  test('no lane reaches a service nobody calls, nor any service when the entry is unknown in header mode', () => {
    const orphan = mutated(base, p => { p.services.push({ name: 'orphan', versions: { v1: {}, v2: {} }, faults: [fault('v2')] }); });
    expect(problemLines(orphan, 'services')).toEqual([
      '[services[3].faults[0].lane] "v2" is not a lane that reaches "orphan": lanes are the versions of the services calling it, and none reaches it; remove this entry',
    ]);
    const unknownEntry = mutated(header, p => { p.entry.service = 'shop'; p.services[1].faults = [fault('v2')]; });
    expect(problemLines(unknownEntry, 'services[1]')).toEqual([
      '[services[1].faults[0].lane] "v2" is not a lane that reaches "cart": lanes are the versions of the entry service, and none reaches it; remove this entry',
    ]);
    const unknownEntrySourceLabels = mutated(base, p => { p.entry.service = 'shop'; p.services[1].faults = [fault('v2')]; });
    expect(problemLines(unknownEntrySourceLabels, 'services[1]')).toEqual([]);
  });

  test('a fault is refused on the lane of the entry\'s baseline, wherever the entry is listed; a mirror copies any lane but its service\'s baseline', () => {
    const props = mutated(base, p => {
      p.services = [p.services[1], p.services[0], p.services[2]];
      p.services[0].baseline = 'v2';
      p.services[0].faults = [fault('v1')];
      p.services[0].mirrors = [{ version: 'v3', percentage: 5, lane: 'v1' }];
    });
    expect(problemLines(props, 'services')).toEqual([
      '[services[0].faults[0].lane] "v1" is a baseline\'s lane: its requests are the live baseline traffic, which a lane fault must never touch; name a canary lane',
    ]);
  });

  test('without `baseline`, the baseline is the first version in natural order, however the versions are listed', () => {
    const props = mutated(base, p => {
      p.services[0].versions = { v2: {}, v1: {} };
      p.services[1].versions = { v3: {}, v2: {}, v1: {} };
      p.services[1].faults = [fault('v1')];
    });
    expect(problemLines(props, 'services')).toEqual([
      '[services[1].faults[0].lane] "v1" is a baseline\'s lane: its requests are the live baseline traffic, which a lane fault must never touch; name a canary lane',
    ]);
  });
});

describe('durations, each problem whole', () => {
  const notADuration = (value: string) => `"${value}" is not a duration: write a number and a unit (h, m, s, ms, us, ns), parts added together, `
    + 'for example "500ms", "2s" or "1m30s"';

  test('a duration is parts of a number and a unit, nothing after them, at least 1ms in all', () => {
    const props = mutated(base, p => {
      p.services[0].timeout = '1sx';
      p.services[1].timeout = '0.25ms';
      p.services[2].timeout = '0.5ms';
      p.services[2].outlierDetection = { interval: '10s', baseEjectionTime: '1x' };
    });
    expect(problemLines(props)).toEqual([
      `[services[0].timeout] ${notADuration('1sx')}`,
      '[services[1].timeout] "0.25ms" is shorter than 1ms, the least Istio accepts; write "1ms" or more',
      '[services[2].timeout] "0.5ms" is shorter than 1ms, the least Istio accepts; write "1ms" or more',
      `[services[2].outlierDetection.baseEjectionTime] ${notADuration('1x')}`,
    ]);
  });

  test('fractions of several digits are durations', () => {
    expect(problemLines(mutated(base, p => { p.services[1].timeout = '1.25s'; p.services[2].timeout = '1.0625ms'; }))).toEqual([]);
  });
});

describe('entry versions, each problem whole', () => {

  test('a version the entry service lacks names the versions it has, or says it has none yet', () => {
    expect(problemLines(mutated(base, p => { p.entry.defaultVersion = 'v3'; }))).toEqual([
      '[entry.defaultVersion] "v3" is not a version of the entry service "web"; use one of ["v1","v2"]',
    ]);
    const noVersions = problemLines(mutated(base, p => { p.services[0].versions = {}; delete p.entry.gatewayWeights; }));
    expect(noVersions.filter(p => p.startsWith('[entry.'))).toEqual([
      '[entry.defaultVersion] "v1" is not a version of the entry service "web"; the service has no versions yet, so add it to its `versions`',
    ]);
  });
});
