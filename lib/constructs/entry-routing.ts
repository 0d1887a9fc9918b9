import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { istioHttpRoute, MESH_GATEWAY } from './istio-http-routes';
import { virtualService } from './istio-objects';
import { ChainModel } from '../model/chain-model';
import { virtualServiceName } from '../model/naming';

/** Props of {@link EntryRouting}. */
export interface EntryRoutingProps {
  /** The resolved chain; its routing plan's entry is rendered. */
  readonly chain: ChainModel;
}

/**
 * How traffic enters the chain, rendered from the routing plan:
 * - a root VirtualService, bound to the gateways (and the mesh), that delegates every request
 *   under the URI prefix to the entry service's VirtualService;
 * - the entry service's VirtualService, without hosts (a delegate), holding the entry's rules:
 *   the header routes, the gateway and mesh weights, and the default route, in that order.
 */
export class EntryRouting extends Construct {
  /** The root VirtualService. */
  public readonly root: ApiObject;
  /** The delegate VirtualService of the entry service. */
  public readonly delegate: ApiObject;

  constructor(scope: Construct, id: string, props: EntryRoutingProps) {
    super(scope, id);
    const { chain } = props;
    const entry = chain.routing.entry;
    const delegateName = virtualServiceName(entry.service);

    this.root = virtualService(this, 'Root', chain.apiVersion,
      { name: chain.entry.rootName, namespace: chain.entry.rootNamespace },
      {
        gateways: [...entry.gateways, ...(entry.mesh ? [MESH_GATEWAY] : [])],
        hosts: [...entry.hosts, ...(entry.mesh ? [`${entry.service}.${chain.effectiveNamespace}.svc.cluster.local`] : [])],
        http: [{
          match: [{ uri: { prefix: entry.uriPrefix } }],
          delegate: { name: delegateName, namespace: chain.effectiveNamespace },
        }],
      });

    const context = { host: entry.service, gateways: entry.gateways, laneHeader: chain.routing.laneHeader };
    this.delegate = virtualService(this, 'Delegate', chain.apiVersion,
      { name: delegateName, namespace: chain.namespace },
      { http: entry.rules.map(rule => istioHttpRoute(rule, context)) });
  }
}
