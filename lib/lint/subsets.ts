import { Finding } from './findings';
import { hostCovers, resolveHost, serviceOfHost } from './hosts';
import { LoadedManifest } from './load';
import { apiGroupOf, asLabels, asList, asRecord, asString, findingAbout, isIstio, kindOf, nameOf, namespaceOf, qualifiedName, specOf } from './objects';
import { routeDestinations } from './routes';
import { hasLabels, PodLabels, podLabels } from './workloads';
import { formatPath } from '../validation/problems';

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
  const rules = new RulesByHost(manifests.filter(manifest => isIstio(manifest, 'DestinationRule')));
  const services = new Map<string, LoadedManifest>();
  for (const service of manifests.filter(manifest => kindOf(manifest) === 'Service' && apiGroupOf(manifest) === '')) {
    const key = `${namespaceOf(service)}/${nameOf(service)}`;
    if (!services.has(key)) services.set(key, service);
  }
  const podsIn = new Map<string, PodLabels[]>();
  for (const pod of podLabels(manifests)) append(podsIn, pod.namespace, pod);
  const selects = new Map<string, boolean>();
  const anyPodHas = (namespace: string, wanted: Array<[string, string]>): boolean => {
    const key = JSON.stringify([namespace, wanted]);
    if (!selects.has(key)) selects.set(key, (podsIn.get(namespace) ?? []).some(pod => hasLabels(pod.labels, wanted)));
    return selects.get(key)!;
  };
  const findings: Finding[] = [];

  for (const virtualService of manifests.filter(manifest => isIstio(manifest, 'VirtualService'))) {
    for (const destination of routeDestinations(virtualService)) {
      if (!destination.host || !destination.subset) continue;
      const host = resolveHost(destination.host, namespaceOf(virtualService));
      const subset = destination.subset;
      const where = formatPath(destination.path);
      const report = (message: string) => findings.push(findingAbout(virtualService, `${where}: subset ${subset} of host ${host} ${message}`));

      const forHost = rules.covering(host);
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
      const service = serviceName && services.get(`${serviceName.namespace}/${serviceName.name}`);
      const selector = service ? Object.entries(asLabels(specOf(service).selector)) : [];
      if (!service || !serviceName || selector.length === 0) continue;
      const wantedSets = matching.map(s => [...selector, ...Object.entries(asLabels(s.labels))]);
      const selected = wantedSets.some(wanted => anyPodHas(serviceName.namespace, wanted));
      if (!selected) {
        const wanted = wantedSets[0].map(([key, value]) => `${key}=${value}`);
        report(`selects no pods: no pod template in namespace ${serviceName.namespace} has the labels ${[...new Set(wanted)].join(', ')}`);
      }
    }
  }
  return findings;
}

/** DestinationRules by the host they resolve to, so that finding those that cover a host does not scan them all. */
class RulesByHost {
  private readonly exact = new Map<string, LoadedManifest[]>();
  private readonly wildcards: Array<{ pattern: string; rule: LoadedManifest }> = [];
  private readonly positions = new Map<LoadedManifest, number>();

  constructor(rules: LoadedManifest[]) {
    rules.forEach((rule, position) => {
      const ruleHost = asString(specOf(rule).host);
      if (ruleHost === undefined) return;
      this.positions.set(rule, position);
      const pattern = resolveHost(ruleHost, namespaceOf(rule));
      if (pattern === '*' || pattern.startsWith('*.')) this.wildcards.push({ pattern, rule });
      else append(this.exact, pattern, rule);
    });
  }

  /** The rules whose host covers a resolved host, in manifest order. */
  public covering(host: string): LoadedManifest[] {
    const found = [...this.exact.get(host) ?? [], ...this.wildcards.filter(w => hostCovers(w.pattern, host)).map(w => w.rule)];
    return found.sort((a, b) => this.positions.get(a)! - this.positions.get(b)!);
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
