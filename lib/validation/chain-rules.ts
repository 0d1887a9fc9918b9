import { checkAmbientNamespace } from './ambient-namespace';
import { checkAnnotationSize } from './annotation-size';
import { checkChainGraph } from './call-graph';
import { checkCanaryBaseline } from './canary-baseline';
import { checkCreatedGateways } from './created-gateways';
import { checkDurations } from './durations';
import { checkEntryHostConflicts } from './entry-host-conflicts';
import { checkHosts } from './entry-hosts';
import { checkEntryRoutes } from './entry-routes';
import { checkEnvVars } from './env-vars';
import { checkGatewayApiFit } from './gateway-api-fit';
import { checkGatewayApiPortability } from './gateway-api-portability';
import { checkGatewayApiSettings } from './gateway-api-settings';
import { checkGatewayRefs } from './gateway-refs';
import { checkHeaderValues } from './header-values';
import { checkHeaders } from './headers';
import { checkLaneExperiments } from './lane-experiment-refs';
import { checkLaneGaps } from './lane-gaps';
import { checkLaneHeader } from './lane-header';
import { checkLaneModeSupport } from './lane-mode-support';
import { traceLanes } from './lane-trace';
import { checkNames } from './names';
import { checkNamespaces } from './namespaces';
import { checkObjectNames } from './object-names';
import { checkPorts } from './ports';
import { checkReservedNames } from './reserved-names';
import { checkResources } from './resources';
import { checkRetries } from './retries';
import { chainContext, ChainRule } from './rule-context';
import { checkScaledToZero } from './scaled-to-zero';
import { checkUnreachableRoutes } from './shadowed-header-routes';
import { checkShape } from './shape-check';
import { checkSidecarConflicts } from './sidecar-conflicts';
import { checkUnreachableVersions } from './unreachable-versions';
import { checkVersions } from './versions';
import { checkWeights } from './weights';
import { checkWorkloadBasics } from './workload-basics';
import { Problems } from '../diagnostics/problems';
import { ChainModel, resolveChain } from '../model/chain-model';
import { ServiceChainProps } from '../props/chain-props';

/** What validation found: errors stop the synth, warnings are reported beside the output. */
export interface ChainFindings {
  /** Errors: the chain cannot be built until each is fixed. */
  readonly problems: Problems;
  /** Findings that do not stop the synth, such as lanes that end at a service lacking their version. */
  readonly warnings: string[];
}

/** The rules run on props of the right shape, after the call graph's, in the order their problems are listed. @internal */
export const CHAIN_RULES: readonly ChainRule[] = [
  checkNames,
  checkNamespaces,
  checkReservedNames,
  checkObjectNames,
  checkVersions,
  checkEnvVars,
  checkSidecarConflicts,
  checkResources,
  checkPorts,
  checkGatewayRefs,
  checkHosts,
  checkEntryHostConflicts,
  checkCreatedGateways,
  checkHeaders,
  checkLaneHeader,
  checkLaneModeSupport,
  checkGatewayApiFit,
  checkGatewayApiPortability,
  checkGatewayApiSettings,
  checkAmbientNamespace,
  checkHeaderValues,
  checkEntryRoutes,
  checkWeights,
  checkUnreachableRoutes,
  checkDurations,
  checkRetries,
  checkLaneExperiments,
  checkWorkloadBasics,
];

/**
 * The rules that read the resolved chain and its routing plan, run when the call graph is sound:
 * lanes lost on the way, versions no request reaches, canaries used as baselines, routes to
 * versions scaled to 0, and the merged annotations of each version.
 */
function checkResolvedChain(chain: ChainModel, out: ChainFindings): void {
  checkLaneGaps(chain, chain.strict, out);
  const trace = traceLanes(chain);
  checkUnreachableVersions(chain, trace, out);
  checkCanaryBaseline(chain, trace, out);
  checkScaledToZero(chain, trace, out);
  checkAnnotationSize(chain, out);
}

/**
 * Checks chain props before anything is built, in two stages:
 * 1. the shape, against the spec's JSON Schema: types, whole numbers and ranges, enums,
 *    required and unknown fields. Props from JavaScript or a spec file can hold anything,
 *    so when the shape is wrong only those problems are reported: the rules need a sound shape;
 * 2. the call graph, then every rule of {@link CHAIN_RULES}: names, routing, ports, hosts...;
 *    when the call graph is sound, the chain is resolved and the rules that read its routing
 *    plan run too (lanes lost on the way, versions never reached...).
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
  if (callGraphSound) checkResolvedChain(resolveChain(props), out);
  return out;
}
