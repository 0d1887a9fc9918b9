/**
 * The files of a small cdk8s app that uses the installed package the way a user would: a
 * chart with a three-service chain (`main.ts`), and a script that synthesises it with
 * cdk8s `Testing.synth` and prints what the app's tests would look at (`synth.ts`).
 * Every entry point is imported by its package name.
 */
export const CONSUMER_SOURCES: Record<string, string> = {
  'main.ts': `import { App, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { LaneMode, ServiceChain } from 'istio-service-chain';

export class ShopChart extends Chart {
  public readonly chain: ServiceChain;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.chain = new ServiceChain(this, 'chain', {
      laneMode: LaneMode.HEADER,
      defaults: { image: 'registry.example.com/shop:1.0', port: 8080 },
      services: [
        { name: 'web', versions: { v1: {}, v2: {} }, calls: ['cart'] },
        { name: 'cart', versions: { v1: {}, v2: {} }, calls: ['payment'] },
        { name: 'payment', versions: { v1: {}, v2: {} } },
      ],
      entry: {
        service: 'web',
        gateways: ['istio-system/public'],
        hosts: ['shop.example.com'],
        gatewayWeights: { v1: 90, v2: 10 },
        meshWeights: { v1: 100 },
      },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new ShopChart(app, 'shop');
  app.synth();
}
`,
  'synth.ts': `import { Testing } from 'cdk8s';
import { explainChain, TracedPath } from 'istio-service-chain/explain';
import { Finding, lintManifests, LoadedManifest } from 'istio-service-chain/lint';
import { loadSpecFile } from 'istio-service-chain/spec';
import { ShopChart } from './main';

const chart = new ShopChart(Testing.app(), 'shop');
const manifests: any[] = Testing.synth(chart);
const loaded: LoadedManifest[] = manifests.map((object, index) => ({ file: 'shop.yaml', index, object }));
const findings: Finding[] = lintManifests(loaded);
const paths: TracedPath[] = explainChain(chart.chain, { gateway: 'istio-system/public', host: 'shop.example.com' });
const spec = loadSpecFile('chains/shop.yaml');

process.stdout.write(JSON.stringify({
  manifests,
  findings: findings.map(finding => finding.message),
  paths: paths.map(traced => ({ probability: traced.probability, path: traced.path })),
  specServices: spec.services.length,
}));
`,
  'chains/shop.yaml': `laneMode: header
defaults: { image: registry.example.com/shop:1.0, port: 8080 }
services:
  - { name: web, calls: [cart], versions: { v1: {}, v2: {} } }
  - { name: cart, calls: [payment], versions: { v1: {}, v2: {} } }
  - { name: payment, versions: { v1: {}, v2: {} } }
entry:
  service: web
  gateways: [istio-system/public]
  hosts: [shop.example.com]
  gatewayWeights: { v1: 90, v2: 10 }
  meshWeights: { v1: 100 }
`,
};

/**
 * Compiler options a stricter consumer adds to cdk8s init's tsconfig.json: index access that
 * may be undefined, optional properties that must be absent rather than `undefined`, and
 * Node's own module resolution, which reads the package's `exports`.
 */
export const STRICT_CONSUMER_OPTIONS = {
  noEmit: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  module: 'node16',
  moduleResolution: 'node16',
};
