import { ChainContext, RuleOutput } from './rule-context';
import { PathSegment, show } from '../diagnostics/problems';

/**
 * Reports a problem when routing names a version the entry service lacks. Skipped when the
 * entry names no service of the chain, which is reported on its own.
 */
export function checkEntryVersion(chain: ChainContext, out: RuleOutput, path: PathSegment[], version: string): void {
  const versions = chain.entryVersions;
  if (versions === undefined || versions.includes(version)) return;
  out.problems.add(path, `${show(version)} is not a version of the entry service ${show(chain.entry.service)}; `
    + (versions.length > 0 ? `use one of ${show(versions)}` : 'the service has no versions yet, so add it to its `versions`'));
}
