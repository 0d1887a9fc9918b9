import { ExplainEntry, ExplainOptions } from './explain-types';
import { HttpRouteIndex } from './http-routes';
import { DeploymentInfo, DeploymentShare, MeshIndex, VirtualServiceInfo } from './mesh-index';
import {
  bindingVirtualServices, entryRequest, forwardedHeaders, MeshRequest, routeByVirtualService, RoutingDecision, virtualServiceLabel,
  WeightedDestination,
} from './routing';
import { DEFAULT_NAMESPACE, dottedHostHint } from '../manifests';
import { abortError, RouteSettingsInfo } from './route-settings';

/** The steps `explain` may spend on one request unless told otherwise: enough for thousands of services in several lanes. */
export const DEFAULT_EXPLAIN_BUDGET = 200_000;

/**
 * The deepest chain of calls followed (a call stack of 1000 Deployments); deeper calls are
 * refused rather than overflow the stack. No chain of services nests its calls that deep.
 */
export const MAX_CALL_DEPTH = 1000;

/**
 * One Deployment receiving requests that carry some forwarded headers, and the calls it then
 * makes, one after another. Every path through this Deployment with these headers goes on the
 * same way, so the sub-trace is computed once and shared: the object is the same wherever it is reached.
 */
export interface Visit {
  /** Name of the Deployment. */
  readonly deployment: string;
  /** Namespace of the Deployment. */
  readonly namespace: string;
  /** The headers it copies onto its own calls (`forwardHeaders` it received), names in lower case. */
  readonly forwarded: Readonly<Record<string, string>>;
  /** Its calls, in the order the call graph lists them. */
  readonly calls: readonly Call[];
  /**
   * Set when the Deployment's app is already on the call stack, e.g. `call cycle: a > b > a`:
   * it then makes no calls. A visit that ends a cycle is never shared.
   * @default - no cycle
   */
  readonly cycle?: string;
}

/** One request sent by a caller to a host, and where it can go. */
export interface Call {
  /** Who sends it: a Deployment name, `mesh caller` or `gateway <namespace>/<name>`. */
  readonly caller: string;
  /** Host it is addressed to, as the caller writes it. */
  readonly host: string;
  /** Where it goes, with shares adding up to 1. */
  readonly branches: readonly Branch[];
}

/** A share of a call's requests reaching a Deployment. */
export interface RoutedBranch {
  /** Share of the call's requests, 0..1. */
  readonly share: number;
  /** The object and http route that decided, e.g. `VirtualService default/vs-svc http[1]`. */
  readonly via: string;
  /** The Deployment reached and what it does next. */
  readonly visit: Visit;
  /**
   * What the route did to the requests on the way: timeout, retries, mirror, delay.
   * @default - nothing
   */
  readonly settings?: RouteSettingsInfo;
}

/** A share of a call's requests that cannot be routed. */
export interface FailedBranch {
  /** Share of the call's requests, 0..1. */
  readonly share: number;
  /** What went wrong, e.g. `404: no http route of VirtualService default/vs matched`. */
  readonly error: string;
  /**
   * The object and http route that decided, if a route was selected.
   * @default - no route was selected
   */
  readonly via?: string;
}

/** Where a share of a call's requests goes. */
export type Branch = RoutedBranch | FailedBranch;

/** Whether a branch reached a Deployment. */
export function isRouted(branch: Branch): branch is RoutedBranch {
  return (branch as RoutedBranch).visit !== undefined;
}

/** A request traced through the mesh: its first call, whose branches lead to shared {@link Visit}s. */
export interface TraceGraph {
  /** The request as it enters. */
  readonly entry: Call;
  /** Steps spent: calls routed plus visits made. */
  readonly steps: number;
}

/** Thrown when tracing needs more steps than its budget allows. */
export class ExplainBudgetError extends Error {
  constructor(public readonly budget: number) {
    super(`explain: the trace needs more than ${budget} steps (calls routed plus Deployments visited) and was stopped; `
      + 'this happens when the forwarded headers change at every hop or calls go round in a cycle. '
      + 'Narrow the entry, or raise the budget if the chain is that large');
    this.name = 'ExplainBudgetError';
  }
}

