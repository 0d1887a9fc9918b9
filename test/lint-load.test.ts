import { join, relative } from 'path';
import { compareFindings, Finding, formatFinding, lintPaths, loadManifests, sortFindings } from '../lib/lint';
import { projectRoot } from '../lib/project-root';
import { formatRelative, writeFiles } from './lint-support/write-files';
import { bundle, runNode } from './support/bundle';

/* Reading manifest files and folders, the findings' format and order, and the bundled build. */

const ROOT = join(__dirname, '..');

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('loadManifests', () => {
  test('walks folders in name order, reading .yaml, .yml and .json, skipping kustomization and dot files', () => {
    const folder = writeFiles({
      'b.yaml': `${configMap('b1')}---\n${configMap('b2')}---\n`,
      'a.yml': configMap('a'),
      'sub/c.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }),
      'sub/kustomization.yml': 'resources: [c.json]\n',
      'kustomization.yaml': 'resources: [a.yml, b.yaml]\n',
      'notes.txt': 'not a manifest',
      '.hidden.yaml': configMap('hidden'),
    });
    const { manifests, findings } = loadManifests([folder]);
    expect(findings).toEqual([]);
    expect(manifests.map(m => [relative(folder, m.file), m.index, (m.object.metadata as { name: string }).name])).toEqual([
      ['a.yml', 0, 'a'],
      ['b.yaml', 0, 'b1'],
      ['b.yaml', 1, 'b2'],
      [join('sub', 'c.json'), 0, 'c'],
    ]);
  });

  test('reads a file named directly whatever its name, keeping the path as given', () => {
    const folder = writeFiles({ 'kustomization.yaml': configMap('k') });
    const file = join(folder, 'kustomization.yaml');
    expect(loadManifests([file]).manifests).toEqual([{ file, index: 0, object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'k' } } }]);
  });

  test('reads YAML as kubectl does: YAML 1.1 booleans and octals, but dates and 1:20 stay strings', () => {
    const folder = writeFiles({
      'cm.yaml': `${configMap('values')}data:\n  on: yes\n  mode: 0755\n  date: 2001-12-14\n  time: 1:20\n  quoted: 'off'\n`,
    });
    const [manifest] = loadManifests([folder]).manifests;
    expect(manifest.object.data).toEqual({ true: true, mode: 493, date: '2001-12-14', time: '1:20', quoted: 'off' });
  });

  test('a document that does not parse is a finding; the other documents are still read', () => {
    const folder = writeFiles({
      'bad.yaml': `${configMap('before')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n  labels: [a\n---\n${configMap('after')}`,
    });
    const { manifests, findings } = loadManifests([folder]);
    expect(manifests.map(m => [m.index, (m.object.metadata as { name: string }).name])).toEqual([[0, 'before'], [2, 'after']]);
    expect(findings.map(f => [f.index, f.object])).toEqual([[1, 'document 2']]);
    expect(formatRelative(findings, folder)[0]).toMatch(/^bad\.yaml: document 2: does not parse as YAML: .+ at line \d+, column \d+$/);
  });

  test('the line of a YAML error is the line in the file', () => {
    const folder = writeFiles({ 'tabs.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n' });
    const lines = formatRelative(loadManifests([folder]).findings, folder);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tabs\.yaml: document 1: does not parse as YAML: .*\bat line 4, column 1$/);
  });

  test('JSON that does not parse, documents that are no Kubernetes object, and paths that do not exist', () => {
    const folder = writeFiles({
      'bad.json': '{ "apiVersion": "v1", }',
      'list.yaml': '- a\n- b\n',
      'kindless.yaml': 'apiVersion: v1\nmetadata: { name: x }\n',
      'scalar.yaml': 'just text\n',
    });
    const lines = formatRelative(loadManifests([folder, join(folder, 'missing.yaml')]).findings, folder);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^bad\.json: does not parse as JSON: .+/);
    expect(lines.slice(1)).toEqual([
      'kindless.yaml: document 1: is not a Kubernetes object: kind is missing or not a string',
      'list.yaml: document 1: is not a Kubernetes object: expected a mapping with apiVersion and kind, found a list',
      'scalar.yaml: document 1: is not a Kubernetes object: expected a mapping with apiVersion and kind, found "just text"',
      'missing.yaml: cannot be read: no such file or folder',
    ]);
  });

  test('lintPaths reports what could not be read beside what the checks find', () => {
    const folder = writeFiles({
      'broken.yaml': 'kind: [\n',
      'vs.yaml': 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: vs }\nspec: { hosts: [appa], exportTo: "." }\n',
    });
    const lines = formatRelative(lintPaths([folder]), folder);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^broken\.yaml: document 1: does not parse as YAML: /);
    expect(lines[1]).toBe('vs.yaml: VirtualService default/vs: spec.exportTo: is "." (a string); expected a list of strings');
  });
});

describe('findings', () => {
  const finding = (file: string, message: string, index?: number, object = ''): Finding => ({ file, index, object, message });

  test('format as <file>: <object>: <message>, or <file>: <message> without an object', () => {
    expect(formatFinding(finding('dist/routing.yaml', 'spec.hosts: is missing; add it', 3, 'VirtualService default/vs-appa')))
      .toBe('dist/routing.yaml: VirtualService default/vs-appa: spec.hosts: is missing; add it');
    expect(formatFinding(finding('gone.yaml', 'cannot be read: no such file or folder'))).toBe('gone.yaml: cannot be read: no such file or folder');
  });

  test('sort by file, then document index with whole-file findings first, then message', () => {
    const sorted = sortFindings([
      finding('b.yaml', 'a', 0),
      finding('a.yaml', 'z', 1),
      finding('a.yaml', 'b', 0),
      finding('a.yaml', 'whole file'),
      finding('a.yaml', 'a', 1),
      finding('a.yaml', 'a', 10),
    ]);
    expect(sorted.map(f => `${f.file}#${f.index ?? '-'} ${f.message}`)).toEqual([
      'a.yaml#- whole file',
      'a.yaml#0 b',
      'a.yaml#1 a',
      'a.yaml#1 z',
      'a.yaml#10 a',
      'b.yaml#0 a',
    ]);
    expect(compareFindings(finding('a', 'm', 2), finding('a', 'm', 2))).toBe(0);
  });
});

describe('the schema files', () => {
  test('are found from the package root, wherever the code runs', () => {
    expect(projectRoot(join(ROOT, 'lib', 'lint'))).toBe(ROOT);
    expect(projectRoot(join(ROOT, 'build', 'cli'))).toBe(ROOT);
  });

  test('are found by the code bundled with esbuild into build/', () => {
    const folder = writeFiles({
      'vs.yaml': 'apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata: { name: vs }\nspec: { hosts: [appa], http: [{ route: [{ destination: { host: appa }, weight: "ten" }] }] }\n',
    });
    const output = runNode(bundle('test/lint-support/validate-entry.ts'), [folder]);
    expect(output).toBe(`${join(folder, 'vs.yaml')}: VirtualService default/vs: spec.http[0].route[0].weight: is "ten" (a string); expected a whole number\n`);
  });
});
