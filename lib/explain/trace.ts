import { bindingVirtualServices } from './binding';
import { DeploymentShare, destinationPods } from './destination-pods';
import { forwardedHeaders } from './header-operations';
import { DeploymentInfo, VirtualServiceInfo } from './manifest-objects';
import { MeshIndex } from './mesh-index';
import { ExplainOptions } from './options';
import { combineOutcomes, failedOutcome, mergeOutcomes, Outcome, scaleOutcomes, toTracedPaths } from './outcomes';
import { ExplainEntry } from './entry';
import { entryRequest, MeshRequest } from './request';
import { TracedPath } from './traced-path';
import { routeByVirtualService, virtualServiceLabel, WeightedDestination } from './virtual-service-routing';

/**
 * Traces where a request goes through the mesh, hop by hop, from synthesised manifests alone
 * (Deployments, Services, DestinationRules and VirtualServices as parsed from YAML), and returns
 * the distribution of its paths.
 *
 * The first VirtualService (in manifest order) that binds the request's host on its gateway (or
 * `mesh`) routes it; without one, a mesh request goes straight to the Service's Deployments.
 * Each Deployment reached then calls the hosts `options.callGraph` lists for its `app` label, as mesh
 * requests carrying only the `options.forwardHeaders`. A path lists every Deployment visited, callers
 * before callees, with the product of the probabilities on the way.
 *
 * @returns paths, most likely first (ties by path); a path whose routing failed somewhere carries `error`.
 * @throws Error past 10000 distinct paths, or on a regex that is not valid RE2.
 */
export function explain(manifests: unknown[], entry: ExplainEntry, options: ExplainOptions): TracedPath[] {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const tracer = new RequestTracer(MeshIndex.fromManifests(manifests, defaultNamespace), options);
  const request = entryRequest(entry, defaultNamespace);
  const caller = request.gateway === undefined ? 'mesh caller' : `gateway ${request.gateway}`;
  return toTracedPaths(tracer.traceCall(request, caller, []));
}

/** Follows calls through an indexed mesh. */
class RequestTracer {
  private readonly forwardHeaders: string[];

  constructor(private readonly index: MeshIndex, private readonly options: ExplainOptions) {
    this.forwardHeaders = options.forwardHeaders ?? [];
  }

  /** Outcomes of one call; `caller` names who makes it, `apps` the app labels on the call stack. */
  public traceCall(request: MeshRequest, caller: string, apps: string[]): Outcome[] {
    const fail = (error: string, via?: string) =>
      failedOutcome(`${caller} -> ${request.host}: ${error}${via === undefined ? '' : ` [${via}]`}`);
    const bound = bindingVirtualServices(this.index, request);
    if (bound.length === 0) {
      if (request.gateway !== undefined) return fail(`404: no VirtualService on gateway ${request.gateway} binds this host`);
      return this.traceToService(request, fail, apps);
    }
    const decision = routeByVirtualService(this.index, bound[0], request);
    const note = ignoredBindingsNote(bound);
    if (decision.kind === 'failed') return fail(decision.error, decision.via === undefined ? undefined : decision.via + note);
    return mergeOutcomes(decision.destinations.flatMap(destination =>
      scaleOutcomes(this.traceDestination(destination, decision.via + note, fail, apps), destination.share)));
  }

  private traceToService(request: MeshRequest, fail: (error: string) => Outcome[], apps: string[]): Outcome[] {
    const pods = destinationPods(this.index, request.host, request.sourceNamespace);
    if (pods.kind === 'failed') return fail(pods.error);
    const via = `Service ${pods.service.namespace}/${pods.service.name} (no VirtualService)`;
    return this.visitAll(pods.deployments, request.headers, via, apps);
  }

  private traceDestination(
    destination: WeightedDestination, via: string, fail: (error: string, via?: string) => Outcome[], apps: string[],
  ): Outcome[] {
    const pods = destinationPods(this.index, destination.host, destination.namespace, destination.subset);
    if (pods.kind === 'failed') return fail(pods.error, via);
    return this.visitAll(pods.deployments, destination.headers, via, apps);
  }

  private visitAll(shares: DeploymentShare[], headers: Record<string, string>, via: string, apps: string[]): Outcome[] {
    return mergeOutcomes(shares.flatMap(({ deployment, share }) =>
      scaleOutcomes(this.visit(deployment, headers, via, apps), share)));
  }

  /** A Deployment receiving a request with `headers`, then making its own calls one after another. */
  private visit(deployment: DeploymentInfo, headers: Record<string, string>, via: string, apps: string[]): Outcome[] {
    const here: Outcome = { probability: 1, path: [deployment.name], hops: [{ deployment: deployment.name, via }], errors: [] };
    const app = deployment.podLabels.app;
    if (app === undefined) return [here];
    if (apps.includes(app)) return [{ ...here, errors: [`call cycle: ${[...apps, app].join(' > ')}`] }];
    const forwarded = forwardedHeaders(headers, this.forwardHeaders);
    let outcomes = [here];
    for (const host of this.calledHosts(app)) {
      const call: MeshRequest = {
        host, sourceLabels: deployment.podLabels, sourceNamespace: deployment.namespace, headers: forwarded, uri: '/',
      };
      outcomes = combineOutcomes(outcomes, this.traceCall(call, deployment.name, [...apps, app]));
    }
    return outcomes;
  }

  private calledHosts(app: string): string[] {
    return Object.hasOwn(this.options.callGraph, app) ? this.options.callGraph[app] : [];
  }
}

function ignoredBindingsNote(bound: VirtualServiceInfo[]): string {
  if (bound.length < 2) return '';
  return ` (first of ${bound.length} binding VirtualServices; ignored: ${bound.slice(1).map(virtualServiceLabel).join(', ')})`;
}
