// Tracing requests through manifests: where will this send my traffic?
export type { ExplainEntry } from './entry';
export type { ExplainOptions } from './options';
export type { Hop, TracedPath } from './traced-path';
export { explain } from './trace';
export { explainChain } from './explain-chain';
