import { HttpMatchSpec, HttpRouteSpec, StringMatchSpec } from './istio-spec';
import { includesLabels } from './labels';
import { MeshRequest, requestGateway, resolveGatewayRef } from './request';
import { stringMatches } from './string-match';

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
