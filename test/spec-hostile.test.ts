import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadSpecFile, parseSpec } from '../lib/spec';
import { specError } from './support/spec-error';
import { MAX_SPEC_BYTES } from '../lib/spec/spec-limits';


/** A valid spec to break: one service, mesh traffic only. */
const VALID = `services:
  - name: web
    image: shop/web:1
    versions: { v1: {}, v2: {} }
entry:
  service: web
  meshWeights: { v1: 100 }
`;

/** The billion laughs: ten levels of nine aliases each, 9^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 10; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

interface HostileCase {
  readonly name: string;
  readonly text: string;
  readonly path: string;
  /** The line the problem must be reported on, when the problem has one. */
  readonly line?: number;
  readonly message: RegExp;
}

const hostileCases: HostileCase[] = [
  {
    name: 'fails on an alias bomb, at once',
    text: aliasBomb(),
    path: '(top level)',
    message: /aliases \(\*name\) would expand .*an alias bomb is refused/,
  },
  {
    name: 'fails on a duplicate top-level key',
    text: `${VALID}services: []\n`,
    path: 'services',
    line: 8,
    message: /the key "services" appears twice in the same mapping; keep one/,
  },
  {
    name: 'fails on a duplicate version key',
    text: VALID.replace('{ v1: {}, v2: {} }', '{ v1: {}, v1: { image: x } }'),
    path: 'services[0].versions.v1',
    line: 4,
    message: /the key "v1" appears twice/,
  },
  {
    name: 'fails on a duplicate key in JSON',
    text: '{"services": [], "entry": {"service": "web"}, "services": []}',
    path: 'services',
    line: 1,
    message: /the key "services" appears twice/,
  },
  {
    name: 'fails on a __proto__ key',
    text: VALID.replace('    image: shop/web:1\n', '    __proto__: { image: x }\n'),
    path: 'services[0].__proto__',
    line: 3,
    message: /"__proto__" is not allowed as a key, anywhere/,
  },
  {
    name: 'fails on a constructor key',
    text: VALID.replace('{ v1: {}, v2: {} }', '{ v1: {}, constructor: {} }'),
    path: 'services[0].versions.constructor',
    line: 4,
    message: /"constructor" is not allowed as a key/,
  },
  {
    name: 'fails on a prototype key',
    text: `prototype: { polluted: true }\n${VALID}`,
    path: 'prototype',
    line: 1,
    message: /"prototype" is not allowed as a key/,
  },
  {
    name: 'fails on a quoted __proto__ key in JSON',
    text: '{"__proto__": {"services": []}}',
    path: '__proto__',
    line: 1,
    message: /"__proto__" is not allowed as a key/,
  },
  {
    name: 'fails on a number too large to represent',
    text: VALID.replace('image: shop/web:1', 'image: shop/web:1\n    port: 1e400'),
    path: 'services[0].port',
    line: 4,
    message: /is Infinity, a number too large to use; expected a whole number from 1 to 65535/,
  },
  {
    name: 'fails on an integer past the safe range',
    text: VALID.replace('image: shop/web:1', 'image: shop/web:1\n    replicas: 12345678901234567890'),
    path: 'services[0].replicas',
    line: 4,
    message: /expected a whole number from 0 to 2147483647/,
  },
  {
    name: 'fails on a huge weight',
    text: VALID.replace('{ v1: 100 }', '{ v1: 1e400 }'),
    path: 'entry.meshWeights.v1',
    line: 7,
    message: /is Infinity, a number too large to use; expected a whole number from 0 to 100/,
  },
  {
    name: 'fails on .inf',
    text: VALID.replace('{ v1: 100 }', '{ v1: .inf }'),
    path: 'entry.meshWeights.v1',
    line: 7,
    message: /is Infinity/,
  },
  {
    name: 'fails on .nan',
    text: VALID.replace('{ v1: 100 }', '{ v1: .nan }'),
    path: 'entry.meshWeights.v1',
    line: 7,
    message: /is NaN, which is not a number; expected a whole number from 0 to 100/,
  },
  {
    name: 'fails on a service name that is a number',
    text: VALID.replace('name: web', 'name: 123'),
    path: 'services[0].name',
    line: 2,
    message: /is 123 \(a number\); expected a string; write it in quotes to keep it text: "123"/,
  },
  {
    name: 'fails on a service name that is a list',
    text: VALID.replace('name: web', 'name: [a]'),
    path: 'services[0].name',
    line: 2,
    message: /is a list; expected a string/,
  },
  {
    name: 'fails on a service name that is a mapping',
    text: VALID.replace('name: web', 'name: { first: web }'),
    path: 'services[0].name',
    line: 2,
    message: /is a mapping; expected a string/,
  },
  {
    name: 'fails on a service name that is null',
    text: VALID.replace('name: web', 'name:'),
    path: 'services[0].name',
    line: 2,
    message: /is empty \(null\); expected a string/,
  },
  {
    name: 'fails on a service name that is a boolean',
    text: VALID.replace('name: web', 'name: true'),
    path: 'services[0].name',
    line: 2,
    message: /is true \(a boolean\); expected a string; write it in quotes/,
  },
  {
    name: 'fails on a version left empty (null)',
    text: VALID.replace('{ v1: {}, v2: {} }', '\n      v1:\n      v2: {}'),
    path: 'services[0].versions.v1',
    line: 5,
    message: /is empty \(null\); expected a mapping of fields; write `{}` for a version/,
  },
  {
    name: 'fails on a version key YAML reads as a number',
    text: VALID.replace('{ v1: {}, v2: {} }', '{ 1.10: {} }'),
    path: 'services[0].versions["1.10"]',
    line: 4,
    message: /the key 1\.10 is read as a number, not as text; quote it: "1\.10"/,
  },
  {
    name: 'fails on weights keyed by a number, shown as written',
    text: VALID.replace('{ v1: 100 }', '{ 2.50: 100 }'),
    path: 'entry.meshWeights["2.50"]',
    line: 7,
    message: /the key 2\.50 is read as a number, not as text; quote it: "2\.50"/,
  },
  {
    name: 'fails on a mapping used as a key',
    text: VALID.replace('{ v1: {}, v2: {} }', '{ ? { a: 1 } : {} }'),
    path: 'services[0].versions',
    line: 4,
    message: /has a key that is a list or mapping; keys must be plain text/,
  },
  {
    name: 'fails on a binary tag',
    text: VALID.replace('image: shop/web:1', 'image: !!binary c2hvcA=='),
    path: 'services[0].image',
    line: 3,
    message: /Unresolved tag: !!binary; a spec holds plain YAML data only/,
  },
  {
    name: 'fails on a custom tag',
    text: VALID.replace('image: shop/web:1', 'image: !env IMAGE'),
    path: 'services[0].image',
    line: 3,
    message: /Unresolved tag: !env/,
  },
  {
    name: 'fails on two YAML documents',
    text: `${VALID}---\n${VALID}`,
    path: '(top level)',
    line: 8,
    message: /more than one YAML document/,
  },
  {
    name: 'fails on tab indentation',
    text: 'services:\n\t- name: web\n',
    path: 'services',
    line: 2,
    message: /a tab is used for indentation/,
  },
  {
    name: 'fails on a YAML syntax error, with its line',
    text: VALID.replace('    versions: { v1: {}, v2: {} }\n', '    versions: [ v1\n'),
    path: 'entry',
    line: 5,
    message: /invalid YAML: .*end with a \]/,
  },
  {
    name: 'fails on an empty file',
    text: '',
    path: '(top level)',
    line: 1,
    message: /the spec is empty/,
  },
  {
    name: 'fails on a file of comments only',
    text: '# nothing yet\n',
    path: '(top level)',
    line: 1,
    message: /the spec is empty/,
  },
  {
    name: 'fails on a top-level list',
    text: '- services: []\n',
    path: '(top level)',
    line: 1,
    message: /is a list; expected a mapping of fields/,
  },
  {
    name: 'fails on a top-level string',
    text: 'hello\n',
    path: '(top level)',
    line: 1,
    message: /is "hello" \(a string\); expected a mapping of fields/,
  },
  {
    name: 'fails on a YAML merge key',
    text: VALID.replace('    image: shop/web:1\n', '    <<: { image: shop/web:1 }\n'),
    path: 'services[0]["<<"]',
    line: 3,
    message: /is a YAML merge key, which spec files do not support/,
  },
  {
    name: 'fails on an unknown field, suggesting the right one',
    text: VALID.replace('meshWeights', 'meshWeight'),
    path: 'entry.meshWeight',
    line: 7,
    message: /is not a known field here; did you mean "meshWeights"\?/,
  },
  {
    name: 'fails on lists nested deeper than 64 levels, at the bracket past the limit',
    text: `services: ${'['.repeat(100)}${']'.repeat(100)}\n`,
    path: '(top level)',
    line: 1,
    message: /nests lists and mappings more than 64 levels deep/,
  },
  {
    name: 'fails on 2 MB of nested flow lists with the depth message, before parsing',
    text: '['.repeat(2_000_000),
    path: '(top level)',
    line: 1,
    message: /nests lists and mappings more than 64 levels deep/,
  },
  {
    name: 'fails on nested flow mappings',
    text: `entry: ${'{a: '.repeat(100_000)}`,
    path: '(top level)',
    line: 1,
    message: /more than 64 levels deep/,
  },
  {
    name: 'fails on compact block sequences nested on one line',
    text: `services:\n  ${'- '.repeat(1_000_000)}x\n`,
    path: '(top level)',
    line: 2,
    message: /more than 64 levels deep/,
  },
  {
    name: 'fails on block mappings indented deeper than 64 levels',
    text: Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    path: 'a.a',
    line: 66,
    message: /more than 64 levels deep/,
  },
  {
    name: 'fails on aliases within the count that expand into a huge spec',
    text: `${VALID}x-big: &big "${'x'.repeat(1_000_000)}"\nx-copies: [*big, *big, *big, *big, *big, *big]\n`,
    path: '(top level)',
    message: /the YAML aliases \(\*name\) would expand the spec to about 6\.7 MB of data, more than the 5\.0 MB a spec may hold/,
  },
  {
    name: 'fails on a string of text over 5 MB',
    text: `# ${'x'.repeat(MAX_SPEC_BYTES)}\n${VALID}`,
    path: '(file)',
    message: /is 5\.0 MB of text; a spec may be at most 5\.0 MB/,
  },
];

