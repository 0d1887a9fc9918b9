/**
 * The example app: the seed's two-service chain, appa -> appb, each in v1 and v2.
 *
 * - dist/                 weighted entry: gateway traffic 10:90, mesh traffic 100:0
 * - dist/header-routing/  header entry: `version: v1|v2` picks the version, the rest 80:20
 * - gitops/<example>/     every spec in examples/, in the gitops layout, one folder each
 *
 * Run with `npm run synth`.
 */
import { readdirSync } from 'fs';
import { basename, join } from 'path';
import { App, Chart } from 'cdk8s';
import {
  chainFiles, ImagePullPolicy, LoadBalancer, OutputLayout, renderFiles, ServiceChain, ServiceChainProps, writeFilesAtomically,
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

const headerRoutingChain: ServiceChainProps = {
  ...seedChain,
  entry: {
    ...seedChain.entry,
    headerRoutes: [
      { header: 'version', regex: 'v1', version: 'v1' },
      { header: 'version', regex: 'v2', version: 'v2' },
    ],
    gatewayWeights: { v1: 80, v2: 20 },
    meshWeights: { v1: 80, v2: 20 },
    defaultVersion: 'v1',
  },
};

const app = new App();
const weighted = new ServiceChain(new Chart(app, 'weighted'), 'chain', seedChain);
const headerRouting = new ServiceChain(new Chart(app, 'header-routing'), 'chain', headerRoutingChain);

// The specs of examples/, read as `service-chain synth examples/*.yaml --layout gitops -o gitops` reads them.
// `cdk8s synth` sets CDK8S_OUTDIR and owns that one folder, so it gets the seed only.
const exampleFiles = process.env.CDK8S_OUTDIR ? [] : readdirSync('examples').filter(file => file.endsWith('.yaml')).sort();
const examples = new Map(exampleFiles.map(file => [
  basename(file, '.yaml'),
  new ServiceChain(new Chart(app, file), 'chain', loadSpecFile(join('examples', file))),
]));

for (const chain of [weighted, headerRouting, ...examples.values()]) {
  for (const warning of chain.warnings) console.warn(`warning: ${warning}`);
}

// Everything is built before anything is written; each folder is then replaced atomically.
writeFilesAtomically(process.env.CDK8S_OUTDIR ?? 'dist', renderFiles([
  ...chainFiles(weighted),
  ...chainFiles(headerRouting, { dir: 'header-routing' }),
]));
if (examples.size > 0) {
  writeFilesAtomically('gitops', renderFiles([...examples].flatMap(([name, chain]) =>
    chainFiles(chain, { layout: OutputLayout.GITOPS, dir: name }))));
}
