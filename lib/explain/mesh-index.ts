import { HttpRouteSpec } from './istio-spec';
import {
  append, asLabels, asList, asRecord, asString, flattenLists, hostCovers, identityOf, isDeployment, isIstio, isService,
  isWildcardHost, JsonObject, LabelIndex, MESH_GATEWAY, nameOf, namespaceOf, normaliseHost, requestHostNames, resolveConfigHost,
  resolveGatewayRef, serviceFqdn, specOf,
} from '../manifests';

/*
 * The routing objects of a set of manifests, read from parsed YAML and indexed by namespace,
 * name, host and label, so that each lookup costs about the same however large the mesh.
 */

/** A Deployment, reduced to what routing needs. */
export interface DeploymentInfo {
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Labels of its pod template. */
  readonly labels: Record<string, string>;
  /** Replica count (`spec.replicas`, default 1). */
  readonly replicas: number;
}

/** A Service, reduced to what routing needs. */
export interface ServiceInfo {
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Pod selector; empty when it has none. */
  readonly selector: Record<string, string>;
}

/** A DestinationRule, reduced to its host and subsets. */
export interface DestinationRuleInfo {
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Host as written. */
  readonly host: string;
  /** Subsets: name, and the pod labels the subset adds to the Service selector. */
  readonly subsets: Array<{ readonly name: string; readonly labels: Record<string, string> }>;
}

/** A VirtualService, reduced to what routing needs. */
export interface VirtualServiceInfo {
  /** Name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Hosts as written; empty for a delegate. */
  readonly hosts: string[];
  /** Gateways as written; undefined when absent (which means `mesh`). */
  readonly gateways?: string[];
  /** Http routes, in order. */
  readonly http: HttpRouteSpec[];
}

/** A Deployment and the share of a destination's requests it receives. */
export interface DeploymentShare {
  /** The Deployment. */
  readonly deployment: DeploymentInfo;
  /** Share of the destination's requests, 0..1. */
  readonly share: number;
}

/** The Deployments behind a Service, or why there are none. */
export type ServicePods =
  | { readonly kind: 'pods'; readonly deployments: DeploymentShare[] }
  | { readonly kind: 'failed'; readonly error: string };

/** The routing objects of a set of manifests, indexed. */
export class MeshIndex {
  /**
   * Reads Deployments, Services, DestinationRules, VirtualServices and Gateways (networking.istio.io, any
   * version) from parsed manifests; `List` objects are unpacked, anything else is skipped.
   * Objects without a namespace belong to `defaultNamespace`. An object written twice (same
   * kind, namespace and name) keeps its first position and last content, as repeated
   * `kubectl apply` would leave it.
   */
  public static fromManifests(manifests: unknown[], defaultNamespace: string): MeshIndex {
    const byIdentity = new Map<string, JsonObject>();
    for (const object of flattenLists(manifests)) {
      if (isDeployment(object) || isService(object) || isIstio(object, 'DestinationRule') || isIstio(object, 'VirtualService') || isIstio(object, 'Gateway')) {
        byIdentity.set(identityOf(object, defaultNamespace), object);
      }
    }
    return new MeshIndex([...byIdentity.values()], defaultNamespace);
  }

  /** Deployments in manifest order. */
  public readonly deployments: DeploymentInfo[];
  private readonly pods: LabelIndex<DeploymentInfo>;
  private readonly servicesByFqdn = new Map<string, ServiceInfo>();
  private readonly virtualServicesByRef = new Map<string, VirtualServiceInfo>();
  /** VirtualServices by the host each exact host resolves to, in manifest order. */
  private readonly virtualServicesByHost = new Map<string, VirtualServiceInfo[]>();
  /** VirtualServices with a wildcard host, in manifest order, with their resolved hosts. */
  private readonly wildcardVirtualServices: Array<{ vs: VirtualServiceInfo; hosts: string[] }> = [];
  private readonly positions = new Map<VirtualServiceInfo, number>();
  private readonly gatewaysOf = new Map<VirtualServiceInfo, string[]>();
  /** DestinationRules by the host their exact host resolves to, in manifest order. */
  private readonly destinationRulesByHost = new Map<string, DestinationRuleInfo[]>();
  /** DestinationRules with a wildcard host, in manifest order, with the resolved host. */
  private readonly wildcardDestinationRules: Array<{ rule: DestinationRuleInfo; host: string }> = [];
  private readonly subsetCache = new Map<string, Record<string, string> | undefined>();
  /** The server hosts of each Gateway (`namespace/name`): the namespace whose VirtualServices it takes (`*` any) and the host pattern. */
  private readonly gatewayServerHosts = new Map<string, Array<{ readonly namespace: string; readonly host: string }>>();

