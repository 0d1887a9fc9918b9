import { checkName, HTTP_TOKEN } from './name-syntax';
import { re2Fault } from './regex-check';
import { ChainContext, RuleOutput } from './rule-context';
import { PathSegment, Problems, show } from '../diagnostics/problems';
import { doubleQuoted } from '../yaml/double-quoted';

/**
 * Header and cookie names are RFC 7230 tokens: `headerRoutes[i].header`, `headerRoutes[i].cookie`
 * and `laneHeader`. Header and cookie values (`exact`, `prefix`, `regex`) hold no control
 * characters. Regular expressions of header routes (also of cookie routes, whose value
 * is matched inside the `cookie` header) must be RE2 of at most 1024 characters, as Envoy runs them.
 */
export function checkHeaders(chain: ChainContext, out: RuleOutput): void {
  const { problems } = out;
  if (chain.props.laneHeader !== undefined) checkFieldName(problems, ['laneHeader'], chain.props.laneHeader, 'header name');
  chain.entry.headerRoutes?.forEach((route, i) => {
    const path = ['entry', 'headerRoutes', i];
    if (route.header !== undefined) checkFieldName(problems, [...path, 'header'], route.header, 'header name');
    if (route.cookie !== undefined) checkFieldName(problems, [...path, 'cookie'], route.cookie, 'cookie name');
    const what = route.cookie !== undefined ? 'cookie values' : 'header values';
    for (const field of ['exact', 'prefix', 'regex'] as const) {
      const value = route[field];
      if (value !== undefined) checkNoControls(problems, [...path, field], value, what, TAB);
    }
    if (route.regex !== undefined) {
      const fault = re2Fault(route.regex);
      if (fault) problems.add([...path, 'regex'], `${show(route.regex)} ${fault}`);
    }
  });
}

/** Control characters: C0, DEL and C1. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
/** Tab, which HTTP allows inside field values. */
const TAB = '\t';
/** Names of the control characters people meet. */
const CONTROL_NAMES: Record<string, string> = {
  '\u0000': 'NUL', '\t': 'tab', '\n': 'line feed', '\r': 'carriage return', '\u001B': 'escape', '\u007F': 'delete', '\u0085': 'next line',
};

/** A character as a code point, named where it has a common name: `U+000A (line feed)`. */
function codePoint(char: string): string {
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return CONTROL_NAMES[char] ? `${code} (${CONTROL_NAMES[char]})` : code;
}

/**
 * Reports control characters in `text` (but `allowed`), as code points, and says to remove
 * them. Control characters break HTTP parsing, and would break YAML and Markdown written
 * from the chain. Returns whether there were none.
 */
// Stryker disable next-line StringLiteral: any text of no control characters allows none, as '' does
function checkNoControls(problems: Problems, path: PathSegment[], text: string, what: string, allowed = ''): boolean {
  const found = [...new Set(text.match(CONTROL) ?? [])].filter(char => !allowed.includes(char));
  if (found.length === 0) return true;
  const which = found.length === 1 ? `the control character ${codePoint(found[0])}` : `the control characters ${found.map(codePoint).join(', ')}`;
  const removed = [...text].filter(char => !found.includes(char)).join('');
  problems.add(path, `${showEscaped(text)} contains ${which}, which ${what} cannot hold. Remove ${found.length === 1 ? 'it' : 'them'}`
    + (removed !== '' ? `: ${showEscaped(removed)}` : ''));
  return false;
}

/** The longest text {@link showEscaped} returns, as for other values in messages. */
const SHOWN_LIMIT = 80;

/** Shows a text quoted with every control character escaped (`"v\\u007f"`), so no message carries one raw. */
function showEscaped(text: string): string {
  const quoted = doubleQuoted(text);
  return quoted.length > SHOWN_LIMIT ? `${quoted.slice(0, SHOWN_LIMIT - 3)}...` : quoted;
}

/** A header or cookie name: no control characters (reported as code points), else an HTTP token. */
function checkFieldName(problems: Problems, path: PathSegment[], name: string, what: string): void {
  if (checkNoControls(problems, path, name, `${what}s`)) checkName(problems, path, name, HTTP_TOKEN, what);
}
