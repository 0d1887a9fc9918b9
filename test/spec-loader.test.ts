import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateChain } from '../lib';
import { loadSpecFile, parseSpec, SpecProblem } from '../lib/spec';
import { specError } from './support/spec-error';
import { headerRoutingChain, seedChain } from './validation-support/seed-chains';

const FIXTURES = path.join(__dirname, 'spec-fixtures');


describe('valid specs', () => {
  test('the seed weighted chain written as YAML reads as the props of main.ts and validates cleanly', () => {
    const props = loadSpecFile(path.join(FIXTURES, 'seed-weighted.yaml'));
    expect(props).toEqual(seedChain);
    expect(validateChain(props)).toEqual({ problems: expect.objectContaining({ size: 0 }), warnings: [] });
  });

  test('the seed header chain, with anchors and aliases, reads as the props of examples/seed-headers.yaml', () => {
    const props = loadSpecFile(path.join(FIXTURES, 'seed-headers.yaml'));
    expect(props).toEqual(headerRoutingChain);
    expect(validateChain(props).problems.list).toEqual([]);
  });

  test('JSON is read as YAML', () => {
    expect(parseSpec(JSON.stringify(seedChain, null, 2), 'seed.json')).toEqual(seedChain);
  });

  test('a UTF-8 byte order mark is dropped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-bom-'));
    try {
      const file = path.join(dir, 'seed.yaml');
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(path.join(FIXTURES, 'seed-weighted.yaml'))]));
      expect(loadSpecFile(file)).toEqual(seedChain);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The seed, with three unrelated mistakes on known lines. */
const THREE_MISTAKES = `services:
  - name: appa
    versions: { v1: {}, v2: {} }
    calls: [appc]
  - name: appb
    versions: { v1: {}, v2: {} }
    image: shop/appb:1
defaults:
  image: shop/app:1
entry:
  service: appa
  gateways: [istio-system/app-gw]
  hosts: ['*.example.com']
  gatewayWeights: { v1: 10, v2: 80 }
  meshWeights: { v1: 100 }
`;

describe('spec problems', () => {
  test('all problems are reported at once, each with line and column', () => {
    const error = specError(() => parseSpec(THREE_MISTAKES, 'shop.yaml'));
    expect(error.problems).toEqual<SpecProblem[]>([
      { path: 'services[0].calls[0]', line: 4, column: 13, message: expect.stringMatching(/"appc" is not a service of the chain/) },
      { path: 'entry.hosts[0]', line: 13, column: 11, message: expect.stringMatching(/"\*\.example\.com" is a wildcard/) },
      { path: 'entry.gatewayWeights', line: 14, column: 3, message: expect.stringMatching(/add up to 90, not 100/) },
    ]);
  });

  test('the message lists each problem as <file>:<line>:<column>: <path>: <message>', () => {
    const error = specError(() => parseSpec(THREE_MISTAKES, 'shop.yaml'));
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('shop.yaml: the spec has 3 problems:');
    expect(lines[1]).toMatch(/^ {2}shop\.yaml:4:13: services\[0\]\.calls\[0\]: "appc" is not a service of the chain/);
    expect(lines[2]).toMatch(/^ {2}shop\.yaml:13:11: entry\.hosts\[0\]: /);
    expect(lines[3]).toMatch(/^ {2}shop\.yaml:14:3: entry\.gatewayWeights: add up to 90/);
  });

  test('a bad value points at the value, a missing field at the mapping that lacks it', () => {
    const text = 'services:\n  - name: appa\n    port: 70000\n    versions: { v1: {} }\nentry:\n  gateways: [istio-system/gw]\n';
    const error = specError(() => parseSpec(text, 'spec.yaml'));
    expect(error.problems).toEqual([
      { path: 'services[0].port', line: 3, column: 11, message: 'is 70000; expected a whole number from 1 to 65535' },
      { path: 'entry.service', line: 5, column: 1, message: 'is missing; add it (Name of the entry service)' },
    ]);
  });

  test('a problem at an alias points at the alias; one inside an aliased value points into the anchor', () => {
    const text = 'services:\n  - name: appa\n    versions: { v1: {} }\n    image: x\nentry:\n  service: appa\n  defaultVersion: v1\n'
      + '  gateways: [istio-system/gw]\n  gatewayWeights: &w { v1: 50, v3: 50 }\n  meshWeights: *w\n  hosts: *w\n';
    const error = specError(() => parseSpec(text, 'spec.yaml'));
    expect(error.problems.map(p => [p.path, p.line, p.column])).toEqual([
      ['entry.hosts', 11, 10],
    ]);
    const rules = specError(() => parseSpec(text.replace('  hosts: *w\n', ''), 'spec.yaml'));
    expect(rules.problems.map(p => [p.path, p.line, p.column])).toEqual([
      ['entry.gatewayWeights.v3', 9, 36],
      ['entry.meshWeights.v3', 9, 36],
    ]);
  });

  test('loadSpecFile names the file it was given in every problem', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-name-'));
    try {
      const file = path.join(dir, 'shop.yaml');
      fs.writeFileSync(file, THREE_MISTAKES);
      const error = specError(() => loadSpecFile(file));
      expect(error.fileName).toBe(file);
      expect(error.message).toContain(`${file}:4:13: services[0].calls[0]: `);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('files that cannot be read', () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-files-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['fails when the file does not exist', () => path.join(dir, 'missing.yaml'), /cannot be opened: there is no such file/],
    ['fails when the path is a directory', () => dir, /is a directory/],
    ['fails when the file is not UTF-8', () => {
      const file = path.join(dir, 'latin1.yaml');
      fs.writeFileSync(file, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
      return file;
    }, /is not UTF-8 text/],
  ])('%s', (_name, file, message) => {
    const error = specError(() => loadSpecFile(file()));
    expect(error.problems).toEqual([{ path: '(file)', message: expect.stringMatching(message) }]);
  });
});
