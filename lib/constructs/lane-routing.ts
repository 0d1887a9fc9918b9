import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { istioHttpRoute } from './istio-http-routes';
import { virtualService } from './istio-objects';
import { ChainModel, ServiceModel } from '../model/chain-model';
import { virtualServiceName } from '../model/naming';

/** Props of {@link LaneRouting}. */
export interface LaneRoutingProps {
  /** The resolved chain. */
  readonly chain: ChainModel;
  /** The service routed, one that is not the entry. */
  readonly service: ServiceModel;
}

/**
 * The VirtualService `vs-<service>` of a service behind the entry, rendered from the
 * service's rules in the routing plan. It keeps each request in its lane and sends
 * everything else to the service's baseline:
 * - `sourceLabels` mode: a route per version, matching callers with that `version` label;
 * - `header` mode: a route per non-baseline version, matching the lane header exactly.
 */
export class LaneRouting extends Construct {
  /** The VirtualService. */
  public readonly object: ApiObject;

  constructor(scope: Construct, id: string, props: LaneRoutingProps) {
    super(scope, id);
    const { chain, service } = props;
    const plan = chain.routing.lanes.find(lane => lane.service === service.name);
    if (!plan) throw new Error(`'${service.name}' is the entry service; its routing is EntryRouting's`);
    // Stryker disable next-line ArrayDeclaration: lane rules match no sources, so the gateways are never read
    const context = { host: service.name, gateways: [], laneHeader: chain.routing.laneHeader };
    this.object = virtualService(this, 'Resource', chain.apiVersion,
      { name: virtualServiceName(service.name), namespace: chain.namespace },
      { hosts: [service.name], http: plan.rules.map(rule => istioHttpRoute(rule, context)) });
  }
}
