import { checkName, HTTP_TOKEN } from './name-syntax';
import { show } from '../diagnostics/problems';
import { re2Fault } from './regex-check';
import { ChainContext, RuleOutput } from './rule-context';

/**
 * Header and cookie names are RFC 7230 tokens: `headerRoutes[i].header`, `headerRoutes[i].cookie`
 * and `laneHeader`. Regular expressions of header routes (also of cookie routes, whose value
 * is matched inside the `cookie` header) must be RE2 of at most 1024 characters, as Envoy runs them.
 */
export function checkHeaders(chain: ChainContext, out: RuleOutput): void {
  const { problems } = out;
  if (chain.props.laneHeader !== undefined) {
    checkName(problems, ['laneHeader'], chain.props.laneHeader, HTTP_TOKEN, 'header name');
  }
  (chain.entry.headerRoutes ?? []).forEach((route, i) => {
    const path = ['entry', 'headerRoutes', i];
    if (route.header !== undefined) checkName(problems, [...path, 'header'], route.header, HTTP_TOKEN, 'header name');
    if (route.cookie !== undefined) checkName(problems, [...path, 'cookie'], route.cookie, HTTP_TOKEN, 'cookie name');
    if (route.regex !== undefined) {
      const fault = re2Fault(route.regex);
      if (fault) problems.add([...path, 'regex'], `${show(route.regex)} ${fault}`);
    }
  });
}
