import { pointerPath } from '../lib/diagnostics/json-pointer';

/*
 * JSON pointers (RFC 6901), as ajv reports where an error is, turned into paths that print the
 * way the props read: a segment is a number only where it indexes a list.
 */

describe('pointerPath', () => {
  const root = {
    spec: { http: [{ route: [{ weight: 10 }] }], 0: { x: 1 } },
    list: ['a', 'b'],
    empty: null,
    text: 'abc',
  };

  test.each<[string, unknown, (string | number)[]]>([
    ['the root', '', []],
    ['fields and list indices', '/spec/http/0/route/0/weight', ['spec', 'http', 0, 'route', 0, 'weight']],
    ['a digit key of a mapping stays a name', '/spec/0/x', ['spec', '0', 'x']],
    ['an index with several digits', '/list/10', ['list', 10]],
    ['a key of a list that starts with a digit', '/list/1a', ['list', '1a']],
    ['a key of a list that ends with a digit', '/list/a1', ['list', 'a1']],
    ['escaped / and ~, unescaped in that order', '/spec/a~1b~0c~01', ['spec', 'a/b~c~1']],
    ['a path below a value that is missing', '/nothing/here/0', ['nothing', 'here', '0']],
    ['a path below null', '/empty/x/0', ['empty', 'x', '0']],
    ['a path below a string', '/text/0/0', ['text', '0', '0']],
  ])('%s', (_label, pointer, path) => {
    expect(pointerPath(pointer as string, root)).toEqual(path);
  });
});
