import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { ChainValidationError, IstioApiVersion, LaneMode, ServiceChainProps } from '../lib';
import { explainChain } from '../lib/explain';
import { lintManifests } from '../lib/lint';
import { parseSpec, SpecError } from '../lib/spec';
import { weightsFor } from './support/arbitraries';
import { buildChain, Manifest } from './support/manifests';

/*
 * Property-based tests: random valid chains always give manifests that pass the Istio
 * schema and every routing check, and keep their lanes; random invalid mutations are
 * always rejected with a validation error, never a crash or an output.
 */

const VERSIONS = ['v1', 'v2', 'v3', 'v4'];


/** A random valid chain: services s0..sN, calls only forward (a DAG), v1 everywhere, other versions on some services. */
const validChain: fc.Arbitrary<ServiceChainProps> = fc.record({
  size: fc.integer({ min: 1, max: 6 }),
  seed: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  extraVersions: fc.array(fc.subarray(VERSIONS.slice(1)), { minLength: 6, maxLength: 6 }),
  laneMode: fc.constantFrom(LaneMode.SOURCE_LABELS, LaneMode.HEADER),
  apiVersion: fc.constantFrom(IstioApiVersion.V1BETA1, IstioApiVersion.V1),
  namespace: fc.option(fc.constantFrom('shop', 'team-a'), { nil: undefined }),
}).chain(shape => {
  const names = Array.from({ length: shape.size }, (_, i) => `s${i}`);
  const versionsOf = names.map((_, i) => ['v1', ...shape.extraVersions[i]]);
  const entryVersions = versionsOf[0];
  return fc.record({ gateway: weightsFor(entryVersions), mesh: weightsFor(entryVersions) }).map(weights => ({
    laneMode: shape.laneMode,
    apiVersion: shape.apiVersion,
    namespace: shape.namespace,
    defaults: { image: 'registry.example.com/app:1.0', port: 8080 },
    services: names.map((name, i) => ({
      name,
      versions: Object.fromEntries(versionsOf[i].map(v => [v, {}])),
      calls: names.filter((_, j) => j > i && shape.seed[(i * 8 + j) % 64]),
    })),
    entry: {
      service: 's0',
      gateways: ['edge/public'],
      hosts: ['shop.example.com'],
      gatewayWeights: weights.gateway,
      meshWeights: weights.mesh,
    },
  }));
});

const manifestsOf = (props: ServiceChainProps): Manifest[] => buildChain(props).objects.map(o => o.toJson());

describe('random valid chains', () => {
  test('every object passes the Istio CRD schema and every routing check', () => {
    fc.assert(fc.property(validChain, props => {
      const findings = lintManifests(manifestsOf(props).map((object, index) => ({ file: 'chain.yaml', index, object })));
      expect(findings).toEqual([]);
    }), { numRuns: 60 });
  });

  test('every path keeps its lane where the service has that version, and takes the baseline elsewhere (header mode); follows the caller\'s version (sourceLabels mode)', () => {
    fc.assert(fc.property(validChain, props => {
      const chain = buildChain(props);
      const model = chain.model;
      const paths = explainChain(chain, { gateway: 'edge/public', host: 'shop.example.com' });
      expect(paths.reduce((sum, p) => sum + p.probability, 0)).toBeCloseTo(1, 5);
      for (const path of paths) {
        expect(path.error).toBeUndefined();
        const lane = path.path[0].slice('s0-'.length);
        expect(path.path).toEqual(expectedPath(model, 's0', lane, lane));
      }
    }), { numRuns: 60 });
  });

  test('the same props give the same output, and key order in a spec changes nothing', () => {
    fc.assert(fc.property(validChain, props => {
      const reversed = parseSpec(stringify(reverseKeys(props)), 'reversed.yaml');
      expect(manifestsOf(reversed)).toEqual(manifestsOf(props));
    }), { numRuns: 30 });
  });
});

/**
 * The oracle: the Deployments a request on `lane` visits, depth first. A service serves the
 * version asked for where it has it, else its baseline. In header mode the next hop is asked
 * for the lane; in sourceLabels mode, for the version the caller runs.
 */
