import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { DestinationRuleSpecTrafficPolicyLoadBalancerSimple } from '../../imports/networking.istio.io';
import { LoadBalancer } from '../props/chain-props';
import { IstioApiVersion } from '../props/istio-api-version';
import { ServiceModel } from '../model/chain-model';
import { destinationRuleName } from '../model/naming';
import { destinationRule } from './istio-objects';

/** Props of {@link VersionedDestinationRule}. */
export interface VersionedDestinationRuleProps {
  /** The resolved service. */
  readonly service: ServiceModel;
  /** API version of the object. */
  readonly apiVersion: IstioApiVersion;
  /** @default - no namespace written */
  readonly namespace?: string;
  /** @default - no traffic policy written */
  readonly loadBalancer?: LoadBalancer;
}

/** A DestinationRule `dr-<service>` with one subset per version, selected by the `version` label. */
export class VersionedDestinationRule extends Construct {
  /** The DestinationRule. */
  public readonly object: ApiObject;

  constructor(scope: Construct, id: string, props: VersionedDestinationRuleProps) {
    super(scope, id);
    const { service, loadBalancer } = props;
    this.object = destinationRule(this, 'Resource', props.apiVersion,
      { name: destinationRuleName(service.name), namespace: props.namespace },
      {
        host: service.name,
        trafficPolicy: loadBalancer
          ? { loadBalancer: { simple: loadBalancer as string as DestinationRuleSpecTrafficPolicyLoadBalancerSimple } }
          : undefined,
        subsets: service.versions.map(version => ({ name: version.name, labels: { version: version.name } })),
      });
  }
}
