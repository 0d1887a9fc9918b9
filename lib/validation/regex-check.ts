import { RE2JS } from 're2js';

/** The longest regular expression accepted in a header route. */
export const MAX_REGEX_LENGTH = 1024;

/**
 * Why Envoy would refuse `pattern` as a header regex, or `undefined` when it compiles:
 * Envoy uses RE2, which has no lookaround and no backreferences, so the pattern is compiled
 * with re2js (a port of RE2) and re2js's own reason is passed on.
 */
export function re2Fault(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_LENGTH) {
    return `is ${pattern.length} characters long, more than ${MAX_REGEX_LENGTH}; shorten it, or split it into several header routes`;
  }
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `is not a valid RE2 regular expression: ${reason}. Envoy runs header regexes with RE2, which also has `
      + 'no lookahead, lookbehind or backreferences; fix the expression or rewrite it without them';
  }
}

/** Whether `pattern`, a valid RE2 expression, matches the whole of `text`, as Envoy's header regex match does. */
export function re2MatchesWhole(pattern: string, text: string): boolean {
  return RE2JS.compile(pattern).matches(text);
}