/**
 * Traces where a request goes through the mesh, hop by hop, from the manifests alone
 * (Deployments, Services, DestinationRules and VirtualServices as parsed from YAML). The
 * result is a graph, not a list of paths: what a Deployment does with a request depends only on
 * the Deployment and the headers it forwards, so each such {@link Visit} is traced once, however
 * many paths reach it. The work grows with the number of distinct visits, not of paths.
 *
 * The first VirtualService (in manifest order) that binds the request's host on its gateway (or
 * `mesh`) routes it; without one, a mesh request goes straight to the Service's Deployments.
 * Each Deployment reached then calls the hosts `options.callGraph` lists for its `app` label, as mesh
 * requests carrying only the `options.forwardHeaders`.
 *
 * @param budget most steps (calls routed plus visits made) to spend. @default - `options.budget`, else DEFAULT_EXPLAIN_BUDGET
 * @throws ExplainBudgetError past the budget; Error on calls nested deeper than {@link MAX_CALL_DEPTH},
 *   or on a regex that is not valid RE2.
 */
export function traceGraph(
  manifests: unknown[], entry: ExplainEntry, options: ExplainOptions, budget = options.budget ?? DEFAULT_EXPLAIN_BUDGET,
): TraceGraph {
  const defaultNamespace = options.defaultNamespace ?? DEFAULT_NAMESPACE;
  const httpRoutes = HttpRouteIndex.fromManifests(manifests, defaultNamespace);
  const tracer = new GraphTracer(MeshIndex.fromManifests(manifests, defaultNamespace), options, budget, httpRoutes);
  const request = entryRequest(entry, defaultNamespace);
  const caller = request.gateway === undefined ? 'mesh caller' : `gateway ${request.gateway}`;
  try {
    const traced = tracer.traceCall(request, caller, tracer.emptyStack());
    return { entry: traced.call, steps: tracer.steps };
  } catch (error) {
    // the JavaScript stack may run out before MAX_CALL_DEPTH where frames are larger
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw callsTooDeep();
    throw error;
  }
}

/**
 * A set of apps as bits, one per app label of the mesh's Deployments: unions and the check
 * against the call stack cost a few machine words, whatever the size of the chain.
 */
class AppSet {
  public static empty(apps: number): AppSet {
    return new AppSet(new Uint32Array(Math.ceil(apps / 32)));
  }

  public static union(sets: AppSet[]): AppSet {
    const words = sets[0].words.slice();
    for (const set of sets.slice(1)) for (let i = 0; i < words.length; i++) words[i] |= set.words[i];
    return new AppSet(words);
  }

  constructor(readonly words: Uint32Array) {}

  public has(id: number): boolean {
    return (this.words[id >>> 5] & (1 << (id & 31))) !== 0;
  }

  /** This set with `id` added (a copy; sets are shared between visits and never change). */
  public with(id: number): AppSet {
    if (this.has(id)) return this;
    const words = this.words.slice();
    words[id >>> 5] |= 1 << (id & 31);
    return new AppSet(words);
  }

  public meets(other: Uint32Array): boolean {
    return this.words.some((word, i) => (word & other[i]) !== 0);
  }
}

/** What a sub-trace depends on besides its Deployment and headers: what it may be reused under. */
interface Dependencies {
  /** The apps of the Deployments in it. */
  readonly reachedApps: AppSet;
  /** Whether a call cycle was found in it: the result then depends on the call stack and is not shared. */
  readonly cyclic: boolean;
}

/** The apps of the Deployments on the way from the entry to the current call, as names and as bits. */
class CallStack {
  private readonly names: string[] = [];
  private readonly ids: number[] = [];
  private readonly counts: Uint32Array;
  private readonly bits: Uint32Array;

  constructor(apps: number) {
    this.counts = new Uint32Array(apps);
    this.bits = new Uint32Array(Math.ceil(apps / 32));
  }

  get depth(): number {
    return this.names.length;
  }

  public has(id: number): boolean {
    return this.counts[id] > 0;
  }

  /** Whether any app of `apps` is on the stack. */
  public meetsAny(apps: AppSet): boolean {
    return apps.meets(this.bits);
  }

  public push(name: string, id: number): void {
    this.names.push(name);
    this.ids.push(id);
    if (this.counts[id]++ === 0) this.bits[id >>> 5] |= 1 << (id & 31);
  }

  public pop(): void {
    this.names.pop();
    const id = this.ids.pop()!;
    if (--this.counts[id] === 0) this.bits[id >>> 5] &= ~(1 << (id & 31));
  }

  /** `a > b > c > a` for a cycle closed by `name`. */
  public cycleThrough(name: string): string {
    return [...this.names, name].join(' > ');
  }
}

/**
 * Builds a {@link TraceGraph}. A visit is shared under the key (Deployment, forwarded headers),
 * and reused only where doing so gives what tracing it again would: when no cycle was found
 * below it, and no app it reaches is on the current call stack (tracing again would then stop
 * at a cycle).
 */