  private constructor(objects: JsonObject[], defaultNamespace: string) {
    const named = (object: JsonObject) => ({ name: nameOf(object), namespace: namespaceOf(object, defaultNamespace) });
    this.deployments = objects.filter(isDeployment).map(object => {
      const spec = specOf(object);
      const labels = asLabels(asRecord(asRecord(spec.template)?.metadata)?.labels);
      return { ...named(object), labels, replicas: typeof spec.replicas === 'number' ? spec.replicas : 1 };
    });
    this.pods = new LabelIndex(this.deployments);
    for (const object of objects.filter(isService)) {
      const service = { ...named(object), selector: asLabels(specOf(object).selector) };
      this.servicesByFqdn.set(serviceFqdn(service.name, service.namespace), service);
    }
    for (const object of objects.filter(o => isIstio(o, 'DestinationRule'))) {
      const spec = specOf(object);
      const subsets = asList(spec.subsets).map(asRecord).filter(subset => subset !== undefined)
        .map(subset => ({ name: asString(subset.name) ?? '', labels: asLabels(subset.labels) }));
      this.indexDestinationRule({ ...named(object), host: typeof spec.host === 'string' ? spec.host : '', subsets });
    }
    for (const object of objects.filter(o => isIstio(o, 'Gateway'))) {
      const gateway = named(object);
      const hosts = asList(specOf(object).servers).flatMap(server => asList(asRecord(server)?.hosts)).filter((h): h is string => typeof h === 'string');
      this.gatewayServerHosts.set(`${gateway.namespace}/${gateway.name}`, hosts.map(entry => {
        const at = entry.indexOf('/');
        const namespace = at < 0 ? '*' : entry.slice(0, at);
        return { namespace: namespace === '.' ? gateway.namespace : namespace, host: normaliseHost(at < 0 ? entry : entry.slice(at + 1)) };
      }));
    }
    objects.filter(o => isIstio(o, 'VirtualService')).forEach((object, position) => {
      const spec = specOf(object);
      this.indexVirtualService({
        ...named(object),
        hosts: asList(spec.hosts).filter((host): host is string => typeof host === 'string'),
        gateways: Array.isArray(spec.gateways) ? spec.gateways.filter((g): g is string => typeof g === 'string') : undefined,
        http: asList(spec.http).map(asRecord).filter(route => route !== undefined) as HttpRouteSpec[],
      }, position);
    });
  }

  /**
   * Whether Gateway `gateway` (`namespace/name`) has a server for `host` (taken literally), for
   * VirtualServices of `namespace` (or of any namespace, when `namespace` is omitted): a server
   * host `[ns/]pattern` whose pattern covers the host and whose `ns` is `*` or that namespace.
   * `undefined` when the Gateway is not among the manifests: then nothing is known of its servers.
   */
  public gatewayServes(gateway: string, host: string, namespace?: string): boolean | undefined {
    const servers = this.gatewayServerHosts.get(gateway);
    if (servers === undefined) return undefined;
    const name = normaliseHost(host);
    return servers.some(server => hostCovers(server.host, name) && (namespace === undefined || server.namespace === '*' || server.namespace === namespace));
  }

  /** The VirtualService `namespace/name`, if written. */
  public virtualService(namespace: string, name: string): VirtualServiceInfo | undefined {
    return this.virtualServicesByRef.get(`${namespace}/${name}`);
  }

  /**
   * The VirtualServices, in manifest order, attached to `gateway` (`namespace/name` or `mesh`;
   * no `gateways` means `mesh`) with a host that covers any of `names` (normalised host names).
   * Their hosts are read as Istio reads config (see `resolveConfigHost`).
   */
  public virtualServicesBinding(names: string[], gateway: string): VirtualServiceInfo[] {
    const found = new Set<VirtualServiceInfo>();
    for (const name of names) for (const vs of this.virtualServicesByHost.get(name) ?? []) found.add(vs);
    for (const { vs, hosts } of this.wildcardVirtualServices) {
      if (hosts.some(host => names.some(name => hostCovers(host, name)))) found.add(vs);
    }
    return [...found]
      .filter(vs => this.gatewaysOf.get(vs)!.includes(gateway))
      .sort((a, b) => this.positions.get(a)! - this.positions.get(b)!);
  }

