import { durationMs } from './durations';
import { ChainContext, deciding, RuleOutput, settingsLevels, versionLevels } from './rule-context';
import { formatPath, PathSegment, show } from '../diagnostics/problems';
import { routeSettingsOf, sameRouteSettings } from '../model/traffic-model';

/**
 * The conditions `retryOn` may name: Envoy's HTTP retry conditions (`x-envoy-retry-on`) and
 * its gRPC ones (`x-envoy-retry-grpc-on`).
 * @see https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/router_filter#x-envoy-retry-on
 */
export const RETRY_CONDITIONS: readonly string[] = [
  '5xx', 'gateway-error', 'reset', 'connect-failure', 'envoy-ratelimited', 'retriable-4xx', 'refused-stream',
  'retriable-status-codes', 'retriable-headers', 'http3-post-connect-failure',
  'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
];

/** An HTTP status code, which Istio accepts in `retryOn` as a retriable status. */
const STATUS_CODE = /^[1-5]\d\d$/;

/**
 * Retries and timeouts as Envoy runs them:
 * - each `retryOn` entry is one of Envoy's conditions, or an HTTP status code;
 * - the tries fit in the timeout (`attempts` x `perTryTimeout` at most `timeout`), else the
 *   last retries are cut short: a warning, per version where the levels combine that way;
 * - a weighted entry route sends requests to several versions with one timeout and one retry
 *   policy, so those versions must resolve to the same ones.
 */
export function checkRetries(chain: ChainContext, out: RuleOutput): void {
  for (const { path, settings } of settingsLevels(chain)) {
    (settings.retries?.retryOn ?? []).forEach((condition, j) => {
      if (RETRY_CONDITIONS.includes(condition) || STATUS_CODE.test(condition)) return;
      out.problems.add([...path, 'retries', 'retryOn', j], `${show(condition)} is not a retry condition of Envoy; use one of `
        + `${RETRY_CONDITIONS.join(', ')}, or an HTTP status code such as "503"`);
    });
  }
  const warned = new Set<string>();
  chain.services.forEach((service, i) => {
    for (const version of Object.keys(service.versions)) {
      const levels = versionLevels(chain, i, version);
      const { timeout, retries } = routeSettingsOf(levels.map(level => level.settings));
      // Stryker disable next-line ConditionalExpression: without a timeout, durationMs(undefined) is undefined and the check below passes over it
      if (timeout === undefined || retries?.perTryTimeout === undefined) continue;
      const total = retries.attempts * (durationMs(retries.perTryTimeout) ?? 0);
      const limit = durationMs(timeout);
      if (limit === undefined || total <= limit) continue;
      const where = formatPath(deciding(levels, 'retries')!.path);
      const message = `${where}.retries: ${retries.attempts} attempts x ${retries.perTryTimeout} take up to ${total}ms, more than the timeout `
        + `${show(timeout)} of ${formatPath(deciding(levels, 'timeout')!.path)}, so the last retries are cut short; `
        + 'lower `attempts` or `perTryTimeout`, or raise `timeout`';
      if (!warned.has(message)) out.warnings.push(message);
      warned.add(message);
    }
  });
  checkWeightedRouteSettings(chain, out);
}

function checkWeightedRouteSettings(chain: ChainContext, out: RuleOutput): void {
  const index = chain.services.findIndex(service => service.name === chain.entry.service);
  if (index < 0) return;
  const splits: Array<[PathSegment[], Record<string, number> | undefined]> = [
    [['entry', 'gatewayWeights'], chain.entry.gatewayWeights],
    [['entry', 'meshWeights'], chain.entry.meshWeights],
  ];
  for (const [path, weights] of splits) {
    const versions = Object.keys(weights ?? {}).filter(version => version in chain.services[index].versions);
    const settings = versions.map(version => routeSettingsOf(versionLevels(chain, index, version).map(level => level.settings)));
    const differs = versions.findIndex((_, k) => !sameRouteSettings(settings[k], settings[0]));
    // Stryker disable next-line EqualityOperator: differs is never 0: the first version's settings are the same as themselves
    if (differs < 0) continue;
    out.problems.add(path, `split ${show(versions[0])} and ${show(versions[differs])} in one route, which has one timeout and one retry `
      + `policy, but their settings differ (${show(settings[0])} and ${show(settings[differs])}); set \`timeout\` and \`retries\` on the `
      + 'entry service (or the defaults) instead of its versions, or give the versions the same ones');
  }
}
