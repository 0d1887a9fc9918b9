import { RE2JS } from 're2js';

/*
 * A cookie condition as a regex on the `cookie` header, confined to that one cookie's value.
 * The header holds `name=value` pairs separated by `;`, so a pattern confined to one value
 * never crosses a `;`. The renderers (Istio today, Gateway API later) all use this module, so
 * a cookie rule means the same thing whatever writes it.
 *
 * Policy for regexes (the value is matched whole, as header regexes are):
 * - translated: a leading `^` (or `\A`) and a trailing `$` (or `\z`) are dropped; `.` becomes
 *   `[^;]`; negated classes (`[^...]`, `\S`, `\W`, `\D`, `\P{...}`) also exclude `;`; inline
 *   flags (`(?i)`) stay inside the group that holds the value, so they apply to it alone;
 * - refused, with a fix: a literal `;` (or an escape of it), a class or range that contains
 *   `;` (`[!-~]`, `\p{P}`, `[[:punct:]]`), anchors anywhere else, the `m` flag and `\C`.
 */

/** A cookie condition: how the value is compared, and the value, prefix or RE2 pattern. */
export interface CookieCondition {
  /** The cookie's name. */
  readonly name: string;
  /** How the value is compared. */
  readonly kind: 'exact' | 'prefix' | 'regex';
  /** The value, prefix or RE2 pattern. */
  readonly value: string;
}

/** A value pattern confined to one cookie, or why the condition cannot be confined. */
export type CookieValuePattern = { readonly pattern: string; readonly fault?: undefined } | { readonly fault: string; readonly pattern?: undefined };

/** The whole `cookie` header regex of a cookie condition; throws when the condition cannot be confined (validation refuses it first). */
export function cookieHeaderRegex(condition: CookieCondition): string {
  const value = cookieValuePattern(condition);
  if (value.fault !== undefined) throw new Error(`cookie ${JSON.stringify(condition.name)}: ${condition.kind} ${JSON.stringify(condition.value)} ${value.fault}`);
  return wrapCookieValue(condition.name, value.pattern);
}

/** The `cookie` header regex that holds `name=<valuePattern>` as one of its cookies. */
export function wrapCookieValue(name: string, valuePattern: string): string {
  return `^(.*;\\s*)?${escapeRegex(name)}=(${valuePattern})(;.*)?$`;
}

/** The cookie's value as a regex confined to that value: the exact value or prefix escaped, or the regex translated. */
export function cookieValuePattern(condition: CookieCondition): CookieValuePattern {
  const { kind, value } = condition;
  if (kind !== 'regex' && value.includes(';')) {
    return { fault: "contains ';', which separates cookies, so no cookie value holds it; remove it" };
  }
  if (kind === 'exact') return { pattern: escapeRegex(value) };
  if (kind === 'prefix') return { pattern: `${escapeRegex(value)}[^;]*` };
  return confineRegex(value);
}

/** Escapes the characters RE2 gives a meaning to. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** Whether the RE2 expression `pattern` (one character class or escape) matches `;`. */
function matchesSemicolon(pattern: string): boolean {
  let compiled: RE2JS | undefined;
  try {
    compiled = RE2JS.compile(pattern);
  } catch {
    // RE2 cannot read the pattern: it is passed on as it is, for validation to refuse.
  }
  return compiled?.matches(';') ?? false;
}

/** Why a class or escape that matches `;` is refused. */
const REFUSED_SEMICOLON = "can match ';', the separator between cookies, so the match could run into the next cookie";

