import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { destinationRule } from './istio-objects';
import {
  DestinationRuleSpecSubsetsTrafficPolicy, DestinationRuleSpecTrafficPolicy,
  DestinationRuleSpecTrafficPolicyLoadBalancerSimple, DestinationRuleSpecTrafficPolicyTlsMode,
} from '../../imports/networking.istio.io';
import { ServiceModel } from '../model/chain-model';
import { destinationRuleName } from '../model/naming';
import { TrafficPolicyModel } from '../model/traffic-model';
import { IstioApiVersion, LoadBalancer } from '../props/chain-props';

/** Props of {@link VersionedDestinationRule}. */
export interface VersionedDestinationRuleProps {
  /** The resolved service. */
  readonly service: ServiceModel;
  /** API version of the object. */
  readonly apiVersion: IstioApiVersion;
  /** @default - no namespace written */
  readonly namespace?: string;
  /**
   * Load balancer of the whole rule, when the service's traffic policy names none.
   * @default - the service's `trafficPolicy.loadBalancer`, else none written
   */
  readonly loadBalancer?: LoadBalancer;
}

/**
 * A DestinationRule `dr-<service>` with one subset per version, selected by the `version` label.
 * The service's traffic policy is the rule's; each version's own settings are its subset's.
 */
export class VersionedDestinationRule extends Construct {
  /** The DestinationRule. */
  public readonly object: ApiObject;

  constructor(scope: Construct, id: string, props: VersionedDestinationRuleProps) {
    super(scope, id);
    const { service } = props;
    this.object = destinationRule(this, 'Resource', props.apiVersion,
      { name: destinationRuleName(service.name), namespace: props.namespace },
      {
        host: service.name,
        trafficPolicy: istioTrafficPolicy({ loadBalancer: props.loadBalancer, ...service.trafficPolicy }),
        subsets: service.versions.map(version => ({
          name: version.name,
          labels: { version: version.name },
          // the subset's policy has the rule's fields; its binding only names its enums apart
          trafficPolicy: istioTrafficPolicy(version.subsetPolicy) as DestinationRuleSpecSubsetsTrafficPolicy | undefined,
        })),
      });
  }
}

/** A traffic policy as Istio writes it; none when no field is set. */
function istioTrafficPolicy(policy: TrafficPolicyModel): DestinationRuleSpecTrafficPolicy | undefined {
  const { connectionPool, loadBalancer, outlierDetection, tls } = policy;
  if (!connectionPool && !loadBalancer && !outlierDetection && !tls) return undefined;
  return {
    connectionPool: connectionPool && {
      tcp: connectionPool.tcp && { maxConnections: connectionPool.tcp.maxConnections, connectTimeout: connectionPool.tcp.connectTimeout },
      http: connectionPool.http && {
        http1MaxPendingRequests: connectionPool.http.http1MaxPendingRequests,
        http2MaxRequests: connectionPool.http.http2MaxRequests,
        maxRequestsPerConnection: connectionPool.http.maxRequestsPerConnection,
        maxRetries: connectionPool.http.maxRetries,
        idleTimeout: connectionPool.http.idleTimeout,
      },
    },
    loadBalancer: loadBalancer && { simple: loadBalancer as string as DestinationRuleSpecTrafficPolicyLoadBalancerSimple },
    outlierDetection: outlierDetection && {
      consecutive5XxErrors: outlierDetection.consecutive5xxErrors,
      consecutiveGatewayErrors: outlierDetection.consecutiveGatewayErrors,
      interval: outlierDetection.interval,
      baseEjectionTime: outlierDetection.baseEjectionTime,
      maxEjectionPercent: outlierDetection.maxEjectionPercent,
      minHealthPercent: outlierDetection.minHealthPercent,
    },
    tls: tls && { mode: tls as string as DestinationRuleSpecTrafficPolicyTlsMode },
  };
}
