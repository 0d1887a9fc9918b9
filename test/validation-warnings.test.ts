import { validateChain } from '../lib';
import { headerRoutingChain, mutated, seedChain } from './validation-support/seed-chains';

/** Findings that do not stop the synth, and what they must say. */
const warningCases = [
  {
    name: 'warns when a lane cannot pass a service that lacks its version',
    mutate: (p: any) => {
      p.services[1].calls = ['appc'];
      p.services[1].versions = { v1: {} };
      p.services.push({ name: 'appc', versions: { v1: {}, v2: {} } });
    },
    warning: /lane "v2" cannot pass "appb", which has no "v2": requests on that lane from "appa" go to its baseline "v1" and leave the lane, so "appc" never sees them on "v2". Add "v2" to "appb"/,
  },
  {
    name: 'warns when a port name makes Istio skip HTTP routing',
    mutate: (p: any) => { p.services[1].portName = 'tcp-db'; },
    warning: /services\[1\]\.portName: "tcp-db" makes Istio treat the port as TCP, where the chain's HTTP routes .* do not apply/,
  },
  {
    name: 'warns when laneHeader is set outside header mode',
    mutate: (p: any) => { p.laneHeader = 'x-team'; },
    warning: /laneHeader: "x-team" is ignored in laneMode "sourceLabels"/,
  },
  {
    name: 'warns when a version of the entry service gets no traffic from any entry route',
    mutate: (p: any) => { p.entry.gatewayWeights = { v1: 100, v2: 0 }; p.services[1].versions = { v1: {} }; },
    warning: /^services\[0\]\.versions\.v2: "appa-v2" never gets traffic: no route of the entry sends requests to "v2" \(no header route, no weight above 0, not `defaultVersion`\); route some traffic to it, or remove it$/,
  },
  {
    name: 'warns when no lane leads to a version of a later service',
    mutate: (p: any) => { p.services[1].versions.v3 = {}; },
    warning: /^services\[1\]\.versions\.v3: "appb-v3" never gets traffic: no lane leads to it, as lanes start at the versions the entry routes to \(\["v1","v2"\]\) and none is "v3"; add "v3" to the entry service "appa"/,
  },
  {
    name: 'warns when no lane leads to a version in header mode too',
    mutate: (p: any) => { p.laneMode = 'header'; p.services[1].versions.v3 = {}; },
    warning: /^services\[1\]\.versions\.v3: "appb-v3" never gets traffic: no lane leads to it/,
  },
  {
    name: 'warns when a canary is the baseline, naming the lanes it takes',
    mutate: (p: any) => { p.services[0].versions.v3 = {}; p.entry.gatewayWeights = { v1: 10, v2: 80, v3: 10 }; p.services[1].baseline = 'v2'; },
    warning: /^services\[1\]\.baseline: "v2" is a canary of "appb", not its first version "v1", yet it takes every request that belongs to no lane: calls from workloads outside the chain, and the lane \["v3"\] it lacks\. Set `baseline` to "v1" \(or remove it\); if "v2" is the stable version now, retire "v1"$/,
  },
  {
    name: 'warns when a canary is the baseline even when every lane has its version',
    mutate: (p: any) => { p.services[1].baseline = 'v2'; },
    warning: /^services\[1\]\.baseline: "v2" is a canary of "appb", not its first version "v1", yet it takes every request that belongs to no lane: calls from workloads outside the chain\. Set/,
  },
  {
    name: 'warns when a weight above 0 goes to a version with replicas: 0',
    mutate: (p: any) => { p.services[0].versions.v2.replicas = 0; p.entry.meshWeights = { v1: 100 }; },
    warning: /^entry\.gatewayWeights\.v2: 90 of every 100 requests go to "appa-v2", which has replicas: 0, so they get 503; scale "appa-v2" up or send its share elsewhere$/,
  },
  {
    name: 'warns when a lane reaches a version with replicas: 0 behind the entry',
    mutate: (p: any) => { p.services[1].versions.v2.replicas = 0; },
    warning: /^services\[1\]\.versions\.v2: "appb-v2" has replicas: 0, but the lane \["v2"\] reaches it, so its requests get 503; scale it up, or remove the version so that its lane goes to the baseline "v1"$/,
  },
  {
    name: 'warns when the default version has replicas: 0',
    mutate: (p: any) => { p.services[0].versions.v1.replicas = 0; p.entry.gatewayWeights = { v2: 100 }; p.entry.meshWeights = { v2: 100 }; p.entry.defaultVersion = 'v1'; },
    warning: /^entry\.defaultVersion: "v1" has replicas: 0, so the requests no other route takes get 503/,
  },
  {
    name: 'warns when a service is not reached from the entry',
    mutate: (p: any) => { p.services.push({ name: 'orphan', versions: { v1: {} } }); },
    warning: /services\[2\] "orphan" is not reached from the entry "appa"/,
  },
];

