import { ChainValidationError, formatPath, PathSegment, Problems, show } from '../lib/diagnostics/problems';

/*
 * The pieces every message is made of: the path of a field, a received value shown short and
 * unambiguous, and the error that lists every problem at once.
 */

describe('formatPath', () => {
  test.each<[PathSegment[], string]>([
    [[], ''],
    [['namespace'], 'namespace'],
    [['services', 1, 'versions', 'v3', 'image'], 'services[1].versions.v3.image'],
    [[0, 'name'], '[0].name'],
    [['entry', 'headerRoutes', 12], 'entry.headerRoutes[12]'],
    [['labels', 'example.com/tier'], 'labels["example.com/tier"]'],
    [['a b', 'c'], '["a b"].c'],
    [['versions', 'v1.2'], 'versions["v1.2"]'],
    [['versions', '2'], 'versions["2"]'],
    [['_private', '$ref', 'max-surge'], '_private.$ref.max-surge'],
    [['quote"d'], '["quote\\"d"]'],
  ])('%j reads %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('show', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;

  test.each<[string, unknown, string]>([
    ['nothing', undefined, 'nothing'],
    ['a string, quoted', 'v2', '"v2"'],
    ['a number', 1.5, '1.5'],
    ['an infinity', -Infinity, '-Infinity'],
    ['not a number', NaN, 'NaN'],
    ['a big integer', 12n, '12'],
    ['a function', () => 1, 'a function'],
    ['a symbol', Symbol('lane'), 'Symbol(lane)'],
    ['null', null, 'null'],
    ['a mapping', { a: [1, 'b'] }, '{"a":[1,"b"]}'],
    ['values JSON cannot write, inside a mapping', { n: 12n, i: Infinity, f: () => 1, s: Symbol('x'), u: undefined }, '{"n":"12n","i":"Infinity","f":"function","s":"symbol"}'],
    ['values JSON cannot write, inside a list', [NaN, 3n], '["NaN","3n"]'],
    ['an object that refers to itself', cyclic, 'an object that contains itself'],
    ['a hidden character, as its code point', 'a\u200bb', '"a<U+200B>b"'],
  ])('%s', (_label, value, text) => {
    expect(show(value)).toBe(text);
  });

  test('keeps a text of 80 characters whole, and cuts a longer one to 80 with an ellipsis', () => {
    const eighty = `"${'x'.repeat(78)}"`;
    expect(show('x'.repeat(78))).toBe(eighty);
    expect(show('x'.repeat(79))).toBe(`"${'x'.repeat(76)}...`);
    expect(show('x'.repeat(79))).toHaveLength(80);
  });
});

describe('ChainValidationError', () => {
  test('lists each problem on its own line, with its path, under one heading', () => {
    const error = new ChainValidationError([
      { path: ['services', 0, 'name'], message: 'is empty' },
      { path: ['entry'], message: 'is missing' },
    ]);
    expect(error.name).toBe('ChainValidationError');
    expect(error.message).toBe('Validation failed with the following errors:\n  [services[0].name] is empty\n  [entry] is missing');
    expect(error.problems.map(problem => formatPath(problem.path))).toEqual(['services[0].name', 'entry']);
  });
});

describe('Problems', () => {
  test('keeps every problem in the order found, with a copy of its path', () => {
    const problems = new Problems();
    const path: PathSegment[] = ['services', 0];
    problems.add(path, 'first');
    path.push('name');
    problems.addAll([{ path: ['entry'], message: 'second' }, { path: [], message: 'third' }]);
    expect(problems.size).toBe(3);
    expect(problems.list).toEqual([
      { path: ['services', 0], message: 'first' },
      { path: ['entry'], message: 'second' },
      { path: [], message: 'third' },
    ]);
  });

  test('throws only when it holds a problem, and then all of them', () => {
    const problems = new Problems();
    expect(() => problems.throwIfAny()).not.toThrow();
    problems.add(['a'], 'one');
    problems.add(['b'], 'two');
    expect(() => problems.throwIfAny()).toThrow(new ChainValidationError([{ path: ['a'], message: 'one' }, { path: ['b'], message: 'two' }]));
  });
});
