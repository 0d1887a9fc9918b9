import { HeaderRoute, TrafficSource, Weights } from '../entry-props';
import { LaneMode } from '../lane-mode';
import { ChainModel, EntryModel, ServiceModel } from '../model/chain-model';
import { compareNatural } from '../model/natural-order';

/** A node of the chain graph: an entry source, or the Deployment of one version. */
export interface GraphNode {
  /** Identifier safe in Mermaid and DOT. */
  readonly id: string;
  /** Text shown. */
  readonly label: string;
  /** The service the node belongs to; entry sources have none. */
  readonly service?: string;
  /** Whether this version is its service's baseline. */
  readonly baseline?: boolean;
}

/** An edge: how requests go from one node to the next. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** Weights, header rules or the lanes that take this edge. */
  readonly label: string;
  /** The request leaves its lane here and falls back to the callee's baseline. */
  readonly fallback: boolean;
}

/** The chain as a graph: entry sources, the versions of each service, the lanes and the fallbacks. */
export interface ChainGraph {
  /** Entry sources: the gateways and the mesh. */
  readonly sources: GraphNode[];
  /** Versions, grouped by service in chain order. */
  readonly services: Array<{ readonly name: string; readonly versions: GraphNode[] }>;
  readonly edges: GraphEdge[];
}

const nodeId = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_');
const versionId = (service: string, version: string) => nodeId(`${service}__${version}`);

/**
 * Draws the chain from its resolved model. Entry edges carry the header rules and weights;
 * each later edge is labelled with the lanes that take it. A lane is followed hop by hop:
 * it stays on its version where the callee has it and otherwise falls back to the callee's
 * baseline; in `sourceLabels` mode it then continues as the baseline's lane, in `header`
 * mode it keeps its own.
 */
export function chainGraph(chain: ChainModel): ChainGraph {
  const entry = chain.entry;
  const entryService = chain.service(entry.service);
  const sources: GraphNode[] = [
    ...(entry.gateways.length > 0 ? [{ id: 'source_gateway', label: `gateway ${entry.gateways.join(', ')}` }] : []),
    ...(entry.mesh ? [{ id: 'source_mesh', label: 'mesh' }] : []),
  ];
  const services = chain.services.map(service => ({
    name: service.name,
    versions: service.versions.map(v => ({
      id: versionId(service.name, v.name), label: v.deploymentName, service: service.name, baseline: v.name === service.baseline,
    })),
  }));

  const edges = new EdgeSet();
  addEntryEdges(chain.entry, edges);
  for (const version of entryService.versions) followLane(chain, entryService, version.name, version.name, edges, new Set());
  return { sources, services, edges: edges.list() };
}

/** Edges from the entry sources to the entry service's versions: header rules, weights, the default route. */
function addEntryEdges(entry: EntryModel, edges: EdgeSet): void {
  const target = (version: string) => versionId(entry.service, version);
  const sourceIds = (from: TrafficSource[]) => [
    ...(from.includes(TrafficSource.GATEWAY) && entry.gateways.length > 0 ? ['source_gateway'] : []),
    ...(from.includes(TrafficSource.MESH) && entry.mesh ? ['source_mesh'] : []),
  ];
  for (const route of entry.headerRoutes) {
    for (const source of sourceIds(route.from!)) edges.add(source, target(route.version), headerRuleLabel(route), false);
  }
  const weighted: Array<[TrafficSource, Weights | undefined]> = [
    [TrafficSource.GATEWAY, entry.gatewayWeights], [TrafficSource.MESH, entry.meshWeights],
  ];
  for (const [source, weights] of weighted) {
    for (const [version, weight] of Object.entries(weights ?? {}).sort(([a], [b]) => compareNatural(a, b))) {
      if (weight > 0) for (const id of sourceIds([source])) edges.add(id, target(version), `${weight}%`, false);
    }
  }
  if (entry.defaultVersion !== undefined) {
    for (const id of sourceIds([TrafficSource.GATEWAY, TrafficSource.MESH])) edges.add(id, target(entry.defaultVersion), 'default', false);
  }
}

/** A header rule in a few characters: `version ~ v1`, `x-lane = v2`, `cookie lane = v2`, `x-tenant ^= beta-`. */
function headerRuleLabel(route: HeaderRoute): string {
  const subject = route.cookie !== undefined ? `cookie ${route.cookie}` : `${route.header}`;
  if (route.exact !== undefined) return `${subject} = ${route.exact}`;
  if (route.prefix !== undefined) return `${subject} ^= ${route.prefix}`;
  return `${subject} ~ ${route.regex}`;
}

/** Follows lane `lane`, now running on `version` of `service`, to every callee. */
function followLane(
  chain: ChainModel, service: ServiceModel, version: string, lane: string, edges: EdgeSet, seen: Set<string>,
): void {
  const key = `${service.name}/${version}/${lane}`;
  if (seen.has(key)) return;
  seen.add(key);
  for (const calleeName of service.calls) {
    const callee = chain.service(calleeName);
    const reaches = chain.laneMode === LaneMode.HEADER ? lane : version;
    const target = callee.hasVersion(reaches) ? reaches : callee.baseline;
    edges.add(versionId(service.name, version), versionId(callee.name, target), `lane ${lane}`, target !== lane);
    const nextLane = chain.laneMode === LaneMode.HEADER ? lane : target;
    followLane(chain, callee, target, nextLane, edges, seen);
  }
}

/** Edges merged by endpoints and kind (lane kept or fallback), their labels joined, in the order first seen. */
class EdgeSet {
  private readonly edges = new Map<string, { from: string; to: string; labels: string[]; fallback: boolean }>();

  public add(from: string, to: string, label: string, fallback: boolean): void {
    const key = `${from}>${to}>${fallback}`;
    const edge = this.edges.get(key) ?? { from, to, labels: [], fallback };
    if (!edge.labels.includes(label)) edge.labels.push(label);
    this.edges.set(key, edge);
  }

  public list(): GraphEdge[] {
    return [...this.edges.values()].map(e => ({ from: e.from, to: e.to, label: e.labels.join(', '), fallback: e.fallback }));
  }
}
