import { RE2JS } from 're2js';
import { cookieHeaderRegex, cookieValuePattern } from '../lib/model/cookie-pattern';

/*
 * The corners of the cookie regex policy (lib/model/cookie-pattern.ts) that the main table in
 * cookie-pattern.test.ts leaves out: anchors after something was matched, classes that open
 * with `]` or `^]`, escapes and POSIX classes inside classes, escapes that run to the end, and
 * the whole text of each refusal, its fix included. Found by mutation testing.
 */

const translate = (value: string) => cookieValuePattern({ name: 'c', kind: 'regex', value });

const ANCHOR_FIX = 'the value is matched whole, so remove the anchor (a leading `^` and a trailing `$` are dropped for you)';

/** Regexes and their translation. */
const translated: Array<[string, string]> = [
  ['(a)', '(a)'],
  ['bA', 'bA'],
  ['bz', 'bz'],
  ['(a(?i)b)', '(a(?i)b)'],
  ['(a)(?P<ver>b)', '(a)(?P<ver>b)'],
  ['(?<ver>v\\d)', '(?<ver>v\\d)'],
  ['|^a', '|a'],
  ['(?i)(?s)^a$', '(?i)(?s)a'],
  ['[^]a]', '[^]a;]'],
  ['[]a]', '[]a]'],
  ['[\\]a]', '[\\]a]'],
  ['[^\\]a]', '[^\\]a;]'],
  ['[[:alpha:]]+', '[[:alpha:]]+'],
  ['[a[:b]', '[a[:b]'],
  ['[a]x:]', '[a]x:]'],
  ['\\Qa .\\E', '\\Qa .\\E'],
  ['\\Qa.b', '\\Qa.b\\E'],
  ['\\P{Greek}', '[^\\p{Greek};]'],
  ['\\PL', '[^\\pL;]'],
  ['\\P{Any}', '\\P{Any}'],
  ['\\p{Greek}', '\\p{Greek}'],
  ['\\D\\d', '[^\\d;]\\d'],
  ['\\x41', '\\x41'],
];

/** Regexes that are refused, and the whole message. */
const refused: Array<[string, string]> = [
  ['.^', `has the anchor \`^\` inside the pattern, which cannot hold within one cookie; ${ANCHOR_FIX}`],
  ['[a]^', `has the anchor \`^\` inside the pattern, which cannot hold within one cookie; ${ANCHOR_FIX}`],
  ['\\d^', `has the anchor \`^\` inside the pattern, which cannot hold within one cookie; ${ANCHOR_FIX}`],
  ['(?:^a)', `has the anchor \`^\` inside the pattern, which cannot hold within one cookie; ${ANCHOR_FIX}`],
  ['(^a)', `has the anchor \`^\` inside the pattern, which cannot hold within one cookie; ${ANCHOR_FIX}`],
  ['a\\Ab', `has the anchor \`\\A\` inside the pattern, which cannot hold within one cookie; ${ANCHOR_FIX}`],
  ['a\\zb', `has the anchor \`\\z\` inside the pattern, which cannot hold within one cookie; ${ANCHOR_FIX}`],
  ['a$b', `has the anchor \`$\` inside the pattern, which cannot hold within one cookie; ${ANCHOR_FIX}`],
  ['a;b', "has a literal ';', which separates cookies, so no cookie value holds it; remove it, or match one cookie per rule"],
  ['[ab', 'has a character class without its closing `]`; close it'],
  ['[;]', "has the class [;], which can match ';', the separator between cookies, so the match could run into the next cookie; "
    + "narrow the class so that it leaves out ';', or use a negated class such as `[^,]`"],
  ['a(?m)b', 'sets the `m` flag, which makes `^` and `$` match at line breaks; remove the flag; the value is matched whole'],
  ['\\C', 'uses `\\C` (any byte), which can match the `;` between cookies; use `[^;]` instead'],
  ['\\073', "has \\073, which can match ';', the separator between cookies, so the match could run into the next cookie; remove it"],
  ['\\;', "has \\;, which can match ';', the separator between cookies, so the match could run into the next cookie; remove it"],
  ['\\pP', "has \\pP, which can match ';', the separator between cookies, so the match could run into the next cookie; use a class that leaves it out"],
  ['\\Qa;b', "quotes a ';' (`\\Q...\\E`), which separates cookies, so no cookie value holds it; remove it"],
];

describe('the cookie regex policy, corner by corner', () => {
  test.each(translated)('%s becomes %s', (value, pattern) => {
    expect(translate(value)).toEqual({ pattern });
  });

  test('every translation above keeps a ; out of the value', () => {
    for (const [value, pattern] of translated) {
      expect({ value, crosses: RE2JS.compile(`(?:${pattern})`).matches('a;b') }).toEqual({ value, crosses: false });
    }
  });

  test.each(refused)('%s is refused: %s', (value, fault) => {
    expect(translate(value)).toEqual({ fault });
  });

  test('a \\Q left open is closed, so that it quotes the value and not the rest of the header regex', () => {
    const header = RE2JS.compile(cookieHeaderRegex({ name: 'c', kind: 'regex', value: '\\Qa.b' }));
    expect(header.matches('x=1; c=a.b; y=2')).toBe(true);
    expect(header.matches('c=axb')).toBe(false);
  });

  test('a class RE2 cannot read is passed on untouched, for validation to refuse', () => {
    expect(translate('[z-a]')).toEqual({ pattern: '[z-a]' });
  });

  test('a POSIX class RE2 does not know is read to the first `:]` after its `[:`, and no further', () => {
    expect(translate('[[:]x')).toEqual({ pattern: '[[:]x' });
    expect(translate('[^[:a:]]')).toEqual({ pattern: '[^[:a:];]' });
  });

  test('exact values and prefixes holding a ; are refused whatever their kind', () => {
    for (const kind of ['exact', 'prefix'] as const) {
      expect(cookieValuePattern({ name: 'c', kind, value: 'a;b' }))
        .toEqual({ fault: "contains ';', which separates cookies, so no cookie value holds it; remove it" });
    }
  });
});
