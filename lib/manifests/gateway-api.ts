import { apiGroupOf, asList, asRecord, asString, JsonObject, kindOf, namespaceOf, specOf } from './objects';

/*
 * Gateway API objects as parsed from manifests: recognising them, and reading the references
 * of an HTTPRoute with the API's defaults applied, for explain and lint alike.
 */

/** The API group of the Kubernetes Gateway API. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** The Gateway API kinds read from manifests. */
export type GatewayApiKind = 'HTTPRoute' | 'Gateway' | 'GatewayClass' | 'ReferenceGrant';

/** Whether an object is a Gateway API object of that kind (any version). */
export function isGatewayApi(object: JsonObject, kind: GatewayApiKind): boolean {
  return apiGroupOf(object) === GATEWAY_API_GROUP && kindOf(object) === kind;
}

/** A reference from a route to another object, with the API's defaults applied. */
export interface ObjectRef {
  /** API group: `gateway.networking.k8s.io` for a Gateway, `''` for a Service. */
  readonly group: string;
  /** Kind. */
  readonly kind: string;
  /** Name. */
  readonly name: string;
  /** Namespace: the route's when the reference names none. */
  readonly namespace: string;
  /** Port, if the reference names one. */
  readonly port?: number;
  /** Listener name (parentRefs), if the reference names one. */
  readonly sectionName?: string;
}

/** `Gateway ns/name`, `Service ns/name`, or the group too for other kinds. */
export function refLabel(ref: ObjectRef): string {
  const known = (ref.kind === 'Gateway' && ref.group === GATEWAY_API_GROUP) || (ref.kind === 'Service' && ref.group === '');
  return `${known ? ref.kind : `${ref.kind}.${ref.group || 'core'}`} ${ref.namespace}/${ref.name}`;
}

function objectRef(value: unknown, routeNamespace: string, defaults: { group: string; kind: string }): ObjectRef | undefined {
  const ref = asRecord(value);
  const name = asString(ref?.name);
  if (ref === undefined || name === undefined) return undefined;
  return {
    group: typeof ref.group === 'string' ? ref.group : defaults.group,
    kind: asString(ref.kind) ?? defaults.kind,
    name,
    namespace: asString(ref.namespace) ?? routeNamespace,
    port: typeof ref.port === 'number' ? ref.port : undefined,
    sectionName: asString(ref.sectionName),
  };
}

/** The parents of a route (`spec.parentRefs`); a reference names a Gateway unless it says otherwise. */
export function parentRefsOf(route: JsonObject, defaultNamespace: string): ObjectRef[] {
  const namespace = namespaceOf(route, defaultNamespace);
  return asList(specOf(route).parentRefs)
    .map(ref => objectRef(ref, namespace, { group: GATEWAY_API_GROUP, kind: 'Gateway' }))
    .filter((ref): ref is ObjectRef => ref !== undefined);
}

/** A backend of a rule: the object, its weight (1 when unset) and the raw filters. */
export interface BackendRef extends ObjectRef {
  /** Relative weight. */
  readonly weight: number;
  /** The backendRef's own filters, as written. */
  readonly filters: JsonObject[];
}

/** The backends of one rule of a route (`rules[i].backendRefs`); a reference names a Service unless it says otherwise. */
export function backendRefsOf(rule: JsonObject, routeNamespace: string): BackendRef[] {
  return asList(rule.backendRefs).flatMap(value => {
    const ref = objectRef(value, routeNamespace, { group: '', kind: 'Service' });
    if (ref === undefined) return [];
    const raw = asRecord(value)!;
    return [{
      ...ref,
      weight: typeof raw.weight === 'number' ? raw.weight : 1,
      filters: asList(raw.filters).map(asRecord).filter((filter): filter is JsonObject => filter !== undefined),
    }];
  });
}

/** The rules of a route, as written. */
export function rulesOf(route: JsonObject): JsonObject[] {
  return asList(specOf(route).rules).map(asRecord).filter((rule): rule is JsonObject => rule !== undefined);
}

/**
 * Whether a Gateway listener admits routes from `routeNamespace` (`allowedRoutes.namespaces.from`:
 * `Same` by default, `All`, or `Selector`). Of a selector, only the label Kubernetes sets on every
 * namespace, `kubernetes.io/metadata.name`, can be read from manifests; a selector on other labels
 * is taken to admit.
 */
export function listenerAdmits(listener: JsonObject, gatewayNamespace: string, routeNamespace: string): boolean {
  const namespaces = asRecord(asRecord(listener.allowedRoutes)?.namespaces);
  const from = asString(namespaces?.from) ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return routeNamespace === gatewayNamespace;
  if (from !== 'Selector') return false;
  const selector = asRecord(namespaces?.selector);
  const labels = asRecord(selector?.matchLabels) ?? {};
  if (asList(selector?.matchExpressions).length > 0 || Object.keys(labels).some(key => key !== NAMESPACE_NAME_LABEL)) return true;
  return labels[NAMESPACE_NAME_LABEL] === undefined || labels[NAMESPACE_NAME_LABEL] === routeNamespace;
}

/** The label Kubernetes sets on every namespace, to its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The listeners of a Gateway, as written. */
export function listenersOf(gateway: JsonObject): JsonObject[] {
  return asList(specOf(gateway).listeners).map(asRecord).filter((listener): listener is JsonObject => listener !== undefined);
}

/** What refers: the group, kind and namespace of the referring object. */
export interface Referrer {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
}

/**
 * Whether a reference from `from` to `target` in another namespace is allowed: a ReferenceGrant
 * in the target's namespace lists `from` and the target's kind (and its name, if it names one).
 */
export function referenceGranted(grants: readonly JsonObject[], from: Referrer, target: ObjectRef, defaultNamespace: string): boolean {
  return grants.some(grant => {
    if (namespaceOf(grant, defaultNamespace) !== target.namespace) return false;
    const spec = specOf(grant);
    const fromOk = asList(spec.from).map(asRecord).some(f => f?.group === from.group && f?.kind === from.kind && f?.namespace === from.namespace);
    const toOk = asList(spec.to).map(asRecord).some(t => (t?.group ?? '') === target.group && t?.kind === target.kind
      && (t?.name === undefined || t.name === target.name));
    return fromOk && toOk;
  });
}
