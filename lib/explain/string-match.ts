import { RE2JS } from 're2js';
import { StringMatchSpec } from './istio-spec';

const compiled = new Map<string, RE2JS>();

/**
 * Whether `value` satisfies a string condition: `exact` equality, `prefix`, or `regex` as an RE2
 * expression that must match the WHOLE value (as Envoy does). A condition naming none of them
 * only requires the value to be present. An absent value never matches.
 * @throws Error if the regex is not valid RE2 (Istio would reject such a manifest).
 */
export function stringMatches(condition: StringMatchSpec, value: string | undefined, ignoreCase = false): boolean {
  if (value === undefined) return false;
  const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text);
  if (typeof condition.exact === 'string') return fold(value) === fold(condition.exact);
  if (typeof condition.prefix === 'string') return fold(value).startsWith(fold(condition.prefix));
  if (typeof condition.regex === 'string') return regex(condition.regex).matches(value);
  return true;
}

function regex(expression: string): RE2JS {
  let pattern = compiled.get(expression);
  if (pattern === undefined) {
    try {
      pattern = RE2JS.compile(expression);
    } catch (error) {
      throw new Error(`explain: invalid RE2 regex '${expression}': ${(error as Error).message}`);
    }
    compiled.set(expression, pattern);
  }
  return pattern;
}
