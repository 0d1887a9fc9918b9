import {
  apiVersionOf, dataPlaneOf, gatewayRefsOf, IMPLICIT_NAMESPACE, laneHeaderOf, laneModeOf, meshBoundOf, rootNamespaceOf, routeSourcesOf,
  routingApiOf, serviceNamespaceOf, uriPrefixOf, workloadObjectsOf,
} from './defaults';
import { defaultRootName, deploymentName } from './naming';
import { compareNatural } from './natural-order';
import { planRouting, RoutingPlan } from './routing-plan';
import { RouteSettings, routeSettingsOf, TrafficPolicyModel, trafficPolicyOf } from './traffic-model';
import { DataPlane, IstioApiVersion, LaneMode, RoutingApi, ServiceChainProps, WorkloadObjects } from '../props/chain-props';
import { EntryProps, HeaderRoute, Weights, GatewayProps } from '../props/entry-props';
import { LaneFault, Mirror } from '../props/lane-experiments';
import { ServiceProps } from '../props/service-props';
import { TrafficSettings } from '../props/traffic-settings';
import {
  AutoscalingSettings, DisruptionBudgetSettings, EnvVar, ImagePullPolicy, ProbeSettings, ResourceSettings, SecurityProfile,
  TopologySpreadSettings, WorkloadSettings,
} from '../props/workload-settings';

/** @internal */
export { IMPLICIT_NAMESPACE };

/** One version of a service, with every setting resolved. */
export interface VersionModel {
  readonly name: string;
  readonly deploymentName: string;
  readonly image: string;
  readonly imagePullPolicy?: ImagePullPolicy;
  readonly imagePullSecrets: string[];
  readonly env: EnvVar[];
  readonly replicas: number;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly resources?: ResourceSettings;
  readonly containerName: string;
  /** Timeout and retries of the routes that send requests to this version. */
  readonly route: RouteSettings;
  /** The traffic policy of the version's own subset: the fields set on the version only. */
  readonly subsetPolicy: TrafficPolicyModel;
  /** @default - none */
  readonly readinessProbe?: ProbeSettings;
  /** @default - none */
  readonly livenessProbe?: ProbeSettings;
  readonly securityProfile: SecurityProfile;
  /** @default - none */
  readonly disruptionBudget?: DisruptionBudgetSettings;
  /** @default - none */
  readonly autoscaling?: AutoscalingSettings;
  readonly topologySpread: TopologySpreadSettings[];
}

/** One service, with its versions in natural order and its callers known. */
export interface ServiceModel {
  readonly name: string;
  readonly versions: VersionModel[];
  readonly baseline: string;
  readonly calls: string[];
  readonly callers: string[];
  readonly port: number;
  readonly portName: string;
  /** The DestinationRule's traffic policy: the chain's `loadBalancer` and the defaults, overridden by the service's fields. */
  readonly trafficPolicy: TrafficPolicyModel;
  /** The ServiceAccount the pods run as, named after the service, when the chain writes one. */
  readonly serviceAccount?: string;
  /** Fault injection into lanes. */
  readonly faults: LaneFault[];
  /** Dark launches. */
  readonly mirrors: Mirror[];
  hasVersion(version: string): boolean;
}

/** The entry, with defaults applied. */
export interface EntryModel {
  readonly service: string;
  readonly gateways: string[];
  readonly createGateways: GatewayProps[];
  readonly hosts: string[];
  readonly mesh: boolean;
  readonly rootName: string;
  /** Namespace of the root VirtualService; none when it shares the services' unwritten namespace. */
  readonly rootNamespace?: string;
  readonly uriPrefix: string;
  readonly headerRoutes: HeaderRoute[];
  readonly gatewayWeights?: Weights;
  readonly meshWeights?: Weights;
  readonly defaultVersion?: string;
}

/** A chain with every default applied: what the constructs render. */
export interface ChainModel {
  readonly services: ServiceModel[];
  readonly entry: EntryModel;
  readonly laneMode: LaneMode;
  readonly laneHeader: string;
  readonly apiVersion: IstioApiVersion;
  /** The API the routing is written in. */
  readonly routingApi: RoutingApi;
  /** How the pods join the mesh. */
  readonly dataPlane: DataPlane;
  /** The namespace written into objects, if any. */
  readonly namespace?: string;
  /** The namespace the services live in: `namespace`, or Kubernetes' implicit one. */
  readonly effectiveNamespace: string;
  readonly createNamespace: boolean;
  readonly strict: boolean;
  /** Which workload objects the chain writes beside its routing. */
  readonly workloads: WorkloadObjects;
  /** Every routing decision: what the routing objects render and what the graph and lane checks read. */
  readonly routing: RoutingPlan;
  service(name: string): ServiceModel;
}

/**
 * Applies every default to props that passed validation.
 * The order of services is kept; versions are put in natural order.
 * @internal
 */
