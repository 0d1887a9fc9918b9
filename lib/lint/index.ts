import { checkYamlHazards } from './ambiguous-scalars';
import { checkCrdSchemas } from './crd-schema';
import { checkDelegates } from './delegates';
import { checkDuplicates } from './duplicates';
import { Finding, sortFindings } from './findings';
import { checkGatewayApiRefs } from './gateway-api-refs';
import { checkGatewayHosts } from './gateway-hosts';
import { checkIstioWebhookRules } from './istio-webhook';
import { LoadedManifest, loadManifests } from './load';
import { checkMeshHosts } from './mesh-hosts';
import { checkSubsets } from './subsets';
import { checkUnknownFields } from './unknown-fields';
import { checkRoutesAfterCatchAll } from './unreachable-routes';

// Checking any Kubernetes and Istio manifests, hand-written ones too: `service-chain validate`.
export type { Finding } from './findings';
export { compareFindings, formatFinding, formatFindings, MAX_PRINTED_FINDINGS, sortFindings } from './findings';
export type { LoadedManifest, LoadResult } from './load';
export { loadManifests, MAX_MANIFEST_BYTES, MAX_MANIFEST_DEPTH } from './load';

/** A check over a set of manifests, returning what it finds in any order. */
export type Check = (manifests: readonly LoadedManifest[]) => Finding[];

/** Every check {@link lintManifests} runs, in the order they run. */
export const CHECKS: readonly Check[] = [
  checkCrdSchemas,
  checkIstioWebhookRules,
  checkDuplicates,
  checkUnknownFields,
  checkSubsets,
  checkMeshHosts,
  checkDelegates,
  checkGatewayHosts,
  checkRoutesAfterCatchAll,
  checkYamlHazards,
  checkGatewayApiRefs,
];

/**
 * Runs every check over the manifests, taken as one set (references between them are
 * resolved among them only). The findings are sorted by file, document index and message.
 */
export function lintManifests(manifests: readonly LoadedManifest[]): Finding[] {
  return sortFindings(CHECKS.flatMap(check => check(manifests)));
}

/** What {@link lintReport} found: how many objects it read, and the findings. */
export interface LintReport {
  /** Kubernetes objects read; 0 means there was nothing to validate. */
  readonly manifests: number;
  /** Findings of reading and of the checks, sorted. */
  readonly findings: Finding[];
}

/**
 * Reads the files and folders with {@link loadManifests} and lints what they hold: the
 * findings of both, sorted, and the number of objects read. What `service-chain validate <paths...>` reports.
 */
export function lintReport(paths: readonly string[]): LintReport {
  const { manifests, findings } = loadManifests(paths);
  return { manifests: manifests.length, findings: sortFindings([...findings, ...lintManifests(manifests)]) };
}

/** The findings of {@link lintReport}. */
export function lintPaths(paths: readonly string[]): Finding[] {
  return lintReport(paths).findings;
}
