import { MatchCandidate, hostnameRank, winningCandidate } from './http-route-precedence';
import { HeaderOperationsSpec } from './istio-spec';
import { MeshIndex } from './mesh-index';
import { applyHeaderOperations, MeshRequest, RoutingDecision, stringMatches, WeightedDestination } from './routing';
import {
  append, asList, asRecord, asString, backendRefsOf, flattenLists, GATEWAY_API_GROUP, identityOf, isGatewayApi, JsonObject, listenerAdmits,
  listenersOf, nameOf, namespaceOf, normaliseHost, parentRefsOf, referenceGranted, refLabel, rulesOf, specOf,
} from '../manifests';

/*
 * How Gateway API routes one request: the HTTPRoutes attached to the Gateway it came through
 * (with a hostname that matches it), or to the Service it is addressed to (GAMMA, mesh
 * traffic); the rule that takes it by Gateway API's precedence (http-route-precedence.ts); its
 * weighted backendRefs; and the RequestHeaderModifier filters of the rule and of the backend.
 */

/** The HTTPRoutes of a set of manifests, by the parent they are attached to. */
export class HttpRouteIndex {
  /**
   * Reads the gateway.networking.k8s.io HTTPRoutes, Gateways and ReferenceGrants (any version);
   * an object written twice keeps its last content.
   */
  public static fromManifests(manifests: readonly unknown[], defaultNamespace: string): HttpRouteIndex {
    const read = { routes: new Map<string, JsonObject>(), gateways: new Map<string, JsonObject>(), grants: new Map<string, JsonObject>() };
    for (const object of flattenLists(manifests)) {
      const into = isGatewayApi(object, 'HTTPRoute') ? read.routes : isGatewayApi(object, 'Gateway') ? read.gateways
        : isGatewayApi(object, 'ReferenceGrant') ? read.grants : undefined;
      into?.set(identityOf(object, defaultNamespace), object);
    }
    return new HttpRouteIndex([...read.routes.values()], [...read.gateways.values()], [...read.grants.values()], defaultNamespace);
  }

  /** Routes by parent: `Gateway ns/name` or `Service ns/name`. */
  private readonly byParent = new Map<string, JsonObject[]>();
  /** Gateway API Gateways by `namespace/name`. */
  private readonly gateways = new Map<string, JsonObject>();

  private constructor(
    routes: JsonObject[], gateways: JsonObject[], private readonly grants: JsonObject[], private readonly defaultNamespace: string,
  ) {
    for (const gateway of gateways) this.gateways.set(`${namespaceOf(gateway, defaultNamespace)}/${nameOf(gateway)}`, gateway);
    for (const route of routes) {
      const parents = new Set(parentRefsOf(route, defaultNamespace).map(refLabel));
      for (const parent of parents) append(this.byParent, parent, route);
    }
  }

  /** Whether any HTTPRoute was read. */
  public get isEmpty(): boolean {
    return this.byParent.size === 0;
  }

  /**
   * The routes that take a request: for a gateway request, those attached to its Gateway;
   * for a mesh request, those attached to the Service its host names, where routes in the
   * caller's namespace (consumer routes) replace the Service's own (producer routes).
   * @returns the routes and the parent they are attached to, or undefined when none is.
   */
  public routesFor(index: MeshIndex, request: MeshRequest): { parent: string; routes: JsonObject[] } | undefined {
    if (this.isEmpty) return undefined;
    if (request.gateway !== undefined) {
      const parent = `Gateway ${request.gateway}`;
      const routes = this.byParent.get(parent);
      if (routes === undefined) return undefined;
      const gateway = this.gateways.get(request.gateway);
      return { parent, routes: gateway === undefined ? routes : routes.filter(route => this.listenerTakes(gateway, route, request)) };
    }
    const service = index.serviceForRequest(request.host, request.sourceNamespace);
    if (service === undefined) return undefined;
    const parent = `Service ${service.namespace}/${service.name}`;
    const attached = this.byParent.get(parent) ?? [];
    const consumer = attached.filter(route =>
      namespaceOf(route, this.defaultNamespace) === request.sourceNamespace && request.sourceNamespace !== service.namespace);
    const producer = attached.filter(route => namespaceOf(route, this.defaultNamespace) === service.namespace);
    const routes = consumer.length > 0 ? consumer : producer;
    return routes.length === 0 ? undefined : { parent, routes };
  }

