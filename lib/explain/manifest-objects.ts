import { HttpRouteSpec } from './istio-spec';

/** A Deployment, reduced to what routing needs. */
export interface DeploymentInfo {
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Labels of its pod template. */
  readonly podLabels: Record<string, string>;
  /** Replica count (`spec.replicas`, default 1). */
  readonly replicas: number;
}

/** A Service, reduced to what routing needs. */
export interface ServiceInfo {
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Pod selector; empty when it has none. */
  readonly selector: Record<string, string>;
}

/** A DestinationRule subset. */
export interface SubsetInfo {
  /** Subset name. */
  readonly name: string;
  /** Pod labels the subset adds to the Service selector. */
  readonly labels: Record<string, string>;
}

/** A DestinationRule, reduced to its host and subsets. */
export interface DestinationRuleInfo {
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Host as written. */
  readonly host: string;
  /** Subsets. */
  readonly subsets: SubsetInfo[];
}

/** A VirtualService, reduced to what routing needs. */
export interface VirtualServiceInfo {
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Hosts as written; empty for a delegate. */
  readonly hosts: string[];
  /** Gateways as written; undefined when absent (which means `mesh`). */
  readonly gateways?: string[];
  /** Http routes, in order. */
  readonly http: HttpRouteSpec[];
}

/** The routing-relevant objects of a set of manifests, each kind in manifest order. */
export interface ManifestObjects {
  /** Deployments. */
  readonly deployments: DeploymentInfo[];
  /** Services. */
  readonly services: ServiceInfo[];
  /** DestinationRules. */
  readonly destinationRules: DestinationRuleInfo[];
  /** VirtualServices. */
  readonly virtualServices: VirtualServiceInfo[];
}

type Json = Record<string, unknown>;

/**
 * Reads Deployments, Services, DestinationRules and VirtualServices (networking.istio.io, any
 * version) from parsed manifests; `List` objects are unpacked, anything else is skipped.
 * An object written twice (same kind, namespace and name) keeps its first position and last content,
 * as repeated `kubectl apply` would leave it.
 */
export function readManifestObjects(manifests: unknown[], defaultNamespace: string): ManifestObjects {
  const byKey = new Map<string, { kind: string; object: Json }>();
  for (const object of flattenLists(manifests)) {
    const kind = routingKind(object);
    if (kind === undefined) continue;
    byKey.set(`${kind}/${namespaceOf(object, defaultNamespace)}/${nameOf(object)}`, { kind, object });
  }
  const ofKind = (kind: string) => [...byKey.values()].filter(entry => entry.kind === kind).map(entry => entry.object);
  return {
    deployments: ofKind('Deployment').map(o => readDeployment(o, defaultNamespace)),
    services: ofKind('Service').map(o => readService(o, defaultNamespace)),
    destinationRules: ofKind('DestinationRule').map(o => readDestinationRule(o, defaultNamespace)),
    virtualServices: ofKind('VirtualService').map(o => readVirtualService(o, defaultNamespace)),
  };
}

function flattenLists(manifests: unknown[]): Json[] {
  return manifests.filter(isRecord).flatMap(object =>
    object.kind === 'List' && Array.isArray(object.items) ? flattenLists(object.items) : [object]);
}

function routingKind(object: Json): string | undefined {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  switch (object.kind) {
    case 'Deployment': return group === 'apps' ? 'Deployment' : undefined;
    case 'Service': return group === '' ? 'Service' : undefined;
    case 'DestinationRule':
    case 'VirtualService': return group === 'networking.istio.io' ? object.kind : undefined;
    default: return undefined;
  }
}

function readDeployment(object: Json, defaultNamespace: string): DeploymentInfo {
  const spec = record(object.spec);
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  return {
    name: nameOf(object),
    namespace: namespaceOf(object, defaultNamespace),
    podLabels: stringMap(record(record(spec.template).metadata).labels),
    replicas,
  };
}

function readService(object: Json, defaultNamespace: string): ServiceInfo {
  return {
    name: nameOf(object),
    namespace: namespaceOf(object, defaultNamespace),
    selector: stringMap(record(object.spec).selector),
  };
}

function readDestinationRule(object: Json, defaultNamespace: string): DestinationRuleInfo {
  const spec = record(object.spec);
  return {
    name: nameOf(object),
    namespace: namespaceOf(object, defaultNamespace),
    host: typeof spec.host === 'string' ? spec.host : '',
    subsets: array(spec.subsets).filter(isRecord).map(subset => ({
      name: String(subset.name ?? ''),
      labels: stringMap(subset.labels),
    })),
  };
}

function readVirtualService(object: Json, defaultNamespace: string): VirtualServiceInfo {
  const spec = record(object.spec);
  return {
    name: nameOf(object),
    namespace: namespaceOf(object, defaultNamespace),
    hosts: array(spec.hosts).filter((host): host is string => typeof host === 'string'),
    gateways: Array.isArray(spec.gateways) ? spec.gateways.filter((g): g is string => typeof g === 'string') : undefined,
    http: array(spec.http).filter(isRecord) as HttpRouteSpec[],
  };
}

function nameOf(object: Json): string {
  return String(record(object.metadata).name ?? '');
}

function namespaceOf(object: Json, defaultNamespace: string): string {
  const namespace = record(object.metadata).namespace;
  return typeof namespace === 'string' && namespace !== '' ? namespace : defaultNamespace;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(record(value))) result[key] = String(item);
  return result;
}
