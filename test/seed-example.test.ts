import { execFileSync, spawnSync } from 'child_process';
import { cpSync, readFileSync } from 'fs';
import { join } from 'path';
import { chainFiles, OutputLayout, OWNERSHIP_FILE } from '../lib';
import { listFiles } from '../lib/output/drift';
import { loadSpecFile } from '../lib/spec';
import { bundle, ROOT } from './support/bundle';
import { HAS_KUBECTL } from './support/kubectl';
import { buildChain, find, Manifest, parseYaml, readYaml, tempDir } from './support/manifests';

/*
 * The example app (main.ts) must reproduce the seed: dist/ equals the reference
 * manifests in test/fixtures object for object, and the committed dist/ is what a
 * fresh synth writes. The seed's header entry is examples/seed-headers.yaml, written to
 * gitops/seed-headers/; its objects equal the reference too.
 */

const FIXTURES = join(__dirname, 'fixtures');

/**
 * Runs main.ts (bundled as `npm run synth` does) in a fresh folder holding a copy of
 * examples/, where it writes dist/ and gitops/; returns that folder.
 */
function synthExample(): string {
  const workdir = tempDir('seed-');
  cpSync(join(ROOT, 'examples'), join(workdir, 'examples'), { recursive: true });
  execFileSync('node', [bundle('main.ts')], { cwd: workdir, encoding: 'utf8' });
  return workdir;
}

let synthesised: string | undefined;
/** The folder main.ts wrote to: synthesised once, when a test first asks for it. */
const workdir = (): string => (synthesised ??= synthExample());
const outdir = (): string => join(workdir(), 'dist');
const output = (path: string): Manifest[] => readYaml(join(outdir(), path));

const EXPECTED_FILES = ['routing.yaml', 'v1.yaml', 'v2.yaml'];

describe('the example app', () => {
  test('writes exactly the seed files, one scenario, and its ownership file', () => {
    expect(listFiles(outdir())).toEqual(EXPECTED_FILES);
    const owned = readFileSync(join(outdir(), OWNERSHIP_FILE), 'utf8').split('\n').filter(line => line !== '' && !line.startsWith('#'));
    expect(owned.map(line => line.replace(/^[0-9a-f]{64} {2}/, ''))).toEqual(EXPECTED_FILES);
  });

  test.each([
    ['v1.yaml', 'v1.yaml'],
    ['v2.yaml', 'v2.yaml'],
    ['routing.yaml', 'routing.yaml'],
  ])('%s equals the reference %s, object for object', (path, fixture) => {
    expect(output(path)).toEqual(readYaml(join(FIXTURES, fixture)));
  });

  test.each(EXPECTED_FILES)('%s matches its snapshot', path => {
    expect(readFileSync(join(outdir(), path), 'utf8')).toMatchSnapshot();
  });

  test.each(['dist', 'gitops'])('the committed %s/ is what a fresh synth writes, ownership file included', folder => {
    const [committed, fresh] = [join(ROOT, folder), join(workdir(), folder)];
    expect(listFiles(committed)).toEqual(listFiles(fresh));
    for (const path of [...listFiles(fresh), OWNERSHIP_FILE]) {
      expect({ path, text: readFileSync(join(committed, path), 'utf8') })
        .toEqual({ path, text: readFileSync(join(fresh, path), 'utf8') });
    }
  });
});