  /**
   * Whether a listener of the Gateway (the one the route names by `sectionName`, if it does)
   * takes the route's requests for the request's host: it admits the route's namespace, and its
   * hostname (if any) matches the host. A Gateway that is not among the manifests is not checked.
   */
  private listenerTakes(gateway: JsonObject, route: JsonObject, request: MeshRequest): boolean {
    const gatewayNamespace = namespaceOf(gateway, this.defaultNamespace);
    const routeNamespace = namespaceOf(route, this.defaultNamespace);
    const host = normaliseHost(request.host);
    const sections = parentRefsOf(route, this.defaultNamespace)
      .filter(ref => ref.group === GATEWAY_API_GROUP && ref.kind === 'Gateway' && `${ref.namespace}/${ref.name}` === request.gateway)
      .map(ref => ref.sectionName);
    return listenersOf(gateway).some(listener => (sections.includes(undefined) || sections.includes(asString(listener.name)))
      && listenerAdmits(listener, gatewayNamespace, routeNamespace)
      && hostnameRank(typeof listener.hostname === 'string' ? [listener.hostname] : [], host) !== undefined);
  }

  /**
   * Routes a request with the HTTPRoutes attached to its parent, or returns undefined when none
   * is attached (the request then goes on as if there were no route). No match that holds is a 404.
   */
  public route(index: MeshIndex, request: MeshRequest): RoutingDecision | undefined {
    const attached = this.routesFor(index, request);
    if (attached === undefined) return undefined;
    if (attached.routes.length === 0) {
      return { kind: 'failed', error: `404: no listener of ${attached.parent} takes the HTTPRoutes attached to it for host ${request.host}` };
    }
    const host = normaliseHost(request.host);
    const candidates: MatchCandidate[] = [];
    for (const route of attached.routes) {
      const hostnames = request.gateway === undefined ? [] : asList(specOf(route).hostnames).filter((h): h is string => typeof h === 'string');
      const hostname = hostnameRank(hostnames, host);
      if (hostname === undefined) continue;
      const routeRef = `${namespaceOf(route, this.defaultNamespace)}/${nameOf(route)}`;
      rulesOf(route).forEach((rule, ruleIndex) => {
        const matches = asList(rule.matches).map(asRecord).filter((m): m is JsonObject => m !== undefined);
        (matches.length > 0 ? matches : [{}]).forEach((condition, matchIndex) => {
          if (matchHolds(condition, request)) candidates.push({ route, routeRef, hostname, rule: ruleIndex, match: matchIndex, condition });
        });
      });
    }
    const winner = winningCandidate(candidates);
    if (winner === undefined) return { kind: 'failed', error: `404: no rule of the HTTPRoutes attached to ${attached.parent} matched` };
    return this.routeToBackends(winner, request);
  }

