import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import { parse } from 'yaml';
import { checkCommandTargets, commandReport, CommandResult, CommandScenario } from '../bench/commands';
import { generateManifestFiles } from '../bench/generate-manifests';
import { BENCH_VERSIONS, generateDiamondSpec, generateDiamondSpecYaml, generateSpec, generateSpecYaml } from '../bench/generate-spec';
import { summarizeProfile } from '../bench/profile';
import { ServiceChain } from '../lib/constructs/service-chain';
import { lintReport } from '../lib/lint';
import { parseSpec } from '../lib/spec';
import { bundle, runNode } from './support/bundle';
import { readYaml, tempDir } from './support/manifests';

/*
 * The benchmark's parts, without timing: the generated specs are chains the library
 * accepts, and the floor writes exactly the documents it is given.
 */

describe('the benchmark spec generator', () => {
  test.each([1, 2, 50, 200])('%i services make a chain the library accepts', count => {
    const props = generateSpec(count);
    const chain = new ServiceChain(new Chart(new App(), 't'), 'c', props);
    expect(chain.workloads).toHaveLength(count);
    expect(chain.model.services.map(s => s.name)).toEqual(props.services.map(s => s.name));
  });

  test('50 services have up to four versions, some lacking v3 and v4, with fan-out', () => {
    const props = generateSpec(50);
    const versions = props.services.map(s => Object.keys(s.versions));
    expect(props.services[0].name).toBe('svc-000');
    expect(props.services[49].name).toBe('svc-049');
    expect(versions[0]).toEqual(BENCH_VERSIONS);
    expect(versions.every(v => v.every(name => BENCH_VERSIONS.includes(name)) && v.includes('v1'))).toBe(true);
    expect(versions.filter(v => !v.includes('v3')).length).toBeGreaterThan(0);
    expect(versions.filter(v => v.length === 4).length).toBeGreaterThan(0);
    expect(props.services.some(s => (s.calls ?? []).length === 2)).toBe(true);
    const chain = new ServiceChain(new Chart(new App(), 't'), 'c', props);
    const deployments = chain.workloads.map(w => [...w.deployments.keys()].sort());
    expect(deployments).toEqual(versions.map(v => [...v].sort()));
  });

  test('the entry takes gateway and mesh traffic as the brief says', () => {
    const { entry, laneMode, defaults } = generateSpec(3);
    expect(entry).toEqual({
      service: 'svc-000',
      gateways: ['istio-system/bench-gw'],
      hosts: ['bench.example.com'],
      gatewayWeights: { v1: 70, v2: 10, v3: 10, v4: 10 },
      meshWeights: { v1: 100 },
    });
    expect(laneMode).toBe('header');
    expect(defaults).toEqual({ image: 'registry.example.com/bench:1.0' });
  });

  test('the YAML text parses back to the spec, and the CLI\'s spec loader accepts it', () => {
    expect(parse(generateSpecYaml(20))).toEqual(generateSpec(20));
    expect(parseSpec(generateSpecYaml(20), 'chain-20.yaml')).toEqual(generateSpec(20));
  });
});

describe('the diamond spec generator', () => {
  test('stacks diamonds: each top calls both sides, both sides call the next top', () => {
    const props = generateDiamondSpec(2);
    expect(props.services.map(s => [s.name, Object.keys(s.versions), s.calls ?? []])).toEqual([
      ['top-00', ['v1', 'v2'], ['left-00', 'right-00']],
      ['left-00', ['v1'], ['top-01']],
      ['right-00', ['v1', 'v2'], ['top-01']],
      ['top-01', ['v1', 'v2'], ['left-01', 'right-01']],
      ['left-01', ['v1'], ['top-02']],
      ['right-01', ['v1', 'v2'], ['top-02']],
      ['top-02', ['v1', 'v2'], []],
    ]);
    expect(props.entry).toMatchObject({ service: 'top-00', gatewayWeights: { v1: 90, v2: 10 } });
  });

  test('30 levels make a chain the library accepts, and the YAML text parses back to it', () => {
    const chain = new ServiceChain(new Chart(new App(), 't'), 'c', generateDiamondSpec(30));
    expect(chain.workloads).toHaveLength(91);
    expect(parseSpec(generateDiamondSpecYaml(30), 'diamonds.yaml')).toEqual(generateDiamondSpec(30));
    expect(() => generateDiamondSpec(0)).toThrow(/positive whole number of levels, not 0/);
  });
});

