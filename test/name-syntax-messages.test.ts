import { Problems } from '../lib/diagnostics/problems';
import {
  checkName, DNS_1035_LABEL, DNS_1123_LABEL, DNS_1123_SUBDOMAIN, DNS_NAME, HTTP_TOKEN, LABEL_KEY, LABEL_VALUE, NameSyntax,
  VERSION_NAME,
} from '../lib/validation/name-syntax';

/** `count` copies of `text`. */
const times = (text: string, count: number): string => text.repeat(count);

const DNS_LABEL_1035_RULE = "at most 63 characters: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit";
const DNS_LABEL_1123_RULE = "at most 63 characters: lowercase letters, digits and '-', starting and ending with a letter or digit";
const SUBDOMAIN_RULE = "at most 253 characters: lowercase letters, digits and '-', in parts joined by '.', each part starting and ending with a letter or digit";
const DNS_NAME_RULE = "at most 253 characters: DNS-1123 labels (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit) joined by '.'";
const LABEL_VALUE_RULE = "empty, or at most 63 characters: letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
const VERSION_RULE = "at most 63 characters: letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
const LABEL_KEY_RULE = "a name of at most 63 characters (letters, digits, '-', '_' and '.', starting and ending with a letter or digit), "
  + "optionally after a DNS-1123 subdomain prefix and '/', as in `example.com/tier`";
const HTTP_TOKEN_RULE = "letters, digits and !#$%&'*+-.^_`|~, no spaces, colons or other separators";

/** A name, and what the syntax must say is wrong with it (`undefined`: nothing). */
type FaultCase = [name: string, fault: string | undefined];
/** A name, and the name the syntax must propose instead (`undefined`: none). */
type SuggestionCase = [name: string, suggestion: string | undefined];

const faults: Record<string, [NameSyntax, FaultCase[]]> = {
  'DNS-1035 label': [DNS_1035_LABEL, [
    ['a', undefined],
    ['ab', undefined],
    ['a-1', undefined],
    ['a--b', undefined],
    [times('a', 63), undefined],
    ['', 'is empty'],
    [times('a', 64), 'is 64 characters long, more than 63'],
    [times('A', 64), 'is 64 characters long, more than 63'],
    ['Ab', 'has uppercase letters'],
    ['A b', 'contains " "'],
    ['ab_', 'contains "_"'],
    ['a_b', 'contains "_"'],
    [`A${times('a', 62)}`, 'has uppercase letters'],
    ['a_b.c_', 'contains "_", "."'],
    ['1ab', 'does not start with a letter'],
    ['-ab', 'does not start with a letter'],
    ['ab-', "ends with '-'"],
  ]],
  'DNS-1123 label': [DNS_1123_LABEL, [
    ['1', undefined],
    ['1ab', undefined],
    ['a-1', undefined],
    ['', 'is empty'],
    [times('1', 64), 'is 64 characters long, more than 63'],
    ['aB', 'has uppercase letters'],
    ['a_b', 'contains "_"'],
    ['-ab', "starts with '-'"],
    ['-', "starts with '-'"],
    ['ab-', "ends with '-'"],
  ]],
  'DNS-1123 subdomain': [DNS_1123_SUBDOMAIN, [
    ['app', undefined],
    ['1.2', undefined],
    ['app.example-1.com', undefined],
    [times('a', 253), undefined],
    ['', 'is empty'],
    [times('a', 254), 'is 254 characters long, more than 253'],
    ['a..b', "has an empty part between dots (or starts or ends with '.')"],
    ['.a', "has an empty part between dots (or starts or ends with '.')"],
    ['a.', "has an empty part between dots (or starts or ends with '.')"],
    ['App', 'has uppercase letters'],
    ['-ab', "starts with '-'"],
    ['ab-', "ends with '-'"],
    ['a_b', 'contains "_"'],
    ['App.example', 'has a part "App" that has uppercase letters'],
    ['a.-b', 'has a part "-b" that starts with \'-\''],
    ['a.b-', 'has a part "b-" that ends with \'-\''],
  ]],
  'DNS name': [DNS_NAME, [
    ['example.com', undefined],
    [`${times('a', 63)}.com`, undefined],
    ['', 'is empty'],
    [times('a', 64), 'is 64 characters long, more than 63'],
    [`${times('a', 64)}.com`, `has a part "${times('a', 64)}" that is 64 characters long, more than 63`],
    [times('a.', 127).slice(0, 254), 'is 254 characters long, more than 253'],
    ['a..b', "has an empty part between dots (or starts or ends with '.')"],
    ['a.b_c', 'has a part "b_c" that contains "_"'],
    ['a.-b', 'has a part "-b" that starts with \'-\''],
  ]],
  'label value': [LABEL_VALUE, [
    ['', undefined],
    ['a', undefined],
    ['v1', undefined],
    ['A_b.c-D', undefined],
    [times('a', 63), undefined],
    [times('a', 64), 'is 64 characters long, more than 63'],
    ['v 1', 'contains " "'],
    ['v/1', 'contains "/"'],
    ['_v1', 'does not start with a letter or digit'],
    ['.v1', 'does not start with a letter or digit'],
    ['_', 'does not start with a letter or digit'],
    ['v1_', 'does not end with a letter or digit'],
    ['v1.', 'does not end with a letter or digit'],
    ['v1-', 'does not end with a letter or digit'],
    [`_${times('a', 62)}`, 'does not start with a letter or digit'],
  ]],
  'version name': [VERSION_NAME, [
    ['v2', undefined],
    ['', 'is empty'],
    [times('v', 64), 'is 64 characters long, more than 63'],
    ['-v2', 'does not start with a letter or digit'],
  ]],
  'label key': [LABEL_KEY, [
    ['tier', undefined],
    ['example.com/tier', undefined],
    [`${times('a', 70)}/tier`, undefined],
    ['', 'is empty'],
    ['a/b/c', "has more than one '/'"],
    ['Example.com/tier', 'has a prefix "Example.com" that has a part "Example" that has uppercase letters'],
    ['/tier', 'has a prefix "" that is empty'],
    ['example.com/', "has nothing after '/'"],
    ['example.com/_tier', 'has a name "_tier" that does not start with a letter or digit'],
    ['_tier', 'does not start with a letter or digit'],
    ['tier_', 'does not end with a letter or digit'],
    [times('a', 64), 'is 64 characters long, more than 63'],
  ]],
  'HTTP token': [HTTP_TOKEN, [
    ['x-lane', undefined],
    ["!#$%&'*+-.^_`|~09AZaz", undefined],
    ['', 'is empty'],
    ['x lane', 'contains " "'],
    ['x:lane', 'contains ":"'],
    ['a b:c d', 'contains " ", ":"'],
  ]],
};

