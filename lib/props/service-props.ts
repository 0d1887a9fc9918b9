import { LaneFault, Mirror } from './lane-experiments';
import { ServiceTrafficSettings } from './traffic-settings';
import { WorkloadSettings } from './workload-settings';

/**
 * One version of a service: a Deployment, and a subset in the service's DestinationRule. Its
 * traffic settings apply to the routes that send requests to it and to its subset.
 */
export interface VersionProps extends WorkloadSettings, ServiceTrafficSettings {}

/** One service of the chain: a Kubernetes Service, a DestinationRule and a Deployment per version. */
export interface ServiceProps extends WorkloadSettings, ServiceTrafficSettings {
  /** Service name, also the `app` label. A DNS-1035 label. */
  readonly name: string;
  /**
   * The versions of this service, keyed by version name (the `version` label and subset name).
   * Versions are ordered by name in natural order (`v2` before `v10`), whatever the key order.
   * At most 100, which keeps validation fast on hostile input.
   * @maxProperties 100
   */
  readonly versions: Record<string, VersionProps>;
  /**
   * The version that takes requests no lane claims: the default route of the service. A
   * baseline other than the first version in natural order (a canary) is warned about.
   * @default - the first version in natural order
   */
  readonly baseline?: string;
  /**
   * Names of the services this one calls.
   * @default - none
   * @maxItems 1000
   */
  readonly calls?: string[];
  /**
   * Port of the Service and of the container.
   * @default - the chain's `port`, or 80
   * @asType integer
   * @minimum 1
   * @maximum 65535
   */
  readonly port?: number;
  /**
   * Name of the Service port. Istio reads the protocol from its prefix (`http`, `grpc`, `tcp`...).
   * @default - the chain's `portName`, or `http`
   */
  readonly portName?: string;
  /**
   * Write a ServiceAccount named after the service, which the pods of every version run as.
   * @default - the chain's `defaults.serviceAccount`, else false: the pods run as the namespace's `default`
   */
  readonly serviceAccount?: boolean;
  /**
   * Fault injection into canary lanes: delays and aborts for the requests of one lane that
   * reach this service. Not on the entry service, which picks the lanes. At most one per lane.
   * @default - none
   * @maxItems 100
   */
  readonly faults?: LaneFault[];
  /**
   * Dark launches: copies of a share of a lane's (or the baseline's) requests sent to a version
   * that takes no live traffic. Not on the entry service. At most one per lane and one for the baseline.
   * @default - none
   * @maxItems 100
   */
  readonly mirrors?: Mirror[];
}
