import { Finding } from './findings';
import { LoadedManifest } from './load';
import { asList, asRecord, asString, findingAbout, isIstio, nameOf, namespaceOf, specOf } from './loaded-objects';

/**
 * Checks every `delegate` of a VirtualService's http routes: the VirtualService it names
 * (its namespace defaulting to the delegating VirtualService's) is among the manifests,
 * and sets no `hosts`, as Istio requires of a delegate.
 */
export function checkDelegates(manifests: readonly LoadedManifest[]): Finding[] {
  const virtualServices = manifests.filter(manifest => isIstio(manifest, 'VirtualService'));
  const byName = new Map<string, LoadedManifest>();
  for (const virtualService of virtualServices) {
    const key = `${namespaceOf(virtualService)}/${nameOf(virtualService)}`;
    if (!byName.has(key)) byName.set(key, virtualService);
  }
  const findings: Finding[] = [];
  for (const virtualService of virtualServices) {
    asList(specOf(virtualService).http).forEach((route, i) => {
      const delegate = asRecord(asRecord(route)?.delegate);
      if (!delegate) return;
      const where = `spec.http[${i}].delegate`;
      const name = asString(delegate.name);
      if (!name) {
        findings.push(findingAbout(virtualService, `${where}: names no VirtualService (name is missing)`));
        return;
      }
      const namespace = asString(delegate.namespace) ?? namespaceOf(virtualService);
      const target = byName.get(`${namespace}/${name}`);
      if (!target) {
        findings.push(findingAbout(virtualService, `${where}: VirtualService ${namespace}/${name} is not among the manifests`));
        return;
      }
      const hosts = asList(specOf(target).hosts).map(String);
      if (hosts.length > 0) {
        findings.push(findingAbout(virtualService, `${where}: VirtualService ${namespace}/${name} sets hosts (${hosts.join(', ')}), which a delegate must not`));
      }
    });
  }
  return findings;
}