describe('validateChain warns about what it does not refuse', () => {
  test.each(warningCases)('$name', ({ mutate, warning }) => {
    const findings = validateChain(mutated(seedChain, mutate));
    expect(findings.problems.list).toEqual([]);
    expect(findings.warnings).toEqual([expect.stringMatching(warning)]);
  });

  test('no warning for a lane gap in header mode, which carries lanes across gaps', () => {
    const props = mutated(seedChain, p => {
      p.laneMode = 'header';
      p.services[1].calls = ['appc'];
      p.services[1].versions = { v1: {} };
      p.services.push({ name: 'appc', versions: { v1: {}, v2: {} } });
    });
    expect(validateChain(props).warnings).toEqual([]);
  });

  test('no warning for a canary baseline on the entry service, whose routes decide', () => {
    expect(validateChain(mutated(seedChain, p => { p.services[0].baseline = 'v2'; })).warnings).toEqual([]);
  });

  test('no warning for replicas: 0 on a version that gets a weight of 0, or when the chain writes no Deployments', () => {
    const props = mutated(seedChain, p => {
      p.services[0].versions.v2.replicas = 0;
      p.entry.gatewayWeights = { v1: 100, v2: 0 };
      p.services[1].versions = { v1: {} };
    });
    expect(validateChain(props).warnings)
      .toEqual([expect.stringMatching(/"appa-v2" never gets traffic/)]);
    expect(validateChain(mutated(seedChain, p => { p.workloads = 'services'; p.services[0].versions.v2.replicas = 0; })).warnings).toEqual([]);
  });

  test('a version a lane loses on the way is named once, by the lane-gap warning', () => {
    const warnings = validateChain(mutated(seedChain, p => {
      p.services[1].calls = ['appc'];
      p.services[1].versions = { v1: {} };
      p.services.push({ name: 'appc', versions: { v1: {}, v2: {} } });
    })).warnings;
    expect(warnings).toEqual([expect.stringMatching(/^lane "v2" cannot pass "appb"/)]);
  });

  test('a version reached only through a header route gets no warning', () => {
    const props = mutated(headerRoutingChain, p => {
      p.services[0].versions.v3 = {};
      p.services[1].versions.v3 = {};
      p.entry.headerRoutes.push({ header: 'x-canary', exact: 'on', version: 'v3' });
    });
    expect(validateChain(props).warnings).toEqual([]);
  });

  test('the seed examples raise no warnings', () => {
    expect(validateChain(seedChain).warnings).toEqual([]);
    expect(validateChain(headerRoutingChain).warnings).toEqual([]);
  });
});