describe('hostile spec text is refused cleanly with a SpecError', () => {
  test.each(hostileCases)('$name', ({ text, path: expectedPath, line, message }) => {
    const error = specError(() => parseSpec(text, 'hostile.yaml'));
    const problem = error.problems.find(p => p.path === expectedPath && message.test(p.message));
    const expected = expect.objectContaining({ path: expectedPath, message: expect.stringMatching(message) });
    expect({ problems: error.problems }).toEqual({ problems: expect.arrayContaining([expected]) });
    if (line !== undefined) expect(problem?.line).toBe(line);
  });

  test('brackets inside quoted, plain and block scalars and comments are not nesting', () => {
    const deep = '['.repeat(100);
    const text = VALID.replace('image: shop/web:1', `image: shop/web:1 # ${deep}\n    annotations:\n      a: "${deep}"\n      b: '${deep}'\n`
      + `      c: x${deep}\n      d: |\n        ${deep}\n    env: [ { name: E, value: "${deep}" }, { name: F, value: '${deep}' } ]`);
    const service = parseSpec(text, 'brackets.yaml').services[0];
    expect(service.annotations).toEqual({ a: deep, b: deep, c: `x${deep}`, d: `${deep}\n` });
    expect(service.env).toEqual([{ name: 'E', value: deep }, { name: 'F', value: deep }]);
  });

  test('the valid spec the cases start from is accepted', () => {
    expect(parseSpec(VALID, 'valid.yaml').services[0].name).toBe('web');
  });

  test('a message lists at most 100 problems and counts the rest', () => {
    const text = `services: []\nentry: { service: web }\n${Array.from({ length: 150 }, (_, i) => `unknown${i}: 1`).join('\n')}\n`;
    const error = specError(() => parseSpec(text, 'many.yaml'));
    expect(error.problems).toHaveLength(150);
    expect(error.message.split('\n')).toHaveLength(102);
    expect(error.message).toMatch(/\n {2}\.\.\. and 50 more$/);
  });

  test('a __proto__ key never reaches an object prototype', () => {
    specError(() => parseSpec('{"__proto__": {"polluted": true}}', 'proto.json'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile spec files', () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-hostile-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('fails on a 10 MB file from its size, before reading it', () => {
    const file = path.join(dir, 'huge.yaml');
    fs.writeFileSync(file, `${VALID}# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const error = specError(() => loadSpecFile(file));
    expect(error.problems).toEqual([{ path: '(file)', message: expect.stringMatching(/^is 10\.0 MB; a spec file may be at most 5\.0 MB/) }]);
    expect(error.message).toBe(`${file}: the spec has 1 problem:\n  ${file}: (file): ${error.problems[0].message}`);
  });

  test('a file of exactly 5 MB is read', () => {
    const file = path.join(dir, 'five.yaml');
    fs.writeFileSync(file, `${VALID}#${'x'.repeat(MAX_SPEC_BYTES - VALID.length - 2)}\n`);
    expect(fs.statSync(file).size).toBe(MAX_SPEC_BYTES);
    expect(loadSpecFile(file).services[0].name).toBe('web');
  });

  test('fails on an alias bomb file', () => {
    const file = path.join(dir, 'bomb.yaml');
    fs.writeFileSync(file, aliasBomb());
    expect(specError(() => loadSpecFile(file)).problems[0].message).toMatch(/alias bomb/);
  });
});
