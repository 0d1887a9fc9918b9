import { parseAllDocuments } from 'yaml';
import { renderYaml } from '../lib';
import { HAS_KUBECTL } from './support/kubectl';
import { readWithKubectl } from './support/kubectl-read';
import { ALL_TRICKY_STRINGS, TRICKY_STRINGS } from './support/tricky-strings';

/*
 * Every string the writer emits reads back as itself: in the `yaml` library as YAML 1.1
 * and as YAML 1.2, and in kubectl's own parser. The tricky strings go in as env values,
 * label values and annotation values of a Deployment, and as header values of a
 * VirtualService.
 */

const corpus = ALL_TRICKY_STRINGS;
const keyed = (prefix: string) => Object.fromEntries(corpus.map((value, i) => [`${prefix}${i}`, value]));

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web-v1', labels: keyed('l'), annotations: keyed('a') },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'registry.example.com/web:1.0', env: corpus.map((value, i) => ({ name: `V${i}`, value })) }] },
    },
  },
};
const virtualService = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'vs-web' },
  spec: {
    hosts: ['web'],
    http: corpus.map(value => ({ match: [{ headers: { 'x-lane': { exact: value } } }], route: [{ destination: { host: 'web', subset: 'v1' } }] })),
  },
};
const written = renderYaml([deployment, virtualService]);

/** The strings found where the corpus went, in corpus order, per place. */
function placesOf(objects: Array<Record<string, any>>): Record<string, unknown[]> {
  const [d, vs] = objects;
  return {
    'env values': d.spec.template.spec.containers[0].env.map((e: { value: unknown }) => e.value),
    'label values': corpus.map((_, i) => d.metadata.labels[`l${i}`]),
    'annotation values': corpus.map((_, i) => d.metadata.annotations[`a${i}`]),
    'header values': vs.spec.http.map((h: any) => h.match[0].headers['x-lane'].exact),
  };
}

const expected = { 'env values': corpus, 'label values': corpus, 'annotation values': corpus, 'header values': corpus };

describe.each([
  ['YAML 1.1', { version: '1.1' as const }],
  ['YAML 1.1 with merge keys, as kubectl', { version: '1.1' as const, merge: true }],
  ['YAML 1.2', { version: '1.2' as const }],
])('the yaml library reading the output as %s', (_name, options) => {
  const documents = parseAllDocuments(written, options);

  test('finds no error', () => {
    expect(documents.flatMap(d => d.errors.map(e => e.message))).toEqual([]);
  });

  test('reads every tricky string back exactly, in every place', () => {
    expect(placesOf(documents.map(d => d.toJS()))).toEqual(expected);
  });
});

test('tricky strings as mapping keys read back exactly in YAML 1.1 and 1.2', () => {
  const text = renderYaml([Object.fromEntries(corpus.map(value => [value, value]))]);
  for (const version of ['1.1', '1.2'] as const) {
    const back = parseAllDocuments(text, { version })[0].toJS() as Record<string, string>;
    expect(Object.keys(back)).toEqual(expect.arrayContaining([...corpus]));
    expect(Object.entries(back).filter(([key, value]) => key !== value)).toEqual([]);
  }
});

describe('the written text', () => {
  test('holds no raw line or paragraph separator, NEL, BOM or control character', () => {
    expect([...written].filter(c => /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/.test(c))).toEqual([]);
  });

  test('quotes what YAML 1.1 or kubectl would read as another type, and escapes separators as \\uXXXX', () => {
    expect(written).toContain('value: "0o644"\n');
    expect(written).toContain('value: "0X1F"\n');
    expect(written).toContain('value: "on"\n');
    expect(written).toContain('value: "="\n');
    expect(written).toContain('value: "<<"\n');
    expect(written).toContain('value: "a\\u2028b"\n');
    expect(written).toContain('value: "a\\u0085b"\n');
  });

  test('leaves text plain where every reader agrees', () => {
    for (const text of ['v1', 'x-lane', 'registry.example.com/app:1.0', 'yes please']) expect(written).toContain(`value: ${text}\n`);
  });
});

(HAS_KUBECTL ? describe : describe.skip)('kubectl reading the output', () => {
  const read = readWithKubectl(written);

  test('decodes the file', () => {
    expect(read.error).toBeUndefined();
  });

  test('reads every tricky string back exactly, in every place', () => {
    expect(placesOf(read.objects!)).toEqual(expected);
  });
});

if (!HAS_KUBECTL) {

  console.warn(`kubectl is not on the PATH: kubectl's reading of ${Object.keys(TRICKY_STRINGS).length} groups of tricky strings is SKIPPED.`);
}
