import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { explain } from '../lib/explain';

/** The objects of a committed output folder (dist/, gitops/<example>/), the kustomization aside. */
function loadDist(dir: string): unknown[] {
  const folder = join(__dirname, '..', dir);
  return readdirSync(folder).filter(file => file.endsWith('.yaml') && file !== 'kustomization.yaml').flatMap(file =>
    parseAllDocuments(readFileSync(join(folder, file), 'utf-8')).map(doc => doc.toJSON()));
}

const GATEWAY = 'istio-system/app-gw';
const callGraph = { appa: ['appb'] };

describe('explain on the seed dist (sourceLabels lanes)', () => {
  const manifests = loadDist('dist');

  test('gateway traffic splits 90/10 and each lane stays on its version', () => {
    const paths = explain(manifests, { gateway: GATEWAY, host: '192.168.1.106' }, { callGraph });
    expect(paths).toEqual([
      {
        probability: 0.9,
        path: ['appa-v2', 'appb-v2'],
        hops: [
          { deployment: 'appa-v2', via: 'VirtualService istio-system/vs-gateway-appa http[0] > VirtualService default/vs-appa http[0]' },
          { deployment: 'appb-v2', via: 'VirtualService default/vs-appb http[1]' },
        ],
      },
      {
        probability: 0.1,
        path: ['appa-v1', 'appb-v1'],
        hops: [
          { deployment: 'appa-v1', via: 'VirtualService istio-system/vs-gateway-appa http[0] > VirtualService default/vs-appa http[0]' },
          { deployment: 'appb-v1', via: 'VirtualService default/vs-appb http[0]' },
        ],
      },
    ]);
  });

  test('a mesh caller reaches only v1: the weight-0 destination yields no path', () => {
    const paths = explain(manifests, { host: 'appa', sourceLabels: { app: 'curl' } }, { callGraph });
    expect(paths.map(p => [p.probability, p.path, p.error])).toEqual([[1, ['appa-v1', 'appb-v1'], undefined]]);
    expect(paths[0].hops[0].via).toBe('VirtualService istio-system/vs-gateway-appa http[0] > VirtualService default/vs-appa http[1]');
  });

  test('a mesh caller using the FQDN binds the same VirtualService', () => {
    const paths = explain(manifests, { host: 'appa.default.svc.cluster.local' }, { callGraph });
    expect(paths.map(p => p.path)).toEqual([['appa-v1', 'appb-v1']]);
  });

  test('without a call graph only the entry Deployment is visited', () => {
    const paths = explain(manifests, { gateway: GATEWAY, host: '192.168.1.106' }, { callGraph: {} });
    expect(paths.map(p => [p.probability, p.path])).toEqual([[0.9, ['appa-v2']], [0.1, ['appa-v1']]]);
  });

  test('a host no gateway VirtualService binds is a 404', () => {
    const paths = explain(manifests, { gateway: GATEWAY, host: 'other.example.com' }, { callGraph });
    expect(paths).toHaveLength(1);
    expect(paths[0].path).toEqual([]);
    expect(paths[0].probability).toBe(1);
    expect(paths[0].error).toMatch(/404/);
  });
});

describe('explain on the header-routing seed (gitops/seed-headers)', () => {
  const manifests = loadDist('gitops/seed-headers');

  test('header version: v2 through the gateway goes to v2 all the way', () => {
    const paths = explain(manifests, { gateway: GATEWAY, host: '192.168.1.106', headers: { version: 'v2' } }, { callGraph });
    expect(paths.map(p => [p.probability, p.path])).toEqual([[1, ['appa-v2', 'appb-v2']]]);
    expect(paths[0].hops[0].via).toBe('VirtualService istio-system/vs-gateway-appa http[0] > VirtualService default/vs-appa http[1]');
  });

  test('header names are case-insensitive', () => {
    const paths = explain(manifests, { gateway: GATEWAY, host: '192.168.1.106', headers: { Version: 'v1' } }, { callGraph });
    expect(paths.map(p => [p.probability, p.path])).toEqual([[1, ['appa-v1', 'appb-v1']]]);
  });

  test('no header through the gateway splits 80/20', () => {
    const paths = explain(manifests, { gateway: GATEWAY, host: '192.168.1.106' }, { callGraph });
    expect(paths.map(p => [p.probability, p.path])).toEqual([
      [0.8, ['appa-v1', 'appb-v1']],
      [0.2, ['appa-v2', 'appb-v2']],
    ]);
  });

  test('the regex is a full match: version v10 is neither v1 nor v2', () => {
    const paths = explain(manifests, { gateway: GATEWAY, host: '192.168.1.106', headers: { version: 'v10' } }, { callGraph });
    expect(paths.map(p => [p.probability, p.path])).toEqual([
      [0.8, ['appa-v1', 'appb-v1']],
      [0.2, ['appa-v2', 'appb-v2']],
    ]);
  });

  test('mesh traffic splits 80/20 too, whatever its headers', () => {
    const paths = explain(manifests, { host: 'appa', sourceLabels: { app: 'curl' }, headers: { version: 'v2' } }, { callGraph });
    expect(paths.map(p => [p.probability, p.path])).toEqual([
      [0.8, ['appa-v1', 'appb-v1']],
      [0.2, ['appa-v2', 'appb-v2']],
    ]);
  });
});
