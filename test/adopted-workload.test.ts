import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { adoptWorkload } from '../lib/constructs/adopted-workload';

const lane = { app: 'web', version: 'v1' };

/** A Deployment `web-v1` in `chart` with `template` as its pod template. */
function deployment(chart: Chart, template: unknown, namespace?: string): ApiObject {
  return new ApiObject(chart, 'web-v1', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web-v1', namespace }, spec: { template },
  });
}

/** The pod template of the one object `chart` synthesises. */
const synthTemplate = (chart: Chart) => Testing.synth(chart)[0].spec.template;

/** The message for a pod label `key` that is `have` where the routing selects `want`. */
const conflict = (key: string, have: string | null, want: string) =>
  `the pods of Deployment web-v1 have label ${key}: ${JSON.stringify(have)}, where the routing selects ${key}: ${JSON.stringify(want)}; `
  + 'remove that label or adopt the workload for the version it names';

describe('adopting a plain ApiObject', () => {
  test.each<[string, unknown, unknown]>([
    ['adds the missing labels beside the others', { metadata: { labels: { app: 'web', tier: 'front' } } },
      { metadata: { labels: { app: 'web', tier: 'front', version: 'v1' } } }],
    ['adds a labels mapping to metadata without one', { metadata: { annotations: { a: 'b' } } },
      { metadata: { annotations: { a: 'b' }, labels: lane } }],
    ['adds metadata to a template without it', { spec: { containers: [] } },
      { metadata: { labels: lane }, spec: { containers: [] } }],
    ['keeps a template that has every label as it is', { metadata: { labels: { ...lane, tier: 'front' } } },
      { metadata: { labels: { ...lane, tier: 'front' } } }],
  ])('%s', (_title, template, adopted) => {
    const chart = Testing.chart();
    adoptWorkload(deployment(chart, template), lane, 'default');
    expect(synthTemplate(chart)).toEqual(adopted);
  });

  test('writes label keys with / and ~ as JSON pointer escapes, so the keys arrive whole', () => {
    const chart = Testing.chart();
    adoptWorkload(deployment(chart, { metadata: { labels: { app: 'web' } } }), { 'example.com/lane': 'v1', 'a~b': 'c' }, 'default');
    expect(synthTemplate(chart).metadata.labels).toEqual({ 'app': 'web', 'example.com/lane': 'v1', 'a~b': 'c' });
  });

  test('no labels to add leaves a template without metadata alone', () => {
    const chart = Testing.chart();
    adoptWorkload(deployment(chart, { spec: {} }), {}, 'default');
    expect(synthTemplate(chart)).toEqual({ spec: {} });
  });

  test('adopts the default child of a construct whose pod metadata cannot add labels', () => {
    const chart = Testing.chart();
    class Wrapper extends Construct {
      /** Pod metadata that only half looks like cdk8s-plus's: no addLabel. */
      public readonly podMetadata = { getLabel: () => undefined };
      constructor(scope: Construct, id: string) {
        super(scope, id);
        new ApiObject(this, 'Default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web-v1' }, spec: { template: {} } });
      }
    }
    adoptWorkload(new Wrapper(chart, 'web'), lane, 'default');
    expect(synthTemplate(chart)).toEqual({ metadata: { labels: lane } });
  });

  test('adopts the default child of a construct that is not a cdk8s-plus workload', () => {
    const chart = Testing.chart();
    class Wrapper extends Construct {
      /** Pod metadata that only half looks like cdk8s-plus's: no getLabel. */
      public readonly podMetadata = { addLabel: () => undefined };
      constructor(scope: Construct, id: string) {
        super(scope, id);
        new ApiObject(this, 'Default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web-v1' }, spec: { template: {} } });
      }
    }
    adoptWorkload(new Wrapper(chart, 'web'), lane, 'default');
    expect(synthTemplate(chart)).toEqual({ metadata: { labels: lane } });
  });
});

describe('adoption refuses, and changes nothing', () => {
  test('pods labelled for another lane, every conflict in one message', () => {
    const chart = Testing.chart();
    const template = { metadata: { labels: { app: 'shop', version: 'v2' } } };
    expect(() => adoptWorkload(deployment(chart, template), { ...lane, tier: 'front' }, 'default'))
      .toThrow(new Error(`adoptWorkload: ${conflict('app', 'shop', 'web')}; ${conflict('version', 'v2', 'v1')}`));
    expect(synthTemplate(chart)).toEqual(template);
  });

  test('a cdk8s-plus workload labelled for another version keeps its labels', () => {
    const chart = Testing.chart();
    const workload = new kplus.Deployment(chart, 'web-v1', { metadata: { name: 'web-v1' }, containers: [{ image: 'web' }] });
    workload.podMetadata.addLabel('version', 'v2');
    expect(() => adoptWorkload(workload, { tier: 'front', version: 'v1' }, 'default'))
      .toThrow(new Error(`adoptWorkload: ${conflict('version', 'v2', 'v1')}`));
    expect(workload.podMetadata.getLabel('version')).toBe('v2');
    expect(workload.podMetadata.getLabel('tier')).toBeUndefined();
  });

  test('a workload in another namespace', () => {
    const chart = Testing.chart();
    expect(() => adoptWorkload(deployment(chart, {}, 'other'), lane, 'shop')).toThrow(new Error(
      'adoptWorkload: Deployment web-v1 is in namespace "other", the chain\'s services in "shop"; '
      + 'the Service selects pods of its own namespace only, so move one of them'));
    expect(synthTemplate(chart)).toEqual({});
  });

  const noTemplate = new Error('adoptWorkload: Deployment web-v1 has no pod template (spec.template); '
    + 'adopt a Deployment, StatefulSet or another workload with pods');

  test.each<[string, unknown]>([['missing', undefined], ['null', null], ['a string', 'pods']])('a pod template that is %s', (_title, template) => {
    const chart = Testing.chart();
    expect(() => adoptWorkload(deployment(chart, template), lane, 'default')).toThrow(noTemplate);
  });

  test('an object without a spec', () => {
    const chart = Testing.chart();
    const object = new ApiObject(chart, 'web-v1', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web-v1' } });
    expect(() => adoptWorkload(object, lane, 'default')).toThrow(noTemplate);
  });
});

describe('labels changed after adoption fail the synth', () => {
  test.each<[string, JsonPatch, string[]]>([
    ['a label set to another value', JsonPatch.replace('/spec/template/metadata/labels/version', 'v2'), [conflict('version', 'v2', 'v1')]],
    ['a label removed', JsonPatch.remove('/spec/template/metadata/labels/version'), [conflict('version', null, 'v1')]],
    ['the template metadata removed', JsonPatch.remove('/spec/template/metadata'), [conflict('app', null, 'web'), conflict('version', null, 'v1')]],
    ['the pod template removed', JsonPatch.remove('/spec/template'), [conflict('app', null, 'web'), conflict('version', null, 'v1')]],
    ['the spec removed', JsonPatch.remove('/spec'), [conflict('app', null, 'web'), conflict('version', null, 'v1')]],
  ])('%s', (_title, patch, messages) => {
    const chart = Testing.chart();
    const object = deployment(chart, { metadata: { labels: { app: 'web' } } });
    adoptWorkload(object, lane, 'default');
    object.addJsonPatch(patch);
    expect(object.node.validate()).toEqual(messages);
  });

  test('labels kept as adopted pass', () => {
    const chart = Testing.chart();
    const object = deployment(chart, { metadata: { labels: { app: 'web' } } });
    adoptWorkload(object, lane, 'default');
    expect(object.node.validate()).toEqual([]);
  });
});