test('`cdk8s synth --stdout` prints one scenario: the objects of dist/, each identity with one content', () => {
  const env = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`, CDK8S_CHECK_UPGRADE: 'false' };
  const run = spawnSync('cdk8s', ['synth', '--stdout'], { cwd: ROOT, env, encoding: 'utf8' });
  expect(run.status).toBe(0);
  const printed = parseYaml(run.stdout);
  const identity = (d: Manifest) => `${d.kind} ${d.metadata.namespace ?? '-'}/${d.metadata.name}`;
  const sorted = (list: Manifest[]) => [...list].sort((a, b) => identity(a).localeCompare(identity(b)));
  expect(sorted(printed)).toEqual(sorted(EXPECTED_FILES.flatMap(path => readYaml(join(ROOT, 'dist', path)))));
  const contents = new Map<string, string[]>();
  for (const d of printed) contents.set(identity(d), [...new Set([...(contents.get(identity(d)) ?? []), JSON.stringify(d)])]);
  expect([...contents].filter(([, versions]) => versions.length > 1)).toEqual([]);
  expect(printed.filter(d => d.kind === 'VirtualService' && d.metadata.name === 'vs-appa')).toHaveLength(1);
});

(HAS_KUBECTL ? test : test.skip)('kubectl reads dist/ as a folder of manifests, passing over the ownership file', () => {
  const run = spawnSync('kubectl', ['annotate', '--local', '-f', join(ROOT, 'dist'), 'checked=yes', '-o', 'name'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const objects = EXPECTED_FILES.flatMap(path => readYaml(join(ROOT, 'dist', path)));
  expect(run.stdout.trim().split('\n')).toHaveLength(objects.length);
});

describe('the header entry (examples/seed-headers.yaml, gitops/seed-headers/)', () => {
  const files = () => new Map(chainFiles(buildChain(loadSpecFile(join(ROOT, 'examples', 'seed-headers.yaml'))), { layout: OutputLayout.GITOPS })
    .map(file => [file.path, file.documents as Manifest[]]));
  const identity = (d: Manifest) => `${d.kind}/${d.metadata.name}`;

  test('its routing.yaml equals the reference routing-headers.yaml, object for object', () => {
    expect(files().get('routing.yaml')).toEqual(readYaml(join(FIXTURES, 'routing-headers.yaml')));
  });

  test('its Services and Deployments equal the reference v1.yaml and v2.yaml, each object once', () => {
    const reference = [...readYaml(join(FIXTURES, 'v1.yaml')), ...readYaml(join(FIXTURES, 'v2.yaml'))];
    const unique = [...new Map(reference.map(d => [identity(d), d])).values()];
    const written = ['services.yaml', 'v1.yaml', 'v2.yaml'].flatMap(path => files().get(path)!);
    const byIdentity = (list: Manifest[]) => [...list].sort((a, b) => identity(a).localeCompare(identity(b)));
    expect(byIdentity(written)).toEqual(byIdentity(unique));
    expect(written.map(identity).sort()).toEqual(['Deployment/appa-v1', 'Deployment/appa-v2', 'Deployment/appb-v1', 'Deployment/appb-v2', 'Service/appa', 'Service/appb']);
  });

  test('the committed gitops/seed-headers/routing.yaml is that routing', () => {
    expect(readYaml(join(ROOT, 'gitops', 'seed-headers', 'routing.yaml'))).toEqual(files().get('routing.yaml'));
  });
});

describe('weighted routing (dist/routing.yaml)', () => {
  const routing = () => output('routing.yaml');
  const entry = () => find(routing(), 'VirtualService', 'vs-appa');
  const weightsOf = (rule: Manifest) => rule.route.map((r: Manifest) => [r.destination.host, r.destination.subset, r.weight]);

  test('gateway traffic splits 10:90 between v1 and v2', () => {
    expect(entry().spec.http[0].match).toEqual([{ gateways: ['istio-system/app-gw'] }]);
    expect(weightsOf(entry().spec.http[0])).toEqual([['appa', 'v1', 10], ['appa', 'v2', 90]]);
  });

  test('mesh traffic goes 100:0 to v1', () => {
    expect(entry().spec.http[1].match).toEqual([{ gateways: ['mesh'] }]);
    expect(weightsOf(entry().spec.http[1])).toEqual([['appa', 'v1', 100], ['appa', 'v2', 0]]);
    expect(entry().spec.http).toHaveLength(2);
  });

  test('the root VirtualService binds gateway and mesh and delegates to vs-appa in default', () => {
    const root = find(routing(), 'VirtualService', 'vs-gateway-appa');
    expect(root.metadata.namespace).toBe('istio-system');
    expect(root.spec.gateways).toEqual(['istio-system/app-gw', 'mesh']);
    expect(root.spec.hosts).toEqual(['192.168.1.106', 'appa.default.svc.cluster.local']);
    expect(root.spec.http).toEqual([{ match: [{ uri: { prefix: '/' } }], delegate: { name: 'vs-appa', namespace: 'default' } }]);
    expect(entry().metadata.namespace).toBeUndefined();
    expect(entry().spec.hosts).toBeUndefined();
  });

  test('each DestinationRule has a subset per version, selected by the version label', () => {
    for (const app of ['appa', 'appb']) {
      const rule = find(routing(), 'DestinationRule', `dr-${app}`);
      expect(rule.spec.host).toBe(app);
      expect(rule.spec.subsets).toEqual([
        { name: 'v1', labels: { version: 'v1' } },
        { name: 'v2', labels: { version: 'v2' } },
      ]);
      expect(rule.spec.trafficPolicy).toEqual({ loadBalancer: { simple: 'ROUND_ROBIN' } });
    }
  });

  test('appb follows its caller version through sourceLabels, with v1 as the default', () => {
    const lanes = find(routing(), 'VirtualService', 'vs-appb');
    expect(lanes.spec.hosts).toEqual(['appb']);
    expect(lanes.spec.http.map((rule: Manifest) => [rule.match, rule.route[0].destination.subset])).toEqual([
      [[{ sourceLabels: { app: 'appa', version: 'v1' } }], 'v1'],
      [[{ sourceLabels: { app: 'appa', version: 'v2' } }], 'v2'],
      [undefined, 'v1'],
    ]);
  });
});

describe('header routing (gitops/seed-headers/routing.yaml)', () => {
  const entry = find(readYaml(join(ROOT, 'gitops', 'seed-headers', 'routing.yaml')), 'VirtualService', 'vs-appa');
  const rules = entry.spec.http;

  test('gateway requests with version: v1 or v2 go to that version', () => {
    expect(rules[0].match).toEqual([{ gateways: ['istio-system/app-gw'], headers: { version: { regex: 'v1' } } }]);
    expect(rules[0].route).toEqual([{ destination: { host: 'appa', subset: 'v1' } }]);
    expect(rules[1].match).toEqual([{ gateways: ['istio-system/app-gw'], headers: { version: { regex: 'v2' } } }]);
    expect(rules[1].route).toEqual([{ destination: { host: 'appa', subset: 'v2' } }]);
  });

  test('the rest of mesh and gateway traffic splits 80:20, then a default route to v1', () => {
    expect(rules[2].match).toEqual([{ gateways: ['mesh', 'istio-system/app-gw'] }]);
    expect(rules[2].route.map((r: Manifest) => [r.destination.subset, r.weight])).toEqual([['v1', 80], ['v2', 20]]);
    expect(rules[3]).toEqual({ route: [{ destination: { host: 'appa', subset: 'v1' } }] });
    expect(rules).toHaveLength(4);
  });
});

describe('workloads (dist/v1.yaml, dist/v2.yaml)', () => {
  test.each(['v1', 'v2'])('%s.yaml holds each Service beside its %s Deployment', version => {
    const documents = output(`${version}.yaml`);
    expect(documents.map(d => `${d.kind}/${d.metadata.name}`))
      .toEqual(['Service/appa', `Deployment/appa-${version}`, 'Service/appb', `Deployment/appb-${version}`]);
    for (const app of ['appa', 'appb']) {
      const deployment = find(documents, 'Deployment', `${app}-${version}`);
      const labels = { app, version };
      expect(deployment.metadata.labels).toEqual(labels);
      expect(deployment.spec.selector.matchLabels).toEqual(labels);
      expect(deployment.spec.template.metadata.labels).toEqual(labels);
      const container = deployment.spec.template.spec.containers[0];
      expect(container.env.slice(0, 2)).toEqual([{ name: 'version', value: version }, { name: 'app', value: app }]);
      expect(find(documents, 'Service', app).spec.selector).toEqual({ app });
    }
  });

  test('only appa, which calls appb, gets the upstream URL', () => {
    const documents = output('v1.yaml');
    const envOf = (name: string) => find(documents, 'Deployment', name).spec.template.spec.containers[0].env;
    expect(envOf('appa-v1')).toContainEqual({ name: 'upstream_url', value: 'http://appb:8000/' });
    expect(envOf('appb-v1').map((e: Manifest) => e.name)).toEqual(['version', 'app']);
  });

  test('no cdk8s bookkeeping: no hashed names, no cdk8s labels', () => {
    for (const path of EXPECTED_FILES) {
      const text = readFileSync(join(outdir(), path), 'utf8');
      expect(text).not.toMatch(/cdk8s/);
      expect(text).not.toMatch(/-c8[0-9a-f]{6}/);
    }
  });
});
