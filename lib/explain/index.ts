// Tracing requests through manifests: where will this send my traffic?
export type { ExplainEntry, ExplainOptions, Hop, TracedPath } from './explain-types';
export type { RouteSettingsInfo } from './route-settings';
export type { Branch, Call, FailedBranch, RoutedBranch, TraceGraph, Visit } from './trace-graph';
export { DEFAULT_EXPLAIN_BUDGET, ExplainBudgetError, isRouted, MAX_CALL_DEPTH, traceGraph } from './trace-graph';
export type { PathLimits } from './paths';
export { explain, MAX_LISTED_HOPS, MAX_PATHS, TooManyPathsError, tracedPaths } from './paths';
export type { BranchJson, CallJson, PathCounts, TraceGraphJson, VisitJson } from './render';
export { countPaths, renderPaths, renderTraceGraph, traceGraphJson } from './render';
export type { ExplainableChain } from './explain-chain';
export { explainChain, traceChain } from './explain-chain';
