/**
 * Characters no YAML text may carry raw and still be read back alike everywhere: C0 controls
 * other than tab and line feed (a raw CR is a line break), DEL and the C1 controls (NEL,
 * U+0085, is a line break in YAML 1.1), the line and paragraph separators U+2028 and U+2029
 * (line breaks in YAML 1.1: kubectl, kustomize and PyYAML fail on them), the byte order mark,
 * the non-characters U+FFFE and U+FFFF, and unpaired surrogates.
 */
const MUST_ESCAPE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\p{Surrogate}/u;

/** The characters of {@link MUST_ESCAPE} that `JSON.stringify` leaves raw. */
const LEFT_RAW_BY_JSON = /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

/** Whether `text` holds a character that only a double-quoted scalar can carry, escaped. */
export function needsEscapes(text: string): boolean {
  return MUST_ESCAPE.test(text);
}

/**
 * Writes `text` as a YAML double-quoted scalar on one line, which is also a JSON string:
 * `"`, `\` and every character of {@link MUST_ESCAPE} are escaped, the latter as `\uXXXX`,
 * the one escape form YAML 1.1, YAML 1.2 and JSON readers all know.
 */
export function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(LEFT_RAW_BY_JSON, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
