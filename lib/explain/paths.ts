import { ExplainEntry, ExplainOptions, Hop, TracedPath } from './explain-types';
import { Call, isRouted, traceGraph, TraceGraph, Visit } from './trace-graph';
import { compareText } from '../manifests';

/** Most distinct paths {@link tracedPaths} lists before giving up. */
export const MAX_PATHS = 10000;

/** Most hops {@link tracedPaths} lists, over all paths together, before giving up. */
export const MAX_LISTED_HOPS = 1_000_000;

/** How many paths, and hops in all, a listing may hold. */
export interface PathLimits {
  /** Most distinct paths. @default MAX_PATHS */
  readonly paths?: number;
  /** Most hops over all paths together. @default MAX_LISTED_HOPS */
  readonly hops?: number;
}

/** Thrown when the paths of a trace are too many, or too long, to list. */
export class TooManyPathsError extends Error {
  constructor(what: string) {
    super(`explain: the paths are ${what}; narrow the entry or the call graph, or read the trace graph `
      + '(traceGraph; `service-chain explain --tree`), which shows each shared sub-trace once');
    this.name = 'TooManyPathsError';
  }
}

/** One way (part of) a request travels, before rounding and sorting. */
interface Outcome {
  readonly probability: number;
  readonly path: string[];
  readonly hops: Hop[];
  readonly errors: string[];
}

/**
 * Every path of a traced request, with its probability: the combinations of the branches of
 * every call, each path listing the Deployments visited depth first, callers before callees.
 * Identical paths (same Deployments, hops and errors) are merged.
 *
 * @returns paths, most likely first (ties by path); a path whose routing failed somewhere carries `error`.
 * @throws TooManyPathsError past the limits: paths multiply with every call that branches, and
 *   grow with every fan-in (a service reached from two callers appears twice in a path).
 */
export function tracedPaths(graph: TraceGraph, limits: PathLimits = {}): TracedPath[] {
  const lister = new PathLister(limits.paths ?? MAX_PATHS, limits.hops ?? MAX_LISTED_HOPS);
  return lister.callOutcomes(graph.entry)
    .map(tracedPath)
    .sort((a, b) => b.probability - a.probability || compareText(a.path.join(' '), b.path.join(' ')));
}

class PathLister {
  private readonly byVisit = new Map<Visit, Outcome[]>();

  constructor(private readonly maxPaths: number, private readonly maxHops: number) {}

  /** The outcomes of one call: each branch's, scaled by its share. */
  public callOutcomes(call: Call): Outcome[] {
    return this.merge(call.branches.flatMap(branch => {
      if (!isRouted(branch)) {
        const where = branch.via === undefined ? '' : ` [${branch.via}]`;
        return [{ probability: branch.share, path: [], hops: [], errors: [`${call.caller} -> ${call.host}: ${branch.error}${where}`] }];
      }
      const hop: Hop = branch.settings === undefined
        ? { deployment: branch.visit.deployment, via: branch.via }
        : { deployment: branch.visit.deployment, via: branch.via, settings: branch.settings };
      return this.visitOutcomes(branch.visit).map(outcome => ({
        probability: outcome.probability * branch.share,
        path: [hop.deployment, ...outcome.path],
        hops: [hop, ...outcome.hops],
        errors: outcome.errors,
      }));
    }));
  }

  /** The outcomes of what a Deployment does after it is reached: its calls, one after another. */
  private visitOutcomes(visit: Visit): Outcome[] {
    let outcomes = this.byVisit.get(visit);
    if (outcomes !== undefined) return outcomes;
    outcomes = [{ probability: 1, path: [], hops: [], errors: visit.cycle === undefined ? [] : [visit.cycle] }];
    for (const call of visit.calls) outcomes = this.combine(outcomes, this.callOutcomes(call));
    this.byVisit.set(visit, outcomes);
    return outcomes;
  }

  /** Every outcome so far followed by every outcome of one more call: paths concatenated, probabilities multiplied. */
  private combine(before: Outcome[], call: Outcome[]): Outcome[] {
    this.check(before.length * call.length, sumHops(before) * call.length + sumHops(call) * before.length);
    return this.merge(before.flatMap(first => call.map(second => ({
      probability: first.probability * second.probability,
      path: [...first.path, ...second.path],
      hops: [...first.hops, ...second.hops],
      errors: [...first.errors, ...second.errors],
    }))));
  }

  /** Outcomes with identical paths merged, probabilities summed; first occurrence order kept. */
  private merge(outcomes: Outcome[]): Outcome[] {
    if (outcomes.length < 2) return outcomes;
    const merged = new Map<string, Outcome>();
    for (const outcome of outcomes) {
      const key = JSON.stringify([outcome.path, outcome.hops.map(hop => hop.via), outcome.errors]);
      const known = merged.get(key);
      merged.set(key, known === undefined ? outcome : { ...known, probability: known.probability + outcome.probability });
    }
    this.check(merged.size, 0);
    return [...merged.values()];
  }

  private check(paths: number, hops: number): void {
    if (paths > this.maxPaths) throw new TooManyPathsError(`too many to list: more than ${this.maxPaths} distinct paths`);
    if (hops > this.maxHops) throw new TooManyPathsError(`too long to list: more than ${this.maxHops} hops in all, as a service reached by several callers appears once per caller`);
  }
}

function sumHops(outcomes: Outcome[]): number {
  return outcomes.reduce((sum, outcome) => sum + outcome.hops.length, 0);
}

function tracedPath(outcome: Outcome): TracedPath {
  const probability = Math.round(outcome.probability * 1e6) / 1e6;
  const base = { probability, path: outcome.path, hops: outcome.hops };
  return outcome.errors.length === 0 ? base : { ...base, error: outcome.errors.join('; ') };
}

/**
 * Traces where a request goes through the mesh, hop by hop, from synthesised manifests alone
 * (Deployments, Services, DestinationRules and VirtualServices as parsed from YAML), and returns
 * the distribution of its paths: {@link traceGraph}, then {@link tracedPaths}.
 *
 * The first VirtualService (in manifest order) that binds the request's host on its gateway (or
 * `mesh`) routes it; without one, a mesh request goes straight to the Service's Deployments.
 * Each Deployment reached then calls the hosts `options.callGraph` lists for its `app` label, as mesh
 * requests carrying only the `options.forwardHeaders`. A path lists every Deployment visited, callers
 * before callees, with the product of the probabilities on the way.
 *
 * @returns paths, most likely first (ties by path); a path whose routing failed somewhere carries `error`.
 * @throws TooManyPathsError past 10000 distinct paths or a million hops in all; ExplainBudgetError
 *   when tracing needs more steps than the budget; Error on a regex that is not valid RE2.
 */
export function explain(manifests: unknown[], entry: ExplainEntry, options: ExplainOptions): TracedPath[] {
  return tracedPaths(traceGraph(manifests, entry, options, options.budget));
}
