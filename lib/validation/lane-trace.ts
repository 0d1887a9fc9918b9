import { ChainModel } from '../model/chain-model';
import { LanePosition, LaneStep, laneStep } from '../model/lane-step';
import { RoutingPlan } from '../model/routing-plan';

/** One hop of a traced request: where it was, and where the call went. */
export interface TracedHop {
  readonly from: LanePosition;
  readonly step: LaneStep;
}

/** Every place a request from the entry can be, and every hop it can take, read from the routing plan. */
export interface LaneTrace {
  /** The versions of the entry service some entry route sends requests to (a weight above 0, a header route, the default). */
  readonly entryVersions: ReadonlySet<string>;
  /** Every position reached, the entry's included. */
  readonly positions: readonly LanePosition[];
  /** Every hop from a reached position to a callee. */
  readonly hops: readonly TracedHop[];
}

/**
 * Follows requests from the entry through the chain exactly as the routing objects send them:
 * they start at each version of the entry service that an entry rule routes to, in that
 * version's lane, and go from service to service with {@link laneStep}.
 */
export function traceLanes(chain: ChainModel): LaneTrace {
  const plan = chain.routing;
  const entryVersions = new Set<string>();
  for (const rule of plan.entry.rules) {
    for (const target of rule.targets) if (target.weight === undefined || target.weight > 0) entryVersions.add(target.version);
  }
  // Views of the plan holding one service's lane rules each: laneStep then finds them at once,
  // however long the chain.
  const views = new Map<string, RoutingPlan>();
  const viewOf = (callee: string): RoutingPlan => {
    let view = views.get(callee);
    // Stryker disable next-line ConditionalExpression: a view made again holds the same rules (views only make the lookups fast)
    if (!view) {
      // Stryker disable next-line MethodExpression,ConditionalExpression: laneStep picks the callee's rules by service from any view (views only make the lookups fast)
      view = { ...plan, lanes: plan.lanes.filter(lane => lane.service === callee) };
      views.set(callee, view);
    }
    return view;
  };
  const positions: LanePosition[] = [];
  const hops: TracedHop[] = [];
  const seen = new Set<string>();
  const stack: LanePosition[] = chain.service(plan.entry.service).versions
    .filter(version => entryVersions.has(version.name))
    .map(version => ({ service: plan.entry.service, version: version.name, lane: version.name }));
  while (stack.length > 0) {
    const at = stack.pop()!;
    const key = `${at.service}\0${at.version}\0${at.lane}`;
    // Stryker disable next-line ConditionalExpression: the call graph is acyclic, so a second visit ends too; its readers keep positions and hops in sets
    if (seen.has(key)) continue;
    seen.add(key);
    positions.push(at);
    for (const callee of chain.service(at.service).calls) {
      const step = laneStep(viewOf(callee), at, callee);
      hops.push({ from: at, step });
      stack.push(step);
    }
  }
  return { entryVersions, positions, hops };
}
