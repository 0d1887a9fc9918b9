import { LaneTrace } from './lane-trace';
import { RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { ChainModel } from '../model/chain-model';
import { WorkloadObjects } from '../props/chain-props';

/**
 * Routes to a version the chain writes with `replicas: 0`. Istio accepts them, and the requests
 * they take get 503, as no pod serves them:
 * - at the entry, a weight above 0, a header route or `defaultVersion`;
 * - behind it, a version some lane reaches (traced through the routing plan).
 * A warning, as scaling to 0 for a moment can be deliberate.
 */
export function checkScaledToZero(chain: ChainModel, trace: LaneTrace, out: RuleOutput): void {
  if (chain.workloads !== WorkloadObjects.ALL) return;
  checkLanesToZero(chain, trace, out);
  const entry = chain.service(chain.entry.service);
  const scaledDown = new Set(entry.versions.filter(version => version.replicas === 0).map(version => version.name));
  // Stryker disable next-line ConditionalExpression: a shortcut: with no version scaled down, the loops below find nothing
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
  // Stryker disable next-line ConditionalExpression: the set holds version names, never undefined; the check for undefined satisfies the types
  if (fallback !== undefined && scaledDown.has(fallback)) {
    out.warnings.push(`entry.defaultVersion: ${show(fallback)} has replicas: 0, so the requests no other route takes get 503; ${fix(fallback)}`);
  }
}

/** Versions behind the entry with `replicas: 0` that lanes reach, with the lanes. */
function checkLanesToZero(chain: ChainModel, trace: LaneTrace, out: RuleOutput): void {
  chain.services.forEach((service, i) => {
    // Stryker disable next-line ConditionalExpression: a shortcut: nothing calls the entry service, so no hop reaches its versions
    if (service.name === chain.entry.service) return;
    for (const version of service.versions) {
      if (version.replicas !== 0) continue;
      const lanes = [...new Set(trace.hops
        .filter(hop => hop.step.service === service.name && hop.step.version === version.name)
        .map(hop => hop.from.lane))];
      if (lanes.length === 0) continue;
      const several = lanes.length > 1;
      // Only its own lane reaches a version other than the baseline: another lane goes to the baseline.
      const elsewhere = version.name === service.baseline
        ? 'or make a version that has pods the baseline (`baseline`)'
        : `or remove the version so that its lane goes to the baseline ${show(service.baseline)}`;
      out.warnings.push(`services[${i}].versions.${version.name}: ${show(version.deploymentName)} has replicas: 0, but the lane${several ? 's' : ''} `
        + `${show(lanes)} ${several ? 'reach' : 'reaches'} it, so ${several ? 'their' : 'its'} requests get 503; scale it up, ${elsewhere}`);
    }
  });
}
