import { validateChain } from '../lib';
import { headerRoutingChain, LooseProps, mutated } from './validation-support/seed-chains';
import { formatPath } from '../lib/diagnostics/problems';
import { matchesEverything } from '../lib/validation/shadowed-header-routes';

/** The unreachable-route problems of the header-routing chain with `routes` as its header routes. */
function unreachable(routes: LooseProps[]): { path: string; message: string }[] {
  const props = mutated(headerRoutingChain, p => { p.entry.headerRoutes = routes; });
  return validateChain(props).problems.list
    .filter(problem => problem.message.startsWith('can never match'))
    .map(problem => ({ path: formatPath(problem.path), message: problem.message }));
}

/** The whole message for route `index`, shadowed by route `shadow`; `covers` says which condition covers which. */
function shadowed(index: number, shadow: number, covers: string): { path: string; message: string } {
  return {
    path: `entry.headerRoutes[${index}]`,
    message: `can never match: entry.headerRoutes[${shadow}] comes first and takes every request this one would (${covers}); `
      + 'remove this route or change its condition',
  };
}

test('a repeated route is reported in one whole message, with both conditions and their sources', () => {
  expect(unreachable([
    { header: 'version', regex: 'v1', version: 'v1' },
    { header: 'Version', regex: 'v1', version: 'v2' },
  ])).toEqual([{
    path: 'entry.headerRoutes[1]',
    message: 'can never match: entry.headerRoutes[0] comes first and takes every request this one would '
      + '(header "version" regex "v1" from gateway covers header "version" regex "v1" from gateway); remove this route or change its condition',
  }]);
});

const v1 = { version: 'v1' };
const v2 = { version: 'v2' };

