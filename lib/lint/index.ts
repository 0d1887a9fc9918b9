import { checkYamlHazards } from './ambiguous-scalars';
import { checkCrdSchemas } from './crd-schema';
import { checkDelegates } from './delegates';
import { checkDuplicates } from './duplicates';
import { Finding, sortFindings } from './findings';
import { LoadedManifest, loadManifests } from './load';
import { checkMeshHosts } from './mesh-hosts';
import { checkSubsets } from './subsets';
import { checkUnknownFields } from './unknown-fields';
import { checkRoutesAfterCatchAll } from './unreachable-routes';

export * from './findings';
export * from './load';
export * from './hosts';
export * from './schemas';
export * from './crd-schema';
export * from './unknown-fields';
export * from './routes';
export * from './workloads';
export * from './subsets';
export * from './mesh-hosts';
export * from './delegates';
export * from './duplicates';
export * from './unreachable-routes';

/** A check over a set of manifests, returning what it finds in any order. */
export type Check = (manifests: readonly LoadedManifest[]) => Finding[];

/** Every check {@link lintManifests} runs, in the order they run. */
export const CHECKS: readonly Check[] = [
  checkCrdSchemas,
  checkDuplicates,
  checkUnknownFields,
  checkSubsets,
  checkMeshHosts,
  checkDelegates,
  checkRoutesAfterCatchAll,
  checkYamlHazards,
];

/**
 * Runs every check over the manifests, taken as one set (references between them are
 * resolved among them only). The findings are sorted by file, document index and message.
 */
export function lintManifests(manifests: readonly LoadedManifest[]): Finding[] {
  return sortFindings(CHECKS.flatMap(check => check(manifests)));
}

/**
 * Reads the files and folders with {@link loadManifests} and lints what they hold: the
 * findings of both, sorted. What `service-chain validate <paths...>` reports.
 */
export function lintPaths(paths: readonly string[]): Finding[] {
  const { manifests, findings } = loadManifests(paths);
  return sortFindings([...findings, ...lintManifests(manifests)]);
}
