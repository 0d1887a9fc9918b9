import { checkEntryVersion } from './entry-versions';
import { ChainContext, RuleOutput } from './rule-context';
import { PathSegment, show } from '../diagnostics/problems';
import { laneModeOf, routeSourcesOf } from '../model/defaults';
import { LaneMode } from '../props/chain-props';
import { HeaderRoute, TrafficSource } from '../props/entry-props';

/**
 * The entry's routes, as the entry service's VirtualService lists them: header routes, weights,
 * default route.
 * - The entry takes traffic from somewhere: a gateway or the mesh.
 * - Each header route sets one of `header`/`cookie` and one of `exact`/`prefix`/`regex`, names a
 *   version of the entry service, and its `from` lists sources the entry is bound to, each once
 *   (an empty `from` would write an empty gateway match, which Istio reads as "every source").
 * - `defaultVersion` is a version of the entry service; without it, gateway and mesh traffic
 *   need weights, or requests no rule takes would get 404.
 * - `uriPrefix` starts with '/', as every request path does.
 * - `laneHeader` only matters in `header` mode; it is warned about otherwise.
 */
export function checkEntryRoutes(chain: ChainContext, out: RuleOutput): void {
  const { entry } = chain;
  const { problems } = out;
  if (chain.gateways.length === 0 && !chain.meshBound) {
    problems.add(['entry', 'mesh'], 'is false and the entry has no gateways, so no traffic can reach the chain; '
      + 'add `entry.gateways` (or `entry.createGateways`), or set `mesh: true`');
  }
  (entry.headerRoutes ?? []).forEach((route, i) => checkHeaderRoute(chain, out, ['entry', 'headerRoutes', i], route));
  if (entry.defaultVersion !== undefined) {
    checkEntryVersion(chain, out, ['entry', 'defaultVersion'], entry.defaultVersion);
  } else {
    if (chain.gateways.length > 0 && !entry.gatewayWeights) {
      problems.add(['entry', 'gatewayWeights'], 'is missing and there is no `defaultVersion`: gateway requests that no header route takes '
        + 'would get 404; set one of them');
    }
    if (chain.meshBound && !entry.meshWeights) {
      problems.add(['entry', 'meshWeights'], 'is missing and there is no `defaultVersion`: mesh requests to the entry would get 404; '
        + 'set one of them, or `mesh: false`');
    }
  }
  if (entry.uriPrefix !== undefined && !entry.uriPrefix.startsWith('/')) {
    problems.add(['entry', 'uriPrefix'], `${show(entry.uriPrefix)} does not start with '/', so no request path matches it; write ${show(`/${entry.uriPrefix}`)}`);
  }
  const laneMode = laneModeOf(chain.props);
  if (chain.props.laneHeader !== undefined && laneMode !== LaneMode.HEADER) {
    out.warnings.push(`laneHeader: ${show(chain.props.laneHeader)} is ignored in laneMode ${show(laneMode)}; `
      + "set `laneMode: 'header'` to carry the lane in that header, or remove `laneHeader`");
  }
}

function checkHeaderRoute(chain: ChainContext, out: RuleOutput, path: PathSegment[], route: HeaderRoute): void {
  const { problems } = out;
  checkEntryVersion(chain, out, [...path, 'version'], route.version);
  const subjects = [route.header, route.cookie].filter(x => x !== undefined);
  if (subjects.length !== 1) problems.add(path, `sets ${subjects.length === 0 ? 'neither `header` nor' : 'both `header` and'} \`cookie\`; set exactly one`);
  const conditions = [route.exact, route.prefix, route.regex].filter(x => x !== undefined);
  if (conditions.length !== 1) problems.add(path, `sets ${conditions.length} of \`exact\`, \`prefix\`, \`regex\`; set exactly one`);

  const from = routeSourcesOf(route);
  if (from.length === 0) {
    problems.add([...path, 'from'], 'is empty, which Istio reads as "from every source"; list the sources, such as `[gateway]` or `[gateway, mesh]`');
    return;
  }
  from.forEach((source, j) => {
    if (from.indexOf(source) !== j) problems.add([...path, 'from', j], `${show(source)} is listed twice; list each source once`);
  });
  if (from.includes(TrafficSource.GATEWAY) && chain.gateways.length === 0) {
    problems.add([...path, 'from'], `${route.from ? 'includes `gateway`' : 'is `[gateway]` when not set,'} but the entry has no gateways; `
      + 'add `entry.gateways` or set `from: [mesh]`');
  }
  if (from.includes(TrafficSource.MESH) && !chain.meshBound) {
    problems.add([...path, 'from'], 'includes `mesh` but `entry.mesh` is false, so no mesh traffic reaches this route; remove `mesh` or set `entry.mesh: true`');
  }
}
