import { copyFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chainFiles, OutputLayout, renderFiles, ServiceChainProps, writeFilesAtomically } from '../lib';
import { loadSpecFile } from '../lib/spec';
import { HAS_KUBECTL, kustomize } from './support/kubectl';
import { buildChain, Manifest, parseYaml, tempDir } from './support/manifests';

/*
 * The gitops layout writes every object once, with a kustomization.yaml, so that
 * kustomize (and Flux, and Argo CD) can build it. These tests run the real
 * `kubectl kustomize` on every gitops output.
 */

/** Every spec of examples/: each one's gitops output must build. */
const EXAMPLES = readdirSync(join(__dirname, '..', 'examples')).filter(file => file.endsWith('.yaml')).map(file => file.replace(/\.yaml$/, '')).sort();
test('every example is covered, the ones named in the README among them', () => {
  expect(EXAMPLES).toEqual(expect.arrayContaining(['adopt-services', 'fan-out', 'header-lanes', 'production-settings', 'seed-headers', 'seed-weighted']));
});

const specOf = (name: string): ServiceChainProps => loadSpecFile(join(__dirname, '..', 'examples', `${name}.yaml`));
const identity = (d: Manifest) => `${d.kind} ${d.metadata.namespace ?? '-'}/${d.metadata.name}`;

function writeGitops(props: ServiceChainProps): { dir: string; documents: Manifest[] } {
  const files = chainFiles(buildChain(props), { layout: OutputLayout.GITOPS });
  const dir = join(tempDir('gitops-'), 'out');
  writeFilesAtomically(dir, renderFiles(files));
  const documents = files.filter(f => f.path !== 'kustomization.yaml').flatMap(f => f.documents as Manifest[]);
  return { dir, documents };
}

describe.each(EXAMPLES)('the gitops layout of examples/%s.yaml', name => {
  const files = () => chainFiles(buildChain(specOf(name)), { layout: OutputLayout.GITOPS });

  test('holds every object exactly once', () => {
    const all = files().filter(f => f.path !== 'kustomization.yaml').flatMap(f => (f.documents as Manifest[]).map(identity));
    expect(new Set(all).size).toBe(all.length);
  });

  test('lists every file in its kustomization', () => {
    const kustomization = files().find(f => f.path === 'kustomization.yaml')!.documents[0] as Manifest;
    expect(kustomization.resources).toEqual(files().map(f => f.path).filter(p => p !== 'kustomization.yaml'));
  });

  (HAS_KUBECTL ? test : test.skip)('kubectl kustomize builds it, and the built objects equal the synthesised ones', () => {
    const { dir, documents } = writeGitops(specOf(name));
    const built = kustomize(dir);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const sorted = (list: Manifest[]) => [...list].sort((a, b) => identity(a).localeCompare(identity(b)));
    expect(sorted(parseYaml(built.stdout))).toEqual(sorted(documents));
  });
});

(HAS_KUBECTL ? test.each : test.skip.each)(EXAMPLES)('kubectl kustomize builds the committed folder gitops/%s on its own', name => {
  const built = kustomize(join(__dirname, '..', 'gitops', name));
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  expect(parseYaml(built.stdout).length).toBeGreaterThan(5);
});

describe('file order in the gitops layout', () => {
  const files = () => chainFiles(buildChain(specOf('fan-out')), { layout: OutputLayout.GITOPS });
  const names = (path: string) => (files().find(f => f.path === path)!.documents as Manifest[]).map(d => `${d.kind}/${d.metadata.name}`);

  test('services.yaml, then one file per version, then routing.yaml and the kustomization', () => {
    expect(files().map(f => f.path)).toEqual(['services.yaml', 'v1.yaml', 'v2.yaml', 'routing.yaml', 'kustomization.yaml']);
  });

  test('Services and Deployments follow the chain order', () => {
    expect(names('services.yaml')).toEqual(['Service/frontend', 'Service/catalog', 'Service/reviews', 'Service/ratings']);
    expect(names('v2.yaml')).toEqual(['Deployment/frontend-v2', 'Deployment/catalog-v2', 'Deployment/reviews-v2', 'Deployment/ratings-v2']);
  });

  test('DestinationRules, then the root VirtualService, then one VirtualService per service in chain order', () => {
    expect(names('routing.yaml')).toEqual([
      'DestinationRule/dr-frontend', 'DestinationRule/dr-catalog', 'DestinationRule/dr-reviews', 'DestinationRule/dr-ratings',
      'VirtualService/vs-gateway-frontend', 'VirtualService/vs-frontend',
      'VirtualService/vs-catalog', 'VirtualService/vs-reviews', 'VirtualService/vs-ratings',
    ]);
  });
});

describe('the namespace in the kustomization', () => {
  const kustomizationOf = (props: ServiceChainProps) =>
    chainFiles(buildChain(props), { layout: OutputLayout.GITOPS }).find(f => f.path === 'kustomization.yaml')!.documents[0] as Manifest;

  test('is written when every object lives in the chain namespace', () => {
    const seed = specOf('seed-weighted');
    const props = { ...seed, namespace: 'shop', entry: { ...seed.entry, rootNamespace: 'shop' } };
    expect(kustomizationOf(props).namespace).toBe('shop');
  });

  test('is left out when the root VirtualService lives elsewhere, since kustomize would move it', () => {
    expect(kustomizationOf({ ...specOf('seed-weighted'), namespace: 'shop' }).namespace).toBeUndefined();
  });
});

(HAS_KUBECTL ? test : test.skip)('the per-version layout (the seed\'s own files) is refused by kustomize, which is why gitops exists', () => {
  const dir = tempDir('per-version-');
  for (const file of ['v1.yaml', 'v2.yaml', 'routing.yaml']) copyFileSync(join(__dirname, 'fixtures', file), join(dir, file));
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources: [v1.yaml, v2.yaml, routing.yaml]\n');
  const built = kustomize(dir);
  expect(built.status).not.toBe(0);
  expect(built.stderr).toMatch(/already registered id/);
});
