import { ChainContext, RuleOutput, settingsLevels } from './rule-context';
import { PathSegment, show } from '../diagnostics/problems';

/** Milliseconds per unit of an Istio duration (Go's syntax, which the CRDs' CEL `duration()` reads). */
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };

/** One or more `<number><unit>` parts: `500ms`, `1.5s`, `1h30m`. */
const DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|ns))+$/;
const PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g;

/** The shortest duration Istio accepts, in milliseconds (the CRDs' rule: `duration(self) >= duration('1ms')`). */
export const MIN_DURATION_MS = 1;

/** A duration in milliseconds, or `undefined` when it is not written in Istio's syntax. */
export function durationMs(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_MS[unit];
  return total;
}

/** Reports a duration that Istio would refuse, with the fix. */
export function checkDuration(out: RuleOutput, path: PathSegment[], value: string | undefined): void {
  if (value === undefined) return;
  const ms = durationMs(value);
  if (ms === undefined) {
    out.problems.add(path, `${show(value)} is not a duration: write a number and a unit (h, m, s, ms, us, ns), `
      + 'parts added together, for example "500ms", "2s" or "1m30s"');
  } else if (ms < MIN_DURATION_MS) {
    out.problems.add(path, `${show(value)} is shorter than 1ms, the least Istio accepts; write "1ms" or more`);
  }
}

/**
 * Every duration of the traffic settings, at every level (`timeout`, `retries.perTryTimeout`,
 * `connectionPool` and `outlierDetection` times), and of the lane faults' delays: written as
 * Istio reads them and at least 1 ms.
 */
export function checkDurations(chain: ChainContext, out: RuleOutput): void {
  for (const { path, settings } of settingsLevels(chain)) {
    checkDuration(out, [...path, 'timeout'], settings.timeout);
    checkDuration(out, [...path, 'retries', 'perTryTimeout'], settings.retries?.perTryTimeout);
    checkDuration(out, [...path, 'connectionPool', 'tcp', 'connectTimeout'], settings.connectionPool?.tcp?.connectTimeout);
    checkDuration(out, [...path, 'connectionPool', 'http', 'idleTimeout'], settings.connectionPool?.http?.idleTimeout);
    checkDuration(out, [...path, 'outlierDetection', 'interval'], settings.outlierDetection?.interval);
    checkDuration(out, [...path, 'outlierDetection', 'baseEjectionTime'], settings.outlierDetection?.baseEjectionTime);
  }
  chain.services.forEach((service, i) => service.faults?.forEach((fault, j) =>
    checkDuration(out, ['services', i, 'faults', j, 'delay', 'fixedDelay'], fault.delay?.fixedDelay)));
}