describe('versions with replicas: 0, in whole warnings', () => {
  test('every entry route to a scaled-down version is named, and a default route elsewhere is not', () => {
    const { problems, warnings } = validateChain(mutated(headerRoutingChain, p => { p.services[0].versions.v2.replicas = 0; }));
    expect(problems.list).toEqual([]);
    expect(warnings).toEqual([
      'entry.gatewayWeights.v2: 20 of every 100 requests go to "appa-v2", which has replicas: 0, so they get 503; scale "appa-v2" up or send its share elsewhere',
      'entry.meshWeights.v2: 20 of every 100 requests go to "appa-v2", which has replicas: 0, so they get 503; scale "appa-v2" up or send its share elsewhere',
      'entry.headerRoutes[1].version: "v2" has replicas: 0, so the requests this route takes get 503; scale "appa-v2" up or send its share elsewhere',
    ]);
  });

  test('a scaled-down baseline that several lanes reach names them all', () => {
    const { problems, warnings } = validateChain(mutated(seedChain, p => {
      p.services[0].versions.v3 = {};
      p.entry.gatewayWeights = { v1: 10, v2: 80, v3: 10 };
      p.services[1].versions.v1.replicas = 0;
    }));
    expect(problems.list).toEqual([]);
    expect(warnings).toEqual([
      'services[1].versions.v1: "appb-v1" has replicas: 0, but the lanes ["v3","v1"] reach it, so their requests get 503; '
      + 'scale it up, or make a version that has pods the baseline (`baseline`)',
    ]);
  });

  test('a scaled-down version no lane reaches is not warned about for the lane of its name elsewhere', () => {
    const { warnings } = validateChain(mutated(seedChain, p => {
      p.services[0].calls = ['appb', 'appc'];
      p.services.push({ name: 'appc', versions: { v1: {} }, calls: ['appd'] }, { name: 'appd', versions: { v1: {}, v2: { replicas: 0 } } });
    }));
    expect(warnings).toEqual([expect.stringMatching(/^lane "v2" cannot pass "appc"/)]);
  });
});

describe('versions no traffic reaches', () => {
  test('a service the entry never reaches is named once, not again for each of its versions', () => {
    const { warnings } = validateChain(mutated(seedChain, p => { p.services.push({ name: 'orphan', versions: { v1: {}, v9: {} } }); }));
    expect(warnings).toEqual([expect.stringMatching(/^services\[2\] "orphan" is not reached from the entry "appa"/)]);
  });

  test('a mirror target is passed over, and the other versions no lane reaches are still named', () => {
    const { problems, warnings } = validateChain(mutated(seedChain, p => {
      p.services[1].versions.v3 = {};
      p.services[1].versions.v4 = {};
      p.services[1].mirrors = [{ version: 'v3', percentage: 100 }];
    }));
    expect(problems.list).toEqual([]);
    expect(warnings).toEqual([
      'services[1].versions.v4: "appb-v4" never gets traffic: no lane leads to it, as lanes start at the versions the entry routes to (["v1","v2"]) '
      + 'and none is "v4"; add "v4" to the entry service "appa" and route traffic to it, or remove it',
    ]);
  });
});

test('a canary baseline names the lanes it takes at its own service only', () => {
  const props = mutated(seedChain, (p: any) => {
    p.services[0].versions = { v1: {}, v2: {}, v3: {}, v4: {}, v5: {} };
    p.services[0].calls = ['appb', 'appc'];
    p.entry.gatewayWeights = { v1: 60, v2: 10, v3: 10, v4: 10, v5: 10 };
    p.entry.meshWeights = { v1: 100 };
    p.services[1].versions = { v1: {}, v2: {}, v4: {} };
    p.services[1].baseline = 'v2';
    p.services.push({ name: 'appc', versions: { v1: {}, v2: {}, v3: {}, v5: {} }, baseline: 'v2' });
  });
  expect(validateChain(props).warnings.filter(w => w.includes('].baseline: '))).toEqual([
    'services[1].baseline: "v2" is a canary of "appb", not its first version "v1", yet it takes every request that belongs to no lane: calls from '
    + 'workloads outside the chain, and the lanes ["v3","v5"] it lacks. Set `baseline` to "v1" (or remove it); if "v2" is the stable version now, retire "v1"',
    'services[2].baseline: "v2" is a canary of "appc", not its first version "v1", yet it takes every request that belongs to no lane: calls from '
    + 'workloads outside the chain, and the lane ["v4"] it lacks. Set `baseline` to "v1" (or remove it); if "v2" is the stable version now, retire "v1"',
  ]);
});

test('a version no lane leads to is warned about whatever its name and its service\'s', () => {
  const props = mutated(seedChain, (p: any) => {
    p.services[0].calls = ['undefined'];
    p.services[1] = { name: 'undefined', versions: { v1: {}, v2: {}, undefined: {} } };
  });
  expect(validateChain(props).warnings).toEqual([
    expect.stringMatching(/^services\[1\]\.versions\.undefined: "undefined-undefined" never gets traffic: no lane leads to it/),
  ]);
});
