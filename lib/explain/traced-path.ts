/** One Deployment a request reached, and the object that sent it there. */
export interface Hop {
  /** Name of the Deployment. */
  readonly deployment: string;
  /**
   * The object and http route that decided this hop, e.g. `VirtualService default/vs-svc http[1]`
   * or `Service default/svc (no VirtualService)`.
   */
  readonly via: string;
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
