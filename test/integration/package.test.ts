import { spawn, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { CONSUMER_SOURCES, STRICT_CONSUMER_OPTIONS } from '../package-support/consumer-app';
import { offlineLockfile } from '../package-support/offline-lockfile';
import { runSteps } from '../package-support/workflow';

/*
 * The package as a user gets it: `npm pack` (which compiles it), installed offline into a fresh
 * cdk8s app beside cdk8s and constructs, compiled with the tsconfig.json of `cdk8s init
 * typescript-app`, synthesised, and its command run. One install for the whole file.
 */

const ROOT = join(__dirname, '..', '..');
const OURS = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** Packages a runtime install must never bring (backport pulls in octokit, rxjs, lodash, graphql). */
const HEAVY = ['backport', '@octokit/rest', '@octokit/core', 'rxjs', 'lodash', 'graphql', 'cdk8s-plus-27'];
/** The most packages `npm install istio-service-chain --omit=dev` may bring beside cdk8s and constructs. */
const MAX_RUNTIME_PACKAGES = 40;

interface Run { status: number | null; stdout: string; stderr: string }

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runAsync(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => { stdout += chunk; });
    child.stderr.on('data', chunk => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', status => resolve({ status, stdout, stderr }));
  });
}

/** Fails with everything the command printed, so a failed step explains itself. */
function succeeded(step: string, result: Run): Run {
  if (result.status !== 0) throw new Error(`${step} exited with ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * The folders of the packages a production install keeps (what `npm ls --omit=dev --all` lists),
 * read from the tree npm recorded as it installed (node_modules/.package-lock.json), without
 * starting npm: every package but those only development dependencies need.
 */
function runtimePackages(app: string): string[] {
  const tree = JSON.parse(readFileSync(join(app, 'node_modules', '.package-lock.json'), 'utf8')) as
    { packages: Record<string, { dev?: boolean }> };
  return Object.entries(tree.packages).filter(([folder, meta]) => folder !== '' && !meta.dev).map(([folder]) => folder);
}

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

let app: string;
let packedFiles: string[];
let compiled: Run;
let strictlyCompiled: Run;
let synthesised: { manifests: any[]; findings: string[]; paths: { probability: number; path: string[] }[]; specServices: number };

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'service-chain-consumer-'));

  // npm pack runs the `prepare` script, which compiles build/tsc/.
  const packed = JSON.parse(succeeded('npm pack', run('npm', ['pack', '--json', '--pack-destination', app], ROOT)).stdout) as
    { filename: string; files: { path: string }[] }[];
  const tarball = packed[0]!.filename;
  packedFiles = packed[0]!.files.map(file => file.path).sort();
  const manifest = JSON.parse(run('tar', ['-xOzf', join(app, tarball), 'package/package.json'], app).stdout);

  const dependencies = { cdk8s: installedVersion('cdk8s'), constructs: installedVersion('constructs') };
  const devDependencies = { 'typescript': installedVersion('typescript'), '@types/node': installedVersion('@types/node') };
  writeFileSync(join(app, 'package.json'), JSON.stringify({
    name: 'consumer',
    version: '0.0.0',
    private: true,
    dependencies: { ...dependencies, [OURS.name]: `file:${tarball}` },
    devDependencies,
  }, null, 2));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(offlineLockfile(ROOT, { dependencies, devDependencies }, { file: tarball, manifest }), null, 2));
  copyFileSync(join(ROOT, 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app', 'tsconfig.json'), join(app, 'tsconfig.json'));
  writeFileSync(join(app, 'tsconfig.strict.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: STRICT_CONSUMER_OPTIONS }));
  for (const [file, text] of Object.entries(CONSUMER_SOURCES)) {
    mkdirSync(dirname(join(app, file)), { recursive: true });
    writeFileSync(join(app, file), text);
  }

  succeeded('npm ci --offline', run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], app));

  const tsc = join(app, 'node_modules', 'typescript', 'bin', 'tsc');
  [compiled, strictlyCompiled] = await Promise.all([
    runAsync('node', [tsc, '-p', 'tsconfig.json'], app),
    runAsync('node', [tsc, '-p', 'tsconfig.strict.json'], app),
  ]);
  if (compiled.status === 0) synthesised = JSON.parse(succeeded('node synth.js', run('node', ['synth.js'], app)).stdout);
}, 180_000);

afterAll(() => rmSync(app, { recursive: true, force: true }));

describe('the packed tarball', () => {
  test('holds the compiled library, its declarations, the command and the schemas, and no sources or tests', () => {
    for (const file of [
      'package.json', 'LICENSE', 'README.md', 'bin/service-chain',
      'build/tsc/lib/index.js', 'build/tsc/lib/index.d.ts',
      'build/tsc/lib/explain/index.js', 'build/tsc/lib/lint/index.js', 'build/tsc/lib/spec/index.js',
      'build/tsc/cli/main.js', 'build/tsc/imports/networking.istio.io.js',
      'schema/chain.schema.json', 'schema/chain.validate.js', 'schema/istio/VirtualService.v1.json',
    ]) expect(packedFiles).toContain(file);
    const unexpected = packedFiles.filter(file => !/^(package\.json|LICENSE|README\.md|bin\/service-chain|build\/tsc\/(lib|cli|imports)\/.*\.(js|d\.ts)|schema\/.*\.js(on)?)$/.test(file));
    expect(unexpected).toEqual([]);
  });

  test('is licensed Apache-2.0, with cdk8s and constructs as peers and cdk8s-plus-27 an optional one', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', OURS.name, 'package.json'), 'utf8'));
    expect(manifest.license).toBe('Apache-2.0');
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(['cdk8s', 'cdk8s-plus-27', 'constructs']);
    expect(manifest.peerDependenciesMeta).toEqual({ 'cdk8s-plus-27': { optional: true } });
    expect(Object.keys(manifest.dependencies)).not.toEqual(expect.arrayContaining(['cdk8s']));
    expect(Object.keys(manifest.dependencies)).not.toEqual(expect.arrayContaining(['constructs']));
  });
});

describe('installed into a cdk8s app', () => {
  test(`brings at most ${MAX_RUNTIME_PACKAGES} runtime packages, none of the heavy ones, and no second cdk8s or constructs`, () => {
    const listed = runtimePackages(app);
    const ours = listed.filter(folder => !/^node_modules\/(cdk8s|constructs)(\/|$)/.test(folder));
    expect(ours.length).toBeLessThanOrEqual(MAX_RUNTIME_PACKAGES);
    expect(listed.filter(folder => HEAVY.some(name => folder.endsWith(`node_modules/${name}`)))).toEqual([]);
    expect(listed.filter(folder => /node_modules\/(cdk8s|constructs)$/.test(folder))).toEqual(['node_modules/cdk8s', 'node_modules/constructs']);
  });

  test('compiles under the tsconfig.json of cdk8s init (strict, lib es2016, library types checked)', () => {
    const tsconfig = JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, lib: ['es2016'] });
    expect(tsconfig.compilerOptions.skipLibCheck).toBeUndefined();
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
  });

  test('compiles with noUncheckedIndexedAccess, exactOptionalPropertyTypes and node16 resolution', () => {
    expect(strictlyCompiled.stdout + strictlyCompiled.stderr).toBe('');
    expect(strictlyCompiled.status).toBe(0);
  });

  test('exports the curated API from the root, and nothing from deep paths', () => {
    const script = `
      const root = require('${OURS.name}');
      const entries = ['explain', 'lint', 'spec'].map(name => [name, Object.keys(require('${OURS.name}/' + name)).sort()]);
      let deep;
      try { require('${OURS.name}/build/tsc/lib/model/chain-model'); deep = 'loaded'; } catch (error) { deep = error.code; }
      console.log(JSON.stringify({ root: Object.keys(root).sort(), ...Object.fromEntries(entries), version: require('${OURS.name}/package.json').version, deep }));`;
    const exported = JSON.parse(succeeded('node', run('node', ['-e', script], app)).stdout);
    expect(exported).toEqual({
      root: [
        'ChainValidationError', 'DataPlane', 'EntryGateway', 'EntryRouting', 'GatewayApiGateway', 'GatewayApiRouting', 'ImagePullPolicy',
        'IstioApiVersion', 'LaneMode', 'LaneRouting', 'LoadBalancer', 'OWNERSHIP_FILE', 'OutputLayout', 'OutputRefusedError', 'RoutingApi',
        'SecurityProfile', 'ServiceChain', 'ServiceWorkloads', 'TlsMode', 'TrafficSource', 'VersionServices', 'VersionedDestinationRule',
        'Waypoint', 'WorkloadObjects',
        'chainFiles', 'findDrift', 'hasInterruptedWrite', 'renderFiles', 'renderYaml', 'validateChain', 'writeFilesAtomically',
      ],
      explain: [
        'DEFAULT_EXPLAIN_BUDGET', 'ExplainBudgetError', 'MAX_CALL_DEPTH', 'MAX_LISTED_HOPS', 'MAX_PATHS', 'TooManyPathsError',
        'countPaths', 'explain', 'explainChain', 'isRouted', 'renderPaths', 'renderTraceGraph', 'traceChain', 'traceGraph',
        'traceGraphJson', 'tracedPaths',
      ],
      lint: [
        'CHECKS', 'MAX_MANIFEST_BYTES', 'MAX_MANIFEST_DEPTH', 'MAX_PRINTED_FINDINGS', 'compareFindings', 'formatFinding',
        'formatFindings', 'lintManifests', 'lintPaths', 'lintReport', 'loadManifests', 'sortFindings',
      ],
      spec: ['SpecError', 'loadSpecFile', 'parseSpec'],
      version: OURS.version,
      deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  test('declares no internal helper', () => {
    const internal = 'resolveChain|planRouting|headerCondition|CHAIN_RULES|formatPath|show|kubeObject|adoptWorkload|listFiles|inReadingOrder';
    const declarations = run('grep', ['-rE', `declare (const|function) (${internal})\\b`, '--include=*.d.ts', '.'],
      join(app, 'node_modules', OURS.name, 'build', 'tsc', 'lib'));
    expect(declarations.stdout).toBe('');
    expect(declarations.status).toBe(1); // grep: no line selected
  });

  test('synthesises a three-service chain with Testing.synth', () => {
    const { manifests } = synthesised;
    const named = (kind: string) => manifests.filter(object => object.kind === kind).map(object => object.metadata.name);
    expect(named('Service')).toEqual(['web', 'cart', 'payment']);
    expect(named('Deployment')).toEqual(['web-v1', 'web-v2', 'cart-v1', 'cart-v2', 'payment-v1', 'payment-v2']);
    expect(named('DestinationRule')).toEqual(['dr-web', 'dr-cart', 'dr-payment']);
    expect(named('VirtualService')).toEqual(['vs-gateway-web', 'vs-web', 'vs-cart', 'vs-payment']);

    const deployment = manifests.find(object => object.metadata.name === 'cart-v2');
    expect(deployment.spec.template.metadata.labels).toEqual({ app: 'cart', version: 'v2' });
    expect(deployment.spec.template.spec.containers[0].image).toBe('registry.example.com/shop:1.0');
    const entry = manifests.find(object => object.metadata.name === 'vs-web');
    expect(entry.spec.http[0].match).toEqual([{ gateways: ['istio-system/public'] }]);
    expect(entry.spec.http[0].route.map((route: any) => [route.destination.subset, route.weight, route.headers.request.set]))
      .toEqual([['v1', 90, { 'x-lane': 'v1' }], ['v2', 10, { 'x-lane': 'v2' }]]);
    const lanes = manifests.find(object => object.metadata.name === 'vs-cart');
    expect(lanes.spec.http[0].match).toEqual([{ headers: { 'x-lane': { exact: 'v2' } } }]);
    expect(lanes.spec.http[0].route).toEqual([{ destination: { host: 'cart', subset: 'v2' } }]);

    expect(manifests).toMatchSnapshot();
  });

  test('explains, lints and reads specs through its subpath entry points', () => {
    expect(synthesised.paths).toEqual([
      { probability: 0.9, path: ['web-v1', 'cart-v1', 'payment-v1'] },
      { probability: 0.1, path: ['web-v2', 'cart-v2', 'payment-v2'] },
    ]);
    expect(synthesised.findings).toEqual([]);
    expect(synthesised.specServices).toBe(3);
  });
});

describe('the service-chain command of the installed package', () => {
  test('prints the version of the package', () => {
    const version = run('npx', ['--offline', '--no-install', 'service-chain', '--version'], app);
    expect(version).toEqual({ status: 0, stdout: `${OURS.version}\n`, stderr: '' });
  });

  test('synthesises a spec into manifests', () => {
    // npx finds the command (above); starting the installed bin directly spares npm's start-up.
    const serviceChain = join(app, 'node_modules', '.bin', 'service-chain');
    const synth = run(serviceChain, ['synth', 'chains/shop.yaml', '-o', 'out'], app);
    expect(synth.stderr).toBe('');
    expect(synth.status).toBe(0);
    expect(existsSync(join(app, 'out', 'routing.yaml'))).toBe(true);
    expect(readFileSync(join(app, 'out', 'routing.yaml'), 'utf8')).toContain('name: vs-gateway-web');
    expect(run(serviceChain, ['validate', 'out'], app).status).toBe(0);
  });
});

describe('the pull-request workflow example, run with the installed package', () => {
  test('passes in a repository of specs and their committed manifests, and fails on drift', () => {
    const repo = mkdtempSync(join(app, 'specs-repo-'));
    mkdirSync(join(repo, 'chains'));
    writeFileSync(join(repo, 'chains', 'shop.yaml'), CONSUMER_SOURCES['chains/shop.yaml']!);
    const bin = join(app, 'node_modules', '.bin');
    const summary = join(repo, 'summary.md');
    const step = (script: string) => run('bash', ['-e', '-c', script], repo, { PATH: `${bin}:${process.env.PATH}`, GITHUB_STEP_SUMMARY: summary });
    // The installed command stands for `npm install --global`, the first step.
    const [install, ...steps] = runSteps();
    expect(install!.name).toBe('Install the service-chain command');

    succeeded('the first synth', step('service-chain synth chains/*.yaml --layout gitops -o gitops'));
    for (const { name, run: script } of steps) {
      const result = step(script);
      expect({ name, status: result.status, stderr: result.stderr }).toEqual({ name, status: 0, stderr: '' });
    }
    expect(readFileSync(summary, 'utf8')).toContain('```mermaid\nflowchart');

    writeFileSync(join(repo, 'chains', 'shop.yaml'), CONSUMER_SOURCES['chains/shop.yaml']!.replace('{ v1: 90, v2: 10 }', '{ v1: 50, v2: 50 }'));
    const drift = step(steps.find(({ name }) => name === 'Committed manifests match the specs')!.run);
    expect(drift.status).toBe(1);
  });
});
