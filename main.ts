/**
 * The example app: the seed's two-service chain, appa -> appb, each in v1 and v2.
 *
 * - dist/              the seed with its weighted entry (gateway traffic 10:90, mesh traffic 100:0),
 *                      in the per-version layout: one scenario, applied as one unit
 * - gitops/<example>/  every spec in examples/, in the gitops layout, one folder each; the seed's
 *                      header entry is gitops/seed-headers/, from examples/seed-headers.yaml
 *
 * Run with `npm run synth`.
 */
import { readdirSync } from 'fs';
import { basename, join } from 'path';
import { App, Chart } from 'cdk8s';
import {
  chainFiles, ImagePullPolicy, LoadBalancer, OutputLayout, RenderedFile, renderFiles, ServiceChain, ServiceChainProps, writeFilesAtomically,
} from './lib';
import { loadSpecFile } from './lib/spec';

const seedChain: ServiceChainProps = {
  loadBalancer: LoadBalancer.ROUND_ROBIN,
  defaults: {
    image: 'swr.cn-north-4.myhuaweicloud.com/hjmtest/go-http-sample:1.0',
    imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT,
    imagePullSecrets: ['default-secret'],
    containerName: 'default',
    port: 8000,
    env: [{ name: 'version', value: '{version}' }, { name: 'app', value: '{service}' }],
    upstreamUrlEnv: 'upstream_url',
  },
  services: [
    { name: 'appa', versions: { v1: {}, v2: {} }, calls: ['appb'] },
    { name: 'appb', versions: { v1: {}, v2: {} } },
  ],
  entry: {
    service: 'appa',
    gateways: ['istio-system/app-gw'],
    hosts: ['192.168.1.106'],
    gatewayWeights: { v1: 10, v2: 90 },
    meshWeights: { v1: 100, v2: 0 },
  },
};

const app = new App();
const weighted = new ServiceChain(new Chart(app, 'weighted'), 'chain', seedChain);

// The specs of examples/, read as `service-chain synth examples/*.yaml --layout gitops -o gitops` reads them.
// `cdk8s synth` sets CDK8S_OUTDIR and owns that one folder, so it gets the seed only
// (and `cdk8s synth --stdout` prints one scenario, which applies as it is).
const exampleFiles = process.env.CDK8S_OUTDIR ? [] : readdirSync('examples').filter(file => file.endsWith('.yaml')).sort();
const examples = new Map(exampleFiles.map(file => [
  basename(file, '.yaml'),
  new ServiceChain(new Chart(app, file), 'chain', loadSpecFile(join('examples', file))),
]));

for (const chain of [weighted, ...examples.values()]) {
  for (const warning of chain.warnings) console.warn(`warning: ${warning}`);
}

// Everything is built before anything is written; each folder is then written as one
// transaction, touching only the files the writer wrote there before.
// `cdk8s synth --stdout` prints the files one after the other with nothing between them
// (cdk8s-team/cdk8s-cli#943), so for the cdk8s CLI each file starts with a document marker.
const forCdk8sCli = (file: RenderedFile): RenderedFile => ({ ...file, content: `---\n${file.content}` });

// `npm run synth -- --force` overwrites generated files edited since they were written (after a
// merge, say); files the writer did not write are never touched. A refusal is printed without a
// stack trace.
const options = { force: process.argv.includes('--force') };
try {
  const seedFiles = renderFiles(chainFiles(weighted));
  if (process.env.CDK8S_OUTDIR) writeFilesAtomically(process.env.CDK8S_OUTDIR, seedFiles.map(forCdk8sCli), options);
  else writeFilesAtomically('dist', seedFiles, options);
  if (examples.size > 0) {
    writeFilesAtomically('gitops', renderFiles([...examples].flatMap(([name, chain]) =>
      chainFiles(chain, { layout: OutputLayout.GITOPS, dir: name }))), options);
  }
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