/** Translates a regex so that it matches within one cookie value, or says why it cannot be. */
function confineRegex(regex: string): CookieValuePattern {
  let out = '';
  let i = 0;
  let consumed = false;
  const refuse = (why: string, fix: string): CookieValuePattern => ({ fault: `${why}; ${fix}` });
  const removeAnchor = 'the value is matched whole, so remove the anchor (a leading `^` and a trailing `$` are dropped for you)';
  while (i < regex.length) {
    const c = regex[i];
    if (c === '^' || (c === '\\' && regex[i + 1] === 'A')) {
      if (consumed) return refuse(`has the anchor ${c === '^' ? '`^`' : '`\\A`'} inside the pattern, which cannot hold within one cookie`, removeAnchor);
      i += c === '^' ? 1 : 2;
      continue;
    }
    if (c === '$' || (c === '\\' && regex[i + 1] === 'z')) {
      const length = c === '$' ? 1 : 2;
      if (i + length !== regex.length) return refuse(`has the anchor ${c === '$' ? '`$`' : '`\\z`'} inside the pattern, which cannot hold within one cookie`, removeAnchor);
      i += length;
      continue;
    }
    if (c === ';') return refuse("has a literal ';', which separates cookies, so no cookie value holds it", 'remove it, or match one cookie per rule');
    if (c === '.') {
      out += '[^;]';
      consumed = true;
      i++;
      continue;
    }
    if (c === '[') {
      const end = classEnd(regex, i);
      // Stryker disable next-line EqualityOperator: a class ends past its `[`, so `end` is never 0
      if (end < 0) return { fault: 'has a character class without its closing `]`; close it' };
      const cls = regex.slice(i, end + 1);
      if (cls.startsWith('[^')) {
        out += `${cls.slice(0, -1)};]`;
      } else if (matchesSemicolon(cls)) {
        return refuse(`has the class ${cls}, which ${REFUSED_SEMICOLON}`, "narrow the class so that it leaves out ';', or use a negated class such as `[^,]`");
      } else {
        out += cls;
      }
      consumed = true;
      i = end + 1;
      continue;
    }
    if (c === '(') {
      const flags = /^\(\?([a-zA-Z-]*)(\)|:)/.exec(regex.slice(i));
      if (flags && flags[1].includes('m')) {
        return refuse('sets the `m` flag, which makes `^` and `$` match at line breaks', 'remove the flag; the value is matched whole');
      }
      if (!(flags && flags[2] === ')')) consumed = true;
      // A named group's head is copied whole; its name holds word characters only, so copying it
      // character by character (as when this finds nothing) writes the same text.
      // Stryker disable next-line Regex,LogicalOperator,MethodExpression: same output either way (above)
      const head = flags ? flags[0] : /^\(\?P?<[^>]*>/.exec(regex.slice(i))?.[0] ?? '(';
      out += head;
      i += head.length;
      continue;
    }
    if (c === '\\') {
      const escape = escapeAt(regex, i);
      const translated = confineEscape(escape);
      if (translated.fault !== undefined) return translated;
      out += translated.pattern;
      consumed = true;
      i += escape.length;
      continue;
    }
    out += c;
    // Stryker disable next-line ConditionalExpression,StringLiteral: every `(` but a flag group sets `consumed` first, so a `)` never decides
    if (c !== '|' && c !== ')') consumed = true;
    i++;
  }
  return { pattern: out };
}

/** The escape sequence that starts at `i` (a backslash): `\d`, `\x{3b}`, `\p{Greek}`, `\pL`, `\Q...\E`, `\073`. */
function escapeAt(regex: string, i: number): string {
  const rest = regex.slice(i);
  // Stryker disable next-line Regex: `rest` starts with the backslash and the last alternative matches there whatever follows (even nothing), so neither the `^` nor the `?` changes the match; `[\S\S]?` leaves a backslash before a space alone, and the space is then copied as it stands, which writes the same text
  const match = /^\\(Q[\s\S]*?(\\E|$)|[pP](\{[^}]*\}|.)|x(\{[^}]*\}|[0-9A-Fa-f]{0,2})|[0-7]{1,3}|[\s\S]?)/.exec(rest);
  // Stryker disable next-line MethodExpression: the last alternative matches any escape, so the pattern always matches
  return match ? match[0] : rest.slice(0, 2);
}

/** An escape outside a class, confined to one cookie value. */
function confineEscape(escape: string): CookieValuePattern {
  const letter = escape[1];
  if (letter === 'Q') {
    if (escape.includes(';')) return { fault: "quotes a ';' (`\\Q...\\E`), which separates cookies, so no cookie value holds it; remove it" };
    // A `\Q` left open quotes up to the end of the pattern, which would swallow the cookie wrapper: close it.
    return { pattern: escape.endsWith('\\E') ? escape : `${escape}\\E` };
  }
  if (letter === 'C') return { fault: 'uses `\\C` (any byte), which can match the `;` between cookies; use `[^;]` instead' };
  if (letter === 'S' || letter === 'W' || letter === 'D') return { pattern: `[^\\${letter.toLowerCase()};]` };
  if (letter === 'P') {
    const positive = `\\p${escape.slice(2)}`;
    return matchesSemicolon(escape) ? { pattern: `[^${positive};]` } : { pattern: escape };
  }
  if (matchesSemicolon(escape)) {
    return { fault: `has ${escape}, which ${REFUSED_SEMICOLON}; ${letter === 'p' ? 'use a class that leaves it out' : 'remove it'}` };
  }
  return { pattern: escape };
}

/** The index of the `]` that closes the class opened at `start`, or -1. */
function classEnd(regex: string, start: number): number {
  let i = start + 1;
  if (regex[i] === '^') i++;
  if (regex[i] === ']') i++;
  // Stryker disable next-line EqualityOperator: at `regex.length` nothing matches and the loop ends at the next step with -1 all the same
  while (i < regex.length) {
    if (regex[i] === '\\') {
      i += escapeAt(regex, i).length;
      continue;
    }
    if (regex.startsWith('[:', i)) {
      const close = regex.indexOf(':]', i + 2);
      // Stryker disable next-line EqualityOperator: the search starts past `[:`, so `close` is never 0
      if (close >= 0) {
        i = close + 2;
        continue;
      }
    }
    if (regex[i] === ']') return i;
    i++;
  }
  return -1;
}
