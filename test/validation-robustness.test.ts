import * as fc from 'fast-check';
import { ChainValidationError, ServiceChainProps, validateChain } from '../lib';
import { LooseProps, mutated, seedChain } from './validation-support/seed-chains';
import { formatPath, show } from '../lib/diagnostics/problems';

/** Every place of the seed's props where a JavaScript caller could put a value of any type. */
const PLACES: Array<Array<string | number>> = [
  [], ['services'], ['services', 0], ['services', 0, 'name'], ['services', 0, 'versions'], ['services', 0, 'versions', 'v1'],
  ['services', 0, 'calls'], ['services', 0, 'calls', 0], ['services', 1, 'port'], ['services', 1, 'labels'], ['entry'],
  ['entry', 'service'], ['entry', 'gateways'], ['entry', 'gateways', 0], ['entry', 'hosts', 0], ['entry', 'gatewayWeights'],
  ['entry', 'gatewayWeights', 'v1'], ['entry', 'headerRoutes'], ['entry', 'mesh'], ['defaults'], ['defaults', 'env'],
  ['defaults', 'env', 0], ['defaults', 'env', 0, 'name'], ['defaults', 'resources'], ['laneMode'], ['namespace'],
];

function placed(place: Array<string | number>, value: unknown): unknown {
  if (place.length === 0) return value;
  return mutated(seedChain, p => {
    let target: LooseProps = p;
    for (const step of place.slice(0, -1)) target = target[step];
    target[place[place.length - 1]] = value;
  });
}

/** Values JavaScript can hold that JSON cannot. */
const exotic = fc.oneof(
  fc.constant(undefined), fc.constant(NaN), fc.constant(-Infinity), fc.bigInt(), fc.constant(Symbol('s')),
  fc.constant(() => 1), fc.constant(new Date(0)), fc.constant(new Map([['a', 1]])), fc.constant(Object.create(null)),
);

describe('validateChain never crashes on wrong types from JavaScript', () => {
  test('a value of any type at any place gives problems or passes, never an exception', () => {
    fc.assert(fc.property(fc.constantFrom(...PLACES), fc.oneof(fc.anything(), exotic), (place, value) => {
      const findings = validateChain(placed(place, value) as ServiceChainProps);
      for (const problem of findings.problems.list) {
        expect(typeof problem.message).toBe('string');
        expect(typeof formatPath(problem.path)).toBe('string');
      }
    }), { numRuns: 400 });
  });

  test('whole props of any type are refused with problems', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), exotic), value => {
      expect(validateChain(value as ServiceChainProps).problems.size).toBeGreaterThan(0);
    }), { numRuns: 200 });
  });

  test('props that contain themselves are refused, not looped over', () => {
    const props: LooseProps = structuredClone(seedChain);
    props.services[0].versions.v1.labels = props;
    const problems = validateChain(props).problems.list;
    expect(problems.map(p => formatPath(p.path))).toContain('services[0].versions.v1.labels.services');
  });

  test('null and undefined props give one clear problem', () => {
    for (const value of [null, undefined]) {
      const problems = validateChain(value as unknown as ServiceChainProps).problems.list;
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toMatch(/expected a mapping of fields/);
    }
  });

  test('show never throws and stays short', () => {
    const cyclic: LooseProps = {};
    cyclic.self = cyclic;
    for (const value of [10n, Symbol('x'), () => 1, cyclic, Infinity, 'x'.repeat(500), { big: 10n }]) {
      expect(show(value).length).toBeLessThanOrEqual(80);
    }
    expect(show(Infinity)).toBe('Infinity');
    expect(show(12n)).toBe('12');
  });
});

describe('validateChain scales to long chains', () => {
  test('a line of 1000 services, each with its own versions, validates without overflowing the stack', () => {
    const services = Array.from({ length: 1000 }, (_, i) => ({
      name: `s${i}`,
      versions: { v1: {}, [`x${i}`]: {} },
      calls: i < 999 ? [`s${i + 1}`] : [],
    }));
    const props = { ...seedChain, services, entry: { ...seedChain.entry, service: 's0', gatewayWeights: { v1: 100 }, meshWeights: { v1: 100 } } };
    const findings = validateChain(props);
    expect(findings.problems.list).toEqual([]);
  });

  test('a cycle through 1000 services is reported once, with its path', () => {
    const services = Array.from({ length: 1000 }, (_, i) => ({ name: `s${i}`, versions: { v1: {} }, calls: [`s${(i + 1) % 1000 || 1}`] }));
    const props = { ...seedChain, services, entry: { ...seedChain.entry, service: 's0', gatewayWeights: { v1: 100 }, meshWeights: { v1: 100 } } };
    const cycles = validateChain(props).problems.list.filter(p => /form a cycle/.test(p.message));
    expect(cycles).toHaveLength(1);
    expect(cycles[0].message).toMatch(/s1 -> s2 -> .* -> s999 -> s1/);
  });

  test('more than 1000 services are refused by the shape', () => {
    const services = Array.from({ length: 1001 }, (_, i) => ({ name: `s${i}`, versions: { v1: {} } }));
    const problems = validateChain({ ...seedChain, services }).problems.list;
    expect(problems).toEqual([{ path: ['services'], message: 'has 1001 entries, more than the 1000 allowed; remove some' }]);
  });
});

describe('ChainValidationError', () => {
  test('lists every problem with its path', () => {
    const props = mutated(seedChain, p => { p.entry.gatewayWeights = { v1: 10, v2: 80 }; p.services[0].calls = ['appc']; p.entry.hosts = ['*']; });
    const findings = validateChain(props);
    expect(() => findings.problems.throwIfAny()).toThrow(ChainValidationError);
    expect(findings.problems.list.map(p => formatPath(p.path))).toEqual(['services[0].calls[0]', 'entry.hosts[0]', 'entry.gatewayWeights']);
  });
});