const suggestions: Record<string, [NameSyntax, SuggestionCase[]]> = {
  'DNS-1035 label': [DNS_1035_LABEL, [
    ['app', undefined],
    ['AppB', 'appb'],
    ['app_b', 'app-b'],
    ['a_b_c', 'a-b-c'],
    ['App__B', 'app-b'],
    ['a_-_b', 'a-b'],
    ['1app', 'app'],
    ['12-app', 'app'],
    ['--app--', 'app'],
    ['123', undefined],
    ['___', undefined],
    [times('a', 70), times('a', 63)],
    [`${times('a', 62)}-b`, times('a', 62)],
  ]],
  'DNS-1123 label': [DNS_1123_LABEL, [
    ['1app', undefined],
    ['123', undefined],
    ['1_app', '1-app'],
    ['-app-', 'app'],
    ['AppB', 'appb'],
  ]],
  'DNS-1123 subdomain': [DNS_1123_SUBDOMAIN, [
    ['a.b', undefined],
    ['', undefined],
    ['App.Example', 'app.example'],
    ['a..b', 'a.b'],
    ['.a.', 'a'],
    ['a_b.c', 'a-b.c'],
    ['A.1b', 'a.1b'],
    ['___.a', undefined],
    ['A.___', undefined],
    [Array(5).fill(times('a', 60)).join('.'), `${Array(4).fill(times('a', 60)).join('.')}.${times('a', 9)}`],
  ]],
  'DNS name': [DNS_NAME, [
    ['example.com', undefined],
    ['Example.COM', 'example.com'],
    [`${times('a', 70)}.com`, `${times('a', 63)}.com`],
  ]],
  'label value': [LABEL_VALUE, [
    ['v1', undefined],
    ['v 1', 'v-1'],
    ['v  1', 'v-1'],
    ['a b c', 'a-b-c'],
    ['_v1_', 'v1'],
    ['__v1', 'v1'],
    ['v1--', 'v1'],
    [' v1', 'v1'],
    ['/', undefined],
    [times('a', 70), times('a', 63)],
    [`${times('a', 62)}_b`, times('a', 62)],
  ]],
  'version name': [VERSION_NAME, [
    ['v 2', 'v-2'],
  ]],
  'label key': [LABEL_KEY, [
    ['tier', undefined],
    ['t ier', 't-ier'],
    ['_tier', 'tier'],
    ['Example.com/tier', 'example.com/tier'],
    ['example.com/t ier', 'example.com/t-ier'],
    ['a/b/c', 'a-b/c'],
    ['example.com/', undefined],
    ['/tier', undefined],
    ['Ex/_', undefined],
  ]],
  'HTTP token': [HTTP_TOKEN, [
    ['x-lane', undefined],
    ['x lane', 'x-lane'],
    [' x-lane ', 'x-lane'],
    ['x: lane', 'x-lane'],
    ['a b c', 'a-b-c'],
    ['(x)', 'x'],
    ['--x--', 'x'],
    ['x--', 'x'],
    ['::', undefined],
  ]],
};