const cases: [title: string, routes: LooseProps[], problems: { path: string; message: string }[]][] = [
  ['an exact value twice', [{ header: 'x', exact: 'a', ...v1 }, { header: 'x', exact: 'a', ...v2 }],
    [shadowed(1, 0, 'header "x" exact "a" from gateway covers header "x" exact "a" from gateway')]],
  ['a prefix that starts a later exact value', [{ header: 'x', prefix: 'v', ...v1 }, { header: 'x', exact: 'v2', ...v2 }],
    [shadowed(1, 0, 'header "x" prefix "v" from gateway covers header "x" exact "v2" from gateway')]],
  ['a prefix that starts a later prefix', [{ header: 'x', prefix: 'v', ...v1 }, { header: 'x', prefix: 'v2', ...v2 }],
    [shadowed(1, 0, 'header "x" prefix "v" from gateway covers header "x" prefix "v2" from gateway')]],
  ['a prefix that does not start a later exact value', [{ header: 'x', prefix: 'v2', ...v1 }, { header: 'x', exact: 'v1', ...v2 }], []],
  ['an exact value before a prefix of the same text', [{ header: 'x', exact: 'v', ...v1 }, { header: 'x', prefix: 'v', ...v2 }], []],
  ['an exact value that reads like a regex for every value', [{ header: 'x', exact: '.*', ...v1 }, { header: 'x', exact: 'a', ...v2 }], []],
  ['a prefix before a regex', [{ header: 'x', prefix: 'v', ...v1 }, { header: 'x', regex: 'v.*', ...v2 }], []],
  ['an exact value that starts a later exact value', [{ header: 'x', exact: 'v', ...v1 }, { header: 'x', exact: 'v2', ...v2 }], []],
  ['an exact value that a later one would match as a regex', [{ header: 'x', exact: 'v.', ...v1 }, { header: 'x', exact: 'v2', ...v2 }], []],
  ['a regex that matches every value, before a prefix', [{ header: 'x', regex: '.*', ...v1 }, { header: 'x', prefix: 'v', ...v2 }],
    [shadowed(1, 0, 'header "x" regex ".*" from gateway covers header "x" prefix "v" from gateway')]],
  ['a regex that matches the whole of a later exact value', [{ header: 'x', regex: 'v[0-9]+', ...v1 }, { header: 'x', exact: 'v2', ...v2 }],
    [shadowed(1, 0, 'header "x" regex "v[0-9]+" from gateway covers header "x" exact "v2" from gateway')]],
  ['a regex that matches only part of a later exact value', [{ header: 'x', regex: 'v[0-9]+', ...v1 }, { header: 'x', exact: 'v2x', ...v2 }], []],
  ['a regex before a prefix it matches the whole of', [{ header: 'x', regex: 'v[0-9]+', ...v1 }, { header: 'x', prefix: 'v2', ...v2 }], []],
  ['a route for fewer sources before one for more', [
    { header: 'x', exact: 'a', from: ['gateway'], ...v1 },
    { header: 'x', exact: 'a', from: ['gateway', 'mesh'], ...v2 },
  ], []],
  ['a route for more sources before one for fewer', [
    { header: 'x', exact: 'a', from: ['gateway', 'mesh'], ...v1 },
    { header: 'x', exact: 'a', from: ['mesh'], ...v2 },
  ], [shadowed(1, 0, 'header "x" exact "a" from gateway, mesh covers header "x" exact "a" from mesh')]],
  ['the same condition on two headers', [{ header: 'x', exact: 'a', ...v1 }, { header: 'y', exact: 'a', ...v2 }], []],
  ['the same condition on a cookie and a header of one name', [{ cookie: 'x', exact: 'a', ...v1 }, { header: 'x', exact: 'a', ...v2 }], []],
  ['a cookie route twice', [{ cookie: 'lane', exact: 'a', ...v1 }, { cookie: 'lane', exact: 'a', ...v2 }],
    [shadowed(1, 0, 'cookie "lane" exact "a" from gateway covers cookie "lane" exact "a" from gateway')]],
  ['cookie names that differ in case', [{ cookie: 'Lane', exact: 'a', ...v1 }, { cookie: 'lane', exact: 'a', ...v2 }], []],
  ['an earlier route with a header and a cookie', [{ header: 'x', cookie: 'x', exact: 'a', ...v1 }, { header: 'x', exact: 'a', ...v2 }], []],
  ['an earlier route with two conditions', [{ header: 'x', exact: 'a', prefix: 'a', ...v1 }, { header: 'x', exact: 'a', ...v2 }], []],
  ['an earlier route with no condition', [{ header: 'x', ...v1 }, { header: 'x', exact: 'a', ...v2 }], []],
  ['a regex RE2 refuses, twice', [{ header: 'x', regex: '(?=v)', ...v1 }, { header: 'x', regex: '(?=v)', ...v2 }], []],
  ['an exact value that is not a valid regex, twice', [{ header: 'x', exact: '(', ...v1 }, { header: 'x', exact: '(', ...v2 }],
    [shadowed(1, 0, 'header "x" exact "(" from gateway covers header "x" exact "(" from gateway')]],
  ['a route covered by the second of two earlier ones', [
    { header: 'x', regex: 'z', ...v1 },
    { header: 'x', prefix: 'v', ...v2 },
    { header: 'x', exact: 'v1', ...v1 },
  ], [shadowed(2, 1, 'header "x" prefix "v" from gateway covers header "x" exact "v1" from gateway')]],
  ['two routes covered by the first', [
    { header: 'x', regex: '.*', ...v1 },
    { header: 'x', exact: 'a', ...v2 },
    { header: 'x', exact: 'b', ...v2 },
  ], [
    shadowed(1, 0, 'header "x" regex ".*" from gateway covers header "x" exact "a" from gateway'),
    shadowed(2, 0, 'header "x" regex ".*" from gateway covers header "x" exact "b" from gateway'),
  ]],
];

describe('header routes that can never match', () => {
  test.each(cases)('%s', (_title, routes, problems) => {
    expect(unreachable(routes)).toEqual(problems);
  });

  test('a chain without header routes has none', () => {
    expect(unreachable(undefined as unknown as LooseProps[])).toEqual([]);
  });
});

describe('regexes that match every value', () => {
  test.each([
    '.*', '^.*$', '^.*', '.*$', '(.*)', '((.*))', '(?:.*)', '(?s:.*)', '(?s).*', '(?s)^.*$', '^(.*)$',
    '.*?', '[\\s\\S]*', '[\\S\\s]*', '[^\\n]*',
  ])('%s matches every value', regex => {
    expect(matchesEverything(regex)).toBe(true);
  });

  test.each([
    'x.*', '.*x', '(.*)x', '(a)(.*)', '.+', '', '^', '(?i).*', '.*(?s)', '.*^', '$.*', '(?s)(?s).*',
  ])('%s does not', regex => {
    expect(matchesEverything(regex)).toBe(false);
  });
});
