import { LaneMode, ServiceChainProps, validateChain } from '../lib';
import { formatPath } from '../lib/diagnostics/problems';

/** A chain from `services` as `name: [versions], calls`, entered at the first service with weights over its versions. */
function chain(services: Array<[string, string[], string[]?]>, extra: Partial<ServiceChainProps> = {}): ServiceChainProps {
  const entryVersions = services[0][1];
  const weights = Object.fromEntries(entryVersions.map((v, i) => [v, i === 0 ? 100 - 10 * (entryVersions.length - 1) : 10]));
  return {
    defaults: { image: 'registry.example.com/app:1.0' },
    services: services.map(([name, versions, calls]) => ({
      name, calls, versions: Object.fromEntries(versions.map(v => [v, {}])),
    })),
    entry: { service: services[0][0], meshWeights: weights },
    ...extra,
  };
}

describe('lanes lost on the way', () => {
  test('names the first service where the lane is lost, and every service the fix needs, however deep', () => {
    const findings = validateChain(chain([
      ['a', ['v1', 'v2'], ['b']], ['b', ['v1'], ['c']], ['c', ['v1'], ['d']], ['d', ['v1', 'v2']],
    ]));
    expect(findings.problems.list).toEqual([]);
    expect(findings.warnings).toEqual([
      'lane "v2" cannot pass "b", which has no "v2": requests on that lane from "a" go to its baseline "v1" and leave the lane, '
      + 'so "d" never sees them on "v2". Add "v2" to "b" and "c", or use laneMode \'header\' to carry the lane across.',
    ]);
  });

  test('a lane lost where no service below has its version is no gap', () => {
    expect(validateChain(chain([['a', ['v1', 'v2'], ['b']], ['b', ['v1'], ['c']], ['c', ['v1']]])).warnings).toEqual([]);
  });

  test('a version no lane can reach is no gap: lanes start at the entry', () => {
    const warnings = validateChain(chain([['web', ['v1'], ['cart']], ['cart', ['v1'], ['pay']], ['pay', ['v1', 'v2']]])).warnings;
    expect(warnings.filter(warning => warning.startsWith('lane '))).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^services\[2\]\.versions\.v2: "pay-v2" never gets traffic: no lane leads to it/)]);
  });

  test('in a diamond, only the branch that lacks the version loses the lane', () => {
    const findings = validateChain(chain([
      ['a', ['v1', 'v2'], ['b', 'c']], ['b', ['v1', 'v2'], ['d']], ['c', ['v1'], ['d']], ['d', ['v1', 'v2']],
    ]));
    expect(findings.warnings).toEqual([expect.stringMatching(/^lane "v2" cannot pass "c", which has no "v2": requests on that lane from "a" .* so "d" never sees them on "v2"\. Add "v2" to "c", or/)]);
  });

  test('a service reached twice on one lane is reported once', () => {
    const findings = validateChain(chain([
      ['a', ['v1', 'v2'], ['b', 'c']], ['b', ['v1', 'v2'], ['x']], ['c', ['v1', 'v2'], ['x']], ['x', ['v1'], ['y']], ['y', ['v1', 'v2']],
    ]));
    expect(findings.warnings).toHaveLength(1);
    expect(findings.warnings[0]).toMatch(/^lane "v2" cannot pass "x", which has no "v2": requests on that lane from "b" /);
  });

  test('every lane is checked: v2 and v3 are lost at different services', () => {
    const findings = validateChain(chain([
      ['a', ['v1', 'v2', 'v3'], ['b']], ['b', ['v1', 'v3'], ['c']], ['c', ['v1', 'v2'], ['d']], ['d', ['v1', 'v2', 'v3']],
    ]));
    expect(findings.warnings.map(w => w.slice(0, w.indexOf(':')))).toEqual([
      'lane "v2" cannot pass "b", which has no "v2"',
      'lane "v3" cannot pass "c", which has no "v3"',
    ]);
  });

  test('header mode carries lanes across gaps: no warning', () => {
    const props = chain([['a', ['v1', 'v2'], ['b']], ['b', ['v1'], ['c']], ['c', ['v1', 'v2']]], { laneMode: LaneMode.HEADER });
    expect(validateChain(props).warnings).toEqual([]);
  });

  test('with strict, the loss is a problem at the versions of the service to fix', () => {
    const props = chain([['a', ['v1', 'v2'], ['b']], ['b', ['v1'], ['c']], ['c', ['v1', 'v2']]], { strict: true });
    const { problems, warnings } = validateChain(props);
    expect(warnings).toEqual([]);
    expect(problems.list.map(p => formatPath(p.path))).toEqual(['services[1].versions']);
    expect(problems.list[0].message).toMatch(/Add "v2" to "b", or use laneMode 'header'/);
  });

  test('lanes are not traced while the call graph is broken; its problems are reported instead', () => {
    const props = chain([['a', ['v1', 'v2'], ['b', 'zz']], ['b', ['v1'], ['c']], ['c', ['v1', 'v2']]]);
    const { problems, warnings } = validateChain(props);
    expect(problems.list.map(p => formatPath(p.path))).toEqual(['services[0].calls[1]']);
    expect(warnings).toEqual([]);
  });
});

test('a loss names every holder below it, and only the services on its way to them that lack the lane', () => {
  const findings = validateChain(chain([
    ['a', ['v1', 'v2'], ['b', 'x']], ['b', ['v1'], ['c', 'd', 'e', 'y']], ['c', ['v1', 'v2']], ['d', ['v1', 'v2']], ['e', ['v1', 'v2']],
    ['y', ['v1']], ['x', ['v1'], ['c']],
  ]));
  expect(findings.warnings.filter(warning => warning.startsWith('lane '))).toEqual([
    'lane "v2" cannot pass "b", which has no "v2": requests on that lane from "a" go to its baseline "v1" and leave the lane, '
    + 'so "c", "d" and "e" never see them on "v2". Add "v2" to "b", or use laneMode \'header\' to carry the lane across.',
    'lane "v2" cannot pass "x", which has no "v2": requests on that lane from "a" go to its baseline "v1" and leave the lane, '
    + 'so "c" never sees them on "v2". Add "v2" to "x", or use laneMode \'header\' to carry the lane across.',
  ]);
});
