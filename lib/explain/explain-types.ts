/* What `explain` takes and gives: where a request starts, how the applications behave, and the paths it takes. */

import type { RouteSettingsInfo } from './route-settings';

/** Where a request traced by `explain` starts: who sends it, to which host, with what. */
export interface ExplainEntry {
  /**
   * Gateway reference `namespace/name`, for a request through an ingress gateway
   * (a name without a namespace means the default namespace). Omit for a mesh caller.
   * @default - a mesh caller
   */
  readonly gateway?: string;
  /** Host the request is addressed to (Host/authority header), e.g. '203.0.113.10' or 'web'. */
  readonly host: string;
  /**
   * Labels of the calling pod, for a mesh caller (matched by `sourceLabels`).
   * Ignored for a gateway request: the gateway pod carries none of the application's labels.
   * @default {}
   */
  readonly sourceLabels?: Record<string, string>;
  /**
   * Namespace of the calling pod, for a mesh caller.
   * @default - the default namespace of the options
   */
  readonly sourceNamespace?: string;
  /** Request headers (names case-insensitive). @default {} */
  readonly headers?: Record<string, string>;
  /** Request path, optionally with a `?query`. @default '/' */
  readonly uri?: string;
}

/** What `explain` needs besides the manifests: how the applications call each other. */
export interface ExplainOptions {
  /** What each application calls: app label -> hosts it sends requests to (short names like 'svc', or FQDNs). */
  readonly callGraph: Record<string, string[]>;
  /**
   * Request headers the applications copy from their incoming request onto every outgoing
   * call (the lane header, e.g. 'x-lane'). Other headers are NOT forwarded.
   * @default []
   */
  readonly forwardHeaders?: string[];
  /** Namespace of objects that write none. @default 'default' */
  readonly defaultNamespace?: string;
  /**
   * Most steps (calls routed plus Deployments visited) the trace may spend before it stops
   * with an `ExplainBudgetError`.
   * @default DEFAULT_EXPLAIN_BUDGET (200000)
   */
  readonly budget?: number;
}

/** One Deployment a request reached, and the object that sent it there. */
export interface Hop {
  /** Name of the Deployment. */
  readonly deployment: string;
  /**
   * The object and http route that decided this hop, e.g. `VirtualService default/vs-svc http[1]`
   * or `Service default/svc (no VirtualService)`.
   */
  readonly via: string;
  /**
   * What that route did to the request on the way: timeout, retries, mirror, delay.
   * @default - nothing
   */
  readonly settings?: RouteSettingsInfo;
}

/** One way a request can travel through the mesh, with its probability. */
export interface TracedPath {
  /** Probability of this path, 0..1, rounded to 6 decimals. */
  readonly probability: number;
  /** Deployment names in visiting order (depth-first preorder over the calls). */
  readonly path: string[];
  /** The hops of `path`, one per Deployment, in the same order. */
  readonly hops: Hop[];
  /**
   * Why the request could not be routed somewhere on this path (no route matched, unknown
   * subset or host, no Deployment selected, call cycle). The path ends where routing failed.
   * @default - every call was routed
   */
  readonly error?: string;
}
