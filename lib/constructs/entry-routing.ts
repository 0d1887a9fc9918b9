import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { VirtualServiceSpecHttp, VirtualServiceSpecHttpMatchHeaders } from '../../imports/networking.istio.io';
import { HeaderRoute, TrafficSource, Weights } from '../entry-props';
import { ChainModel } from '../model/chain-model';
import { virtualService } from './istio-objects';
import { versionDestination, weightedDestinations } from './route-parts';

/** The gateway name Istio uses for sidecar (in-mesh) traffic. @internal */
export const MESH_GATEWAY = 'mesh';

/** Props of {@link EntryRouting}. */
export interface EntryRoutingProps {
  /** The resolved chain. */
  readonly chain: ChainModel;
}

/**
 * How traffic enters the chain:
 * - a root VirtualService, bound to the gateways (and the mesh), that delegates every request
 *   under the URI prefix to the entry service's VirtualService;
 * - the entry service's VirtualService, without hosts (a delegate), holding the header routes,
 *   the gateway and mesh weights, and the default route, in that order.
 */
export class EntryRouting extends Construct {
  /** The root VirtualService. */
  public readonly root: ApiObject;
  /** The delegate VirtualService of the entry service. */
  public readonly delegate: ApiObject;

  constructor(scope: Construct, id: string, props: EntryRoutingProps) {
    super(scope, id);
    const { chain } = props;
    const entry = chain.entry;
    const delegateName = `vs-${entry.service}`;

    this.root = virtualService(this, 'Root', chain.apiVersion,
      { name: entry.rootName, namespace: entry.rootNamespace },
      {
        gateways: [...entry.gateways, ...(entry.mesh ? [MESH_GATEWAY] : [])],
        hosts: [...entry.hosts, ...(entry.mesh ? [`${entry.service}.${chain.effectiveNamespace}.svc.cluster.local`] : [])],
        http: [{
          match: [{ uri: { prefix: entry.uriPrefix } }],
          delegate: { name: delegateName, namespace: chain.effectiveNamespace },
        }],
      });

    this.delegate = virtualService(this, 'Delegate', chain.apiVersion,
      { name: delegateName, namespace: chain.namespace },
      { http: entryRules(chain) });
  }
}

function entryRules(chain: ChainModel): VirtualServiceSpecHttp[] {
  const entry = chain.entry;
  const service = chain.service(entry.service);
  const gatewaysOf = (sources: TrafficSource[]): string[] => [
    ...(sources.includes(TrafficSource.MESH) ? [MESH_GATEWAY] : []),
    ...(sources.includes(TrafficSource.GATEWAY) ? entry.gateways : []),
  ];
  const weighted = (sources: TrafficSource[], weights: Weights): VirtualServiceSpecHttp => ({
    match: [{ gateways: gatewaysOf(sources) }],
    route: weightedDestinations(chain, service, weights),
  });

  const rules: VirtualServiceSpecHttp[] = entry.headerRoutes.map(route => ({
    match: [{ gateways: gatewaysOf(route.from!), headers: headerMatch(route) }],
    route: [versionDestination(chain, service, route.version)],
  }));
  const { gatewayWeights, meshWeights } = entry;
  if (gatewayWeights && meshWeights && sameWeights(gatewayWeights, meshWeights)) {
    rules.push(weighted([TrafficSource.MESH, TrafficSource.GATEWAY], gatewayWeights));
  } else {
    if (gatewayWeights) rules.push(weighted([TrafficSource.GATEWAY], gatewayWeights));
    if (meshWeights) rules.push(weighted([TrafficSource.MESH], meshWeights));
  }
  if (entry.defaultVersion !== undefined) {
    rules.push({ route: [versionDestination(chain, service, entry.defaultVersion)] });
  }
  return rules;
}

/** A header route's condition, as an Istio `headers` match. A cookie becomes a regex on `cookie`. @internal */
export function headerMatch(route: HeaderRoute): Record<string, VirtualServiceSpecHttpMatchHeaders> {
  if (route.cookie !== undefined) {
    return { cookie: { regex: `^(.*;\\s*)?${escapeRegex(route.cookie)}=(${cookieValuePattern(route)})(;.*)?$` } };
  }
  return { [route.header!]: { exact: route.exact, prefix: route.prefix, regex: route.regex } };
}

/** The cookie's value as a regex: the regex given, or the exact value or prefix escaped. */
function cookieValuePattern(route: HeaderRoute): string {
  if (route.regex !== undefined) return route.regex;
  if (route.prefix !== undefined) return `${escapeRegex(route.prefix)}[^;]*`;
  return escapeRegex(route.exact ?? '');
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function sameWeights(a: Weights, b: Weights): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every(key => a[key] === b[key]);
}
