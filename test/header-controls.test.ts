import { ServiceChainProps, validateChain } from '../lib';
import { formatPath } from '../lib/diagnostics/problems';
import { parseSpec } from '../lib/spec';
import { specError } from './support/spec-error';
import { headerRoutingChain, LooseProps, mutated, seedChain } from './validation-support/seed-chains';

/*
 * Control characters in header and cookie names and values are refused: they break HTTP
 * parsing, and would break the YAML and the Markdown written from the chain. The message
 * names the path, shows the characters as code points and says how to fix it.
 */

const problemsOf = (base: ServiceChainProps, mutate: (p: LooseProps) => void) =>
  validateChain(mutated(base, mutate)).problems.list.map(p => `${formatPath(p.path)}: ${p.message}`);

describe('control characters', () => {
  test('fails when a header value holds a line feed, shown as U+000A', () => {
    expect(problemsOf(headerRoutingChain, p => { p.entry.headerRoutes[0] = { header: 'x-lane', exact: 'v1\n```', version: 'v1' }; })).toEqual([
      'entry.headerRoutes[0].exact: "v1\\n```" contains the control character U+000A (line feed), which header values cannot hold. Remove it: "v1```"',
    ]);
  });

  test('fails on every control character of prefix and regex values, each listed once', () => {
    const problems = problemsOf(headerRoutingChain, p => {
      p.entry.headerRoutes[0] = { header: 'x-tenant', prefix: 'a\r\nb\r', version: 'v1' };
      p.entry.headerRoutes[1].regex = 'v\u00002\u007F';
    });
    expect(problems).toEqual([
      'entry.headerRoutes[0].prefix: "a\\r\\nb\\r" contains the control characters U+000D (carriage return), U+000A (line feed), which header values cannot hold. Remove them: "ab"',
      'entry.headerRoutes[1].regex: "v\\u00002\\u007f" contains the control characters U+0000 (NUL), U+007F (delete), which header values cannot hold. Remove them: "v2"',
    ]);
  });

  test('fails when a cookie value holds a C1 control', () => {
    expect(problemsOf(headerRoutingChain, p => { p.entry.headerRoutes[0] = { cookie: 'lane', exact: 'v\u00852', version: 'v1' }; })).toEqual([
      'entry.headerRoutes[0].exact: "v\\u00852" contains the control character U+0085 (next line), which cookie values cannot hold. Remove it: "v2"',
    ]);
  });

  test('fails when a header, cookie or lane header name holds a control character, once per name', () => {
    const header = problemsOf(headerRoutingChain, p => { p.entry.headerRoutes[0].header = 'x-\tlane'; });
    expect(header).toEqual(['entry.headerRoutes[0].header: "x-\\tlane" contains the control character U+0009 (tab), which header names cannot hold. Remove it: "x-lane"']);
    const cookie = problemsOf(headerRoutingChain, p => { p.entry.headerRoutes[0] = { cookie: 'la\u001Bne', exact: 'v1', version: 'v1' }; });
    expect(cookie).toEqual([expect.stringMatching(/^entry\.headerRoutes\[0\]\.cookie: .* U\+001B \(escape\), which cookie names cannot hold/)]);
    const lane = problemsOf(seedChain, p => { p.laneMode = 'header'; p.laneHeader = 'x-lane\n'; });
    expect(lane).toEqual([expect.stringMatching(/^laneHeader: "x-lane\\n" contains the control character U\+000A \(line feed\), which header names cannot hold\. Remove it: "x-lane"$/)]);
  });

  test('a tab inside a header value is no control character to refuse: HTTP allows it', () => {
    expect(problemsOf(headerRoutingChain, p => { p.entry.headerRoutes[0] = { header: 'x-lane', exact: 'v\t1', version: 'v1' }; })).toEqual([]);
  });
});

test('a spec file with a newline in a header value is refused at its line and column, before any output', () => {
  const spec = [
    'defaults: { image: registry.example.com/app:1.0 }',
    'services:',
    '  - name: web',
    '    versions: { v1: {}, v2: {} }',
    'entry:',
    '  service: web',
    '  mesh: false',
    '  gateways: [edge/public]',
    '  hosts: [shop.example.com]',
    '  headerRoutes:',
    '    - { header: x-lane, exact: "v2\\n```\\n# injected", version: v2 }',
    '  gatewayWeights: { v1: 100 }',
  ].join('\n');
  expect(specError(() => parseSpec(spec, 'shop.yaml')).message).toContain(
    'shop.yaml:11:32: entry.headerRoutes[0].exact: "v2\\n```\\n# injected" contains the control character U+000A (line feed), which header values cannot hold. Remove it: "v2```# injected"',
  );
});

describe('control characters, as shown', () => {
  test('a name of control characters alone is shown, with nothing left to suggest', () => {
    expect(problemsOf(headerRoutingChain, p => { p.entry.headerRoutes[0].header = '\n'; })).toEqual([
      'entry.headerRoutes[0].header: "\\n" contains the control character U+000A (line feed), which header names cannot hold. Remove it',
    ]);
  });

  test('a value is shown whole up to 80 characters quoted, and cut with "..." past them', () => {
    const at80 = `${'a'.repeat(76)}\n`;
    expect(problemsOf(headerRoutingChain, p => { p.entry.headerRoutes[0] = { header: 'x-lane', exact: at80, version: 'v1' }; })).toEqual([
      `entry.headerRoutes[0].exact: "${'a'.repeat(76)}\\n" contains the control character U+000A (line feed), which header values cannot hold. Remove it: "${'a'.repeat(76)}"`,
    ]);
    const at81 = `${'a'.repeat(77)}\n`;
    expect(problemsOf(headerRoutingChain, p => { p.entry.headerRoutes[0] = { header: 'x-lane', exact: at81, version: 'v1' }; })).toEqual([
      `entry.headerRoutes[0].exact: "${'a'.repeat(76)}... contains the control character U+000A (line feed), which header values cannot hold. Remove it: "${'a'.repeat(77)}"`,
    ]);
  });
});
