import { LoadBalancer } from '../props/chain-props';
import {
  ConnectionPoolSettings, OutlierDetectionSettings, RetrySettings, ServiceTrafficSettings, TlsMode, TrafficSettings,
} from '../props/traffic-settings';

/** The settings of the routes to one version, resolved over the chain, service and version levels. */
export interface RouteSettings {
  /** @default - none written */
  readonly timeout?: string;
  /** @default - none written */
  readonly retries?: RetrySettings;
}

/** A DestinationRule traffic policy (of the whole rule, or of one subset), each field taken whole from one level. */
export interface TrafficPolicyModel {
  /** @default - none written */
  readonly connectionPool?: ConnectionPoolSettings;
  /** @default - none written */
  readonly loadBalancer?: LoadBalancer;
  /** @default - none written */
  readonly outlierDetection?: OutlierDetectionSettings;
  /** @default - none written */
  readonly tls?: TlsMode;
}

/** The route settings of a version: for each field, the most specific level that sets it. @internal */
export function routeSettingsOf(levels: readonly TrafficSettings[]): RouteSettings {
  return withoutUndefined({ timeout: mostSpecific(levels, 'timeout'), retries: mostSpecific(levels, 'retries') });
}

/**
 * A traffic policy from levels, most specific last: for each field, the most specific level that
 * sets it, taken whole, as Istio merges a subset's policy into its DestinationRule's.
 * @internal
 */
export function trafficPolicyOf(levels: readonly ServiceTrafficSettings[]): TrafficPolicyModel {
  return withoutUndefined({
    connectionPool: mostSpecific(levels, 'connectionPool'),
    loadBalancer: mostSpecific(levels, 'loadBalancer'),
    outlierDetection: mostSpecific(levels, 'outlierDetection'),
    tls: mostSpecific(levels, 'tls'),
  });
}

/** Whether two route settings write the same fields. @internal */
export function sameRouteSettings(a: RouteSettings, b: RouteSettings): boolean {
  return a.timeout === b.timeout && JSON.stringify(a.retries) === JSON.stringify(b.retries);
}

function mostSpecific<K extends keyof ServiceTrafficSettings>(
  levels: readonly ServiceTrafficSettings[], key: K,
): ServiceTrafficSettings[K] {
  return levels.reduce<ServiceTrafficSettings[K]>((found, level) => level[key] ?? found, undefined);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
