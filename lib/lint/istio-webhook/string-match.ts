import { RE2JS } from 're2js';
import { asRecord } from '../loaded-objects';

/** The longest regex Istio accepts in a string match (its stand-in for RE2's program size limit). */
export const MAX_MATCH_REGEX_LENGTH = 1024;

/** Why RE2 (which Envoy runs) refuses a regex, or `undefined`: empty, too long, or no RE2 syntax (lookaround, backreferences...). */
export function regexFault(regex: string): string | undefined {
  if (regex === '') return 'regex is empty, which never matches as meant; remove the match or write the pattern';
  if (regex.length > MAX_MATCH_REGEX_LENGTH) return `regex is ${regex.length} characters long, more than ${MAX_MATCH_REGEX_LENGTH}; shorten it`;
  try {
    RE2JS.compile(regex);
    return undefined;
  } catch (error) {
    return `regex is not valid RE2 (${error instanceof Error ? error.message : String(error)}); Istio matches with RE2, which has no lookahead, lookbehind or backreferences`;
  }
}

/**
 * Why Istio refuses a string match (`{exact|prefix|regex: ...}`), or `undefined`. An empty
 * prefix is refused except on `uri` (where it matches every path), an empty regex everywhere;
 * in `withoutHeaders`, regex `*` stands for "present" and is no regex.
 */
export function stringMatchFault(value: unknown, where: 'uri' | 'withoutHeaders' | 'other'): string | undefined {
  const match = asRecord(value);
  if (!match) return undefined;
  if (match.prefix === '' && where !== 'uri') return 'prefix is empty; Istio refuses it (write the prefix, or drop the match to match any value)';
  if (typeof match.regex === 'string' && !(where === 'withoutHeaders' && match.regex === '*')) return regexFault(match.regex);
  return undefined;
}
