import { applyHeaderOperations } from './header-operations';
import { HttpRouteSpec, RouteDestinationSpec } from './istio-spec';
import { VirtualServiceInfo } from './manifest-objects';
import { routeSelects } from './match';
import { MeshIndex } from './mesh-index';
import { MeshRequest } from './request';

/** A destination a route sends a share of the requests to, and the headers they carry there. */
export interface WeightedDestination {
  /** Destination host as written. */
  readonly host: string;
  /** Subset, if the destination names one. */
  readonly subset?: string;
  /** Namespace the host is read in: that of the VirtualService holding the route. */
  readonly namespace: string;
  /** Share of the requests, 0..1. */
  readonly share: number;
  /** Request headers after the route's and the destination's header operations. */
  readonly headers: Record<string, string>;
}

/** A VirtualService sent the request to weighted destinations. */
export interface RoutedDecision {
  /** Discriminator. */
  readonly kind: 'routed';
  /** The objects and http routes that decided, e.g. `VirtualService ns/name http[0]`. */
  readonly via: string;
  /** Destinations with a share above 0. */
  readonly destinations: WeightedDestination[];
}

/** A VirtualService could not send the request anywhere. */
export interface FailedDecision {
  /** Discriminator. */
  readonly kind: 'failed';
  /**
   * The objects and http routes that decided, if a route was selected.
   * @default - no route was selected
   */
  readonly via?: string;
  /** What went wrong. */
  readonly error: string;
}

/** What a VirtualService does with a request. */
export type RoutingDecision = RoutedDecision | FailedDecision;

/** `VirtualService namespace/name`. */
export function virtualServiceLabel(vs: VirtualServiceInfo): string {
  return `VirtualService ${vs.namespace}/${vs.name}`;
}

/**
 * Routes a request with a bound VirtualService: the first http route that selects it decides.
 * A route with `delegate` continues with the delegate's routes (in the delegate's namespace);
 * if none of those selects the request, evaluation goes on with the root's next route,
 * as Istio flattens delegates into the root. No selecting route is a 404.
 */
export function routeByVirtualService(index: MeshIndex, root: VirtualServiceInfo, request: MeshRequest): RoutingDecision {
  for (const [position, route] of root.http.entries()) {
    if (!routeSelects(route, request, root.namespace)) continue;
    const via = `${virtualServiceLabel(root)} http[${position}]`;
    if (route.delegate === undefined) return routeToDestinations(route, root, via, request);
    const decision = routeByDelegate(index, root, route, via, request);
    if (decision !== undefined) return decision;
  }
  return { kind: 'failed', error: `404: no http route of ${virtualServiceLabel(root)} matched` };
}

function routeByDelegate(
  index: MeshIndex, root: VirtualServiceInfo, rootRoute: HttpRouteSpec, rootVia: string, request: MeshRequest,
): RoutingDecision | undefined {
  const namespace = rootRoute.delegate?.namespace ?? root.namespace;
  const name = rootRoute.delegate?.name ?? '';
  const delegate = index.virtualService(namespace, name);
  if (delegate === undefined) {
    return { kind: 'failed', via: rootVia, error: `delegate VirtualService ${namespace}/${name} is not defined` };
  }
  for (const [position, route] of delegate.http.entries()) {
    if (!routeSelects(route, request, root.namespace)) continue;
    const via = `${rootVia} > ${virtualServiceLabel(delegate)} http[${position}]`;
    if (route.delegate !== undefined) {
      return { kind: 'failed', via, error: 'a delegate delegates again; Istio supports one level of delegation' };
    }
    return routeToDestinations(route, delegate, via, request);
  }
  return undefined;
}

function routeToDestinations(
  route: HttpRouteSpec, vs: VirtualServiceInfo, via: string, request: MeshRequest,
): RoutingDecision {
  const destinations = Array.isArray(route.route) ? route.route : [];
  if (destinations.length === 0) return { kind: 'failed', via, error: noDestinationReason(route) };
  if (destinations.some(d => typeof d.destination?.host !== 'string')) {
    return { kind: 'failed', via, error: 'a destination names no host' };
  }
  const shares = destinationShares(destinations);
  const headers = applyHeaderOperations(request.headers, route.headers?.request);
  const weighted = destinations
    .map((d, position) => ({
      host: d.destination?.host ?? '',
      subset: d.destination?.subset,
      namespace: vs.namespace,
      share: shares[position],
      headers: applyHeaderOperations(headers, d.headers?.request),
    }))
    .filter(d => d.share > 0);
  if (weighted.length === 0) return { kind: 'failed', via, error: 'every destination weighs 0' };
  return { kind: 'routed', via, destinations: weighted };
}

function noDestinationReason(route: HttpRouteSpec): string {
  if (route.redirect !== undefined) return 'the route answers with a redirect (not followed)';
  if (route.directResponse !== undefined) return 'the route answers directly (directResponse)';
  return 'the route has no destination';
}

/**
 * Shares of weighted destinations: without any weight, an equal split; otherwise each weight
 * (absent = 0) over the sum of the weights.
 */
export function destinationShares(destinations: RouteDestinationSpec[]): number[] {
  const weights = destinations.map(d => (typeof d.weight === 'number' ? d.weight : undefined));
  if (weights.every(weight => weight === undefined)) return destinations.map(() => 1 / destinations.length);
  const total = weights.reduce<number>((sum, weight) => sum + Math.max(weight ?? 0, 0), 0);
  return weights.map(weight => (total > 0 ? Math.max(weight ?? 0, 0) / total : 0));
}