function expectedPath(model: ReturnType<typeof buildChain>['model'], name: string, lane: string, asked: string): string[] {
  const service = model.service(name);
  const version = service.hasVersion(asked) ? asked : service.baseline;
  const next = model.laneMode === LaneMode.HEADER ? lane : version;
  return [`${name}-${version}`, ...service.calls.flatMap(callee => expectedPath(model, callee, lane, next))];
}

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().filter(([, v]) => v !== undefined).map(([k, v]) => [k, reverseKeys(v)]));
}

/** Mutations that each make a valid chain invalid, with the path the error must name. */
const MUTATIONS: Array<[string, (p: any) => void, RegExp]> = [
  ['weights off by one', p => { p.entry.gatewayWeights.v1 += 1; }, /entry\.gatewayWeights/],
  ['an unknown callee', p => { p.services[0].calls.push('nowhere'); }, /services\[0\]\.calls/],
  ['a self-call', p => { p.services[0].calls.push('s0'); }, /services\[0\]\.calls/],
  ['a cycle', p => { p.services.push({ name: 'x1', versions: { v1: {} }, calls: ['x2'] }, { name: 'x2', versions: { v1: {} }, calls: ['x1'] }); }, /cycle/],
  ['an invalid service name', p => { p.services[0].name = 'S_0'; }, /services\[0\]\.name/],
  ['a duplicate service', p => { p.services.push({ ...p.services[0] }); }, /services\[\d+\]\.name/],
  ['a version that is no label value', p => { p.services[p.services.length - 1].versions['v 9'] = {}; }, /versions/],
  ['no image', p => { delete p.defaults.image; }, /image/],
  ['a port out of range', p => { p.defaults.port = 70000; }, /port/],
  ['a lookahead regex', p => { p.entry.headerRoutes = [{ header: 'x-v', regex: '(?=v)v2', version: 'v1' }]; }, /headerRoutes\[0\]\.regex/],
  ['a wildcard host on the mesh', p => { p.entry.hosts = ['*']; }, /entry\.hosts\[0\]/],
  ['a gateway without namespace', p => { p.entry.gateways = ['public']; }, /entry\.gateways\[0\]/],
  ['an unknown entry service', p => { p.entry.service = 'nope'; }, /entry\.service/],
  ['a weight for a missing version', p => { p.entry.meshWeights = { v1: 50, v9: 50 }; }, /entry\.meshWeights/],
];

describe('random invalid mutations', () => {
  test('are rejected with a validation error naming the path, never a crash or an output', () => {
    fc.assert(fc.property(validChain, fc.constantFrom(...MUTATIONS), (props, [, mutate, path]) => {
      const broken = JSON.parse(JSON.stringify(props));
      mutate(broken);
      let error: unknown;
      try {
        buildChain(broken);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ChainValidationError);
      expect((error as Error).message).toMatch(path);
    }), { numRuns: 120 });
  });

  test('random values at random places of a spec give a SpecError, never a crash', () => {
    const anyValue = fc.oneof(
      fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    );
    fc.assert(fc.property(validChain, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), anyValue, (props, picks, value) => {
      const spec = JSON.parse(JSON.stringify(props));
      let target = spec;
      let key: string | number = '';
      for (const pick of picks) {
        const keys = Array.isArray(target) ? target.map((_: unknown, i: number) => i) : Object.keys(target);
        if (keys.length === 0) break;
        key = keys[pick % keys.length];
        if (typeof target[key] !== 'object' || target[key] === null || picks.indexOf(pick) === picks.length - 1) break;
        target = target[key];
      }
      if (key === '') return;
      target[key] = value;
      try {
        const parsed = parseSpec(stringify(spec), 'random.yaml');
        buildChain(parsed); // a mutation may happen to stay valid
      } catch (e) {
        expect([SpecError.name, ChainValidationError.name]).toContain((e as Error).name);
      }
    }), { numRuns: 150 });
  });
});
