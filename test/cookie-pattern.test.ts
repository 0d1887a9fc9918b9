import { RE2JS } from 're2js';
import { istioHeaderMatch } from '../lib/constructs/istio-http-routes';
import { cookieHeaderRegex, CookieCondition, cookieValuePattern } from '../lib/model/cookie-pattern';

/** Whether the `cookie` header regex written for `condition` matches the whole header, as Envoy's regex match does. */
function matchesHeader(condition: CookieCondition, header: string): boolean {
  return RE2JS.compile(cookieHeaderRegex(condition)).matches(header);
}

const regex = (name: string, value: string): CookieCondition => ({ name, kind: 'regex', value });

describe('a cookie condition matches that cookie and no other', () => {
  test('a regex cannot reach into the next cookie', () => {
    const condition = regex('user', '.*@example\\.com');
    expect(matchesHeader(condition, 'user=bob@gmail.com; ref=x@example.com')).toBe(false);
    expect(matchesHeader(condition, 'ref=x; user=bob@example.com; lang=en')).toBe(true);
    expect(matchesHeader(condition, 'user=bob@example.com')).toBe(true);
  });

  test('an anchored regex matches the value whole', () => {
    const condition = regex('lane', '^on$');
    expect(matchesHeader(condition, 'lane=on')).toBe(true);
    expect(matchesHeader(condition, 'a=1;lane=on; b=2')).toBe(true);
    expect(matchesHeader(condition, 'lane=only')).toBe(false);
    expect(matchesHeader(condition, 'xlane=on')).toBe(false);
  });

  test('negated classes and \\S, \\W, \\D stop at the next cookie', () => {
    expect(matchesHeader(regex('id', '[^x]+@ex'), 'id=a; b=c@ex')).toBe(false);
    expect(matchesHeader(regex('id', '[^x]+@ex'), 'b=c; id=a@ex')).toBe(true);
    expect(matchesHeader(regex('id', '\\S+@ex'), 'id=a;b=c@ex')).toBe(false);
    expect(matchesHeader(regex('id', '\\D+'), 'id=ab; n=1')).toBe(true);
    expect(matchesHeader(regex('id', '\\W+ab'), 'id=-; ab')).toBe(false);
  });

  test('inline flags apply to the value alone', () => {
    const condition = regex('lane', '(?i)canary');
    expect(matchesHeader(condition, 'lane=CANARY')).toBe(true);
    expect(cookieHeaderRegex(condition)).toBe('^(.*;\\s*)?lane=((?i)canary)(;.*)?$');
    expect(matchesHeader(condition, 'LANE=canary')).toBe(false);
  });

  test('exact values and prefixes are written as before', () => {
    expect(cookieHeaderRegex({ name: 'lane', kind: 'exact', value: 'v2' })).toBe('^(.*;\\s*)?lane=(v2)(;.*)?$');
    expect(cookieHeaderRegex({ name: 'lane', kind: 'prefix', value: 'v2.' })).toBe('^(.*;\\s*)?lane=(v2\\.[^;]*)(;.*)?$');
    expect(matchesHeader({ name: 'lane', kind: 'prefix', value: 'v2' }, 'lane=v2-beta; x=y')).toBe(true);
    expect(matchesHeader({ name: 'lane', kind: 'prefix', value: 'v2' }, 'lane=v1; x=v2')).toBe(false);
  });

  test('the Istio renderer writes the confined regex', () => {
    expect(istioHeaderMatch({ on: 'cookie', name: 'user', kind: 'regex', value: '^.*@example\\.com$' }))
      .toEqual({ cookie: { regex: '^(.*;\\s*)?user=([^;]*@example\\.com)(;.*)?$' } });
  });
});

/** Regexes and what they become: a translation, or a refusal whose message says why. */
const translations: Array<[string, string | RegExp]> = [
  ['.*', '[^;]*'],
  ['^v[0-9]+$', 'v[0-9]+'],
  ['\\Av2\\z', 'v2'],
  ['a.b', 'a[^;]b'],
  ['[.]', '[.]'],
  ['[^,]+', '[^,;]+'],
  ['\\S+', '[^\\s;]+'],
  ['\\W', '[^\\w;]'],
  ['\\P{L}', '[^\\p{L};]'],
  ['\\p{L}+', '\\p{L}+'],
  ['\\.', '\\.'],
  ['a|b', 'a|b'],
  ['(?P<v>v\\d)', '(?P<v>v\\d)'],
  ['(?i)^on$', '(?i)on'],
  ['\\Qa.b\\E', '\\Qa.b\\E'],
  ['a;b', /has a literal ';'/],
  ['\\;', /has \\;, which can match ';'/],
  ['\\x3b', /has \\x3b, which can match ';'/],
  ['\\x{3B}', /has \\x\{3B\}, which can match ';'/],
  ['[;]', /has the class \[;\], which can match ';'/],
  ['[!-~]', /has the class \[!-~\]/],
  ['[[:punct:]]', /has the class \[\[:punct:\]\]/],
  ['\\pP', /has \\pP, which can match ';'/],
  ['a^', /has the anchor `\^` inside the pattern/],
  ['a$b', /has the anchor `\$` inside the pattern/],
  ['(?m)a', /sets the `m` flag/],
  ['(?im:a)', /sets the `m` flag/],
  ['\\Qa;b\\E', /quotes a ';'/],
];

describe('the regex policy: translated where sound, refused with a fix where not', () => {
  test.each(translations)('%s', (value, expected) => {
    const result = cookieValuePattern(regex('c', value));
    if (typeof expected === 'string') {
      expect(result).toEqual({ pattern: expected });
      expect(() => RE2JS.compile(cookieHeaderRegex(regex('c', value)))).not.toThrow();
    } else {
      expect(result.fault).toMatch(expected);
      expect(() => cookieHeaderRegex(regex('c', value))).toThrow(expected);
    }
  });

  test('every translation keeps a ; out of the value', () => {
    for (const [value, expected] of translations) {
      if (typeof expected !== 'string') continue;
      expect({ value, crosses: RE2JS.compile(`(?:${expected})`).matches('a;b') }).toEqual({ value, crosses: false });
    }
  });
});