class GraphTracer {
  public steps = 0;
  private readonly forwardHeaders: string[];
  /** Shared visits by key, with the apps below them (for the reuse check) and with their own app (to return). */
  private readonly shared = new Map<string, { visit: Visit; below: Dependencies; withOwnApp: Dependencies }>();

  /** A number per app label of the mesh's Deployments, for {@link AppSet}. */
  private readonly appIds = new Map<string, number>();
  private readonly none: Dependencies;

  constructor(
    private readonly index: MeshIndex, private readonly options: ExplainOptions, private readonly budget: number,
    /** Gateway API routes, used where no VirtualService binds the request. */
    private readonly httpRoutes?: HttpRouteIndex,
  ) {
    this.forwardHeaders = options.forwardHeaders ?? [];
    for (const deployment of index.deployments) {
      const app = deployment.labels.app;
      if (app !== undefined && !this.appIds.has(app)) this.appIds.set(app, this.appIds.size);
    }
    this.none = { reachedApps: AppSet.empty(this.appIds.size), cyclic: false };
  }

  /** A call stack with no app on it yet. */
  public emptyStack(): CallStack {
    return new CallStack(this.appIds.size);
  }

  /** One call: its branches, and what the sub-traces below it depend on. */
  public traceCall(request: MeshRequest, caller: string, stack: CallStack): { call: Call; dependencies: Dependencies } {
    this.spend();
    const routed = this.route(request, stack);
    return { call: { caller, host: request.host, branches: mergeBranches(routed.branches) }, dependencies: routed.dependencies };
  }

  private route(request: MeshRequest, stack: CallStack): { branches: Branch[]; dependencies: Dependencies } {
    const fail = (error: string, via?: string) => ({ branches: [failed(1, error, via)], dependencies: this.none });
    const bound = bindingVirtualServices(this.index, request);
    if (bound.length === 0) {
      const byHttpRoutes = this.httpRoutes?.route(this.index, request);
      if (byHttpRoutes !== undefined) return this.follow(byHttpRoutes, '', stack);
      if (request.gateway !== undefined && this.index.gatewayServes(request.gateway, request.host) === false) {
        return fail(`404: Gateway ${request.gateway} has no server for host ${request.host}`);
      }
      if (request.gateway !== undefined) return fail(`404: no VirtualService on gateway ${request.gateway} binds this host`);
      const service = this.index.serviceForRequest(request.host, request.sourceNamespace);
      if (service === undefined) return fail(unknownHost(request.host));
      const pods = this.index.servicePods(service);
      if (pods.kind === 'failed') return fail(pods.error);
      const via = `Service ${service.namespace}/${service.name} (no VirtualService)`;
      return this.visitAll([{ share: 1, shares: pods.deployments, headers: request.headers, via }], stack);
    }
    return this.follow(routeByVirtualService(this.index, bound[0], request), ignoredBindingsNote(bound), stack);
  }

  /** Where a routing decision sends the request; `note` is added to each `via`. */
  private follow(decision: RoutingDecision, note: string, stack: CallStack): { branches: Branch[]; dependencies: Dependencies } {
    if (decision.kind === 'failed') {
      return { branches: [failed(1, decision.error, decision.via === undefined ? undefined : decision.via + note)], dependencies: this.none };
    }
    const via = decision.via + note;
    const visited = this.visitAll(decision.destinations.map(destination => this.destinationTargets(destination, via, decision.settings)), stack);
    // an abort fault answers its share of the requests before any destination: a branch that ends with its status
    const abort = decision.settings?.abort;
    if (abort !== undefined && abort.percentage > 0) visited.branches.push(failed(abort.percentage / 100, abortError(abort.httpStatus), via));
    return visited;
  }

  private destinationTargets(destination: WeightedDestination, via: string, settings: RouteSettingsInfo | undefined): Targets {
    const service = this.index.serviceForConfigHost(destination.host, destination.namespace);
    if (service === undefined) return { share: destination.share, error: unknownHost(destination.host, dottedHostHint(destination.host)), via };
    const pods = this.index.servicePods(service, destination.subset);
    if (pods.kind === 'failed') return { share: destination.share, error: pods.error, via };
    return { share: destination.share, shares: pods.deployments, headers: destination.headers, via, settings };
  }

  private visitAll(targets: Targets[], stack: CallStack): { branches: Branch[]; dependencies: Dependencies } {
    const branches: Branch[] = [];
    const dependencies: Dependencies[] = [];
    for (const target of targets) {
      if ('error' in target) {
        branches.push(failed(target.share, target.error, target.via));
        continue;
      }
      for (const { deployment, share } of target.shares) {
        const visited = this.visit(deployment, target.headers, stack);
        const branch = { share: target.share * share, via: target.via, visit: visited.visit };
        branches.push(target.settings === undefined ? branch : { ...branch, settings: target.settings });
        dependencies.push(visited.dependencies);
      }
    }
    return { branches, dependencies: this.combine(dependencies) };
  }

