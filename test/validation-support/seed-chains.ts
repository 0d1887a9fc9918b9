import { ImagePullPolicy, LoadBalancer, ServiceChainProps } from '../../lib';

/** The seed's weighted chain, as in main.ts: appa -> appb, gateway 10:90, mesh 100:0. */
export const seedChain: ServiceChainProps = {
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

/** The seed's header-routing chain, as in examples/seed-headers.yaml: `version: v1|v2` picks the version, the rest 80:20, default v1. */
export const headerRoutingChain: ServiceChainProps = {
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

/** Props in a form tests may change freely: a deep copy, typed loosely, as JavaScript callers see them. */

export type LooseProps = any;

/** A deep copy of `base` changed by `mutate`, for one bad-input case. */
export function mutated(base: ServiceChainProps, mutate: (props: LooseProps) => void): ServiceChainProps {
  const copy = structuredClone(base) as LooseProps;
  mutate(copy);
  return copy as ServiceChainProps;
}
