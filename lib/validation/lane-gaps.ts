import { LaneMode } from '../lane-mode';
import { show } from './problems';
import { ChainContext, RuleOutput } from './rule-context';

/** The call graph both ways, over the first service of each name and known callees only. */
interface CallGraph {
  readonly callees: ReadonlyMap<string, readonly string[]>;
  readonly callers: ReadonlyMap<string, readonly string[]>;
}

function callGraph(chain: ChainContext): CallGraph {
  const callees = new Map<string, string[]>();
  const callers = new Map<string, string[]>([...chain.versionsOf.keys()].map(name => [name, []]));
  for (const service of chain.services) {
    if (callees.has(service.name)) continue;
    const own = [...new Set(service.calls ?? [])].filter(callee => callee !== service.name && callers.has(callee));
    callees.set(service.name, own);
    for (const callee of own) callers.get(callee)!.push(service.name);
  }
  return { callees, callers };
}

/**
 * In `sourceLabels` mode a lane survives a hop only if the caller runs the lane's version.
 * A gap is a service with version V whose caller lacks V while some service above that caller
 * has V: requests on lane V arrive from the caller's baseline and leave the lane. Gaps are
 * warnings, or problems with `strict: true`. Each version is searched once, breadth first,
 * so long chains cost linear time per version and cannot overflow the stack.
 */
export function checkLaneGaps(chain: ChainContext, out: RuleOutput): void {
  if ((chain.props.laneMode ?? LaneMode.SOURCE_LABELS) !== LaneMode.SOURCE_LABELS) return;
  const graph = callGraph(chain);
  const holders = new Map<string, string[]>();
  for (const [name, versions] of chain.versionsOf) {
    for (const version of versions) {
      const list = holders.get(version);
      if (list) list.push(name);
      else holders.set(version, [name]);
    }
  }
  const below = new Map<string, Set<string>>();
  const downstreamOf = (version: string): Set<string> => {
    let found = below.get(version);
    if (!found) {
      found = strictlyBelow(holders.get(version) ?? [], graph.callees);
      below.set(version, found);
    }
    return found;
  };

  const seen = new Set<string>();
  chain.services.forEach((service, index) => {
    if (seen.has(service.name)) return;
    seen.add(service.name);
    for (const version of Object.keys(service.versions)) {
      for (const caller of graph.callers.get(service.name) ?? []) {
        if (chain.versionsOf.get(caller)!.includes(version) || !downstreamOf(version).has(caller)) continue;
        const message = `lane ${show(version)} cannot pass ${show(caller)}, which has no ${show(version)}: `
          + `requests on that lane reach ${show(service.name)} from ${show(caller)}'s baseline and leave the lane. `
          + `Add ${show(version)} to ${show(caller)}, or use laneMode 'header' to carry the lane across it.`;
        if (chain.props.strict) out.problems.add(['services', index, 'versions', version], message);
        else out.warnings.push(message);
      }
    }
  });
}

/** The services called, directly or not, by any of `sources` (a source is included only if another reaches it). */
function strictlyBelow(sources: readonly string[], callees: ReadonlyMap<string, readonly string[]>): Set<string> {
  const reached = new Set<string>();
  const queue = sources.flatMap(source => callees.get(source) ?? []);
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (reached.has(node)) continue;
    reached.add(node);
    for (const next of callees.get(node) ?? []) if (!reached.has(next)) queue.push(next);
  }
  return reached;
}
