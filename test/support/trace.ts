import { ServiceChain } from '../../lib';
import { ExplainEntry, explainChain } from '../../lib/explain';

/** Traces a request through a chain's manifests, as `[probability, 'a-v1 > b-v1']` pairs (errors appended). */
export function trace(chain: ServiceChain, entry: ExplainEntry): Array<[number, string]> {
  return explainChain(chain, entry)
    .map(p => [p.probability, p.error ? `${p.path.join(' > ')} !! ${p.error}` : p.path.join(' > ')]);
}