describe.each(Object.entries(faults))('what is wrong with a %s', (_title, [syntax, cases]) => {
  test.each(cases)('%j: %j', (name, fault) => {
    expect(syntax.fault(name)).toBe(fault);
  });
});

describe.each(Object.entries(suggestions))('the name proposed for a %s', (_title, [syntax, cases]) => {
  test.each(cases)('%j: %j', (name, suggestion) => {
    expect(syntax.suggest(name)).toBe(suggestion);
  });
});

/** A bad name per syntax, and the whole message that must point at it. */
const messages: [syntax: NameSyntax, name: string, what: string, message: string][] = [
  [DNS_1035_LABEL, 'AppB', 'service name',
    `"AppB" is not a valid service name: it has uppercase letters. Use a DNS-1035 label: ${DNS_LABEL_1035_RULE}; for example "appb"`],
  [DNS_1035_LABEL, '123', 'service name',
    `"123" is not a valid service name: it does not start with a letter. Use a DNS-1035 label: ${DNS_LABEL_1035_RULE}`],
  [DNS_1123_LABEL, 'Lanes', 'namespace',
    `"Lanes" is not a valid namespace: it has uppercase letters. Use a DNS-1123 label: ${DNS_LABEL_1123_RULE}; for example "lanes"`],
  [DNS_1123_SUBDOMAIN, 'App.v2', 'object name',
    `"App.v2" is not a valid object name: it has a part "App" that has uppercase letters. Use a DNS-1123 subdomain: ${SUBDOMAIN_RULE}; for example "app.v2"`],
  [DNS_NAME, 'Shop.example.com', 'host',
    `"Shop.example.com" is not a valid host: it has a part "Shop" that has uppercase letters. Use a DNS name: ${DNS_NAME_RULE}; for example "shop.example.com"`],
  [LABEL_VALUE, 'blue green', 'label value',
    `"blue green" is not a valid label value: it contains " ". Use a Kubernetes label value: ${LABEL_VALUE_RULE}; for example "blue-green"`],
  [VERSION_NAME, '', 'version name',
    `"" is not a valid version name: it is empty. Use a non-empty Kubernetes label value: ${VERSION_RULE}`],
  [LABEL_KEY, 'Team.io/tier', 'label key',
    '"Team.io/tier" is not a valid label key: it has a prefix "Team.io" that has a part "Team" that has uppercase letters. '
    + `Use a Kubernetes label key: ${LABEL_KEY_RULE}; for example "team.io/tier"`],
  [HTTP_TOKEN, 'x lane', 'header name',
    `"x lane" is not a valid header name: it contains " ". Use an HTTP token (RFC 7230): ${HTTP_TOKEN_RULE}; for example "x-lane"`],
];

describe('checkName', () => {
  const rows = messages.map(([syntax, name, what, message]) => ({ syntax, name, what, message }));
  test.each(rows)('reports a bad $what $name in one whole message', ({ syntax, name, what, message }) => {
    const problems = new Problems();
    expect(checkName(problems, ['services', 1, 'name'], name, syntax, what)).toBe(false);
    expect(problems.list).toEqual([{ path: ['services', 1, 'name'], message }]);
  });

  test('accepts a valid name and reports nothing', () => {
    const problems = new Problems();
    expect(checkName(problems, ['services', 0, 'name'], 'app-a', DNS_1035_LABEL, 'service name')).toBe(true);
    expect(problems.size).toBe(0);
  });
});
