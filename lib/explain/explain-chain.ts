import { ExplainEntry, ExplainOptions, TracedPath } from './explain-types';
import { tracedPaths } from './paths';
import { traceGraph, TraceGraph } from './trace-graph';
import { DEFAULT_NAMESPACE } from '../manifests';

/**
 * The lane mode in which the applications copy the lane header onto their calls: `header`,
 * the value of `LaneMode.HEADER` in the chain props (explain reads chains, it does not import their props).
 */
const HEADER_LANE_MODE = 'header';

/**
 * What explain needs of a chain, which a `ServiceChain` has: its objects, what each service
 * calls, and how lanes travel.
 */
export interface ExplainableChain {
  /** The chain's Kubernetes and Istio objects. */
  readonly objects: ReadonlyArray<{ toJson(): unknown }>;
  /** The chain's resolved model. */
  readonly model: {
    /** Each service and the hosts it calls. */
    readonly services: ReadonlyArray<{ readonly name: string; readonly calls: readonly string[] }>;
    /** How lanes travel: in `header` mode the applications forward the lane header. */
    readonly laneMode: string;
    /** The lane header. */
    readonly laneHeader: string;
  };
}

/**
 * The options that describe a chain's applications: each service calls its `calls`, and in
 * header mode forwards the lane header.
 */
function chainOptions(chain: ExplainableChain, budget: number | undefined): ExplainOptions {
  const model = chain.model;
  return {
    callGraph: Object.fromEntries(model.services.map(service => [service.name, [...service.calls]])),
    forwardHeaders: model.laneMode === HEADER_LANE_MODE ? [model.laneHeader] : [],
    defaultNamespace: DEFAULT_NAMESPACE,
    ...(budget === undefined ? {} : { budget }),
  };
}

/** Traces a request through a chain's own manifests, as a graph of shared sub-traces (see {@link traceGraph}). */
export function traceChain(chain: ExplainableChain, entry: ExplainEntry, budget?: number): TraceGraph {
  return traceGraph(chain.objects.map(object => object.toJson()), entry, chainOptions(chain, budget));
}

/**
 * Explains a request through a chain's own manifests, as the distribution of its paths (see
 * {@link tracedPaths}). The applications' behaviour comes from the chain: each service calls
 * its `calls`, and in header mode forwards the lane header.
 */
export function explainChain(chain: ExplainableChain, entry: ExplainEntry): TracedPath[] {
  return tracedPaths(traceChain(chain, entry));
}