  private routeToBackends(winner: MatchCandidate, request: MeshRequest): RoutingDecision {
    const via = ruleLabel(winner);
    const routeNamespace = namespaceOf(winner.route, this.defaultNamespace);
    const rule = rulesOf(winner.route)[winner.rule];
    const backends = backendRefsOf(rule, routeNamespace);
    if (backends.length === 0) return { kind: 'failed', via, error: '500: the rule has no backendRefs' };
    const other = backends.find(backend => backend.kind !== 'Service' || backend.group !== '');
    if (other !== undefined) return { kind: 'failed', via, error: `backendRef ${refLabel(other)} is not a Service (not traced)` };
    const from = { group: GATEWAY_API_GROUP, kind: 'HTTPRoute', namespace: routeNamespace };
    const refused = backends.find(backend =>
      backend.namespace !== routeNamespace && !referenceGranted(this.grants, from, backend, this.defaultNamespace));
    if (refused !== undefined) {
      return { kind: 'failed', via, error: `500: backendRef ${refLabel(refused)} is in another namespace and no ReferenceGrant there allows it` };
    }
    const total = backends.reduce((sum, backend) => sum + Math.max(backend.weight, 0), 0);
    if (total === 0) return { kind: 'failed', via, error: '500: every backendRef weighs 0' };
    const headers = applyFilters(request.headers, asList(rule.filters));
    const destinations: WeightedDestination[] = backends
      .map(backend => ({
        host: backend.name,
        namespace: backend.namespace,
        share: Math.max(backend.weight, 0) / total,
        headers: applyFilters(headers, backend.filters),
      }))
      .filter(destination => destination.share > 0);
    return { kind: 'routed', via, destinations };
  }
}

/** `HTTPRoute ns/name rules[i]`. */
function ruleLabel(candidate: MatchCandidate): string {
  return `HTTPRoute ${candidate.routeRef} rules[${candidate.rule}]`;
}

/** The headers after the RequestHeaderModifier filters among `filters` (other filters do not change them). */
function applyFilters(headers: Record<string, string>, filters: readonly unknown[]): Record<string, string> {
  let result = headers;
  for (const filter of filters.map(asRecord)) {
    if (filter?.type !== 'RequestHeaderModifier') continue;
    result = applyHeaderOperations(result, headerOperations(asRecord(filter.requestHeaderModifier)));
  }
  return result;
}

/** A RequestHeaderModifier (`set`/`add` as lists of name and value, `remove` as names) as header operations. */
function headerOperations(modifier: JsonObject | undefined): HeaderOperationsSpec {
  const pairs = (value: unknown) => Object.fromEntries(asList(value).map(asRecord)
    .filter((pair): pair is JsonObject => pair !== undefined && typeof pair.name === 'string')
    .map(pair => [String(pair.name), String(pair.value ?? '')]));
  return {
    set: pairs(modifier?.set),
    add: pairs(modifier?.add),
    remove: asList(modifier?.remove).filter((name): name is string => typeof name === 'string'),
  };
}

/**
 * Whether one HTTPRoute match holds: its path (`/` by default), headers and query parameters.
 * A match on the method never holds, as the traced requests describe none.
 */
export function matchHolds(condition: JsonObject, request: MeshRequest): boolean {
  if (condition.method !== undefined) return false;
  const [path, query] = splitUri(request.uri);
  return pathHolds(asRecord(condition.path), path)
    && asList(condition.headers).map(asRecord).every(h => valueHolds(h, request.headers[String(h?.name ?? '').toLowerCase()]))
    && asList(condition.queryParams).map(asRecord).every(q => valueHolds(q, query.get(String(q?.name ?? '')) ?? undefined));
}

function pathHolds(path: JsonObject | undefined, requestPath: string): boolean {
  const type = asString(path?.type) ?? 'PathPrefix';
  const value = asString(path?.value) ?? '/';
  if (type === 'Exact') return requestPath === value;
  if (type === 'RegularExpression') return stringMatches({ regex: value }, requestPath);
  const prefix = value.replace(/\/+$/, '');
  return prefix === '' || requestPath === prefix || requestPath.startsWith(`${prefix}/`);
}

/** An `Exact` (the default) or `RegularExpression` condition on a header or query value; an absent value never holds. */
function valueHolds(condition: JsonObject | undefined, value: string | undefined): boolean {
  const expected = asString(condition?.value) ?? '';
  return condition?.type === 'RegularExpression' ? stringMatches({ regex: expected }, value) : value === expected;
}

function splitUri(uri: string): [string, URLSearchParams] {
  const at = uri.indexOf('?');
  return at < 0 ? [uri, new URLSearchParams()] : [uri.slice(0, at), new URLSearchParams(uri.slice(at + 1))];
}
