import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { Namespace } from 'kubernetes-types/core/v1';
import { adoptWorkload, AdoptableWorkload } from './adopted-workload';
import { EntryGateway } from './entry-gateway';
import { EntryRouting } from './entry-routing';
import { GatewayApiGateway } from './gateway-api-gateway';
import { GatewayApiRouting } from './gateway-api-routing';
import { kubeObject } from './kube-object';
import { LaneRouting } from './lane-routing';
import { ServiceWorkloads } from './service-workloads';
import { VersionServices } from './version-services';
import { VersionedDestinationRule } from './versioned-destination-rule';
import { DATAPLANE_MODE_LABEL, USE_WAYPOINT_LABEL, Waypoint } from './waypoint';
import { PathSegment, Problems, show } from '../diagnostics/problems';
import { ChainModel, resolveChain } from '../model/chain-model';
import { WAYPOINT_NAME } from '../model/naming';
import { DataPlane, RoutingApi, ServiceChainProps, WorkloadObjects } from '../props/chain-props';
import { validateChain } from '../validation/chain-rules';
import { checkObjectSizes, MAX_ANNOTATION_BYTES, RenderedObject } from '../validation/object-size';

/**
 * A chain of services in several versions, with the Istio routing that keeps every
 * request on one version (its lane) from the entry to the last hop.
 *
 * It writes, for each service, a Service, a Deployment per version, a DestinationRule
 * with a subset per version and (behind the entry) a VirtualService that follows the lane;
 * for the entry, a root VirtualService bound to the gateways and the mesh, delegating to
 * the entry service's VirtualService, which splits traffic by header and by weight.
 *
 * With `routingApi: gateway-api` it writes Gateway API objects instead of the VirtualServices,
 * DestinationRules and Istio Gateways: a Service per version, HTTPRoutes (see
 * {@link GatewayApiRouting}) and Gateway API Gateways. With `dataPlane: ambient` it also writes
 * a waypoint and labels the namespace (or the Services) to use it.
 *
 * Props are validated first; every problem is reported in one {@link ChainValidationError}.
 */
export class ServiceChain extends Construct {
  /** The props with every default applied. */
  public readonly model: ChainModel;
  /** Findings that do not stop the synth, such as lanes that end at a service lacking their version. */
  public readonly warnings: string[];
  /** The Namespace, when `createNamespace` is set. */
  public readonly namespaceObject?: ApiObject;
  /** Services and Deployments, per service in chain order. */
  public readonly workloads: ServiceWorkloads[];
  /** The Services of each version (`<service>-<version>`), per service in chain order; with `routingApi: gateway-api` only. */
  public readonly versionServices: VersionServices[];
  /** Gateways written for the entry: Istio Gateways, or Gateway API Gateways with `routingApi: gateway-api`. */
  public readonly gateways: ApiObject[];
  /** The waypoint, with `dataPlane: ambient`. */
  public readonly waypoint?: ApiObject;
  /** DestinationRules, in chain order; none with `routingApi: gateway-api`. */
  public readonly destinationRules: ApiObject[];
  /** The root VirtualService and the entry service's delegate; none with `routingApi: gateway-api`. */
  public readonly entry?: EntryRouting;
  /** VirtualServices of the services behind the entry, in chain order; none with `routingApi: gateway-api`. */
  public readonly laneRoutes: ApiObject[];
  /** The HTTPRoutes, with `routingApi: gateway-api`. */
  public readonly httpRoutes?: GatewayApiRouting;

