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
