import { Finding } from './findings';
import { hostCovers, resolveHost, serviceOfHost } from './hosts';
import { LoadedManifest } from './load';
import { apiGroupOf, asLabels, asList, asRecord, asString, findingAbout, isIstio, kindOf, nameOf, namespaceOf, qualifiedName, specOf } from './objects';
import { routeDestinations } from './routes';
import { hasLabels, podLabels } from './workloads';
import { formatPath } from '../diagnostics/problems';

/**
 * Checks every subset a VirtualService route or mirror names:
 * - some DestinationRule among the manifests whose host covers the destination host
 *   (short names resolved in each object's namespace) defines the subset;
 * - when the host's Service is among the manifests and has a selector, some workload in
 *   its namespace has pod labels that include both the selector and the subset's labels.
 *   Without the Service among the manifests, pods are not looked for, so that routing
 *   files can be checked on their own.
 */
export function checkSubsets(manifests: readonly LoadedManifest[]): Finding[] {
  const rules = manifests.filter(manifest => isIstio(manifest, 'DestinationRule'));
  const services = manifests.filter(manifest => kindOf(manifest) === 'Service' && apiGroupOf(manifest) === '');
  const pods = podLabels(manifests);
  const findings: Finding[] = [];

  for (const virtualService of manifests.filter(manifest => isIstio(manifest, 'VirtualService'))) {
    for (const destination of routeDestinations(virtualService)) {
      if (!destination.host || !destination.subset) continue;
      const host = resolveHost(destination.host, namespaceOf(virtualService));
      const subset = destination.subset;
      const where = formatPath(destination.path);
      const report = (message: string) => findings.push(findingAbout(virtualService, `${where}: subset ${subset} of host ${host} ${message}`));

      const forHost = rules.filter(rule => {
        const ruleHost = asString(specOf(rule).host);
        return ruleHost !== undefined && hostCovers(resolveHost(ruleHost, namespaceOf(rule)), host);
      });
      if (forHost.length === 0) {
        report('is not defined: no DestinationRule for that host is among the manifests');
        continue;
      }
      const defined = forHost.flatMap(rule => asList(specOf(rule).subsets).map(asRecord).filter(s => s !== undefined));
      const matching = defined.filter(s => s.name === subset);
      if (matching.length === 0) {
        const names = defined.map(s => asString(s.name)).filter(name => name !== undefined);
        const which = forHost.length === 1 ? `DestinationRule ${qualifiedName(forHost[0])} defines` : `DestinationRules ${forHost.map(qualifiedName).join(', ')} define`;
        report(`is not defined: ${which} ${names.length > 0 ? `only ${names.join(', ')}` : 'no subsets'}`);
        continue;
      }

      const serviceName = serviceOfHost(host);
      const service = serviceName && services.find(s => nameOf(s) === serviceName.name && namespaceOf(s) === serviceName.namespace);
      const selector = service ? Object.entries(asLabels(specOf(service).selector)) : [];
      if (!service || !serviceName || selector.length === 0) continue;
      const wantedSets = matching.map(s => [...selector, ...Object.entries(asLabels(s.labels))]);
      const selected = wantedSets.some(wanted => pods.some(pod => pod.namespace === serviceName.namespace && hasLabels(pod.labels, wanted)));
      if (!selected) {
        const wanted = wantedSets[0].map(([key, value]) => `${key}=${value}`);
        report(`selects no pods: no pod template in namespace ${serviceName.namespace} has the labels ${[...new Set(wanted)].join(', ')}`);
      }
    }
  }
  return findings;
}
