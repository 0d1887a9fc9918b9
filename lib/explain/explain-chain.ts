import type { ServiceChain } from '../constructs/service-chain';
import { LaneMode } from '../props/lane-mode';
import { ExplainEntry } from './entry';
import { TracedPath } from './traced-path';
import { explain } from './trace';

/**
 * Explains a request through a chain's own manifests. The applications' behaviour comes from
 * the chain: each service calls its `calls`, and in header mode forwards the lane header.
 */
export function explainChain(chain: ServiceChain, entry: ExplainEntry): TracedPath[] {
  const model = chain.model;
  return explain(chain.objects.map(object => object.toJson()), entry, {
    callGraph: Object.fromEntries(model.services.map(service => [service.name, service.calls])),
    forwardHeaders: model.laneMode === LaneMode.HEADER ? [model.laneHeader] : [],
    defaultNamespace: 'default',
  });
}