export function resolveChain(props: ServiceChainProps): ChainModel {
  const defaults = props.defaults ?? {};
  const effectiveNamespace = serviceNamespaceOf(props);
  const callersOf = new Map<string, string[]>(props.services.map(s => [s.name, []]));
  for (const service of props.services) {
    // Stryker disable next-line ArrayDeclaration: a name not in the chain is passed over by `?.` like any unknown callee
    for (const callee of service.calls ?? []) callersOf.get(callee)?.push(service.name);
  }
  const portOf = new Map(props.services.map(s => [s.name, s.port ?? defaults.port ?? 80]));

  const services = props.services.map((service): ServiceModel => {
    const calls = [...(service.calls ?? [])];
    const upstreamEnv: EnvVar[] = defaults.upstreamUrlEnv && calls.length > 0
      ? [{ name: defaults.upstreamUrlEnv, value: calls.map(c => `http://${c}:${portOf.get(c)}/`).join(',') }]
      : [];
    const versionNames = Object.keys(service.versions).sort(compareNatural);
    const versions = versionNames.map(version => resolveVersion(
      service, version, [defaults, service, service.versions[version]], upstreamEnv, effectiveNamespace));
    return {
      name: service.name,
      versions,
      baseline: service.baseline ?? versionNames[0],
      calls,
      // Stryker disable next-line ArrayDeclaration: every service has its entry in callersOf
      callers: callersOf.get(service.name) ?? [],
      port: portOf.get(service.name)!,
      portName: service.portName ?? defaults.portName ?? 'http',
      trafficPolicy: trafficPolicyOf([{ loadBalancer: props.loadBalancer }, defaults, service]),
      serviceAccount: service.serviceAccount ?? defaults.serviceAccount ? service.name : undefined,
      faults: service.faults ?? [],
      mirrors: service.mirrors ?? [],
      hasVersion: (version: string) => versionNames.includes(version),
    };
  });
  const byName = new Map(services.map(s => [s.name, s]));

  const chain: Omit<ChainModel, 'routing'> = {
    services,
    entry: resolveEntry(props.entry, props.namespace),
    laneMode: laneModeOf(props),
    laneHeader: laneHeaderOf(props),
    apiVersion: apiVersionOf(props),
    routingApi: routingApiOf(props),
    dataPlane: dataPlaneOf(props),
    namespace: props.namespace,
    effectiveNamespace,
    createNamespace: props.createNamespace ?? false,
    strict: props.strict ?? false,
    workloads: workloadObjectsOf(props),
    service: (name: string) => {
      const found = byName.get(name);
      if (!found) throw new Error(`unknown service '${name}'`);
      return found;
    },
  };
  return { ...chain, routing: planRouting(chain) };
}

function resolveEntry(entry: EntryProps, serviceNamespace: string | undefined): EntryModel {
  return {
    service: entry.service,
    gateways: gatewayRefsOf(entry),
    createGateways: entry.createGateways ?? [],
    hosts: entry.hosts ?? [],
    mesh: meshBoundOf(entry),
    rootName: entry.rootName ?? defaultRootName(entry.service),
    rootNamespace: rootNamespaceOf(entry, serviceNamespace),
    uriPrefix: uriPrefixOf(entry),
    headerRoutes: (entry.headerRoutes ?? []).map(route => ({ ...route, from: routeSourcesOf(route) })),
    gatewayWeights: entry.gatewayWeights,
    meshWeights: entry.meshWeights,
    defaultVersion: entry.defaultVersion,
  };
}

function resolveVersion(
  service: ServiceProps,
  version: string,
  levels: Array<WorkloadSettings & TrafficSettings>,
  upstreamEnv: EnvVar[],
  namespace: string,
): VersionModel {
  const last = <K extends keyof WorkloadSettings>(key: K): WorkloadSettings[K] =>
    levels.reduce<WorkloadSettings[K]>((found, level) => level[key] ?? found, undefined);
  const fill = (value: string) => value
    .replace(/\{service\}/g, service.name)
    .replace(/\{version\}/g, version)
    .replace(/\{namespace\}/g, namespace);
  const env = mergeEnv([...levels.flatMap(level => level.env ?? []), ...upstreamEnv])
    .map(variable => (variable.value === undefined ? variable : { ...variable, value: fill(variable.value) }));
  const merge = (key: 'labels' | 'annotations') =>
    Object.assign({}, ...levels.map(level => level[key] ?? {})) as Record<string, string>;
  return {
    name: version,
    deploymentName: deploymentName(service.name, version),
    image: last('image') ?? '',
    imagePullPolicy: last('imagePullPolicy'),
    imagePullSecrets: last('imagePullSecrets') ?? [],
    env,
    replicas: last('replicas') ?? 1,
    labels: merge('labels'),
    annotations: merge('annotations'),
    resources: last('resources'),
    containerName: last('containerName') ?? service.name,
    route: routeSettingsOf(levels),
    subsetPolicy: trafficPolicyOf([service.versions[version]]),
    readinessProbe: last('readinessProbe'),
    livenessProbe: last('livenessProbe'),
    securityProfile: last('securityProfile') ?? SecurityProfile.NONE,
    disruptionBudget: last('disruptionBudget'),
    autoscaling: last('autoscaling'),
    topologySpread: last('topologySpread') ?? [],
  };
}

/** Keeps the first position of each name and the last variable given for it. */
function mergeEnv(variables: EnvVar[]): EnvVar[] {
  const merged = new Map<string, EnvVar>();
  for (const variable of variables) merged.set(variable.name, variable);
  return [...merged.values()];
}
