import { WorkloadObjects } from '../props/chain-props';
import { ChainModel } from '../model/chain-model';
import { show } from '../diagnostics/problems';
import { RuleOutput } from './rule-context';

/**
 * Entry routes to a version the chain writes with `replicas: 0`: a weight above 0, a header
 * route or `defaultVersion`. Istio accepts them, and the requests they take get 503, as no pod
 * serves them. A warning, as scaling to 0 for a moment can be deliberate.
 */
export function checkScaledToZero(chain: ChainModel, out: RuleOutput): void {
  if (chain.workloads !== WorkloadObjects.ALL) return;
  const entry = chain.service(chain.entry.service);
  const scaledDown = new Set(entry.versions.filter(version => version.replicas === 0).map(version => version.name));
  if (scaledDown.size === 0) return;
  const fix = (version: string) => `scale ${show(`${entry.name}-${version}`)} up or send its share elsewhere`;
  for (const field of ['gatewayWeights', 'meshWeights'] as const) {
    for (const [version, weight] of Object.entries(chain.entry[field] ?? {})) {
      if (weight > 0 && scaledDown.has(version)) {
        out.warnings.push(`entry.${field}.${version}: ${weight} of every 100 requests go to ${show(`${entry.name}-${version}`)}, which has `
          + `replicas: 0, so they get 503; ${fix(version)}`);
      }
    }
  }
  chain.entry.headerRoutes.forEach((route, i) => {
    if (scaledDown.has(route.version)) {
      out.warnings.push(`entry.headerRoutes[${i}].version: ${show(route.version)} has replicas: 0, so the requests this route takes get 503; ${fix(route.version)}`);
    }
  });
  const fallback = chain.entry.defaultVersion;
  if (fallback !== undefined && scaledDown.has(fallback)) {
    out.warnings.push(`entry.defaultVersion: ${show(fallback)} has replicas: 0, so the requests no other route takes get 503; ${fix(fallback)}`);
  }
}
