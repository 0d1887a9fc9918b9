import { LoadBalancer } from './chain-props';

/**
 * How Envoy retries a request that failed: at most `attempts` more tries, each limited to
 * `perTryTimeout`, on the conditions of `retryOn`.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRetry
 */
export interface RetrySettings {
  /**
   * Most retries of one request (0 turns retries off).
   * @asType integer
   * @minimum 0
   * @maximum 100
   */
  readonly attempts: number;
  /**
   * Time limit of each try, as an Istio duration (`500ms`, `2s`, `1m`), at least 1 ms.
   * @default - the route's `timeout`
   */
  readonly perTryTimeout?: string;
  /**
   * The conditions that cause a retry: Envoy's retry conditions (`5xx`, `gateway-error`, `reset`,
   * `connect-failure`, `envoy-ratelimited`, `retriable-4xx`, `refused-stream`,
   * `retriable-status-codes`, `retriable-headers`, `http3-post-connect-failure`) and gRPC ones
   * (`cancelled`, `deadline-exceeded`, `internal`, `resource-exhausted`, `unavailable`), or
   * HTTP status codes (`503`), which Istio adds to `retriable-status-codes`.
   * @default - Istio's: connect-failure, refused-stream, unavailable, cancelled, retriable-status-codes
   * @maxItems 20
   */
  readonly retryOn?: string[];
  /**
   * Whether Envoy may retry in other localities.
   * @default - Istio's (false)
   */
  readonly retryRemoteLocalities?: boolean;
}

/**
 * Limits on the connections to a service's pods.
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings
 */
export interface ConnectionPoolSettings {
  /** @default - Istio's defaults */
  readonly tcp?: {
    /**
     * Most HTTP/1.1 connections or TCP connections to one destination host.
     * @default - no limit written
     * @asType integer
     * @minimum 1
     * @maximum 2147483647
     */
    readonly maxConnections?: number;
    /**
     * TCP connect timeout, as an Istio duration, at least 1 ms.
     * @default - Istio's (10s)
     */
    readonly connectTimeout?: string;
  };
  /** @default - Istio's defaults */
  readonly http?: {
    /**
     * Most requests queued while waiting for a connection.
     * @default - no limit written
     * @asType integer
     * @minimum 1
     * @maximum 2147483647
     */
    readonly http1MaxPendingRequests?: number;
    /**
     * Most active requests to a destination.
     * @default - no limit written
     * @asType integer
     * @minimum 1
     * @maximum 2147483647
     */
    readonly http2MaxRequests?: number;
    /**
     * Most requests per connection (1 turns keep-alive off).
     * @default - no limit written
     * @asType integer
     * @minimum 1
     * @maximum 2147483647
     */
    readonly maxRequestsPerConnection?: number;
    /**
     * Most retries outstanding to the destination at a time.
     * @default - no limit written
     * @asType integer
     * @minimum 0
     * @maximum 2147483647
     */
    readonly maxRetries?: number;
    /**
     * How long an idle connection is kept, as an Istio duration, at least 1 ms.
     * @default - Istio's (1h)
     */
    readonly idleTimeout?: string;
  };
}

/**
 * Ejection of pods that keep failing from the load-balancing pool.
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#OutlierDetection
 */
export interface OutlierDetectionSettings {
  /**
   * 5xx answers in a row that eject a pod.
   * @default - Istio's (5)
   * @asType integer
   * @minimum 0
   * @maximum 2147483647
   */
  readonly consecutive5xxErrors?: number;
  /**
   * 502, 503 and 504 answers (and connection failures) in a row that eject a pod.
   * @default - not written
   * @asType integer
   * @minimum 0
   * @maximum 2147483647
   */
  readonly consecutiveGatewayErrors?: number;
  /**
   * Time between two sweeps, as an Istio duration, at least 1 ms.
   * @default - Istio's (10s)
   */
  readonly interval?: string;
  /**
   * Minimum ejection time, as an Istio duration, at least 1 ms.
   * @default - Istio's (30s)
   */
  readonly baseEjectionTime?: string;
  /**
   * Most pods ejected at once, in percent.
   * @default - Istio's (10)
   * @asType integer
   * @minimum 0
   * @maximum 100
   */
  readonly maxEjectionPercent?: number;
  /**
   * Ejection stops while fewer than this percentage of pods are healthy.
   * @default - Istio's (0)
   * @asType integer
   * @minimum 0
   * @maximum 100
   */
  readonly minHealthPercent?: number;
}

/** How the sidecars talk TLS to a service's pods. */
export enum TlsMode {
  /** Mutual TLS with the certificates Istio issues. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
  /** No TLS. */
  DISABLE = 'DISABLE',
}

/**
 * Traffic settings of the routes to a version and of its DestinationRule: set them for the
 * whole chain (`defaults`), per service and per version; the most specific level wins, field
 * by field (`retries`, `connectionPool`... are each taken whole from one level).
 */
export interface TrafficSettings {
  /**
   * Time limit of a request on the routes to this version, as an Istio duration (`500ms`, `2s`),
   * at least 1 ms.
   * @default - none written; Istio's (no timeout)
   */
  readonly timeout?: string;
  /**
   * Retries on the routes to this version.
   * @default - none written; Istio's (2 attempts)
   */
  readonly retries?: RetrySettings;
  /**
   * Connection limits, in the DestinationRule (per service; per subset for a version).
   * @default - none written
   */
  readonly connectionPool?: ConnectionPoolSettings;
  /**
   * Outlier detection, in the DestinationRule (per service; per subset for a version).
   * @default - none written
   */
  readonly outlierDetection?: OutlierDetectionSettings;
  /**
   * TLS mode towards the pods, in the DestinationRule (per service; per subset for a version).
   * @default - none written; Istio's auto mTLS
   */
  readonly tls?: TlsMode;
}

/** Traffic settings of a service or a version, which may also pick its own load balancer. */
export interface ServiceTrafficSettings extends TrafficSettings {
  /**
   * Load-balancing policy of this service (its DestinationRule) or version (its subset).
   * @default - the chain's `loadBalancer`
   */
  readonly loadBalancer?: LoadBalancer;
}
