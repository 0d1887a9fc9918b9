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
    mkdirSync(join(out, 'example.com'), { recursive: true });
    writeFileSync(join(out, 'example.com', 'Old.v1.json'), '{}\n');
    writeFileSync(join(out, 'example.com', 'README.md'), 'kept\n');

    const run = extract([join(input, 'crds.yaml')], out);
    expect(run.status).toBe(0);
    expect(readdirSync(out)).toEqual(['example.com']);
    expect(contents(join(out, 'example.com'))).toEqual({ 'README.md': 'kept\n', 'Widget.v1.json': WIDGET_V1, 'Widget.v2.json': WIDGET_V2 });
  });

  test('gives the same bytes on every run, and accepts cdk8s import\'s prefix:=file and options', () => {
    const input = writeFiles({ 'crds.yaml': WIDGET_CRD });
    const first = join(input, 'first');
    const second = join(input, 'second');
    expect(extract([join(input, 'crds.yaml')], first).status).toBe(0);
    expect(extract([`widgets:=${join(input, 'crds.yaml')}`, '--no-check-upgrade'], second).status).toBe(0);
    expect(contents(join(second, 'example.com'))).toEqual(contents(join(first, 'example.com')));
  });

  test('keys the schemas by API group: a kind of the same name in two groups gets two files, a kind twice in one group fails', () => {
    const other = WIDGET_CRD.replace('widgets.example.com', 'widgets.other.example.org').replace('group: example.com', 'group: other.example.org');
    const input = writeFiles({ 'a.yaml': WIDGET_CRD, 'b.yaml': other });
    const out = join(input, 'out');
    expect(extract([join(input, 'a.yaml'), join(input, 'b.yaml')], out).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['example.com', 'other.example.org']);
    expect(contents(join(out, 'other.example.org'))).toEqual(contents(join(out, 'example.com')));

    const twice = extract([join(input, 'a.yaml'), join(input, 'a.yaml')], join(input, 'twice'));
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/example\.com Widget v2 is defined twice/);
  });

  test('fails without touching the output when the input has no served version, or is no local file', () => {
    const input = writeFiles({ 'crds.yaml': WIDGET_CRD.replace(/served: true/g, 'served: false') });
    const out = join(input, 'out');
    mkdirSync(join(out, 'example.com'), { recursive: true });
    writeFileSync(join(out, 'example.com', 'Widget.v2.json'), 'old\n');

    const noneServed = extract([join(input, 'crds.yaml')], out);
    expect(noneServed.status).toBe(1);
    expect(noneServed.stderr).toBe('extract-crd-schemas: no served CRD version found in the input\n');
    const remote = extract(['https://example.com/crds.yaml'], out);
    expect(remote.status).toBe(1);
    expect(remote.stderr).toBe('extract-crd-schemas: https://example.com/crds.yaml: only local files are supported; download the CRDs first\n');
    expect(contents(join(out, 'example.com'))).toEqual({ 'Widget.v2.json': 'old\n' });
  });

  test('the committed schema/istio/ and schema/gateway-api/ are what crds/ (istio-networking.yaml named in cdk8s.yaml, and gateway-api-standard.yaml) gives', () => {
    const out = join(writeFiles({}), 'out');
    expect(extract([], out).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['gateway-api', 'istio']);
    const istio = contents(join(ROOT, 'schema', 'istio'));
    expect(Object.keys(istio)).toEqual([
      'DestinationRule.v1.json', 'DestinationRule.v1beta1.json',
      'Gateway.v1.json', 'Gateway.v1beta1.json',
      'VirtualService.v1.json', 'VirtualService.v1beta1.json',
    ]);
    expect(contents(join(out, 'istio'))).toEqual(istio);
    const gatewayApi = contents(join(ROOT, 'schema', 'gateway-api'));
    expect(Object.keys(gatewayApi)).toEqual([
      'Gateway.v1.json', 'Gateway.v1beta1.json',
      'GatewayClass.v1.json', 'GatewayClass.v1beta1.json',
      'HTTPRoute.v1.json', 'HTTPRoute.v1beta1.json',
      'ReferenceGrant.v1.json', 'ReferenceGrant.v1beta1.json',
    ]);
    expect(contents(join(out, 'gateway-api'))).toEqual(gatewayApi);
  });
});
