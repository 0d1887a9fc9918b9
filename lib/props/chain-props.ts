import { EntryProps } from './entry-props';
import { IstioApiVersion } from './istio-api-version';
import { LaneMode } from './lane-mode';
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
   * Namespace of the services. Hosts and delegate references use it. In a cdk8s Chart with a
   * `namespace`, the Chart's is used when this is not set; set to another one, it is an error.
   * @default - the Chart's namespace, else none written: objects land in the namespace `kubectl` applies to, taken as `default`
   */
  readonly namespace?: string;
  /**
   * Write a Namespace object labelled `istio-injection: enabled`. Needs `namespace`.
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
