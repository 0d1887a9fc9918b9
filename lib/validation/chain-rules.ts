import { ServiceChainProps } from '../chain-props';
import { checkChainGraph } from './chain-graph';
import { checkEntryRoutes } from './entry-routes';
import { checkGatewayRefs } from './gateway-refs';
import { checkHeaders } from './headers';
import { checkHosts } from './hosts';
import { checkNames } from './names';
import { checkNamespaces } from './namespaces';
import { checkObjectNames } from './object-names';
import { checkPorts } from './ports';
import { Problems } from './problems';
import { checkResources } from './resources';
import { chainContext, ChainRule } from './rule-context';
import { checkShape } from './shape-check';
import { checkUnreachableRoutes } from './unreachable-routes';
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

/** The rules run on props of the right shape, in the order their problems are listed. @internal */
export const CHAIN_RULES: readonly ChainRule[] = [
  checkChainGraph,
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
  checkLaneGaps,
];

/**
 * Checks chain props before anything is built, in two stages:
 * 1. the shape, against the spec's JSON Schema: types, whole numbers and ranges, enums,
 *    required and unknown fields. Props from JavaScript or a spec file can hold anything,
 *    so when the shape is wrong only those problems are reported: the rules need a sound shape;
 * 2. every rule of {@link CHAIN_RULES}: names, the call graph, routing, ports, hosts...
 * Within a stage every problem is reported at once. Never throws, whatever it is given.
 */
export function validateChain(props: ServiceChainProps): ChainFindings {
  const problems = new Problems();
  const warnings: string[] = [];
  problems.addAll(checkShape(props));
  if (problems.size > 0) return { problems, warnings };
  const chain = chainContext(props);
  for (const rule of CHAIN_RULES) rule(chain, { problems, warnings });
  return { problems, warnings };
}
