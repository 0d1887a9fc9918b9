import { validateChain } from '../lib';
import { headerRoutingChain, mutated, seedChain } from './validation-support/seed-chains';

/** Findings that do not stop the synth, and what they must say. */
const warningCases = [
  { name: 'warns when a lane cannot pass a service that lacks its version',
    mutate: (p: any) => {
      p.services[1].calls = ['appc'];
      p.services[1].versions = { v1: {} };
      p.services.push({ name: 'appc', versions: { v1: {}, v2: {} } });
    },
    warning: /lane "v2" cannot pass "appb", which has no "v2": requests on that lane from "appa" go to its baseline "v1" and leave the lane, so "appc" never sees them on "v2". Add "v2" to "appb"/ },
  { name: 'warns when a port name makes Istio skip HTTP routing', mutate: (p: any) => { p.services[1].portName = 'tcp-db'; },
    warning: /services\[1\]\.portName: "tcp-db" makes Istio treat the port as TCP, where the chain's HTTP routes .* do not apply/ },
  { name: 'warns when laneHeader is set outside header mode', mutate: (p: any) => { p.laneHeader = 'x-team'; },
    warning: /laneHeader: "x-team" is ignored in laneMode "sourceLabels"/ },
  { name: 'warns when a service is not reached from the entry',
    mutate: (p: any) => { p.services.push({ name: 'orphan', versions: { v1: {} } }); },
    warning: /services\[2\] "orphan" is not reached from the entry "appa"/ },
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

  test('the seed examples raise no warnings', () => {
    expect(validateChain(seedChain).warnings).toEqual([]);
    expect(validateChain(headerRoutingChain).warnings).toEqual([]);
  });
});
