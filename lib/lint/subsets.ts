import { Finding } from './findings';
import { LoadedManifest } from './load';
import { asLabels, asList, asRecord, asString, findingAbout, isIstio, nameOf, namespaceOf, qualifiedName, specOf } from './loaded-objects';
import { routeDestinations } from './routes';
import { podLabels } from './workloads';
import { formatPath } from '../diagnostics/problems';
import { append, dottedHostHint, hostCovers, isService, isWildcardHost, LabelIndex, resolveConfigHost, serviceOfHost } from '../manifests';

/**
 * Labels Istio adds to every endpoint from its node and cluster, not from the pod template:
 * a subset keyed on them selects by location, so they are left out when looking for pods.
 */
export const LOCATION_LABELS: ReadonlySet<string> = new Set([
  'topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone',
  'topology.istio.io/network', 'topology.istio.io/cluster', 'kubernetes.io/hostname', 'istio-locality',
  'failure-domain.beta.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/zone',
]);

/** A subset's labels without the {@link LOCATION_LABELS}. */
function podLabelsOfSubset(subset: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(asLabels(subset.labels)).filter(([key]) => !LOCATION_LABELS.has(key)));
}

/**
 * Checks every subset a VirtualService route or mirror names:
 * - some DestinationRule among the manifests whose host covers the destination host
 *   (hosts resolved as Istio does, short names in each object's namespace) defines the subset;
 * - when the host's Service is among the manifests and has a selector, some workload in
 *   its namespace has pod labels that include both the selector and the subset's labels
 *   (but the location labels Istio adds to endpoints, see {@link LOCATION_LABELS}).
 *   Without the Service among the manifests, pods are not looked for, so that routing
 *   files can be checked on their own.
 *
 * DestinationRules, Services and pods are indexed first, so the check takes time linear in
 * the number of objects.
 */
export function checkSubsets(manifests: readonly LoadedManifest[]): Finding[] {
  const rules = new RulesByHost(manifests.filter(manifest => isIstio(manifest, 'DestinationRule')));
  const services = new Map<string, LoadedManifest>();
  for (const service of manifests.filter(manifest => isService(manifest.object))) {
    const key = `${namespaceOf(service)}/${nameOf(service)}`;
    if (!services.has(key)) services.set(key, service);
  }
  const pods = new LabelIndex(podLabels(manifests));
  const findings: Finding[] = [];

  for (const virtualService of manifests.filter(manifest => isIstio(manifest, 'VirtualService'))) {
    for (const destination of routeDestinations(virtualService)) {
      if (!destination.host || !destination.subset) continue;
      const host = resolveConfigHost(destination.host, namespaceOf(virtualService));
      const subset = destination.subset;
      const where = formatPath(destination.path);
      const report = (message: string) => findings.push(findingAbout(virtualService, `${where}: subset ${subset} of host ${host} ${message}`));

      const forHost = rules.covering(host);
      if (forHost.length === 0) {
        report(`is not defined: no DestinationRule for that host is among the manifests${dottedHostHint(destination.host)}`);
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
      const selector = service ? asLabels(specOf(service).selector) : {};
      if (!service || !serviceName || Object.keys(selector).length === 0) continue;
      const selected = matching.some(s => pods.select(serviceName.namespace, selector, podLabelsOfSubset(s)).length > 0);
      if (!selected) {
        const wanted = [...Object.entries(selector), ...Object.entries(podLabelsOfSubset(matching[0]))].map(([key, value]) => `${key}=${value}`);
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
      const pattern = resolveConfigHost(ruleHost, namespaceOf(rule));
      if (isWildcardHost(pattern)) this.wildcards.push({ pattern, rule });
      else append(this.exact, pattern, rule);
    });
  }

  /** The rules whose host covers a resolved host, in manifest order. */
  public covering(host: string): LoadedManifest[] {
    const found = [...this.exact.get(host) ?? [], ...this.wildcards.filter(w => hostCovers(w.pattern, host)).map(w => w.rule)];
    return found.sort((a, b) => this.positions.get(a)! - this.positions.get(b)!);
  }
}
