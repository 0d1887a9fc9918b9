/*
 * The parts of Istio's VirtualService spec that `explain` reads, as plain JSON.
 * Values come from parsed manifests and are not validated beyond their use.
 */

/** A string condition: one of exact, prefix or regex (RE2, full match); none means "present". */
export interface StringMatchSpec {
  /** The value equals this. */
  readonly exact?: string;
  /** The value starts with this. */
  readonly prefix?: string;
  /** The whole value matches this RE2 expression. */
  readonly regex?: string;
}

/** One entry of an http route's `match` list; all its conditions must hold. */
export interface HttpMatchSpec {
  /** Condition on the path. */
  readonly uri?: StringMatchSpec;
  /** Exact and prefix `uri` conditions ignore case. */
  readonly ignoreUriCase?: boolean;
  /** Conditions on headers, by name (case-insensitive). */
  readonly headers?: Record<string, StringMatchSpec>;
  /** Headers that must be absent or not match. */
  readonly withoutHeaders?: Record<string, StringMatchSpec>;
  /** Conditions on query parameters, by name. */
  readonly queryParams?: Record<string, StringMatchSpec>;
  /** Condition on the Host/authority. */
  readonly authority?: StringMatchSpec;
  /** Labels the calling pod must carry. */
  readonly sourceLabels?: Record<string, string>;
  /** Namespace the calling pod must run in. */
  readonly sourceNamespace?: string;
  /** Gateways (or `mesh`) the request must come through. */
  readonly gateways?: string[];
  /** Conditions `explain` cannot evaluate, since its requests do not describe them. */
  readonly method?: unknown;
  /** See `method`. */
  readonly scheme?: unknown;
  /** See `method`. */
  readonly port?: unknown;
}

/** Header changes applied to a request. */
export interface HeaderOperationsSpec {
  /** Headers to overwrite. */
  readonly set?: Record<string, string>;
  /** Headers to append. */
  readonly add?: Record<string, string>;
  /** Headers to remove. */
  readonly remove?: string[];
}

/** Header changes of a route or destination. */
export interface HeadersSpec {
  /** Changes to the request. */
  readonly request?: HeaderOperationsSpec;
}

/** One weighted destination of an http route. */
export interface RouteDestinationSpec {
  /** Service host and optional subset. */
  readonly destination?: { readonly host?: string; readonly subset?: string };
  /** Relative weight. */
  readonly weight?: number;
  /** Header changes for requests sent to this destination. */
  readonly headers?: HeadersSpec;
}

/** One entry of a VirtualService's `http` list. */
export interface HttpRouteSpec {
  /** Conditions, any of which selects this route; none selects every request. */
  readonly match?: HttpMatchSpec[];
  /** Weighted destinations. */
  readonly route?: RouteDestinationSpec[];
  /** Another VirtualService whose routes decide instead. */
  readonly delegate?: { readonly name?: string; readonly namespace?: string };
  /** Header changes for every destination. */
  readonly headers?: HeadersSpec;
  /** A redirect answer (not followed). */
  readonly redirect?: unknown;
  /** A direct answer (not followed). */
  readonly directResponse?: unknown;
  /** Time limit of a request. */
  readonly timeout?: string;
  /** Retry policy. */
  readonly retries?: { readonly attempts?: number; readonly perTryTimeout?: string; readonly retryOn?: string } | null;
  /** Faults injected. */
  readonly fault?: {
    readonly delay?: { readonly fixedDelay?: string; readonly percentage?: PercentageSpec };
    readonly abort?: { readonly httpStatus?: number; readonly percentage?: PercentageSpec };
  };
  /** Where copies of the requests go. */
  readonly mirror?: { readonly host?: string; readonly subset?: string };
  /** Share of the requests copied. */
  readonly mirrorPercentage?: PercentageSpec;
}

/** A percentage, 0 to 100. */
export interface PercentageSpec {
  /** The percentage. */
  readonly value?: number;
}
