import { DataPlane, IstioApiVersion, LaneMode, RoutingApi, ServiceChainProps, WorkloadObjects } from '../props/chain-props';
import { EntryProps, HeaderRoute, TrafficSource } from '../props/entry-props';

/*
 * Every default of the props, decided once. Validation reads props that may be wrong and the
 * model reads props that passed validation; both take their defaults from here, so they can
 * never disagree on what an unset field means.
 */

/** The namespace Kubernetes uses for objects that name none. */
export const IMPLICIT_NAMESPACE = 'default';

/** The lane header of `header` mode when `laneHeader` is not set. */
export const DEFAULT_LANE_HEADER = 'x-lane';

/** How the chain keeps lanes: `laneMode`, else `sourceLabels`. */
export function laneModeOf(props: ServiceChainProps): LaneMode {
  return props.laneMode ?? LaneMode.SOURCE_LABELS;
}

/** The header that carries the lane in `header` mode. */
export function laneHeaderOf(props: ServiceChainProps): string {
  return props.laneHeader ?? DEFAULT_LANE_HEADER;
}

/** The Istio API version written. */
export function apiVersionOf(props: ServiceChainProps): IstioApiVersion {
  return props.apiVersion ?? IstioApiVersion.V1BETA1;
}

/** The API the routing is written in: `routingApi`, else Istio's. */
export function routingApiOf(props: ServiceChainProps): RoutingApi {
  return props.routingApi ?? RoutingApi.ISTIO;
}

/** How the pods join the mesh: `dataPlane`, else a sidecar. */
export function dataPlaneOf(props: ServiceChainProps): DataPlane {
  return props.dataPlane ?? DataPlane.SIDECAR;
}

/** The GatewayClass of a Gateway API Gateway the chain writes. */
export const DEFAULT_GATEWAY_CLASS = 'istio';

/** The namespace the services live in: `namespace`, or Kubernetes' implicit one. */
export function serviceNamespaceOf(props: ServiceChainProps): string {
  return props.namespace ?? IMPLICIT_NAMESPACE;
}

/** Which workload objects the chain writes. */
export function workloadObjectsOf(props: ServiceChainProps): WorkloadObjects {
  return props.workloads ?? WorkloadObjects.ALL;
}

/** Whether the chain writes the Deployments, and so needs an image for every version. */
export function writesDeployments(props: ServiceChainProps): boolean {
  return workloadObjectsOf(props) === WorkloadObjects.ALL;
}

/** Whether the entry also takes traffic from inside the mesh. */
export function meshBoundOf(entry: EntryProps): boolean {
  return entry.mesh ?? true;
}

/** Every gateway the entry is bound to: `gateways`, then the refs of `createGateways` not listed there. */
export function gatewayRefsOf(entry: EntryProps): string[] {
  const refs = [...(entry.gateways ?? [])];
  for (const created of entry.createGateways ?? []) {
    if (!refs.includes(created.ref)) refs.push(created.ref);
  }
  return refs;
}

/** The sources a header route applies to: `from`, else gateway traffic only. */
export function routeSourcesOf(route: HeaderRoute): TrafficSource[] {
  return route.from ?? [TrafficSource.GATEWAY];
}

/** The URI prefix the root delegates. */
export function uriPrefixOf(entry: EntryProps): string {
  return entry.uriPrefix ?? '/';
}

/** The namespace part of a `namespace/name` reference, if it has one. */
export function namespaceOfRef(ref: string | undefined): string | undefined {
  return ref?.includes('/') ? ref.split('/')[0] : undefined;
}

/**
 * The namespace of the root VirtualService: `rootNamespace`, else the first gateway's,
 * else the services' (written only when the chain writes one).
 */
export function rootNamespaceOf(entry: EntryProps, writtenNamespace: string | undefined): string | undefined {
  return entry.rootNamespace ?? namespaceOfRef(gatewayRefsOf(entry)[0]) ?? writtenNamespace;
}
