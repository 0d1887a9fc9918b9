import { ChainModel } from '../model/chain-model';
import { LanePosition, laneStep } from '../model/lane-step';
import { EntryPlan, HeaderCondition } from '../model/routing-plan';
import { TrafficSource } from '../props/entry-props';

/** A node of the chain graph: an entry source, or the Deployment of one version. */
export interface GraphNode {
  /** Unique identifier: `source:gateway`, `source:mesh` or `<service>/<version>`; renderers map it to ids of their own. */
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

/** A node's id: `<service>/<version>`, unique because neither name can hold a `/`. Renderers make their own ids. */
const versionId = (service: string, version: string) => `${service}/${version}`;

/**
 * Draws the chain from its routing plan. Entry edges carry the header rules and weights of
 * the entry's rules; each later edge is labelled with the lanes that take it. A lane is
 * followed hop by hop with {@link laneStep}, which reads each callee's rules: it stays on its
 * version where the callee routes it there and otherwise falls back to the callee's baseline;
 * in `sourceLabels` mode it then continues as the baseline's lane, in `header` mode it keeps its own.
 */
export function chainGraph(chain: ChainModel): ChainGraph {
  const plan = chain.routing;
  const entryService = chain.service(plan.entry.service);
  const sources: GraphNode[] = [
    ...(plan.entry.gateways.length > 0 ? [{ id: 'source:gateway', label: `gateway ${plan.entry.gateways.join(', ')}` }] : []),
    ...(plan.entry.mesh ? [{ id: 'source:mesh', label: 'mesh' }] : []),
  ];
  const services = chain.services.map(service => ({
    name: service.name,
    versions: service.versions.map(v => ({
      id: versionId(service.name, v.name), label: v.deploymentName, service: service.name, baseline: v.name === service.baseline,
    })),
  }));

  const edges = new EdgeSet();
  addEntryEdges(plan.entry, edges);
  const seen = new Set<string>();
  for (const version of entryService.versions) {
    followLane(chain, { service: entryService.name, version: version.name, lane: version.name }, edges, seen);
  }
  return { sources, services, edges: edges.list() };
}

/** Edges from the entry sources to the entry service's versions: one per rule, source and target taken. */
function addEntryEdges(entry: EntryPlan, edges: EdgeSet): void {
  const sourceIds = (from: readonly TrafficSource[]) => [
    ...(from.includes(TrafficSource.GATEWAY) && entry.gateways.length > 0 ? ['source:gateway'] : []),
    ...(from.includes(TrafficSource.MESH) && entry.mesh ? ['source:mesh'] : []),
  ];
  for (const rule of entry.rules) {
    const from = rule.matches.length === 0 ? [TrafficSource.GATEWAY, TrafficSource.MESH] : rule.matches.flatMap(m => m.sources ?? []);
    const header = rule.matches.find(m => m.header)?.header;
    for (const source of sourceIds(from)) {
      for (const target of rule.targets) {
        if (target.weight === 0) continue;
        const label = header ? headerRuleLabel(header) : target.weight !== undefined ? `${target.weight}%` : 'default';
        edges.add(source, versionId(entry.service, target.version), label, false);
      }
    }
  }
}

/** A header rule in a few characters: `version ~ v1`, `x-lane = v2`, `cookie lane = v2`, `x-tenant ^= beta-`. */
function headerRuleLabel(condition: HeaderCondition): string {
  const subject = condition.on === 'cookie' ? `cookie ${condition.name}` : condition.name;
  const operator = { exact: '=', prefix: '^=', regex: '~' }[condition.kind];
  return `${subject} ${operator} ${condition.value}`;
}

/** Follows a request at `at` to every callee, and on from there, each (service, version, lane) once. */
function followLane(chain: ChainModel, at: LanePosition, edges: EdgeSet, seen: Set<string>): void {
  const key = `${at.service}/${at.version}/${at.lane}`;
  if (seen.has(key)) return;
  seen.add(key);
  for (const callee of chain.service(at.service).calls) {
    const next = laneStep(chain.routing, at, callee);
    edges.add(versionId(at.service, at.version), versionId(callee, next.version), `lane ${at.lane}`, !next.onLane);
    followLane(chain, next, edges, seen);
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
