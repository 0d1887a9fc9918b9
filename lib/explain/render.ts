import { TracedPath } from './explain-types';
import { describeRouteSettings, RouteSettingsInfo } from './route-settings';
import { Branch, Call, isRouted, TraceGraph, Visit } from './trace-graph';

/**
 * Paths as a table: one line per path with its probability, then one line per hop naming the
 * rule that decided it.
 */
export function renderPaths(paths: readonly TracedPath[]): string {
  return paths.map(path => {
    const lines = [`${percent(path.probability)}  ${path.path.join(' > ')}${path.error ? `  !! ${path.error}` : ''}`];
    for (const hop of path.hops) {
      lines.push(`           ${hop.deployment}  via ${hop.via}${hop.settings === undefined ? '' : `  {${describeRouteSettings(hop.settings)}}`}`);
    }
    return `${lines.join('\n')}\n`;
  }).join('');
}

/** How many paths a trace has and how long they get, counted on its graph without listing them. */
export interface PathCounts {
  /** Paths, counting every combination of branches (identical paths would merge: an upper bound). */
  readonly paths: bigint;
  /** Hops of the longest path. */
  readonly longest: bigint;
}

/** Counts the paths of a traced request and the hops of the longest, in time linear in the graph. */
export function countPaths(graph: TraceGraph): PathCounts {
  const counted = new Map<Visit, PathCounts>();
  const ofVisit = (visit: Visit): PathCounts => {
    let counts = counted.get(visit);
    if (counts === undefined) {
      counts = visit.calls.map(ofCall).reduce(
        (sum, call) => ({ paths: sum.paths * call.paths, longest: sum.longest + call.longest }),
        { paths: 1n, longest: 0n });
      counted.set(visit, counts);
    }
    return counts;
  };
  const ofBranch = (branch: Branch): PathCounts => {
    if (!isRouted(branch)) return { paths: 1n, longest: 0n };
    const below = ofVisit(branch.visit);
    return { paths: below.paths, longest: below.longest + 1n };
  };
  const ofCall = (call: Call): PathCounts => call.branches.map(ofBranch).reduce(
    (sum, branch) => ({ paths: sum.paths + branch.paths, longest: branch.longest > sum.longest ? branch.longest : sum.longest }),
    { paths: 0n, longest: 0n });
  return ofCall(graph.entry);
}

/**
 * A traced request as text that stays readable however large the chain: the entry's branches,
 * then each {@link Visit} once, numbered `#n` in the order first reached, with its calls and
 * where they go. A visit reached again is named by its number only.
 */
export function renderTraceGraph(graph: TraceGraph): string {
  const numbers = numberVisits(graph);
  const lines = [`${graph.entry.caller} -> ${graph.entry.host}`, ...renderBranches(graph.entry.branches, numbers, '')];
  for (const [visit, id] of numbers) {
    const headers = Object.entries(visit.forwarded).map(([name, value]) => `${name}=${value}`).join(' ');
    const about = visit.cycle ?? (visit.calls.length === 0 ? '(calls nothing)' : '');
    lines.push('', [`#${id} ${visit.deployment}`, headers, about].filter(part => part !== '').join('  '));
    for (const call of visit.calls) lines.push(`  -> ${call.host}`, ...renderBranches(call.branches, numbers, '  '));
  }
  return `${lines.join('\n')}\n`;
}

function renderBranches(branches: readonly Branch[], numbers: Map<Visit, number>, indent: string): string[] {
  return branches.map(branch => {
    const share = `${indent}${percent(branch.share)}  `;
    if (isRouted(branch)) {
      const settings = branch.settings === undefined ? '' : `  {${describeRouteSettings(branch.settings)}}`;
      return `${share}#${numbers.get(branch.visit)} ${branch.visit.deployment}  via ${branch.via}${settings}`;
    }
    return `${share}!! ${branch.error}${branch.via === undefined ? '' : ` [${branch.via}]`}`;
  });
}

