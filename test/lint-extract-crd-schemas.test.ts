import { spawnSync } from 'child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { writeFiles } from './lint-support/write-files';

/* scripts/extract-crd-schemas.js: the CRD schemas lib/lint validates against. */

const ROOT = join(__dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'extract-crd-schemas.js');

/** Runs the script in the repository root, writing to `outDir`. */
function extract(args: string[], outDir: string) {
  const result = spawnSync('node', [SCRIPT, ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, CRD_SCHEMA_OUT_DIR: outDir },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files of a folder, name -> text. */
function contents(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map(name => [name, readFileSync(join(folder, name), 'utf8')]));
}

const WIDGET_CRD = `# versions listed out of order, keys unsorted, one version not served
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v2
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer, format: int32 }
                color: { type: string }
              required: [size]
    - name: v1
      served: true
      storage: false
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: { x-kubernetes-preserve-unknown-fields: true, type: object }
    - name: v0
      served: false
      storage: false
      schema:
        openAPIV3Schema: { type: object }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: not-a-crd }
`;

const WIDGET_V2 = `{
  "properties": {
    "spec": {
      "properties": {
        "color": {
          "type": "string"
        },
        "size": {
          "format": "int32",
          "type": "integer"
        }
      },
      "required": [
        "size"
      ],
      "type": "object"
    }
  },
  "type": "object"
}
`;

const WIDGET_V1 = `{
  "properties": {
    "spec": {
      "type": "object",
      "x-kubernetes-preserve-unknown-fields": true
    }
  },
  "type": "object"
}
`;

describe('extract-crd-schemas', () => {
  test('writes the schema of each served version, keys sorted, replacing stale JSON files only', () => {
    const input = writeFiles({ 'crds.yaml': WIDGET_CRD });
    const out = join(input, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'Old.v1.json'), '{}\n');
    writeFileSync(join(out, 'README.md'), 'kept\n');

    const run = extract([join(input, 'crds.yaml')], out);
    expect(run.status).toBe(0);
    expect(contents(out)).toEqual({ 'README.md': 'kept\n', 'Widget.v1.json': WIDGET_V1, 'Widget.v2.json': WIDGET_V2 });
  });

  test('gives the same bytes on every run, and accepts cdk8s import\'s prefix:=file and options', () => {
    const input = writeFiles({ 'crds.yaml': WIDGET_CRD });
    const first = join(input, 'first');
    const second = join(input, 'second');
    expect(extract([join(input, 'crds.yaml')], first).status).toBe(0);
    expect(extract([`widgets:=${join(input, 'crds.yaml')}`, '--no-check-upgrade'], second).status).toBe(0);
    expect(contents(second)).toEqual(contents(first));
  });

  test('fails without touching the output when the input has no served version, or is no local file', () => {
    const input = writeFiles({ 'crds.yaml': WIDGET_CRD.replace(/served: true/g, 'served: false') });
    const out = join(input, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'Widget.v2.json'), 'old\n');

    const noneServed = extract([join(input, 'crds.yaml')], out);
    expect(noneServed.status).toBe(1);
    expect(noneServed.stderr).toBe('extract-crd-schemas: no served CRD version found in the input\n');
    const remote = extract(['https://example.com/crds.yaml'], out);
    expect(remote.status).toBe(1);
    expect(remote.stderr).toBe('extract-crd-schemas: https://example.com/crds.yaml: only local files are supported; download the CRDs first\n');
    expect(contents(out)).toEqual({ 'Widget.v2.json': 'old\n' });
  });

  test('the committed schema/istio/ is what crds/istio-networking.yaml, named in cdk8s.yaml, gives', () => {
    const out = join(writeFiles({}), 'out');
    expect(extract([], out).status).toBe(0);
    const committed = contents(join(ROOT, 'schema', 'istio'));
    expect(Object.keys(committed)).toEqual([
      'DestinationRule.v1.json', 'DestinationRule.v1beta1.json',
      'Gateway.v1.json', 'Gateway.v1beta1.json',
      'VirtualService.v1.json', 'VirtualService.v1beta1.json',
    ]);
    expect(contents(out)).toEqual(committed);
  });
});