describe('the manifest generator of the validate benchmark', () => {
  test('100,000 documents in 4 files of about 1.8 MB, 7.3 MB in all', () => {
    const files = generateManifestFiles(100_000, 4);
    expect(files.map(f => f.name)).toEqual(['manifests-0.yaml', 'manifests-1.yaml', 'manifests-2.yaml', 'manifests-3.yaml']);
    expect(files.map(f => f.text.split('\n---\n').length)).toEqual([25_000, 25_000, 25_000, 25_000]);
    const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
    expect(bytes).toBeGreaterThan(7_000_000);
    expect(bytes).toBeLessThan(7_500_000);
  });

  test('writes manifests that validate without findings, identical copies included', () => {
    const dir = tempDir('manifests-');
    for (const file of generateManifestFiles(2000, 2)) writeFileSync(join(dir, file.name), file.text);
    expect(lintReport([dir])).toEqual({ manifests: 2000, findings: [] });
  });
});

describe('the command scenarios of the benchmark', () => {
  const scenario = (name: string, maxMs: number, maxMb?: number): CommandScenario =>
    ({ name, description: name, args: [], runs: 1, maxMs, ...(maxMb === undefined ? {} : { maxMb }) });
  const result = (name: string, medianMs: number, peakMb: number): CommandResult =>
    ({ name, description: name, medianMs, peakMb, samples: [] });

  test('check time, and memory where a scenario has a memory target', () => {
    const targets = checkCommandTargets(
      [scenario('fast', 2000), scenario('lean', 10_000, 500)],
      [result('fast', 2100, 900), result('lean', 9000, 499)]);
    expect(targets).toEqual([
      { target: 'fast: median <= 2000 ms', measured: '2100 ms', pass: false },
      { target: 'lean: median <= 10000 ms', measured: '9000 ms', pass: true },
      { target: 'lean: peak <= 500 MB', measured: '499.0 MB', pass: true },
    ]);
    expect(commandReport([result('fast', 2100, 900)], targets.slice(0, 1)).split('\n')).toEqual([
      '| command | median ms | peak MB |', '|---|---:|---:|', '| fast | 2100 | 900.0 |', '',
      'Targets:', '- **FAIL** fast: median <= 2000 ms (measured 2100 ms)', '',
    ]);
  });
});

describe('the benchmark floor', () => {
  test('writes exactly the documents it is given, file for file', () => {
    const files = [
      {
        path: 'v1.yaml',
        documents: [
          { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', labels: { app: 'a' } }, spec: { ports: [{ port: 80, name: 'http' }], selector: { app: 'a' } } },
          { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a-v1' }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'x:1' }] } } } },
        ],
      },
      {
        path: 'sub/routing.yaml',
        documents: [{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'a', namespace: 'ns' }, spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a', subset: 'v1' }, weight: 100 }] }] } }],
      },
    ];
    const dir = tempDir('floor-');
    const input = join(dir, 'documents.json');
    writeFileSync(input, JSON.stringify(files));
    const outdir = join(dir, 'out');
    mkdirSync(outdir);
    runNode(bundle('bench/floor.ts'), [input, outdir]);
    for (const file of files) expect(readYaml(join(outdir, file.path))).toEqual(file.documents);
  });
});

describe('the benchmark profile summary', () => {
  test('splits time by module, by bundle function and by bundle function and callee', () => {
    const bundleUrl = 'file:///x/build/cli/main.js';
    const frame = (functionName: string, url: string, lineNumber = 5) => ({ functionName, url, lineNumber });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '', -1), children: [2, 5] },
        { id: 2, callFrame: frame('', bundleUrl, 0), children: [3] },
        { id: 3, callFrame: frame('renderYaml', bundleUrl), children: [4] },
        { id: 4, callFrame: frame('stringify', 'file:///x/node_modules/yaml/dist/index.js') },
        { id: 5, callFrame: frame('(garbage collector)', '', -1) },
      ],
      samples: [4, 4, 3, 5],
      timeDeltas: [1000, 1000, 3000, 4000],
    };
    const summary = summarizeProfile(profile, bundleUrl);
    expect(summary.totalMs).toBe(9);
    expect(summary.selfByModule).toEqual([['(garbage collector)', 4], ['bundle', 3], ['yaml', 2]]);
    expect(Object.fromEntries(summary.inclusiveByBundleFunction)).toEqual({ '(bundle top level)': 5, 'renderYaml': 5 });
    expect(summary.bundleFunctionByCallee).toEqual([['renderYaml -> bundle', 3], ['renderYaml -> yaml', 2]]);
  });
});
