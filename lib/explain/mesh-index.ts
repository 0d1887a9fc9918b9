import { hostNames, hostPatternCovers, isWildcardHost, serviceFqdn } from './hosts';
import {
  DeploymentInfo, DestinationRuleInfo, ManifestObjects, readManifestObjects, ServiceInfo, VirtualServiceInfo,
} from './manifest-objects';
import { includesLabels } from './labels';

/** The routing objects of a set of manifests, indexed by namespace, name and host. */
export class MeshIndex {
  /** Indexes parsed manifests; objects without a namespace belong to `defaultNamespace`. */
  public static fromManifests(manifests: unknown[], defaultNamespace: string): MeshIndex {
    return new MeshIndex(readManifestObjects(manifests, defaultNamespace));
  }

  /** VirtualServices in manifest order. */
  public readonly virtualServices: VirtualServiceInfo[];
  private readonly servicesByFqdn = new Map<string, ServiceInfo>();
  private readonly virtualServicesByRef = new Map<string, VirtualServiceInfo>();

  /** Indexes objects already read from manifests. */
  constructor(private readonly objects: ManifestObjects) {
    this.virtualServices = objects.virtualServices;
    for (const service of objects.services) this.servicesByFqdn.set(serviceFqdn(service.name, service.namespace), service);
    for (const vs of objects.virtualServices) this.virtualServicesByRef.set(`${vs.namespace}/${vs.name}`, vs);
  }

  /** The VirtualService `namespace/name`, if written. */
  public virtualService(namespace: string, name: string): VirtualServiceInfo | undefined {
    return this.virtualServicesByRef.get(`${namespace}/${name}`);
  }

  /** The Service a host written in `namespace` names (short name, `svc.ns` or FQDN), if written. */
  public service(host: string, namespace: string): ServiceInfo | undefined {
    return hostNames(host, namespace).map(name => this.servicesByFqdn.get(name)).find(service => service !== undefined);
  }

  /**
   * The labels of subset `subset` of the service `fqdn`: from the first DestinationRule that
   * covers the host and defines the subset, exact hosts before wildcards; undefined if none does.
   */
  public subsetLabels(fqdn: string, subset: string): Record<string, string> | undefined {
    const subsets = this.destinationRulesFor(fqdn).flatMap(rule => rule.subsets);
    return subsets.find(candidate => candidate.name === subset)?.labels;
  }

  /** Deployments in `namespace` whose pod labels include every one of `labelSets`, in manifest order. */
  public deploymentsWithLabels(namespace: string, labelSets: Array<Record<string, string>>): DeploymentInfo[] {
    return this.objects.deployments.filter(deployment =>
      deployment.namespace === namespace
      && labelSets.every(labels => includesLabels(deployment.podLabels, labels)));
  }

  private destinationRulesFor(fqdn: string): DestinationRuleInfo[] {
    const covering = this.objects.destinationRules.filter(rule => hostPatternCovers(rule.host, rule.namespace, [fqdn]));
    return [
      ...covering.filter(rule => !isWildcardHost(rule.host)),
      ...covering.filter(rule => isWildcardHost(rule.host)),
    ];
  }
}
