import { EntryProps } from './entry-props';
import { ServiceProps } from './service-props';
import { TrafficSettings } from './traffic-settings';
import { WorkloadSettings } from './workload-settings';

/** Chain-wide defaults: workload and traffic settings, the port and the upstream variable. */
export interface ChainDefaults extends WorkloadSettings, TrafficSettings {
  /**
   * Port of every Service and container.
   * @default 80
   * @asType integer
   * @minimum 1
   * @maximum 65535
   */
  readonly port?: number;
  /**
   * Name of every Service port.
   * @default 'http'
   */
  readonly portName?: string;
  /**
   * Name of an environment variable set to the URL of the services each service calls
   * (`http://<callee>:<port>/`, comma-separated when it calls several). Not set on services that call none.
   * @default - no such variable
   */
  readonly upstreamUrlEnv?: string;
  /**
   * Write a ServiceAccount per service, named after it, which its pods run as.
   * @default false
   */
  readonly serviceAccount?: boolean;
}

/** A chain of services, each in several versions, and the routing that keeps a request on its version. */
export interface ServiceChainProps {
  /**
   * The services, in chain order: the order of the objects in the output.
   * At most 1000, which keeps validation fast on hostile input; real chains are far shorter.
   * @maxItems 1000
   */
  readonly services: ServiceProps[];
  /** Where traffic enters the chain, and how it is split. */
  readonly entry: EntryProps;
  /**
   * How a request keeps its version through the chain.
   * @default LaneMode.SOURCE_LABELS
   */
  readonly laneMode?: LaneMode;
  /**
   * The request header that carries the lane in `header` mode: a header of the chain's own,
   * never one the proxy or the application owns (`host`, `cookie`, `x-request-id`, `x-envoy-*`...).
   * @default 'x-lane'
   */
  readonly laneHeader?: string;
  /**
   * In `sourceLabels` mode, fail instead of warning when a lane cannot pass a service that lacks its version.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * The Istio API version of VirtualServices, DestinationRules and Gateways.
   * @default IstioApiVersion.V1BETA1
   */
  readonly apiVersion?: IstioApiVersion;
  /**
   * The API the routing is written in: Istio's VirtualServices and DestinationRules, or the
   * Kubernetes Gateway API (HTTPRoutes, a Service per version, Gateways). `gateway-api` needs
   * `laneMode: header`: HTTPRoutes cannot match the calling workload.
   * @default RoutingApi.ISTIO
   */
  readonly routingApi?: RoutingApi;
  /**
   * How the pods join the mesh: an injected sidecar, or Istio's ambient mode (ztunnel and a
   * waypoint). `ambient` needs `laneMode: header`: waypoints do not use source matches.
   * @default DataPlane.SIDECAR
   */
  readonly dataPlane?: DataPlane;
  /**
   * Namespace of the services. Hosts and delegate references use it. In a cdk8s Chart with a
   * `namespace`, the Chart's is used when this is not set; set to another one, it is an error.
   * @default - the Chart's namespace, else none written: objects land in the namespace `kubectl` applies to, taken as `default`
   */
  readonly namespace?: string;
  /**
   * Write a Namespace object labelled `istio-injection: enabled` (with `dataPlane: ambient`,
   * `istio.io/dataplane-mode: ambient` and `istio.io/use-waypoint`). Needs `namespace`.
   * @default false
   */
  readonly createNamespace?: boolean;
  /**
   * Load-balancing policy written into every DestinationRule (for example `ROUND_ROBIN`), unless a
   * service sets its own `loadBalancer` (a version's goes into its subset).
   * @default - none written; Istio's default applies
   */
  readonly loadBalancer?: LoadBalancer;
  /**
   * Which workload objects the chain writes beside its routing. With `services` or `none`, the
   * Deployments are defined elsewhere (cdk8s-plus constructs, a Helm chart, plain YAML) and only
   * have to carry the labels the routing relies on: `app: <service>` and `version: <version>`
   * on their pods. Workload settings such as `image` are then not needed.
   * @default WorkloadObjects.ALL
   */
  readonly workloads?: WorkloadObjects;
  /**
   * Settings shared by every service and version.
   * @default - none
   */
  readonly defaults?: ChainDefaults;
}

/** How a request keeps its version (its lane) from hop to hop. */
export enum LaneMode {
  /**
   * Each later VirtualService matches the labels of the calling pod (`sourceLabels`).
   * Needs no application change, but a lane stops at the first service that lacks its version.
   */
  SOURCE_LABELS = 'sourceLabels',
  /**
   * The entry stamps the lane into a request header and every later VirtualService routes on it.
   * The lane survives gaps, but every application must forward the header, as it forwards trace headers.
   */
  HEADER = 'header',
}

/** The `networking.istio.io` API version written into Istio objects. */
export enum IstioApiVersion {
  /** `networking.istio.io/v1beta1`, served by every supported Istio release. */
  V1BETA1 = 'v1beta1',
  /** `networking.istio.io/v1`, served from Istio 1.22. */
  V1 = 'v1',
}

/** The API the chain's routing is written in. */
export enum RoutingApi {
  /** Istio's VirtualServices (a root and a delegate at the entry) and DestinationRules with a subset per version. */
  ISTIO = 'istio',
  /**
   * Kubernetes Gateway API: an HTTPRoute attached to the entry's Gateways, an HTTPRoute per
   * service attached to its Service (GAMMA), and a Service per version as the backends.
   */
  GATEWAY_API = 'gateway-api',
}

/** How the chain's pods join the mesh. */
export enum DataPlane {
  /** An Envoy sidecar injected into every pod (`istio-injection: enabled`). */
  SIDECAR = 'sidecar',
  /**
   * Istio's ambient mode: the node's ztunnel carries the traffic, and a waypoint (a Gateway of
   * class `istio-waypoint`) applies the HTTP routing of the Services that use it.
   */
  AMBIENT = 'ambient',
}

/** Which Kubernetes workload objects a chain writes beside its routing. */
export enum WorkloadObjects {
  /** A Service per service and a Deployment per version. */
  ALL = 'all',
  /** A Service per service; the Deployments are defined elsewhere, or adopted with `ServiceChain.adoptWorkload`. */
  SERVICES = 'services',
  /** Neither: the routing objects only; the Services and the Deployments are defined elsewhere. */
  NONE = 'none',
}

/** Istio's simple load-balancing policies. */
export enum LoadBalancer {
  /** Istio's default. */
  LEAST_REQUEST = 'LEAST_REQUEST',
  /** Round robin over the endpoints. */
  ROUND_ROBIN = 'ROUND_ROBIN',
  /** Random endpoint. */
  RANDOM = 'RANDOM',
  /** Pass through to the original destination. */
  PASSTHROUGH = 'PASSTHROUGH',
}
