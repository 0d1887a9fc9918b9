import { LaneTrace } from './lane-trace';
import { RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { ChainModel } from '../model/chain-model';
import { compareNatural } from '../model/natural-order';

/**
 * A canary used as a baseline. A service's stable version is its first version in natural
 * order; the others are canaries. A service behind the entry whose `baseline` names a canary
 * sends that canary every request that belongs to no lane of its own: calls from workloads
 * outside the chain, and the lanes it lacks (traced through the routing plan, and named). The
 * entry service is not concerned: its routes, not its baseline, decide where requests go.
 * A warning: after a promotion the newer version may be meant as the stable one.
 */
export function checkCanaryBaseline(chain: ChainModel, trace: LaneTrace, out: RuleOutput): void {
  chain.services.forEach((service, i) => {
    const stable = service.versions[0]?.name;
    if (service.name === chain.entry.service || service.baseline === stable) return;
    const strayLanes = [...new Set(trace.hops
      // A call that leaves its lane goes to the baseline: the only rules that route elsewhere are a lane's own.
      .filter(hop => hop.step.service === service.name && !hop.step.onLane)
      .map(hop => hop.from.lane))].sort(compareNatural);
    const lanes = strayLanes.length > 0 ? `, and the lane${strayLanes.length > 1 ? 's' : ''} ${show(strayLanes)} it lacks` : '';
    out.warnings.push(`services[${i}].baseline: ${show(service.baseline)} is a canary of ${show(service.name)}, not its first version `
      + `${show(stable)}, yet it takes every request that belongs to no lane: calls from workloads outside the chain${lanes}. `
      + `Set \`baseline\` to ${show(stable)} (or remove it); if ${show(service.baseline)} is the stable version now, retire ${show(stable)}`);
  });
}