  /** A Deployment receiving a request with `headers`; the dependencies returned include its own app. */
  private visit(deployment: DeploymentInfo, headers: Record<string, string>, stack: CallStack): { visit: Visit; dependencies: Dependencies } {
    const forwarded = forwardedHeaders(headers, this.forwardHeaders);
    const base = { deployment: deployment.name, namespace: deployment.namespace, forwarded };
    const app = deployment.labels.app;
    if (app === undefined) return { visit: { ...base, calls: [] }, dependencies: this.none };
    const appId = this.appIds.get(app)!;
    if (stack.has(appId)) {
      this.spend();
      const cycle = `call cycle: ${stack.cycleThrough(app)}`;
      return { visit: { ...base, calls: [], cycle }, dependencies: { reachedApps: this.none.reachedApps.with(appId), cyclic: true } };
    }
    const key = JSON.stringify([deployment.namespace, deployment.name, Object.entries(forwarded).sort()]);
    const known = this.shared.get(key);
    if (known !== undefined && !stack.meetsAny(known.below.reachedApps)) return { visit: known.visit, dependencies: known.withOwnApp };
    this.spend();
    if (stack.depth >= MAX_CALL_DEPTH) throw callsTooDeep();
    stack.push(app, appId);
    const calls: Call[] = [];
    const below: Dependencies[] = [];
    try {
      for (const host of this.calledHosts(app)) {
        const call: MeshRequest = {
          host, sourceLabels: deployment.labels, sourceNamespace: deployment.namespace, headers: forwarded, uri: '/',
        };
        const traced = this.traceCall(call, deployment.name, stack);
        calls.push(traced.call);
        below.push(traced.dependencies);
      }
    } finally {
      stack.pop();
    }
    const visit: Visit = { ...base, calls };
    const dependencies = this.combine(below);
    const withOwnApp = { reachedApps: dependencies.reachedApps.with(appId), cyclic: dependencies.cyclic };
    if (!dependencies.cyclic) this.shared.set(key, { visit, below: dependencies, withOwnApp });
    return { visit, dependencies: withOwnApp };
  }

  private combine(parts: Dependencies[]): Dependencies {
    if (parts.length === 0) return this.none;
    if (parts.length === 1) return parts[0];
    return { reachedApps: AppSet.union(parts.map(part => part.reachedApps)), cyclic: parts.some(part => part.cyclic) };
  }

  private calledHosts(app: string): string[] {
    return Object.hasOwn(this.options.callGraph, app) ? this.options.callGraph[app] : [];
  }

  private spend(): void {
    this.steps += 1;
    if (this.steps > this.budget) throw new ExplainBudgetError(this.budget);
  }
}

/** Deployments a destination reaches, with the headers they receive, or why there are none. */
type Targets =
  | {
    readonly share: number;
    readonly shares: DeploymentShare[];
    readonly headers: Record<string, string>;
    readonly via: string;
    readonly settings?: RouteSettingsInfo;
  }
  | { readonly share: number; readonly error: string; readonly via?: string };

function callsTooDeep(): Error {
  return new Error(`explain: calls nest too deep to trace (at most ${MAX_CALL_DEPTH} Deployments, one calling the next); `
    + 'check the call graph, or trace from a service further down');
}

function unknownHost(host: string, hint = ''): string {
  return `unknown host '${host}': no Service of that name${hint}`;
}

function failed(share: number, error: string, via: string | undefined): FailedBranch {
  return via === undefined ? { share, error } : { share, error, via };
}

/** Branches that lead to the same place by the same route (same visit and via, or same error) merged, shares summed, first order kept. */
function mergeBranches(branches: Branch[]): Branch[] {
  const merged: Branch[] = [];
  for (const branch of branches) {
    const at = merged.findIndex(other => sameOutcome(other, branch));
    if (at < 0) merged.push(branch);
    else merged[at] = { ...merged[at], share: merged[at].share + branch.share };
  }
  return merged;
}

function sameOutcome(a: Branch, b: Branch): boolean {
  if (a.via !== b.via) return false;
  if (isRouted(a) || isRouted(b)) return isRouted(a) && isRouted(b) && a.visit === b.visit;
  return a.error === b.error;
}

function ignoredBindingsNote(bound: VirtualServiceInfo[]): string {
  if (bound.length < 2) return '';
  return ` (first of ${bound.length} binding VirtualServices; ignored: ${bound.slice(1).map(virtualServiceLabel).join(', ')})`;
}