  /** The Service a request's host reaches from a caller in `namespace` (short name, `svc.ns`, FQDN...), if written. */
  public serviceForRequest(host: string, namespace: string): ServiceInfo | undefined {
    return requestHostNames(host, namespace).map(name => this.servicesByFqdn.get(name)).find(service => service !== undefined);
  }

  /** The Service a host written in Istio config in `namespace` names, if written (a short name, or the full name). */
  public serviceForConfigHost(host: string, namespace: string): ServiceInfo | undefined {
    return this.servicesByFqdn.get(resolveConfigHost(host, namespace));
  }

  /**
   * The Deployments behind a Service: those in its namespace whose pod labels include its
   * selector and, with a subset, the subset's labels from a DestinationRule. Requests split by
   * replica count.
   */
  public servicePods(service: ServiceInfo, subset?: string): ServicePods {
    const serviceRef = `Service ${service.namespace}/${service.name}`;
    if (Object.keys(service.selector).length === 0) return { kind: 'failed', error: `${serviceRef} has no selector` };
    const labelSets = [service.selector];
    if (subset !== undefined) {
      const fqdn = serviceFqdn(service.name, service.namespace);
      const subsetLabels = this.subsetLabels(fqdn, subset);
      if (subsetLabels === undefined) return { kind: 'failed', error: `subset '${subset}' of ${fqdn} is not defined in any DestinationRule` };
      labelSets.push(subsetLabels);
    }
    const what = subset === undefined ? serviceRef : `subset '${subset}' of ${serviceRef}`;
    const deployments = this.pods.select(service.namespace, ...labelSets);
    if (deployments.length === 0) return { kind: 'failed', error: `${what} selects no Deployment` };
    const total = deployments.reduce((sum, d) => sum + Math.max(d.replicas, 0), 0);
    if (total === 0) return { kind: 'failed', error: `${what} selects only Deployments with 0 replicas` };
    return {
      kind: 'pods',
      deployments: deployments.filter(deployment => deployment.replicas > 0).map(deployment => ({ deployment, share: deployment.replicas / total })),
    };
  }

  /**
   * The labels of subset `subset` of the service `fqdn`: from the first DestinationRule that
   * covers the host and defines the subset, exact hosts before wildcards; undefined if none does.
   */
  private subsetLabels(fqdn: string, subset: string): Record<string, string> | undefined {
    const key = `${fqdn}\u0000${subset}`;
    if (!this.subsetCache.has(key)) {
      const rules = [
        ...this.destinationRulesByHost.get(fqdn) ?? [],
        ...this.wildcardDestinationRules.filter(({ host }) => hostCovers(host, fqdn)).map(({ rule }) => rule),
      ];
      this.subsetCache.set(key, rules.flatMap(rule => rule.subsets).find(candidate => candidate.name === subset)?.labels);
    }
    return this.subsetCache.get(key);
  }

  private indexDestinationRule(rule: DestinationRuleInfo): void {
    const host = resolveConfigHost(rule.host, rule.namespace);
    if (isWildcardHost(host)) this.wildcardDestinationRules.push({ rule, host });
    else append(this.destinationRulesByHost, host, rule);
  }

  private indexVirtualService(vs: VirtualServiceInfo, position: number): void {
    this.virtualServicesByRef.set(`${vs.namespace}/${vs.name}`, vs);
    this.positions.set(vs, position);
    const gateways = vs.gateways === undefined || vs.gateways.length === 0
      ? [MESH_GATEWAY]
      : vs.gateways.map(gateway => resolveGatewayRef(gateway, vs.namespace));
    this.gatewaysOf.set(vs, gateways);
    const hosts = [...new Set(vs.hosts.map(host => resolveConfigHost(host, vs.namespace)))];
    if (hosts.some(isWildcardHost)) this.wildcardVirtualServices.push({ vs, hosts });
    for (const host of hosts.filter(h => !isWildcardHost(h))) append(this.virtualServicesByHost, host, vs);
  }
}
