import { ServiceChainProps } from '../props/chain-props';
import { resolveChain } from '../model/chain-model';
import { checkChainGraph } from './call-graph';
import { checkEntryRoutes } from './entry-routes';
import { checkGatewayRefs } from './gateway-refs';
import { checkHeaders } from './headers';
import { checkHosts } from './entry-hosts';
import { checkNames } from './names';
import { checkNamespaces } from './namespaces';
import { checkObjectNames } from './object-names';
import { checkPorts } from './ports';
import { Problems } from '../diagnostics/problems';
import { checkResources } from './resources';
import { chainContext, ChainRule } from './rule-context';
import { checkShape } from './shape-check';
import { checkUnreachableRoutes } from './shadowed-header-routes';
import { checkLaneGaps } from './lane-gaps';
import { checkVersions } from './versions';
import { checkWeights } from './weights';

/** What validation found: errors stop the synth, warnings are reported beside the output. */
export interface ChainFindings {
  /** Errors: the chain cannot be built until each is fixed. */
  readonly problems: Problems;
  /** Findings that do not stop the synth, such as lanes that end at a service lacking their version. */
  readonly warnings: string[];
}

/** The rules run on props of the right shape, after the call graph's, in the order their problems are listed. */
export const CHAIN_RULES: readonly ChainRule[] = [
  checkNames,
  checkNamespaces,
  checkObjectNames,
  checkVersions,
  checkResources,
  checkPorts,
  checkGatewayRefs,
  checkHosts,
  checkHeaders,
  checkEntryRoutes,
  checkWeights,
  checkUnreachableRoutes,
];

/**
 * Checks chain props before anything is built, in two stages:
 * 1. the shape, against the spec's JSON Schema: types, whole numbers and ranges, enums,
 *    required and unknown fields. Props from JavaScript or a spec file can hold anything,
 *    so when the shape is wrong only those problems are reported: the rules need a sound shape;
 * 2. the call graph, then every rule of {@link CHAIN_RULES}: names, routing, ports, hosts...;
 *    when the call graph is sound, the chain is resolved and the rules that read its routing
 *    plan run too (lanes lost on the way).
 * Within a stage every problem is reported at once. Never throws, whatever it is given.
 */
export function validateChain(props: ServiceChainProps): ChainFindings {
  const problems = new Problems();
  const warnings: string[] = [];
  problems.addAll(checkShape(props));
  if (problems.size > 0) return { problems, warnings };
  const chain = chainContext(props);
  const out = { problems, warnings };
  const before = problems.size;
  checkChainGraph(chain, out);
  const callGraphSound = problems.size === before;
  for (const rule of CHAIN_RULES) rule(chain, out);
  if (callGraphSound) checkLaneGaps(resolveChain(props), props.strict ?? false, out);
  return out;
}
