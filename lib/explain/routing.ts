import { RE2JS } from 're2js';
import { ExplainEntry } from './explain-types';
import { HeaderOperationsSpec, HttpMatchSpec, HttpRouteSpec, RouteDestinationSpec, StringMatchSpec } from './istio-spec';
import { MeshIndex, VirtualServiceInfo } from './mesh-index';
import { RouteSettingsInfo, routeSettings } from './route-settings';
import { includesLabels, MESH_GATEWAY, normaliseHost, requestHostNames, resolveGatewayRef } from '../manifests';

/*
 * How Istio routes one request: the VirtualServices that bind it, the http route that selects
 * it (matches, delegation), the destinations and their weights, and the header operations on the way.
 */

/** A request as the routing sees it: caller identity resolved, header names in lower case. */
export interface MeshRequest {
  /** Host the request is addressed to. */
  readonly host: string;
  /** Gateway reference `namespace/name` it came through; undefined for a sidecar (mesh) request. */
  readonly gateway?: string;
  /** Labels of the calling pod. */
  readonly sourceLabels: Record<string, string>;
  /** Namespace of the calling pod. */
  readonly sourceNamespace: string;
  /** Headers, names in lower case. */
  readonly headers: Record<string, string>;
  /** Request path, optionally with a `?query`. */
  readonly uri: string;
}

/** Copy of `headers` with names in lower case. */
export function lowerCaseHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  return result;
}

/**
 * The request an entry describes, as it leaves its caller. A gateway request comes from the
 * gateway's namespace and carries no pod labels, whatever the entry's `sourceLabels` say.
 */
export function entryRequest(entry: ExplainEntry, defaultNamespace: string): MeshRequest {
  const common = { host: entry.host, headers: lowerCaseHeaders(entry.headers), uri: entry.uri ?? '/' };
  if (entry.gateway === undefined) {
    return {
      ...common,
      sourceLabels: { ...entry.sourceLabels },
      sourceNamespace: entry.sourceNamespace ?? defaultNamespace,
    };
  }
  const gateway = resolveGatewayRef(entry.gateway, defaultNamespace);
  return { ...common, gateway, sourceLabels: {}, sourceNamespace: gateway.split('/')[0] };
}

/** The gateway name a VirtualService sees the request on: its gateway reference, or `mesh`. */
export function requestGateway(request: MeshRequest): string {
  return request.gateway ?? MESH_GATEWAY;
}

/**
 * The VirtualServices that bind a request, in manifest order: those attached to its gateway
 * (`mesh` for a sidecar request; no `gateways` means `mesh`) whose hosts cover its host.
 * A sidecar request's host reaches the names of the caller's DNS search path (see
 * `requestHostNames`); a gateway request's host is taken literally, and binds only the
 * VirtualServices of namespaces for which the Gateway (when among the manifests) has a server
 * serving that host. Delegates (no hosts) never bind.
 */
export function bindingVirtualServices(index: MeshIndex, request: MeshRequest): VirtualServiceInfo[] {
  const gateway = request.gateway;
  if (gateway === undefined) return index.virtualServicesBinding(requestHostNames(request.host, request.sourceNamespace), MESH_GATEWAY);
  return index.virtualServicesBinding([normaliseHost(request.host)], gateway)
    .filter(vs => index.gatewayServes(gateway, request.host, vs.namespace) !== false);
}

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
  /** Destinations with a share above 0; with an abort fault, their shares add up to what it leaves. */
  readonly destinations: WeightedDestination[];
  /**
   * What the route does to the requests on the way: timeout, retries, mirror, faults.
   * @default - nothing
   */
  readonly settings?: RouteSettingsInfo;
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
  const settings = routeSettings(route);
  const passing = 1 - (settings?.abort?.percentage ?? 0) / 100;
  const weighted = destinations
    .map((d, position) => ({
      host: d.destination?.host ?? '',
      subset: d.destination?.subset,
      namespace: vs.namespace,
      share: shares[position] * passing,
      headers: applyHeaderOperations(headers, d.headers?.request),
    }))
    .filter(d => d.share > 0);
  if (weighted.length === 0 && passing > 0) return { kind: 'failed', via, error: 'every destination weighs 0' };
  return settings === undefined ? { kind: 'routed', via, destinations: weighted } : { kind: 'routed', via, destinations: weighted, settings };
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

/**
 * Whether an http route selects the request: it has no `match`, or any of its match entries holds.
 * `rootNamespace` is the namespace of the VirtualService the request bound (the root of a
 * delegation); short gateway names in matches are read in it.
 */
export function routeSelects(route: HttpRouteSpec, request: MeshRequest, rootNamespace: string): boolean {
  const entries = Array.isArray(route.match) ? route.match : [];
  return entries.length === 0 || entries.some(entry => matchHolds(entry, request, rootNamespace));
}

