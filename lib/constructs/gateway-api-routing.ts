import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { HttpRouteContext, httpRouteRule, rulesForSource } from './gateway-api-routes';
import { HttpRoute, HttpRouteSpecParentRefs, HttpRouteSpecRules } from '../../imports/gateway.networking.k8s.io';
import { ChainModel } from '../model/chain-model';
import { httpRouteName, ingressRouteName, versionServiceName } from '../model/naming';
import { RouteRule } from '../model/routing-plan';
import { TrafficSource } from '../props/entry-props';

/** Props of {@link GatewayApiRouting}. */
export interface GatewayApiRoutingProps {
  /** The resolved chain; its whole routing plan is rendered. */
  readonly chain: ChainModel;
}

/**
 * The chain's routing as Gateway API HTTPRoutes, rendered from the routing plan:
 * - `route-gateway-<entry>`, attached to the entry's Gateways with the entry's hosts: the
 *   entry's rules for gateway traffic;
 * - `route-<entry>`, attached to the entry's Service (GAMMA, mesh traffic): the entry's rules
 *   for mesh traffic, when the entry takes it;
 * - `route-<service>` for every service behind the entry, attached to its Service: the lane rules.
 * Every backend is the Service of one version, `<service>-<version>`.
 */
export class GatewayApiRouting extends Construct {
  /** The HTTPRoute on the Gateways, when the entry is bound to any. */
  public readonly ingress?: ApiObject;
  /** The HTTPRoute on the entry's Service, when the entry takes mesh traffic. */
  public readonly entryMesh?: ApiObject;
  /** The HTTPRoutes of the services behind the entry, in chain order. */
  public readonly laneRoutes: ApiObject[];

  constructor(scope: Construct, id: string, props: GatewayApiRoutingProps) {
    super(scope, id);
    const { chain } = props;
    const entry = chain.routing.entry;
    const namespace = chain.namespace;
    const contextOf = (service: string, pathPrefix?: string): HttpRouteContext => ({
      backend: version => ({ name: versionServiceName(service, version), port: chain.service(service).port }),
      laneHeader: chain.routing.laneHeader,
      pathPrefix,
    });
    const rules = (planRules: readonly RouteRule[], context: HttpRouteContext): HttpRouteSpecRules[] =>
      planRules.map(rule => httpRouteRule(rule, context));
    const pathPrefix = entry.uriPrefix === '/' ? undefined : entry.uriPrefix;
    const serviceParent = (service: string): HttpRouteSpecParentRefs => ({ group: '', kind: 'Service', name: service });

    if (entry.gateways.length > 0) {
      this.ingress = new HttpRoute(this, 'Ingress', {
        metadata: { name: ingressRouteName(entry.service), namespace },
        spec: {
          parentRefs: entry.gateways.map(ref => ({ name: ref.split('/')[1], namespace: ref.split('/')[0] })),
          hostnames: entry.hosts.length > 0 && !entry.hosts.includes('*') ? [...entry.hosts] : undefined,
          rules: rules(rulesForSource(entry.rules, TrafficSource.GATEWAY), contextOf(entry.service, pathPrefix)),
        },
      });
    }
    if (entry.mesh) {
      this.entryMesh = new HttpRoute(this, 'EntryMesh', {
        metadata: { name: httpRouteName(entry.service), namespace },
        spec: {
          parentRefs: [serviceParent(entry.service)],
          rules: rules(rulesForSource(entry.rules, TrafficSource.MESH), contextOf(entry.service, pathPrefix)),
        },
      });
    }
    this.laneRoutes = chain.routing.lanes.map(lane => new HttpRoute(this, `${lane.service}-Lanes`, {
      metadata: { name: httpRouteName(lane.service), namespace },
      spec: { parentRefs: [serviceParent(lane.service)], rules: rules(lane.rules, contextOf(lane.service)) },
    }));
  }

  /** Every HTTPRoute, in reading order: the ingress route, the entry's mesh route, the lane routes. */
  public get objects(): ApiObject[] {
    return [...(this.ingress ? [this.ingress] : []), ...(this.entryMesh ? [this.entryMesh] : []), ...this.laneRoutes];
  }
}
