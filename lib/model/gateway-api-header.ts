import { cookieHeaderRegex, escapeRegex } from './cookie-pattern';
import { HeaderCondition } from './routing-plan';

/** The longest value of an HTTPRoute header match (the Gateway API CRD's `maxLength`). */
export const MAX_HTTPROUTE_HEADER_VALUE = 4096;

/** A header condition as Gateway API matches it: a header, and its value exactly or as a regular expression. */
export interface GatewayApiHeaderMatch {
  /** `Exact` or `RegularExpression`: Gateway API has no prefix match on headers. */
  readonly type: 'Exact' | 'RegularExpression';
  /** The header: the condition's, or `cookie` for a cookie. */
  readonly name: string;
  /** The value, or the RE2 expression the whole value must match. */
  readonly value: string;
}

/**
 * A header condition as Gateway API can match it. An exact value stays exact; a prefix becomes
 * the escaped prefix followed by `.*`; a regex stays as written; a cookie becomes a regex on the
 * `cookie` header, confined to that cookie's value (the same translation as the Istio renderer's).
 * Decided here, so that the renderer and the validation of lengths agree.
 */
export function gatewayApiHeaderMatch(condition: HeaderCondition): GatewayApiHeaderMatch {
  if (condition.on === 'cookie') return { type: 'RegularExpression', name: 'cookie', value: cookieHeaderRegex(condition) };
  if (condition.kind === 'exact') return { type: 'Exact', name: condition.name, value: condition.value };
  if (condition.kind === 'prefix') return { type: 'RegularExpression', name: condition.name, value: `${escapeRegex(condition.value)}.*` };
  return { type: 'RegularExpression', name: condition.name, value: condition.value };
}