  constructor(scope: Construct, id: string, givenProps: ServiceChainProps) {
    super(scope, id);
    const chartNamespace = this.node.scopes.find(Chart.isChart)?.namespace;
    const props = withChartNamespace(givenProps, chartNamespace);
    const findings = validateChain(props);
    const namespace = isObject(givenProps) ? givenProps.namespace : undefined;
    if (namespace !== undefined && chartNamespace !== undefined && namespace !== chartNamespace) {
      findings.problems.add(['namespace'], `${show(namespace)} differs from the namespace ${show(chartNamespace)} of the cdk8s Chart the chain is in; `
        + 'the objects would land in one and the hosts and delegates name the other. Set one of them, or give both the same value');
    }
    findings.problems.throwIfAny();
    this.warnings = findings.warnings;
    const chain = resolveChain(props);
    this.model = chain;

    const ambient = chain.dataPlane === DataPlane.AMBIENT;
    const gatewayApi = chain.routingApi === RoutingApi.GATEWAY_API;
    if (chain.createNamespace && chain.namespace) {
      this.namespaceObject = kubeObject<Namespace>(this, 'Namespace', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: chain.namespace,
          labels: ambient ? { [DATAPLANE_MODE_LABEL]: 'ambient', [USE_WAYPOINT_LABEL]: WAYPOINT_NAME } : { 'istio-injection': 'enabled' },
        },
      });
    }
    this.workloads = chain.workloads === WorkloadObjects.NONE ? [] : chain.services.map(service =>
      new ServiceWorkloads(this, `${service.name}-Workloads`, {
        service, namespace: chain.namespace, deployments: chain.workloads === WorkloadObjects.ALL,
      }));
    if (ambient && !this.namespaceObject) {
      // The namespace is not ours to label: each Service of the chain names the waypoint itself.
      for (const workloads of this.workloads) workloads.service.metadata.addLabel(USE_WAYPOINT_LABEL, WAYPOINT_NAME);
    }
    this.versionServices = gatewayApi
      ? chain.services.map(service => new VersionServices(this, `${service.name}-VersionServices`, { service, namespace: chain.namespace }))
      : [];
    this.gateways = chain.entry.createGateways.map((gateway, i) => (gatewayApi
      ? new GatewayApiGateway(this, `Gateway${i}`, { gateway, defaultHosts: chain.entry.hosts, routeNamespace: chain.effectiveNamespace })
      : new EntryGateway(this, `Gateway${i}`, { gateway, defaultHosts: chain.entry.hosts, apiVersion: chain.apiVersion })).object);
    this.waypoint = ambient ? new Waypoint(this, 'Waypoint', { namespace: chain.namespace }).object : undefined;
    this.destinationRules = gatewayApi ? [] : chain.services.map(service =>
      new VersionedDestinationRule(this, `${service.name}-DestinationRule`, {
        service, apiVersion: chain.apiVersion, namespace: chain.namespace,
      }).object);
    this.entry = gatewayApi ? undefined : new EntryRouting(this, 'Entry', { chain });
    this.laneRoutes = gatewayApi ? [] : chain.services
      .filter(service => service.name !== chain.entry.service)
      .map(service => new LaneRouting(this, `${service.name}-Lanes`, { chain, service }).object);
    this.httpRoutes = gatewayApi ? new GatewayApiRouting(this, 'HttpRoutes', { chain }) : undefined;

    const sizes = new Problems();
    checkObjectSizes(this.renderedObjects(), sizes, this.warnings);
    sizes.throwIfAny();
  }

  /**
   * The objects that may pass the size limits, rendered, with the part of the props their
   * content comes from. Rendering every object would double the cost of a synth, so an object is
   * rendered only when a cheap upper bound of its size, worked out from the model, passes the
   * lower limit: a Deployment holds each string of its version at most three times, a lane
   * VirtualService each of its plan's, plus the lane header and the host per match. Services
   * and DestinationRules are always far below it (names of at most 63 characters, at most 100
   * versions); the root and the delegate, one each, are always rendered.
   */
  private renderedObjects(): RenderedObject[] {
    const { model } = this;
    const rendered = (object: ApiObject, path: PathSegment[]): RenderedObject =>
      ({ kind: object.kind, name: object.name, json: object.toJson(), path });
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: rendering one object more only costs time (one within the limit gets no finding); each bound counts its strings at least twice, so 4 KiB less still passes every object over the limit
    const mayBeLarge = (bound: number) => bound + SIZE_OVERHEAD > MAX_ANNOTATION_BYTES;
    const laneServices = model.services.map((service, i) => ({ service, i })).filter(({ service }) => service.name !== model.entry.service);
    return [
      // Stryker disable next-line MethodExpression: without the filter every Deployment is rendered, which only costs time
      ...this.workloads.flatMap((workloads, i) => [...workloads.deployments]
        .filter(([version]) => mayBeLarge(3 * jsonLength(model.services[i].versions.find(v => v.name === version))))
        .map(([version, deployment]) => rendered(deployment, ['services', i, 'versions', version]))),
      // Stryker disable next-line MethodExpression: without the filter every Gateway is rendered, which only costs time
      ...this.gateways
        .map((gateway, i) => ({ gateway, i }))
        .filter(({ i }) => mayBeLarge(2 * jsonLength(model.entry.createGateways[i]) + 2 * jsonLength(model.entry.hosts)))
        .map(({ gateway, i }) => rendered(gateway, ['entry', 'createGateways', i])),
      ...(this.entry ? [rendered(this.entry.root, ['entry']), rendered(this.entry.delegate, ['entry', 'headerRoutes'])] : []),
      ...(this.httpRoutes ? [
        ...[this.httpRoutes.ingress, this.httpRoutes.entryMesh].flatMap(route => (route ? [rendered(route, ['entry'])] : [])),
        ...this.httpRoutes.laneRoutes.map((route, j) => rendered(route, ['services', laneServices[j].i])),
      ] : []),
      // Stryker disable next-line MethodExpression: without the filter every lane VirtualService is rendered, which only costs time
      ...this.laneRoutes
        .map((route, j) => ({ route, i: laneServices[j].i, plan: model.routing.lanes[j] }))
        .filter(({ plan }) => {
          // Stryker disable next-line ArithmeticOperator: a lane VirtualService passes 256 KiB only with a lane header of thousands of characters or with many callers per rule, whose strings the doubled plan already counts; 64 bytes or the service's name (63 at most) per match less still passes it
          const perMatch = model.routing.laneHeader.length + plan.service.length + 64;
          const matches = plan.rules.reduce((count, rule) => count + rule.matches.length + rule.targets.length, 0);
          return mayBeLarge(2 * jsonLength(plan) + matches * perMatch);
        })
        .map(({ route, i }) => rendered(route, ['services', i])),
    ];
  }

  /**
   * Adopts a workload defined elsewhere in the app (a cdk8s-plus `Deployment`, a
   * `KubeDeployment`, any ApiObject with a pod template) as the pods of one version. The pods
   * get the labels the routing relies on, `app: <service>` and `version: <version>`; a label
   * already set to another value, a workload in another namespace or one without a pod
   * template is refused. Needs `workloads: 'services'` or `'none'`: with `all` the chain writes
   * that Deployment itself.
   */
  public adoptWorkload(service: string, version: string, workload: AdoptableWorkload): void {
    const found = this.model.services.find(s => s.name === service);
    if (!found) throw new Error(`adoptWorkload: ${JSON.stringify(service)} is not a service of the chain`);
    if (!found.hasVersion(version)) {
      throw new Error(`adoptWorkload: ${JSON.stringify(version)} is not a version of ${JSON.stringify(service)}; `
        + `add it to its versions (${found.versions.map(v => v.name).join(', ')})`);
    }
    if (this.model.workloads === WorkloadObjects.ALL) {
      throw new Error(`adoptWorkload: the chain writes the Deployment of ${service}-${version} itself; `
        + "set `workloads: 'services'` (or 'none') to adopt workloads defined elsewhere");
    }
    adoptWorkload(workload, { app: service, version }, this.model.effectiveNamespace);
  }

  /**
   * Every object once: the Namespace, then per service its Service and ServiceAccount, the
   * Services of its versions (`routingApi: gateway-api`) and each version's Deployment,
   * PodDisruptionBudget and HorizontalPodAutoscaler, then the routing objects.
   */
  public get objects(): ApiObject[] {
    return [
      ...(this.namespaceObject ? [this.namespaceObject] : []),
      ...this.model.services.flatMap((_, i) => {
        const workloads = this.workloads[i];
        return [
          ...(workloads ? serviceObjects(workloads) : []),
          ...(this.versionServices[i]?.services.values() ?? []),
          ...(workloads
            ? [...workloads.deployments].flatMap(([version, deployment]) => [deployment, ...workloads.versionObjects.get(version)!])
            : []),
        ];
      }),
      ...this.routingObjects,
    ];
  }

  /**
   * Every routing object, in reading order: Gateways, the waypoint, then DestinationRules, root,
   * delegate and lane routes (Istio), or the HTTPRoutes (Gateway API).
   */
  public get routingObjects(): ApiObject[] {
    return [
      ...this.gateways,
      ...(this.waypoint ? [this.waypoint] : []),
      ...this.destinationRules,
      ...(this.entry ? [this.entry.root, this.entry.delegate] : []),
      ...this.laneRoutes,
      ...(this.httpRoutes ? this.httpRoutes.objects : []),
    ];
  }
}

/** A service's objects shared by its versions: the Service, and its ServiceAccount when it has one. @internal */
export function serviceObjects(workloads: ServiceWorkloads): ApiObject[] {
  return workloads.serviceAccount ? [workloads.service, workloads.serviceAccount] : [workloads.service];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The chain's namespace is `namespace`, else the namespace of the cdk8s Chart it is in: the
 * Chart puts its objects there, so the hosts and delegate references must name it too.
 */
function withChartNamespace(props: ServiceChainProps, chartNamespace: string | undefined): ServiceChainProps {
  // Stryker disable next-line ConditionalExpression: without a Chart namespace the copy below only adds `namespace: undefined`, which reads as unset everywhere
  if (chartNamespace === undefined) return props;
  if (!isObject(props) || props.namespace !== undefined) return props;
  return { ...props, namespace: chartNamespace };
}

/** What an object's JSON holds besides the strings of the model: field names, kinds, API versions. */
const SIZE_OVERHEAD = 4096;

/** The size of a value's JSON in UTF-8 bytes, the measure of the strings it holds. */
function jsonLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null));
}
