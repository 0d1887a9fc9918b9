/**
 * A delay injected into a share of one lane's requests.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPFaultInjection-Delay
 */
export interface FaultDelay {
  /** How long the requests wait, as an Istio duration (`5s`), at least 1 ms. */
  readonly fixedDelay: string;
  /**
   * Share of the lane's requests delayed, in percent.
   * @minimum 0
   * @maximum 100
   */
  readonly percentage: number;
}

/**
 * Requests of one lane answered with an error status before they reach the service.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPFaultInjection-Abort
 */
export interface FaultAbort {
  /**
   * HTTP status returned.
   * @asType integer
   * @minimum 200
   * @maximum 599
   */
  readonly httpStatus: number;
  /**
   * Share of the lane's requests aborted, in percent.
   * @minimum 0
   * @maximum 100
   */
  readonly percentage: number;
}

/**
 * Fault injection for chaos tests inside a canary lane: only the requests of `lane` that reach
 * this service are delayed or aborted; the baseline's traffic and other lanes are never touched.
 */
export interface LaneFault {
  /**
   * The lane: a version name. In `header` mode, requests whose lane header names it; in
   * `sourceLabels` mode, requests from callers running that version. Never the service's baseline.
   */
  readonly lane: string;
  /** @default - no delay */
  readonly delay?: FaultDelay;
  /** @default - no abort */
  readonly abort?: FaultAbort;
}

/**
 * A dark launch: a copy of a share of one lane's requests (or of the baseline's) is sent to a
 * version that takes no live traffic; its answers are dropped. Calls made by that version's pods
 * go to the baselines of the services they call, outside every lane.
 */
export interface Mirror {
  /** The version that receives the copies; it gets no lane and no live traffic. */
  readonly version: string;
  /**
   * Share of the requests copied, in percent.
   * @minimum 0
   * @maximum 100
   */
  readonly percentage: number;
  /**
   * The lane whose requests are copied, a version name.
   * @default - the baseline's traffic: requests of the service's last route, which no lane claims
   */
  readonly lane?: string;
}
