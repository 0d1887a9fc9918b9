// The public API of istio-service-chain. Every name is listed: what is not here is internal.

// The props: plain data, with the same shape as a YAML spec.
export type { ChainDefaults, ServiceChainProps } from './chain-props';
export { LoadBalancer } from './chain-props';
export type { EntryProps, GatewayProps, HeaderRoute, Weights } from './entry-props';
export { TrafficSource } from './entry-props';
export { IstioApiVersion } from './istio-api-version';
export { LaneMode } from './lane-mode';
export type { ServiceProps, VersionProps } from './service-props';
export type { EnvVar, ResourceSettings, WorkloadSettings } from './workload-settings';
export { ImagePullPolicy } from './workload-settings';

// The constructs: the chain, and the parts it is made of.
export { ServiceChain } from './constructs/service-chain';
export type { ServiceWorkloadsProps } from './constructs/service-workloads';
export { ServiceWorkloads } from './constructs/service-workloads';
export type { VersionedDestinationRuleProps } from './constructs/versioned-destination-rule';
export { VersionedDestinationRule } from './constructs/versioned-destination-rule';
export type { EntryRoutingProps } from './constructs/entry-routing';
export { EntryRouting } from './constructs/entry-routing';
export type { LaneRoutingProps } from './constructs/lane-routing';
export { LaneRouting } from './constructs/lane-routing';
export type { EntryGatewayProps } from './constructs/entry-gateway';
export { EntryGateway } from './constructs/entry-gateway';

// The props with every default applied (`ServiceChain.model`).
export type { ChainModel, EntryModel, ServiceModel, VersionModel } from './model/chain-model';

// Validation: every problem at once.
export type { ChainFindings } from './validation/chain-rules';
export { validateChain } from './validation/chain-rules';
export type { PathSegment, Problem } from './validation/problems';
export { ChainValidationError } from './validation/problems';

// Output: the chain's objects spread over files, rendered and written.
export type { ChainFilesOptions, ManifestFile } from './output/layout';
export { chainFiles, OutputLayout } from './output/layout';
export type { Drift, RenderedFile } from './output/write';
export { findDrift, renderFiles, writeFilesAtomically } from './output/write';
export { renderYaml } from './output/yaml';
