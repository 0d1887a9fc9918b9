import { ServiceChain } from '../../lib';
import { explain, ExplainEntry } from '../../lib/explain';

/** Traces a request through a chain's manifests, with the call graph and lane header of its props. */
export function trace(chain: ServiceChain, entry: ExplainEntry): Array<[number, string]> {
  const model = chain.model;
  return explain(chain.objects.map(o => o.toJson()), entry, {
    callGraph: Object.fromEntries(model.services.map(s => [s.name, s.calls])),
    forwardHeaders: model.laneMode === 'header' ? [model.laneHeader] : [],
  }).map(p => [p.probability, p.error ? `${p.path.join(' > ')} !! ${p.error}` : p.path.join(' > ')]);
}
