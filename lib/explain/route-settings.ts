import { HttpRouteSpec } from './istio-spec';

/*
 * The settings of an http route that change what happens to the requests it takes, besides
 * where they go: read from the route as written, shown on every hop `explain` traces.
 */

/** What an http route does to its requests on the way: limits, retries, copies and injected faults. */
export interface RouteSettingsInfo {
  /** Time limit of a request, as written (`2s`). */
  readonly timeout?: string;
  /** Retries: attempts, the limit of each try and the conditions, as written. */
  readonly retries?: { readonly attempts?: number; readonly perTryTimeout?: string; readonly retryOn?: string };
  /** Copies of a share of the requests sent to a host and subset; their answers are dropped. */
  readonly mirror?: { readonly host: string; readonly subset?: string; readonly percentage: number };
  /** A delay injected into a share of the requests. */
  readonly delay?: { readonly fixedDelay: string; readonly percentage: number };
  /** A share of the requests answered with a status before reaching any destination. */
  readonly abort?: { readonly httpStatus: number; readonly percentage: number };
}

/** The settings of a route, or `undefined` when it has none. */
export function routeSettings(route: HttpRouteSpec): RouteSettingsInfo | undefined {
  const settings: Record<string, unknown> = {};
  if (typeof route.timeout === 'string') settings.timeout = route.timeout;
  if (route.retries !== undefined && route.retries !== null) {
    const { attempts, perTryTimeout, retryOn } = route.retries;
    settings.retries = withoutUndefined({ attempts, perTryTimeout, retryOn });
  }
  const mirror = route.mirror;
  if (typeof mirror?.host === 'string') {
    settings.mirror = withoutUndefined({ host: mirror.host, subset: mirror.subset, percentage: percentageOf(route.mirrorPercentage, 100) });
  }
  const delay = route.fault?.delay;
  if (typeof delay?.fixedDelay === 'string') settings.delay = { fixedDelay: delay.fixedDelay, percentage: percentageOf(delay.percentage, 100) };
  const abort = route.fault?.abort;
  if (typeof abort?.httpStatus === 'number') settings.abort = { httpStatus: abort.httpStatus, percentage: percentageOf(abort.percentage, 100) };
  return Object.keys(settings).length > 0 ? settings as RouteSettingsInfo : undefined;
}

/** The settings in a few words: `timeout 2s; retries 3 x 500ms on 5xx; mirror 10% to cart/v3; delay 5s on 50%`. */
export function describeRouteSettings(settings: RouteSettingsInfo): string {
  const parts: string[] = [];
  if (settings.timeout !== undefined) parts.push(`timeout ${settings.timeout}`);
  if (settings.retries !== undefined) {
    const { attempts, perTryTimeout, retryOn } = settings.retries;
    parts.push(`retries ${attempts ?? '?'}${perTryTimeout === undefined ? '' : ` x ${perTryTimeout}`}${retryOn === undefined ? '' : ` on ${retryOn}`}`);
  }
  if (settings.mirror !== undefined) {
    const { host, subset, percentage } = settings.mirror;
    parts.push(`mirror ${percentage}% to ${host}${subset === undefined ? '' : `/${subset}`}`);
  }
  if (settings.delay !== undefined) parts.push(`delay ${settings.delay.fixedDelay} on ${settings.delay.percentage}%`);
  if (settings.abort !== undefined) parts.push(`abort ${settings.abort.httpStatus} on ${settings.abort.percentage}%`);
  return parts.join('; ');
}

/** The text of the branch of an abort fault: the requests end there, with its status. */
export function abortError(httpStatus: number): string {
  return `${httpStatus}: aborted by fault injection`;
}

/** A `percentage: { value }` as a number from 0 to 100; Istio takes 100 when it is absent. */
function percentageOf(percentage: { readonly value?: unknown } | undefined, absent: number): number {
  const value = percentage?.value;
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), 100) : absent;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
