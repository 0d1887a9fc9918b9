import { checkEntryVersion } from './entry-versions';
import { ChainContext, RuleOutput } from './rule-context';
import { PathSegment, show } from '../diagnostics/problems';
import { Weights } from '../props/entry-props';

/** What every weighted route must add up to. */
const TOTAL = 100;

/**
 * Weighted routes (`entry.gatewayWeights`, `entry.meshWeights`): keys are versions of the entry service,
 * at least one weight is above 0 and they add up to 100, as Istio requires. A weighted route
 * must also have traffic to split: gateway weights need a gateway, mesh weights need the mesh
 * (a route for gateways without any gateway would match every request instead).
 * That each weight is a whole percentage from 0 to 100 is part of the shape (the `Weights` schema).
 */
export function checkWeights(chain: ChainContext, out: RuleOutput): void {
  const { entry } = chain;
  if (entry.gatewayWeights !== undefined) {
    checkSplit(chain, out, ['entry', 'gatewayWeights'], entry.gatewayWeights);
    if (chain.gateways.length === 0) {
      out.problems.add(['entry', 'gatewayWeights'], 'are set but the entry has no gateways, so no gateway traffic reaches them; '
        + 'add `entry.gateways` (or `entry.createGateways`), or remove `gatewayWeights`');
    }
  }
  if (entry.meshWeights !== undefined) {
    checkSplit(chain, out, ['entry', 'meshWeights'], entry.meshWeights);
    if (!chain.meshBound) {
      out.problems.add(['entry', 'meshWeights'], 'are set but `entry.mesh` is false, so no mesh traffic reaches them; '
        + 'remove `meshWeights` or set `entry.mesh: true`');
    }
  }
}

function checkSplit(chain: ChainContext, out: RuleOutput, path: PathSegment[], weights: Weights): void {
  const entries = Object.entries(weights);
  for (const [version] of entries) checkEntryVersion(chain, out, [...path, version], version);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (total === 0) {
    out.problems.add(path, `${show(weights)} send no traffic anywhere; give at least one version a weight above 0`);
  } else if (total !== TOTAL) {
    const gap = TOTAL - total;
    // Stryker disable next-line EqualityOperator: gap is never 0 here (total !== TOTAL)
    out.problems.add(path, `add up to ${total}, not ${TOTAL} (${show(weights)}); ${gap > 0 ? 'add' : 'take away'} ${Math.abs(gap)} `
      + `so that they add up to ${TOTAL}`);
  }
}