/**
 * Whether every condition of one match entry holds. Conditions on what a traced request does
 * not describe (`method`, `scheme`, `port`) never hold.
 */
export function matchHolds(entry: HttpMatchSpec, request: MeshRequest, rootNamespace: string): boolean {
  return !hasUndescribedCondition(entry)
    && uriHolds(entry, request)
    && headersHold(entry.headers, request)
    && withoutHeadersHold(entry.withoutHeaders, request)
    && queryParamsHold(entry.queryParams, request)
    && (entry.authority === undefined || stringMatches(entry.authority, request.host))
    && (entry.sourceLabels === undefined || includesLabels(request.sourceLabels, entry.sourceLabels))
    && (entry.sourceNamespace === undefined || entry.sourceNamespace === request.sourceNamespace)
    && gatewaysHold(entry.gateways, request, rootNamespace);
}

function hasUndescribedCondition(entry: HttpMatchSpec): boolean {
  return entry.method !== undefined || entry.scheme !== undefined || entry.port !== undefined;
}

function uriHolds(entry: HttpMatchSpec, request: MeshRequest): boolean {
  return entry.uri === undefined || stringMatches(entry.uri, splitUri(request.uri).path, entry.ignoreUriCase === true);
}

function headersHold(conditions: Record<string, StringMatchSpec> | undefined, request: MeshRequest): boolean {
  return Object.entries(conditions ?? {})
    .every(([name, condition]) => stringMatches(condition, request.headers[name.toLowerCase()]));
}

function withoutHeadersHold(conditions: Record<string, StringMatchSpec> | undefined, request: MeshRequest): boolean {
  return Object.entries(conditions ?? {})
    .every(([name, condition]) => !stringMatches(condition, request.headers[name.toLowerCase()]));
}

function queryParamsHold(conditions: Record<string, StringMatchSpec> | undefined, request: MeshRequest): boolean {
  const params = splitUri(request.uri).query;
  return Object.entries(conditions ?? {})
    .every(([name, condition]) => stringMatches(condition, params.get(name) ?? undefined));
}

function gatewaysHold(gateways: string[] | undefined, request: MeshRequest, rootNamespace: string): boolean {
  if (gateways === undefined || gateways.length === 0) return true;
  const gateway = requestGateway(request);
  return gateways.some(candidate => resolveGatewayRef(candidate, rootNamespace) === gateway);
}

function splitUri(uri: string): { path: string; query: URLSearchParams } {
  const at = uri.indexOf('?');
  return at < 0
    ? { path: uri, query: new URLSearchParams() }
    : { path: uri.slice(0, at), query: new URLSearchParams(uri.slice(at + 1)) };
}


/**
 * Whether `value` satisfies a string condition: `exact` equality, `prefix`, or `regex` as an RE2
 * expression that must match the WHOLE value (as Envoy does). A condition naming none of them
 * only requires the value to be present. An absent value never matches.
 * @throws Error if the regex is not valid RE2 (Istio would reject such a manifest).
 */
export function stringMatches(condition: StringMatchSpec, value: string | undefined, ignoreCase = false): boolean {
  if (value === undefined) return false;
  const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
  if (typeof condition.exact === 'string') return fold(value) === fold(condition.exact);
  if (typeof condition.prefix === 'string') return fold(value).startsWith(fold(condition.prefix));
  if (typeof condition.regex === 'string') return regex(condition.regex).matches(value);
  return true;
}

const compiled = new Map<string, RE2JS>();

function regex(expression: string): RE2JS {
  let pattern = compiled.get(expression);
  if (pattern === undefined) {
    try {
      pattern = RE2JS.compile(expression);
    } catch (error) {
      throw new Error(`explain: invalid RE2 regex '${expression}': ${(error as Error).message}`);
    }
    compiled.set(expression, pattern);
  }
  return pattern;
}

/**
 * The headers after a route's request header operations: `remove`, then `set` (overwrite),
 * then `add` (appended to an existing value with a comma). Names are case-insensitive.
 */
export function applyHeaderOperations(
  headers: Record<string, string>, operations: HeaderOperationsSpec | undefined,
): Record<string, string> {
  if (operations === undefined) return headers;
  const result = { ...headers };
  for (const name of operations.remove ?? []) delete result[name.toLowerCase()];
  for (const [name, value] of Object.entries(operations.set ?? {})) result[name.toLowerCase()] = String(value);
  for (const [name, value] of Object.entries(operations.add ?? {})) {
    const key = name.toLowerCase();
    result[key] = result[key] === undefined ? String(value) : `${result[key]},${value}`;
  }
  return result;
}

/** Only the headers named in `names` (case-insensitive): what an application copies onto its own calls. */
export function forwardedHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of names.map(n => n.toLowerCase())) {
    if (headers[name] !== undefined) result[name] = headers[name];
  }
  return result;
}
