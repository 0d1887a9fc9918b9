import { MAX_REGEX_LENGTH, re2Fault } from './regex-check';
import { ChainContext, RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { cookieValuePattern, wrapCookieValue } from '../model/cookie-pattern';

/**
 * The values header routes compare, as Istio and Envoy take them:
 * - `prefix` and `regex` are never empty (Istio refuses "prefix string match should not be
 *   empty", and the same of regexes); to match any value, `regex: ".*"` says so;
 * - a cookie condition is written as a regex on the `cookie` header, confined to that cookie's
 *   value (see lib/model/cookie-pattern.ts): a value or prefix holding `;`, or a regex that
 *   cannot be confined, is refused with the fix; the regex written, once wrapped, is at most
 *   1024 characters, as Envoy requires.
 * Routes with two conditions, or an invalid regex, are left to the rules that report them.
 */
export function checkHeaderValues(chain: ChainContext, out: RuleOutput): void {
  chain.entry.headerRoutes?.forEach((route, i) => {
    const kinds = (['exact', 'prefix', 'regex'] as const).filter(kind => route[kind] !== undefined);
    if (kinds.length !== 1) return;
    const kind = kinds[0];
    const value = route[kind]!;
    const path = ['entry', 'headerRoutes', i, kind];
    if (value === '' && kind !== 'exact') {
      out.problems.add(path, `is empty, which Istio refuses ("${kind} string match should not be empty"); give the ${kind === 'prefix' ? 'prefix' : 'expression'}, `
        + `or write \`regex: ".*"\` to match any value of the ${route.cookie !== undefined ? 'cookie' : 'header'}`);
      return;
    }
    if (route.cookie === undefined || route.header !== undefined) return;
    if (kind === 'regex' && re2Fault(value) !== undefined) return;
    const confined = cookieValuePattern({ name: route.cookie, kind, value });
    if (confined.fault !== undefined) {
      out.problems.add(path, `${show(value)} ${confined.fault} (a cookie rule matches the value of cookie ${show(route.cookie)} alone)`);
      return;
    }
    const written = wrapCookieValue(route.cookie, confined.pattern);
    if (written.length > MAX_REGEX_LENGTH) {
      out.problems.add(path, `${show(value)} becomes a regex of ${written.length} characters on the \`cookie\` header once confined to cookie `
        + `${show(route.cookie)}, more than the ${MAX_REGEX_LENGTH} Envoy accepts; shorten it by ${written.length - MAX_REGEX_LENGTH} characters`);
    }
  });
}
