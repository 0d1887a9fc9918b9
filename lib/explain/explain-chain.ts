import type { ServiceChain } from '../constructs/service-chain';
import { LaneMode } from '../lane-mode';
import { ExplainEntry } from './entry';
import { ExplainOptions } from './options';
import { tracedPaths } from './paths';
import { TracedPath } from './traced-path';
import { traceGraph, TraceGraph } from './trace-graph';

/**
 * The options that describe a chain's applications: each service calls its `calls`, and in
 * header mode forwards the lane header.
 */
function chainOptions(chain: ServiceChain, budget: number | undefined): ExplainOptions {
  const model = chain.model;
  return {
    callGraph: Object.fromEntries(model.services.map(service => [service.name, service.calls])),
    forwardHeaders: model.laneMode === LaneMode.HEADER ? [model.laneHeader] : [],
    defaultNamespace: 'default',
    ...(budget === undefined ? {} : { budget }),
  };
}

/** Traces a request through a chain's own manifests, as a graph of shared sub-traces (see {@link traceGraph}). */
export function traceChain(chain: ServiceChain, entry: ExplainEntry, budget?: number): TraceGraph {
  return traceGraph(chain.objects.map(object => object.toJson()), entry, chainOptions(chain, budget));
}

/**
 * Explains a request through a chain's own manifests, as the distribution of its paths (see
 * {@link tracedPaths}). The applications' behaviour comes from the chain: each service calls
 * its `calls`, and in header mode forwards the lane header.
 */
export function explainChain(chain: ServiceChain, entry: ExplainEntry): TracedPath[] {
  return tracedPaths(traceChain(chain, entry));
}
