import { ExplainEntry } from './entry';
import { ExplainOptions } from './options';
import { tracedPaths } from './paths';
import { TracedPath } from './traced-path';
import { traceGraph } from './trace-graph';

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
