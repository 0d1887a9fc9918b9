import { hostNames, hostPatternCovers, isWildcardHost, normaliseHost, serviceFqdn } from './hosts';
import {
  DeploymentInfo, DestinationRuleInfo, ManifestObjects, readManifestObjects, ServiceInfo, VirtualServiceInfo,
} from './manifest-objects';
import { includesLabels } from './labels';
import { MESH_GATEWAY, resolveGatewayRef } from './request';

/**
 * The routing objects of a set of manifests, indexed by namespace, name, host and label, so
 * that each lookup costs about the same however many objects the mesh holds.
 */
export class MeshIndex {
  /** Indexes parsed manifests; objects without a namespace belong to `defaultNamespace`. */
  public static fromManifests(manifests: unknown[], defaultNamespace: string): MeshIndex {
    return new MeshIndex(readManifestObjects(manifests, defaultNamespace));
  }

  /** VirtualServices in manifest order. */
  public readonly virtualServices: VirtualServiceInfo[];
  /** Deployments in manifest order. */
  public readonly deployments: DeploymentInfo[];
  private readonly servicesByFqdn = new Map<string, ServiceInfo>();
  private readonly virtualServicesByRef = new Map<string, VirtualServiceInfo>();
  /** VirtualServices by each name one of their exact hosts stands for. */
  private readonly virtualServicesByName = new Map<string, VirtualServiceInfo[]>();
  /** VirtualServices with a wildcard host; checked against every name. */
  private readonly wildcardVirtualServices: VirtualServiceInfo[] = [];
  private readonly positions = new Map<VirtualServiceInfo, number>();
  private readonly gatewaysOf = new Map<VirtualServiceInfo, string[]>();
  /** Deployments by `namespace`, `key=value` of one of their pod labels. */
  private readonly deploymentsByLabel = new Map<string, DeploymentInfo[]>();
  private readonly subsetCache = new Map<string, Record<string, string> | undefined>();
  /** DestinationRules by each name their exact host stands for, in manifest order. */
  private readonly destinationRulesByName = new Map<string, DestinationRuleInfo[]>();
  /** DestinationRules with a wildcard host, in manifest order. */
  private readonly wildcardDestinationRules: DestinationRuleInfo[] = [];

  /** Indexes objects already read from manifests. */
  constructor(private readonly objects: ManifestObjects) {
    this.virtualServices = objects.virtualServices;
    this.deployments = objects.deployments;
    for (const service of objects.services) this.servicesByFqdn.set(serviceFqdn(service.name, service.namespace), service);
    objects.virtualServices.forEach((vs, position) => this.indexVirtualService(vs, position));
    for (const rule of objects.destinationRules) {
      if (isWildcardHost(normaliseHost(rule.host))) this.wildcardDestinationRules.push(rule);
      else for (const name of hostNames(rule.host, rule.namespace)) append(this.destinationRulesByName, name, rule);
    }
    for (const deployment of objects.deployments) {
      for (const [key, value] of Object.entries(deployment.podLabels)) {
        append(this.deploymentsByLabel, labelKey(deployment.namespace, key, value), deployment);
      }
    }
  }

  /** The VirtualService `namespace/name`, if written. */
  public virtualService(namespace: string, name: string): VirtualServiceInfo | undefined {
    return this.virtualServicesByRef.get(`${namespace}/${name}`);
  }

  /**
   * The VirtualServices, in manifest order, attached to `gateway` (`namespace/name` or `mesh`;
   * no `gateways` means `mesh`) with a host that covers any of `names` (fully qualified, lower case).
   */
  public virtualServicesBinding(names: string[], gateway: string): VirtualServiceInfo[] {
    const found = new Set<VirtualServiceInfo>();
    for (const name of names) for (const vs of this.virtualServicesByName.get(name) ?? []) found.add(vs);
    for (const vs of this.wildcardVirtualServices) {
      if (vs.hosts.some(host => hostPatternCovers(host, vs.namespace, names))) found.add(vs);
    }
    return [...found]
      .filter(vs => this.gatewaysOf.get(vs)!.includes(gateway))
      .sort((a, b) => this.positions.get(a)! - this.positions.get(b)!);
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
    const key = `${fqdn}\u0000${subset}`;
    if (!this.subsetCache.has(key)) {
      const subsets = this.destinationRulesFor(fqdn).flatMap(rule => rule.subsets);
      this.subsetCache.set(key, subsets.find(candidate => candidate.name === subset)?.labels);
    }
    return this.subsetCache.get(key);
  }

  /** Deployments in `namespace` whose pod labels include every one of `labelSets`, in manifest order. */
  public deploymentsWithLabels(namespace: string, labelSets: Array<Record<string, string>>): DeploymentInfo[] {
    const required = labelSets.flatMap(labels => Object.entries(labels));
    const candidates = required.length === 0
      ? this.objects.deployments.filter(deployment => deployment.namespace === namespace)
      : required
        .map(([key, value]) => this.deploymentsByLabel.get(labelKey(namespace, key, value)) ?? [])
        .reduce((shortest, list) => (list.length < shortest.length ? list : shortest));
    return candidates.filter(deployment => labelSets.every(labels => includesLabels(deployment.podLabels, labels)));
  }

  private indexVirtualService(vs: VirtualServiceInfo, position: number): void {
    this.virtualServicesByRef.set(`${vs.namespace}/${vs.name}`, vs);
    this.positions.set(vs, position);
    const gateways = vs.gateways === undefined || vs.gateways.length === 0
      ? [MESH_GATEWAY]
      : vs.gateways.map(gateway => resolveGatewayRef(gateway, vs.namespace));
    this.gatewaysOf.set(vs, gateways);
    const names = new Set<string>();
    for (const host of vs.hosts) {
      const pattern = normaliseHost(host);
      if (pattern === '*' || isWildcardHost(pattern)) {
        if (!this.wildcardVirtualServices.includes(vs)) this.wildcardVirtualServices.push(vs);
      } else {
        for (const name of hostNames(pattern, vs.namespace)) names.add(name);
      }
    }
    for (const name of names) append(this.virtualServicesByName, name, vs);
  }

  /** The DestinationRules whose host covers `fqdn`: exact hosts first, then wildcards, each in manifest order. */
  private destinationRulesFor(fqdn: string): DestinationRuleInfo[] {
    return [
      ...this.destinationRulesByName.get(fqdn) ?? [],
      ...this.wildcardDestinationRules.filter(rule => hostPatternCovers(rule.host, rule.namespace, [fqdn])),
    ];
  }
}

function labelKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}=${value}`;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
