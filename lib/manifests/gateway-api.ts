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
