// The public API of istio-service-chain. Every name is listed: what is not here is internal.

// The props: plain data, with the same shape as a YAML spec.
export type { ChainDefaults, ServiceChainProps } from './props/chain-props';
export { DataPlane, IstioApiVersion, LaneMode, LoadBalancer, RoutingApi, WorkloadObjects } from './props/chain-props';
export type { EntryProps, GatewayProps, HeaderRoute, Weights } from './props/entry-props';
export { TrafficSource } from './props/entry-props';
export type { ServiceProps, VersionProps } from './props/service-props';
export type {
  AutoscalingSettings, DisruptionBudgetSettings, EnvVar, KeyRef, ProbeSettings, ResourceSettings, TopologySpreadSettings, WorkloadSettings,
} from './props/workload-settings';
export { ImagePullPolicy, SecurityProfile } from './props/workload-settings';
export type {
  ConnectionPoolSettings, OutlierDetectionSettings, RetrySettings, ServiceTrafficSettings, TrafficSettings,
} from './props/traffic-settings';
export { TlsMode } from './props/traffic-settings';
export type { FaultAbort, FaultDelay, LaneFault, Mirror } from './props/lane-experiments';

// The constructs: the chain, and the parts it is made of.
export { ServiceChain } from './constructs/service-chain';
export type { AdoptableWorkload, PlusWorkloadLike, PodMetadataLike } from './constructs/adopted-workload';
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
export type { GatewayApiRoutingProps } from './constructs/gateway-api-routing';
export { GatewayApiRouting } from './constructs/gateway-api-routing';
export type { GatewayApiGatewayProps } from './constructs/gateway-api-gateway';
export { GatewayApiGateway } from './constructs/gateway-api-gateway';
export type { VersionServicesProps } from './constructs/version-services';
export { VersionServices } from './constructs/version-services';
export type { WaypointProps } from './constructs/waypoint';
export { Waypoint } from './constructs/waypoint';

// The props with every default applied, and the routing decided from them (`ServiceChain.model`).
export type { ChainModel, EntryModel, ServiceModel, VersionModel } from './model/chain-model';
export type {
  CallerRef, EntryPlan, HeaderCondition, LanePlan, RouteMatch, RouteRule, RouteTarget, RoutingPlan, RuleFault, RuleMirror,
} from './model/routing-plan';
export type { RouteSettings, TrafficPolicyModel } from './model/traffic-model';

// Validation: every problem at once.
export type { ChainFindings } from './validation/chain-rules';
export { validateChain } from './validation/chain-rules';
export type { PathSegment, Problem } from './diagnostics/problems';
export { ChainValidationError } from './diagnostics/problems';

// Output: the chain's objects spread over files, rendered and written.
export type { ChainFilesOptions, ManifestFile } from './output/layout';
export { chainFiles, OutputLayout } from './output/layout';
export type { Drift } from './output/drift';
export { findDrift } from './output/drift';
export type { RenderedFile, WriteOptions, WriteResult } from './output/write';
export { hasInterruptedWrite, OutputRefusedError, OWNERSHIP_FILE, renderFiles, writeFilesAtomically } from './output/write';
export { renderYaml } from './output/yaml';