/** The JSON form of a traced request: the entry's branches and the visits, each once, by number. */
export interface TraceGraphJson {
  /** Paths, counting every combination of branches, as a decimal string (it may exceed 2^53). */
  readonly paths: string;
  /** Hops of the longest path, as a decimal string. */
  readonly longestPath: string;
  /** The request as it enters. */
  readonly entry: CallJson;
  /** Every visit, numbered from 1 in the order first reached. */
  readonly visits: VisitJson[];
}

/** A call in {@link TraceGraphJson}. */
export interface CallJson {
  /** Who sends it. */
  readonly caller: string;
  /** Host it is addressed to. */
  readonly host: string;
  /** Where it goes. */
  readonly branches: BranchJson[];
}

/** A branch in {@link TraceGraphJson}: a visit by number, or an error. */
export interface BranchJson {
  /** Share of the call's requests, rounded to 6 decimals. */
  readonly probability: number;
  /** The rule that decided, when one did. */
  readonly via?: string;
  /** The number of the visit reached. */
  readonly visit?: number;
  /** Why the requests could not be routed, or the status they ended with (an abort fault). */
  readonly error?: string;
  /** What the route did to the requests on the way: timeout, retries, mirror, delay. */
  readonly settings?: RouteSettingsInfo;
}

/** A visit in {@link TraceGraphJson}. */
export interface VisitJson {
  /** Its number. */
  readonly id: number;
  /** Deployment name. */
  readonly deployment: string;
  /** Deployment namespace. */
  readonly namespace: string;
  /** Headers it forwards. */
  readonly headers: Readonly<Record<string, string>>;
  /** Its calls, in order. */
  readonly calls: Array<{ readonly host: string; readonly branches: BranchJson[] }>;
  /** The call cycle it closes, if it does. */
  readonly cycle?: string;
}

/** {@link renderTraceGraph}'s content as plain JSON data. */
export function traceGraphJson(graph: TraceGraph): TraceGraphJson {
  const numbers = numberVisits(graph);
  const branchJson = (branch: Branch): BranchJson => {
    const probability = round(branch.share);
    if (isRouted(branch)) {
      const routed = { probability, via: branch.via, visit: numbers.get(branch.visit)! };
      return branch.settings === undefined ? routed : { ...routed, settings: branch.settings };
    }
    return branch.via === undefined ? { probability, error: branch.error } : { probability, via: branch.via, error: branch.error };
  };
  const counts = countPaths(graph);
  return {
    paths: counts.paths.toString(),
    longestPath: counts.longest.toString(),
    entry: { caller: graph.entry.caller, host: graph.entry.host, branches: graph.entry.branches.map(branchJson) },
    visits: [...numbers].map(([visit, id]) => ({
      id,
      deployment: visit.deployment,
      namespace: visit.namespace,
      headers: visit.forwarded,
      calls: visit.calls.map(call => ({ host: call.host, branches: call.branches.map(branchJson) })),
      ...(visit.cycle === undefined ? {} : { cycle: visit.cycle }),
    })),
  };
}

/** Numbers every visit from 1, breadth first from the entry, in the order of the calls and branches. */
function numberVisits(graph: TraceGraph): Map<Visit, number> {
  const numbers = new Map<Visit, number>();
  const queue: Visit[] = [];
  const reach = (call: Call) => {
    for (const branch of call.branches) {
      if (isRouted(branch) && !numbers.has(branch.visit)) {
        numbers.set(branch.visit, numbers.size + 1);
        queue.push(branch.visit);
      }
    }
  };
  reach(graph.entry);
  for (let next = 0; next < queue.length; next++) queue[next].calls.forEach(reach);
  return numbers;
}

/** A count that may be astronomically large, in words: exact up to a trillion, then like `1.2e166`. */
export function showCount(count: bigint): string {
  const digits = count.toString();
  if (digits.length <= 12) return digits;
  return `${digits[0]}.${digits[1]}e${digits.length - 1}`;
}

function percent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`.padStart(7);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
