import { checkExportTo } from './export-to';
import { hostFault, isDnsLabel } from './name-rules';
import { Refusals } from './report';
import { asList, asRecord } from '../loaded-objects';

/** Istio's webhook rules for a DestinationRule: a valid host, subset names that are DNS labels and unique, a well-formed `exportTo`. */
export function checkDestinationRule(spec: Record<string, unknown>, namespace: string, refusals: Refusals): void {
  if (typeof spec.host === 'string') {
    const fault = hostFault(spec.host);
    if (fault) refusals.at(['spec', 'host'], `${JSON.stringify(spec.host)} ${fault}`);
  }
  const seen = new Map<string, number>();
  asList(spec.subsets).forEach((subsetValue, i) => {
    const name = asRecord(subsetValue)?.name;
    if (typeof name !== 'string') return;
    if (name === '') refusals.at(['spec', 'subsets', i, 'name'], 'is empty; name the subset');
    else if (!isDnsLabel(name)) refusals.at(['spec', 'subsets', i, 'name'], `${JSON.stringify(name)} is no DNS label (letters, digits and '-', no dots); rename it, here and where routes name it`);
    const first = seen.get(name);
    if (first !== undefined) refusals.at(['spec', 'subsets', i, 'name'], `${name} is also the name of spec.subsets[${first}]; subset names are unique`);
    else seen.set(name, i);
  });
  checkExportTo(spec.exportTo, namespace, refusals);
}
