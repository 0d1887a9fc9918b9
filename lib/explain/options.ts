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
