import { isDnsLabel } from './name-rules';
import { Refusals } from './report';
import { asList } from '../loaded-objects';

/**
 * Istio's rules for `exportTo` of a VirtualService or DestinationRule: each entry is `*`, `.`,
 * `~` or a namespace; no entry twice (`.` and the object's own namespace count as one); `*`
 * not beside other entries.
 */
export function checkExportTo(value: unknown, namespace: string, refusals: Refusals): void {
  const entries = asList(value).map(String);
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const path = ['spec', 'exportTo', i];
    if (!['*', '.', '~'].includes(entry) && !isDnsLabel(entry)) refusals.at(path, `${JSON.stringify(entry)} is no namespace; write '.', '*', '~' or a namespace name`);
    const same = entry === '.' ? namespace : entry;
    if (seen.has(same)) refusals.at(path, `${JSON.stringify(entry)} is listed twice${entry === '.' || entry === namespace ? ` ('.' is namespace ${namespace})` : ''}; list it once`);
    seen.add(same);
  });
  if (entries.includes('*') && entries.length > 1) refusals.at(['spec', 'exportTo'], "lists '*' beside other entries; '*' alone exports to every namespace");
}
