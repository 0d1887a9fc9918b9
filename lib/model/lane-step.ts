import { RouteMatch, RoutingPlan } from './routing-plan';
import { LaneMode } from '../props/chain-props';

/** Where a request is: the version of a service it runs on, and the lane it carries. */
export interface LanePosition {
  /** The service. */
  readonly service: string;
  /** The version of that service handling the request. */
  readonly version: string;
  /**
   * The lane the request belongs to. In `header` mode it is the lane header, which the
   * applications forward; in `sourceLabels` mode it is the caller's version.
   */
  readonly lane: string;
}

/** One hop of a request along its lane. */
export interface LaneStep extends LanePosition {
  /** Whether the request is still on its lane after this hop: it reached the lane's version. */
  readonly onLane: boolean;
  /** Whether it still carries its lane after the hop; in `sourceLabels` mode it takes the version it reached. */
  readonly keepsLane: boolean;
}

/**
 * Where a call from `from` to `callee` goes, read from the callee's rules in the plan: the
 * first rule that matches the caller's labels and the lane header decides. Afterwards the
 * request carries on in the lane header's lane (`header` mode) or in the lane of the version
 * it reached (`sourceLabels` mode, where the lane is the caller's version).
 */
export function laneStep(plan: RoutingPlan, from: LanePosition, callee: string): LaneStep {
  const lanePlan = plan.lanes.find(lane => lane.service === callee);
  if (!lanePlan) throw new Error(`'${callee}' has no lane routing; only services behind the entry are called`);
  const rule = lanePlan.rules.find(r => r.matches.length === 0 || r.matches.some(m => holds(m, from, plan.laneMode)));
  const version = rule!.targets[0].version;
  const lane = plan.laneMode === LaneMode.HEADER ? from.lane : version;
  return { service: callee, version, lane, onLane: version === from.lane, keepsLane: lane === from.lane };
}

function holds(match: RouteMatch, from: LanePosition, laneMode: LaneMode): boolean {
  // Stryker disable next-line ConditionalExpression: a rule lists every caller that has its version, so a caller on that version is always listed
  if (match.caller && (match.caller.service !== from.service || match.caller.version !== from.version)) return false;
  // Stryker disable next-line ConditionalExpression: the plan writes lane matches in header mode only
  if (match.lane !== undefined && (laneMode !== LaneMode.HEADER || match.lane !== from.lane)) return false;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: lane rules never hold sources or headers (entry rules do, and the entry is never called)
  return match.sources === undefined && match.header === undefined;
}
